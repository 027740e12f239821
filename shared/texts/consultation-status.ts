/** The status labels of a consultation (open, closed, …), on cards and pages. */

export const nl = {
  open: 'Open',
  closed: 'Gesloten',
  decided: 'Besluit genomen',
  upcoming: 'Binnenkort open',
};

export type Texts = typeof nl;

export const en: Texts = {
  open: 'Open',
  closed: 'Closed',
  decided: 'Decided',
  upcoming: 'Opening soon',
};
