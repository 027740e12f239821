/**
 * Words on the webcare pages (assignment, answers, templates, routing, the overdue view,
 * readability and keyboard shortcuts), Dutch first. Apart from api/i18n/staff.ts so the
 * workbench's shared texts stay short.
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import type { Verdict } from '../../services/readability.ts';
import { formatDecimal } from '../../../shared/format.ts';

/**
 * Office time a person reads at a glance: minutes and hours within a working day, whole
 * working days (of eight office hours) and hours beyond it — "nog 3 u 20 min", "2 werkdagen
 * 3 u te laat", "10 working days left". The clock itself counts minutes (services/office-hours).
 */
export const OFFICE_DAY_MINUTES = 8 * 60;

export function officeTime(minutes: number, lang: Locale): string {
  const days = Math.floor(minutes / OFFICE_DAY_MINUTES);
  const hours = Math.floor((minutes % OFFICE_DAY_MINUTES) / 60);
  const rest = minutes % 60;
  const h = lang === 'nl' ? 'u' : 'h';
  if (days > 0) {
    const d =
      lang === 'nl'
        ? `${days} ${days === 1 ? 'werkdag' : 'werkdagen'}`
        : `${days} working ${days === 1 ? 'day' : 'days'}`;
    return hours === 0 ? d : `${d} ${hours} ${h}`;
  }
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} ${h}` : `${hours} ${h} ${rest} min`;
}

/** The same in words: "3 uur en 20 minuten", "2 werkdagen en 3 uur" / "3 hours 20 minutes". */
export function spokenOfficeTime(minutes: number, lang: Locale): string {
  const days = Math.floor(minutes / OFFICE_DAY_MINUTES);
  const hours = Math.floor((minutes % OFFICE_DAY_MINUTES) / 60);
  const rest = minutes % 60;
  const h = lang === 'nl' ? 'uur' : hours === 1 ? 'hour' : 'hours';
  const m = lang === 'nl' ? (rest === 1 ? 'minuut' : 'minuten') : rest === 1 ? 'minute' : 'minutes';
  if (days > 0) {
    const d =
      lang === 'nl'
        ? `${days} ${days === 1 ? 'werkdag' : 'werkdagen'}`
        : `${days} working ${days === 1 ? 'day' : 'days'}`;
    if (hours === 0) return d;
    return lang === 'nl' ? `${d} en ${hours} ${h}` : `${d} ${hours} ${h}`;
  }
  if (hours === 0) return `${rest} ${m}`;
  if (rest === 0) return `${hours} ${h}`;
  return lang === 'nl' ? `${hours} ${h} en ${rest} ${m}` : `${hours} ${h} ${rest} ${m}`;
}

export const nl = {
  nav: {
    overdue: 'Te laat',
    consultations: 'Consultaties',
    templates: 'Sjablonen',
    routing: 'Routering',
    shortcuts: 'Sneltoetsen',
  },
  clock: {
    label: 'Reactietermijn',
    /** Office time, as "3 u 20 min"; "u" is the Dutch abbreviation for uur. */
    left: (minutes: number) => `nog ${officeTime(minutes, 'nl')}`,
    overdue: (minutes: number) => `${officeTime(minutes, 'nl')} te laat`,
    /** In full words, for screen readers ("u" is read as a letter). */
    spokenLeft: (minutes: number) => `nog ${spokenOfficeTime(minutes, 'nl')} kantoortijd`,
    spokenOverdue: (minutes: number) => `${spokenOfficeTime(minutes, 'nl')} kantoortijd te laat`,
  },
  assign: {
    heading: 'Toewijzing',
    department: 'Afdeling',
    person: 'Medewerker',
    nobody: 'Niemand',
    save: 'Toewijzing opslaan',
    saved: 'De toewijzing is opgeslagen.',
    unchanged: 'De toewijzing was al zo.',
    now: (who: string) => `Nu: ${who}.`,
    unassigned: 'Nog niet toegewezen.',
    unknownDepartment: 'Deze afdeling bestaat niet. Kies er een uit de lijst.',
    unknownPerson: 'Deze medewerker bestaat niet of mag de wachtrij niet zien. Kies iemand uit de lijst.',
    unsupported: 'Items van dit kanaal kunnen nog niet worden toegewezen. Handel het item af in de wachtrij.',
  },
  answer: {
    link: 'Beantwoorden',
    title: (item: string) => `Antwoord op ${item}`,
    intro:
      'Schrijf een antwoord aan de inwoner. Het antwoord verschijnt op de volgpagina van de inwoner en, als de inbreng gepubliceerd is, bij de inbreng op het portaal.',
    introSocialPosted: (platform: string, account: string) =>
      `Schrijf een antwoord op dit bericht. Podium plaatst het antwoord als ${account} in het gesprek op ${platform}, als reactie op dit bericht, en toont het op het portaal in de weergave van het gesprek. Hieronder ziet u daarna of het geplaatst is.${platform === 'Bluesky' ? ' Bluesky neemt hoogstens 300 tekens (een emoji telt als één).' : ''}`,
    introSocial: (platform: string) =>
      `Schrijf een antwoord op dit bericht. Het antwoord verschijnt op het portaal, in de weergave van het gesprek, direct onder het bericht van de inwoner, en hier bij het item. Podium plaatst het antwoord (nog) niet op ${platform} zelf: wie het gesprek op ${platform} leest, ziet het daar niet.`,
    input: 'Inbreng van de inwoner',
    template: 'Sjabloon',
    templateNone: 'Kies een sjabloon',
    templateUse: 'Sjabloon invoegen',
    templateHint:
      'Het sjabloon wordt ingevuld in de taal die hierboven gekozen is en komt bovenaan het antwoord. Wat u al typte, blijft eronder staan.',
    templateInserted: (title: string) =>
      `Het sjabloon ‘${title}’ staat nu bovenaan het antwoord. Pas de tekst aan waar nodig.`,
    placeholders: {
      heading: 'Plaatshouders in sjablonen',
      intro: 'Bij het invoegen vult Podium deze plaatshouders in:',
      consultation: 'de titel van de consultatie',
      channel: 'het kanaal waarlangs de inbreng binnenkwam',
      date: 'de datum en tijd van de inbreng',
      both: 'De Engelse namen ({consultation}, {channel}, {date}) werken ook.',
      check:
        'Een antwoord waarin nog iets tussen accolades staat, zoals {naam}, wordt niet gepubliceerd: vervang het eerst door de echte tekst.',
    },
    language: 'Taal van het antwoord',
    body: 'Antwoord',
    bodyHint: 'Schrijf kort en duidelijk, op taalniveau B1.',
    preview: 'Voorbeeld bekijken',
    publish: 'Antwoord publiceren',
    previewHeading: 'Voorbeeld',
    previewNotice: 'Zo ziet de inwoner uw antwoord. Het is nog niet gepubliceerd.',
    published: 'Het antwoord is gepubliceerd.',
    unsupported:
      'Op items van dit kanaal kunt u nog niet antwoorden vanuit Podium: het antwoord zou de inwoner niet bereiken. Antwoord op het kanaal zelf.',
    back: 'Terug naar de wachtrij',
    errors: {
      empty: 'Schrijf een antwoord.',
      too_long: 'Het antwoord is te lang: houd het onder 5000 tekens.',
      tooLongForPlatform: (max: number, count: number) =>
        `Het antwoord wordt ook op Bluesky geplaatst, dat hoogstens ${max} tekens toestaat. Dit antwoord heeft er ${count}: maak het korter. Uw tekst is bewaard.`,
      rejected: 'Deze inbreng is afgewezen. Publiceer de inbreng eerst als u wilt antwoorden.',
      not_published:
        'Dit bericht staat nog niet op het portaal. Publiceer het eerst: uw antwoord verschijnt onder het bericht.',
      language: 'Kies de taal van het antwoord.',
      templateRequired: 'Kies het sjabloon dat u wilt invoegen.',
      templateMissing: (title: string, lang: Locale) =>
        `Het sjabloon ‘${title}’ heeft geen ${lang === 'en' ? 'Engelse' : 'Nederlandse'} tekst. Kies een andere taal of een ander sjabloon, of vul de tekst aan op de pagina Sjablonen. Uw tekst is bewaard.`,
      placeholder: (names: string[]) =>
        names.length === 1
          ? `Het antwoord bevat nog een plaatshouder: ${names[0]}. Vervang die door de echte tekst.`
          : `Het antwoord bevat nog plaatshouders: ${names.join(', ')}. Vervang die door de echte tekst.`,
    },
  },
  readability: {
    heading: 'Leesbaarheid',
    score: (score: string, scale: string) => `${scale}: ${score}`,
    scale: { nl: 'Flesch-Douma', en: 'Flesch reading ease' } as Record<Locale, string>,
    verdicts: {
      very_easy: 'Zeer makkelijk te lezen.',
      easy: 'Makkelijk te lezen.',
      b1: 'Goed te lezen: taalniveau B1.',
      fairly_difficult: 'Vrij moeilijk: boven B1. Maak zinnen korter en kies kortere woorden.',
      difficult: 'Moeilijk: ver boven B1. Maak zinnen korter en kies kortere woorden.',
    } satisfies Record<Verdict, string>,
    empty: 'Nog geen tekst om te beoordelen.',
    tooShort: (words: number, minimum: number) =>
      `Te kort om te beoordelen: ${words} ${words === 1 ? 'woord' : 'woorden'}, een oordeel vraagt er minstens ${minimum}.`,
    details: (words: number, sentences: number) =>
      `${words === 1 ? '1 woord' : `${words} woorden`}, ${sentences === 1 ? '1 zin' : `${sentences} zinnen`}.`,
  },
  overdue: {
    title: 'Te laat',
    intro: 'Inbreng die over de beloofde reactietermijn van het kanaal is, de meest te late eerst.',
    empty: 'Er is niets te laat. Mooi zo.',
    count: (n: number, more: boolean) =>
      more
        ? `Meer dan ${formatDecimal(n, 'nl')} items te laat.`
        : n === 1
          ? '1 item te laat.'
          : `${formatDecimal(n, 'nl')} items te laat.`,
    open: 'Openen in de wachtrij',
    pager: 'Pagina’s',
    next: 'Volgende pagina: minder te laat',
    first: 'Terug naar de meest te late',
  },
  templates: {
    title: 'Antwoordsjablonen',
    intro:
      'Sjablonen waarmee webcare een antwoord begint. Schrijf ze in het Nederlands en het Engels: een sjabloon zonder Engelse tekst kan niet in een Engels antwoord worden ingevoegd.',
    empty: 'Er zijn nog geen sjablonen.',
    add: 'Nieuw sjabloon',
    edit: (title: string) => `Sjabloon bewerken: ${title}`,
    titleNl: 'Naam (Nederlands)',
    titleEn: 'Naam (Engels)',
    bodyNl: 'Tekst (Nederlands)',
    bodyEn: 'Tekst (Engels)',
    save: 'Sjabloon opslaan',
    delete: 'Sjabloon verwijderen',
    saved: 'Het sjabloon is opgeslagen.',
    deleted: 'Het sjabloon is verwijderd.',
    errors: {
      titleNl: 'Geef het sjabloon een Nederlandse naam.',
      bodyNl: 'Schrijf de Nederlandse tekst.',
      tooLong: 'Dit is te lang.',
    },
  },
  routing: {
    title: 'Routering',
    intro:
      'Nieuwe inbreng over een onderwerp gaat automatisch naar een afdeling en/of medewerker. Een regel voor een onderwerp én kanaal gaat voor een regel voor het hele onderwerp.',
    empty: 'Er zijn nog geen regels.',
    topic: 'Onderwerp',
    channel: 'Kanaal',
    anyChannel: 'Alle kanalen',
    department: 'Afdeling',
    person: 'Medewerker',
    nobody: 'Niemand',
    add: 'Regel toevoegen',
    addHeading: 'Nieuwe regel',
    delete: (topic: string) => `Regel voor ${topic} verwijderen`,
    saved: 'De regel is opgeslagen.',
    deleted: 'De regel is verwijderd.',
    errors: {
      unknown_topic: 'Kies een onderwerp uit de lijst.',
      unknown_department: 'Kies een afdeling uit de lijst.',
      unknown_person: 'Kies een medewerker uit de lijst.',
      nobody: 'Kies een afdeling, een medewerker of allebei.',
      duplicate: 'Er is al een regel voor dit onderwerp en kanaal. Verwijder die eerst.',
    },
  },
  consultations: {
    title: 'Consultaties',
    intro: 'Lees elke consultatie na voordat die gepubliceerd wordt: bij elke tekst staat de leesbaarheid.',
    status: { draft: 'Concept', open: 'Open', closed: 'Gesloten', decided: 'Besloten' } as Record<string, string>,
    read: (title: string, status: string) => `${title} (${status})`,
  },
  preview: {
    title: (name: string) => `Voorbeeld: ${name}`,
    intro: 'Zo leest de consultatie. De leesbaarheid staat bij elke tekst; streef naar taalniveau B1.',
    fields: {
      summary: 'Samenvatting',
      background: 'Waarom we het vragen',
      afterwards: 'Wat er met de inbreng gebeurt',
      whoDecides: 'Wie beslist',
    },
    noEnglish: 'Nog geen Engelse tekst.',
  },
  shortcuts: {
    title: 'Sneltoetsen',
    intro:
      'In de wachtrij werken deze toetsen als de focus niet in een tekstveld staat. Een schermlezer meldt wat er gebeurt.',
    keys: [
      ['j', 'Volgend item'],
      ['k', 'Vorig item'],
      ['p', 'Publiceren: kiest ‘Publiceren’ en zet de focus op de knop om te bevestigen'],
      ['r', 'Afwijzen: kiest ‘Afwijzen’ en vraagt om de huisregel'],
      ['e', 'Escaleren: kiest ‘Escaleren’ en zet de focus op de knop'],
      ['a', 'Beantwoorden: opent het antwoordscherm'],
      ['?', 'Deze uitleg'],
    ] as Array<[string, string]>,
    keyHeading: 'Toets',
    actionHeading: 'Wat het doet',
    toggle: 'Sneltoetsen gebruiken',
    toggleHint:
      'Zet ze uit als u spraakbesturing gebruikt of per ongeluk toetsen indrukt. Deze keuze geldt in deze browser.',
    on: 'Sneltoetsen staan aan.',
    off: 'Sneltoetsen staan uit.',
    item: (n: number | string, total: number | string, title: string) => `Item ${n} van ${total}: ${title}`,
    chosen: (decision: string) => `${decision} gekozen. Druk op Enter om op te slaan.`,
    chooseRule: 'Afwijzen gekozen. Kies de huisregel.',
    noItem: 'Ga eerst met j of k naar een item.',
    hint: 'Sneltoetsen: j en k, p, r, e, a.',
    help: 'Uitleg over sneltoetsen',
  },
};

export type Texts = typeof nl;

export const en: Texts = {
  nav: {
    overdue: 'Overdue',
    consultations: 'Consultations',
    templates: 'Templates',
    routing: 'Routing',
    shortcuts: 'Shortcuts',
  },
  clock: {
    label: 'Response time',
    left: (minutes) => `${officeTime(minutes, 'en')} left`,
    overdue: (minutes) => `${officeTime(minutes, 'en')} late`,
    spokenLeft: (minutes) => `${spokenOfficeTime(minutes, 'en')} of office time left`,
    spokenOverdue: (minutes) => `${spokenOfficeTime(minutes, 'en')} of office time late`,
  },
  assign: {
    heading: 'Assignment',
    department: 'Department',
    person: 'Staff member',
    nobody: 'Nobody',
    save: 'Save assignment',
    saved: 'The assignment is saved.',
    unchanged: 'The assignment was already like this.',
    now: (who) => `Now: ${who}.`,
    unassigned: 'Not assigned yet.',
    unknownDepartment: 'This department does not exist. Choose one from the list.',
    unknownPerson: 'This staff member does not exist or may not see the queue. Choose someone from the list.',
    unsupported: 'Items from this channel cannot be assigned yet. Handle the item in the queue.',
  },
  answer: {
    link: 'Answer',
    title: (item) => `Answer to ${item}`,
    intro:
      "Write an answer to the resident. It appears on the resident's follow-up page and, when the input is published, with the input on the portal.",
    introSocialPosted: (platform, account) =>
      `Write an answer to this post. Podium posts it as ${account} in the conversation on ${platform}, as a reply to this post, and shows it on the portal in the mirror of the conversation. Below you see afterwards whether it was posted.${platform === 'Bluesky' ? ' Bluesky takes at most 300 characters (an emoji counts as one).' : ''}`,
    introSocial: (platform) =>
      `Write an answer to this post. It appears on the portal, in the mirror of the conversation, directly under the resident's post, and here with the item. Podium does not (yet) post the answer on ${platform} itself: people reading the conversation on ${platform} do not see it there.`,
    input: "The resident's input",
    template: 'Template',
    templateNone: 'Choose a template',
    templateUse: 'Insert template',
    templateHint:
      'The template is filled in the language chosen above and goes at the top of the answer. What you already typed stays below it.',
    templateInserted: (title) => `The template ‘${title}’ is now at the top of the answer. Edit the text where needed.`,
    placeholders: {
      heading: 'Placeholders in templates',
      intro: 'When a template is inserted, Podium fills in these placeholders:',
      consultation: 'the title of the consultation',
      channel: 'the channel the input came through',
      date: 'the date and time of the input',
      both: 'The Dutch names ({consultatie}, {kanaal}, {datum}) work too.',
      check:
        'An answer that still has something in braces, such as {name}, is not published: replace it with the real text first.',
    },
    language: 'Language of the answer',
    body: 'Answer',
    bodyHint: 'Write short and clear, at language level B1.',
    preview: 'Preview',
    publish: 'Publish answer',
    previewHeading: 'Preview',
    previewNotice: 'This is how the resident sees your answer. It is not published yet.',
    published: 'The answer is published.',
    unsupported:
      'You cannot answer items from this channel in Podium yet: the answer would not reach the resident. Answer on the channel itself.',
    back: 'Back to the queue',
    errors: {
      empty: 'Write an answer.',
      too_long: 'The answer is too long: keep it under 5000 characters.',
      tooLongForPlatform: (max: number, count: number) =>
        `The answer is also posted on Bluesky, which allows at most ${max} characters. This answer has ${count}: make it shorter. Your text has been kept.`,
      rejected: 'This input was rejected. Publish it first if you want to answer.',
      not_published: 'This post is not on the portal yet. Publish it first: your answer appears under the post.',
      language: 'Choose the language of the answer.',
      templateRequired: 'Choose the template you want to insert.',
      templateMissing: (title, lang) =>
        `The template ‘${title}’ has no ${lang === 'en' ? 'English' : 'Dutch'} text. Choose another language or another template, or add the text on the Templates page. Your text is kept.`,
      placeholder: (names) =>
        names.length === 1
          ? `The answer still has a placeholder: ${names[0]}. Replace it with the real text.`
          : `The answer still has placeholders: ${names.join(', ')}. Replace them with the real text.`,
    },
  },
  readability: {
    heading: 'Readability',
    score: (score, scale) => `${scale}: ${score}`,
    scale: { nl: 'Flesch-Douma', en: 'Flesch reading ease' },
    verdicts: {
      very_easy: 'Very easy to read.',
      easy: 'Easy to read.',
      b1: 'Reads well: language level B1.',
      fairly_difficult: 'Fairly difficult: above B1. Use shorter sentences and shorter words.',
      difficult: 'Difficult: well above B1. Use shorter sentences and shorter words.',
    },
    empty: 'No text to judge yet.',
    tooShort: (words, minimum) =>
      `Too short to judge: ${words} ${words === 1 ? 'word' : 'words'}, a verdict needs at least ${minimum}.`,
    details: (words, sentences) =>
      `${words === 1 ? '1 word' : `${words} words`}, ${sentences === 1 ? '1 sentence' : `${sentences} sentences`}.`,
  },
  overdue: {
    title: 'Overdue',
    intro: "Input past its channel's promised response time, the latest first.",
    empty: 'Nothing is overdue. Well done.',
    count: (n, more) =>
      more
        ? `More than ${formatDecimal(n, 'en')} items overdue.`
        : n === 1
          ? '1 item overdue.'
          : `${formatDecimal(n, 'en')} items overdue.`,
    open: 'Open in the queue',
    pager: 'Pages',
    next: 'Next page: less overdue',
    first: 'Back to the most overdue',
  },
  templates: {
    title: 'Answer templates',
    intro:
      'Templates webcare starts an answer from. Write them in Dutch and English: a template without English text cannot be inserted into an English answer.',
    empty: 'There are no templates yet.',
    add: 'New template',
    edit: (title) => `Edit template: ${title}`,
    titleNl: 'Name (Dutch)',
    titleEn: 'Name (English)',
    bodyNl: 'Text (Dutch)',
    bodyEn: 'Text (English)',
    save: 'Save template',
    delete: 'Delete template',
    saved: 'The template is saved.',
    deleted: 'The template is deleted.',
    errors: {
      titleNl: 'Give the template a Dutch name.',
      bodyNl: 'Write the Dutch text.',
      tooLong: 'This is too long.',
    },
  },
  routing: {
    title: 'Routing',
    intro:
      'New input on a topic goes to a department and/or staff member automatically. A rule for a topic and channel comes before a rule for the whole topic.',
    empty: 'There are no rules yet.',
    topic: 'Topic',
    channel: 'Channel',
    anyChannel: 'All channels',
    department: 'Department',
    person: 'Staff member',
    nobody: 'Nobody',
    add: 'Add rule',
    addHeading: 'New rule',
    delete: (topic) => `Delete rule for ${topic}`,
    saved: 'The rule is saved.',
    deleted: 'The rule is deleted.',
    errors: {
      unknown_topic: 'Choose a topic from the list.',
      unknown_department: 'Choose a department from the list.',
      unknown_person: 'Choose a staff member from the list.',
      nobody: 'Choose a department, a staff member or both.',
      duplicate: 'There already is a rule for this topic and channel. Delete it first.',
    },
  },
  consultations: {
    title: 'Consultations',
    intro: 'Read every consultation before it is published: readability is shown with every text.',
    status: { draft: 'Draft', open: 'Open', closed: 'Closed', decided: 'Decided' },
    read: (title, status) => `${title} (${status})`,
  },
  preview: {
    title: (name) => `Preview: ${name}`,
    intro: 'How the consultation reads. Readability is shown with every text; aim for language level B1.',
    fields: {
      summary: 'Summary',
      background: 'Why we ask',
      afterwards: 'What happens with the input',
      whoDecides: 'Who decides',
    },
    noEnglish: 'No English text yet.',
  },
  shortcuts: {
    title: 'Keyboard shortcuts',
    intro: 'In the queue these keys work when focus is not in a text field. A screen reader announces what happens.',
    keys: [
      ['j', 'Next item'],
      ['k', 'Previous item'],
      ['p', "Publish: chooses 'Publish' and moves focus to the button to confirm"],
      ['r', "Reject: chooses 'Reject' and asks for the house rule"],
      ['e', "Escalate: chooses 'Escalate' and moves focus to the button"],
      ['a', 'Answer: opens the answer page'],
      ['?', 'This help'],
    ],
    keyHeading: 'Key',
    actionHeading: 'What it does',
    toggle: 'Use keyboard shortcuts',
    toggleHint: 'Turn them off if you use speech input or press keys by accident. This choice applies in this browser.',
    on: 'Keyboard shortcuts are on.',
    off: 'Keyboard shortcuts are off.',
    item: (n, total, title) => `Item ${n} of ${total}: ${title}`,
    chosen: (decision) => `${decision} chosen. Press Enter to save.`,
    chooseRule: 'Reject chosen. Choose the house rule.',
    noItem: 'First go to an item with j or k.',
    hint: 'Shortcuts: j and k, p, r, e, a.',
    help: 'About keyboard shortcuts',
  },
};
