import stopwordsIso from 'stopwords-iso/stopwords-iso.json' with { type: 'json' };
import { tokenise } from './tokenise.ts';

export interface ThemeItem {
  id: string;
  text: string;
  lang: string;
}

export interface Theme {
  /** A keyword ("drempel") or a two-word phrase ("blauwe zone"). */
  term: string;
  kind: 'keyword' | 'phrase';
  /** Number of items that contain the term (each item counts once). */
  count: number;
  /** Ids of up to `examplesPerTheme` items that contain it, in input order, to link to. */
  exampleIds: string[];
}

export interface ThemeOptions {
  /** Most themes to return. */
  limit?: number;
  examplesPerTheme?: number;
  /** A term must occur in at least this many items. */
  minimumCount?: number;
}

const stopwordLists = stopwordsIso as Record<string, string[]>;

// Words that stop-word lists keep but that say nothing about a theme in posts to a municipality.
const extraStopwords: Record<'nl' | 'en', string[]> = {
  nl: [
    'gemeente',
    'nieuw',
    'nieuwe',
    'zien',
    'jaar',
    'graag',
    'echt',
    'gewoon',
    'even',
    'weer',
    'nog',
    'wel',
    'heel',
    'erg',
    'zeer',
    'kunnen',
    'moeten',
    'hoor',
    'hele',
    'vind',
    'denk',
    'iemand',
    'elke',
    'sinds',
    'steeds',
    'komt',
    'gaat',
  ],
  en: [
    'council',
    'new',
    'see',
    'year',
    'please',
    'really',
    'just',
    'get',
    'got',
    'would',
    'could',
    'every',
    'since',
    'still',
    'also',
    'one',
    'now',
  ],
};

const stopwordSets = new Map<string, Set<string>>();
function stopwordsFor(language: string): Set<string> {
  const lang = language.toLowerCase().startsWith('en') ? 'en' : 'nl';
  let set = stopwordSets.get(lang);
  if (!set) {
    set = new Set([...(stopwordLists[lang] ?? []), ...(extraStopwords[lang] ?? [])]);
    stopwordSets.set(lang, set);
  }
  return set;
}

function isContentWord(word: string, stopwords: Set<string>): boolean {
  return word.length > 2 && !stopwords.has(word) && !/^\d+$/.test(word);
}

/**
 * Themes of a set of items (one topic, one period): keywords and two-word phrases without
 * stop words, counted once per item, with example ids to link to. A phrase that occurs as
 * often as its words hides those words, so "blauwe zone" is listed and "zone" is not twice.
 *
 * @example
 * extractThemes([{ id: 'a', text: 'De blauwe zone is te klein', lang: 'nl' }, …], { limit: 10 });
 */
export function extractThemes(
  items: readonly ThemeItem[],
  { limit = 20, examplesPerTheme = 3, minimumCount = 2 }: ThemeOptions = {},
): Theme[] {
  const found = new Map<string, { kind: Theme['kind']; ids: string[] }>();
  const note = (term: string, kind: Theme['kind'], id: string) => {
    const entry = found.get(term) ?? { kind, ids: [] };
    if (entry.ids[entry.ids.length - 1] !== id) entry.ids.push(id);
    found.set(term, entry);
  };
  for (const item of items) {
    const stopwords = stopwordsFor(item.lang);
    const seen = new Set<string>();
    let previous: string | undefined;
    for (const token of tokenise(item.text)) {
      if (token.kind !== 'word' || !isContentWord(token.text, stopwords)) {
        previous = undefined;
        continue;
      }
      if (!seen.has(token.text)) note(token.text, 'keyword', item.id);
      seen.add(token.text);
      if (previous) {
        const phrase = `${previous} ${token.text}`;
        if (!seen.has(phrase)) note(phrase, 'phrase', item.id);
        seen.add(phrase);
      }
      previous = token.text;
    }
  }
  const themes: Theme[] = [];
  for (const [term, { kind, ids }] of found) {
    if (ids.length < minimumCount) continue;
    themes.push({ term, kind, count: ids.length, exampleIds: ids.slice(0, examplesPerTheme) });
  }
  // A word that only ever appears inside one phrase is covered by that phrase.
  const phraseCounts = new Map<string, number>();
  for (const theme of themes) {
    if (theme.kind !== 'phrase') continue;
    for (const word of theme.term.split(' '))
      phraseCounts.set(word, Math.max(phraseCounts.get(word) ?? 0, theme.count));
  }
  return themes
    .filter((theme) => theme.kind === 'phrase' || (phraseCounts.get(theme.term) ?? 0) < theme.count)
    .sort(
      (a, b) => b.count - a.count || (a.kind === b.kind ? a.term.localeCompare(b.term) : a.kind === 'phrase' ? -1 : 1),
    )
    .slice(0, limit);
}
