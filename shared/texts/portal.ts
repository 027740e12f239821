/**
 * Every text the portal shows, Dutch first, English second. Used by the Astro pages and
 * by the render functions the API shares, so a message exists once. Plain language (B1).
 */
import type { Locale } from '../contracts/public-content.ts';
import { formatMoment } from '../html/components/time/format.ts';

/**
 * The few texts the form enhancement script needs, kept apart so the browser bundle
 * carries these and not every message of the portal.
 */
export const scriptMessages = {
  nl: {
    submit: 'Reactie versturen',
    charactersLeft: (n: number) => (n === 1 ? 'U heeft nog 1 teken over' : `U heeft nog ${n} tekens over`),
    charactersTooMany: (n: number) => (n === 1 ? 'U heeft 1 teken te veel' : `U heeft ${n} tekens te veel`),
  },
  en: {
    submit: 'Send response',
    charactersLeft: (n: number) => (n === 1 ? 'You have 1 character left' : `You have ${n} characters left`),
    charactersTooMany: (n: number) => (n === 1 ? 'You have 1 character too many' : `You have ${n} characters too many`),
  },
} satisfies Record<Locale, Record<string, unknown>>;

const nl = {
  siteName: 'Podium',
  skipLink: 'Naar de inhoud',
  mainMenu: 'Hoofdmenu',
  languageSwitch: 'English',
  languageSwitchLabel: 'Read this page in English',
  footerHeading: 'Over deze website',
  errorPrefix: 'Fout:',
  errorTitlePrefix: 'Fout: ',

  nav: {
    home: 'Start',
    topics: 'Onderwerpen',
    results: 'Uitkomsten',
    followUp: 'Volg uw reactie',
    embed: 'Op uw website',
    apiReference: 'API-documentatie',
  },

  home: {
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
  },

  topic: {
    consultationsHeading: 'Consultaties over dit onderwerp',
    none: 'Er zijn nog geen consultaties over dit onderwerp.',
  },

  status: {
    open: 'Open',
    closed: 'Gesloten',
    decided: 'Besluit genomen',
    upcoming: 'Binnenkort open',
  },

  card: {
    status: 'Status',
    openUntil: (date: string) => `Reageren kan tot en met ${date}`,
    opensOn: (date: string) => `Opent op ${date}`,
    closedOn: (date: string) => `Gesloten op ${date}`,
    responses: (n: number) => (n === 1 ? '1 reactie' : `${n} reacties`),
  },

  consultation: {
    factsHeading: 'In het kort',
    topic: 'Onderwerp',
    status: 'Status',
    asked: 'Wat vragen we u?',
    until: 'Tot wanneer kunt u reageren?',
    untilValue: (date: string) => `Tot en met ${date}`,
    opensValue: (date: string) => `Vanaf ${date}`,
    whoDecides: 'Wie beslist?',
    responseTime: 'Wanneer krijgt u antwoord?',
    responseTimeValue: (days: number) => `Binnen ${days} werkdagen na uw reactie`,
    moderation: 'Hoe controleren we reacties?',
    moderationPre: 'Een medewerker leest uw reactie voordat die op deze pagina komt.',
    moderationPost:
      'Uw reactie komt direct op deze pagina. Een medewerker leest mee en haalt reacties weg die zich niet aan de regels houden.',
    targetGroups: 'Voor wie?',
    department: 'Afdeling',
    whyHeading: 'Waarom vragen we dit?',
    afterwardsHeading: 'Wat gebeurt er met uw reactie?',
    formHeading: 'Geef uw reactie',
    closedHeading: 'Deze consultatie is gesloten',
    closedText: 'U kunt niet meer reageren. De gemeente verwerkt de reacties.',
    upcomingHeading: 'Deze consultatie is nog niet open',
    upcomingText: (date: string) => `U kunt reageren vanaf ${date}.`,
    outcomeHeading: 'Uitkomst',
    publishedHeading: (n: number) => `Gepubliceerde reacties (${n})`,
    noPublished: 'Er zijn nog geen reacties gepubliceerd.',
    submissionHeading: (date: string) => `Reactie van ${date}`,
    viaWidget: 'Verstuurd via een andere website',
    viaSocial: 'Gevonden op sociale media',
    replyHeading: 'Antwoord van de gemeente',
    backToTopic: (topic: string) => `Meer over ${topic}`,
  },

  form: {
    intro: (days: number) =>
      `Alle vragen zonder „(niet verplicht)” moet u beantwoorden. U krijgt na het versturen een code. Daarmee volgt u wat er met uw reactie gebeurt. De gemeente antwoordt binnen ${days} werkdagen.`,
    optional: '(niet verplicht)',
    maxLengthHint: (n: number) => `U kunt maximaal ${n} tekens gebruiken.`,
    ...scriptMessages.nl,
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
  },

  confirmation: {
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
  },

  followUp: {
    title: 'Volg uw reactie',
    heading: 'Volg uw reactie',
    shellText: 'Vul de code in die u kreeg na het versturen van uw reactie. U ziet dan wat er met uw reactie gebeurt.',
    lookupHeading: 'Code invullen',
    codeLabel: 'Uw code',
    codeHint: 'De code staat in uw bevestiging, bijvoorbeeld K7QM-4XPR-9TWD.',
    lookupSubmit: 'Bekijken',
    statusHeading: 'Status van uw reactie',
    codeIs: (code: string) => `Code: ${code}`,
    consultation: 'Consultatie',
    submittedOn: (date: string) => `Verstuurd op ${date}`,
    steps: {
      received: 'Ontvangen',
      in_moderation: 'In behandeling',
      published: 'Gepubliceerd',
      rejected: 'Afgewezen',
      answered: 'Beantwoord',
    },
    stepDone: '(klaar)',
    stepCurrent: '(nu)',
    stepTodo: '(nog niet)',
    reasonHeading: 'Waarom is uw reactie afgewezen?',
    ruleApplied: (rule: string) => `Huisregel: ${rule}`,
    houseRulesLink: 'Lees alle huisregels',
    repliesHeading: 'Antwoord van de gemeente',
    noReplies: 'De gemeente heeft nog niet geantwoord.',
    answerDue: (date: string) => `De gemeente antwoordt uiterlijk op ${date}.`,
    answeredOn: (date: string) => `Beantwoord op ${date}`,
    yourAnswersHeading: 'Uw reactie',
  },

  rights: {
    heading: 'Uw gegevens',
    intro: 'U kunt alles downloaden wat wij over uw reactie bewaren. U kunt uw reactie ook laten verwijderen.',
    exportLink: 'Download mijn gegevens (JSON)',
    exportHint:
      'Een bestand met uw antwoorden, uw naam en e-mailadres (als u die gaf), de antwoorden van de gemeente en wat er met uw reactie gebeurde.',
    eraseLink: 'Verwijder mijn inbreng',
    erasedOn: (date: string) => `Uw reactie is verwijderd op ${date}.`,
    eraseTitle: 'Uw reactie verwijderen',
    eraseWhat: 'Wat gebeurt er als u uw reactie verwijdert?',
    eraseExplain: [
      'Wij verwijderen uw antwoorden, uw naam en uw e-mailadres.',
      'Staat uw reactie op de website? Dan halen wij die weg.',
      'Wij bewaren alleen dat er een reactie was: de datum, de status en de antwoorden van de gemeente. Die moet de gemeente als overheid kunnen laten zien.',
      'U kunt dit niet ongedaan maken. Wilt u een kopie? Download dan eerst uw gegevens.',
    ],
    confirmLabel: 'Ik begrijp dat mijn reactie definitief wordt verwijderd.',
    confirmRequired: 'Vink aan dat u begrijpt dat uw reactie definitief wordt verwijderd.',
    eraseSubmit: 'Verwijder mijn inbreng definitief',
    backToFollowUp: 'Terug naar uw reactie',
    erasedHeading: 'Uw reactie is verwijderd',
    erasedBody:
      'Uw antwoorden, uw naam en uw e-mailadres zijn verwijderd. Stond uw reactie op de website? Dan is die binnen enkele minuten verdwenen.',
    alreadyErased: 'Deze reactie was al verwijderd.',
    lostCode: 'Code kwijt? Vraag een link aan via uw e-mailadres',
    requestTitle: 'Uw reacties opvragen',
    requestIntro:
      'Gaf u bij uw reactie een e-mailadres? Dan sturen wij u een link. Met die link ziet u al uw reacties, downloadt u uw gegevens of verwijdert u uw reacties.',
    emailLabel: 'Uw e-mailadres',
    emailHint: 'Het e-mailadres dat u bij uw reactie invulde.',
    emailRequired: 'Vul uw e-mailadres in.',
    emailInvalid: 'Vul een e-mailadres in zoals naam@voorbeeld.nl.',
    requestSubmit: 'Stuur mij een link',
    requestSent:
      'Als dit e-mailadres bij ons bekend is, krijgt u binnen enkele minuten een e-mail met een link. De link werkt 24 uur en één keer. Geen e-mail gekregen? Kijk ook bij uw ongewenste e-mail.',
    linkIntro: 'Kies de knop om uw reacties te zien. De link werkt daarna niet meer; bewaar de codes die u dan ziet.',
    linkOpen: 'Toon mijn reacties',
    linkInvalid: 'Deze link werkt niet meer. Een link werkt 24 uur en één keer. Vraag een nieuwe link aan.',
    requestAgain: 'Vraag een nieuwe link aan',
    listHeading: 'Uw reacties',
    listIntro: 'Dit zijn de reacties met uw e-mailadres. Met de code van een reactie kunt u die later weer bekijken.',
    listEmpty: 'Wij bewaren geen reacties meer met dit e-mailadres.',
    followUpLink: 'Bekijk deze reactie',
    mailSubject: 'Uw link om uw reacties te bekijken',
    mailBody: (url: string) =>
      `U vroeg een link aan om uw reacties te bekijken.\n\nOpen deze link: ${url}\n\nDe link werkt 24 uur en één keer.\n\nVroeg u niets aan? Dan kunt u deze e-mail negeren.`,
  },

  topics: {
    title: 'Onderwerpen',
    heading: 'Onderwerpen',
    intro: 'Alle onderwerpen waarover de gemeente uw mening vraagt of vroeg.',
    consultations: (open: number, total: number) =>
      `${total === 1 ? '1 consultatie' : `${total} consultaties`}, waarvan ${open} open`,
  },

  results: {
    title: 'Uitkomsten',
    heading: 'Gesloten consultaties en hun uitkomst',
    intro: 'Hier ziet u welke consultaties gesloten zijn, wat de gemeente besloot en wat er met de reacties gebeurde.',
    none: 'Er zijn nog geen gesloten consultaties.',
    noOutcome: 'De gemeente verwerkt de reacties. De uitkomst volgt.',
    responsesLink: (n: number) => (n === 1 ? 'Bekijk 1 reactie met antwoord' : `Bekijk ${n} reacties met antwoorden`),
  },

  responses: {
    title: (consultation: string) => `Reacties op ${consultation}`,
    titlePage: (consultation: string, page: number, pages: number) =>
      `Reacties op ${consultation}, pagina ${page} van ${pages}`,
    heading: 'U zei, wij deden',
    intro:
      'Alle gepubliceerde reacties op deze consultatie, met de antwoorden van de gemeente. De nieuwste staan bovenaan.',
    summary: (from: number, to: number, total: number) => `Reactie ${from} tot en met ${to} van ${total}`,
    allLink: 'Alle reacties met de antwoorden van de gemeente',
    backToConsultation: 'Terug naar de consultatie',
    pagination: 'Paginering',
    previous: 'Vorige pagina',
    next: 'Volgende pagina',
    pageLabel: (n: number) => `Pagina ${n}`,
  },

  accessibility: {
    title: 'Toegankelijkheidsverklaring',
    heading: 'Toegankelijkheidsverklaring',
    intro: (org: string) =>
      `${org} wil dat iedereen deze website kan gebruiken. Wij houden ons aan de Europese norm EN 301 549 en bouwen volgens WCAG 2.2 niveau AA.`,
    missing: 'De gemeente heeft de toegankelijkheidsverklaring nog niet ingevuld.',
    scopeHeading: 'Waar gaat deze verklaring over?',
    statusHeading: 'Hoe toegankelijk is deze website?',
    status: {
      A: 'Voldoet volledig aan de eisen.',
      B: 'Voldoet gedeeltelijk aan de eisen.',
      C: 'Eerste maatregelen genomen.',
      D: 'Nog geen maatregelen genomen.',
      E: 'Voldoet niet aan de eisen.',
    },
    statementDate: (date: string) => `Deze verklaring is opgesteld op ${date}.`,
    auditsHeading: 'Onderzoeken',
    auditBy: (by: string, date: string) => `Door ${by}, ${date}`,
    noAudits: 'Er zijn nog geen onderzoeken gepubliceerd.',
    deviationsHeading: 'Wat werkt nog niet goed?',
    noDeviations: 'Er zijn geen bekende problemen.',
    criterion: (c: string) => `Succescriterium ${c}`,
    measure: 'Wat doen wij eraan?',
    resolveBy: (date: string) => `Opgelost vóór ${date}.`,
    checksHeading: 'Wat toetsen wij bij elke nieuwe versie?',
    checks: [
      'Elke pagina, in het Nederlands en Engels, met axe-core op WCAG 2.2 AA.',
      'Reageren met alleen het toetsenbord, met en zonder JavaScript.',
      'De volgorde van de focus, zichtbare focus, en focus die niet wordt afgedekt.',
      'Pagina’s op 320 pixels breed, met 200% tekstgrootte, met extra tekstafstand en in hoog contrast (geforceerde kleuren).',
      'Foutmeldingen, statusmeldingen, paginatitels, taal, koppen en landmarks.',
    ],
    contactHeading: 'Werkt iets niet?',
    contact: (email: string, days: number) =>
      `Mail naar ${email}. Wij antwoorden binnen ${days} werkdagen. Bent u niet tevreden met ons antwoord, dan kunt u contact opnemen met de Nationale ombudsman.`,
  },

  privacy: {
    title: 'Privacyverklaring',
    heading: 'Privacyverklaring',
    intro: (org: string) => `${org} is verantwoordelijk voor de gegevens op deze website.`,
    whatHeading: 'Welke gegevens bewaren wij?',
    what: [
      'Uw reactie en de taal waarin u die gaf.',
      'Uw naam en e-mailadres, alleen als u die zelf invult. Uw e-mailadres gebruiken wij alleen als u daarvoor toestemming geeft.',
      'Een code waarmee u uw reactie kunt volgen. Die code is niet aan uw naam gekoppeld.',
    ],
    notHeading: 'Wat doen wij niet?',
    not: [
      'Wij publiceren nooit uw naam of e-mailadres.',
      'Deze website gebruikt geen cookies en geen trackers. Ook de formulieren op andere websites doen dat niet.',
      'Wij verkopen of delen uw gegevens niet met anderen.',
    ],
    whyHeading: 'Waarom?',
    why: 'Wij gebruiken uw reactie om het besluit voor te bereiden waarover de consultatie gaat. Dat is een taak van algemeen belang (artikel 6 lid 1 sub e AVG). Voor uw e-mailadres vragen wij uw toestemming (artikel 6 lid 1 sub a AVG).',
    rightsHeading: 'Uw rechten',
    rights:
      'U mag uw gegevens inzien, laten verbeteren of laten verwijderen. Met uw code doet u dat zelf op de pagina ‘Volg uw reactie’: daar downloadt u uw gegevens of verwijdert u uw reactie. Code kwijt? Vraag dan een link aan met het e-mailadres dat u bij uw reactie gaf. Lukt het zo niet, stuur dan een e-mail.',
    rightsLink: 'Code kwijt? Vraag een link aan',
    retentionHeading: 'Hoe lang bewaren wij uw gegevens?',
    retentionIntro: 'Daarna verwijderen wij de gegevens automatisch, of maken wij ze anoniem.',
    retentionKindHeader: 'Gegevens',
    retentionPeriodHeader: 'Bewaartermijn',
    retentionFromHeader: 'Vanaf',
    retentionDays: (days: number) => (days === 1 ? '1 dag' : `${days} dagen`),
    retentionKinds: {
      contact_details: {
        label: 'Uw naam en e-mailadres',
        from: 'het sluiten van de consultatie of het laatste antwoord van de gemeente, wat later is',
      },
      input_text: {
        label: 'Reacties die niet zijn gepubliceerd',
        from: 'het sluiten van de consultatie (gepubliceerde reacties zijn openbaar archief)',
      },
      social_posts: {
        label: 'Berichten van inwoners op sociale media die wij overnemen',
        from: 'het laatste bericht in het gesprek of het sluiten van de consultatie, wat later is',
      },
      audit_log: {
        label: 'Logboek van wat medewerkers en Podium deden (zonder uw naam of e-mailadres)',
        from: 'het moment van schrijven',
      },
      staff_sessions: { label: 'Inlogsessies van medewerkers', from: 'het einde van de sessie' },
    },
    contactHeading: 'Contact over privacy',
    dpo: (email: string) => `De functionaris gegevensbescherming bereikt u via ${email}.`,
    authority:
      'Bent u het niet eens met hoe wij met uw gegevens omgaan? Dan kunt u een klacht indienen bij de Autoriteit Persoonsgegevens.',
  },

  houseRules: {
    title: 'Huisregels',
    heading: 'Huisregels',
    intro:
      'Iedereen moet zich welkom voelen op deze website. Daarom lezen medewerkers van de gemeente alle reacties. Reacties die zich niet aan deze regels houden, plaatsen wij niet. U hoort dan van ons welke regel het was.',
    none: 'De gemeente heeft nog geen huisregels gepubliceerd.',
  },

  contact: {
    title: 'Contact',
    heading: 'Contact',
    intro: 'Heeft u een vraag over een consultatie of over deze website? Neem contact met ons op.',
    email: 'E-mail',
    phone: 'Telefoon',
    post: 'Post',
    website: 'Website',
    followUpHint: 'Gaat uw vraag over uw reactie? Noem dan uw code.',
  },

  thread: {
    conversationsHeading: 'Gesprekken op sociale media',
    postsHeading: 'Berichten',
    conversationsIntro:
      'De gemeente vroeg ook op sociale media om reacties. Die gesprekken staan hier, zodat iedereen ze kan lezen.',
    conversationLink: (platform: string, posts: number) =>
      `${platform}, ${posts === 1 ? '1 bericht' : `${posts} berichten`}`,
    untitled: (platform: string) => `Gesprek op ${platform}`,
    mirrored: (platform: string) =>
      `Dit gesprek staat op ${platform}. Podium laat het hier zien, zonder de namen van inwoners. Inwoners heten hier Inwoner A, Inwoner B, enzovoort.`,
    lastSynced: (date: string) => `Laatst bijgewerkt: ${date}.`,
    viewOriginal: (platform: string) => `Bekijk het gesprek op ${platform}`,
    resident: (letter: string) => `Inwoner ${letter}`,
    unknownAuthor: 'Onbekend account',
    ownAccount: 'Account van de gemeente',
    officialAccount: 'Officieel account',
    wrote: (author: string, date: string) => `${author} schreef op ${date}`,
    replyTo: (author: string) => `Antwoord aan ${author}`,
    edited: 'bewerkt',
    contentWarning: (warning: string) => `Waarschuwing: ${warning}. Toon het bericht`,
    sensitiveMedia: (n: number): string => (n === 1 ? 'Toon gevoelige afbeelding' : 'Toon gevoelige afbeeldingen'),
    addedByMunicipality: 'beschrijving toegevoegd door de gemeente',
    image: 'Afbeelding',
    video: 'Video',
    audio: 'Geluid',
    media: 'Bijlage',
    noDescription: 'zonder beschrijving',
    placeholder: {
      deleted: 'Dit bericht is verwijderd.',
      blocked: 'Dit bericht is afgeschermd.',
      unavailable: 'Dit bericht is niet beschikbaar.',
    },
    counts: {
      replies: (n: number) => (n === 1 ? '1 reactie' : `${n} reacties`),
      reposts: (n: number) => `${n} keer gedeeld`,
      likes: (n: number) => (n === 1 ? '1 like' : `${n} likes`),
    },
    platforms: { mastodon: 'Mastodon', bluesky: 'Bluesky', x: 'X', facebook: 'Facebook', instagram: 'Instagram' },
  },

  embed: {
    title: 'Op uw website',
    heading: 'Reageren vanaf uw eigen website',
    intro:
      'Organisaties, wijkverenigingen en scholen kunnen het reactieformulier, een samenvatting van een consultatie en de reacties met antwoorden op hun eigen website zetten. Reacties komen bij de gemeente binnen, net als via deze website.',
    fallback: 'Reageer op de pagina van de consultatie',
    snippetHeading: 'Code om te kopiëren',
    snippetText:
      'Zet deze code op uw pagina. Met het attribuut lang kiest u de taal, met heading-level het niveau van de kop.',
    widgetsHeading: 'De widgets',
    exampleHeading: 'Voorbeeld',
    attributesHeading: 'Attributen',
    eventsHeading: 'Gebeurtenissen (events)',
    partsHeading: 'Onderdelen voor ::part()',
    statesHeading: 'Toestanden (elk getest in vier soorten pagina’s)',
    themingHeading: 'Vormgeving: CSS custom properties',
    themingText:
      'De widgets gebruiken de namen van NL Design System. Heeft uw website al een thema met deze namen, dan nemen de widgets dat vanzelf over. Elke eigenschap heeft een standaardwaarde met genoeg contrast.',
    setupHeading: 'Wat Podium nodig heeft',
    setupText:
      'Vraag de beheerder van Podium om het webadres van uw website toe te voegen aan de lijst van toegestane adressen. Werkt uw website met een Content-Security-Policy, sta het adres van Podium dan toe in script-src en connect-src. Inline script of eval is niet nodig. De widgets plaatsen geen cookies.',
    name: 'Naam',
    defaultValue: 'Standaard',
    description: 'Uitleg',
    detail: 'Gegevens (detail)',
  },

  api: {
    title: 'API-documentatie',
    heading: 'API-documentatie',
    intro: 'Met de open API haalt u consultaties en gepubliceerde reacties op. U kunt er ook reacties mee versturen.',
    download: 'Download de OpenAPI-beschrijving (JSON)',
    missing: 'De API-beschrijving is nog niet gemaakt. Deze pagina toont de API zodra dist/openapi.json bestaat.',
    endpointsHeading: 'Endpoints',
    parameters: 'Parameters',
    responses: 'Antwoorden',
    requestBody: 'Inhoud van het verzoek',
    name: 'Naam',
    location: 'Plaats',
    required: 'Verplicht',
    description: 'Omschrijving',
    yes: 'ja',
    no: 'nee',
    code: 'Code',
    docsLanguageNote: 'De omschrijvingen in de API zijn in het Engels.',
  },

  notFound: {
    title: 'Pagina niet gevonden',
    heading: 'Pagina niet gevonden',
    text: 'Deze pagina bestaat niet (meer). Misschien is het adres verkeerd getypt.',
    home: 'Naar de startpagina',
  },
};

