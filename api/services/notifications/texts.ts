/** The words of Podium's notification mails and the unsubscribe pages, Dutch first. */
export const nl = {
  greeting: 'Beste inwoner,',
  signature: (organisation: string) => `Met vriendelijke groet,\n${organisation}`,
  footerWhy: 'U krijgt deze e-mail omdat u bij uw inbreng toestemming gaf om contact met u op te nemen.',
  unsubscribeText: 'Geen e-mails meer over uw inbreng ontvangen',
  receipt: {
    subject: (consultation: string) => `Ontvangen: uw inbreng over ${consultation}`,
    heading: 'Wij hebben uw inbreng ontvangen',
    body: (consultation: string) => `Dank u wel voor uw inbreng over "${consultation}".`,
    code: (code: string) => `Uw volgcode is ${code}. Bewaar deze code: hiermee ziet u hoe het met uw inbreng gaat.`,
    due: (date: string) => `U krijgt uiterlijk ${date} een antwoord.`,
    link: 'Bekijk uw inbreng en ons antwoord',
  },
  answer: {
    subject: (consultation: string) => `Antwoord op uw inbreng over ${consultation}`,
    heading: 'De gemeente heeft uw inbreng beantwoord',
    intro: (consultation: string) => `Op uw inbreng over "${consultation}" hebben wij dit antwoord gegeven:`,
    link: 'Lees het antwoord op de pagina van uw inbreng',
  },
  staff: {
    greeting: (name: string) => `Beste ${name},`,
    footerWhy: 'U krijgt deze e-mail omdat u meldingen per e-mail hebt aangezet in de werkplek.',
    preferences: 'Kies welke meldingen u per e-mail krijgt',
    unsubscribeText: 'Geen meldingen per e-mail meer ontvangen',
    openItem: 'Open het item in de werkplek',
    open: 'Open uw meldingen in de werkplek',
  },
  unsubscribe: {
    title: 'Afmelden voor e-mails',
    confirm: 'Wilt u geen e-mails meer van ons ontvangen over deze inbreng of meldingen?',
    button: 'Afmelden',
    done: 'U bent afgemeld. U krijgt geen e-mails meer van ons hierover.',
    unknown: 'Deze afmeldlink is niet (meer) geldig. Misschien is de inbreng al verwijderd.',
    badRequest: 'Deze afmeldlink is onvolledig. Gebruik de link uit de e-mail.',
  },
};

export const en: typeof nl = {
  greeting: 'Dear resident,',
  signature: (organisation) => `Kind regards,\n${organisation}`,
  footerWhy: 'You receive this e-mail because you agreed to be contacted when you gave your input.',
  unsubscribeText: 'Stop e-mails about your input',
  receipt: {
    subject: (consultation) => `Received: your input on ${consultation}`,
    heading: 'We have received your input',
    body: (consultation) => `Thank you for your input on "${consultation}".`,
    code: (code) => `Your follow-up code is ${code}. Keep it: with it you can see what happens to your input.`,
    due: (date) => `You will have an answer by ${date}.`,
    link: 'See your input and our answer',
  },
  answer: {
    subject: (consultation) => `An answer to your input on ${consultation}`,
    heading: 'The municipality has answered your input',
    intro: (consultation) => `We gave this answer to your input on "${consultation}":`,
    link: 'Read the answer on the page of your input',
  },
  staff: {
    greeting: (name) => `Dear ${name},`,
    footerWhy: 'You receive this e-mail because you turned on e-mail notifications in the workbench.',
    preferences: 'Choose which notifications you receive by e-mail',
    unsubscribeText: 'Stop notification e-mails',
    openItem: 'Open the item in the workbench',
    open: 'Open your notifications in the workbench',
  },
  unsubscribe: {
    title: 'Unsubscribe from e-mails',
    confirm: 'Do you no longer want to receive e-mails from us about this input or these notifications?',
    button: 'Unsubscribe',
    done: 'You are unsubscribed. We will not e-mail you about this any more.',
    unknown: 'This unsubscribe link is not valid (any more). The input may have been erased.',
    badRequest: 'This unsubscribe link is incomplete. Use the link from the e-mail.',
  },
};
