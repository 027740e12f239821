/** Words of the thread-import page (api/staff/threads/), Dutch first. */
import type { FlagKind } from '../../services/screening/types.ts';

type Platform = 'mastodon' | 'bluesky' | 'x' | 'facebook' | 'instagram';
/** What a sync changed, as `SyncStats` counts it (services/social/threads.ts). */
type ChangeCounts = { added: number; edited: number; withheld: number; deleted: number };

export const nl = {
  nav: 'Gesprekken importeren',
  title: 'Gesprekken van sociale media',
  intro:
    'Haal een gesprek van Mastodon of Bluesky naar Podium. Reacties van inwoners komen eerst in de wachtrij; na goedkeuring staan ze op de portaalsite onder een schuilnaam (Inwoner A, Inwoner B), zonder naam, account of link naar hun profiel.',
  importHeading: 'Gesprek importeren',
  sourceLegend: 'Waar komt het gesprek vandaan?',
  sourceHint: 'Vul het adres van een bericht in, of kies het exportbestand. Niet allebei.',
  url: 'Adres van een bericht',
  urlHint:
    'Het webadres van het eerste bericht of van een reactie, bijvoorbeeld https://social.overheid.nl/@gemeente/1134… of https://bsky.app/profile/gemeente.nl/post/3k…. Podium leest dan het hele gesprek en houdt het bij.',
  files: 'Of: exportbestand(en)',
  filesHint:
    'Het JSON-bestand zoals het platform het geeft. Mastodon: twee bestanden, de status en de context (GET /api/v1/statuses/:id en …/context). Bluesky: het antwoord van app.bsky.feed.getPostThread. Samen hoogstens 2 MB. Een gesprek uit een bestand wordt niet bijgehouden.',
  consultation: 'Hoort bij consultatie',
  noConsultation: 'Geen consultatie',
  draft: 'concept',
  titleNl: 'Titel (Nederlands)',
  titleNlHint:
    'Zoals inwoners hem op de portaalsite lezen, bijvoorbeeld: Gesprek op Bluesky over de nieuwe fietsroute.',
  titleEn: 'Titel (Engels, niet verplicht)',
  titleEnHint: 'Zonder Engelse titel toont de Engelse site de Nederlandse.',
  submit: 'Importeren',
  result: {
    heading: 'Resultaat van de import',
    imported: (title: string, posts: number) =>
      `Het gesprek ‘${title}’ is geïmporteerd: ${posts === 1 ? '1 bericht' : `${posts} berichten`} opgenomen.`,
    reimported: (title: string, posts: number) =>
      `Het gesprek ‘${title}’ stond er al en is bijgewerkt: ${posts === 1 ? '1 bericht' : `${posts} berichten`}.`,
    changes: ({ added, edited, withheld, deleted }: ChangeCounts) =>
      `${added} nieuw, ${edited} bewerkt, ${withheld ? `${withheld} afgeschermd, ` : ''}${deleted} verwijderd op het platform.`,
    waiting: (waiting: number) =>
      waiting === 0
        ? 'Er wachten geen reacties op moderatie.'
        : `${waiting === 1 ? '1 reactie wacht' : `${waiting} reacties wachten`} in de wachtrij tot een moderator beslist.`,
    noneFlagged: 'Geen bericht bevat persoonsgegevens, voor zover Podium dat kan zien.',
    flaggedHeading: (n: number) =>
      n === 1 ? '1 bericht bevat mogelijk persoonsgegevens' : `${n} berichten bevatten mogelijk persoonsgegevens`,
    flaggedIntro: 'Deze berichten komen niet op de portaalsite voordat een moderator ze heeft bekeken.',
    flaggedPost: (when: string, kinds: string) => `Bericht van ${when}: ${kinds}`,
    openItem: 'Open in de wachtrij',
  },
  kinds: {
    email: 'e-mailadres',
    phone: 'telefoonnummer',
    bsn: 'burgerservicenummer',
    iban: 'rekeningnummer',
    address: 'adres',
    licence_plate: 'kenteken',
    health: 'gezondheid (bijzonder persoonsgegeven)',
    profanity: 'grof taalgebruik',
    abuse: 'belediging',
    threat: 'bedreiging',
    spam_links: 'spam',
    spam_repetition: 'spam',
    spam_flood: 'spam',
  } satisfies Record<FlagKind, string>,
  listHeading: 'Geïmporteerde gesprekken',
  empty: 'Er zijn nog geen gesprekken geïmporteerd.',
  caption: 'Geïmporteerde gesprekken, nieuwste eerst',
  columns: {
    title: 'Titel',
    platform: 'Platform',
    consultation: 'Consultatie',
    posts: 'Berichten',
    synced: 'Bijgewerkt',
    action: 'Actie',
  },
  untitled: 'Zonder titel',
  postsCount: (total: number, waiting: number) => `${total} (${waiting} wachten)`,
  fromFile: 'Uit een bestand; wordt niet bijgehouden',
  removedAtSource: 'Op het platform verwijderd',
  neverSynced: 'Nog niet',
  syncError: 'laatste poging mislukt',
  sync: (title: string) => `Nu bijwerken: ${title}`,
  syncShort: 'Nu bijwerken',
  synced: (title: string, { added, edited, withheld, deleted }: ChangeCounts) =>
    `‘${title}’ is bijgewerkt: ${added} nieuw, ${edited} bewerkt, ${withheld ? `${withheld} afgeschermd, ` : ''}${deleted} verwijderd.`,
  syncRemoved: (title: string) =>
    `Het eerste bericht van ‘${title}’ is op het platform verwijderd; het gesprek is van de portaalsite gehaald.`,
  platforms: {
    mastodon: 'Mastodon',
    bluesky: 'Bluesky',
    x: 'X',
    facebook: 'Facebook',
    instagram: 'Instagram',
  } satisfies Record<Platform, string>,
  errors: {
    noSource: 'Vul het adres van een bericht in, of kies een exportbestand.',
    bothSources: 'Kies één van beide: een adres of een bestand. Maak het adres leeg om het bestand te gebruiken.',
    urlTooLong: 'Dit adres is te lang (hoogstens 2000 tekens).',
    notPostUrl:
      'Dit is geen adres van een bericht dat Podium kan lezen. Gebruik het adres van een bericht op Mastodon of Bluesky, zoals https://bsky.app/profile/gemeente.nl/post/3k….',
    forbidden:
      'Podium mag dit adres niet lezen: het wijst naar een intern netwerk. Gebruik een openbaar adres of het exportbestand.',
    needsFile: (platform: string) =>
      `Een gesprek op ${platform} kan Podium niet via een adres lezen. Exporteer het gesprek en kies het bestand.`,
    unreachable:
      'Het platform is nu niet bereikbaar of gaf een fout. Probeer het later opnieuw, of gebruik het exportbestand.',
    notFound: 'Dit bericht bestaat niet (meer) op het platform. Is het verwijderd?',
    rateLimited: (time: string) => `Het platform vraagt Podium even te wachten. Probeer het na ${time} opnieuw.`,
    tooManyFiles: 'Kies hoogstens twee bestanden: bij Mastodon de status en de context, anders één bestand.',
    tooLarge:
      'De bestanden zijn samen te groot: hoogstens 2 MB. Kies een kleiner gesprek of exporteer minder reacties.',
    notJson: (name: string) => `${name} is geen geldig JSON-bestand. Kies het bestand zoals het platform het gaf.`,
    malformed:
      'Podium kan dit bestand niet als gesprek lezen: er ontbreekt iets of het is aangepast. Kies het bestand zoals het platform het gaf.',
    contextOnly: 'Dit is de context van Mastodon (de reacties) zonder de status zelf. Kies beide bestanden tegelijk.',
    filesDontPair:
      'Twee bestanden horen alleen samen als status en context van Mastodon. Kies bij Bluesky één bestand (het antwoord van getPostThread).',
    unknownPlatform:
      'Podium herkent dit bestand niet als een gesprek van Mastodon of Bluesky. Kies de status en de context van Mastodon, of het antwoord van getPostThread van Bluesky.',
    chooseFileAgain: 'Kies het bestand opnieuw: een browser onthoudt geen gekozen bestanden.',
    unknownConsultation: 'Deze consultatie bestaat niet (meer). Kies er een uit de lijst.',
    titleMissing: 'Vul een Nederlandse titel in.',
    titleTooLong: 'De titel is te lang (hoogstens 200 tekens).',
    threadNotFound: 'Dit gesprek bestaat niet (meer).',
    notSyncable: 'Dit gesprek komt uit een bestand en kan niet worden bijgewerkt. Importeer het nieuwe exportbestand.',
    syncFailed:
      'Bijwerken is niet gelukt: het platform is niet bereikbaar of gaf een fout. Podium probeert het later zelf opnieuw.',
    tooLargeTitle: 'Bestand te groot',
    tooLargeBody:
      'De bestanden zijn samen te groot: hoogstens 2 MB. Ga terug, kies een kleiner exportbestand en importeer opnieuw.',
    back: 'Terug naar gesprekken importeren',
  },
};

