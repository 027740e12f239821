/**
 * The insights counted by the database (api/services/insights/aggregates.ts) on generated data
 * (api/services/generate.ts): the figures worked out by hand from the generator's rules, and
 * every figure equal to the item-by-item reference (items.ts `loadItems` and the pure
 * functions of figures.ts) for several filters, with a promise that comes from the
 * consultation (no widget guideline) and staff checks of labels.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq, inArray, like, sql } from 'drizzle-orm';
import {
  channelGuidelines,
  consultations,
  organisations,
  responseTimeCounts,
  sentimentCorrections,
  submissions,
  topics,
} from '../../../../api/db/schema.ts';
import { generateItems, type GenerateReport } from '../../../../api/services/generate.ts';
import { hashUpTo, loadContext, themeFigures } from '../../../../api/services/insights/aggregates.ts';
import {
  accuracy,
  responseOverall,
  responseTimes,
  sentimentPerChannel,
  sentimentPerTopic,
  sentimentPerWeek,
  themesPerTopic,
  volumePerWeek,
} from '../../../../api/services/insights/figures.ts';
import type { InsightsFilter } from '../../../../api/services/insights/filters.ts';
import { observe } from '../../../../api/observability/events.ts';
import { computeInsights } from '../../../../api/services/insights/index.ts';
import { loadItems, loadThemeTexts } from '../../../../api/services/insights/items.ts';
import { quantileRanks, responseFigures } from '../../../../api/services/insights/response-times.ts';
import { loadThemeCorrections } from '../../../../api/services/insights/theme-corrections.ts';
import { weeksBetween } from '../../../../api/services/insights/weeks.ts';
import { figureTable } from '../../../../api/staff/insights/view.ts';
import type { Db } from '../../../../api/db/client.ts';
import { rowsOf } from '../../../../api/db/rows.ts';
import { openTestApp, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';

const ITEMS = 600;
// The generated items arrive over the 120 days before NOW; the waiting ones in the last 30.
const NOW = new Date('2026-06-30T10:00:00Z');
const WHOLE: InsightsFilter = { from: '2026-02-27', to: '2026-06-30' };

/** Every figure the item-by-item way. */
async function reference(db: Db, organisationId: string, filter: InsightsFilter) {
  const items = await loadItems(db, organisationId, filter);
  const weeks = weeksBetween(filter.from, filter.to);
  const texts = await loadThemeTexts(db, organisationId, filter, items);
  const ids = items.map((item) => item.id);
  const checks =
    ids.length === 0
      ? []
      : await db
          .select({ predicted: sentimentCorrections.predicted, label: sentimentCorrections.label })
          .from(sentimentCorrections)
          .where(
            and(eq(sentimentCorrections.organisationId, organisationId), inArray(sentimentCorrections.subjectId, ids)),
          );
  return {
    items: items.length,
    volume: volumePerWeek(items, weeks),
    sentimentByWeek: sentimentPerWeek(items, weeks),
    sentimentByTopic: sentimentPerTopic(items),
    sentimentByChannel: sentimentPerChannel(items),
    themes: themesPerTopic(items, texts, { corrections: await loadThemeCorrections(db, organisationId) }),
    responseTimes: responseTimes(items, NOW),
    responseOverall: responseOverall(items, NOW),
    accuracy: accuracy(checks),
  };
}

