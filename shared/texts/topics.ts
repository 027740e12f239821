/** Texts of the topics overview. */

export const nl = {
  title: 'Onderwerpen',
  heading: 'Onderwerpen',
  intro: 'Alle onderwerpen waarover de gemeente uw mening vraagt of vroeg.',
  consultations: (open: number, total: number) =>
    `${total === 1 ? '1 consultatie' : `${total} consultaties`}, waarvan ${open} open`,
};

export type Texts = typeof nl;

export const en: Texts = {
  title: 'Topics',
  heading: 'Topics',
  intro: 'All topics on which the municipality asks or asked for your views.',
  consultations: (open: number, total: number) =>
    `${total === 1 ? '1 consultation' : `${total} consultations`}, ${open} open`,
};
