/** Words of an item's context in the inbox: the conversation around a social post and the contact history. */

export const nl = {
  conversation: {
    heading: 'Gesprek',
    author: 'Geschreven door',
    answers: 'Reageert op',
    root: 'Dit bericht begint het gesprek.',
    resident: (pseudonym: string) => `Inwoner ${pseudonym}`,
    own: (name: string) => `${name} (account van de gemeente)`,
    official: (name: string) => `${name} (officieel account)`,
    unknown: 'Onbekend account',
    listLabel: 'Berichten in dit gesprek',
    intro:
      'Alle berichten van het gesprek, ook die nog niet gepubliceerd of afgewezen zijn. Alleen gepubliceerde berichten staan op het portaal.',
    partial: (shown: number, total: number) =>
      `Dit gesprek is lang: u ziet ${shown} van de ${total} berichten (de berichten waarop dit bericht reageert, de andere reacties daarop, en de reacties op dit bericht).`,
    thisPost: 'Dit bericht',
    replyTo: (author: string) => `reageert op ${author}`,
    state: 'Status',
    notOnPortal: 'niet op het portaal',
    deleted: 'Verwijderd bij de bron.',
    placeholder: 'Niet beschikbaar bij de bron.',
    open: (author: string, date: string) => `Bericht van ${author} van ${date} openen`,
    mirror: 'Het gesprek op het portaal (alleen gepubliceerde berichten)',
    untitled: (platform: string) => `Gesprek op ${platform}`,
  },
  history: {
    heading: 'Eerdere bijdragen van deze inwoner',
    byEmail:
      'Andere inbreng met hetzelfde e-mailadres, waarbij de inwoner toestemming gaf voor contact. Inbreng zonder die toestemming wordt niet gekoppeld.',
    bySocial: 'Andere berichten van hetzelfde account in de gesprekken van de gemeente.',
    none: 'Geen andere bijdragen gevonden.',
    more: (n: number) => (n === 1 ? 'En nog 1 oudere bijdrage.' : `En nog ${n} oudere bijdragen.`),
    listLabel: 'Eerdere bijdragen',
    unlinked: {
      no_email: 'De inwoner gaf geen e-mailadres. Daarom is deze inbreng niet aan andere inbreng te koppelen.',
      no_consent:
        'De inwoner gaf geen toestemming voor contact. Daarom koppelen we deze inbreng niet aan andere inbreng met hetzelfde e-mailadres.',
      own_account: 'Dit is een account van de gemeente: er is geen contactgeschiedenis.',
      unknown_author: 'Het account van dit bericht is niet bekend.',
    },
    date: 'Datum',
    where: 'Consultatie of gesprek',
    excerpt: 'Tekst',
    state: 'Status',
  },
};

export type Texts = typeof nl;

export const en: Texts = {
  conversation: {
    heading: 'Conversation',
    author: 'Written by',
    answers: 'Replies to',
    root: 'This post starts the conversation.',
    resident: (pseudonym: string) => `Resident ${pseudonym}`,
    own: (name: string) => `${name} (municipality's account)`,
    official: (name: string) => `${name} (official account)`,
    unknown: 'Unknown account',
    listLabel: 'Posts in this conversation',
    intro:
      'Every post of the conversation, also those not published yet or rejected. Only published posts are on the portal.',
    partial: (shown: number, total: number) =>
      `This conversation is long: you see ${shown} of its ${total} posts (the posts this one replies to, the other replies to them, and the replies to this post).`,
    thisPost: 'This post',
    replyTo: (author: string) => `replies to ${author}`,
    state: 'State',
    notOnPortal: 'not on the portal',
    deleted: 'Deleted at the source.',
    placeholder: 'Not available at the source.',
    open: (author: string, date: string) => `Open the post by ${author} of ${date}`,
    mirror: 'The conversation on the portal (published posts only)',
    untitled: (platform: string) => `Conversation on ${platform}`,
  },
  history: {
    heading: 'Earlier contributions by this resident',
    byEmail:
      'Other input with the same e-mail address, where the resident agreed to be contacted. Input without that consent is not linked.',
    bySocial: "Other posts by the same account in the municipality's conversations.",
    none: 'No other contributions found.',
    more: (n: number) => (n === 1 ? 'And 1 older contribution.' : `And ${n} older contributions.`),
    listLabel: 'Earlier contributions',
    unlinked: {
      no_email: 'The resident gave no e-mail address, so this input cannot be linked to other input.',
      no_consent:
        'The resident did not agree to be contacted, so we do not link this input to other input with the same e-mail address.',
      own_account: "This is one of the municipality's accounts: it has no contact history.",
      unknown_author: "This post's account is not known.",
    },
    date: 'Date',
    where: 'Consultation or conversation',
    excerpt: 'Text',
    state: 'State',
  },
};
