import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openDataFor, protectGroup } from '../../../../api/services/insights/open-data.ts';
import type { InsightItem } from '../../../../api/services/insights/items.ts';

function items(n: number, overrides: Partial<InsightItem> = {}): InsightItem[] {
  return Array.from({ length: n }, (_, i) => ({
    kind: 'submission',
    id: `i${i}`,
    channel: 'portal',
    promiseKey: 'portal',
    promiseName: null,
    promise: { unit: 'working_days', amount: 5 },
    language: 'nl',
    createdAt: new Date('2026-11-02T09:00:00Z'),
    sentiment: 'neutral',
    reviewState: 'published',
    topic: null,
    consultation: null,
    firstAnswerAt: null,
    dueAt: new Date('2026-11-09T09:00:00Z'),
    ...overrides,
  }));
}

describe('small-number protection for open data', () => {
  it('withholds counts from 1 to 4, keeps 0 and 5 and up', () => {
    assert.deepEqual(protectGroup({ a: 0, b: 5, c: 12, d: 0 }), { a: 0, b: 5, c: 12, d: 0 });
    assert.deepEqual(protectGroup({ a: 2, b: 3, c: 12 }), { a: null, b: null, c: 12 });
  });

  it('withholds the next smallest cell too when one withheld cell could be worked out from the total', () => {
    assert.deepEqual(protectGroup({ portal: 20, widget: 3, social: 7 }), { portal: 20, widget: null, social: null });
  });

  it('publishes nothing but "withheld" for a consultation with fewer than 5 contributions', () => {
    const figures = openDataFor(items(3));
    assert.equal(figures.contributions, null);
    assert.deepEqual(figures.perChannel, { portal: null, widget: null, social: null });
    assert.deepEqual(figures.sentiment, { positive: null, neutral: null, negative: null, unknown: null });
  });

  it('publishes the answered share and median only over at least 5 items that needed an answer', () => {
    const answered = items(6, {
      reviewState: 'answered',
      firstAnswerAt: new Date('2026-11-04T09:00:00Z'),
    });
    const waiting = items(2, { reviewState: 'needs_answer' });
    const figures = openDataFor([...answered, ...waiting, ...items(4)]);
    assert.equal(figures.contributions, 12);
    assert.equal(figures.answeredShare, 0.75);
    assert.equal(figures.medianAnswerDays, 2);
    assert.equal(
      openDataFor([...items(4, { reviewState: 'answered', firstAnswerAt: new Date() }), ...items(6)]).answeredShare,
      null,
    );
  });
});
