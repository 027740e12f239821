/** Words of the embedding page (api/staff/embedding/), Dutch first. */
export const nl = {
  nav: 'Insluiten',
  title: 'Webadressen die widgets mogen insluiten',
  intro:
    'Een widget van Podium werkt alleen op een website waarvan het webadres hier staat. Voeg het adres toe van elke website waarop een widget komt.',
  delay: 'Een wijziging werkt binnen een halve minuut.',
  listHeading: 'Toegestane webadressen',
  empty: 'Er staan nog geen webadressen in de lijst. Widgets werken nu nergens buiten Podium.',
  anyPort: 'elke poort',
  remove: (origin: string) => `Verwijder ${origin}`,
  addHeading: 'Webadres toevoegen',
  origin: 'Webadres',
  originHint:
    'Alleen het begin van het adres: https://, de naam van de website en eventueel een poort. Bijvoorbeeld https://www.gemeente.nl. Zonder pagina erachter.',
  add: 'Toevoegen',
  added: (origin: string) => `${origin} is toegevoegd.`,
  already: (origin: string) => `${origin} stond al in de lijst.`,
  removed: (origin: string) => `${origin} is verwijderd.`,
  embedPage: 'Hoe u een widget insluit, leest u op de pagina voor webredacteuren.',
  usage: {
    heading: 'Waar widgets gebruikt worden',
    intro:
      'Per website hoe vaak een widget daar gegevens ophaalde (een weergave), zonder cookies en zonder iets over de bezoeker te bewaren. Alleen toegestane webadressen tellen mee; bots niet.',
    empty: (days: number) => `In de laatste ${days} dagen is geen widget op een andere website bekeken.`,
    caption: (days: number) => `Widgetweergaven per website, laatste ${days} dagen`,
    site: 'Website',
    widget: 'Widget',
    shows: 'Toont',
    views: 'Weergaven',
    lastSeen: 'Laatst gezien',
    widgets: {
      consultation: 'Consultatie of reactieformulier',
      answers: 'Reacties',
      thread: 'Gesprek van sociale media',
    } as Record<string, string>,
  },
  errors: {
    empty: 'Vul een webadres in, zoals https://www.gemeente.nl.',
    scheme: 'Begin het webadres met https:// (of http:// voor een testomgeving).',
    path: 'Laat alles na de naam van de website weg: alleen https://www.gemeente.nl, niet https://www.gemeente.nl/pagina.',
    host: 'Dit is geen geldig webadres. Vul het in zoals https://www.gemeente.nl.',
    too_long: 'Dit webadres is te lang (hoogstens 300 tekens).',
    notListed: 'Dit webadres staat niet (meer) in de lijst.',
  },
};

export const en: typeof nl = {
  nav: 'Embedding',
  title: 'Web addresses that may embed widgets',
  intro:
    'A Podium widget only works on a website whose web address is listed here. Add the address of every website that shows a widget.',
  delay: 'A change takes effect within half a minute.',
  listHeading: 'Allowed web addresses',
  empty: 'There are no web addresses in the list yet. Widgets now work nowhere outside Podium.',
  anyPort: 'any port',
  remove: (origin) => `Remove ${origin}`,
  addHeading: 'Add a web address',
  origin: 'Web address',
  originHint:
    'Only the start of the address: https://, the website’s name and possibly a port. For example https://www.municipality.nl. Without a page after it.',
  add: 'Add',
  added: (origin) => `${origin} has been added.`,
  already: (origin) => `${origin} was already in the list.`,
  removed: (origin) => `${origin} has been removed.`,
  embedPage: 'How to embed a widget is explained on the page for web editors.',
  usage: {
    heading: 'Where widgets are used',
    intro:
      'Per website how often a widget fetched data there (a view), without cookies and without keeping anything about the visitor. Only allowed web addresses count; bots do not.',
    empty: (days) => `No widget was viewed on another website in the last ${days} days.`,
    caption: (days) => `Widget views per website, last ${days} days`,
    site: 'Website',
    widget: 'Widget',
    shows: 'Shows',
    views: 'Views',
    lastSeen: 'Last seen',
    widgets: {
      consultation: 'Consultation or response form',
      answers: 'Responses',
      thread: 'Social media conversation',
    },
  },
  errors: {
    empty: 'Fill in a web address, such as https://www.municipality.nl.',
    scheme: 'Start the web address with https:// (or http:// for a test environment).',
    path: 'Leave out everything after the website’s name: only https://www.municipality.nl, not https://www.municipality.nl/page.',
    host: 'This is not a valid web address. Fill it in like https://www.municipality.nl.',
    too_long: 'This web address is too long (at most 300 characters).',
    notListed: 'This web address is not (or no longer) in the list.',
  },
};
