/** Texts of the page-not-found page. */

export const nl = {
  title: 'Pagina niet gevonden',
  heading: 'Pagina niet gevonden',
  text: 'Deze pagina bestaat niet (meer). Misschien is het adres verkeerd getypt.',
  home: 'Naar de startpagina',
};

export type Texts = typeof nl;

export const en: Texts = {
  title: 'Page not found',
  heading: 'Page not found',
  text: 'This page does not exist (any more). Perhaps the address was mistyped.',
  home: 'Go to the home page',
};
