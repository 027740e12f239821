/**
 * Words on the staff pages, Dutch first. Kept apart from the resident messages because
 * staff read them daily: short, exact, the same term for the same thing everywhere.
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import type { ReviewState } from '../../services/moderation/index.ts';
import type { FlagCategory } from '../../services/screening/types.ts';

const nl = {
  product: 'Podium werkplek',
  skipLink: 'Naar de inhoud',
  errorPrefix: 'Fout:',
  errorSummaryHeading: 'Er is een probleem',
  login: {
    title: 'Inloggen',
    intro: 'Log in met uw e-mailadres en wachtwoord van de gemeente.',
    email: 'E-mailadres',
    password: 'Wachtwoord',
    submit: 'Inloggen',
    emailRequired: 'Vul uw e-mailadres in.',
    passwordRequired: 'Vul uw wachtwoord in.',
    tooLong: 'Dit is te lang.',
    invalid: 'Het e-mailadres of het wachtwoord klopt niet. Controleer ze en probeer het opnieuw.',
    locked: (time: string) =>
      `Er is te vaak een verkeerd wachtwoord gebruikt. Het account is geblokkeerd tot ${time}. Probeer het daarna opnieuw.`,
    loggedOut: 'U bent uitgelogd.',
    expired: 'Uw sessie is verlopen. Log opnieuw in om verder te werken.',
    otherLanguage: 'English',
  },
  header: {
    signedInAs: (name: string) => `Ingelogd als ${name}`,
    logout: 'Uitloggen',
    sessionEnds: 'Sessie loopt tot',
    extend: 'Sessie verlengen',
    navLabel: 'Werkplek',
    queue: 'Wachtrij',
  },
  session: {
    warning: (time: string) =>
      `Uw sessie verloopt om ${time}. Kies ‘Sessie verlengen’ om verder te werken; wat u invulde blijft staan.`,
    extended: (time: string) => `Uw sessie is verlengd tot ${time}.`,
    expired: 'Uw sessie is verlopen. Log opnieuw in; open dit tabblad daarna opnieuw.',
    loginAgain: 'Opnieuw inloggen',
  },
  queue: {
    title: 'Wachtrij',
    intro: 'Nieuwe inbreng uit alle kanalen, oudste eerst. Automatische controle staat bij elk item.',
    empty: 'Er wacht niets op beoordeling.',
    noAccess: 'U heeft geen toegang tot de wachtrij. Vraag een beheerder om de juiste rol.',
    received: 'Ontvangen',
    channel: 'Kanaal',
    state: 'Status',
    screening: 'Automatische controle',
    sentiment: 'Sentiment',
    sentimentNow: (label: string, how: string) => `Nu: ${label} (${how}).`,
    sentimentByMethod: (confidence: number) => `berekend, zekerheid ${Math.round(confidence * 100)}%`,
    sentimentByStaff: 'gecorrigeerd door een medewerker',
    sentimentNone: 'Nog niet bepaald.',
    sentimentLabel: 'Juist sentiment',
    sentimentSave: 'Sentiment opslaan',
    sentimentSaved: 'Het sentiment is opgeslagen.',
    sentimentLabels: { positive: 'positief', neutral: 'neutraal', negative: 'negatief' },
    noFlags: 'Niets gevonden.',
    notScreened: 'Niet gecontroleerd (ingestuurd voordat de controle bestond).',
    redactedPreview: 'Zo wordt het gepubliceerd',
    decision: 'Besluit',
    decisions: {
      publish: 'Publiceren',
      reject: 'Afwijzen',
      needs_answer: 'Publiceren en beantwoorden (naar webcare)',
      escalate: 'Escaleren (een collega beslist)',
    },
    rule: 'Huisregel (verplicht bij afwijzen)',
    ruleNone: 'Kies een huisregel',
    note: 'Notitie voor collega’s (optioneel)',
    save: 'Besluit opslaan',
    saved: 'Het besluit is opgeslagen.',
    itemHeading: (consultation: string) => `Inbreng op ${consultation}`,
    due: 'Antwoord beloofd vóór',
    reports: 'Meldingen van inwoners',
    count: (n: number) => (n === 1 ? '1 item' : `${n} items`),
    filters: {
      heading: 'Filteren',
      state: 'Status',
      stateOpen: 'Te beoordelen (nieuw, in beoordeling, geëscaleerd)',
      channel: 'Kanaal',
      topic: 'Onderwerp',
      consultation: 'Consultatie',
      department: 'Afdeling',
      flag: 'Automatische controle',
      any: 'Alle',
      overdue: 'Alleen items die over tijd zijn',
      apply: 'Filter toepassen',
      clear: 'Filters wissen',
    },
    bulk: {
      heading: 'Besluit voor de geselecteerde items',
      intro: 'Vink hierboven de items aan met ‘Selecteren’ en kies één besluit voor allemaal.',
      select: (item: string, time: string) => `Selecteren: ${item}, ontvangen ${time}`,
      save: 'Besluit opslaan voor selectie',
      itemsRequired: 'Selecteer minstens één item.',
      saved: (decided: number, skipped: number) =>
        `${decided === 1 ? '1 besluit' : `${decided} besluiten`} opgeslagen.${skipped > 0 ? ` ${skipped} overgeslagen: die hadden dit besluit al of bestaan niet meer.` : ''}`,
    },
    errors: {
      decision_required: 'Kies een besluit.',
      rule_required: 'Kies de huisregel waarom u afwijst.',
      unknown_rule: 'Deze huisregel bestaat niet. Kies er een uit de lijst.',
      note_too_long: 'Maak de notitie korter dan 1000 tekens.',
      already_decided: 'Over dit item is al zo besloten.',
    },
  },
  forbidden: {
    title: 'Geen toegang',
    body: 'U heeft geen rechten voor deze actie.',
    csrf: 'Dit formulier is verlopen of kwam niet van deze werkplek. Ga terug, laad de pagina opnieuw en probeer het nog eens.',
  },
  notFound: { title: 'Niet gevonden', body: 'Dit item bestaat niet of u kunt het niet zien.' },
  states: {
    new: 'Nieuw',
    in_review: 'In beoordeling',
    published: 'Gepubliceerd',
    rejected: 'Afgewezen',
    needs_answer: 'Wacht op antwoord',
    answered: 'Beantwoord',
    escalated: 'Geëscaleerd',
  } satisfies Record<ReviewState, string>,
  categories: {
    personal_data: 'Persoonsgegevens',
    abuse: 'Ongepast',
    spam: 'Spam',
  } satisfies Record<FlagCategory, string>,
  channels: { portal: 'Portaal', widget: 'Widget', social: 'Sociale media' } as Record<string, string>,
  socialQueue: {
    original: (platform: string) => `Bekijk het bericht op ${platform}`,
  },
};

type Texts = typeof nl;

const en: Texts = {
  product: 'Podium workbench',
  skipLink: 'Skip to content',
  errorPrefix: 'Error:',
  errorSummaryHeading: 'There is a problem',
  login: {
    title: 'Log in',
    intro: 'Log in with your municipal e-mail address and password.',
    email: 'E-mail address',
    password: 'Password',
    submit: 'Log in',
    emailRequired: 'Enter your e-mail address.',
    passwordRequired: 'Enter your password.',
    tooLong: 'This is too long.',
    invalid: 'The e-mail address or the password is not right. Check them and try again.',
    locked: (time: string) =>
      `A wrong password was used too often. The account is locked until ${time}. Try again after that.`,
    loggedOut: 'You have logged out.',
    expired: 'Your session has ended. Log in again to continue.',
    otherLanguage: 'Nederlands',
  },
  header: {
    signedInAs: (name: string) => `Logged in as ${name}`,
    logout: 'Log out',
    sessionEnds: 'Session lasts until',
    extend: 'Extend session',
    navLabel: 'Workbench',
    queue: 'Queue',
  },
  session: {
    warning: (time: string) =>
      `Your session ends at ${time}. Choose ‘Extend session’ to keep working; what you entered stays.`,
    extended: (time: string) => `Your session now lasts until ${time}.`,
    expired: 'Your session has ended. Log in again, then reopen this tab.',
    loginAgain: 'Log in again',
  },
  queue: {
    title: 'Queue',
    intro: 'New input from every channel, oldest first. Automatic screening is shown with each item.',
    empty: 'Nothing is waiting for review.',
    noAccess: 'You have no access to the queue. Ask an administrator for the right role.',
    received: 'Received',
    channel: 'Channel',
    state: 'State',
    screening: 'Automatic screening',
    sentiment: 'Sentiment',
    sentimentNow: (label: string, how: string) => `Now: ${label} (${how}).`,
    sentimentByMethod: (confidence: number) => `computed, confidence ${Math.round(confidence * 100)}%`,
    sentimentByStaff: 'corrected by a member of staff',
    sentimentNone: 'Not determined yet.',
    sentimentLabel: 'Correct sentiment',
    sentimentSave: 'Save sentiment',
    sentimentSaved: 'The sentiment has been saved.',
    sentimentLabels: { positive: 'positive', neutral: 'neutral', negative: 'negative' },
    noFlags: 'Nothing found.',
    notScreened: 'Not screened (sent before screening existed).',
    redactedPreview: 'As it will be published',
    decision: 'Decision',
    decisions: {
      publish: 'Publish',
      reject: 'Reject',
      needs_answer: 'Publish and answer (to webcare)',
      escalate: 'Escalate (a colleague decides)',
    },
    rule: 'House rule (required when rejecting)',
    ruleNone: 'Choose a house rule',
    note: 'Note for colleagues (optional)',
    save: 'Save decision',
    saved: 'The decision has been saved.',
    itemHeading: (consultation: string) => `Input on ${consultation}`,
    due: 'Answer promised before',
    reports: 'Reports by residents',
    count: (n: number) => (n === 1 ? '1 item' : `${n} items`),
    filters: {
      heading: 'Filter',
      state: 'State',
      stateOpen: 'To review (new, in review, escalated)',
      channel: 'Channel',
      topic: 'Topic',
      consultation: 'Consultation',
      department: 'Department',
      flag: 'Automatic screening',
      any: 'All',
      overdue: 'Only items that are overdue',
      apply: 'Apply filter',
      clear: 'Clear filters',
    },
    bulk: {
      heading: 'Decision for the selected items',
      intro: 'Tick the items above with ‘Select’ and choose one decision for all of them.',
      select: (item: string, time: string) => `Select: ${item}, received ${time}`,
      save: 'Save decision for selection',
      itemsRequired: 'Select at least one item.',
      saved: (decided: number, skipped: number) =>
        `${decided === 1 ? '1 decision' : `${decided} decisions`} saved.${skipped > 0 ? ` ${skipped} skipped: they already had this decision or no longer exist.` : ''}`,
    },
    errors: {
      decision_required: 'Choose a decision.',
      rule_required: 'Choose the house rule you reject it for.',
      unknown_rule: 'This house rule does not exist. Choose one from the list.',
      note_too_long: 'Keep the note under 1000 characters.',
      already_decided: 'This item already has that decision.',
    },
  },
  forbidden: {
    title: 'No access',
    body: 'You do not have the rights for this action.',
    csrf: 'This form has expired or did not come from this workbench. Go back, reload the page and try again.',
  },
  notFound: { title: 'Not found', body: 'This item does not exist or you cannot see it.' },
  states: {
    new: 'New',
    in_review: 'In review',
    published: 'Published',
    rejected: 'Rejected',
    needs_answer: 'Needs an answer',
    answered: 'Answered',
    escalated: 'Escalated',
  },
  categories: { personal_data: 'Personal data', abuse: 'Inappropriate', spam: 'Spam' },
  channels: { portal: 'Portal', widget: 'Widget', social: 'Social media' },
  socialQueue: {
    original: (platform: string) => `View the post on ${platform}`,
  },
};

export type StaffTexts = Texts;

export function staffTexts(lang: Locale): StaffTexts {
  return lang === 'en' ? en : nl;
}

/** What the queue says about an item's proof of work (spam protection; see services/proof-of-work.ts). */
export const proofOfWorkTexts: Record<Locale, { missing: string }> = {
  nl: {
    missing: 'Geen bewijs van werk: verstuurd zonder de controle tegen spam (zonder JavaScript, of door een script).',
  },
  en: { missing: 'No proof of work: sent without the check against spam (without JavaScript, or by a script).' },
};
