/** Words of the notes on an item's page, Dutch first. */
export const nl = {
  heading: 'Notities',
  erasedAuthor: 'Een verwijderd account',
};

export type Texts = typeof nl;

export const en: Texts = {
  heading: 'Notes',
  erasedAuthor: 'A deleted account',
};
