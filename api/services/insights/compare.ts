/**
 * This period beside the previous one of equal length (the days just before it), for the
 * counts the insights show: input per channel and reach. The numbers always stand side by
 * side; a sentence that something rose or fell is said only when both periods have at least
 * MIN_CLASSIFIED_TO_COMPARE of it, the same minimum the sentiment sentences use.
 */
import { MIN_CLASSIFIED_TO_COMPARE } from './claims.ts';
import type { InsightsFilter } from './filters.ts';
import { addDays, daysBetween } from './weeks.ts';

export const COMPARED_MEASURES = [
  'items',
  'portal',
  'widget',
  'social',
  'pageVisits',
  'downloads',
  'widgetViews',
  'likes',
  'reposts',
  'replies',
  'quotes',
] as const;
export type Measure = (typeof COMPARED_MEASURES)[number];

export type MeasureComparison = {
  measure: Measure;
  current: number;
  previous: number;
  change: number;
  /** `too_few`: one of the two periods has fewer than the minimum, so no sentence is said. */
  verdict: 'rose' | 'fell' | 'same' | 'too_few';
};

export type Comparison = {
  previous: { from: string; to: string };
  minimum: number;
  measures: MeasureComparison[];
};

/** The period of equal length that ends the day before this one starts. */
export function previousPeriod(filter: Pick<InsightsFilter, 'from' | 'to'>): { from: string; to: string } {
  const days = daysBetween(filter.from, filter.to) + 1;
  return { from: addDays(filter.from, -days), to: addDays(filter.from, -1) };
}

/**
 * @example
 * compareMeasures({ items: 12, … }, { items: 20, … }) // items: { change: -8, verdict: 'fell' }
 */
export function compareMeasures(
  current: Record<Measure, number>,
  previous: Record<Measure, number>,
  period: { from: string; to: string },
): Comparison {
  return {
    previous: period,
    minimum: MIN_CLASSIFIED_TO_COMPARE,
    measures: COMPARED_MEASURES.map((measure) => {
      const now = current[measure];
      const before = previous[measure];
      const change = now - before;
      const enough = Math.min(now, before) >= MIN_CLASSIFIED_TO_COMPARE;
      return {
        measure,
        current: now,
        previous: before,
        change,
        verdict: !enough ? 'too_few' : change > 0 ? 'rose' : change < 0 ? 'fell' : 'same',
      };
    }),
  };
}