for (const target of databaseTargets()) {
  describe(`insights counted by the database on generated data (${target.name})`, () => {
    let t: TestApp;
    let report: GenerateReport;
    let organisationId: string;
    before(async () => {
      t = await openTestApp(target);
      report = await generateItems(t.db, { items: ITEMS, consultations: 4, days: 120, now: NOW });
      const [org] = await t.db.select({ id: organisations.id }).from(organisations);
      organisationId = org!.id;
      // Widget input then gets each consultation's own promise (the demo's differ from the generated 10 days).
      await t.db
        .delete(channelGuidelines)
        .where(and(eq(channelGuidelines.organisationId, organisationId), eq(channelGuidelines.key, 'widget')));
      // One consultation promises 5 working days, the others 10: input's promise shows as a range.
      await t.db.update(consultations).set({ responseDays: 5 }).where(eq(consultations.slug, report.consultations[0]!));
      // Staff checked three labels: two agree with the method.
      const checked = await t.db
        .select({ id: submissions.id, text: submissions.followUpCode })
        .from(submissions)
        .where(like(submissions.followUpCode, `GEN${report.run}-%`))
        .orderBy(submissions.followUpCode)
        .limit(3);
      await t.db.insert(sentimentCorrections).values(
        checked.map((row, i) => ({
          organisationId,
          subjectType: 'submission' as const,
          subjectId: row.id,
          language: 'nl',
          text: row.text,
          predicted: 'negative' as const,
          label: i < 2 ? ('negative' as const) : ('positive' as const),
          predictedMethod: 'test',
        })),
      );
    });
    after(() => t.close());

    it('gives the figures worked out by hand for one generated consultation', async () => {
      // The second consultation (k = 1) holds g = 1, 5, 9, … 597 (150 items, all labelled: g is
      // odd) and posts 1, 5, 9 and 11 (threads 1, 5, 9, 1).
      const insights = await computeInsights(
        t.db,
        organisationId,
        { ...WHOLE, consultation: report.consultations[1] },
        NOW,
      );
      assert.equal(insights.items, 154);
      const channels = Object.fromEntries(insights.sentimentByChannel.map((g) => [g.key, g.counts]));
      // g = 4m + 1: g % 3 walks neutral, negative, positive (50 each); posts 1, 5, 9, 11: neutral, negative, positive, negative.
      assert.deepEqual(
        Object.values(channels).reduce((sum, c) => ({
          positive: sum.positive + c.positive,
          neutral: sum.neutral + c.neutral,
          negative: sum.negative + c.negative,
          unknown: sum.unknown + c.unknown,
        })),
        { positive: 51, neutral: 51, negative: 52, unknown: 0 },
      );
      // g % 10 in {1, 3, 5} is the portal, 7 the widget, 9 social media (a post that became an item).
      const volume = insights.volume.reduce(
        (sum, w) => ({ portal: sum.portal + w.portal, widget: sum.widget + w.widget, social: sum.social + w.social }),
        { portal: 0, widget: 0, social: 0 },
      );
      assert.deepEqual(volume, { portal: 90, widget: 30, social: 34 });
      // Answered: g % 200 in {141, 145, …, 169}, 8 per 200, replied after g % 20 days: 1 5 9 13 17 1 5 9.
      // Waiting for an answer: needs_answer, g % 200 in {13, 17}. Published items are replied to
      // only where g % 4 = 0, never here; posts have no answers.
      const overall = insights.responseOverall;
      assert.equal(overall.answered, 24);
      assert.equal(overall.open, 6);
      // Sorted: 1 ×6, 5 ×6, 9 ×6, 13 ×3, 17 ×3: the 12th and 13th are 5 and 9; rank ceil(0.9 × 24) = 22 is 17.
      assert.equal(overall.medianDays, 7);
      assert.equal(overall.p90Days, 17);
      const rows = Object.fromEntries(insights.responseTimes.map((row) => [row.key, row]));
      // Portal (g % 20 in {1, 5, 13}): 1 ×6, 5 ×6, 13 ×3; widget (17): 17 ×3; social media (9): 9 ×6,
      // a post that became an item, which the clock gives the consultation's promise as all input
      // (due-times.ts `inputPromise`): the generated consultation's 10 working days, for each.
      const tenDays = { unit: 'working_days', from: 10, to: 10 };
      assert.deepEqual(
        [rows.portal?.answered, rows.portal?.medianDays, rows.portal?.p90Days, rows.portal?.open, rows.portal?.promise],
        [15, 5, 13, 3, tenDays],
      );
      assert.deepEqual(
        [rows.widget?.answered, rows.widget?.medianDays, rows.widget?.p90Days, rows.widget?.open, rows.widget?.promise],
        [3, 17, 17, 3, tenDays],
      );
      assert.deepEqual(
        [rows.social?.answered, rows.social?.medianDays, rows.social?.open, rows.social?.promise],
        [6, 9, 0, tenDays],
      );
      assert.deepEqual(rows.portal?.name, { nl: 'Participatieportaal', en: 'Participation portal' });
    });

    it('gives every figure exactly as the item-by-item reference, for every filter', async () => {
      const [topic] = await t.db
        .select({ slug: topics.slug })
        .from(topics)
        .innerJoin(consultations, eq(consultations.topicId, topics.id))
        .where(eq(consultations.slug, report.consultations[0]!));
      const filters: InsightsFilter[] = [
        WHOLE,
        { from: '2026-04-06', to: '2026-06-28' },
        { ...WHOLE, channel: 'social' },
        { ...WHOLE, channel: 'widget' },
        { ...WHOLE, channel: 'portal' },
        { ...WHOLE, topic: topic!.slug },
        { ...WHOLE, consultation: report.consultations[2] },
        // The demo's own input, arrived around today.
        { from: '2025-12-01', to: '2027-12-01' },
      ];
      let compared = 0;
      for (const filter of filters) {
        const expected = await reference(t.db, organisationId, filter);
        const insights = await computeInsights(t.db, organisationId, filter, NOW);
        for (const [figure, value] of Object.entries(expected)) {
          assert.deepEqual(insights[figure as keyof typeof insights], value, `${figure} for ${JSON.stringify(filter)}`);
          compared++;
        }
        if (filter === WHOLE) {
          // Input of consultations promising 5 and 10 working days, shown as the range.
          const portal = insights.responseTimes.find((row) => row.key === 'portal');
          assert.deepEqual(portal?.promise, { unit: 'working_days', from: 5, to: 10 });
          const table = figureTable(insights, 'response-times', 'nl');
          assert.ok(table.rows.some((row) => row.values.promise === '5–10 werkdagen'));
          // What the comparison must exercise: promises met and missed, overdue items, checked labels.
          assert.ok(
            expected.responseOverall.onTime! > 0 &&
              expected.responseOverall.onTime! < expected.responseOverall.answered,
          );
          assert.ok(expected.responseOverall.overdue > 0);
          assert.equal(expected.accuracy.reviewed, 3);
          assert.ok(expected.themes.length > 0);
        }
      }
      assert.equal(compared, filters.length * 9);
    });

    it('counts response times to the millisecond, also where float arithmetic on whole milliseconds would lose one', async () => {
      // 2027-03-01T12:24:32.001Z lies 131,072,001 ms after the UTC midnight a day before the
      // period, the count the database starts from: (n / 1000 s) × 1000 in floats gives
      // n − 0.0000001, which a floor would turn into n − 1, so a day's answer would count as a
      // day and a millisecond. The answer a day later converts exactly.
      const filter: InsightsFilter = { from: '2027-03-01', to: '2027-03-07' };
      const [consultation] = await t.db
        .select({ id: consultations.id })
        .from(consultations)
        .where(eq(consultations.slug, report.consultations[0]!));
      const at = new Date('2027-03-01T12:24:32.001Z');
      await t.db.insert(submissions).values({
        consultationId: consultation!.id,
        channel: 'portal',
        language: 'nl',
        followUpCode: 'EXACT-MS-0001',
        status: 'answered',
        reviewState: 'answered',
        createdAt: at,
        firstResponseAt: new Date(at.getTime() + 86_400_000),
      });
      const insights = await computeInsights(t.db, organisationId, filter, NOW);
      assert.equal(insights.responseOverall.answered, 1);
      assert.equal(insights.responseOverall.medianDays, 1);
      assert.equal(insights.responseOverall.p90Days, 1);
      assert.deepEqual(insights.responseOverall, (await reference(t.db, organisationId, filter)).responseOverall);
    });

    it('finds each percentile in its bucket of the roll-up, exactly, where response times vary within a bucket', async () => {
      // 240 answers in May 2027 taking from seconds to weeks (microseconds and all, ties, times
      // on and beside the bucket thresholds of a minute and 84,853 ms), some without a due
      // moment, and input still waiting, in two consultations: every percentile then lies in a
      // bucket of several different times, which the roll-up alone cannot place.
      const period: InsightsFilter = { from: '2027-05-03', to: '2027-05-30' };
      const ids = await t.db
        .select({ id: consultations.id })
        .from(consultations)
        .where(inArray(consultations.slug, [report.consultations[0]!, report.consultations[1]!]));
      const channels = ['portal', 'widget', 'social'] as const;
      let seed = 7;
      const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
      const exact = [60_000, 60_000, 59_999, 84_853, 84_852, 84_854, 3_600_000, 3_600_000];
      const rows = Array.from({ length: 260 }, (_, i) => {
        const createdAt = new Date(Date.parse('2027-05-03T07:00:00.123Z') + i * 9_000_017);
        const ms = i < exact.length ? exact[i]! : Math.floor(random() ** 3 * 20 * 86_400_000);
        const waiting = i >= 240;
        return {
          consultationId: ids[i % 2]!.id,
          channel: channels[i % 3]!,
          language: 'nl' as const,
          followUpCode: `SPREAD-${String(i).padStart(4, '0')}`,
          status: waiting ? ('published' as const) : ('answered' as const),
          reviewState: waiting ? ('needs_answer' as const) : ('answered' as const),
          createdAt,
          firstResponseAt: waiting ? null : new Date(createdAt.getTime() + ms),
          responseDueAt: i % 7 === 0 ? null : new Date(createdAt.getTime() + 3 * 86_400_000),
        };
      });
      await t.db.insert(submissions).values(rows);
      // Microseconds the reference (Node's dates) does not see: the database must floor them away too.
      await t.db.execute(sql`update submissions set created_at = created_at + interval '999 microseconds',
          first_response_at = first_response_at + interval '1 microsecond'
        where follow_up_code like 'SPREAD-%' and (substr(follow_up_code, 8)::int) % 5 = 0`);
      const context = await loadContext(t.db, organisationId);
      const filters: InsightsFilter[] = [period, { ...period, channel: 'portal' }, { ...period, channel: 'social' }];
      for (const filter of filters) {
        const items = await loadItems(t.db, organisationId, filter);
        const expected = { rows: responseTimes(items, NOW), overall: responseOverall(items, NOW) };
        assert.ok(expected.overall.answered > 70 && expected.overall.open > 0, JSON.stringify(expected.overall));
        assert.deepEqual(
          await responseFigures(t.db, context, filter, NOW, 'roll-up'),
          expected,
          JSON.stringify(filter),
        );
        assert.deepEqual(await responseFigures(t.db, context, filter, NOW, 'items'), expected, JSON.stringify(filter));
      }
      // The median's and the 90th percentile's buckets hold several different times: read from the items.
      const buckets = rowsOf<{ bucket: number; answered: number; lo: number; hi: number }>(
        await t.db.execute(sql`select bucket::int, sum(answered)::int as answered, min(min_ms)::float8 as lo,
            max(max_ms)::float8 as hi from response_time_counts
          where day between ${period.from}::date and ${period.to}::date group by 1 order by 1`),
      );
      const total = buckets.reduce((sum, b) => sum + b.answered, 0);
      assert.equal(total, 240);
      for (const rank of quantileRanks(total)) {
        let upto = 0;
        const holder = buckets.find((b) => (upto += b.answered) >= rank)!;
        assert.ok(holder.lo < holder.hi, `rank ${rank} lies in bucket ${holder.bucket} of one time only`);
      }

      // A roll-up that counts one answer too many in the median's bucket: the figures come from
      // the items (still right), and the mismatch is reported for the log and the metrics.
      const median = quantileRanks(total)[0]!;
      let upto = 0;
      const holder = buckets.find((b) => (upto += b.answered) >= median)!;
      const change = (answered: number) =>
        t.db.insert(responseTimeCounts).values({
          organisationId,
          day: period.from!,
          channel: 'portal',
          bucket: holder.bucket,
          answered,
          promised: 0,
          onTime: 0,
          minMs: holder.lo,
          maxMs: holder.hi,
        });
      await change(1);
      const mismatches: string[] = [];
      const stop = observe({ rollUpMismatch: (event) => mismatches.push(event.rollUp) });
      try {
        const items = await loadItems(t.db, organisationId, period);
        assert.deepEqual(await responseFigures(t.db, await loadContext(t.db, organisationId), period, NOW), {
          rows: responseTimes(items, NOW),
          overall: responseOverall(items, NOW),
        });
        assert.deepEqual(mismatches, ['response_time_counts']);
      } finally {
        stop();
        await change(-1); // change rows add up, as the triggers' do
      }
    });

    it("reads a percentile's bucket through its expression index, not every answered item", async () => {
      // Without the index a bucket read is a read of every answered item. Sequential scans
      // are turned off only to ask whether the index can serve the condition at all.
      const plan = await t.db.transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        return rowsOf<{ 'QUERY PLAN': string }>(
          await tx.execute(sql`explain select count(*) from submissions
            where erased_at is null and (first_response_at is not null or first_published_reply_at is not null)
              and podium_response_bucket(podium_response_ms(created_at, coalesce(first_response_at, first_published_reply_at))) in (20, 21)
              and created_at >= '2026-01-01' and created_at < '2026-07-01'`),
        )
          .map((row) => row['QUERY PLAN'])
          .join('\n');
      });
      assert.match(plan, /submissions_answer_times/);
    });

    it('draws the themes of a topic with more items than the sample from a fixed sample, and says so', async () => {
      const context = await loadContext(t.db, organisationId);
      const items = await loadItems(t.db, organisationId, WHOLE);
      const rejected = new Set(
        (await t.db.select({ id: submissions.id }).from(submissions).where(eq(submissions.status, 'rejected'))).map(
          (row) => row.id,
        ),
      );
      const themes = await themeFigures(t.db, context, WHOLE, 50);
      assert.ok(themes.length > 0);
      for (const entry of themes) {
        const candidates = items.filter(
          (item) => (item.topic?.slug ?? '') === (entry.topic?.slug ?? '') && !rejected.has(item.id),
        ).length;
        if (candidates > 50) assert.deepEqual(entry.sample, { size: 50, of: candidates });
        else assert.equal(entry.sample, undefined);
        const counted = entry.themes.reduce((sum, theme) => sum + theme.count, 0);
        assert.ok(counted <= 50, `${counted} items in the themes of ${entry.topic?.slug}`);
      }
      assert.ok(themes.some((entry) => entry.sample));
      // The same sample on every call.
      assert.deepEqual(await themeFigures(t.db, context, WHOLE, 50), themes);
      // The figure says so, in both languages, on the page and in its exports.
      const insights = { ...(await computeInsights(t.db, organisationId, WHOLE, NOW)), themes };
      assert.match(figureTable(insights, 'themes', 'nl').summary, /vaste steekproef van 50 bijdragen per onderwerp/);
      assert.match(figureTable(insights, 'themes', 'en').summary, /fixed sample of 50 contributions per topic/);
      const unsampled = await computeInsights(t.db, organisationId, WHOLE, NOW);
      assert.doesNotMatch(figureTable(unsampled, 'themes', 'nl').summary, /steekproef/);
    });

    it('samples the items with the lowest hash of their id per topic, as ranking every item would', async () => {
      const context = await loadContext(t.db, organisationId);
      const items = await loadItems(t.db, organisationId, WHOLE);
      const texts = await loadThemeTexts(t.db, organisationId, WHOLE, items);
      const rejected = new Set(
        (await t.db.select({ id: submissions.id }).from(submissions).where(eq(submissions.status, 'rejected'))).map(
          (row) => row.id,
        ),
      );
      const hashes = new Map(
        rowsOf<{ id: string; h: number }>(
          await t.db.execute(sql`select id, hashtext(id::text) as h from submissions
            union all select id, hashtext(id::text) from social_posts`),
        ).map((row) => [row.id, Number(row.h)]),
      );
      // Per topic, the 50 items not rejected with the lowest (hash, id), texts or not.
      const byTopic = new Map<string, string[]>();
      for (const item of items.filter((item) => !rejected.has(item.id))) {
        const key = item.topic?.slug ?? '';
        byTopic.set(key, [...(byTopic.get(key) ?? []), item.id]);
      }
      const sampled = new Set(
        [...byTopic.values()].flatMap((ids) =>
          ids.sort((a, b) => hashes.get(a)! - hashes.get(b)! || (a < b ? -1 : a > b ? 1 : 0)).slice(0, 50),
        ),
      );
      assert.ok(
        [...byTopic.values()].some((ids) => ids.length > 2 * 50 + 64),
        'a topic is read below a hash bound',
      );
      const expected = themesPerTopic(
        items.filter((item) => sampled.has(item.id)),
        texts.filter((text) => sampled.has(text.id)),
        { corrections: await loadThemeCorrections(t.db, organisationId) },
      );
      const themes = (await themeFigures(t.db, context, WHOLE, 50)).map(({ sample: _, ...entry }) => entry);
      assert.deepEqual(themes, expected);
      // The first read suffices: about `cut` (2 × 50 + 64) of a topic's items lie at or below its bound.
      for (const ids of byTopic.values()) {
        if (ids.length <= 164) continue;
        const below = ids.filter((id) => hashes.get(id)! <= hashUpTo(164, ids.length)).length;
        assert.ok(below >= 50 && below > 164 - 80 && below < 164 + 80, `${below} of ${ids.length} below the bound`);
      }
      // A topic that comes out short (forced here with a bound of about one item) is read in full: the same sample.
      const forced = (await themeFigures(t.db, context, WHOLE, 50, 1)).map(({ sample: _, ...entry }) => entry);
      assert.deepEqual(forced, expected);
    });
  });
}
