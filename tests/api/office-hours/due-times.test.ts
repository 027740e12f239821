/**
 * The stored response clock on both databases: due times set on arrival for portal input,
 * widget input and mirrored posts; promises in hours; recomputation for waiting items; the
 * first response and resolution; "least time left first" paging; the overdue filter; and the
 * nearly-late check as one indexed range query.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import {
  channelGuidelines,
  organisations,
  socialPosts,
  staffNotifications,
  submissions,
} from '../../../api/db/schema.ts';
import { listQueue, type QueueItem } from '../../../api/services/moderation/index.ts';
import { nearlyLateItems, notifyNearlyLate } from '../../../api/services/notifications/nearly-late.ts';
import { DEFAULT_CALENDAR } from '../../../api/services/office-hours/calendar.ts';
import { fillMissingClocks, recomputeWaitingDueTimes } from '../../../api/services/office-hours/due-times.ts';
import { addOfficeMinutes, addWorkingDays } from '../../../api/services/office-hours/office-time.ts';
import { importMastodonThread } from '../../../api/services/social/mastodon.ts';
import { importThread } from '../../../api/services/social/threads.ts';
import { mastodonAccount, mastodonStatus } from '../../fixtures/social/payloads.ts';
import { openTestApp, postForm, postJson, validAnswers, type TestApp } from '../../support/app.ts';
import { databaseTargets } from '../../support/databases.ts';
import { addStaffUser, logIn, staffPost } from '../../support/staff.ts';

const submitPath = '/api/consultations/fietsroute-stationsstraat/submissions';
// Friday 27 November 2026, 11:00 in Amsterdam.
const FRIDAY = new Date('2026-11-27T10:00:00Z');
const DAY = 86_400_000;

for (const target of databaseTargets()) {
  describe(`the stored response clock (${target.name})`, () => {
    let now = FRIDAY;
    let t: TestApp;
    let organisationId: string;
    const admin = () => ({ organisationId, roles: [{ role: 'administrator' as const, departmentId: null }] });

    before(async () => {
      t = await openTestApp(target, { now: () => now });
      organisationId = (await t.db.select({ id: organisations.id }).from(organisations))[0]!.id;
    });
    after(() => t.close());

    async function submitWidget(): Promise<typeof submissions.$inferSelect> {
      const response = await postJson(t.app, submitPath, { answers: validAnswers });
      assert.equal(response.status, 201);
      const { code } = (await response.json()) as { code: string };
      const [row] = await t.db.select().from(submissions).where(eq(submissions.followUpCode, code));
      return row!;
    }

    async function mirror(rootId: string) {
      const payload = {
        status: mastodonStatus(rootId),
        context: {
          ancestors: [],
          descendants: [
            mastodonStatus(`${rootId}1`, {
              in_reply_to_id: rootId,
              account: mastodonAccount('anna'),
              url: `https://social.gemeente.example/@anna/${rootId}1`,
              content: '<p>Wanneer gaat de fietsroute open?</p>',
            }),
          ],
        },
      };
      const thread = importMastodonThread(payload, { ownAccounts: ['gemeente@social.gemeente.example'] });
      const { threadId } = await importThread(t.db, { organisationId, thread, live: false, now });
      const [reply] = await t.db
        .select()
        .from(socialPosts)
        .where(and(eq(socialPosts.threadId, threadId), eq(socialPosts.externalId, `${rootId}1`)));
      return reply!;
    }

    it('sets the due time of widget input on arrival: ten working days in office hours', async () => {
      const row = await submitWidget();
      assert.equal(row.channel, 'widget');
      // Friday 11:00 + 10 working days = Friday 11 December 11:00 local.
      assert.equal(row.responseDueAt?.toISOString(), '2026-12-11T10:00:00.000Z');
      assert.deepEqual(row.responseDueAt, addWorkingDays(DEFAULT_CALENDAR, FRIDAY, 10));
    });

    it('sets the due time of portal input (a form post) on arrival, and tells the resident that time', async () => {
      const response = await postForm(t.app, submitPath, [
        ['lang', 'nl'],
        ['answers.route', 'parklaan'],
        ['answers.veiligheid', '2'],
        ['answers.toelichting', 'Via het formulier zonder JavaScript.'],
      ]);
      assert.equal(response.status, 303);
      const [row] = await t.db
        .select()
        .from(submissions)
        .where(eq(submissions.channel, 'portal'))
        .orderBy(sql`${submissions.createdAt} desc`)
        .limit(1);
      assert.equal(row?.responseDueAt?.toISOString(), '2026-12-11T10:00:00.000Z');
      const followUp = (await (await t.app.request(`/api/follow-up/${row!.followUpCode}`)).json()) as {
        answerDueAt: string;
      };
      assert.equal(followUp.answerDueAt, '2026-12-11T10:00:00.000Z');
    });

    it('sets the due time of a mirrored reply on arrival from the promise of its channel', async () => {
      const reply = await mirror('clock1');
      // The demo promises two working days on its Mastodon account (here: its platform).
      assert.deepEqual(reply.responseDueAt, addWorkingDays(DEFAULT_CALENDAR, reply.createdAt, 2));
    });

    it('measures a promise in hours within office hours, and recomputes waiting items when it changes', async () => {
      await t.db
        .update(channelGuidelines)
        .set({ responseHours: 4 })
        .where(and(eq(channelGuidelines.organisationId, organisationId), eq(channelGuidelines.key, 'widget')));
      now = new Date('2026-11-27T14:30:00Z'); // Friday 15:30 local
      const fresh = await submitWidget();
      // 1.5 hours on Friday, 2.5 on Monday 30 November: 11:30 local.
      assert.equal(fresh.responseDueAt?.toISOString(), '2026-11-30T10:30:00.000Z');
      const answered = await submitWidget();
      await t.db.update(submissions).set({ reviewState: 'answered' }).where(eq(submissions.id, answered.id));
      await t.db
        .update(channelGuidelines)
        .set({ responseHours: 2 })
        .where(and(eq(channelGuidelines.organisationId, organisationId), eq(channelGuidelines.key, 'widget')));
      assert.ok((await recomputeWaitingDueTimes(t.db, organisationId)) > 0);
      const [waiting] = await t.db.select().from(submissions).where(eq(submissions.id, fresh.id));
      const [done] = await t.db.select().from(submissions).where(eq(submissions.id, answered.id));
      assert.equal(waiting?.responseDueAt?.toISOString(), '2026-11-30T08:30:00.000Z', 'the new promise');
      assert.equal(done?.responseDueAt?.toISOString(), '2026-11-30T10:30:00.000Z', 'answered keeps its promise');
      await t.db
        .update(channelGuidelines)
        .set({ responseHours: null })
        .where(and(eq(channelGuidelines.organisationId, organisationId), eq(channelGuidelines.key, 'widget')));
      await recomputeWaitingDueTimes(t.db, organisationId);
      now = FRIDAY;
    });

    it('records the first response and the resolution when webcare answers', async () => {
      await addStaffUser(t, 'webcare-clock@demodam.example', 'webcare');
      const row = await submitWidget();
      now = new Date(FRIDAY.getTime() + 3_600_000);
      const webcare = await logIn(t, 'webcare-clock@demodam.example');
      const response = await staffPost(
        t,
        `/beheer/items/${row.id}/antwoord`,
        [
          ['csrf', webcare.csrf],
          ['body', 'Dank u wel, we nemen het mee.'],
          ['language', 'nl'],
          ['action', 'publish'],
        ],
        webcare.cookie,
      );
      assert.equal(response.status, 303);
      const [answered] = await t.db.select().from(submissions).where(eq(submissions.id, row.id));
      assert.equal(answered?.reviewState, 'answered');
      assert.deepEqual(answered?.firstResponseAt, now);
      assert.deepEqual(answered?.resolvedAt, now);
      assert.deepEqual(answered?.responseDueAt, row.responseDueAt, 'the due time is kept');
      now = FRIDAY;
    });

    it('fills in due times for rows stored before the clock, once', async () => {
      const row = await submitWidget();
      await t.db.update(submissions).set({ responseDueAt: null }).where(eq(submissions.id, row.id));
      assert.ok((await fillMissingClocks(t.db)) >= 1);
      const [filled] = await t.db.select().from(submissions).where(eq(submissions.id, row.id));
      assert.deepEqual(filled?.responseDueAt, row.responseDueAt);
      assert.equal(await fillMissingClocks(t.db), 0);
    });

    /** Sets an item's due time directly (any source), to lay out the order by time left. */
    async function dueAt(item: { id: string }, at: Date) {
      await t.db.update(submissions).set({ responseDueAt: at }).where(eq(submissions.id, item.id));
      await t.db.update(socialPosts).set({ responseDueAt: at }).where(eq(socialPosts.id, item.id));
    }

    it('sorts by time left across sources and pages by (response_due_at, id) without gaps or repeats', async () => {
      const made: Array<{ id: string }> = [];
      for (let i = 0; i < 5; i++) made.push(await submitWidget());
      for (let i = 0; i < 3; i++) made.push(await mirror(`clockpage${i}`));
      // Two items share a due time, so the id decides between them.
      const times = [-3, 5, 1, 1, 20, -1, 7, 2].map((h) => new Date(FRIDAY.getTime() + h * 3_600_000));
      for (const [i, item] of made.entries()) await dueAt(item, times[i]!);
      const all = await listQueue(t.db, admin(), { order: 'due', now: FRIDAY, limit: 10_000 });
      const dues = all.map((i) => i.dueAt.getTime());
      assert.deepEqual(
        dues,
        [...dues].sort((a, b) => a - b),
        'least time left first',
      );
      const pages: QueueItem[] = [];
      let after: QueueItem['cursor'] | undefined;
      for (let n = 0; n < 100; n++) {
        const page = await listQueue(t.db, admin(), { order: 'due', now: FRIDAY, limit: 3, after });
        if (page.length === 0) break;
        pages.push(...page);
        after = page[page.length - 1]!.cursor;
      }
      assert.deepEqual(
        pages.map((i) => i.id),
        all.map((i) => i.id),
      );
      assert.ok(made.every((m) => pages.some((p) => p.id === m.id)));
      assert.equal(all[0]!.clock.kind, 'overdue');
    });

    it('offers the order in the inbox and keeps it on the next page', async () => {
      await addStaffUser(t, 'moderator-clock@demodam.example', 'moderator');
      const moderator = await logIn(t, 'moderator-clock@demodam.example');
      // More than one page (25) of waiting items.
      for (let i = 0; i < 26; i++) await submitWidget();
      const html = await (await t.app.request('/beheer/?sort=due', { headers: { Cookie: moderator.cookie } })).text();
      assert.match(html, /<option value="due" selected>Minste tijd over eerst<\/option>/);
      assert.match(html, /data-clock="overdue"><span aria-hidden="true">\d+ u( \d+ min)? te laat<\/span>/);
      const next = /href="([^"]*na=[^"]*)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
      assert.ok(next?.includes('sort=due'), 'the next page keeps the order');
      const bad = await t.app.request('/beheer/?sort=later&na=nonsense', { headers: { Cookie: moderator.cookie } });
      assert.equal(bad.status, 200, 'an unknown order or cursor falls back to the default list');
    });

    it('filters overdue items in the database, counted from the given moment', async () => {
      const late = await submitWidget();
      const soon = await submitWidget();
      await dueAt(late, new Date(FRIDAY.getTime() - 60_000));
      await dueAt(soon, new Date(FRIDAY.getTime() + 60_000));
      const overdue = await listQueue(t.db, admin(), { overdue: true, now: FRIDAY, limit: 10_000 });
      assert.ok(overdue.some((i) => i.id === late.id));
      assert.ok(!overdue.some((i) => i.id === soon.id));
      assert.ok(overdue.every((i) => i.dueAt < FRIDAY && i.clock.kind === 'overdue'));
    });

    it('finds nearly late assigned items with one range query on the due-time index', async () => {
      const webcareId = await addStaffUser(t, 'webcare-late@demodam.example', 'webcare');
      const soon = await submitWidget();
      const later = await submitWidget();
      const late = await submitWidget();
      for (const item of [soon, later, late]) {
        await t.db.update(submissions).set({ assignedStaffUserId: webcareId }).where(eq(submissions.id, item.id));
      }
      // Due in 2 office hours, in 3 working days, and an hour ago.
      await dueAt(soon, addOfficeMinutes(DEFAULT_CALENDAR, FRIDAY, 120));
      await dueAt(later, addWorkingDays(DEFAULT_CALENDAR, FRIDAY, 3));
      await dueAt(late, new Date(FRIDAY.getTime() - 3_600_000));
      // A mirrored post assigned to the same person, due in an office hour.
      const post = await mirror('clocklate');
      await t.db.update(socialPosts).set({ assignedStaffUserId: webcareId }).where(eq(socialPosts.id, post.id));
      await dueAt(post, addOfficeMinutes(DEFAULT_CALENDAR, FRIDAY, 60));
      const found = (await nearlyLateItems(t.db, organisationId, FRIDAY)).map((i) => i.id);
      assert.ok(found.includes(soon.id));
      assert.ok(found.includes(post.id), 'mirrored posts are assigned and fall late too');
      assert.ok(found.indexOf(post.id) < found.indexOf(soon.id), 'soonest due first, across sources');
      assert.ok(!found.includes(later.id) && !found.includes(late.id));
      assert.ok((await notifyNearlyLate(t.db, FRIDAY)) >= 2);
      const told = await t.db.select().from(staffNotifications).where(eq(staffNotifications.staffUserId, webcareId));
      assert.deepEqual(
        told
          .filter((n) => n.kind === 'item_nearly_late')
          .map((n) => n.params.itemId)
          .sort(),
        [post.id, soon.id].sort(),
      );

      // The plan reads the (response_due_at, id) index rather than every submission.
      const plan = await t.db.transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        const result = await tx.execute(
          sql`explain select id from submissions where response_due_at > ${FRIDAY.toISOString()}::timestamptz and response_due_at <= ${new Date(FRIDAY.getTime() + DAY).toISOString()}::timestamptz`,
        );
        const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<
          Record<string, string>
        >;
        return rows.map((r) => Object.values(r)[0]).join('\n');
      });
      assert.match(plan, /submissions_due_id/);
    });
  });
}
