/**
 * The shape of a screening result, shared by the detectors and by what the database stores.
 * A flag is a hint for a moderator, never a decision: it says what was found, where, and why.
 */

export type FlagCategory = 'personal_data' | 'abuse' | 'spam';

export type FlagKind =
  | 'email'
  | 'phone'
  | 'bsn'
  | 'iban'
  | 'address'
  | 'licence_plate'
  | 'health'
  | 'profanity'
  | 'abuse'
  | 'threat'
  | 'spam_links'
  | 'spam_repetition'
  | 'spam_flood';

/** Where in the text a flag applies, as UTF-16 offsets (`text.slice(start, end)`). */
export type Span = { start: number; end: number };

export type Flag = {
  kind: FlagKind;
  category: FlagCategory;
  /** Shown to moderators next to the item, Dutch and English. */
  reason: { nl: string; en: string };
  /** Null when the flag is about the whole text (spam). */
  span: Span | null;
};

/** A finding before it gets its wording: the detectors only say what and where. */
export type Finding = { kind: FlagKind; span: Span | null; params?: Record<string, number> };

export const categoryOf: Record<FlagKind, FlagCategory> = {
  email: 'personal_data',
  phone: 'personal_data',
  bsn: 'personal_data',
  iban: 'personal_data',
  address: 'personal_data',
  licence_plate: 'personal_data',
  health: 'personal_data',
  profanity: 'abuse',
  abuse: 'abuse',
  threat: 'abuse',
  spam_links: 'spam',
  spam_repetition: 'spam',
  spam_flood: 'spam',
};
