import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import {
  auditLog,
  organisations,
  socialAuthors,
  socialPosts,
  socialThreads,
  staffReplies,
  submissionContacts,
} from '../../api/db/schema.ts';
import { currentContentVersion } from '../../api/services/content-revision.ts';
import { erasePersonalData, exportPersonalData, findPersonalData } from '../../api/services/personal-data.ts';
import { privacyCommand } from '../../api/services/privacy-cli.ts';
import { importMastodonThread } from '../../api/services/social/mastodon.ts';
import { pseudonymKey, readPublicThread } from '../../api/services/social/public-mirror.ts';
import { importThread, readThread } from '../../api/services/social/threads.ts';
import { mastodonThread } from '../fixtures/social/payloads.ts';
import { NOW, openTestApp, postJson, validAnswers, type TestApp } from '../support/app.ts';
import { databaseTargets } from '../support/databases.ts';

const operator = { type: 'system' as const, reference: 'AVG-2026-017' };

for (const target of databaseTargets()) {
  describe(`privacy requests handled by staff (${target.name})`, () => {
    let t: TestApp;
    let threadId: string;
    before(async () => {
      t = await openTestApp(target);
      for (const email of ['Anna@Example.nl', 'anna@example.nl', 'someone.else@example.nl']) {
        await postJson(t.app, '/api/consultations/fietsroute-stationsstraat/submissions', {
          answers: validAnswers,
          email,
          consent: true,
        });
      }
      const [org] = await t.db.select({ id: organisations.id }).from(organisations);
      ({ threadId } = await importThread(t.db, {
        organisationId: org!.id,
        thread: importMastodonThread(mastodonThread(), { ownAccounts: ['gemeente@social.gemeente.example'] }),
        now: NOW,
      }));
    });
    after(() => t.close());

    const pseudonymsIn = async (id: string) =>
      (await t.db.select({ p: socialThreads.pseudonyms }).from(socialThreads).where(eq(socialThreads.id, id)))[0]?.p;

    it('finds input by e-mail address whatever its case, and accounts by handle', async () => {
      const byEmail = await findPersonalData(t.db, { email: ' ANNA@example.NL ' }, operator);
      assert.equal(byEmail.submissions.length, 2);
      const byHandle = await findPersonalData(t.db, { handle: '@bert@andere.example' }, operator);
      assert.equal(byHandle.socialAuthors.length, 1);
      assert.ok(byHandle.socialAuthors[0]!.posts >= 1);
    });

    it('refuses a query too short to name one person', async () => {
      await assert.rejects(findPersonalData(t.db, { email: 'a' }, operator), RangeError);
      await assert.rejects(findPersonalData(t.db, { handle: ' @ ' }, operator), RangeError);
    });

    it('logs every search with the case reference and without the address', async () => {
      const entries = await t.db.select().from(auditLog).where(eq(auditLog.action, 'personal_data.searched'));
      assert.ok(entries.length >= 2);
      for (const entry of entries) {
        assert.equal(entry.details.reference, 'AVG-2026-017');
        assert.doesNotMatch(JSON.stringify(entry), /anna@|bert@/i);
      }
    });

    it('exports input and posts of the person in one document', async () => {
      const byEmail = await exportPersonalData(t.db, { email: 'anna@example.nl' }, { now: NOW, actor: operator });
      assert.equal(byEmail.submissions.length, 2);
      assert.ok(byEmail.submissions.every((s) => s.contact?.email?.toLowerCase() === 'anna@example.nl'));
      const byHandle = await exportPersonalData(t.db, { handle: 'bert@andere.example' }, { now: NOW, actor: operator });
      assert.equal(byHandle.socialAccounts.length, 1);
      assert.ok(byHandle.socialAccounts[0]!.posts.length >= 1);
      assert.ok(byHandle.socialAccounts[0]!.posts.every((p) => p.text.length > 0));
    });

    it('exports the municipality’s answers to the person’s posts with the posts', async () => {
      const bert = (await findPersonalData(t.db, { handle: 'bert@andere.example' }, operator)).socialAuthors[0]!;
      const [post] = await t.db.select().from(socialPosts).where(eq(socialPosts.authorId, bert.id)).limit(1);
      await t.db.insert(staffReplies).values({
        socialPostId: post!.id,
        language: 'nl',
        body: 'Dank u, Bert. We zetten er een bank neer.',
        createdAt: NOW,
        publishedAt: NOW,
      });
      const data = await exportPersonalData(t.db, { handle: 'bert@andere.example' }, { now: NOW, actor: operator });
      const exported = data.socialAccounts[0]!.posts.find((p) => p.text === post!.contentText);
      assert.deepEqual(exported?.replies, [
        {
          language: 'nl',
          body: 'Dank u, Bert. We zetten er een bank neer.',
          createdAt: NOW.toISOString(),
          publishedAt: NOW.toISOString(),
        },
      ]);
      const others = data.socialAccounts[0]!.posts.filter((p) => p !== exported);
      assert.ok(others.every((p) => p.replies.length === 0));
    });

    it('erases the input of an e-mail address and leaves other people’s alone', async () => {
      const report = await erasePersonalData(t.db, { email: 'anna@example.nl' }, { now: NOW, actor: operator });
      assert.equal(report.submissions, 2);
      const left = await t.db.select().from(submissionContacts);
      assert.ok(!left.some((c) => c.email?.toLowerCase() === 'anna@example.nl'));
      assert.ok(left.some((c) => c.email === 'someone.else@example.nl'));
      const again = await erasePersonalData(t.db, { email: 'anna@example.nl' }, { now: NOW, actor: operator });
      assert.equal(again.submissions, 0, 'contact details are gone, so nothing is found any more');
    });

    it('erases an account’s posts from the mirror and has the portal rebuilt', async () => {
      const [bert] = await t.db.select().from(socialAuthors).where(eq(socialAuthors.handle, 'bert@andere.example'));
      const postsBefore = await t.db.select().from(socialPosts).where(eq(socialPosts.authorId, bert!.id));
      const version = await currentContentVersion(t.db);
      // Bert's posts are published, so he has a letter in the thread's mirror before the erasure.
      await t.db
        .update(socialPosts)
        .set({ publishedAt: NOW, reviewState: 'published' })
        .where(eq(socialPosts.authorId, bert!.id));
      await readPublicThread(t.db, threadId);
      const bertKey = pseudonymKey(threadId, 'bert@andere.example');
      const lettersBefore = (await pseudonymsIn(threadId)) ?? {};
      assert.ok(lettersBefore[bertKey], 'Bert has a pseudonym before');
      const report = await erasePersonalData(t.db, { handle: 'bert@andere.example' }, { now: NOW, actor: operator });
      assert.equal(report.socialAuthors, 1);
      const lettersAfter = (await pseudonymsIn(threadId)) ?? {};
      assert.equal(lettersAfter[bertKey], undefined, 'the hash of his handle is gone');
      assert.deepEqual(
        Object.values(lettersAfter).sort(),
        Object.values(lettersBefore).sort(),
        'his letter stays taken, nobody else moves',
      );
      assert.equal(report.socialPosts, postsBefore.length);
      assert.ok((await currentContentVersion(t.db)) > version);
      for (const post of postsBefore) {
        const [after] = await t.db.select().from(socialPosts).where(eq(socialPosts.id, post.id));
        assert.equal(after!.contentText, '');
        assert.equal(after!.raw, null);
        assert.equal(after!.url, null);
      }
      const thread = await readThread(t.db, threadId);
      assert.doesNotMatch(JSON.stringify(thread), /bert/i);
      const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'social_author.erased'));
      assert.equal(entry!.details.reference, 'AVG-2026-017');
      assert.doesNotMatch(JSON.stringify(entry), /bert/i);
    });

    it('offers the same through the command line, and insists on --yes before erasing', async () => {
      const out: string[] = [];
      const err: string[] = [];
      const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s), now: () => NOW };
      assert.equal(await privacyCommand(t.db, ['search', '--email', 'someone.else@example.nl'], io), 0);
      assert.equal(JSON.parse(out.pop()!).submissions.length, 1);
      assert.equal(await privacyCommand(t.db, ['erase', '--email', 'someone.else@example.nl'], io), 2);
      assert.match(err.pop()!, /--yes/);
      assert.equal(await privacyCommand(t.db, ['search'], io), 2);
      assert.equal(await privacyCommand(t.db, ['search', '--email', 'x@y.nl', '--handle', 'x'], io), 2);
      assert.equal(await privacyCommand(t.db, ['export', '--handle', 'x'], io), 2);
      assert.match(err.pop()!, /at least 3/);
      assert.equal(await privacyCommand(t.db, ['erase', '--email', 'someone.else@example.nl', '--yes'], io), 0);
      assert.equal(JSON.parse(out.pop()!).submissions, 1);
      assert.equal(await privacyCommand(t.db, ['purge'], io), 0);
      assert.ok(JSON.parse(out.pop()!).organisations.length >= 1);
    });
  });
}
