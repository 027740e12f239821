/**
 * Health data in free text (AVG art. 9, a special category of personal data): a resident
 * who writes "met mijn scootmobiel", "ik ben toen gevallen" or "sinds mijn hernia" tells
 * the world about their health. Such a text may well be published, but a moderator should
 * decide so knowingly, as for an address or a phone number: these are flags, not redactions
 * (the word alone names no one, and removing it would garble the sentence).
 *
 * Matching is on whole words (Dutch compounds by their known endings and starts), so
 * "rolstoelvriendelijk" about a pavement is still noticed but "valt" in "het valt mee"
 * is not: falls and injuries count only in a first-person or accident phrase.
 */
import type { Finding } from './types.ts';

/** Mobility and other aids: using one says something about the body. */
const AIDS = [
  'scootmobiel',
  'scootmobielen',
  'rolstoel',
  'rolstoelen',
  'rolstoelgebruiker',
  'rollator',
  'rollators',
  'looprek',
  'krukken',
  'gehoorapparaat',
  'blindengeleidehond',
  'geleidehond',
  'taststok',
  'prothese',
  'beenprothese',
  'armprothese',
  'traplift',
  'wheelchair',
  'walker',
  'crutches',
  'hearing aid',
  'mobility scooter',
];

/** Illnesses and conditions residents name about themselves or others. */
const CONDITIONS = [
  'kanker',
  'diabetes',
  'suikerziekte',
  'astma',
  'copd',
  'reuma',
  'artrose',
  'hernia',
  'parkinson',
  'alzheimer',
  'dementie',
  'dement',
  'ms',
  'epilepsie',
  'autisme',
  'autistisch',
  'adhd',
  'depressie',
  'depressief',
  'burn-out',
  'burnout',
  'hartaanval',
  'herseninfarct',
  'beroerte',
  'chemo',
  'chemokuur',
  'slechtziend',
  'slechthorend',
  'doof',
  'gehandicapt',
  'handicap',
  'beperking',
  'invalide',
  'zwanger',
  'cancer',
  'stroke',
  'disabled',
  'disability',
  'pregnant',
  'dementia',
];

/** Injuries, as nouns. */
const INJURIES = [
  'heupbreuk',
  'polsbreuk',
  'botbreuk',
  'hersenschudding',
  'gekneusd',
  'kneuzing',
  'verstuikt',
  'verstuiking',
  'gewond',
  'letsel',
  'whiplash',
  'spoedeisende hulp',
  'fractured',
  'concussion',
  'injured',
  'injury',
];

// The lists hold letters, hyphens and spaces only: no character is special in a pattern.
const asPattern = (word: string) => word.replace(/ /g, '\\s+');

// Letters only around a term: "rolstoel" in "rolstoelen" is listed apart, "rolstoelpad" is
// caught as a compound start below.
const WORD = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...AIDS, ...CONDITIONS, ...INJURIES].map(asPattern).join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);
/** Compounds that start with an aid ("rolstoelpad", "scootmobielstalling"): the aid is still named. */
const COMPOUND = /(?<![\p{L}\p{N}])(?:scootmobiel|rolstoel|rollator)\p{L}+/giu;
/** A fall told about oneself or a relative: "ik ben gevallen", "mijn moeder viel", "I fell". */
const FALLS = [
  // "ik ben gevallen", and with the verb first: "daar ben ik toen gevallen".
  /\b(?:ik|we|wij|hij|zij|ze|mijn\s+\p{L}+)\s+(?:\p{L}+\s+){0,3}(?:gevallen|uitgegleden|gestruikeld)\b/giu,
  /\b(?:ik|we|wij|hij|zij|mijn\s+\p{L}+)\s+(?:viel|vielen|gleed|struikelde)\b/giu,
  /\b(?:I|we|he|she|my\s+\p{L}+)\s+(?:fell|tripped|slipped)\b/giu,
  // A broken bone, not a broken paving stone.
  /\b(?:been|arm|pols|heup|enkel|sleutelbeen|teen|rib|ribben)\s+(?:gebroken|gekneusd)\b/giu,
];

/** Health data mentioned in a text: aids, conditions, injuries and falls, without overlaps. */
export function findHealthData(text: string): Finding[] {
  const found: Finding[] = [];
  const add = (start: number, end: number) => {
    if (found.some((f) => f.span!.start < end && start < f.span!.end)) return;
    found.push({ kind: 'health', span: { start, end } });
  };
  for (const pattern of FALLS) for (const m of text.matchAll(pattern)) add(m.index, m.index + m[0].length);
  for (const m of text.matchAll(COMPOUND)) add(m.index, m.index + m[0].length);
  for (const m of text.matchAll(WORD)) {
    // "MS" is a disease in capitals; "ms" is milliseconds or a typo.
    if (m[0] === 'ms' || m[0] === 'Ms') continue;
    add(m.index, m.index + m[0].length);
  }
  return found.sort((a, b) => a.span!.start - b.span!.start);
}
