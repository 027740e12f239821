import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  accuracy,
  responseOverall,
  responseTimes,
  sentimentPerChannel,
  sentimentPerTopic,
  sentimentPerWeek,
  sentimentShare,
  themesPerTopic,
  volumePerWeek,
} from '../../../../api/services/insights/figures.ts';
import type { InsightItem } from '../../../../api/services/insights/items.ts';
import { DEFAULT_CALENDAR } from '../../../../api/services/office-hours/calendar.ts';
import { addWorkingDays } from '../../../../api/services/office-hours/office-time.ts';

const topics = {
  fiets: { slug: 'fiets', title: { nl: 'Fietsen' } },
  groen: { slug: 'groen', title: { nl: 'Groen' } },
};

let next = 0;
function item(overrides: Partial<InsightItem> & { at: string }): InsightItem {
  const { at, ...rest } = overrides;
  next++;
  const promise = rest.promise === undefined ? ({ unit: 'working_days', amount: 5 } as const) : rest.promise;
  return {
    kind: 'submission',
    id: `item-${String(next).padStart(3, '0')}`,
    channel: 'portal',
    promiseKey: 'portal',
    promiseName: { nl: 'Portaal' },
    promise,
    language: 'nl',
    createdAt: new Date(at),
    sentiment: null,
    reviewState: 'published',
    topic: topics.fiets,
    consultation: { slug: 'fietsroute', title: { nl: 'Fietsroute' } },
    firstAnswerAt: null,
    // As the stored clock has it: the promise counted in the office calendar (here the default one).
    dueAt: promise === null ? null : addWorkingDays(DEFAULT_CALENDAR, new Date(at), promise.amount),
    ...rest,
  };
}

describe('volume and sentiment per week', () => {
  // Week 46 is 9–15 November 2026, week 47 16–22 November.
  const items = [
    item({ at: '2026-11-09T08:00:00Z', sentiment: 'negative' }),
    item({ at: '2026-11-10T08:00:00Z', sentiment: 'positive', channel: 'widget' }),
    item({ at: '2026-11-11T08:00:00Z', sentiment: 'neutral' }),
    item({ at: '2026-11-15T22:59:00Z', sentiment: 'negative', channel: 'social' }), // Sunday 23:59 in Amsterdam
    item({ at: '2026-11-15T23:00:00Z', sentiment: 'negative' }), // Monday 00:00 in Amsterdam: week 47
    item({ at: '2026-11-17T08:00:00Z', sentiment: 'negative', topic: topics.groen }),
    item({ at: '2026-11-18T08:00:00Z', sentiment: 'positive', topic: topics.groen }),
    item({ at: '2026-11-19T08:00:00Z', sentiment: null, topic: topics.groen }),
  ];
  const weeks = ['2026-W45', '2026-W46', '2026-W47'];

  it('counts items per ISO week in Amsterdam and per channel, empty weeks as 0', () => {
    assert.deepEqual(volumePerWeek(items, weeks), [
      { week: '2026-W45', total: 0, portal: 0, widget: 0, social: 0 },
      { week: '2026-W46', total: 4, portal: 2, widget: 1, social: 1 },
      { week: '2026-W47', total: 4, portal: 4, widget: 0, social: 0 },
    ]);
  });

  it('counts sentiment per week, and shares leave items without a label out of the base', () => {
    const [w45, w46, w47] = sentimentPerWeek(items, weeks);
    assert.deepEqual(w45!.counts, { positive: 0, neutral: 0, negative: 0, unknown: 0 });
    assert.deepEqual(w46!.counts, { positive: 1, neutral: 1, negative: 2, unknown: 0 });
    assert.deepEqual(w47!.counts, { positive: 1, neutral: 0, negative: 2, unknown: 1 });
    assert.equal(sentimentShare(w46!.counts, 'negative'), 0.5);
    assert.equal(sentimentShare(w47!.counts, 'negative'), 2 / 3);
    assert.equal(sentimentShare(w45!.counts, 'negative'), null);
  });

  it('counts sentiment per topic and per channel', () => {
    const perTopic = sentimentPerTopic(items);
    assert.deepEqual(
      perTopic.map((g) => [g.key, g.counts]),
      [
        ['fiets', { positive: 1, neutral: 1, negative: 3, unknown: 0 }],
        ['groen', { positive: 1, neutral: 0, negative: 1, unknown: 1 }],
      ],
    );
    assert.deepEqual(
      sentimentPerChannel(items).map((g) => [g.key, g.counts.negative, g.counts.positive]),
      [
        ['portal', 3, 1],
        ['widget', 0, 1],
        ['social', 1, 0],
      ],
    );
  });
});

