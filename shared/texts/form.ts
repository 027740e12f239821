/** Texts of the consultation form (also rendered by the API after a post with errors). */

// The form's own script shows some of these texts too; they are kept once, there.
import * as formScriptTexts from './form-script.ts';

export const nl = {
  intro: (days: number) =>
    `Alle vragen zonder „(niet verplicht)” moet u beantwoorden. U krijgt na het versturen een code. Daarmee volgt u wat er met uw reactie gebeurt. De gemeente antwoordt binnen ${days} werkdagen.`,
  optional: '(niet verplicht)',
  maxLengthHint: (n: number) => `U kunt maximaal ${n} tekens gebruiken.`,
  ...formScriptTexts.nl,
  scaleOption: (n: number, label: string | null) => (label ? `${n} – ${label}` : String(n)),
  aboutYouHeading: 'Over u',
  aboutYouText: 'U hoeft uw naam en e-mailadres niet te geven. Wij publiceren ze nooit.',
  name: 'Uw naam',
  email: 'Uw e-mailadres',
  emailHint: 'Alleen als u ons antwoord ook per e-mail wilt krijgen.',
  consent: 'Ja, de gemeente mag mijn e-mailadres gebruiken om mij te antwoorden.',
  consentHint: 'Wij gebruiken uw e-mailadres alleen om u te antwoorden. Daarna verwijderen we het.',
  submitting: 'Uw reactie wordt verstuurd…',
  errorSummaryHeading: 'Er ging iets mis',
  errorSummaryIntro: 'Verbeter het volgende:',
};

export type Texts = typeof nl;

export const en: Texts = {
  intro: (days: number) =>
    `Please answer every question not marked “(optional)”. After sending you get a code. With it you can follow what happens with your response. The municipality answers within ${days} working days.`,
  optional: '(optional)',
  maxLengthHint: (n: number) => `You can use up to ${n} characters.`,
  ...formScriptTexts.en,
  scaleOption: (n: number, label: string | null) => (label ? `${n} – ${label}` : String(n)),
  aboutYouHeading: 'About you',
  aboutYouText: 'You do not have to give your name and e-mail address. We never publish them.',
  name: 'Your name',
  email: 'Your e-mail address',
  emailHint: 'Only if you also want to get our answer by e-mail.',
  consent: 'Yes, the municipality may use my e-mail address to answer me.',
  consentHint: 'We only use your e-mail address to answer you. After that we delete it.',
  submitting: 'Sending your response…',
  errorSummaryHeading: 'Something went wrong',
  errorSummaryIntro: 'Please correct the following:',
};
