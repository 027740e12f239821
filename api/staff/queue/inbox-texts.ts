/** Words of the inbox (the queue as list and detail) and of an item's one form, Dutch first. */
import type { ItemChange } from '../../services/moderation/index.ts';

export const nl = {
  title: 'Wachtrij',
  intro: 'Inbreng uit alle kanalen. Kies een item om het te bekijken en in één keer af te handelen.',
  listHeading: 'Items',
  listLabel: 'Items in de inbox',
  newItems: (count: number, more: boolean) =>
    more ? `Meer dan ${count - 1} nieuwe items` : count === 1 ? '1 nieuw item' : `${count} nieuwe items`,
  showNewItems: 'Toon de nieuwste items',
  moreFilters: 'Meer filters',
  repliesHeading: 'Gegeven antwoorden',
  textHeading: 'Tekst',
  empty: 'Er zijn geen items die bij deze filters passen.',
  noneChosen: 'Kies een item uit de lijst.',
  next: 'Volgende items',
  first: 'Terug naar het begin',
  backToList: 'Terug naar de lijst',
  permalink: 'Vaste link naar dit item',
  search: 'Zoeken in de tekst',
  searchHint: 'Zoekt in het Nederlands en het Engels; woordvormen tellen mee (fietspad vindt ook fietspaden).',
  period: (from: string, to: string) =>
    `Alleen de items die de inzichten tellen van ${from} tot en met ${to}, in elke status. Met ‘Filters wissen’ ziet u weer de hele lijst.`,
  searchTooLong: 'Maak de zoektekst korter dan 200 tekens.',
  view: 'Welke items',
  views: { all: 'Alle items', mine: 'Aan mij toegewezen', waiting: 'Wacht op mij', department: 'Mijn afdeling' },
  viewsHint: '‘Wacht op mij’: onbeantwoorde items die aan u of aan niemand zijn toegewezen.',
  departmentHint: '‘Mijn afdeling’: items die naar uw afdeling zijn doorgestuurd.',
  noDepartment:
    'U hoort bij geen afdeling, dus ‘Mijn afdeling’ laat geen items zien. Kies een andere weergave, of vraag een beheerder u aan een afdeling toe te voegen.',
  sort: 'Volgorde',
  sorts: { oldest: 'Oudste eerst', newest: 'Nieuwste eerst', due: 'Minste tijd over eerst' },
  approval: 'Goedkeuring van antwoorden',
  approvals: {
    '': 'Alle items',
    awaiting: 'Wacht op mijn goedkeuring',
    returned: 'Mijn teruggestuurde antwoorden',
  },
  approvalHint:
    '‘Wacht op mijn goedkeuring’: antwoorden van collega’s die op goedkeuring wachten (nooit uw eigen). ‘Mijn teruggestuurde antwoorden’: uw antwoorden die een collega met een opmerking heeft teruggestuurd.',
  approvalMarks: { awaiting: 'Antwoord wacht op goedkeuring', returned: 'Teruggestuurd' },
  columns: {
    approval: 'Goedkeuring',
    item: 'Item',
    channel: 'Kanaal',
    flags: 'Controle',
    sentiment: 'Sentiment',
    state: 'Status',
    assignee: 'Toegewezen aan',
    timeLeft: 'Tijd over',
  },
  noFlags: 'geen',
  flagCount: (n: number) => (n === 1 ? '1 melding' : `${n} meldingen`),
  unknownSentiment: 'onbekend',
  nobody: 'niemand',
  selected: '(geopend)',
  form: {
    heading: 'Afhandelen',
    intro: 'Wijzig wat nodig is en sla alles in één keer op. Wat u niet wijzigt, blijft zoals het is.',
    keep: (state: string) => `Niet wijzigen (nu: ${state})`,
    sentimentKeep: 'Niet wijzigen',
    answerLegend: 'Antwoord',
    answer: 'Antwoord aan de inwoner (optioneel)',
    answerHint: 'Wordt gepubliceerd bij het opslaan. Sjablonen en voorbeeld vindt u op de antwoordpagina.',
    answerLanguage: 'Taal van het antwoord',
    answerPage: 'Antwoorden met sjabloon en voorbeeld',
    noAnswer: 'Dit kanaal kan nog niet vanuit Podium worden beantwoord.',
    answerAwaitsApproval:
      'Er wacht een antwoord op goedkeuring (hierboven). Een nieuw antwoord kan pas als een collega het heeft goedgekeurd of teruggestuurd.',
    noAssign: 'Items van dit kanaal kunnen nog niet worden toegewezen.',
    answerHintSocial: (platform: string) =>
      `Het antwoord verschijnt op het portaal onder dit bericht; op ${platform} zelf alleen als de gemeente daar een gekoppeld account heeft.`,
    save: 'Opslaan',
    saved: 'Opgeslagen.',
    nothing: 'Er was niets gewijzigd; er is niets opgeslagen.',
    version: (n: number) => `versie ${n}`,
  },
  stale: {
    heading: 'Iemand anders heeft dit item intussen gewijzigd',
    intro:
      'Er is niets opgeslagen. Hieronder staat het item zoals het nu is; wat u invulde staat nog in het formulier. Kijk het na en sla opnieuw op.',
    summary: 'Dit item is intussen gewijzigd door een collega. Controleer het en sla opnieuw op.',
    change: (change: ItemChange, states: Record<string, string>, when: string) => {
      const who = change.by ?? 'iemand';
      if (change.action === 'assigned') return `${who} heeft het item toegewezen (${when}).`;
      if (change.action === 'answered') return `${who} heeft het item beantwoord (${when}).`;
      if (change.action === 'answer_submitted')
        return `${who} heeft een antwoord geschreven dat op goedkeuring wacht (${when}).`;
      if (change.action === 'answer_approved') return `${who} heeft het antwoord goedgekeurd (${when}).`;
      if (change.action === 'answer_returned') return `${who} heeft het antwoord teruggestuurd (${when}).`;
      return `${who} heeft het besluit gewijzigd naar ‘${states[change.to ?? ''] ?? change.to}’ (${when}).`;
    },
  },
  errors: {
    rule_required: 'Kies de huisregel waarom u afwijst.',
    unknown_rule: 'Deze huisregel bestaat niet. Kies er een uit de lijst.',
    already_decided: 'Dit item is al beantwoord; het besluit kan niet meer veranderen.',
    decision: 'Kies een van de besluiten.',
    note: 'Maak de notitie korter dan 1000 tekens.',
    sentiment: 'Kies een sentiment uit de lijst.',
    department: 'Deze afdeling bestaat niet. Kies er een uit de lijst.',
    person: 'Deze persoon bestaat niet of mag de wachtrij niet behandelen. Kies iemand uit de lijst.',
    answer_too_long: 'Maak het antwoord korter dan 5000 tekens.',
    answer_too_long_for_platform: (max: number, count: number) =>
      `Het antwoord wordt ook op Bluesky geplaatst, dat hoogstens ${max} tekens toestaat. Dit antwoord heeft er ${count}: maak het korter.`,
    answer_rejected: 'Een afgewezen item krijgt geen antwoord; de inwoner leest de huisregel. Publiceer het eerst.',
    answer_not_published:
      'Dit bericht staat nog niet op het portaal; een antwoord eronder zou niemand zien. Publiceer het eerst.',
    answerLanguage: 'Kies Nederlands of Engels als taal van het antwoord.',
    unsupported_assignment: 'Dit item kan niet worden toegewezen.',
    unsupported_answer: 'Dit item kan niet vanuit Podium worden beantwoord.',
    forbidden: 'U mag dit deel van het item niet wijzigen.',
  },
  bulkStale: (n: number) =>
    n === 1
      ? '1 item is niet besloten: een collega had het intussen gewijzigd.'
      : `${n} items zijn niet besloten: een collega had ze intussen gewijzigd.`,
};

