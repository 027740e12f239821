/**
 * Spam signals in one text and across recent texts: many links, a text that is little
 * more than a link, the same words over and over, and the same text sent again and again.
 */
import { createHash } from 'node:crypto';
import type { Finding } from './types.ts';

export type SpamOptions = {
  /** Texts the same client sent recently (newest or oldest first, it does not matter). */
  recent?: readonly string[] | undefined;
  /** This many links or more is spam. */
  maxLinks?: number;
  /** The same text this many times before (within `recent`) is a flood. */
  floodRepeats?: number;
  /** This many texts within `recent` is a flood, whatever they say. */
  floodVolume?: number;
  /**
   * How often the same text (by `comparisonKey`) was sent shortly before, when the caller
   * counted it itself (an index lookup) instead of passing the texts in `recent`.
   */
  sameRecently?: number | undefined;
};

const LINK =
  /\b(?:https?:\/\/|www\.)[^\s<>"]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|biz|xyz|top|ru|io|shop|click|nl|be|de|eu)\/[^\s<>"]*/gi;

export function countLinks(text: string): number {
  return [...text.matchAll(LINK)].length;
}

/** Lower case, no punctuation, single spaces: two texts that differ only in those are the same. */
export function normalizeForComparison(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * A fixed-length key for a text compared as `normalizeForComparison` does, so input can be
 * matched against earlier input through an index instead of reading the earlier texts;
 * undefined for a text with no letters or digits. Texts compared only within one `scope`
 * (a consultation and a stretch of time, say) get keys that differ between scopes, so the
 * index holds only the copies that count.
 * @example comparisonKey('Koop NU!') === comparisonKey('koop nu') // true
 */
export function comparisonKey(text: string, scope = ''): string | undefined {
  const normal = normalizeForComparison(text);
  if (!normal) return undefined;
  const hash = createHash('sha256');
  if (scope) hash.update(`${scope}\n`);
  return hash.update(normal).digest('base64url');
}

export function findSpam(text: string, options: SpamOptions = {}): Finding[] {
  const { maxLinks = 3, floodRepeats = 2, floodVolume = 10 } = options;
  const findings: Finding[] = [];

  const links = countLinks(text);
  const withoutLinks = text
    .replace(LINK, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  if (links >= maxLinks) findings.push({ kind: 'spam_links', span: null, params: { links } });
  else if (links > 0 && withoutLinks.length < 20) findings.push({ kind: 'spam_links', span: null, params: { links } });

  const words = normalizeForComparison(text).split(' ').filter(Boolean);
  const distinct = new Set(words).size;
  // "koop nu koop nu koop nu …": long enough to judge, and under a third of it is new words.
  if (words.length >= 12 && distinct / words.length < 0.3) {
    findings.push({ kind: 'spam_repetition', span: null, params: { words: words.length, distinct } });
  } else if (/(.)\1{19,}/su.test(text.replace(/\s/g, ''))) {
    findings.push({ kind: 'spam_repetition', span: null, params: { words: words.length, distinct } });
  }

  const recent = options.recent ?? [];
  const own = normalizeForComparison(text);
  const same = options.sameRecently ?? (own ? recent.filter((r) => normalizeForComparison(r) === own).length : 0);
  if (same >= floodRepeats) {
    findings.push({ kind: 'spam_flood', span: null, params: { same, recent: Math.max(same, recent.length) } });
  } else if (recent.length >= floodVolume)
    findings.push({ kind: 'spam_flood', span: null, params: { same, recent: recent.length } });
  return findings;
}
