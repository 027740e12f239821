/**
 * What a contribution is about, as weighted features: concepts shared by Dutch and English
 * (vocabulary.ts), stems of other content words, and two-word phrases of adjacent content
 * words (noun-phrase-like: "blauwe zone", "cycle path", or the parts of "fietspad").
 */
import stopwordsIso from 'stopwords-iso/stopwords-iso.json' with { type: 'json' };
import { tokenise } from '../sentiment/tokenise.ts';
import { stem } from './stem.ts';
import { concepts, phraseConcept, splitCompound, wordConcept } from './vocabulary.ts';

export type ThemeLanguage = 'nl' | 'en';

export function themeLanguage(lang: string): ThemeLanguage {
  return lang.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

// Words of requests and complaints in general: in every theme, so they tell themes apart
// no better than stop words do.
const extraStopwords: Record<ThemeLanguage, string[]> = {
  nl: [
    'gemeente',
    'graag',
    'waarom',
    'wanneer',
    'kan',
    'kunnen',
    'komen',
    'komt',
    'meer',
    'veel',
    'weinig',
    'echt',
    'gewoon',
    'even',
    'weer',
    'nog',
    'wel',
    'heel',
    'erg',
    'zeer',
    'hoor',
    'steeds',
    'sinds',
    'weken',
    'week',
    'maanden',
    'maand',
    'dag',
    'dagen',
    'jaar',
    'jaren',
    'keer',
    'altijd',
    'nooit',
    'nieuw',
    'nieuwe',
    'oud',
    'oude',
    'groot',
    'grote',
    'klein',
    'kleine',
    'goed',
    'goede',
    'slecht',
    'slechte',
    'fijn',
    'leuk',
    'mensen',
    'iemand',
    'niemand',
    'iedereen',
    'elke',
    'elk',
    'helemaal',
    'zou',
    'zouden',
    'moet',
    'moeten',
    'wij',
    'onze',
    'ons',
    'mijn',
    'straat',
    'wijk',
    'buurt',
    'bewoners',
    'bewoner',
    'centrum',
    'plein',
    'zitten',
    'zit',
    'staan',
    'staat',
    'ligt',
    'liggen',
    'gebeurt',
    'niets',
    'overal',
    'nergens',
    'ergens',
    'gaat',
    'gaan',
    'krijg',
    'krijgen',
    'zien',
    'geven',
    'geef',
    'geeft',
    'zorg',
    'zorgen',
    'laat',
    'laten',
    'houden',
    'zet',
    'zetten',
    'doen',
  ],
  en: [
    'council',
    'municipality',
    'please',
    'why',
    'when',
    'could',
    'would',
    'can',
    'more',
    'much',
    'many',
    'really',
    'just',
    'get',
    'got',
    'still',
    'also',
    'every',
    'since',
    'weeks',
    'week',
    'months',
    'month',
    'day',
    'days',
    'year',
    'years',
    'time',
    'always',
    'never',
    'new',
    'old',
    'big',
    'small',
    'good',
    'bad',
    'great',
    'lovely',
    'people',
    'someone',
    'nobody',
    'everyone',
    'our',
    'street',
    'area',
    'neighbourhood',
    'residents',
    'resident',
    'town',
    'centre',
    'square',
    'far',
    'real',
    'nowhere',
    'everywhere',
    'there',
    'now',
    'again',
    'far',
    'all',
    'way',
    'give',
    'make',
    'keep',
    'let',
    'put',
    'take',
  ],
};

const vocabularyWords: Record<ThemeLanguage, Set<string>> = {
  nl: new Set(Object.values(concepts).flatMap((c) => c.nl)),
  en: new Set(Object.values(concepts).flatMap((c) => c.en)),
};

const stopwordSets: Record<ThemeLanguage, Set<string>> = {
  nl: stopSet('nl'),
  en: stopSet('en'),
};

function stopSet(lang: ThemeLanguage): Set<string> {
  const lists = stopwordsIso as Record<string, string[]>;
  // The general lists hold a few words that are themes here ("weg" is a road, "works" roadworks).
  return new Set([...(lists[lang] ?? []), ...extraStopwords[lang]].filter((w) => !vocabularyWords[lang].has(w)));
}

export function isStopword(word: string, lang: ThemeLanguage): boolean {
  return stopwordSets[lang].has(word) || word.length <= 2 || /^\d/.test(word);
}

/** One content unit: a concept ("c:bike") or a stem ("s:vijverweg"), with the words as written. */
interface Unit {
  key: string;
  surface: string;
  /** Units from one written word (the parts of a compound) share it. */
  word: number;
}

// English "park" is a green space after an article or preposition, and parking otherwise
// (its stem is also that of "parking")
// ("nowhere to park", "commuters park all day").
const beforeParkNoun = new Set([
  'the',
  'a',
  'this',
  'our',
  'in',
  'at',
  'near',
  'local',
  'sports',
  'big',
  'bigger',
  'city',
]);

function units(text: string, lang: ThemeLanguage, written: Map<number, string>, vocabulary: boolean): Unit[][] {
  const segments: Unit[][] = [[]];
  const words: Array<string | null> = [];
  for (const token of tokenise(text)) words.push(token.kind === 'word' ? token.text : null);
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const segment = segments[segments.length - 1]!;
    if (word === null || word === undefined) {
      if (segment.length > 0) segments.push([]);
      continue;
    }
    const next = words[i + 1];
    if (next && vocabulary) {
      const concept = phraseConcept(stem(word, lang), stem(next, lang), lang);
      if (concept) {
        segment.push({ key: `c:${concept}`, surface: `${word} ${next}`, word: i });
        i++;
        continue;
      }
    }
    if (isStopword(word, lang)) {
      if (segment.length > 0) segments.push([]);
      continue;
    }
    const stemmed = stem(word, lang);
    let concept = vocabulary ? wordConcept(stemmed, lang) : undefined;
    if (vocabulary && lang === 'en' && word === 'park')
      concept = beforeParkNoun.has(words[i - 1] ?? '') ? 'park' : 'parking';
    if (concept) {
      segment.push({ key: `c:${concept}`, surface: word, word: i });
      continue;
    }
    const parts = vocabulary && lang === 'nl' ? splitCompound(word) : undefined;
    if (parts) {
      written.set(i, word);
      for (const part of parts)
        segment.push({ key: part.concept ? `c:${part.concept}` : `s:${part.stem}`, surface: part.text, word: i });
      continue;
    }
    segment.push({ key: `s:${stemmed}`, surface: word, word: i });
  }
  return segments.filter((s) => s.length > 0);
}