export const en: typeof nl = {
  title: 'Queue',
  intro: 'Input from every channel. Choose an item to read it and handle it in one go.',
  listHeading: 'Items',
  listLabel: 'Items in the inbox',
  newItems: (count: number, more: boolean) =>
    more ? `More than ${count - 1} new items` : count === 1 ? '1 new item' : `${count} new items`,
  showNewItems: 'Show the newest items',
  moreFilters: 'More filters',
  repliesHeading: 'Answers given',
  textHeading: 'Text',
  empty: 'No items match these filters.',
  noneChosen: 'Choose an item from the list.',
  next: 'Next items',
  first: 'Back to the start',
  backToList: 'Back to the list',
  permalink: 'Permanent link to this item',
  search: 'Search the text',
  searchHint: 'Searches in Dutch and English; word forms count (cycle also finds cycling).',
  period: (from: string, to: string) =>
    `Only the items the insights count from ${from} to ${to}, in every state. ‘Clear filters’ shows the whole list again.`,
  searchTooLong: 'Make the search text shorter than 200 characters.',
  view: 'Which items',
  views: { all: 'All items', mine: 'Assigned to me', waiting: 'Waiting for me', department: 'My department' },
  viewsHint: '‘Waiting for me’: unanswered items assigned to you or to nobody.',
  departmentHint: '‘My department’: items routed to your department.',
  noDepartment:
    'You belong to no department, so ‘My department’ shows no items. Choose another view, or ask an administrator to add you to a department.',
  sort: 'Order',
  sorts: { oldest: 'Oldest first', newest: 'Newest first', due: 'Least time left first' },
  approval: 'Approval of answers',
  approvals: {
    '': 'All items',
    awaiting: 'Awaiting my approval',
    returned: 'My answers sent back',
  },
  approvalHint:
    '‘Awaiting my approval’: colleagues’ answers waiting for approval (never your own). ‘My answers sent back’: your answers a colleague sent back with a note.',
  approvalMarks: { awaiting: 'Answer awaiting approval', returned: 'Sent back' },
  columns: {
    approval: 'Approval',
    item: 'Item',
    channel: 'Channel',
    flags: 'Screening',
    sentiment: 'Sentiment',
    state: 'State',
    assignee: 'Assigned to',
    timeLeft: 'Time left',
  },
  noFlags: 'none',
  flagCount: (n: number) => (n === 1 ? '1 flag' : `${n} flags`),
  unknownSentiment: 'unknown',
  nobody: 'nobody',
  selected: '(open)',
  form: {
    heading: 'Handle',
    intro: 'Change what is needed and save everything at once. What you do not change stays as it is.',
    keep: (state: string) => `Do not change (now: ${state})`,
    sentimentKeep: 'Do not change',
    answerLegend: 'Answer',
    answer: 'Answer to the resident (optional)',
    answerHint: 'Published when you save. Templates and a preview are on the answer page.',
    answerLanguage: 'Language of the answer',
    answerPage: 'Answer with a template and preview',
    noAnswer: 'This channel cannot be answered from Podium yet.',
    answerAwaitsApproval:
      'An answer awaits approval (above). A new answer can be written once a colleague has approved it or sent it back.',
    noAssign: 'Items from this channel cannot be assigned yet.',
    answerHintSocial: (platform) =>
      `The answer appears on the portal under this post; on ${platform} itself only when the municipality has a connected account there.`,
    save: 'Save',
    saved: 'Saved.',
    nothing: 'Nothing was changed; nothing was saved.',
    version: (n: number) => `version ${n}`,
  },
  stale: {
    heading: 'Someone else changed this item in the meantime',
    intro:
      'Nothing was saved. Below is the item as it is now; what you entered is still in the form. Check it and save again.',
    summary: 'A colleague changed this item in the meantime. Check it and save again.',
    change: (change: ItemChange, states: Record<string, string>, when: string) => {
      const who = change.by ?? 'someone';
      if (change.action === 'assigned') return `${who} assigned the item (${when}).`;
      if (change.action === 'answered') return `${who} answered the item (${when}).`;
      if (change.action === 'answer_submitted') return `${who} wrote an answer that awaits approval (${when}).`;
      if (change.action === 'answer_approved') return `${who} approved the answer (${when}).`;
      if (change.action === 'answer_returned') return `${who} sent the answer back (${when}).`;
      return `${who} changed the decision to ‘${states[change.to ?? ''] ?? change.to}’ (${when}).`;
    },
  },
  errors: {
    rule_required: 'Choose the house rule you reject it under.',
    unknown_rule: 'This house rule does not exist. Choose one from the list.',
    already_decided: 'This item has been answered; its decision can no longer change.',
    decision: 'Choose one of the decisions.',
    note: 'Make the note shorter than 1000 characters.',
    sentiment: 'Choose a sentiment from the list.',
    department: 'This department does not exist. Choose one from the list.',
    person: 'This person does not exist or may not work the queue. Choose someone from the list.',
    answer_too_long: 'Make the answer shorter than 5000 characters.',
    answer_too_long_for_platform: (max: number, count: number) =>
      `The answer is also posted on Bluesky, which allows at most ${max} characters. This answer has ${count}: make it shorter.`,
    answer_rejected: 'A rejected item gets no answer; the resident reads the house rule. Publish it first.',
    answer_not_published: 'This post is not on the portal yet; nobody would see an answer under it. Publish it first.',
    answerLanguage: 'Choose Dutch or English as the language of the answer.',
    unsupported_assignment: 'This item cannot be assigned.',
    unsupported_answer: 'This item cannot be answered from Podium.',
    forbidden: 'You may not change this part of the item.',
  },
  bulkStale: (n: number) =>
    n === 1
      ? '1 item was not decided: a colleague had changed it in the meantime.'
      : `${n} items were not decided: a colleague had changed them in the meantime.`,
};
