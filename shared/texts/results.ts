/** Texts of the results overview. */

export const nl = {
  title: 'Uitkomsten',
  heading: 'Gesloten consultaties en hun uitkomst',
  intro: 'Hier ziet u welke consultaties gesloten zijn, wat de gemeente besloot en wat er met de reacties gebeurde.',
  none: 'Er zijn nog geen gesloten consultaties.',
  noOutcome: 'De gemeente verwerkt de reacties. De uitkomst volgt.',
  responsesLink: (n: number) => (n === 1 ? 'Bekijk 1 reactie met antwoord' : `Bekijk ${n} reacties met antwoorden`),
};

export type Texts = typeof nl;

export const en: Texts = {
  title: 'Outcomes',
  heading: 'Closed consultations and their outcome',
  intro:
    'Here you see which consultations have closed, what the municipality decided and what happened with the responses.',
  none: 'No consultations have closed yet.',
  noOutcome: 'The municipality is processing the responses. The outcome will follow.',
  responsesLink: (n: number) => (n === 1 ? 'See 1 response with answer' : `See ${n} responses with answers`),
};
