/**
 * A readability hint for staff writing to residents: the Flesch-Douma reading ease for
 * Dutch (Douma 1960) and the Flesch reading ease for English, with a plain-language
 * verdict. Language level B1 — what most residents read comfortably — lies roughly at a
 * score of 60 and up on both scales.
 *
 * Syllables are counted by vowel groups, which is what Dutch readability tools do too:
 * exact enough for a hint, never a gate.
 */
import type { Locale } from '../../shared/contracts/public-content.ts';

export type Verdict = 'very_easy' | 'easy' | 'b1' | 'fairly_difficult' | 'difficult';

export type Readability = {
  /** Rounded to one decimal; higher is easier. Null when there is no text to judge. */
  score: number | null;
  /** Null when there are no words, or too few to judge (`tooShort`). */
  verdict: Verdict | null;
  /** Fewer than MIN_WORDS_TO_JUDGE words: a score is computed, but says nothing. */
  tooShort: boolean;
  words: number;
  sentences: number;
  syllables: number;
  /** The score reaches B1 (60 or more). */
  meetsB1: boolean;
};

/**
 * Below this many words the formulas swing wildly (one long word makes a four-word title
 * "difficult"), so no verdict is given: the hint says the text is too short to judge.
 */
export const MIN_WORDS_TO_JUDGE = 15;

/** Score of 60 and up reads at B1 or easier. */
export const B1_THRESHOLD = 60;

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export function readability(text: string, lang: Locale): Readability {
  const words = text.match(WORD) ?? [];
  if (words.length === 0)
    return { score: null, verdict: null, tooShort: true, words: 0, sentences: 0, syllables: 0, meetsB1: false };
  const sentences = countSentences(text);
  const syllables = words.reduce((sum, word) => sum + countSyllables(word, lang), 0);
  const wordsPerSentence = words.length / sentences;
  const syllablesPerWord = syllables / words.length;
  const raw =
    lang === 'nl'
      ? 206.835 - 0.93 * wordsPerSentence - 77 * syllablesPerWord
      : 206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord;
  const score = Math.round(raw * 10) / 10;
  const tooShort = words.length < MIN_WORDS_TO_JUDGE;
  return {
    score,
    verdict: tooShort ? null : verdictFor(score),
    tooShort,
    words: words.length,
    sentences,
    syllables,
    meetsB1: !tooShort && score >= B1_THRESHOLD,
  };
}

export function verdictFor(score: number): Verdict {
  if (score >= 80) return 'very_easy';
  if (score >= 70) return 'easy';
  if (score >= B1_THRESHOLD) return 'b1';
  if (score >= 40) return 'fairly_difficult';
  return 'difficult';
}

/** Sentences end at . ! ? or a line break; text without an ending is one sentence. */
export function countSentences(text: string): number {
  const parts = text
    .split(/[.!?…]+(?=\s|$)|\n+/u)
    .map((part) => part.trim())
    .filter((part) => /[\p{L}\p{N}]/u.test(part));
  return Math.max(1, parts.length);
}

/**
 * Dutch vowel groups; `ij` counts as a vowel, so "rijden" has two. A diaeresis starts a
 * new syllable ("geïmplementeerd", "ruïne"), so it opens a group of its own.
 */
const NL_VOWELS = /[ëïöü](?:ij|[aeiouyáéíóúàèâêîôû])*|(?:ij|[aeiouyáéíóúàèâêîôû])+/giu;
const EN_VOWELS = /[aeiouy]+/giu;

export function countSyllables(word: string, lang: Locale): number {
  const lower = word.toLowerCase();
  if (/^\p{N}+$/u.test(lower)) return 1;
  if (lang === 'nl') return Math.max(1, (lower.match(NL_VOWELS) ?? []).length);
  let groups = (lower.match(EN_VOWELS) ?? []).length;
  // A silent final e ("make", "time"), but not "-le" after a consonant ("table").
  if (lower.length > 2 && lower.endsWith('e') && !/[^aeiouy]le$/.test(lower) && !/[aeiouy]e$/.test(lower)) groups--;
  // "-ed" is silent unless after t or d ("walked" vs "wanted").
  if (lower.length > 3 && /[^td]ed$/.test(lower) && groups > 1) groups--;
  return Math.max(1, groups);
}
