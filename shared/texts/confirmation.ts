/** Texts of the confirmation page after sending input. */

export const nl = {
  title: 'Bevestiging',
  heading: 'Bevestiging van uw reactie',
  shellText:
    'Na het versturen van een reactie ziet u hier uw bevestiging en uw code. Heeft u al een code? Vul die hieronder in.',
  thanks: 'Bedankt voor uw reactie',
  received: (title: string) => `Wij hebben uw reactie op „${title}” ontvangen.`,
  codeLabel: 'Uw code',
  codeHint: 'Bewaar deze code. Daarmee ziet u later wat er met uw reactie gebeurt.',
  nextHeading: 'Wat gebeurt er nu?',
  nextPre: 'Een medewerker leest uw reactie. Daarna komt die op de website.',
  nextPost: 'Uw reactie staat op de website. Een medewerker leest mee.',
  answerDue: (date: string) => `De gemeente antwoordt uiterlijk op ${date}.`,
  followUpLink: 'Bekijk wat er met uw reactie gebeurt',
  yourAnswersHeading: 'Uw reactie',
};

export type Texts = typeof nl;

export const en: Texts = {
  title: 'Confirmation',
  heading: 'Confirmation of your response',
  shellText:
    'After you send a response, you see your confirmation and your code here. Do you already have a code? Enter it below.',
  thanks: 'Thank you for your response',
  received: (title: string) => `We have received your response to “${title}”.`,
  codeLabel: 'Your code',
  codeHint: 'Keep this code. With it you can see later what happens with your response.',
  nextHeading: 'What happens now?',
  nextPre: 'A member of staff reads your response. After that it appears on the website.',
  nextPost: 'Your response is on the website. A member of staff reads along.',
  answerDue: (date: string) => `The municipality will answer by ${date}.`,
  followUpLink: 'See what happens with your response',
  yourAnswersHeading: 'Your response',
};
