/**
 * The roll-ups the insights read instead of every item: the submissions per consultation,
 * Amsterdam day, channel, label and what the public sees (`submission_day_counts`, kept by
 * triggers, migrations 0044 and 0053), the answered ones per organisation, day, channel and
 * response-time bucket (`response_time_counts`, migration 0063)
 * and each submission's first published reply (`first_published_reply_at`, migration 0045): after a mixed sequence of input taken in, decisions, answers, staff corrections,
 * erasures, a retention purge, bulk changes, deletions and a rolled-back transaction, it
 * holds exactly what counting the submissions from scratch gives, and the insights figures
 * made from it equal the item-by-item reference.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, inArray, like, sql } from 'drizzle-orm';
import type { Db } from '../../../../api/db/client.ts';
import { rowsOf } from '../../../../api/db/rows.ts';
import {
  consultations,
  organisations,
  responseTimeCounts,
  submissionDayCounts,
  submissions,
} from '../../../../api/db/schema.ts';
import { foldDayCounts } from '../../../../api/services/day-counts.ts';
import { generateItems, type GenerateReport } from '../../../../api/services/generate.ts';
import {
  responseOverall,
  responseTimes,
  sentimentPerChannel,
  sentimentPerTopic,
  volumePerWeek,
} from '../../../../api/services/insights/figures.ts';
import { computeInsights } from '../../../../api/services/insights/index.ts';
import { loadItems } from '../../../../api/services/insights/items.ts';
import { weeksBetween } from '../../../../api/services/insights/weeks.ts';
import { correctSentiment } from '../../../../api/services/item-sentiment.ts';
import { answerItem, decide } from '../../../../api/services/moderation/index.ts';
import type { Actor } from '../../../../api/services/moderation/source.ts';
import { eraseSubmission } from '../../../../api/services/residents-rights.ts';
import { purgeExpired } from '../../../../api/services/retention.ts';
import { submitInput } from '../../../../api/services/submissions.ts';
import { openTestApp, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser } from '../../../support/staff.ts';

const NOW = new Date('2026-06-30T10:00:00Z');
const WHOLE = { from: '2026-02-27', to: '2026-06-30' };

type DayCount = { consultation_id: string; day: string; channel: string; label: string; state: string; n: number };
type ResponseCount = {
  organisation_id: string;
  day: string;
  channel: string;
  bucket: number;
  answered: number;
  promised: number;
  on_time: number;
};
type RollUps = { days: DayCount[]; responses: ResponseCount[] };

/** The roll-ups as their readers see them (the sum of each key's changes), and as counted from the submissions themselves. */
async function stored(db: Db): Promise<RollUps> {
  return {
    days: rowsOf<DayCount>(
      await db.execute(sql`select consultation_id, day::text as day, channel::text as channel, label, state, sum(n)::int as n
        from submission_day_counts group by 1, 2, 3, 4, 5 having sum(n) <> 0 order by 1, 2, 3, 4, 5`),
    ),
    responses: rowsOf<ResponseCount>(
      await db.execute(sql`select organisation_id, day::text as day, channel::text as channel, bucket::int as bucket,
          sum(answered)::int as answered, sum(promised)::int as promised, sum(on_time)::int as on_time
        from response_time_counts group by 1, 2, 3, 4
        having sum(answered) <> 0 or sum(promised) <> 0 or sum(on_time) <> 0 order by 1, 2, 3, 4`),
    ),
  };
}

const rowCount = async (db: Db) => db.$count(submissionDayCounts);

/** The answered submissions, with their response time in ms, as the insights count them. */
const answeredItems = sql`select c.organisation_id, (s.created_at at time zone 'Europe/Amsterdam')::date::text as day,
    s.channel::text as channel, s.response_due_at as due_at,
    coalesce(s.first_response_at, s.first_published_reply_at) as first_at,
    podium_response_ms(s.created_at, coalesce(s.first_response_at, s.first_published_reply_at)) as ms
  from submissions s join consultations c on c.id = s.consultation_id
  where s.erased_at is null and coalesce(s.first_response_at, s.first_published_reply_at) is not null`;

