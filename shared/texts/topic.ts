/** Texts of a topic page. */

export const nl = {
  consultationsHeading: 'Consultaties over dit onderwerp',
  none: 'Er zijn nog geen consultaties over dit onderwerp.',
};

export type Texts = typeof nl;

export const en: Texts = {
  consultationsHeading: 'Consultations on this topic',
  none: 'There are no consultations on this topic yet.',
};
