/**
 * Profanity, abuse and threats in Dutch and English, from word lists we keep ourselves.
 *
 * Matching works on whole words, never on substrings, so "Scunthorpe", "class" and
 * "vertering" stay clean. Dutch curses also form compounds ("kutgemeente",
 * "klotefietspad"), so a few curse words count as a prefix too.
 *
 * "kanker" is the hard case: it is the name of a disease residents write about
 * ("mijn moeder heeft kanker", "kankeronderzoek", "borstkanker") and also the worst Dutch
 * curse. We flag it only as a curse: wished on someone ("krijg de kanker"), as a
 * command ("kanker op"), or as the first part of a compound that is not a medical word
 * ("kankerlijer", "kankerzooi"). Other disease curses (tering, tyfus, pleuris, kolere) are
 * hardly used for the diseases any more and count as curses.
 *
 * Light obfuscation is undone per word: letters stretched ("fuuuuck"), digits for letters
 * ("kl0te"), an asterisk for a letter ("f*ck").
 */
import type { Finding, FlagKind } from './types.ts';

type Entry = { kind: FlagKind };

/** Whole words. */
// Maps, not plain objects: the keys are compared with residents' words, and a plain object
// would answer for `constructor` or `__proto__` from Object.prototype.
const WORDS = new Map<string, Entry>();
/** Words that also flag compounds they start. */
const PREFIXES = new Map<string, Entry>();

function add(kind: FlagKind, list: string[], target: Map<string, Entry> = WORDS): void {
  for (const word of list) target.set(word, { kind });
}

// Dutch. Swearing (profanity) is a house-rule matter; insults and slurs aimed at people are abuse.
add('profanity', ['kut', 'klote', 'tering', 'tyfus', 'tiefus', 'pleuris', 'kolere', 'godverdomme'], PREFIXES);
// Not prefixes: "klere" starts "kleren" (clothes), "godver" starts nothing worse than itself.
add('profanity', ['klere', 'godver', 'godsamme', 'verdomme', 'kloten', 'kutten']);
add('abuse', [
  'kankerlijer',
  'teringlijer',
  'tyfuslijer',
  'klootzak',
  'lul',
  'eikel',
  'hoer',
  'hoerenjong',
  'sukkel',
  'idioot',
  'debiel',
  'imbeciel',
  'mongool',
  'mongolen',
  'achterlijk',
  'achterlijke',
  'randdebiel',
  'flikker',
  'flikkers',
  'neger',
  'negers',
  'zandneger',
  'kakkerlak',
]);
// English.
add('profanity', ['fuck', 'shit', 'bullshit', 'bitch', 'motherfuck'], PREFIXES);
add('profanity', ['damn', 'goddamn', 'crap', 'piss', 'pissed', 'bollocks', 'wanker', 'bloody']);
add('abuse', [
  'asshole',
  'arsehole',
  'ass',
  'dickhead',
  'cunt',
  'cunts',
  'bastard',
  'idiot',
  'idiots',
  'moron',
  'morons',
  'retard',
  'retarded',
  'faggot',
  'fag',
  'nigger',
  'niggers',
  'slut',
  'whore',
]);

/** Compounds of "kanker" that are about the disease. */
const MEDICAL_KANKER = new Set([
  'onderzoek',
  'onderzoeker',
  'onderzoekers',
  'patient',
  'patienten',
  'cel',
  'cellen',
  'fonds',
  'bestrijding',
  'verwekkend',
  'verwekkende',
  'zorg',
  'behandeling',
  'behandelingen',
  'afdeling',
  'diagnose',
  'risico',
  'soort',
  'soorten',
  'screening',
  'centrum',
  'gezwel',
  'preventie',
  'medicijn',
  'medicijnen',
  'specialist',
  'vrij',
  'geneeskunde',
  'ziekte',
  'ziekten',
  'kliniek',
  'ontwikkeling',
  'registratie',
  'sterfte',
  'stichting',
  'bestraling',
]);

