/**
 * Words on the staff privacy screens (requests from residents, retention periods), Dutch
 * first. Apart from api/i18n/staff.ts so the screens can change without touching the queue.
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import type { RetentionKind } from '../../services/retention.ts';

const nl = {
  nav: 'Privacy',
  title: 'Privacyverzoeken',
  intro:
    'Verzoeken die op een andere manier binnenkomen (brief, telefoon, e-mail): zoek wat Podium over iemand bewaart, stuur een kopie of verwijder het. Elke stap komt in het logboek, zonder het e-mailadres of de naam.',
  searchHeading: 'Zoeken',
  by: 'Zoeken op',
  byEmail: 'E-mailadres',
  byHandle: 'Account op sociale media',
  value: 'E-mailadres of account',
  valueHint: 'Het hele adres of account, bijvoorbeeld anna@voorbeeld.nl of @anna@mastodon.example.',
  reference: 'Zaaknummer (optioneel)',
  referenceHint: 'Komt in het logboek, zodat u de stappen bij het verzoek terugvindt.',
  search: 'Zoeken',
  errors: {
    by: 'Kies waarop u zoekt.',
    valueRequired: 'Vul een e-mailadres of account in van minstens 3 tekens.',
    valueTooLong: 'Dit is te lang (hoogstens 254 tekens).',
    referenceInvalid: 'Een zaaknummer heeft hoogstens 100 tekens: letters, cijfers, spaties en - / . _ :',
    confirm: 'Vink aan dat u de gegevens definitief wilt verwijderen.',
    days: 'Vul een heel aantal dagen in, van 1 tot en met 36500.',
  },
  resultsHeading: 'Gevonden',
  inputHeading: 'Reacties',
  accountsHeading: 'Accounts op sociale media',
  noInput: 'Geen reacties met dit e-mailadres.',
  noAccounts: 'Geen accounts met deze naam.',
  nothingFound: 'Podium bewaart niets over dit e-mailadres of account.',
  code: 'Code',
  consultation: 'Consultatie',
  submittedAt: 'Ontvangen',
  erasedAt: 'Verwijderd op',
  platform: 'Platform',
  handle: 'Account',
  posts: 'Berichten',
  export: 'Download alles (JSON)',
  erase: 'Verwijder alles…',
  eraseHeading: 'Gegevens verwijderen',
  eraseExplain:
    'Podium verwijdert de antwoorden, namen en e-mailadressen van deze reacties, en de berichten en het account op sociale media. Wat gepubliceerd was, verdwijnt van de website. Er blijft alleen over dat er iets was (datum en status). Dit kan niet ongedaan worden.',
  eraseConfirm: 'Ik wil deze gegevens definitief verwijderen.',
  eraseSubmit: 'Definitief verwijderen',
  cancel: 'Annuleren',
  erased: (report: { submissions: number; socialAuthors: number; socialPosts: number }) =>
    `Verwijderd: ${report.submissions} reactie(s), ${report.socialAuthors} account(s), ${report.socialPosts} bericht(en).`,
  retentionLink: 'Bewaartermijnen instellen',
  retentionTitle: 'Bewaartermijnen',
  retentionIntro:
    'Hoe lang Podium elke soort gegevens bewaart. Daarna verwijdert of anonimiseert Podium ze automatisch. De privacyverklaring op de website toont deze termijnen na de volgende publicatie.',
  days: 'Dagen',
  from: 'Vanaf',
  defaultIs: (days: number) => `Standaard: ${days} dagen.`,
  save: 'Opslaan',
  saved: (n: number) =>
    n === 0 ? 'Niets gewijzigd.' : n === 1 ? '1 bewaartermijn opgeslagen.' : `${n} bewaartermijnen opgeslagen.`,
  backToRequests: 'Terug naar privacyverzoeken',
  kinds: {
    contact_details: 'Namen en e-mailadressen van inwoners',
    input_text: 'Niet-gepubliceerde reacties',
    social_posts: 'Overgenomen berichten van inwoners op sociale media',
    audit_log: 'Logboek',
    staff_sessions: 'Inlogsessies van medewerkers',
  } satisfies Record<RetentionKind, string>,
  starts: {
    contact_details: 'sluiten van de consultatie of het laatste antwoord, wat later is',
    input_text: 'sluiten van de consultatie',
    social_posts: 'laatste bericht in het gesprek of sluiten van de consultatie',
    audit_log: 'schrijven van de regel',
    staff_sessions: 'einde van de sessie',
  } satisfies Record<RetentionKind, string>,
};

type Texts = typeof nl;

const en: Texts = {
  nav: 'Privacy',
  title: 'Privacy requests',
  intro:
    'Requests that arrive another way (letter, phone, e-mail): find what Podium keeps about someone, send a copy or erase it. Every step goes into the log, without the e-mail address or the name.',
  searchHeading: 'Search',
  by: 'Search by',
  byEmail: 'E-mail address',
  byHandle: 'Social media account',
  value: 'E-mail address or account',
  valueHint: 'The whole address or account, for example anna@example.com or @anna@mastodon.example.',
  reference: 'Case number (optional)',
  referenceHint: 'Goes into the log, so you find the steps with the request.',
  search: 'Search',
  errors: {
    by: 'Choose what to search by.',
    valueRequired: 'Enter an e-mail address or account of at least 3 characters.',
    valueTooLong: 'This is too long (254 characters at most).',
    referenceInvalid: 'A case number has at most 100 characters: letters, digits, spaces and - / . _ :',
    confirm: 'Tick the box to confirm you want to erase the data for good.',
    days: 'Enter a whole number of days, from 1 to 36500.',
  },
  resultsHeading: 'Found',
  inputHeading: 'Responses',
  accountsHeading: 'Social media accounts',
  noInput: 'No responses with this e-mail address.',
  noAccounts: 'No accounts with this name.',
  nothingFound: 'Podium keeps nothing about this e-mail address or account.',
  code: 'Code',
  consultation: 'Consultation',
  submittedAt: 'Received',
  erasedAt: 'Erased on',
  platform: 'Platform',
  handle: 'Account',
  posts: 'Posts',
  export: 'Download everything (JSON)',
  erase: 'Erase everything…',
  eraseHeading: 'Erase data',
  eraseExplain:
    'Podium deletes the answers, names and e-mail addresses of these responses, and the social media posts and account. What was published leaves the website. Only the fact that there was something (date and status) remains. This cannot be undone.',
  eraseConfirm: 'I want to erase this data for good.',
  eraseSubmit: 'Erase for good',
  cancel: 'Cancel',
  erased: (report) =>
    `Erased: ${report.submissions} response(s), ${report.socialAuthors} account(s), ${report.socialPosts} post(s).`,
  retentionLink: 'Set retention periods',
  retentionTitle: 'Retention periods',
  retentionIntro:
    'How long Podium keeps each kind of data. After that Podium deletes or anonymises it automatically. The privacy statement on the website shows these periods after the next publication.',
  days: 'Days',
  from: 'Counted from',
  defaultIs: (days: number) => `Default: ${days} days.`,
  save: 'Save',
  saved: (n: number) =>
    n === 0 ? 'Nothing changed.' : n === 1 ? '1 retention period saved.' : `${n} retention periods saved.`,
  backToRequests: 'Back to privacy requests',
  kinds: {
    contact_details: 'Names and e-mail addresses of residents',
    input_text: 'Responses that were not published',
    social_posts: 'Mirrored social media posts by residents',
    audit_log: 'Log',
    staff_sessions: 'Staff sign-in sessions',
  },
  starts: {
    contact_details: 'the consultation closing or the last answer, whichever is later',
    input_text: 'the consultation closing',
    social_posts: 'the last post in the conversation or the consultation closing',
    audit_log: 'the entry being written',
    staff_sessions: 'the end of the session',
  },
};

export function staffPrivacyTexts(lang: Locale): Texts {
  return lang === 'en' ? en : nl;
}
