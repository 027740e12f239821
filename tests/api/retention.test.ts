import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, count, eq, isNotNull } from 'drizzle-orm';
import {
  auditLog,
  jobLeases,
  organisations,
  proofOfWorkSolutions,
  socialAuthors,
  socialPosts,
  socialThreads,
  staffSessions,
  staffUsers,
  submissionAnswers,
  submissionContacts,
  submissions,
} from '../../api/db/schema.ts';
import { currentContentVersion } from '../../api/services/content-revision.ts';
import {
  DEFAULT_RETENTION_DAYS,
  purgeExpired,
  retentionPeriods,
  runRetentionIfDue,
  setRetentionPeriod,
  startRetentionLoop,
} from '../../api/services/retention.ts';
import { importMastodonThread } from '../../api/services/social/mastodon.ts';
import { importThread } from '../../api/services/social/threads.ts';
import { mastodonThread } from '../fixtures/social/payloads.ts';
import { NOW, openTestApp, postJson, validAnswers, type TestApp } from '../support/app.ts';
import { databaseTargets } from '../support/databases.ts';

const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY);

for (const target of databaseTargets()) {
  describe(`retention purge (${target.name})`, () => {
    let t: TestApp;
    let organisationId: string;
    let submissionId: string;
    let threadId: string;
    before(async () => {
      t = await openTestApp(target);
      organisationId = (await t.db.select({ id: organisations.id }).from(organisations))[0]!.id;
      const response = await postJson(t.app, '/api/consultations/fietsroute-stationsstraat/submissions', {
        answers: validAnswers,
        name: 'Anna de Vries',
        email: 'anna@example.nl',
        consent: true,
      });
      const { code } = await response.json();
      submissionId = (await t.db.select().from(submissions).where(eq(submissions.followUpCode, code)))[0]!.id;
      ({ threadId } = await importThread(t.db, {
        organisationId,
        thread: importMastodonThread(mastodonThread(), { ownAccounts: ['gemeente@social.gemeente.example'] }),
        sourceUrl: 'https://social.gemeente.example/@gemeente/100',
        live: true,
        now: NOW,
      }));
      const [staff] = await t.db
        .insert(staffUsers)
        .values({ organisationId, email: 'moderator@demodam.example', displayName: 'Moderator' })
        .returning();
      await t.db.insert(staffSessions).values([
        { id: 'expired-long-ago', staffUserId: staff!.id, csrfToken: 'csrf-1', expiresAt: at(-40) },
        { id: 'still-valid', staffUserId: staff!.id, csrfToken: 'csrf-2', expiresAt: at(1) },
      ]);
    });
    after(() => t.close());

    const purgeEntries = async () =>
      (
        await t.db
          .select({ n: count() })
          .from(auditLog)
          .where(and(eq(auditLog.action, 'retention.purged'), eq(auditLog.organisationId, organisationId)))
      )[0]!.n;

    it('uses the documented defaults when an organisation set nothing', async () => {
      assert.deepEqual(await retentionPeriods(t.db, organisationId), DEFAULT_RETENTION_DAYS);
    });

    it('removes nothing that is still within its period', async () => {
      const report = await purgeExpired(t.db, NOW);
      const mine = report.organisations.find((o) => o.organisationId === organisationId)!;
      assert.equal(mine.counts.contactDetails, 0);
      assert.equal(mine.counts.socialPosts, 0);
      assert.equal(mine.counts.staffSessions, 1, 'only the session that expired 40 days ago');
      const contacts = await t.db
        .select()
        .from(submissionContacts)
        .where(eq(submissionContacts.submissionId, submissionId));
      assert.equal(contacts.length, 1);
    });

    it('removes expired personal data once the periods have passed, and logs the counts', async () => {
      const before = await currentContentVersion(t.db);
      const entriesBefore = await purgeEntries();
      const report = await purgeExpired(t.db, at(500));
      const counts = report.organisations.find((o) => o.organisationId === organisationId)!.counts;
      assert.ok(counts.contactDetails >= 1);
      assert.ok(counts.inputTexts >= 1);
      assert.ok(counts.socialPosts >= 1);
      assert.ok(counts.socialAuthors >= 1);

      assert.equal(
        (await t.db.select().from(submissionContacts).where(eq(submissionContacts.submissionId, submissionId))).length,
        0,
      );
      const answers = await t.db
        .select()
        .from(submissionAnswers)
        .where(eq(submissionAnswers.submissionId, submissionId));
      assert.ok(answers.length > 0, 'choices stay for the statistics');
      assert.ok(
        answers.every((a) => typeof a.value !== 'string' || a.value === 'parklaan'),
        'the free text is gone',
      );
      const [purged] = await t.db.select().from(submissions).where(eq(submissions.id, submissionId));
      assert.equal(purged!.reviewState, 'erased', 'nothing is left to review: it leaves the open queue');
      assert.notEqual(purged!.status, 'erased', 'its choices still count');

      const posts = await t.db.select().from(socialPosts).where(eq(socialPosts.threadId, threadId));
      const authors = await t.db.select().from(socialAuthors);
      const official = new Set(authors.filter((a) => a.isOfficial).map((a) => a.id));
      for (const post of posts) {
        if (post.authorId && official.has(post.authorId)) continue;
        assert.equal(post.authorId, null);
        assert.equal(post.raw, null);
        assert.equal(post.url, null);
      }
      assert.ok(
        authors.every((a) => a.isOfficial),
        'residents’ accounts are gone, the municipality’s stays',
      );
      const [thread] = await t.db.select().from(socialThreads).where(eq(socialThreads.id, threadId));
      assert.equal(thread!.nextSyncAt, null, 'a re-sync would bring the authors back');

      assert.equal(await purgeEntries(), entriesBefore + 1);
      const [entry] = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'retention.purged'), eq(auditLog.at, at(500))));
      assert.equal(entry!.actorType, 'system');
      assert.deepEqual(entry!.details.counts, counts);
      assert.ok((await currentContentVersion(t.db)) > before, 'the portal is rebuilt without the authors');
    });

    it('is idempotent: a second run changes and logs nothing', async () => {
      const entriesBefore = await purgeEntries();
      const report = await purgeExpired(t.db, at(500));
      const counts = report.organisations.find((o) => o.organisationId === organisationId)!.counts;
      assert.deepEqual(Object.values(counts), [0, 0, 0, 0, 0, 0]);
      assert.equal(await purgeEntries(), entriesBefore);
    });

    it('forgets used proof-of-work solutions once their challenge expired, and only those', async () => {
      const now = at(600);
      await t.db.insert(proofOfWorkSolutions).values([
        { challenge: 'spent-and-expired', expiresAt: new Date(now.getTime() - 1000) },
        { challenge: 'spent-still-valid', expiresAt: new Date(now.getTime() + 60_000) },
      ]);
      await purgeExpired(t.db, now);
      const left = await t.db.select({ challenge: proofOfWorkSolutions.challenge }).from(proofOfWorkSolutions);
      assert.deepEqual(
        left.map((r) => r.challenge).filter((c) => c.startsWith('spent-')),
        ['spent-still-valid'],
      );
    });

    it('keeps published input as public record', async () => {
      const published = await t.db.select({ n: count() }).from(submissions).where(isNotNull(submissions.publishedAt));
      assert.ok(published[0]!.n > 0);
      const response = await t.app.request('/api/consultations/parkeren-centrum');
      assert.equal(response.status, 200);
    });

    it('follows an organisation’s own period, and refuses a period under one day', async () => {
      await setRetentionPeriod(t.db, { organisationId, kind: 'audit_log', days: 1 });
      assert.equal((await retentionPeriods(t.db, organisationId)).audit_log, 1);
      await assert.rejects(setRetentionPeriod(t.db, { organisationId, kind: 'audit_log', days: 0 }), RangeError);
      const report = await purgeExpired(t.db, at(600));
      assert.ok(report.organisations.find((o) => o.organisationId === organisationId)!.counts.auditEntries > 0);
      const left = await t.db.select().from(auditLog).where(eq(auditLog.organisationId, organisationId));
      assert.ok(left.every((e) => e.at.getTime() >= at(599).getTime()));
      await setRetentionPeriod(t.db, { organisationId, kind: 'audit_log', days: DEFAULT_RETENTION_DAYS.audit_log });
    });

    it('runs once per interval however many processes ask at once', async () => {
      const start = at(700);
      const runs = await Promise.all(
        Array.from({ length: 4 }, () => runRetentionIfDue(t.db, { now: start, everyMs: 3_600_000 })),
      );
      assert.equal(runs.filter(Boolean).length, 1);
      assert.equal(
        await runRetentionIfDue(t.db, { now: new Date(start.getTime() + 1_800_000), everyMs: 3_600_000 }),
        undefined,
      );
      assert.ok(await runRetentionIfDue(t.db, { now: new Date(start.getTime() + 3_600_000), everyMs: 3_600_000 }));
    });

    it('is started by a loop that every process may run', async () => {
      const messages: string[] = [];
      const clock = () => at(800);
      const stop = startRetentionLoop(t.db, { everyMs: 20, clock, log: (m) => messages.push(m) });
      await new Promise((resolve) => setTimeout(resolve, 200));
      await stop();
      const [lease] = await t.db.select().from(jobLeases);
      assert.equal(lease!.lastRunAt?.getTime(), at(800).getTime());
      assert.ok(
        messages.every((m) => !m.includes('failed')),
        messages.join('\n'),
      );
    });
  });
}
