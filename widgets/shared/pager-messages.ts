/**
 * Dutch texts of the pager (pager.ts); a widget that pages spreads them into its own table.
 * English is in pager-en.ts. Kept apart from pager.ts, which needs a DOM.
 */
export const pagerNl = {
  pages: 'Pagina’s',
  pageOf: 'Pagina {page} van {pages}',
  previous: 'Vorige pagina',
  next: 'Volgende pagina',
};

export type PagerKey = keyof typeof pagerNl;
