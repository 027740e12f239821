/** Words of the connected-accounts page (api/staff/accounts/), Dutch first. */
export const nl = {
  nav: 'Gekoppelde accounts',
  title: 'Gekoppelde accounts op sociale media',
  intro:
    'Met een gekoppeld account plaatst Podium de antwoorden van webcare in het gesprek op het platform zelf, als de gemeente, en komen vermeldingen van het account en reacties op zijn berichten vanzelf in de inbox. Een antwoord op een bericht in een gespiegeld gesprek op Mastodon gaat via het account op dezelfde server.',
  whyOne:
    'Dit is het ene register van de officiële accounts van de gemeente. Koppel hier alleen accounts die namens de gemeente spreken, en open geen eigen accounts per afdeling: inwoners zien dan niet meer welk account officieel is, en vragen aan losse accounts blijven onbeantwoord. Afdelingen beantwoorden berichten via de inbox, onder het account van de gemeente.',
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
  attention: (when: string) =>
    `Heeft aandacht nodig sinds ${when}: het platform weigert het token of app-wachtwoord. Er komen geen nieuwe berichten binnen. Koppel het account opnieuw.`,
  revoked: (when: string) => `Ingetrokken op ${when}`,
  revoke: (handle: string) => `Koppeling met ${handle} intrekken`,
  addHeading: 'Of: koppelen met een toegangstoken',
  addIntro:
    'Alleen nodig als de server geen toepassingen laat aanmelden, of als iemand anders het account beheert en u een token geeft. Maak op de Mastodon-server van de gemeente, bij Voorkeuren → Ontwikkelen, een toepassing met de rechten read:accounts, read:notifications, read:statuses, write:statuses en write:media, en plak het toegangstoken hieronder. Podium controleert het token bij de server, bewaart het versleuteld en toont het nooit meer. Zo’n token trekt Podium bij het intrekken van de koppeling niet in op de server: doe dat daar zelf.',
  instance: 'Adres van de Mastodon-server',
  instanceHint: 'Bijvoorbeeld social.gemeente.nl',
  token: 'Toegangstoken',
  tokenHint: 'Het token wordt niet getoond, niet gelogd en niet geëxporteerd.',
  connect: 'Mastodon-account koppelen',
  blueskyHeading: 'Een Bluesky-account koppelen',
  blueskyIntro:
    'Maak in Bluesky, bij Instellingen → Privacy en beveiliging → App-wachtwoorden, een app-wachtwoord voor Podium en vul het hieronder in, met de naam van het account. Gebruik nooit het gewone wachtwoord van het account. Podium logt ermee in bij de server van het account om het te controleren, bewaart het versleuteld en toont het nooit meer. Intrekken kan hier en in Bluesky.',
  pds: 'Server van het account (PDS)',
  pdsHint: 'Leeg laten voor bsky.social. Alleen invullen als het account op een eigen server staat.',
  identifier: 'Accountnaam',
  identifierHint: 'Bijvoorbeeld gemeente.bsky.social',
  appPassword: 'App-wachtwoord',
  appPasswordHint:
    'Vier groepjes van vier tekens, zoals abcd-efgh-ijkl-mnop. Het wordt niet getoond, niet gelogd en niet geëxporteerd.',
  connectBluesky: 'Bluesky-account koppelen',
  connected: (handle: string) => `Het account ${handle} is gekoppeld.`,
  replacedRevoked: 'De vorige toegang van Podium tot dit account is op de Mastodon-server ingetrokken.',
  replacedNotRevoked:
    'Let op: de Mastodon-server kon de vorige toegang van Podium tot dit account niet intrekken. De nieuwe koppeling werkt. Trek de oude toegang daar zelf in, bij Voorkeuren → Account → Geautoriseerde apps.',
  revokedNotice: 'De koppeling is ingetrokken en het token is verwijderd.',
  revokedAtInstance: 'De koppeling is ingetrokken: het token is hier verwijderd en op de Mastodon-server ingetrokken.',
  revokedNotAtInstance:
    'De koppeling is ingetrokken en het token is hier verwijderd, maar de Mastodon-server kon het niet intrekken. Trek de toegang van Podium daar zelf in, bij Voorkeuren → Account → Geautoriseerde apps.',
  oauth: {
    heading: 'Een Mastodon-account koppelen',
    intro:
      'Vul de Mastodon-server van de gemeente in. Podium meldt zich daar aan als toepassing en stuurt u naar de server. Daar logt u in met het account van de gemeente en geeft u Podium toestemming. Daarna komt u hier terug. Podium bewaart de toegang versleuteld en toont die nooit.',
    instance: 'Mastodon-server van de gemeente',
    instanceHint: 'Bijvoorbeeld social.gemeente.nl',
    start: 'Toestemming vragen op de Mastodon-server',
    title: (host: string) => `Toestemming geven op ${host}`,
    continueIntro: (host: string) =>
      `Podium is op ${host} aangemeld als toepassing. Ga naar ${host}, log daar in met het account van de gemeente en geef Podium toestemming (de knop heet daar meestal “Authorize”). Daarna brengt de server u terug naar Podium.`,
    scopesIntro: 'Podium vraagt toestemming om:',
    scopes: [
      'te lezen wie het account is;',
      'meldingen te lezen: vermeldingen van de gemeente en reacties op haar berichten;',
      'berichten te lezen, voor gesprekken en het luisteren naar hashtags;',
      'berichten met afbeeldingen te plaatsen, te wijzigen en te verwijderen: antwoorden en aankondigingen.',
    ],
    expires: 'Geef de toestemming binnen 10 minuten. Anders begint u opnieuw.',
    go: (host: string) => `Naar ${host} om toestemming te geven`,
    cancel: 'Terug naar de gekoppelde accounts',
    errors: {
      instance: 'Vul het adres van de Mastodon-server in, bijvoorbeeld social.gemeente.nl.',
      bad_instance: 'Dit is geen adres van een openbare server die Podium kan bereiken. Controleer het adres.',
      unreachable:
        'De server antwoordde niet zoals een Mastodon-server. Er is niets gekoppeld. Controleer het adres en probeer het later opnieuw.',
      registration_refused:
        'De server weigert Podium als toepassing aan te melden. Probeer het later opnieuw, of koppel het account met een toegangstoken.',
      no_secret_key:
        'Podium koppelt geen account zonder sleutel (PODIUM_SECRET_KEY). Er is niets opgeslagen. Vraag de beheerder van de server om de sleutel in te stellen.',
      expired:
        'De koppeling is niet gelukt: de toestemming kwam niet binnen 10 minuten terug, of was al gebruikt. Er is niets gekoppeld. Begin opnieuw.',
      other_session:
        'De koppeling is niet gelukt: deze toestemming is in een andere sessie aangevraagd dan de uwe. Er is niets gekoppeld. Begin opnieuw, en geef de toestemming in dezelfde browser.',
      denied: 'U hebt op de Mastodon-server geen toestemming gegeven. Er is niets gekoppeld.',
      provider_error:
        'De Mastodon-server stuurde een fout terug in plaats van toestemming. Er is niets gekoppeld. Probeer het opnieuw.',
      token_error:
        'De Mastodon-server wilde de toestemming niet omzetten in toegang. Er is niets gekoppeld. Probeer het opnieuw.',
      token_rejected:
        'De Mastodon-server accepteert de toegang die hij zelf gaf niet. Er is niets gekoppeld. Probeer het opnieuw.',
    },
  },
  listening: {
    heading: 'Luisteren naar onderwerpen',
    intro:
      'Podium kan per account ook openbare berichten binnenhalen met de hashtags of trefwoorden van onderwerpen van de gemeente, ook als ze de gemeente niet noemen. Dat staat uit tot u het aanzet. Podium bewaart van zo’n bericht alleen wat nodig is om het te beoordelen en te beantwoorden: de tekst, het tijdstip, het adres van het bericht en de accountnaam (op het portaal een schuilnaam). In de inbox staat erbij dat het gehoord is bij luisteren, niet als vermelding. Alleen wat na het aanzetten geplaatst is komt binnen.',
    legend: (handle: string, platform: string) => `${handle} op ${platform}`,
    enabled: 'Luisteren naar deze hashtags en trefwoorden',
    terms: 'Hashtags en trefwoorden',
    termsHint: {
      mastodon:
        'Eén per regel, met # ervoor, bijvoorbeeld #fietspad. Op Mastodon kan Podium alleen naar hashtags luisteren. Hoogstens 20.',
      bluesky: 'Eén per regel: een hashtag zoals #fietspad of een trefwoord zoals Dorpsstraat. Hoogstens 20.',
    },
    save: (handle: string) => `Luisteren voor ${handle} opslaan`,
    saved: (handle: string) => `Het luisteren voor ${handle} is opgeslagen.`,
    none: 'Er is geen actief account om mee te luisteren.',
    stale: (enabled: boolean, terms: string) =>
      `Iemand anders heeft het luisteren voor dit account intussen gewijzigd. Nu staat het ${enabled ? 'aan' : 'uit'}${terms ? `, met: ${terms}` : ''}. Uw invoer staat nog in het formulier: sla opnieuw op om die te bewaren.`,
    errors: {
      too_many: 'Luister naar hoogstens 20 hashtags of trefwoorden.',
      too_long: (term: string) => `Deze term is te lang (hoogstens 100 tekens): ${term}`,
      invalid: (term: string) =>
        `Dit is geen hashtag of trefwoord: ${term}. Een hashtag is # met letters, cijfers of _; een trefwoord bestaat uit woorden.`,
      keyword_on_mastodon: (term: string) =>
        `Op Mastodon kan Podium alleen naar hashtags luisteren, niet naar trefwoorden: ${term}. Zet er een # voor.`,
      required: 'Noem minstens één hashtag of trefwoord om het luisteren aan te zetten.',
    },
  },
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
  blueskyErrors: {
    pds: 'Dit is geen adres van een openbare server die Podium kan bereiken. Laat het veld leeg voor bsky.social.',
    identifier: 'Vul de naam van het Bluesky-account in, bijvoorbeeld gemeente.bsky.social.',
    appPassword: 'Vul het app-wachtwoord in.',
    not_app_password:
      'Dit is geen app-wachtwoord. Maak in Bluesky een app-wachtwoord (vier groepjes van vier tekens) en gebruik nooit het gewone wachtwoord. Er is niets verstuurd.',
    token_rejected:
      'Bluesky accepteert deze accountnaam met dit app-wachtwoord niet. Controleer de naam en of het app-wachtwoord nog bestaat. Er is niets opgeslagen.',
    unreachable:
      'De server antwoordde niet zoals een Bluesky-server. Controleer het adres en probeer het later opnieuw.',
    no_secret_key:
      'Podium bewaart geen app-wachtwoord zonder sleutel (PODIUM_SECRET_KEY). Er is niets opgeslagen. Vraag de beheerder van de server om de sleutel in te stellen.',
  },
};

