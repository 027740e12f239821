/** Words of four eyes on an answer (the item page's block, its forms and refusals), Dutch first. */
export const nl = {
  heading: 'Antwoord wacht op goedkeuring',
  returnedHeading: 'Antwoord teruggestuurd',
  intro:
    'De richtlijnen van dit kanaal vragen om een tweede paar ogen: het antwoord staat nog niet in de spiegel en wordt pas geplaatst als een collega het goedkeurt. De reactietijd loopt door tot dan.',
  writtenBy: (name: string) => `Geschreven door ${name} op`,
  someone: 'een collega van wie het account is verwijderd',
  ownAnswer: 'U schreef dit antwoord zelf. Een collega keurt het goed of stuurt het terug.',
  returnedBy: (name: string, when: string) => `Teruggestuurd door ${name} op ${when}, met deze toelichting:`,
  returnedAfter: 'Schrijf een nieuw antwoord in het formulier hieronder; het wacht dan opnieuw op goedkeuring.',
  returnedAfterOwn:
    'Uw teruggestuurde antwoord staat in het antwoordveld van het formulier hieronder. Pas het aan en sla op; het wacht dan opnieuw op goedkeuring. Maak het veld leeg als u het niet opnieuw wilt sturen.',
  approve: 'Antwoord goedkeuren en plaatsen',
  returnLegend: 'Terugsturen naar de schrijver',
  note: 'Toelichting voor de schrijver',
  noteHint: 'Wat moet er anders? De schrijver leest dit bij het item.',
  returnButton: 'Antwoord terugsturen',
  approved: 'Het antwoord is goedgekeurd en gepubliceerd.',
  returned: 'Het antwoord is teruggestuurd naar de schrijver.',
  savedForApproval: 'Opgeslagen. Het antwoord wacht op goedkeuring door een collega; het is nog niet geplaatst.',
  errors: {
    own_answer: 'U kunt uw eigen antwoord niet goedkeuren of terugsturen: dat doet een collega (vier ogen).',
    nothing_awaiting: 'Er wacht geen antwoord op goedkeuring bij dit item. Misschien heeft een collega het al gedaan.',
    not_published:
      'Dit bericht staat niet (meer) in de spiegel, dus een antwoord eronder zou nergens te zien zijn. Publiceer het eerst of stuur het antwoord terug.',
    note_required: 'Schrijf een toelichting: waarom stuurt u het antwoord terug?',
    note_too_long: 'Maak de toelichting korter dan 2000 tekens.',
    forbidden: 'U mag antwoorden van collega’s niet goedkeuren of terugsturen.',
    approval_pending:
      'Er wacht al een antwoord op goedkeuring. Laat een collega het goedkeuren of terugsturen voordat u een nieuw antwoord schrijft.',
  },
};

export const en: typeof nl = {
  heading: 'Answer awaiting approval',
  returnedHeading: 'Answer sent back',
  intro:
    "This channel's guidelines ask for a second pair of eyes: the answer is not in the mirror yet and is posted only when a colleague approves it. The response time keeps running until then.",
  writtenBy: (name) => `Written by ${name} on`,
  someone: 'a colleague whose account was removed',
  ownAnswer: 'You wrote this answer. A colleague approves it or sends it back.',
  returnedBy: (name, when) => `Sent back by ${name} on ${when}, with this note:`,
  returnedAfter: 'Write a new answer in the form below; it waits for approval again.',
  returnedAfterOwn:
    'Your answer that was sent back is in the answer field of the form below. Change it and save; it waits for approval again. Empty the field if you do not want to send it again.',
  approve: 'Approve and post the answer',
  returnLegend: 'Send back to the writer',
  note: 'Note for the writer',
  noteHint: 'What should change? The writer reads this with the item.',
  returnButton: 'Send the answer back',
  approved: 'The answer was approved and published.',
  returned: 'The answer was sent back to its writer.',
  savedForApproval: 'Saved. The answer awaits approval by a colleague; it has not been posted yet.',
  errors: {
    own_answer: 'You cannot approve or send back your own answer: a colleague does that (four eyes).',
    nothing_awaiting: 'No answer of this item awaits approval. Perhaps a colleague already handled it.',
    not_published:
      'This post is not (or no longer) in the mirror, so an answer under it would show nowhere. Publish it first or send the answer back.',
    note_required: 'Write a note: why are you sending the answer back?',
    note_too_long: 'Keep the note under 2000 characters.',
    forbidden: "You may not approve or send back colleagues' answers.",
    approval_pending:
      'An answer already awaits approval. Have a colleague approve it or send it back before you write a new one.',
  },
};
