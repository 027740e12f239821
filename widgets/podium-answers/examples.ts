/** <podium-answers>: documentation and test states (see widgets/shared/examples.ts). */
import { commonAttributes, loadStates, type WidgetExamples } from '../shared/examples.ts';

export const examples: WidgetExamples = {
  tag: 'podium-answers',
  script: 'podium-answers.js',
  summary: {
    nl: 'Gepubliceerde reacties op een consultatie met de antwoorden van de gemeente, de nieuwste eerst, per pagina.',
    en: "Published responses to a consultation with the municipality's answers, newest first, a page at a time.",
  },
  example: {
    title: { nl: 'Reacties en antwoorden', en: 'Responses and answers' },
    attributes: { consultation: 'fietsroute-stationsstraat', 'page-size': '3', 'heading-level': '2' },
  },
  attributes: [
    {
      name: 'consultation',
      default: '—',
      description: {
        nl: 'De korte naam (slug) van de consultatie. Verplicht.',
        en: 'The short name (slug) of the consultation. Required.',
      },
    },
    {
      name: 'page-size',
      default: '5',
      description: { nl: 'Aantal reacties per pagina (1–50).', en: 'Responses per page (1–50).' },
    },
    ...commonAttributes,
  ],
  events: [
    {
      name: 'podium-page-changed',
      detail: '{ consultation, page, pageCount }',
      description: { nl: 'Een andere pagina wordt getoond.', en: 'Another page is shown.' },
    },
  ],
  parts: [
    ['heading', 'De kop, en de kop van elke reactie', 'The heading, and that of each response'],
    ['response', 'Eén reactie met haar antwoorden', 'One response with its answers'],
    ['reply', 'Het antwoord van de gemeente', "The municipality's answer"],
    ['pager', 'De navigatie tussen pagina’s', 'The navigation between pages'],
    ['button', 'De knoppen vorige en volgende', 'The previous and next buttons'],
    ['notice', 'Meldingen: laden, leeg en fouten', 'Notices: loading, empty and errors'],
  ].map(([name, nl, en]) => ({ name: name!, description: { nl: nl!, en: en! } })),
  states: [
    ...loadStates,
    { state: 'ready', description: { nl: 'De eerste pagina.', en: 'The first page.' } },
    {
      state: 'paged',
      description: {
        nl: 'Na "Volgende pagina": de focus staat op de kop, de nieuwe pagina wordt gemeld.',
        en: 'After "Next page": focus is on the heading, the new page is announced.',
      },
    },
    {
      state: 'empty',
      description: { nl: 'Nog geen gepubliceerde reacties.', en: 'No published responses yet.' },
    },
  ],
};