async function fromScratch(db: Db): Promise<RollUps> {
  return {
    days: rowsOf<DayCount>(
      await db.execute(sql`select consultation_id, (created_at at time zone 'Europe/Amsterdam')::date::text as day,
          channel::text as channel, coalesce(sentiment->>'label', '') as label,
          case when status in ('published', 'answered') and published_at is not null then 'published'
            when status = 'rejected' then 'rejected' else 'other' end as state, count(*)::int as n
        from submissions where erased_at is null group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`),
    ),
    responses: rowsOf<ResponseCount>(
      await db.execute(sql`select a.organisation_id, a.day, a.channel, podium_response_bucket(a.ms)::int as bucket,
          count(*)::int as answered, count(a.due_at)::int as promised,
          count(*) filter (where podium_epoch_ms(a.first_at) <= podium_epoch_ms(a.due_at))::int as on_time
        from (${answeredItems}) a group by 1, 2, 3, 4 order by 1, 2, 3, 4`),
    ),
  };
}

/** Keys of the response-time roll-up whose bounds do not hold every response time counted there. */
async function boundsBroken(db: Db) {
  return [
    ...rowsOf<{ day: string; bucket: number }>(
      await db.execute(sql`select a.day, podium_response_bucket(a.ms)::int as bucket
      from (${answeredItems}) a
      join (select organisation_id, day::text as day, channel::text as channel, bucket, min(min_ms) as lo, max(max_ms) as hi
        from response_time_counts group by 1, 2, 3, 4) r
        on r.organisation_id = a.organisation_id and r.day = a.day and r.channel = a.channel
          and r.bucket = podium_response_bucket(a.ms)
      where a.ms < r.lo or a.ms > r.hi`),
    ),
  ];
}

