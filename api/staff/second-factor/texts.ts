/** Words of two-step verification (api/staff/second-factor/), Dutch first. */
export const nl = {
  nav: 'Tweestapsverificatie',
  title: 'Tweestapsverificatie',
  intro:
    'Met tweestapsverificatie vraagt Podium bij het aanmelden na uw wachtwoord ook een code uit een app op uw telefoon, zoals Microsoft Authenticator, Google Authenticator of FreeOTP. Wie uw wachtwoord kent, komt dan nog niet binnen.',
  statusHeading: 'Status',
  active: (date: string) => `Aan sinds ${date}.`,
  recoveryLeft: (n: number) => (n === 1 ? 'U heeft nog 1 herstelcode over.' : `U heeft nog ${n} herstelcodes over.`),
  recoveryLow: 'Nog maar weinig herstelcodes: zet tweestapsverificatie uit en weer aan voor tien nieuwe.',
  off: 'Uit.',
  requiredNotice:
    'Uw organisatie vraagt tweestapsverificatie voor alle accounts met een wachtwoord. Stel het nu in; daarna gaat u verder naar de werkplek.',
  noKey:
    'Podium kan tweestapsverificatie nu niet instellen: de sleutel waarmee geheimen versleuteld worden bewaard (PODIUM_SECRET_KEY) is niet ingesteld op de server. Vraag de beheerder van de server om die in te stellen.',
  start: 'Tweestapsverificatie instellen',
  setupHeading: 'Stap 1: voeg Podium toe aan uw app',
  setupIntro:
    'Kies in uw app voor een nieuw account en dan voor “sleutel invoeren” (of “handmatig invoeren”). Typ de sleutel hieronder over; spaties mag u weglaten. Kies als soort “op tijd gebaseerd”.',
  keyLabel: 'Sleutel',
  accountLabel: 'Account',
  linkIntro: 'Op de telefoon met de app opent deze link de app met alles al ingevuld:',
  linkText: 'Podium toevoegen aan mijn app',
  confirmHeading: 'Stap 2: vul de code uit uw app in',
  codeLabel: 'Code uit de app',
  codeHint: 'De 6 cijfers die de app nu voor Podium toont.',
  confirm: 'Bevestigen',
  cancelLogin: 'Aanmelden afbreken',
  codesTitle: 'Bewaar uw herstelcodes',
  codesIntro:
    'Tweestapsverificatie staat aan. Raakt u uw telefoon kwijt, dan kunt u zich aanmelden met een van deze herstelcodes in plaats van een code uit de app. Elke code werkt één keer. Podium toont ze maar één keer: druk ze af of bewaar ze in uw wachtwoordbeheerder, niet op uw telefoon.',
  codesListLabel: 'Herstelcodes',
  continue: 'Ik heb de codes bewaard, verder',
  disableHeading: 'Tweestapsverificatie uitzetten',
  disableIntro: 'Vul een code uit uw app of uw wachtwoord in, zodat zeker is dat u het zelf bent.',
  disableCode: 'Code uit de app',
  disablePassword: 'Of uw wachtwoord',
  disable: 'Uitzetten',
  disabledNotice: 'Tweestapsverificatie staat uit.',
  disableRequired: 'Uw organisatie vraagt tweestapsverificatie: u kunt het niet uitzetten.',
  recoveryUsedNotice: (n: number) =>
    `U bent aangemeld met een herstelcode. ${n === 1 ? 'U heeft nog 1 herstelcode.' : `U heeft nog ${n} herstelcodes.`}`,
  step: {
    title: 'Code invullen',
    intro: 'Uw wachtwoord klopt. Vul nu de code uit uw app in.',
    codeLabel: 'Code',
    codeHint: 'De 6 cijfers uit uw app, of een van uw herstelcodes (10 tekens).',
    submit: 'Aanmelden',
    expiredNotice: 'Het aanmelden duurde te lang. Vul uw e-mailadres en wachtwoord opnieuw in.',
  },
  errors: {
    codeRequired: 'Vul de code in.',
    codeWrong: 'Deze code klopt niet of is al gebruikt. Vul de nieuwste code uit uw app in.',
    tooLong: 'Dit is te lang voor een code.',
    throttled: (time: string, minutes: number) =>
      `Te veel verkeerde codes. Probeer het weer om ${time} (over ${minutes === 1 ? '1 minuut' : `${minutes} minuten`}).`,
    waitBeforeNext: (time: string) => `Wacht tot ${time} voor u het opnieuw probeert.`,
    noKey: 'De server kan codes uit de app nu niet controleren (PODIUM_SECRET_KEY ontbreekt). Gebruik een herstelcode.',
    notStarted: 'Begin opnieuw met instellen: er is nog geen sleutel voor uw app.',
    proofRequired: 'Vul een code uit uw app of uw wachtwoord in.',
    proofBoth: 'Vul een code of uw wachtwoord in, niet allebei.',
    passwordWrong: 'Dit wachtwoord klopt niet.',
    notActive: 'Tweestapsverificatie staat al uit.',
  },
  policy: {
    nav: 'Inlogbeveiliging',
    title: 'Inlogbeveiliging',
    intro:
      'Bepaal of iedereen met een Podium-wachtwoord ook tweestapsverificatie moet gebruiken. Wie zich aanmeldt via de identiteitsdienst van de gemeente, regelt dat daar.',
    legend: 'Tweestapsverificatie',
    optional: 'Vrijwillig: ieder kiest zelf',
    required: 'Verplicht voor alle accounts met een wachtwoord',
    requiredHint:
      'Een collega zonder tweestapsverificatie stelt het in direct na het wachtwoord, en kan daarvoor niets anders doen.',
    counts: (withFactor: number, total: number) =>
      `${withFactor} van de ${total} actieve accounts met een wachtwoord gebruiken tweestapsverificatie.`,
    save: 'Opslaan',
    savedRequired: 'Tweestapsverificatie is nu verplicht.',
    savedOptional: 'Tweestapsverificatie is nu vrijwillig.',
    unchanged: 'Er is niets veranderd.',
    stale: (now: string) =>
      `Iemand anders heeft deze instelling intussen gewijzigd; die is nu: ${now}. Kijk uw keuze na en sla opnieuw op.`,
    choiceRequired: 'Kies vrijwillig of verplicht.',
    noKey:
      'Tweestapsverificatie kan niet verplicht worden: de sleutel PODIUM_SECRET_KEY is niet ingesteld op de server, dus niemand kan het instellen.',
  },
  colleague: {
    heading: 'Tweestapsverificatie',
    active: (date: string) => `Aan sinds ${date}.`,
    pending: 'Begonnen met instellen, nog niet bevestigd.',
    off: 'Niet ingesteld.',
    resetIntro:
      'Is uw collega de telefoon en de herstelcodes kwijt? Herstel dan de tweestapsverificatie: de sessies van uw collega eindigen en bij de volgende aanmelding stelt uw collega het opnieuw in.',
    reset: 'Tweestapsverificatie herstellen',
    resetNotice: 'De tweestapsverificatie van uw collega is hersteld.',
    resetNone: 'Deze collega heeft geen tweestapsverificatie om te herstellen.',
  },
};