describe('response times', () => {
  const now = new Date('2026-11-27T10:00:00Z'); // a Friday
  const day = (n: number, from = '2026-11-02T09:00:00Z') => new Date(new Date(from).getTime() + n * 86_400_000);
  // Promise: 5 working days. Arrived Monday 2 November 09:00, so due Monday 9 November 09:00.
  const arrived = '2026-11-02T09:00:00Z';
  const items = [
    item({ at: arrived, firstAnswerAt: day(1) }),
    item({ at: arrived, firstAnswerAt: day(2) }),
    item({ at: arrived, firstAnswerAt: day(3) }),
    item({ at: arrived, firstAnswerAt: day(7) }), // on the due moment: on time
    item({ at: arrived, firstAnswerAt: day(8) }), // a day late
    // Still open: one within its promise, one past it.
    item({ at: '2026-11-25T09:00:00Z', reviewState: 'needs_answer' }),
    item({ at: '2026-11-16T09:00:00Z', reviewState: 'needs_answer' }),
    // Published without needing an answer: not counted.
    item({ at: arrived, reviewState: 'published' }),
    // Another channel with its own promise.
    item({
      at: arrived,
      channel: 'social',
      promiseKey: 'mastodon:@demodam',
      promiseName: { nl: 'Mastodon' },
      promise: { unit: 'working_days', amount: 2 },
      firstAnswerAt: day(4),
    }),
  ];

  it('gives median, 90th percentile, on-time share, open and overdue per channel promise', () => {
    const rows = responseTimes(items, now);
    assert.deepEqual(
      rows.map((r) => r.key),
      ['mastodon:@demodam', 'portal'],
    );
    const portal = rows.find((r) => r.key === 'portal')!;
    assert.equal(portal.answered, 5);
    assert.equal(portal.medianDays, 3);
    assert.equal(portal.p90Days, 8);
    assert.equal(portal.onTime, 4);
    assert.equal(portal.onTimeShare, 0.8);
    assert.equal(portal.open, 2);
    assert.equal(portal.overdue, 1);
    const social = rows.find((r) => r.key === 'mastodon:@demodam')!;
    assert.deepEqual([social.answered, social.onTime, social.medianDays], [1, 0, 4]);
  });

  it('sums up all channels together from the items, not from the channel medians', () => {
    const overall = responseOverall(items, now);
    assert.equal(overall.answered, 6);
    assert.equal(overall.medianDays, 3.5);
    assert.equal(overall.onTime, 4);
    assert.equal(overall.overdue, 1);
  });
});

describe('sentiment accuracy against staff corrections', () => {
  it('gives agreement and per-class precision, recall and F1 with staff as the truth', () => {
    const result = accuracy([
      { predicted: 'negative', label: 'negative' },
      { predicted: 'negative', label: 'negative' },
      { predicted: 'neutral', label: 'negative' },
      { predicted: 'negative', label: 'neutral' },
      { predicted: 'positive', label: 'positive' },
    ]);
    assert.deepEqual([result.reviewed, result.agreed, result.rate], [5, 3, 0.6]);
    const negative = result.perClass.find((c) => c.label === 'negative')!;
    assert.deepEqual([negative.staff, negative.method, negative.agreed], [3, 3, 2]);
    assert.equal(negative.precision, 2 / 3);
    assert.equal(negative.recall, 2 / 3);
    assert.ok(Math.abs(negative.f1! - 2 / 3) < 1e-12);
    const neutral = result.perClass.find((c) => c.label === 'neutral')!;
    assert.deepEqual([neutral.precision, neutral.recall, neutral.f1], [0, 0, 0]);
    assert.equal(result.perClass.find((c) => c.label === 'positive')!.f1, 1);
  });

  it('has no figures, rather than zeros, when nothing was checked', () => {
    const result = accuracy([]);
    assert.equal(result.rate, null);
    assert.ok(result.perClass.every((c) => c.precision === null && c.recall === null && c.f1 === null));
  });
});

