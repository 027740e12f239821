/** <podium-thread>: documentation and test states (see widgets/shared/examples.ts). */
import { commonAttributes, loadStates, type WidgetExamples } from '../shared/examples.ts';

export const examples: WidgetExamples = {
  tag: 'podium-thread',
  script: 'podium-thread.js',
  summary: {
    nl: 'Een gesprek van sociale media, toegankelijk en zonder namen van inwoners, met de reacties onder het bericht waarop ze antwoorden.',
    en: 'A social-media conversation, accessible and without the names of residents, with replies under the post they answer.',
  },
  example: {
    title: { nl: 'Gesprek op sociale media', en: 'Social-media conversation' },
    attributes: { consultation: 'fietsroute-stationsstraat', 'heading-level': '2' },
  },
  attributes: [
    {
      name: 'thread',
      default: '—',
      description: { nl: 'Het nummer (id) van het gesprek in Podium.', en: "Podium's id of the conversation." },
    },
    {
      name: 'consultation',
      default: '—',
      description: {
        nl: 'Of: de korte naam (slug) van een consultatie; de widget toont dan het nieuwste gesprek daarbij.',
        en: 'Or: the short name (slug) of a consultation; the widget then shows its newest conversation.',
      },
    },
    {
      name: 'page-size',
      default: '20',
      description: {
        nl: 'Aantal berichten per pagina (1–100). Een lang gesprek komt een pagina tegelijk.',
        en: 'Posts per page (1–100). A long conversation comes a page at a time.',
      },
    },
    ...commonAttributes,
  ],
  events: [
    {
      name: 'podium-loaded',
      detail: '{ thread, posts }',
      description: { nl: 'Het gesprek wordt getoond.', en: 'The conversation is shown.' },
    },
    {
      name: 'podium-page-changed',
      detail: '{ thread, page, pageCount }',
      description: {
        nl: 'Een andere pagina van het gesprek wordt getoond.',
        en: 'Another page of the conversation is shown.',
      },
    },
  ],
  parts: [
    ['heading', 'De kop, en de kop van elk bericht', 'The heading, and that of each post'],
    ['post', 'Eén bericht', 'One post'],
    ['pager', 'De navigatie tussen pagina’s', 'The navigation between pages'],
    ['button', 'De knoppen vorige en volgende pagina', 'The previous and next buttons'],
    ['notice', 'Meldingen: laden, leeg en fouten', 'Notices: loading, empty and errors'],
  ].map(([name, nl, en]) => ({ name: name!, description: { nl: nl!, en: en! } })),
  states: [
    ...loadStates,
    { state: 'ready', description: { nl: 'Het gesprek.', en: 'The conversation.' } },
    {
      state: 'paged',
      description: {
        nl: 'Een lang gesprek, na "Volgende pagina": de focus staat op de kop, de nieuwe pagina wordt gemeld, een antwoord op een bericht van de vorige pagina zegt aan wie het antwoordt.',
        en: 'A long conversation, after "Next page": focus is on the heading, the new page is announced, a reply to a post on the previous page says whom it answers.',
      },
    },
    {
      state: 'empty',
      description: { nl: 'Nog geen gesprek bij deze consultatie.', en: 'No conversation for this consultation yet.' },
    },
    {
      state: 'sensitive',
      description: {
        nl: 'Een gevoelige afbeelding, getoond na een klik op de knop; met een beschrijving die de gemeente toevoegde.',
        en: 'A sensitive image, shown after pressing the button; with a description the municipality added.',
      },
    },
    {
      state: 'answered',
      description: {
        nl: 'Een antwoord van de gemeente, direct onder het bericht waarop het antwoordt, met de melding dat het niet op het platform staat.',
        en: "The municipality's answer, directly under the post it answers, saying it is not on the platform.",
      },
    },
  ],
};