export const en: typeof nl = {
  nav: 'Connected accounts',
  title: 'Connected social-media accounts',
  intro:
    "With a connected account Podium posts webcare's answers in the conversation on the platform itself, as the municipality, and mentions of the account and replies to its posts arrive in the inbox by themselves. An answer to a post in a mirrored Mastodon conversation goes through the account on the same server.",
  whyOne:
    "This is the one registry of the municipality's official accounts. Connect only accounts that speak for the municipality here, and do not open accounts per department: residents can then no longer tell which account is official, and questions to stray accounts go unanswered. Departments answer through the inbox, under the municipality's account.",
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
  attention: (when) =>
    `Needs attention since ${when}: the platform refuses the token or app password. No new posts arrive. Connect the account again.`,
  revoked: (when) => `Revoked on ${when}`,
  revoke: (handle) => `Revoke the connection with ${handle}`,
  addHeading: 'Or: connect with an access token',
  addIntro:
    "Only needed when the server does not let applications register, or when someone else manages the account and gives you a token. On the municipality's Mastodon server, under Preferences → Development, create an application with the scopes read:accounts, read:notifications, read:statuses, write:statuses and write:media, and paste its access token below. Podium checks the token with the server, stores it encrypted and never shows it again. Podium does not revoke such a token at the server when the connection is revoked: do that there yourself.",
  instance: 'Address of the Mastodon server',
  instanceHint: 'For example social.municipality.nl',
  token: 'Access token',
  tokenHint: 'The token is not shown, not logged and not exported.',
  connect: 'Connect Mastodon account',
  blueskyHeading: 'Connect a Bluesky account',
  blueskyIntro:
    "In Bluesky, under Settings → Privacy and security → App passwords, create an app password for Podium and enter it below with the account's name. Never use the account's own password. Podium logs in with it at the account's server to check it, stores it encrypted and never shows it again. You can revoke it here and in Bluesky.",
  pds: "The account's server (PDS)",
  pdsHint: 'Leave empty for bsky.social. Fill in only when the account lives on a server of its own.',
  identifier: 'Account name',
  identifierHint: 'For example municipality.bsky.social',
  appPassword: 'App password',
  appPasswordHint:
    'Four groups of four characters, like abcd-efgh-ijkl-mnop. It is not shown, not logged and not exported.',
  connectBluesky: 'Connect Bluesky account',
  connected: (handle) => `The account ${handle} is connected.`,
  replacedRevoked: "Podium's previous access to this account was revoked at the Mastodon server.",
  replacedNotRevoked:
    "Note: the Mastodon server could not revoke Podium's previous access to this account. The new connection works. Revoke the old access there yourself, under Preferences → Account → Authorized apps.",
  revokedNotice: 'The connection was revoked and the token deleted.',
  revokedAtInstance: 'The connection was revoked: the token was deleted here and revoked at the Mastodon server.',
  revokedNotAtInstance:
    "The connection was revoked and the token deleted here, but the Mastodon server could not revoke it. Revoke Podium's access there yourself, under Preferences → Account → Authorized apps.",
  oauth: {
    heading: 'Connect a Mastodon account',
    intro:
      "Enter the municipality's Mastodon server. Podium registers there as an application and sends you to the server. There you log in with the municipality's account and give Podium permission. Then you come back here. Podium stores the access encrypted and never shows it.",
    instance: "The municipality's Mastodon server",
    instanceHint: 'For example social.municipality.nl',
    start: 'Ask for permission on the Mastodon server',
    title: (host) => `Give permission on ${host}`,
    continueIntro: (host) =>
      `Podium is registered on ${host} as an application. Go to ${host}, log in there with the municipality's account and give Podium permission (the button there is usually called “Authorize”). The server then brings you back to Podium.`,
    scopesIntro: 'Podium asks permission to:',
    scopes: [
      'read who the account is;',
      'read notifications: mentions of the municipality and replies to its posts;',
      'read posts, for conversations and listening for hashtags;',
      'post, edit and delete posts with images: answers and announcements.',
    ],
    expires: 'Give permission within 10 minutes. Otherwise you start again.',
    go: (host) => `To ${host} to give permission`,
    cancel: 'Back to the connected accounts',
    errors: {
      instance: "Enter the Mastodon server's address, for example social.municipality.nl.",
      bad_instance: 'This is not the address of a public server Podium can reach. Check the address.',
      unreachable:
        'The server did not answer as a Mastodon server does. Nothing was connected. Check the address and try again later.',
      registration_refused:
        'The server refuses to register Podium as an application. Try again later, or connect the account with an access token.',
      no_secret_key:
        "Podium connects no account without a key (PODIUM_SECRET_KEY). Nothing was stored. Ask the server's administrator to set the key.",
      expired:
        'Connecting did not work: the permission did not come back within 10 minutes, or was already used. Nothing was connected. Start again.',
      other_session:
        'Connecting did not work: this permission was asked for in another session than yours. Nothing was connected. Start again, and give the permission in the same browser.',
      denied: 'You did not give permission on the Mastodon server. Nothing was connected.',
      provider_error: 'The Mastodon server sent an error back instead of permission. Nothing was connected. Try again.',
      token_error: 'The Mastodon server would not turn the permission into access. Nothing was connected. Try again.',
      token_rejected:
        'The Mastodon server does not accept the access it gave itself. Nothing was connected. Try again.',
    },
  },
  listening: {
    heading: 'Listening for topics',
    intro:
      "Per account, Podium can also take in public posts with the hashtags or keywords of the municipality's topics, also when they do not name the municipality. This is off until you switch it on. Of such a post Podium keeps only what is needed to review and answer it: the text, the time, the post's address and the account name (a pseudonym on the portal). The inbox says it was heard by listening, not a mention. Only what is posted after switching on comes in.",
    legend: (handle, platform) => `${handle} on ${platform}`,
    enabled: 'Listen for these hashtags and keywords',
    terms: 'Hashtags and keywords',
    termsHint: {
      mastodon:
        'One per line, with # before it, for example #fietspad. On Mastodon Podium can listen for hashtags only. At most 20.',
      bluesky: 'One per line: a hashtag such as #fietspad or a keyword such as Dorpsstraat. At most 20.',
    },
    save: (handle) => `Save listening for ${handle}`,
    saved: (handle) => `Listening for ${handle} is saved.`,
    none: 'There is no active account to listen with.',
    stale: (enabled, terms) =>
      `Someone else has changed listening for this account in the meantime. It is now ${enabled ? 'on' : 'off'}${terms ? `, with: ${terms}` : ''}. Your input is still in the form: save again to keep it.`,
    errors: {
      too_many: 'Listen for at most 20 hashtags or keywords.',
      too_long: (term) => `This term is too long (at most 100 characters): ${term}`,
      invalid: (term) =>
        `This is not a hashtag or keyword: ${term}. A hashtag is # with letters, digits or _; a keyword consists of words.`,
      keyword_on_mastodon: (term) =>
        `On Mastodon Podium can listen for hashtags only, not keywords: ${term}. Put a # before it.`,
      required: 'Name at least one hashtag or keyword to switch listening on.',
    },
  },
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
  blueskyErrors: {
    pds: 'This is not the address of a public server Podium can reach. Leave the field empty for bsky.social.',
    identifier: "Enter the Bluesky account's name, for example municipality.bsky.social.",
    appPassword: 'Enter the app password.',
    not_app_password:
      "This is not an app password. Create an app password in Bluesky (four groups of four characters) and never use the account's own password. Nothing was sent.",
    token_rejected:
      'Bluesky does not accept this account name with this app password. Check the name and that the app password still exists. Nothing was stored.',
    unreachable: 'The server did not answer as a Bluesky server does. Check the address and try again later.',
    no_secret_key:
      "Podium stores no app password without a key (PODIUM_SECRET_KEY). Nothing was stored. Ask the server's administrator to set the key.",
  },
};