export const en: typeof nl = {
  nav: 'Two-step verification',
  title: 'Two-step verification',
  intro:
    'With two-step verification Podium asks, after your password, for a code from an app on your phone, such as Microsoft Authenticator, Google Authenticator or FreeOTP. Someone who knows your password still cannot get in.',
  statusHeading: 'Status',
  active: (date: string) => `On since ${date}.`,
  recoveryLeft: (n: number) => (n === 1 ? 'You have 1 recovery code left.' : `You have ${n} recovery codes left.`),
  recoveryLow: 'Few recovery codes left: turn two-step verification off and on again for ten new ones.',
  off: 'Off.',
  requiredNotice:
    'Your organisation asks every account with a password to use two-step verification. Set it up now; then you go on to the workbench.',
  noKey:
    "Podium cannot set up two-step verification now: the key that keeps secrets encrypted (PODIUM_SECRET_KEY) is not set on the server. Ask the server's administrator to set it.",
  start: 'Set up two-step verification',
  setupHeading: 'Step 1: add Podium to your app',
  setupIntro:
    'In your app, add a new account and choose “enter a setup key” (or “enter manually”). Type the key below; you may leave out the spaces. Choose “time based” as its type.',
  keyLabel: 'Key',
  accountLabel: 'Account',
  linkIntro: 'On the phone with the app, this link opens the app with everything filled in:',
  linkText: 'Add Podium to my app',
  confirmHeading: 'Step 2: enter the code from your app',
  codeLabel: 'Code from the app',
  codeHint: 'The 6 digits the app shows for Podium now.',
  confirm: 'Confirm',
  cancelLogin: 'Cancel logging in',
  codesTitle: 'Keep your recovery codes',
  codesIntro:
    'Two-step verification is on. If you lose your phone, you can log in with one of these recovery codes instead of a code from the app. Each code works once. Podium shows them only once: print them or keep them in your password manager, not on your phone.',
  codesListLabel: 'Recovery codes',
  continue: 'I have kept the codes, continue',
  disableHeading: 'Turn off two-step verification',
  disableIntro: 'Enter a code from your app or your password, so it is certain it is you.',
  disableCode: 'Code from the app',
  disablePassword: 'Or your password',
  disable: 'Turn off',
  disabledNotice: 'Two-step verification is off.',
  disableRequired: 'Your organisation asks for two-step verification: you cannot turn it off.',
  recoveryUsedNotice: (n: number) =>
    `You logged in with a recovery code. ${n === 1 ? 'You have 1 recovery code left.' : `You have ${n} recovery codes left.`}`,
  step: {
    title: 'Enter your code',
    intro: 'Your password is right. Now enter the code from your app.',
    codeLabel: 'Code',
    codeHint: 'The 6 digits from your app, or one of your recovery codes (10 characters).',
    submit: 'Log in',
    expiredNotice: 'Logging in took too long. Enter your e-mail address and password again.',
  },
  errors: {
    codeRequired: 'Enter the code.',
    codeWrong: 'This code is not right or was used before. Enter the newest code from your app.',
    tooLong: 'This is too long for a code.',
    throttled: (time: string, minutes: number) =>
      `Too many wrong codes. Try again at ${time} (in ${minutes === 1 ? '1 minute' : `${minutes} minutes`}).`,
    waitBeforeNext: (time: string) => `Wait until ${time} before you try again.`,
    noKey: 'The server cannot check codes from the app now (PODIUM_SECRET_KEY is missing). Use a recovery code.',
    notStarted: 'Start setting up again: there is no key for your app yet.',
    proofRequired: 'Enter a code from your app or your password.',
    proofBoth: 'Enter a code or your password, not both.',
    passwordWrong: 'This password is not right.',
    notActive: 'Two-step verification is already off.',
  },
  policy: {
    nav: 'Sign-in security',
    title: 'Sign-in security',
    intro:
      "Decide whether everyone with a Podium password must also use two-step verification. People who sign in through the municipality's identity provider arrange that there.",
    legend: 'Two-step verification',
    optional: 'Optional: everyone chooses',
    required: 'Required for every account with a password',
    requiredHint:
      'A colleague without two-step verification sets it up right after the password, before anything else.',
    counts: (withFactor: number, total: number) =>
      `${withFactor} of the ${total} active accounts with a password use two-step verification.`,
    save: 'Save',
    savedRequired: 'Two-step verification is now required.',
    savedOptional: 'Two-step verification is now optional.',
    unchanged: 'Nothing changed.',
    stale: (now: string) =>
      `Someone else changed this setting meanwhile; it is now: ${now}. Check your choice and save again.`,
    choiceRequired: 'Choose optional or required.',
    noKey:
      'Two-step verification cannot be required: the key PODIUM_SECRET_KEY is not set on the server, so nobody could set it up.',
  },
  colleague: {
    heading: 'Two-step verification',
    active: (date: string) => `On since ${date}.`,
    pending: 'Started setting it up, not confirmed yet.',
    off: 'Not set up.',
    resetIntro:
      "Has your colleague lost both phone and recovery codes? Then reset two-step verification: your colleague's sessions end, and they set it up again at their next log-in.",
    reset: 'Reset two-step verification',
    resetNotice: "Your colleague's two-step verification has been reset.",
    resetNone: 'This colleague has no two-step verification to reset.',
  },
};
