/** Dutch texts <podium-submit> needs only once the resident sends (see send.ts). */
export const nl = {
  consentShort: 'Toestemming',
  submitting: 'Bezig met versturen…',
  errorSummaryTitle: 'Er ging iets mis',
  required: 'Vul dit in.',
  requiredChoice: 'Kies een antwoord.',
  requiredChoices: 'Kies minstens één antwoord.',
  tooLong: 'Gebruik maximaal {max} tekens. U gebruikte er {actual}.',
  invalidEmail: 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
  consentRequired: 'Geef toestemming om uw e-mailadres te gebruiken, of laat het e-mailadres leeg.',
  emptySubmission: 'Beantwoord minstens één vraag.',
  networkFailed: 'Versturen is niet gelukt. Uw inbreng is bewaard. Controleer uw verbinding en probeer het opnieuw.',
  submitFailed: 'Uw inbreng is niet verstuurd. Probeer het later opnieuw.',
  thanks: 'Bedankt voor uw inbreng',
  yourCode: 'Uw volgcode is',
  keepCode: 'Bewaar deze code. Daarmee ziet u wat er met uw inbreng gebeurt.',
  answerDue: 'De gemeente reageert uiterlijk op {date}.',
  followUpLink: 'Bekijk wat er met uw inbreng gebeurt',
};

/** The texts of send.ts, typed from Dutch. */
export type Texts = typeof nl;
