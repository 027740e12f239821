/** Texts of the rights pages: see, export and erase your own input. */

export const nl = {
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
  mailIntro: 'U vroeg een link aan om uw reacties te bekijken.',
  mailLink: 'Open deze link om uw reacties te zien',
  mailValidity: 'De link werkt 24 uur en één keer.',
  mailIgnore: 'Vroeg u niets aan? Dan kunt u deze e-mail negeren.',
};

export type Texts = typeof nl;

export const en: Texts = {
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
  mailIntro: 'You asked for a link to see your responses.',
  mailLink: 'Open this link to see your responses',
  mailValidity: 'The link works for 24 hours and once.',
  mailIgnore: 'Did you not ask for this? Then you can ignore this e-mail.',
};
