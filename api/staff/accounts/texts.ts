/** Words of the connected-accounts page (api/staff/accounts/), Dutch first. */
export const nl = {
  nav: 'Gekoppelde accounts',
  title: 'Gekoppelde accounts op sociale media',
  intro:
    'Met een gekoppeld account plaatst Podium de antwoorden van webcare in het gesprek op het platform zelf, als de gemeente. Een antwoord op een bericht in een gespiegeld gesprek op Mastodon gaat via het account op dezelfde server.',
  noKey:
    'Podium kan nu geen account koppelen: de sleutel waarmee tokens versleuteld worden bewaard (PODIUM_SECRET_KEY) is niet ingesteld. Vraag de beheerder van de server om die in te stellen.',
  listHeading: 'Accounts',
  empty: 'Er is nog geen account gekoppeld. Antwoorden verschijnen alleen op het portaal.',
  platform: 'Platform',
  handle: 'Account',
  server: 'Server',
  since: 'Gekoppeld op',
  status: 'Status',
  active: 'Actief',
  revoked: (when: string) => `Ingetrokken op ${when}`,
  revoke: (handle: string) => `Koppeling met ${handle} intrekken`,
  addHeading: 'Een Mastodon-account koppelen',
  addIntro:
    'Maak op de Mastodon-server van de gemeente, bij Voorkeuren → Ontwikkelen, een toepassing met de rechten read:accounts en write:statuses, en plak het toegangstoken hieronder. Podium controleert het token bij de server, bewaart het versleuteld en toont het nooit meer.',
  instance: 'Adres van de Mastodon-server',
  instanceHint: 'Bijvoorbeeld social.gemeente.nl',
  token: 'Toegangstoken',
  tokenHint: 'Het token wordt niet getoond, niet gelogd en niet geëxporteerd.',
  connect: 'Account koppelen',
  connected: (handle: string) => `Het account ${handle} is gekoppeld.`,
  revokedNotice: 'De koppeling is ingetrokken en het token is verwijderd.',
  errors: {
    instance: 'Vul het adres van de Mastodon-server in, bijvoorbeeld social.gemeente.nl.',
    bad_instance: 'Dit is geen adres van een openbare server die Podium kan bereiken. Controleer het adres.',
    token: 'Vul het toegangstoken in.',
    token_rejected:
      'De server accepteert dit token niet. Controleer of u het hele token hebt geplakt en of het nog geldig is.',
    unreachable:
      'De server antwoordde niet zoals een Mastodon-server. Controleer het adres en probeer het later opnieuw.',
    no_secret_key:
      'Podium bewaart geen token zonder sleutel (PODIUM_SECRET_KEY). Het token is niet opgeslagen. Vraag de beheerder van de server om de sleutel in te stellen.',
  },
};

export const en: typeof nl = {
  nav: 'Connected accounts',
  title: 'Connected social-media accounts',
  intro:
    "With a connected account Podium posts webcare's answers in the conversation on the platform itself, as the municipality. An answer to a post in a mirrored Mastodon conversation goes through the account on the same server.",
  noKey:
    "Podium cannot connect an account now: the key that keeps tokens encrypted (PODIUM_SECRET_KEY) is not set. Ask the server's administrator to set it.",
  listHeading: 'Accounts',
  empty: 'No account is connected yet. Answers appear on the portal only.',
  platform: 'Platform',
  handle: 'Account',
  server: 'Server',
  since: 'Connected on',
  status: 'Status',
  active: 'Active',
  revoked: (when) => `Revoked on ${when}`,
  revoke: (handle) => `Revoke the connection with ${handle}`,
  addHeading: 'Connect a Mastodon account',
  addIntro:
    "On the municipality's Mastodon server, under Preferences → Development, create an application with the scopes read:accounts and write:statuses, and paste its access token below. Podium checks the token with the server, stores it encrypted and never shows it again.",
  instance: 'Address of the Mastodon server',
  instanceHint: 'For example social.municipality.nl',
  token: 'Access token',
  tokenHint: 'The token is not shown, not logged and not exported.',
  connect: 'Connect account',
  connected: (handle) => `The account ${handle} is connected.`,
  revokedNotice: 'The connection was revoked and the token deleted.',
  errors: {
    instance: "Enter the Mastodon server's address, for example social.municipality.nl.",
    bad_instance: 'This is not the address of a public server Podium can reach. Check the address.',
    token: 'Enter the access token.',
    token_rejected:
      'The server does not accept this token. Check that you pasted the whole token and that it is still valid.',
    unreachable: 'The server did not answer as a Mastodon server does. Check the address and try again later.',
    no_secret_key:
      "Podium stores no token without a key (PODIUM_SECRET_KEY). The token was not stored. Ask the server's administrator to set the key.",
  },
};