/** Threats and wishes of harm: phrases, matched on the normalised text. */
const THREATS: RegExp[] = [
  /\bik (?:maak|sla|steek) (?:je|jou|jullie|u) (?:af|dood|neer|kapot|lek)\b/,
  /\bik (?:ga|zal|kom) (?:je|jou|jullie|u) (?:vermoorden|afmaken|doodmaken|doodschieten|pakken|opzoeken)\b/,
  /\bik weet waar (?:je|jij|u|jullie) (?:woont|wonen)\b/,
  /\bval (?:dood|kapot)\b/,
  // Only the imperative: "mensen krijgen kanker van fijnstof" is about the disease.
  /\bkrijg (?:(?:de|het|de pest en de) )?(?:kanker|tering|tyfus|pleuris|kolere|klere|pest)\b/,
  /\bkanker (?:op|toch op)\b/,
  /\bi(?:'ll| will| am going to|'m going to|m gonna| gonna) (?:kill|hurt|find|shoot|stab) (?:you|u|ya)\b/,
  /\bi know where you live\b/,
  /\b(?:kill|hang) (?:yourself|urself|yourselves)\b/,
  /\bkys\b/,
  /\bgo die\b/,
];

const LEET = new Map(Object.entries({ '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' }));

/** Lower case, accents removed, per character, so offsets stay those of the original. */
function fold(char: string): string {
  return char.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

type Token = { start: number; end: number; variants: string[]; normal: string };

// Letters, plus digits and the signs people put in place of letters.
const TOKEN = /[\p{L}\p{N}*@$]+/gu;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0];
    const folded = [...raw].map(fold).join('');
    if (!/\p{L}/u.test(folded)) continue; // plain numbers
    const deLeeted = folded.replace(/[013457@$]/g, (c) => LEET.get(c) ?? c);
    // Only runs of three or more are squeezed: squeezing doubles would turn "lull" into "lul".
    const normal = deLeeted.replace(/(.)\1{2,}/g, '$1');
    tokens.push({
      start: m.index,
      end: m.index + raw.length,
      variants: [...new Set([folded, deLeeted, normal])],
      normal,
    });
  }
  return tokens;
}

function lookup(word: string): Entry | undefined {
  if (word.includes('*')) {
    // One asterisk stands for one letter: "f*ck", "k*t".
    const pattern = new RegExp(`^${word.replace(/[^*\p{L}]/gu, '').replaceAll('*', '\\p{L}')}$`, 'u');
    const hit = [...WORDS.keys()].find((w) => pattern.test(w)) ?? [...PREFIXES.keys()].find((w) => pattern.test(w));
    return hit ? (WORDS.get(hit) ?? PREFIXES.get(hit)) : undefined;
  }
  const exact = WORDS.get(word) ?? PREFIXES.get(word);
  if (exact) return exact;
  // Plurals: "eikels", "hoeren", "assholes".
  for (const ending of ['s', 'en', 'es']) {
    const stem = word.endsWith(ending) ? WORDS.get(word.slice(0, -ending.length)) : undefined;
    if (stem) return stem;
  }
  if (word.startsWith('kanker') && word.length > 'kanker'.length) {
    const rest = word.slice('kanker'.length).replace(/^-/, '');
    return MEDICAL_KANKER.has(rest) ? undefined : { kind: 'abuse' };
  }
  for (const [prefix, entry] of PREFIXES) {
    if (word.startsWith(prefix) && word.length > prefix.length + 1) return entry;
  }
  return undefined;
}

/** Profanity, abuse and threats, each with the span of the offending word or phrase. */
export function findAbuse(text: string): Finding[] {
  const findings: Finding[] = [];
  const tokens = tokenize(text);
  for (const token of tokens) {
    for (const variant of token.variants) {
      const entry = lookup(variant);
      if (entry) {
        findings.push({ kind: entry.kind, span: { start: token.start, end: token.end } });
        break;
      }
    }
  }

  // Phrases: match on the tokens joined by single spaces, then map back to offsets.
  const words = tokens.map((t) => t.normal);
  let joined = '';
  const starts: number[] = [];
  for (const word of words) {
    starts.push(joined.length);
    joined += `${word} `;
  }
  for (const pattern of THREATS) {
    for (const m of joined.matchAll(new RegExp(pattern.source, 'g'))) {
      const first = indexAt(starts, m.index);
      const last = indexAt(starts, m.index + m[0].length - 1);
      const span = { start: tokens[first]!.start, end: tokens[last]!.end };
      // A threat outranks the curse words inside it.
      for (let i = findings.length - 1; i >= 0; i--) {
        const s = findings[i]!.span!;
        if (s.start >= span.start && s.end <= span.end) findings.splice(i, 1);
      }
      findings.push({ kind: 'threat', span });
    }
  }
  return findings.sort((a, b) => a.span!.start - b.span!.start);
}

function indexAt(starts: number[], offset: number): number {
  let index = 0;
  for (let i = 0; i < starts.length; i++) if (starts[i]! <= offset) index = i;
  return index;
}