for (const target of databaseTargets()) {
  describe(`the day counts of submissions (${target.name})`, () => {
    let t: TestApp;
    let report: GenerateReport;
    let organisationId: string;
    let actor: Actor;
    before(async () => {
      t = await openTestApp(target);
      report = await generateItems(t.db, { items: 300, consultations: 3, days: 120, now: NOW });
      organisationId = (await t.db.select({ id: organisations.id }).from(organisations))[0]!.id;
      const adminId = await addStaffUser(t, 'beheer@demodam.example', 'administrator');
      actor = { id: adminId, organisationId, roles: [{ role: 'administrator', departmentId: null }] };
    });
    after(() => t.close());

    const generated = async (limit: number, offset: number) =>
      (
        await t.db
          .select({ id: submissions.id })
          .from(submissions)
          .where(like(submissions.followUpCode, `GEN${report.run}-%`))
          .orderBy(submissions.followUpCode)
          .limit(limit)
          .offset(offset)
      ).map((row) => row.id);

    it('holds what counting the submissions gives, after the generator filled them', async () => {
      const counts = await stored(t.db);
      assert.ok(counts.days.length > 0 && counts.responses.length > 0);
      assert.deepEqual(counts, await fromScratch(t.db));
      assert.deepEqual(await boundsBroken(t.db), []);
    });

    it('holds what counting the submissions gives after a mixed sequence of writes', async () => {
      // Input taken in through the portal and the widget.
      for (const channel of ['portal', 'widget'] as const) {
        const result = await submitInput(t.db, {
          consultationSlug: report.consultations[0]!,
          input: { answers: { toelichting: 'Meer bomen in de straat.' }, language: 'nl', channel },
          now: NOW,
        });
        assert.equal(result.kind, 'created', JSON.stringify(result));
      }
      const ids = await generated(12, 0);
      const waiting = (
        await t.db
          .select({ id: submissions.id })
          .from(submissions)
          .where(eq(submissions.reviewState, 'new'))
          .orderBy(submissions.followUpCode)
          .limit(4)
      ).map((row) => row.id);
      // An escalation changes no counted column, so nothing may change here.
      const before = await stored(t.db);
      assert.equal(
        (await decide(t.db, { itemId: waiting[1]!, decision: 'escalate', actor, now: NOW })).kind,
        'decided',
      );
      assert.deepEqual(await stored(t.db), before, 'an escalation leaves the counts alone');
      // Publishing, rejecting and an answer change what the public sees of an item.
      for (const [i, decision] of [
        [0, 'publish'],
        [2, 'needs_answer'],
        [3, 'reject'],
      ] as const)
        assert.equal(
          (await decide(t.db, { itemId: waiting[i]!, decision, actor, now: NOW, ruleCode: 'lawful' })).kind,
          'decided',
        );
      const answered = await answerItem(t.db, {
        itemId: waiting[2]!,
        body: 'Dank, we kijken ernaar.',
        language: 'nl',
        actor,
        now: NOW,
      });
      assert.equal(answered.kind, 'answered');
      assert.deepEqual(await stored(t.db), await fromScratch(t.db), 'decisions and answers move items between states');
      // Staff corrections of the label move an item from one label to another.
      await correctSentiment(t.db, {
        organisationId,
        subject: { type: 'submission', id: ids[3]! },
        label: 'positive',
        staffUserId: actor.id,
        now: NOW,
      });
      await correctSentiment(t.db, {
        organisationId,
        subject: { type: 'submission', id: ids[4]! },
        label: 'negative',
        staffUserId: actor.id,
        now: NOW,
      });
      // Erasure on request takes items out; erasing again changes nothing.
      // Replies withdrawn and deleted change the time of the first one.
      const replied = rowsOf<{ id: string }>(
        await t.db.execute(sql`select r.id from staff_replies r join submissions s on s.id = r.submission_id
          where s.follow_up_code like ${`GEN${report.run}-%`} and r.published_at is not null order by r.id limit 2`),
      );
      assert.equal(replied.length, 2);
      await t.db.execute(sql`update staff_replies set published_at = null where id = ${replied[0]!.id}::uuid`);
      await t.db.execute(sql`delete from staff_replies where id = ${replied[1]!.id}::uuid`);
      for (const id of [ids[5]!, ids[6]!, waiting[2]!, ids[5]!])
        await eraseSubmission(t.db, { id, now: NOW, actor: { type: 'staff', id: actor.id } });
      // Several rows in one statement: labels cleared, an item moved to another consultation
      // and another day, two deleted.
      await t.db
        .update(submissions)
        .set({ sentiment: null })
        .where(inArray(submissions.id, [ids[7]!, ids[8]!]));
      const [other] = await t.db
        .select({ id: consultations.id })
        .from(consultations)
        .where(eq(consultations.slug, report.consultations[1]!));
      await t.db
        .update(submissions)
        .set({ consultationId: other!.id, createdAt: new Date('2026-03-01T23:30:00Z') })
        .where(eq(submissions.id, ids[9]!));
      await t.db.execute(
        sql`delete from submission_answers where submission_id in (${ids[10]!}::uuid, ${ids[11]!}::uuid)`,
      );
      await t.db.delete(submissions).where(inArray(submissions.id, [ids[10]!, ids[11]!]));
      // A transaction that fails leaves the counts as they were.
      const undone = await generated(20, 20);
      await assert.rejects(
        t.db.transaction(async (tx) => {
          await tx.update(submissions).set({ erasedAt: NOW }).where(inArray(submissions.id, undone));
          throw new Error('rolled back');
        }),
        /rolled back/,
      );
      // More input in bulk, and the retention purge a year on.
      await generateItems(t.db, { items: 50, consultations: 1, days: 30, now: NOW });
      await purgeExpired(t.db, new Date('2028-01-01T00:00:00Z'));

      // An answer's time moved by a second (a correction of the stored time): within its bucket,
      // whose answers all took the same time until then, so the bounds must take the new time in.
      const [moved] = rowsOf<{ id: string }>(
        await t.db.execute(sql`select s.id from submissions s join consultations c on c.id = s.consultation_id
          where s.first_response_at is not null and s.erased_at is null and exists (
            select 1 from response_time_counts r
            where r.organisation_id = c.organisation_id and r.channel = s.channel
              and r.day = (s.created_at at time zone 'Europe/Amsterdam')::date
              and r.bucket = podium_response_bucket(podium_response_ms(s.created_at, s.first_response_at))
            group by r.organisation_id having min(r.min_ms) = max(r.max_ms))
          order by s.id limit 1`),
      );
      await t.db.execute(
        sql`update submissions set first_response_at = first_response_at + interval '1 second' where id = ${moved!.id}::uuid`,
      );
      // A consultation moved to another organisation (a merger of municipalities) and back:
      // its answers' counts go along each time.
      const [merged] = await t.db
        .insert(organisations)
        .values({ slug: 'samengevoegd', name: 'Samengevoegd' })
        .returning({ id: organisations.id });
      const moving = (
        await t.db
          .select({ id: consultations.id })
          .from(consultations)
          .where(eq(consultations.slug, report.consultations[2]!))
      )[0]!.id;
      await t.db.update(consultations).set({ organisationId: merged!.id }).where(eq(consultations.id, moving));
      const elsewhere = await stored(t.db);
      assert.deepEqual(elsewhere, await fromScratch(t.db));
      assert.ok(elsewhere.responses.some((row) => row.organisation_id === merged!.id));
      await t.db.update(consultations).set({ organisationId }).where(eq(consultations.id, moving));
      const after = await stored(t.db);
      assert.deepEqual(after, await fromScratch(t.db));
      assert.notDeepEqual(after.days, before.days, 'the sequence changed what is counted');
      assert.notDeepEqual(after.responses, before.responses, 'the sequence changed which answers are counted');
      assert.deepEqual(await boundsBroken(t.db), []);
      // The time of each submission's first published reply, kept by the triggers on the replies.
      const firstReplies = rowsOf<{ id: string; kept: string | null; counted: string | null }>(
        await t.db.execute(sql`select s.id, s.first_published_reply_at::text as kept,
            (select min(r.published_at) from staff_replies r
              where r.submission_id = s.id and r.published_at is not null)::text as counted
          from submissions s order by s.id`),
      );
      assert.ok(firstReplies.some((row) => row.kept !== null));
      assert.deepEqual(
        firstReplies.filter((row) => row.kept !== row.counted),
        [],
      );
    });

    it('holds what counting the submissions gives when writers change the same days at once', async () => {
      // Eight writers, each in its own transactions, move items of the same consultation days
      // between labels and states in opposite orders, erase some and take new input in: every
      // change of two or more counts upserts several rows of the roll-up, the ground for lock
      // waits and deadlocks between the triggers. No write may fail, and nothing may drift.
      // (On PGlite the writers take turns on its one connection.)
      const pool = await generated(64, 40);
      // All on one consultation day, so the writers meet on the same few rows of the roll-up.
      const [first] = await t.db
        .select({ id: consultations.id })
        .from(consultations)
        .where(eq(consultations.slug, report.consultations[0]!));
      await t.db
        .update(submissions)
        .set({ consultationId: first!.id, createdAt: new Date('2026-06-29T10:00:00Z'), channel: 'widget' })
        .where(inArray(submissions.id, pool));
      const labels = ['positive', 'neutral', 'negative'] as const;
      const failures: unknown[] = [];
      await Promise.all(
        Array.from({ length: 8 }, async (_, writer) => {
          const mine = pool.slice(writer * 8, writer * 8 + 8);
          for (let round = 0; round < 6; round++) {
            try {
              // Two items of this writer in one statement, in the order opposite to the next writer's.
              const pair = writer % 2 === 0 ? [mine[round]!, mine[round + 1]!] : [mine[round + 1]!, mine[round]!];
              await t.db.transaction(async (tx) => {
                for (const [i, id] of pair.entries())
                  await tx
                    .update(submissions)
                    .set({
                      sentiment: {
                        label: labels[(writer + round + i) % 3]!,
                        score: 0,
                        confidence: 1,
                        method: 'test',
                        at: NOW.toISOString(),
                      },
                      status: round % 3 === 0 ? 'rejected' : 'published',
                      publishedAt: round % 3 === 0 ? null : NOW,
                    })
                    .where(eq(submissions.id, id));
              });
              if (round === 4) await eraseSubmission(t.db, { id: mine[7]!, now: NOW, actor: { type: 'system' } });
              const result = await submitInput(t.db, {
                consultationSlug: report.consultations[0]!,
                input: {
                  answers: { toelichting: `Schrijver ${writer}, ronde ${round}.` },
                  language: 'nl',
                  channel: 'widget',
                },
                now: NOW,
              });
              if (result.kind !== 'created') failures.push(result);
            } catch (error) {
              failures.push(error);
            }
          }
        }),
      );
      assert.deepEqual(failures, []);
      assert.deepEqual(await stored(t.db), await fromScratch(t.db));
      assert.deepEqual(await boundsBroken(t.db), []);
    });

    it('shows no topic whose changes cancel out before they are folded', async () => {
      // One item in an otherwise empty week, erased: its +1 and −1 rows stay until the next fold.
      const period = { from: '2027-04-05', to: '2027-04-11' };
      const at = new Date('2027-04-07T10:00:00Z');
      const [consultation] = await t.db
        .select({ id: consultations.id })
        .from(consultations)
        .where(eq(consultations.slug, report.consultations[0]!));
      const [item] = await t.db
        .insert(submissions)
        .values({
          consultationId: consultation!.id,
          channel: 'portal',
          language: 'nl',
          followUpCode: 'GEWIST-0001',
          createdAt: at,
        })
        .returning({ id: submissions.id });
      await eraseSubmission(t.db, { id: item!.id, now: NOW, actor: { type: 'system' } });
      const insights = await computeInsights(t.db, organisationId, period, NOW);
      assert.equal(insights.items, 0);
      assert.deepEqual(insights.sentimentByTopic, sentimentPerTopic(await loadItems(t.db, organisationId, period)));
      assert.deepEqual(insights.sentimentByTopic, []);
    });

    it("folds each key's changes into one row, also while writers go on, without changing a count", async () => {
      const before = await stored(t.db);
      assert.ok((await rowCount(t.db)) > before.days.length, 'the writes above left several rows for some keys');
      assert.ok(
        (await t.db.$count(responseTimeCounts)) > before.responses.length,
        'the writes above left several response-time rows for some keys',
      );
      // A fold beside more writes: what the writers add is kept, what was folded counted once.
      const ids = await generated(6, 110);
      const [report] = await Promise.all([
        foldDayCounts(t.db),
        (async () => {
          for (const id of ids)
            await t.db.update(submissions).set({ status: 'rejected', publishedAt: null }).where(eq(submissions.id, id));
        })(),
      ]);
      assert.ok(report && report.folded > report.kept);
      assert.deepEqual(await stored(t.db), await fromScratch(t.db));
      // Folded again with nothing in between: one row per key that counts anything.
      await foldDayCounts(t.db);
      assert.equal(await rowCount(t.db), (await stored(t.db)).days.length);
      assert.equal(await t.db.$count(responseTimeCounts), (await stored(t.db)).responses.length);
      assert.deepEqual(await stored(t.db), await fromScratch(t.db));
      assert.deepEqual(await boundsBroken(t.db), []);
      assert.deepEqual(await foldDayCounts(t.db), { folded: 0, kept: 0 });
    });

    it('gives the volume, sentiment and response figures of the item-by-item reference after those writes', async () => {
      const insights = await computeInsights(t.db, organisationId, WHOLE, NOW);
      const items = await loadItems(t.db, organisationId, WHOLE);
      assert.equal(insights.items, items.length);
      assert.deepEqual(insights.volume, volumePerWeek(items, weeksBetween(WHOLE.from, WHOLE.to)));
      assert.deepEqual(insights.sentimentByTopic, sentimentPerTopic(items));
      assert.deepEqual(insights.sentimentByChannel, sentimentPerChannel(items));
      assert.deepEqual(insights.responseTimes, responseTimes(items, NOW));
      assert.deepEqual(insights.responseOverall, responseOverall(items, NOW));
    });
  });
}
