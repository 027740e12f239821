/** Texts of the home page. */

export const nl = {
  title: 'Start',
  heading: 'Denk mee met uw gemeente',
  intro:
    'Hier vraagt de gemeente uw mening over plannen. U kunt reageren zonder account. Wij laten weten wat we met uw reactie doen.',
  openHeading: 'Nu open',
  noneOpen: 'Er zijn nu geen open consultaties.',
  answersHeading: 'Recent beantwoord',
  noAnswers: 'Er zijn nog geen antwoorden gepubliceerd.',
  topicsHeading: 'Onderwerpen',
  earlierHeading: 'Eerdere consultaties',
};

export type Texts = typeof nl;

export const en: Texts = {
  title: 'Home',
  heading: 'Have your say in your municipality',
  intro:
    'Here the municipality asks what you think of its plans. You can respond without an account. We tell you what we did with your response.',
  openHeading: 'Open now',
  noneOpen: 'There are no open consultations right now.',
  answersHeading: 'Recently answered',
  noAnswers: 'No answers have been published yet.',
  topicsHeading: 'Topics',
  earlierHeading: 'Earlier consultations',
};
