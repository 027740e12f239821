/** Texts of the accessibility statement. */

export const nl = {
  title: 'Toegankelijkheidsverklaring',
  heading: 'Toegankelijkheidsverklaring',
  intro: (org: string) =>
    `${org} wil dat iedereen deze website kan gebruiken. Wij houden ons aan de Europese norm EN 301 549 en bouwen volgens WCAG 2.2 niveau AA.`,
  missing: 'De gemeente heeft de toegankelijkheidsverklaring nog niet ingevuld.',
  scopeHeading: 'Waar gaat deze verklaring over?',
  statusHeading: 'Hoe toegankelijk is deze website?',
  status: {
    A: 'Voldoet volledig aan de eisen.',
    B: 'Voldoet gedeeltelijk aan de eisen.',
    C: 'Eerste maatregelen genomen.',
    D: 'Nog geen maatregelen genomen.',
    E: 'Voldoet niet aan de eisen.',
  },
  statementDate: (date: string) => `Deze verklaring is opgesteld op ${date}.`,
  auditsHeading: 'Onderzoeken',
  auditBy: (by: string, date: string) => `Door ${by}, ${date}`,
  noAudits: 'Er zijn nog geen onderzoeken gepubliceerd.',
  deviationsHeading: 'Wat werkt nog niet goed?',
  noDeviations: 'Er zijn geen bekende problemen.',
  criterion: (c: string) => `Succescriterium ${c}`,
  measure: 'Wat doen wij eraan?',
  resolveBy: (date: string) => `Opgelost vóór ${date}.`,
  checksHeading: 'Wat toetsen wij bij elke nieuwe versie?',
  checks: [
    'Elke pagina, in het Nederlands en Engels, met axe-core op WCAG 2.2 AA.',
    'Reageren met alleen het toetsenbord, met en zonder JavaScript.',
    'De volgorde van de focus, zichtbare focus, en focus die niet wordt afgedekt.',
    'Pagina’s op 320 pixels breed, met 200% tekstgrootte, met extra tekstafstand en in hoog contrast (geforceerde kleuren).',
    'Foutmeldingen, statusmeldingen, paginatitels, taal, koppen en landmarks.',
  ],
  contactHeading: 'Werkt iets niet?',
  contact: (email: string, days: number) =>
    `Mail naar ${email}. Wij antwoorden binnen ${days} werkdagen. Bent u niet tevreden met ons antwoord, dan kunt u contact opnemen met de Nationale ombudsman.`,
};

export type Texts = typeof nl;

export const en: Texts = {
  title: 'Accessibility statement',
  heading: 'Accessibility statement',
  intro: (org: string) =>
    `${org} wants everyone to be able to use this website. We follow the European standard EN 301 549 and build to WCAG 2.2 level AA.`,
  missing: 'The municipality has not filled in the accessibility statement yet.',
  scopeHeading: 'What does this statement cover?',
  statusHeading: 'How accessible is this website?',
  status: {
    A: 'Fully meets the requirements.',
    B: 'Partially meets the requirements.',
    C: 'First measures taken.',
    D: 'No measures taken yet.',
    E: 'Does not meet the requirements.',
  },
  statementDate: (date: string) => `This statement was drawn up on ${date}.`,
  auditsHeading: 'Audits',
  auditBy: (by: string, date: string) => `By ${by}, ${date}`,
  noAudits: 'No audits have been published yet.',
  deviationsHeading: 'What does not work well yet?',
  noDeviations: 'There are no known problems.',
  criterion: (c: string) => `Success criterion ${c}`,
  measure: 'What are we doing about it?',
  resolveBy: (date: string) => `Fixed before ${date}.`,
  checksHeading: 'What do we test with every new version?',
  checks: [
    'Every page, in Dutch and English, with axe-core against WCAG 2.2 AA.',
    'Responding with the keyboard only, with and without JavaScript.',
    'Focus order, visible focus, and focus that is not hidden.',
    'Pages at 320 pixels wide, with 200% text size, with extra text spacing and in high contrast (forced colours).',
    'Error messages, status messages, page titles, language, headings and landmarks.',
  ],
  contactHeading: 'Something does not work?',
  contact: (email: string, days: number) =>
    `Write to ${email}. We answer within ${days} working days. If you are not satisfied with our answer, you can contact the National Ombudsman.`,
};