export interface DocumentFeatures {
  /** Feature key → count in the text. Phrases are keyed "a+b". */
  counts: Map<string, number>;
  /** Feature key → how it was written here (the first time). */
  surfaces: Map<string, string>;
}

/**
 * Features of one contribution.
 *
 * @example
 * documentFeatures('Het fietspad is te smal', 'nl').counts; // c:bike, c:path, c:bike+c:path, s:smal
 */
export function documentFeatures(
  text: string,
  language: string,
  { vocabulary = true }: { vocabulary?: boolean } = {},
): DocumentFeatures {
  const lang = themeLanguage(language);
  const counts = new Map<string, number>();
  const surfaces = new Map<string, string>();
  const add = (key: string, surface: string) => {
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (!surfaces.has(key)) surfaces.set(key, surface);
  };
  const words = new Map<number, string>();
  for (const segment of units(text, lang, words, vocabulary)) {
    segment.forEach((unit, index) => {
      add(unit.key, unit.surface);
      const previous = segment[index - 1];
      if (!previous || previous.key === unit.key) return;
      // A compound written as one word keeps its one word as the phrase ("fietspad").
      const written = previous.word === unit.word ? words.get(unit.word)! : `${previous.surface} ${unit.surface}`;
      add(`${previous.key}+${unit.key}`, written);
    });
  }
  return { counts, surfaces };
}