export type Messages = typeof nl;

const en: Messages = {
  siteName: 'Podium',
  skipLink: 'Skip to content',
  mainMenu: 'Main menu',
  languageSwitch: 'Nederlands',
  languageSwitchLabel: 'Lees deze pagina in het Nederlands',
  footerHeading: 'About this website',
  errorPrefix: 'Error:',
  errorTitlePrefix: 'Error: ',

  nav: {
    home: 'Home',
    topics: 'Topics',
    results: 'Outcomes',
    followUp: 'Follow your response',
    embed: 'On your website',
    apiReference: 'API reference',
  },

  home: {
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
  },

  topic: {
    consultationsHeading: 'Consultations on this topic',
    none: 'There are no consultations on this topic yet.',
  },

  status: {
    open: 'Open',
    closed: 'Closed',
    decided: 'Decided',
    upcoming: 'Opening soon',
  },

  card: {
    status: 'Status',
    openUntil: (date: string) => `You can respond until ${date}`,
    opensOn: (date: string) => `Opens on ${date}`,
    closedOn: (date: string) => `Closed on ${date}`,
    responses: (n: number) => (n === 1 ? '1 response' : `${n} responses`),
  },

  consultation: {
    factsHeading: 'At a glance',
    topic: 'Topic',
    status: 'Status',
    asked: 'What are we asking?',
    until: 'Until when can you respond?',
    untilValue: (date: string) => `Until ${date}`,
    opensValue: (date: string) => `From ${date}`,
    whoDecides: 'Who decides?',
    responseTime: 'When do you get an answer?',
    responseTimeValue: (days: number) => `Within ${days} working days of your response`,
    moderation: 'How do we check responses?',
    moderationPre: 'A member of staff reads your response before it appears on this page.',
    moderationPost:
      'Your response appears on this page straight away. A member of staff reads along and removes responses that break the rules.',
    targetGroups: 'Who is it for?',
    department: 'Department',
    whyHeading: 'Why are we asking?',
    afterwardsHeading: 'What happens with your response?',
    formHeading: 'Give your response',
    closedHeading: 'This consultation is closed',
    closedText: 'You can no longer respond. The municipality is processing the responses.',
    upcomingHeading: 'This consultation is not open yet',
    upcomingText: (date: string) => `You can respond from ${date}.`,
    outcomeHeading: 'Outcome',
    publishedHeading: (n: number) => `Published responses (${n})`,
    noPublished: 'No responses have been published yet.',
    submissionHeading: (date: string) => `Response of ${date}`,
    viaWidget: 'Sent from another website',
    viaSocial: 'Found on social media',
    replyHeading: 'Answer from the municipality',
    backToTopic: (topic: string) => `More about ${topic}`,
  },

  form: {
    intro: (days: number) =>
      `Please answer every question not marked “(optional)”. After sending you get a code. With it you can follow what happens with your response. The municipality answers within ${days} working days.`,
    optional: '(optional)',
    maxLengthHint: (n: number) => `You can use up to ${n} characters.`,
    ...scriptMessages.en,
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
  },

  confirmation: {
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
  },

  followUp: {
    title: 'Follow your response',
    heading: 'Follow your response',
    shellText: 'Enter the code you got after sending your response. You then see what happens with your response.',
    lookupHeading: 'Enter your code',
    codeLabel: 'Your code',
    codeHint: 'The code is in your confirmation, for example K7QM-4XPR-9TWD.',
    lookupSubmit: 'Show',
    statusHeading: 'Status of your response',
    codeIs: (code: string) => `Code: ${code}`,
    consultation: 'Consultation',
    submittedOn: (date: string) => `Sent on ${date}`,
    steps: {
      received: 'Received',
      in_moderation: 'Being reviewed',
      published: 'Published',
      rejected: 'Rejected',
      answered: 'Answered',
    },
    stepDone: '(done)',
    stepCurrent: '(now)',
    stepTodo: '(not yet)',
    reasonHeading: 'Why was your response rejected?',
    ruleApplied: (rule: string) => `House rule: ${rule}`,
    houseRulesLink: 'Read all house rules',
    repliesHeading: 'Answer from the municipality',
    noReplies: 'The municipality has not answered yet.',
    answerDue: (date: string) => `The municipality will answer by ${date}.`,
    answeredOn: (date: string) => `Answered on ${date}`,
    yourAnswersHeading: 'Your response',
  },

  rights: {
    heading: 'Your data',
    intro: 'You can download everything we keep about your response. You can also have your response erased.',
    exportLink: 'Download my data (JSON)',
    exportHint:
      'A file with your answers, your name and e-mail address (if you gave them), the answers of the municipality and what happened to your response.',
    eraseLink: 'Erase my input',
    erasedOn: (date: string) => `Your response was erased on ${date}.`,
    eraseTitle: 'Erase your response',
    eraseWhat: 'What happens when you erase your response?',
    eraseExplain: [
      'We delete your answers, your name and your e-mail address.',
      'Is your response on the website? Then we take it off.',
      'We keep only that there was a response: the date, the status and the answers of the municipality. As a public body, the municipality must be able to show these.',
      'You cannot undo this. Do you want a copy? Then download your data first.',
    ],
    confirmLabel: 'I understand that my response will be erased for good.',
    confirmRequired: 'Tick the box to confirm that you understand your response will be erased for good.',
    eraseSubmit: 'Erase my input for good',
    backToFollowUp: 'Back to your response',
    erasedHeading: 'Your response has been erased',
    erasedBody:
      'Your answers, your name and your e-mail address have been deleted. Was your response on the website? Then it will be gone within a few minutes.',
    alreadyErased: 'This response had already been erased.',
    lostCode: 'Lost your code? Ask for a link by e-mail',
    requestTitle: 'Ask for your responses',
    requestIntro:
      'Did you give an e-mail address with your response? Then we send you a link. With that link you see all your responses, download your data or erase your responses.',
    emailLabel: 'Your e-mail address',
    emailHint: 'The e-mail address you entered with your response.',
    emailRequired: 'Enter your e-mail address.',
    emailInvalid: 'Enter an e-mail address like name@example.com.',
    requestSubmit: 'Send me a link',
    requestSent:
      'If we know this e-mail address, you will get an e-mail with a link within a few minutes. The link works for 24 hours and once. No e-mail? Also look in your junk mail.',
    linkIntro:
      'Choose the button to see your responses. After that the link no longer works; keep the codes you then see.',
    linkOpen: 'Show my responses',
    linkInvalid: 'This link no longer works. A link works for 24 hours and once. Ask for a new link.',
    requestAgain: 'Ask for a new link',
    listHeading: 'Your responses',
    listIntro:
      'These are the responses with your e-mail address. With the code of a response you can look at it again later.',
    listEmpty: 'We no longer keep any responses with this e-mail address.',
    followUpLink: 'View this response',
    mailSubject: 'Your link to see your responses',
    mailBody: (url: string) =>
      `You asked for a link to see your responses.\n\nOpen this link: ${url}\n\nThe link works for 24 hours and once.\n\nDid you not ask for this? Then you can ignore this e-mail.`,
  },

  topics: {
    title: 'Topics',
    heading: 'Topics',
    intro: 'All topics on which the municipality asks or asked for your views.',
    consultations: (open: number, total: number) =>
      `${total === 1 ? '1 consultation' : `${total} consultations`}, ${open} open`,
  },

  results: {
    title: 'Outcomes',
    heading: 'Closed consultations and their outcome',
    intro:
      'Here you see which consultations have closed, what the municipality decided and what happened with the responses.',
    none: 'No consultations have closed yet.',
    noOutcome: 'The municipality is processing the responses. The outcome will follow.',
    responsesLink: (n: number) => (n === 1 ? 'See 1 response with answer' : `See ${n} responses with answers`),
  },

  responses: {
    title: (consultation: string) => `Responses to ${consultation}`,
    titlePage: (consultation: string, page: number, pages: number) =>
      `Responses to ${consultation}, page ${page} of ${pages}`,
    heading: 'You said, we did',
    intro: 'All published responses to this consultation, with the answers of the municipality. The newest come first.',
    summary: (from: number, to: number, total: number) => `Responses ${from} to ${to} of ${total}`,
    allLink: "All responses with the municipality's answers",
    backToConsultation: 'Back to the consultation',
    pagination: 'Pagination',
    previous: 'Previous page',
    next: 'Next page',
    pageLabel: (n: number) => `Page ${n}`,
  },

  accessibility: {
    title: 'Accessibility statement',
    heading: 'Accessibility statement',
    intro: (org: string) =>
      `${org} wants everyone to be able to use this website. We follow the European standard EN 301 549 and build to WCAG 2.2 level AA.`,
    missing: 'The municipality has not filled in the accessibility statement yet.',
    scopeHeading: 'What does this statement cover?',
    statusHeading: 'How accessible is this website?',
    status: {
      A: 'Fully meets the requirements.',
      B: 'Partially meets the requirements.',
      C: 'First measures taken.',
      D: 'No measures taken yet.',
      E: 'Does not meet the requirements.',
    },
    statementDate: (date: string) => `This statement was drawn up on ${date}.`,
    auditsHeading: 'Audits',
    auditBy: (by: string, date: string) => `By ${by}, ${date}`,
    noAudits: 'No audits have been published yet.',
    deviationsHeading: 'What does not work well yet?',
    noDeviations: 'There are no known problems.',
    criterion: (c: string) => `Success criterion ${c}`,
    measure: 'What are we doing about it?',
    resolveBy: (date: string) => `Fixed before ${date}.`,
    checksHeading: 'What do we test with every new version?',
    checks: [
      'Every page, in Dutch and English, with axe-core against WCAG 2.2 AA.',
      'Responding with the keyboard only, with and without JavaScript.',
      'Focus order, visible focus, and focus that is not hidden.',
      'Pages at 320 pixels wide, with 200% text size, with extra text spacing and in high contrast (forced colours).',
      'Error messages, status messages, page titles, language, headings and landmarks.',
    ],
    contactHeading: 'Something does not work?',
    contact: (email: string, days: number) =>
      `Write to ${email}. We answer within ${days} working days. If you are not satisfied with our answer, you can contact the National Ombudsman.`,
  },

  privacy: {
    title: 'Privacy statement',
    heading: 'Privacy statement',
    intro: (org: string) => `${org} is responsible for the data on this website.`,
    whatHeading: 'What data do we keep?',
    what: [
      'Your response and the language you gave it in.',
      'Your name and e-mail address, only if you fill them in yourself. We only use your e-mail address if you agree to it.',
      'A code with which you can follow your response. The code is not linked to your name.',
    ],
    notHeading: 'What do we not do?',
    not: [
      'We never publish your name or e-mail address.',
      'This website uses no cookies and no trackers. Neither do the forms on other websites.',
      'We do not sell or share your data with others.',
    ],
    whyHeading: 'Why?',
    why: 'We use your response to prepare the decision the consultation is about. That is a task in the public interest (article 6(1)(e) GDPR). For your e-mail address we ask your consent (article 6(1)(a) GDPR).',
    rightsHeading: 'Your rights',
    rights:
      'You may see your data, have it corrected or have it deleted. With your code you do this yourself on the page ‘Follow your response’: there you download your data or erase your response. Lost your code? Then ask for a link with the e-mail address you gave with your response. If that does not work, send us an e-mail.',
    rightsLink: 'Lost your code? Ask for a link',
    retentionHeading: 'How long do we keep your data?',
    retentionIntro: 'After that we delete the data automatically, or make it anonymous.',
    retentionKindHeader: 'Data',
    retentionPeriodHeader: 'Kept for',
    retentionFromHeader: 'Counted from',
    retentionDays: (days: number) => (days === 1 ? '1 day' : `${days} days`),
    retentionKinds: {
      contact_details: {
        label: 'Your name and e-mail address',
        from: 'the closing of the consultation or the last answer of the municipality, whichever is later',
      },
      input_text: {
        label: 'Responses that were not published',
        from: 'the closing of the consultation (published responses are public record)',
      },
      social_posts: {
        label: 'Posts by residents on social media that we mirror',
        from: 'the last post in the conversation or the closing of the consultation, whichever is later',
      },
      audit_log: {
        label: 'Log of what staff and Podium did (without your name or e-mail address)',
        from: 'the moment it is written',
      },
      staff_sessions: { label: 'Sign-in sessions of staff', from: 'the end of the session' },
    },
    contactHeading: 'Contact about privacy',
    dpo: (email: string) => `You can reach the data protection officer at ${email}.`,
    authority:
      'If you disagree with how we handle your data, you can complain to the Dutch Data Protection Authority (Autoriteit Persoonsgegevens).',
  },

  houseRules: {
    title: 'House rules',
    heading: 'House rules',
    intro:
      'Everyone should feel welcome on this website. That is why members of staff of the municipality read every response. We do not publish responses that break these rules, and we tell you which rule it was.',
    none: 'The municipality has not published house rules yet.',
  },

  contact: {
    title: 'Contact',
    heading: 'Contact',
    intro: 'Do you have a question about a consultation or about this website? Get in touch.',
    email: 'E-mail',
    phone: 'Phone',
    post: 'Post',
    website: 'Website',
    followUpHint: 'Is your question about your response? Then mention your code.',
  },

  thread: {
    conversationsHeading: 'Conversations on social media',
    postsHeading: 'Posts',
    conversationsIntro:
      'The municipality also asked for responses on social media. Those conversations are here, so everyone can read them.',
    conversationLink: (platform: string, posts: number) => `${platform}, ${posts === 1 ? '1 post' : `${posts} posts`}`,
    untitled: (platform: string) => `Conversation on ${platform}`,
    mirrored: (platform: string) =>
      `This conversation is on ${platform}. Podium shows it here without the names of residents, who are called Resident A, Resident B and so on.`,
    lastSynced: (date: string) => `Last updated: ${date}.`,
    viewOriginal: (platform: string) => `See the conversation on ${platform}`,
    resident: (letter: string) => `Resident ${letter}`,
    unknownAuthor: 'Unknown account',
    ownAccount: "The municipality's account",
    officialAccount: 'Official account',
    wrote: (author: string, date: string) => `${author} wrote on ${date}`,
    replyTo: (author: string) => `Reply to ${author}`,
    edited: 'edited',
    contentWarning: (warning: string) => `Warning: ${warning}. Show the post`,
    sensitiveMedia: (n: number) => (n === 1 ? 'Show sensitive image' : 'Show sensitive images'),
    addedByMunicipality: 'description added by the municipality',
    image: 'Image',
    video: 'Video',
    audio: 'Audio',
    media: 'Attachment',
    noDescription: 'without a description',
    placeholder: {
      deleted: 'This post has been deleted.',
      blocked: 'This post is blocked.',
      unavailable: 'This post is not available.',
    },
    counts: {
      replies: (n: number) => (n === 1 ? '1 reply' : `${n} replies`),
      reposts: (n: number) => (n === 1 ? 'shared once' : `shared ${n} times`),
      likes: (n: number) => (n === 1 ? '1 like' : `${n} likes`),
    },
    platforms: { mastodon: 'Mastodon', bluesky: 'Bluesky', x: 'X', facebook: 'Facebook', instagram: 'Instagram' },
  },

  embed: {
    title: 'On your website',
    heading: 'Responding from your own website',
    intro:
      'Organisations, neighbourhood associations and schools can put the response form, a summary of a consultation and the responses with answers on their own website. Responses reach the municipality just as they do through this website.',
    fallback: 'Respond on the consultation page',
    snippetHeading: 'Code to copy',
    snippetText:
      'Put this code on your page. The lang attribute sets the language, heading-level the level of the heading.',
    widgetsHeading: 'The widgets',
    exampleHeading: 'Example',
    attributesHeading: 'Attributes',
    eventsHeading: 'Events',
    partsHeading: 'Parts for ::part()',
    statesHeading: 'States (each tested in four kinds of page)',
    themingHeading: 'Styling: CSS custom properties',
    themingText:
      'The widgets use the names of NL Design System. If your website already has a theme with these names, the widgets take it over by themselves. Every property has a default with enough contrast.',
    setupHeading: 'What Podium needs',
    setupText:
      "Ask Podium's administrator to add your website's address to the list of allowed addresses. If your website uses a Content-Security-Policy, allow Podium's address in script-src and connect-src. No inline script or eval is needed. The widgets set no cookies.",
    name: 'Name',
    defaultValue: 'Default',
    description: 'Description',
    detail: 'Detail',
  },

  api: {
    title: 'API reference',
    heading: 'API reference',
    intro: 'With the open API you can fetch consultations and published responses, and send responses.',
    download: 'Download the OpenAPI description (JSON)',
    missing: 'The API description has not been generated yet. This page lists the API once dist/openapi.json exists.',
    endpointsHeading: 'Endpoints',
    parameters: 'Parameters',
    responses: 'Responses',
    requestBody: 'Request body',
    name: 'Name',
    location: 'In',
    required: 'Required',
    description: 'Description',
    yes: 'yes',
    no: 'no',
    code: 'Code',
    docsLanguageNote: '',
  },

  notFound: {
    title: 'Page not found',
    heading: 'Page not found',
    text: 'This page does not exist (any more). Perhaps the address was mistyped.',
    home: 'Go to the home page',
  },
};

export const messages: Record<Locale, Messages> = { nl, en };

/** The messages for a language. */
export const t = (lang: Locale): Messages => messages[lang];

/**
 * Formats an ISO date in the municipality's time zone, whatever the server's zone is.
 *
 * @example formatDate('2026-12-15T22:59:00Z', 'nl') // '15 december 2026'
 */
export function formatDate(iso: string, lang: Locale, style: 'date' | 'dateTime' = 'date'): string {
  return formatMoment(iso, lang, style);
}
