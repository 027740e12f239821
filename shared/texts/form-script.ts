/**
 * The few texts the form enhancement script (site/scripts/form-enhance.ts) needs, in a module
 * of their own so its browser bundle carries these and not every text of the portal.
 */

export const nl = {
  submit: 'Reactie versturen',
  charactersLeft: (n: number) => (n === 1 ? 'U heeft nog 1 teken over' : `U heeft nog ${n} tekens over`),
  charactersTooMany: (n: number) => (n === 1 ? 'U heeft 1 teken te veel' : `U heeft ${n} tekens te veel`),
};

export type Texts = typeof nl;

export const en: Texts = {
  submit: 'Send response',
  charactersLeft: (n: number) => (n === 1 ? 'You have 1 character left' : `You have ${n} characters left`),
  charactersTooMany: (n: number) => (n === 1 ? 'You have 1 character too many' : `You have ${n} characters too many`),
};
