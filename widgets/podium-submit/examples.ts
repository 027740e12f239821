/** <podium-submit>: documentation and test states (see widgets/shared/examples.ts). */
import { commonAttributes, loadStates, type WidgetExamples } from '../shared/examples.ts';

export const examples: WidgetExamples = {
  tag: 'podium-submit',
  script: 'podium-submit.js',
  summary: {
    nl: 'Het reactieformulier van een consultatie, met alle soorten vragen, een foutoverzicht en een bevestiging met volgcode. Reacties gaan nooit verloren: zonder verbinding worden ze bewaard en later één keer verstuurd.',
    en: 'The response form of a consultation, with every kind of question, an error summary and a confirmation with a follow-up code. Responses are never lost: offline they are kept and sent once later.',
  },
  example: {
    title: { nl: 'Reactieformulier', en: 'Response form' },
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
    ...commonAttributes,
  ],
  events: [
    {
      name: 'podium-submitted',
      detail: '{ code, consultation }',
      description: {
        nl: 'Podium heeft de reactie ontvangen. Bubbelt door de shadow root heen.',
        en: 'Podium received the response. Bubbles out of the shadow root.',
      },
    },
  ],
  parts: [
    ['heading', 'De titel en andere koppen', 'The title and other headings'],
    ['form', 'Het formulier', 'The form'],
    ['field', 'Elke vraag en elk persoonlijk veld', 'Each question and personal field'],
    ['input', 'Tekstvelden', 'Text inputs'],
    ['error', 'Een foutmelding bij een veld', 'An error message next to a field'],
    ['error-summary', 'Het foutoverzicht', 'The error summary'],
    ['error-summary-heading', 'De kop van het foutoverzicht', 'The heading of the error summary'],
    ['button', 'De verstuurknop', 'The send button'],
    ['notice', 'Meldingen: laden, gesloten, offline, fouten', 'Notices: loading, closed, offline, errors'],
    ['confirmation', 'De bevestiging', 'The confirmation'],
    ['code', 'De volgcode', 'The follow-up code'],
  ].map(([name, nl, en]) => ({ name: name!, description: { nl: nl!, en: en! } })),
  states: [
    ...loadStates,
    { state: 'ready', description: { nl: 'Het lege formulier.', en: 'The empty form.' } },
    { state: 'filled', description: { nl: 'Alle vragen ingevuld.', en: 'Every question answered.' } },
    {
      state: 'invalid',
      description: {
        nl: 'Versturen zonder verplichte antwoorden: het foutoverzicht krijgt de focus.',
        en: 'Sending without required answers: the error summary takes focus.',
      },
    },
    {
      state: 'submitting',
      description: {
        nl: 'Bezig met versturen; de focus blijft op de knop.',
        en: 'Sending; focus stays on the button.',
      },
    },
    {
      state: 'submitted',
      description: { nl: 'De bevestiging met de volgcode.', en: 'The confirmation with the follow-up code.' },
    },
    {
      state: 'offline',
      description: {
        nl: 'Versturen zonder verbinding: de reactie is bewaard en gaat later één keer weg.',
        en: 'Sending offline: the response is kept and sent once later.',
      },
    },
  ],
};