export const en: typeof nl = {
  nav: 'Import conversations',
  title: 'Conversations from social media',
  intro:
    'Bring a conversation from Mastodon or Bluesky into Podium. Residents’ replies go to the queue first; once approved they appear on the portal under a pseudonym (Resident A, Resident B), without name, account or link to their profile.',
  importHeading: 'Import a conversation',
  sourceLegend: 'Where does the conversation come from?',
  sourceHint: 'Fill in the address of a post, or choose the export file. Not both.',
  url: 'Address of a post',
  urlHint:
    'The web address of the first post or of a reply, for example https://social.overheid.nl/@gemeente/1134… or https://bsky.app/profile/gemeente.nl/post/3k…. Podium then reads the whole conversation and keeps it up to date.',
  files: 'Or: export file(s)',
  filesHint:
    'The JSON file as the platform gives it. Mastodon: two files, the status and its context (GET /api/v1/statuses/:id and …/context). Bluesky: the answer of app.bsky.feed.getPostThread. At most 2 MB together. A conversation from a file is not kept up to date.',
  consultation: 'Belongs to consultation',
  noConsultation: 'No consultation',
  draft: 'draft',
  titleNl: 'Title (Dutch)',
  titleNlHint: 'As residents read it on the portal, for example: Gesprek op Bluesky over de nieuwe fietsroute.',
  titleEn: 'Title (English, optional)',
  titleEnHint: 'Without an English title the English site shows the Dutch one.',
  submit: 'Import',
  result: {
    heading: 'Result of the import',
    imported: (title, posts) =>
      `The conversation ‘${title}’ has been imported: ${posts === 1 ? '1 post' : `${posts} posts`} taken in.`,
    reimported: (title, posts) =>
      `The conversation ‘${title}’ was already there and has been updated: ${posts === 1 ? '1 post' : `${posts} posts`}.`,
    changes: ({ added, edited, withheld, deleted }) =>
      `${added} new, ${edited} edited, ${withheld ? `${withheld} blocked or hidden, ` : ''}${deleted} deleted on the platform.`,
    waiting: (waiting) =>
      waiting === 0
        ? 'No replies wait for moderation.'
        : `${waiting === 1 ? '1 reply waits' : `${waiting} replies wait`} in the queue until a moderator decides.`,
    noneFlagged: 'No post contains personal data, as far as Podium can tell.',
    flaggedHeading: (n) => (n === 1 ? '1 post may contain personal data' : `${n} posts may contain personal data`),
    flaggedIntro: 'These posts do not appear on the portal before a moderator has looked at them.',
    flaggedPost: (when, kinds) => `Post of ${when}: ${kinds}`,
    openItem: 'Open in the queue',
  },
  kinds: {
    email: 'e-mail address',
    phone: 'phone number',
    bsn: 'citizen service number',
    iban: 'bank account number',
    address: 'address',
    licence_plate: 'licence plate',
    health: 'health (special category data)',
    profanity: 'profanity',
    abuse: 'insult',
    threat: 'threat',
    spam_links: 'spam',
    spam_repetition: 'spam',
    spam_flood: 'spam',
  },
  listHeading: 'Imported conversations',
  empty: 'No conversations have been imported yet.',
  caption: 'Imported conversations, newest first',
  columns: {
    title: 'Title',
    platform: 'Platform',
    consultation: 'Consultation',
    posts: 'Posts',
    synced: 'Updated',
    action: 'Action',
  },
  untitled: 'Untitled',
  postsCount: (total, waiting) => `${total} (${waiting} waiting)`,
  fromFile: 'From a file; not kept up to date',
  removedAtSource: 'Deleted on the platform',
  neverSynced: 'Not yet',
  syncError: 'last attempt failed',
  sync: (title) => `Update now: ${title}`,
  syncShort: 'Update now',
  synced: (title, { added, edited, withheld, deleted }) =>
    `‘${title}’ has been updated: ${added} new, ${edited} edited, ${withheld ? `${withheld} blocked or hidden, ` : ''}${deleted} deleted.`,
  syncRemoved: (title) =>
    `The first post of ‘${title}’ was deleted on the platform; the conversation has been taken off the portal.`,
  platforms: { mastodon: 'Mastodon', bluesky: 'Bluesky', x: 'X', facebook: 'Facebook', instagram: 'Instagram' },
  errors: {
    noSource: 'Fill in the address of a post, or choose an export file.',
    bothSources: 'Choose one of the two: an address or a file. Empty the address to use the file.',
    urlTooLong: 'This address is too long (at most 2000 characters).',
    notPostUrl:
      'This is not the address of a post Podium can read. Use the address of a post on Mastodon or Bluesky, such as https://bsky.app/profile/gemeente.nl/post/3k….',
    forbidden:
      'Podium may not read this address: it points into an internal network. Use a public address or the export file.',
    needsFile: (platform) =>
      `Podium cannot read a conversation on ${platform} from its address. Export the conversation and choose the file.`,
    unreachable:
      'The platform cannot be reached now or answered with an error. Try again later, or use the export file.',
    notFound: 'This post does not exist (any more) on the platform. Was it deleted?',
    rateLimited: (time) => `The platform asks Podium to wait. Try again after ${time}.`,
    tooManyFiles: 'Choose at most two files: for Mastodon the status and its context, otherwise one file.',
    tooLarge: 'The files are too large together: at most 2 MB. Choose a smaller conversation or export fewer replies.',
    notJson: (name) => `${name} is not a valid JSON file. Choose the file as the platform gave it.`,
    malformed:
      'Podium cannot read this file as a conversation: something is missing or it was changed. Choose the file as the platform gave it.',
    contextOnly: 'This is Mastodon’s context (the replies) without the status itself. Choose both files at once.',
    filesDontPair:
      'Two files only go together as Mastodon’s status and context. For Bluesky choose one file (the getPostThread answer).',
    unknownPlatform:
      'Podium does not recognise this file as a conversation from Mastodon or Bluesky. Choose Mastodon’s status and context, or Bluesky’s getPostThread answer.',
    chooseFileAgain: 'Choose the file again: a browser does not remember chosen files.',
    unknownConsultation: 'This consultation does not exist (any more). Choose one from the list.',
    titleMissing: 'Fill in a Dutch title.',
    titleTooLong: 'The title is too long (at most 200 characters).',
    threadNotFound: 'This conversation does not exist (any more).',
    notSyncable: 'This conversation comes from a file and cannot be updated. Import the new export file.',
    syncFailed:
      'Updating did not work: the platform cannot be reached or answered with an error. Podium will try again by itself later.',
    tooLargeTitle: 'File too large',
    tooLargeBody:
      'The files are too large together: at most 2 MB. Go back, choose a smaller export file and import again.',
    back: 'Back to importing conversations',
  },
};