describe('themes per topic', () => {
  it('groups the contributions of each topic into themes with a label and examples that point at the items', () => {
    const items = [
      item({ at: '2026-11-10T08:00:00Z', id: 'a' }),
      item({ at: '2026-11-10T09:00:00Z', id: 'b' }),
      item({ at: '2026-11-10T10:00:00Z', id: 'c', topic: topics.groen }),
    ];
    const themes = themesPerTopic(items, [
      { id: 'a', text: 'De blauwe zone is te klein', lang: 'nl' },
      { id: 'b', text: 'Maak de blauwe zone groter', lang: 'nl' },
      { id: 'c', text: 'Meer bomen in de blauwe zone', lang: 'nl' },
    ]);
    assert.equal(themes.length, 1, 'a theme needs two items within one topic');
    assert.equal(themes[0]!.topic?.slug, 'fiets');
    const zone = themes[0]!.themes.find((t) => t.label.nl === 'blauwe zone')!;
    assert.equal(zone.count, 2);
    assert.equal(zone.label.en, 'blue zone', 'a theme written only in Dutch is named in English too');
    assert.deepEqual(
      zone.examples.map((e) => [e.id, e.excerpt]),
      [
        ['a', 'De blauwe zone is te klein'],
        ['b', 'Maak de blauwe zone groter'],
      ],
    );
  });
  const parkingAndZone = () => {
    const items = ['a', 'b', 'c', 'd', 'e'].map((id, n) => item({ at: `2026-11-1${n}T08:00:00Z`, id }));
    const texts = [
      { id: 'a', text: 'De blauwe zone is te klein', lang: 'nl' },
      { id: 'b', text: 'Maak de blauwe zone groter', lang: 'nl' },
      { id: 'c', text: 'Er zijn te weinig fietsenstallingen bij het station', lang: 'nl' },
      { id: 'd', text: 'Meer fietsenstallingen bij de markt graag', lang: 'nl' },
      { id: 'e', text: 'Fietsenstallingen bij de school zijn vol', lang: 'nl' },
    ];
    return { items, texts };
  };

  it('counts a theme staff merged into another under that theme, with the target’s examples first', () => {
    const { items, texts } = parkingAndZone();
    const before = themesPerTopic(items, texts)[0]!.themes;
    assert.equal(before.length, 2, 'two automatic themes to start with');
    const [large, small] = before;
    const corrections = new Map([[small!.key, { label: null, mergeInto: large!.key }]]);
    const after = themesPerTopic(items, texts, { corrections })[0]!.themes;
    assert.equal(after.length, 1);
    assert.equal(after[0]!.key, large!.key);
    assert.equal(after[0]!.count, large!.count + small!.count);
    assert.equal(after[0]!.corrected, true);
    assert.deepEqual(
      after[0]!.examples.map((e) => e.id),
      [...large!.examples.map((e) => e.id), ...small!.examples.map((e) => e.id)].slice(0, 3),
    );
    assert.ok(
      after[0]!.terms.some((term) => term.nl === small!.label.nl),
      'the merged theme’s name is still findable as a further word',
    );
  });

  it('shows the name staff gave a theme, in English too when they gave only Dutch', () => {
    const { items, texts } = parkingAndZone();
    const [, small] = themesPerTopic(items, texts)[0]!.themes;
    const corrections = new Map([[small!.key, { label: { nl: 'Parkeren in het centrum' }, mergeInto: null }]]);
    const renamed = themesPerTopic(items, texts, { corrections })[0]!.themes.find((t) => t.key === small!.key)!;
    assert.deepEqual(renamed.label, { nl: 'Parkeren in het centrum', en: 'Parkeren in het centrum' });
    assert.equal(renamed.corrected, true);
    assert.equal(renamed.count, small!.count);
  });

  it('leaves themes as they are when merges would go round in a circle', () => {
    const { items, texts } = parkingAndZone();
    const [large, small] = themesPerTopic(items, texts)[0]!.themes;
    const corrections = new Map([
      [small!.key, { label: null, mergeInto: large!.key }],
      [large!.key, { label: null, mergeInto: small!.key }],
    ]);
    const after = themesPerTopic(items, texts, { corrections })[0]!.themes;
    assert.deepEqual(
      after.map((t) => [t.key, t.count]),
      [
        [large!.key, large!.count],
        [small!.key, small!.count],
      ],
    );
  });
});
