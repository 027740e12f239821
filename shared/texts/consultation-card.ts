/** Texts of the consultation card in lists. */

export const nl = {
  status: 'Status',
  openUntil: (date: string) => `Reageren kan tot en met ${date}`,
  opensOn: (date: string) => `Opent op ${date}`,
  closedOn: (date: string) => `Gesloten op ${date}`,
  responses: (n: number) => (n === 1 ? '1 reactie' : `${n} reacties`),
};

export type Texts = typeof nl;

export const en: Texts = {
  status: 'Status',
  openUntil: (date: string) => `You can respond until ${date}`,
  opensOn: (date: string) => `Opens on ${date}`,
  closedOn: (date: string) => `Closed on ${date}`,
  responses: (n: number) => (n === 1 ? '1 response' : `${n} responses`),
};
