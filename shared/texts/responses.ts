/** Texts of the published responses of a consultation. */

export const nl = {
  title: (consultation: string) => `Reacties op ${consultation}`,
  titlePage: (consultation: string, page: number, pages: number) =>
    `Reacties op ${consultation}, pagina ${page} van ${pages}`,
  heading: 'U zei, wij deden',
  intro:
    'Alle gepubliceerde reacties op deze consultatie, met de antwoorden van de gemeente. De nieuwste staan bovenaan.',
  summary: (from: number, to: number, total: number) => `Reactie ${from} tot en met ${to} van ${total}`,
  allLink: 'Alle reacties met de antwoorden van de gemeente',
  backToConsultation: 'Terug naar de consultatie',
  pagination: 'Paginering',
  previous: 'Vorige pagina',
  next: 'Volgende pagina',
  pageLabel: (n: number) => `Pagina ${n}`,
};

export type Texts = typeof nl;

export const en: Texts = {
  title: (consultation: string) => `Responses to ${consultation}`,
  titlePage: (consultation: string, page: number, pages: number) =>
    `Responses to ${consultation}, page ${page} of ${pages}`,
  heading: 'You said, we did',
  intro: 'All published responses to this consultation, with the answers of the municipality. The newest come first.',
  summary: (from: number, to: number, total: number) => `Responses ${from} to ${to} of ${total}`,
  allLink: "All responses with the municipality's answers",
  backToConsultation: 'Back to the consultation',
  pagination: 'Pagination',
  previous: 'Previous page',
  next: 'Next page',
  pageLabel: (n: number) => `Page ${n}`,
};
