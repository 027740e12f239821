import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  compareNegative,
  estimateShare,
  MIN_CLASSIFIED_TO_COMPARE,
  negativeTrend,
} from '../../../../api/services/insights/claims.ts';
import type { SentimentCounts } from '../../../../api/services/insights/figures.ts';
import { en, nl } from '../../../../api/staff/insights/texts.ts';

const counts = (negative: number, others: number, unknown = 0): SentimentCounts => ({
  positive: others,
  neutral: 0,
  negative,
  unknown,
});
const near = (actual: number, expected: number) =>
  assert.ok(Math.abs(actual - expected) < 5e-4, `${actual} ≈ ${expected}`);

describe('what the sentiment figures can claim', () => {
  it('gives a share with its 95% Wilson interval: 1 of 8 is 12.5%, likely between 2.2% and 47.1%', () => {
    const estimate = estimateShare(1, 8)!;
    assert.equal(estimate.share, 0.125);
    near(estimate.low, 0.0224);
    near(estimate.high, 0.4709);
    assert.equal(estimateShare(0, 10)!.low, 0, 'never below 0%');
    assert.equal(estimateShare(10, 10)!.high, 1, 'never above 100%');
    assert.equal(estimateShare(0, 0), null);
  });

  it('does not call a topic the most negative on 1 of 8 classified items beside 20 unclassified (the review’s example)', () => {
    const comparison = compareNegative([
      { name: 'Mobiliteit en vervoer', counts: counts(1, 7, 20) },
      { name: 'Groen', counts: counts(0, 3) },
    ]);
    assert.deepEqual(comparison, { kind: 'too_few', minimum: MIN_CLASSIFIED_TO_COMPARE, unclassified: 20 });
    assert.equal(
      nl.figures.sentimentTopic.summary(comparison),
      'Te weinig ingedeelde bijdragen om onderwerpen te vergelijken: daarvoor zijn er minstens 10 per onderwerp nodig. De aantallen staan in de tabel. 20 bijdragen hebben geen sentiment en tellen niet mee.',
    );
  });

  it('names the most negative group only when its share is clearly above the next one', () => {
    const clear = compareNegative([
      { name: 'Parkeren', counts: counts(2, 18) },
      { name: 'Fietsen', counts: counts(15, 5, 1) },
    ]);
    assert.equal(clear.kind, 'clear');
    assert.ok(clear.kind === 'clear' && clear.name === 'Fietsen' && clear.estimate.part === 15);
    assert.match(
      en.figures.sentimentTopic.summary(clear),
      /^The most negative was Fietsen: 75% \(15 of 20 classified contributions; likely between \d+% and \d+%\)\. 1 contribution has no sentiment and does not count\.$/,
    );
    const close = compareNegative([
      { name: 'Parkeren', counts: counts(4, 6) },
      { name: 'Fietsen', counts: counts(5, 5) },
    ]);
    assert.deepEqual(close, { kind: 'unclear', first: 'Fietsen', second: 'Parkeren', unclassified: 0 });
  });

  it('says nothing about a trend from 0% to 25% on four items, and names a clear rise with its counts', () => {
    const tiny = negativeTrend([
      { week: '2026-W40', counts: counts(0, 2) },
      { week: '2026-W41', counts: counts(1, 3, 5) },
    ]);
    assert.equal(tiny.kind, 'too_few');
    assert.ok(tiny.kind === 'too_few' && tiny.only === undefined);
    const rise = negativeTrend([
      { week: '2026-W40', counts: counts(1, 19) },
      { week: '2026-W41', counts: counts(0, 3) },
      { week: '2026-W42', counts: counts(15, 5) },
    ]);
    assert.equal(rise.kind, 'rose');
    assert.ok(rise.kind === 'rose' && rise.first.week === '2026-W40' && rise.last.week === '2026-W42');
    assert.match(
      nl.figures.sentimentWeek.summary(rise, (key) => `week ${key.slice(-2)}`),
      /^Negatief steeg van 5% \(1 van 20 ingedeelde bijdragen; .*\) in week 40 naar 75% \(15 van 20 ingedeelde bijdragen; .*\) in week 42\.$/,
    );
    const flat = negativeTrend([
      { week: '2026-W40', counts: counts(5, 15) },
      { week: '2026-W41', counts: counts(7, 13) },
    ]);
    assert.equal(flat.kind, 'unclear');
    const one = negativeTrend([
      { week: '2026-W40', counts: counts(5, 15) },
      { week: '2026-W41', counts: counts(1, 1) },
    ]);
    assert.ok(one.kind === 'too_few' && one.only?.week === '2026-W40');
    assert.equal(negativeTrend([{ week: '2026-W40', counts: counts(0, 0, 3) }]).kind, 'nothing_classified');
  });
});
