/**
 * Which sentences the figures can carry. A summary that names the most negative topic or
 * says negative "rose" must rest on enough classified items, and on a difference larger
 * than chance; otherwise it says there are too few to say and the table shows the counts.
 *
 * Shares are of classified items only (those with a sentiment label), and every claim
 * carries how many items are unclassified, so the reader sees what the share leaves out.
 * Uncertainty is the 95% Wilson score interval: unlike "share ± 2 standard errors" it stays
 * within 0–100% and is honest at small counts. Two shares are called different only when
 * their intervals do not overlap, a deliberately cautious test for a one-line summary.
 */
import type { SentimentCounts } from './figures.ts';

/** Fewer classified items than this in a group: no sentence names or compares it. */
export const MIN_CLASSIFIED_TO_COMPARE = 10;

const Z_95 = 1.959964;

export type ShareEstimate = { part: number; whole: number; share: number; low: number; high: number };

/** The share part/whole with its 95% Wilson score interval; null when whole is 0. */
export function estimateShare(part: number, whole: number): ShareEstimate | null {
  if (whole <= 0) return null;
  const p = part / whole;
  const z2 = Z_95 * Z_95;
  const centre = (p + z2 / (2 * whole)) / (1 + z2 / whole);
  const half = (Z_95 * Math.sqrt((p * (1 - p)) / whole + z2 / (4 * whole * whole))) / (1 + z2 / whole);
  // At 0 and at all, the bound is exactly 0 or 1 (the formula gets there only up to rounding).
  const low = part === 0 ? 0 : Math.max(0, centre - half);
  const high = part === whole ? 1 : Math.min(1, centre + half);
  return { part, whole, share: p, low, high };
}

export function classified(counts: SentimentCounts): number {
  return counts.positive + counts.neutral + counts.negative;
}

export function negativeEstimate(counts: SentimentCounts): ShareEstimate | null {
  return estimateShare(counts.negative, classified(counts));
}

function overlap(a: ShareEstimate, b: ShareEstimate): boolean {
  return a.low <= b.high && b.low <= a.high;
}

export type NegativeComparison =
  | { kind: 'nothing_classified'; unclassified: number }
  /** Fewer than two groups with enough classified items to compare. */
  | { kind: 'too_few'; minimum: number; unclassified: number }
  /** The highest share is not clearly above the next: both named, neither called the most. */
  | { kind: 'unclear'; first: string; second: string; unclassified: number }
  | { kind: 'clear'; name: string; estimate: ShareEstimate; unclassified: number };

/** Which group is most negative, if the figures can say so. */
export function compareNegative(groups: ReadonlyArray<{ name: string; counts: SentimentCounts }>): NegativeComparison {
  const unclassified = groups.reduce((sum, g) => sum + g.counts.unknown, 0);
  if (groups.every((g) => classified(g.counts) === 0)) return { kind: 'nothing_classified', unclassified };
  const eligible = groups
    .filter((g) => classified(g.counts) >= MIN_CLASSIFIED_TO_COMPARE)
    .map((g) => ({ name: g.name, estimate: negativeEstimate(g.counts)! }))
    .sort((a, b) => b.estimate.share - a.estimate.share);
  if (eligible.length < 2) return { kind: 'too_few', minimum: MIN_CLASSIFIED_TO_COMPARE, unclassified };
  const [first, second] = eligible as [(typeof eligible)[0], (typeof eligible)[0]];
  if (overlap(first.estimate, second.estimate))
    return { kind: 'unclear', first: first.name, second: second.name, unclassified };
  return { kind: 'clear', name: first.name, estimate: first.estimate, unclassified };
}

export type NegativeTrend =
  | { kind: 'nothing_classified'; unclassified: number }
  /** No two weeks with enough classified items; `only` is the one week that has, if any. */
  | { kind: 'too_few'; minimum: number; unclassified: number; only?: { week: string; estimate: ShareEstimate } }
  | {
      kind: 'rose' | 'fell' | 'unclear';
      first: { week: string; estimate: ShareEstimate };
      last: { week: string; estimate: ShareEstimate };
      unclassified: number;
    };

/**
 * The negative share in the first and the last week that have enough classified items,
 * and whether it clearly changed between them. Weeks in reading order.
 */
export function negativeTrend(weeks: ReadonlyArray<{ week: string; counts: SentimentCounts }>): NegativeTrend {
  const unclassified = weeks.reduce((sum, w) => sum + w.counts.unknown, 0);
  if (weeks.every((w) => classified(w.counts) === 0)) return { kind: 'nothing_classified', unclassified };
  const eligible = weeks
    .filter((w) => classified(w.counts) >= MIN_CLASSIFIED_TO_COMPARE)
    .map((w) => ({ week: w.week, estimate: negativeEstimate(w.counts)! }));
  if (eligible.length < 2)
    return { kind: 'too_few', minimum: MIN_CLASSIFIED_TO_COMPARE, unclassified, only: eligible[0] };
  const first = eligible[0]!;
  const last = eligible[eligible.length - 1]!;
  const kind = overlap(first.estimate, last.estimate)
    ? 'unclear'
    : last.estimate.share > first.estimate.share
      ? 'rose'
      : 'fell';
  return { kind, first, last, unclassified };
}
