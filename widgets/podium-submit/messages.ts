/**
 * Dutch texts of <podium-submit> (taalniveau B1); English is in messages-en.ts, loaded only on
 * English pages. Field messages match
 * the API's own (api/messages/texts.ts), so client and server errors read the same.
 * A host overrides any of them; see widgets/README.md.
 */

export const nl = {
  closed: 'Deze consultatie is gesloten. U kunt geen inbreng meer geven.',
  upcoming: 'Deze consultatie is nog niet geopend. U kunt reageren vanaf {date}.',
  howWeAnswer:
    'Na het versturen krijgt u een volgcode. De gemeente reageert binnen {days} werkdagen op uw inbreng. Met de code ziet u wat er met uw inbreng gebeurt.',
  moderationPre: 'Wij lezen uw inbreng eerst. Daarna komt die op de website, zonder uw naam en e-mailadres.',
  moderationPost:
    'Uw inbreng komt meteen op de website, zonder uw naam en e-mailadres. Wij halen inbreng weg die kwetsend is of niet over dit onderwerp gaat.',
  closesAt: 'U kunt reageren tot {date}.',
  optional: '(niet verplicht)',
  maxLength: 'Gebruik maximaal {max} tekens.',
  count: '{count} van {max} tekens',
  aboutYou: 'Uw gegevens',
  aboutYouHint: 'Wilt u persoonlijk antwoord? Vul dan uw e-mailadres in. Wij publiceren uw naam en e-mailadres nooit.',
  name: 'Naam',
  email: 'E-mailadres',
  emailHint: 'Alleen nodig als u antwoord wilt per e-mail.',
  consent: 'Ik geef toestemming om mijn e-mailadres te gebruiken',
  consentHint: 'Wij gebruiken uw e-mailadres alleen om u te antwoorden over deze inbreng. Wij delen het met niemand.',
  submit: 'Versturen',
  offline: 'U bent offline. Uw inbreng is bewaard en wordt verstuurd zodra er weer verbinding is.',
};

/** This widget's own texts, typed from Dutch (the shared ones are in ../shared/messages.ts). */
export type Texts = typeof nl;
