/** <podium-consultation>: documentation and test states (see widgets/shared/examples.ts). */
import { commonAttributes, loadStates, type WidgetExamples } from '../shared/examples.ts';

export const examples: WidgetExamples = {
  tag: 'podium-consultation',
  script: 'podium-consultation.js',
  summary: {
    nl: 'Een samenvatting van een consultatie: titel, wat de gemeente vraagt, tot wanneer u kunt reageren, het aantal reacties, binnen hoeveel werkdagen de gemeente reageert, en een link om mee te doen.',
    en: 'A summary of a consultation: title, what the municipality asks, until when you can respond, the number of responses, within how many working days the municipality responds, and a link to take part.',
  },
  example: {
    title: { nl: 'Samenvatting', en: 'Summary' },
    attributes: { consultation: 'fietsroute-stationsstraat', 'heading-level': '2' },
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
      name: 'href',
      default: 'the consultation page on the portal',
      description: {
        nl: 'Waar de link "Geef uw mening" heen gaat, bijvoorbeeld uw pagina met het formulier.',
        en: 'Where the "Give your opinion" link leads, for example your page with the form.',
      },
    },
    ...commonAttributes,
  ],
  events: [
    {
      name: 'podium-loaded',
      detail: '{ consultation, status, submissionCount }',
      description: { nl: 'De samenvatting staat op de pagina.', en: 'The summary is on the page.' },
    },
  ],
  parts: [
    ['heading', 'De titel', 'The title'],
    ['facts', 'Status, termijn, aantal reacties en reactietermijn', 'Status, deadline, responses and response time'],
    ['link', 'De link om mee te doen', 'The link to take part'],
    ['notice', 'Meldingen: laden en fouten', 'Notices: loading and errors'],
    ['button', 'De knop "Opnieuw proberen"', 'The "Try again" button'],
  ].map(([name, nl, en]) => ({ name: name!, description: { nl: nl!, en: en! } })),
  states: [...loadStates, { state: 'ready', description: { nl: 'De samenvatting.', en: 'The summary.' } }],
};
