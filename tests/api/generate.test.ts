/**
 * The data generator for measurements (api/services/generate.ts): how many rows it makes and
 * of what shape, and that the open-data figures counted by the database over its data are
 * the figures the item-by-item definition gives, and the ones worked out by hand.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, like, sql } from 'drizzle-orm';
import { organisations, socialPosts, staffReplies, submissionAnswers, submissions } from '../../api/db/schema.ts';
import { rowsOf } from '../../api/db/rows.ts';
import { generateItems, type GenerateReport } from '../../api/services/generate.ts';
import { listThreads } from '../../api/services/social/threads.ts';
import { loadItems } from '../../api/services/insights/items.ts';
import {
  countsOf,
  openDataConsultations,
  openDataCounts,
  publishCounts,
  type OpenDataCounts,
} from '../../api/services/insights/open-data.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { databaseTargets } from '../support/databases.ts';

const ITEMS = 400;

for (const target of databaseTargets()) {
  describe(`generated data for measurements (${target.name})`, () => {
    let t: TestApp;
    let report: GenerateReport;
    let prefix: string;
    before(async () => {
      t = await openTestApp(target);
      report = await generateItems(t.db, { items: ITEMS, consultations: 4 });
      prefix = `GEN${report.run}-%`;
    });
    after(() => t.close());

    it('makes the number of items, answers, replies and posts asked for', async () => {
      // Replies: every answered item (30 of 200) and every 4th published one (30 of 200).
      assert.deepEqual(
        { items: report.submissions, answers: report.answers, replies: report.replies, posts: report.socialPosts },
        { items: 400, answers: 1200, replies: 120, posts: 8 },
      );
      const [stored] = await t.db
        .select({ n: sql<number>`count(*)::int` })
        .from(submissions)
        .where(like(submissions.followUpCode, prefix));
      assert.equal(stored!.n, 400);
      const answers = await t.db
        .select({ n: sql<number>`count(*)::int` })
        .from(submissionAnswers)
        .innerJoin(submissions, eq(submissions.id, submissionAnswers.submissionId))
        .where(like(submissions.followUpCode, prefix));
      assert.equal(answers[0]!.n, 1200);
    });

    it('writes the audit log that using Podium would have: each arrival, each decision, each answer', async () => {
      const rows = rowsOf<{ action: string; actor: string; n: number }>(
        await t.db.execute(sql`select a.action, a.actor_type::text as actor, count(*)::int as n
          from audit_log a join submissions s on s.id::text = a.subject_id and a.subject_type = 'submission'
          where s.follow_up_code like ${prefix}
          group by 1, 2 order by 1`),
      );
      // Per 200 items: 189 decided (needs an answer 9, published 120, answered 30, rejected 30),
      // 60 answered (as the replies above).
      assert.deepEqual(
        rows.map(({ action, actor, n }) => ({ action, actor, n })),
        [
          { action: 'submission.answered', actor: 'staff', n: 120 },
          { action: 'submission.decision', actor: 'staff', n: 378 },
          { action: 'submission.received', actor: 'resident', n: 400 },
        ],
      );
    });

    it('names a switched-off account of its own as the moderator of the decisions and answers', async () => {
      const [row] = rowsOf<{ entries: number; actors: number; disabled: number; roles: number }>(
        await t.db.execute(sql`select count(*)::int as entries, count(distinct a.actor_id)::int as actors,
            count(*) filter (where u.disabled_at is not null and u.password_hash is null)::int as disabled,
            (select count(*) from staff_roles r where r.staff_user_id = min(a.actor_id::text)::uuid)::int as roles
          from audit_log a join submissions s on s.id::text = a.subject_id
          left join staff_users u on u.id = a.actor_id
          where s.follow_up_code like ${prefix} and a.actor_type = 'staff'`),
      );
      assert.deepEqual({ ...row }, { entries: 498, actors: 1, disabled: 498, roles: 0 });
    });

    it('leaves the tables as autovacuum would: analysed, and their pages marked all-visible for index-only scans', async () => {
      const [row] = rowsOf<{ visible: number; tuples: number }>(
        await t.db.execute(sql`select c.relallvisible::int as visible, c.reltuples::float8 as tuples
          from pg_class c where c.relname = 'submissions' and c.relkind = 'r'`),
      );
      assert.ok(row!.tuples >= ITEMS, `planner statistics hold ${row!.tuples} rows`);
      assert.ok(row!.visible > 0, 'the visibility map is set');
    });

    it('mixes review states, channels and sentiment as documented', async () => {
      const rows = await t.db
        .select({
          state: submissions.reviewState,
          channel: submissions.channel,
          label: sql<string | null>`${submissions.sentiment}->>'label'`,
        })
        .from(submissions)
        .where(like(submissions.followUpCode, prefix));
      const tally = (values: Array<string | null>) =>
        Object.fromEntries([...new Set(values)].sort().map((v) => [String(v), values.filter((x) => x === v).length]));
      assert.deepEqual(tally(rows.map((r) => r.state)), {
        answered: 60,
        escalated: 2,
        in_review: 4,
        needs_answer: 18,
        new: 16,
        published: 240,
        rejected: 60,
      });
      assert.deepEqual(tally(rows.map((r) => r.channel)), { portal: 240, social: 40, widget: 120 });
      // No label on every 10th; of the rest, positive where g is a multiple of 3: 133 - 13.
      const labels = tally(rows.map((r) => r.label));
      assert.equal(labels.null, 40);
      assert.equal(labels.positive, 120);
      assert.equal(labels.positive! + labels.neutral! + labels.negative!, 360);
    });

    it('gives every answered item a published reply and resident posts in mirrored threads', async () => {
      const replies = await t.db
        .select({ state: submissions.reviewState, n: sql<number>`count(*)::int` })
        .from(staffReplies)
        .innerJoin(submissions, eq(submissions.id, staffReplies.submissionId))
        .where(like(submissions.followUpCode, prefix))
        .groupBy(submissions.reviewState);
      assert.deepEqual(Object.fromEntries(replies.map((r) => [r.state, r.n])), { answered: 60, published: 60 });
      const posts = await t.db
        .select({
          n: sql<number>`count(*)::int`,
          published: sql<number>`count(*) filter (where ${socialPosts.publishedAt} is not null)::int`,
          waiting: sql<number>`count(*) filter (where ${socialPosts.reviewState} = 'new' and ${socialPosts.publishedAt} is null)::int`,
          authors: sql<number>`count(distinct ${socialPosts.authorId})::int`,
        })
        .from(socialPosts)
        .where(like(socialPosts.externalId, `gen-${report.run}-p%`));
      // Post 5 waits for a decision; the other seven are on their thread's public page. Each is
      // by a resident of its own (the 300 take turns).
      assert.deepEqual({ ...posts[0] }, { n: 8, published: 7, waiting: 1, authors: 8 });
      const shown = (await listThreads(t.db)).reduce((sum, thread) => sum + thread.postCount, 0);
      assert.ok(shown >= 7, `${shown} posts shown in the mirrored threads`);
    });

    it("keeps each item's first published reply time as the reply trigger would, without rewriting the items", async () => {
      // An item the reply trigger had to update carries the transaction id of its reply's insert.
      const [row] = rowsOf<{ answered: number; differing: number; rewritten: number }>(
        await t.db.execute(sql`select count(s.first_published_reply_at)::int as answered,
            count(*) filter (where s.first_published_reply_at is distinct from
              (select min(r.published_at) from staff_replies r where r.submission_id = s.id and r.published_at is not null))::int as differing,
            count(*) filter (where exists (select 1 from staff_replies r where r.submission_id = s.id and r.xmin = s.xmin))::int as rewritten
          from submissions s where s.follow_up_code like ${prefix}::text`),
      );
      assert.deepEqual(row, { answered: 120, differing: 0, rewritten: 0 });
    });

    it('counts open data in the database exactly as the item-by-item definition does', async () => {
      const [org] = await t.db.select({ id: organisations.id }).from(organisations);
      const items = await loadItems(t.db, org!.id, { from: '1970-01-01', to: '9999-12-31' });
      const figures = await openDataConsultations(t.db);
      assert.ok(figures.length >= 6, 'the demo consultations and the generated ones');
      for (const consultation of figures) {
        const expected = publishCounts(countsOf(items.filter((i) => i.consultation?.slug === consultation.slug)));
        assert.deepEqual(
          {
            contributions: consultation.contributions,
            perChannel: consultation.perChannel,
            sentiment: consultation.sentiment,
            answeredShare: consultation.answeredShare,
            medianAnswerDays: consultation.medianAnswerDays,
          },
          expected,
          consultation.slug,
        );
      }
      const [one] = await openDataConsultations(t.db, report.consultations[1]);
      assert.equal(one?.slug, report.consultations[1]);
    });

    it('gives the counts worked out by hand for the generated consultations', async () => {
      const all = (await openDataCounts(t.db)).filter((c) => report.consultations.includes(c.slug));
      const sum = (key: keyof OpenDataCounts) => all.reduce((total, c) => total + (c.counts[key] ?? 0), 0);
      // 400 submissions and 8 resident posts (one per 50 items).
      assert.equal(sum('total'), 408);
      assert.equal(sum('portal'), 240);
      assert.equal(sum('widget'), 120);
      assert.equal(sum('social'), 48);
      // Posts 1…8 carry a label, positive for 3 and 6.
      assert.equal(sum('positive'), 122);
      assert.equal(sum('unknown'), 40);
      // Consultation 2 (k = 1) holds g = 1, 5, 9, … and posts 1 and 5 (threads 1 and 5).
      // Answered: g % 200 in [140, 170), so g = 141, 145, …, 169 and 341, …, 369 (8 each),
      // replied after g % 20 days: twice 1, 5, 9, 13, 17, 1, 5, 9; the median of the sorted
      // 1 1 1 1 5 5 5 5 | 9 9 9 9 13 13 17 17 is (5 + 9) / 2 = 7.
      // Needing an answer: those 16 and needs_answer, g % 200 in [11, 20): 13, 17, 213, 217.
      // Published items get replies only where g % 4 = 0, never here (g is odd).
      const second = all.find((c) => c.slug === report.consultations[1])!.counts;
      assert.deepEqual(
        { total: second.total, needing: second.needing, answered: second.answered, median: second.medianDays },
        { total: 102, needing: 20, answered: 16, median: 7 },
      );
      const [published] = await openDataConsultations(t.db, report.consultations[1]);
      assert.equal(published!.answeredShare, 0.8);
      assert.equal(published!.medianAnswerDays, 7);
    });

    it('makes mirrored threads trees: conversations of replies under the first post', async () => {
      const more = await generateItems(t.db, { items: 2_000, consultations: 2 });
      const posts = rowsOf<{
        thread: string;
        position: number;
        depth: number;
        parent: string | null;
        external: string;
      }>(
        await t.db.execute(sql`select thread_id::text as thread, position, depth, parent_external_id as parent,
            external_id as external from social_posts where external_id like ${`gen-${more.run}-p%`} order by thread_id, position`),
      );
      assert.equal(posts.length, 40);
      const byExternal = new Map(posts.map((post) => [post.external, post]));
      let replies = 0;
      for (const post of posts) {
        if (post.parent === null) {
          assert.equal(post.depth, 0, `${post.external} is a first post`);
          continue;
        }
        replies += 1;
        const parent = byExternal.get(post.parent);
        assert.ok(parent, `${post.external} answers a post of the run`);
        assert.equal(parent.thread, post.thread, `${post.external} answers a post of its own thread`);
        assert.ok(parent.position < post.position, `${post.external} comes after the post it answers`);
        assert.equal(post.depth, parent.depth + 1, `${post.external} is nested one deeper`);
      }
      assert.ok(replies >= 25, `${replies} replies`);
      assert.ok(Math.max(...posts.map((post) => post.depth)) >= 3, 'replies to replies');
    });
  });
}
