/** Texts of the privacy statement. */

export const nl = {
  title: 'Privacyverklaring',
  heading: 'Privacyverklaring',
  intro: (org: string) => `${org} is verantwoordelijk voor de gegevens op deze website.`,
  whatHeading: 'Welke gegevens bewaren wij?',
  what: [
    'Uw reactie en de taal waarin u die gaf.',
    'Uw naam en e-mailadres, alleen als u die zelf invult. Uw e-mailadres gebruiken wij alleen als u daarvoor toestemming geeft.',
    'Een code waarmee u uw reactie kunt volgen. Die code is niet aan uw naam gekoppeld.',
    'Hoe vaak elke pagina per dag is bekeken, en hoe vaak onze formulieren op andere websites zijn geladen (per website). Dat telt de server zelf, zonder cookies. Wij bewaren daarbij niets over u: geen IP-adres, geen browser, niet waar u vandaan kwam. Zoekmachines en andere bots tellen niet mee.',
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
};

export type Texts = typeof nl;

export const en: Texts = {
  title: 'Privacy statement',
  heading: 'Privacy statement',
  intro: (org: string) => `${org} is responsible for the data on this website.`,
  whatHeading: 'What data do we keep?',
  what: [
    'Your response and the language you gave it in.',
    'Your name and e-mail address, only if you fill them in yourself. We only use your e-mail address if you agree to it.',
    'A code with which you can follow your response. The code is not linked to your name.',
    'How often each page was viewed per day, and how often our forms were loaded on other websites (per website). The server counts this itself, without cookies. We keep nothing about you when we do: no IP address, no browser, not where you came from. Search engines and other bots do not count.',
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
};
