/**
 * Answering a mirrored Mastodon post on the platform, as the municipality's connected
 * account, against the local Mastodon instance: the account registry (token checked,
 * sealed, never shown, revocable), the posting job written with the answer, posted once as
 * a reply with in_reply_to_id, mirrored back into the thread, audited; and the platform's
 * errors (401, 422 too long, 429 with rate-limit headers) as staff-facing reasons.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog, organisations, socialAccounts, socialPostings, socialPosts } from '../../../api/db/schema.ts';
import { answerItem, type Actor } from '../../../api/services/moderation/index.ts';
import { connectMastodonAccount, listAccounts, revokeAccount } from '../../../api/services/social/accounts.ts';
import { postDueAnswers } from '../../../api/services/social/posting.ts';
import { importThreadFrom } from '../../../api/services/social/thread-admin.ts';
import { syncThread } from '../../../api/services/social/threads.ts';
import { NOW, openTestApp, type TestApp } from '../../support/app.ts';
import { databaseTargets } from '../../support/databases.ts';
import { seedMastodonThread, startPlatformServer, type PlatformServer } from '../../support/platform-server.ts';
import { addStaffUser, logIn } from '../../support/staff.ts';
import { opaquePostId } from '../../../api/services/social/public-mirror.ts';

const TOKEN = 'tok-gemeente-0123456789';
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

for (const target of databaseTargets()) {
  describe(`answering on Mastodon as the municipality (${target.name})`, () => {
    let t: TestApp;
    let platform: PlatformServer;
    let organisationId: string;
    let actor: Actor;
    const key = randomBytes(32);
    const settings = () => ({ secretKey: key, allowPrivateHosts: true });

    before(async () => {
      t = await openTestApp(target);
      platform = await startPlatformServer();
      platform.tokens.set(TOKEN, 'gemeente');
      organisationId = (await t.db.select({ id: organisations.id }).from(organisations))[0]!.id;
      const adminId = await addStaffUser(t, 'beheer@demodam.example', 'administrator');
      actor = { id: adminId, organisationId, roles: [{ role: 'administrator', departmentId: null }] };
    });
    after(async () => {
      await platform.close();
      await t.close();
    });

    const connect = (token = TOKEN, secretKey: Buffer | null = key) =>
      connectMastodonAccount(
        t.db,
        { organisationId, staffUserId: actor.id, instance: platform.origin, token, now: NOW },
        { secretKey: secretKey ?? undefined, allowPrivateHosts: true },
      );

    /** A live thread on the local instance with the resident's reply published; returns that reply. */
    async function mirrored(rootId: string) {
      seedMastodonThread(platform, rootId);
      const outcome = await importThreadFrom(t.db, {
        organisationId,
        url: platform.mastodonUrl(rootId),
        accounts: { ownAccounts: ['gemeente'] },
        publish: true,
        settings: { allowPrivateHosts: true },
        now: NOW,
      });
      assert.equal(outcome.kind, 'imported');
      const threadId = (outcome as { threadId: string }).threadId;
      const [reply] = await t.db
        .select()
        .from(socialPosts)
        .where(and(eq(socialPosts.threadId, threadId), eq(socialPosts.externalId, `${rootId}1`)));
      return { threadId, reply: reply! };
    }
    const answer = (itemId: string, body: string) =>
      answerItem(t.db, { itemId, body, language: 'nl', actor, now: NOW });
    const staffPage = async (path: string) => {
      const { cookie } = await logIn(t, 'beheer@demodam.example');
      return (await t.app.request(path, { headers: { Cookie: cookie } })).text();
    };
    const postingOf = async (postId: string) =>
      (await t.db.select().from(socialPostings).where(eq(socialPostings.socialPostId, postId)))[0];

    it('refuses to connect an account without PODIUM_SECRET_KEY, and with a token the instance rejects', async () => {
      assert.deepEqual(await connect(TOKEN, null), { kind: 'no_secret_key' });
      assert.deepEqual(await connect('not-a-token'), { kind: 'token_rejected' });
      assert.deepEqual(await listAccounts(t.db, organisationId), []);
      // Nothing was sent to the instance without a key: the token had nowhere safe to go.
      assert.equal(platform.requests.filter((p) => p.endsWith('verify_credentials')).length, 1);
    });

    it('answers a post where the thread is without a connected account, posting nothing', async () => {
      const { reply } = await mirrored('60');
      assert.equal((await answer(reply.id, 'Dank u.')).kind, 'answered');
      assert.equal(await postingOf(reply.id), undefined);
    });

    it('stores the token sealed, shows only the handle, and never writes the token to the audit log', async () => {
      const outcome = await connect();
      assert.equal(outcome.kind, 'connected');
      const account = (outcome as { account: { handle: string; id: string } }).account;
      assert.equal(account.handle, `@gemeente@${new URL(platform.origin).host}`);
      assert.doesNotMatch(JSON.stringify(account), new RegExp(TOKEN));
      const [row] = await t.db.select().from(socialAccounts).where(eq(socialAccounts.id, account.id));
      assert.match(row!.tokenSealed!, /^v1\./);
      assert.ok(!row!.tokenSealed!.includes(TOKEN));
      const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'social_account.connected'));
      assert.equal(audit.length, 1);
      assert.doesNotMatch(JSON.stringify(audit), new RegExp(TOKEN));
    });

    it('posts the answer once as a reply in the thread, audits it, and mirrors the posted status back', async () => {
      const { threadId, reply } = await mirrored('70');
      assert.equal((await answer(reply.id, 'Dank u, we kijken naar het park.')).kind, 'answered');
      assert.equal((await postingOf(reply.id))!.state, 'pending');

      // Two posters at once (two processes): the answer is claimed and posted by one.
      const passes = await Promise.all([
        postDueAnswers(t.db, settings(), { now: () => NOW }),
        postDueAnswers(t.db, settings(), { now: () => NOW }),
      ]);
      assert.equal(passes[0].posted + passes[1].posted, 1);
      const sent = platform.posted.filter((p) => p.body.in_reply_to_id === '701');
      assert.equal(sent.length, 1);
      assert.equal(sent[0]!.token, TOKEN);
      assert.match(String(sent[0]!.body.status), /Dank u, we kijken naar het park\./);
      assert.equal(sent[0]!.body.language, 'nl');
      // The resident is mentioned, so Mastodon tells them of the answer.
      assert.match(String(sent[0]!.body.status), /^@anna\b/);
      const posting = (await postingOf(reply.id))!;
      assert.equal(posting.state, 'sent');
      assert.match(posting.url!, /\/@gemeente\/\d+$/);
      const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'social_post.posted'));
      assert.equal(audit.at(-1)!.subjectId, reply.id);
      assert.equal((audit.at(-1)!.details as { url: string }).url, posting.url);
      assert.doesNotMatch(JSON.stringify(audit), new RegExp(TOKEN));

      // A second pass posts nothing again.
      assert.deepEqual(await postDueAnswers(t.db, settings(), { now: () => later(1) }), {
        posted: 0,
        retried: 0,
        failed: 0,
      });

      // The poster re-read the thread: the posted status is in the mirror, in place of the staff reply.
      const thread = await (await t.app.request(`/api/threads/${threadId}`)).json();
      const mirroredPost = thread.posts.find((p: { id: string }) => p.id === posting.externalId);
      assert.ok(mirroredPost, 'the posted status is in the mirror');
      assert.equal(mirroredPost.author.isOwnAccount, true);
      assert.match(JSON.stringify(mirroredPost), /naar het park/);
      // The resident's post, under the opaque id the mirror gives residents' posts.
      const answered = thread.posts.find((p: { id: string }) => p.id === opaquePostId(threadId, '701'));
      assert.equal(answered.answers, undefined);
      // A later re-read by the scheduler (no directory) keeps it as it is.
      assert.equal((await syncThread(t.db, threadId, { now: later(2), allowPrivateHosts: true })).kind, 'synced');
      const again = await (await t.app.request(`/api/threads/${threadId}`)).json();
      assert.ok(again.posts.some((p: { id: string }) => p.id === posting.externalId));

      // Staff see where the answer went, on the answer page and on the item in the inbox.
      const handle = `@gemeente@${new URL(platform.origin).host}`;
      const answerPage = await staffPage(`/beheer/items/${reply.id}/antwoord`);
      assert.match(answerPage, new RegExp(`Podium plaatst het antwoord als ${handle} in het gesprek op Mastodon`));
      assert.match(answerPage, new RegExp(`Geplaatst in het gesprek als ${handle}:`));
      assert.ok(answerPage.includes(`href="${posting.url}"`));
      assert.match(
        await staffPage(`/en/manage/items/${reply.id}`),
        new RegExp(`Posted in the conversation as ${handle}:`),
      );
    });

    it('gives a text over 500 characters up as too long, with the reason audited, and posts nothing', async () => {
      const { reply } = await mirrored('71');
      const before = platform.posted.length;
      await answer(reply.id, 'Lang antwoord. '.repeat(40));
      const pass = await postDueAnswers(t.db, settings(), { now: () => NOW });
      assert.equal(pass.failed, 1);
      const posting = (await postingOf(reply.id))!;
      assert.deepEqual([posting.state, posting.lastError], ['failed', 'too_long']);
      assert.equal(platform.posted.length, before);
      const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'social_post.post_failed'));
      assert.equal((audit.at(-1)!.details as { reason: string }).reason, 'too_long');
      assert.match(
        await staffPage(`/beheer/items/${reply.id}`),
        /Niet geplaatst als @gemeente@\S+: het antwoord is te lang/,
      );
    });

    it('waits for the rate limit to reset on a 429, then posts', async () => {
      const { reply } = await mirrored('72');
      await answer(reply.id, 'Dank u voor uw reactie.');
      platform.trouble({ kind: 'rate_limited', retryAfterSeconds: 600, style: 'mastodon' });
      const first = await postDueAnswers(t.db, settings(), { now: () => NOW });
      assert.equal(first.retried, 1);
      const waiting = (await postingOf(reply.id))!;
      assert.equal(waiting.state, 'pending');
      assert.equal(waiting.lastError, 'rate_limited');
      // The reset header is real time: the next attempt is not before it.
      assert.ok(waiting.nextAttemptAt.getTime() > Date.now() + 500_000);
      const retried = await postDueAnswers(t.db, settings(), { now: () => new Date(Date.now() + 601_000) });
      assert.equal(retried.posted, 1);
      assert.equal((await postingOf(reply.id))!.state, 'sent');
    });

    it('stops at a token the instance no longer accepts (401), and at a revoked account', async () => {
      const { reply } = await mirrored('73');
      await answer(reply.id, 'Dank u.');
      platform.tokens.delete(TOKEN);
      await postDueAnswers(t.db, settings(), { now: () => NOW });
      assert.deepEqual(
        [(await postingOf(reply.id))!.state, (await postingOf(reply.id))!.lastError],
        ['failed', 'token_rejected'],
      );
      platform.tokens.set(TOKEN, 'gemeente');

      const second = await mirrored('74');
      await answer(second.reply.id, 'Dank u.');
      const [account] = await listAccounts(t.db, organisationId);
      assert.equal(
        await revokeAccount(t.db, { organisationId, staffUserId: actor.id, accountId: account!.id, now: NOW }),
        true,
      );
      const [row] = await t.db.select().from(socialAccounts).where(eq(socialAccounts.id, account!.id));
      assert.equal(row!.tokenSealed, null);
      await postDueAnswers(t.db, settings(), { now: () => NOW });
      assert.equal((await postingOf(second.reply.id))!.lastError, 'account_revoked');
      // After revoking, a new answer is not queued for the platform at all.
      const third = await mirrored('75');
      await answer(third.reply.id, 'Dank u.');
      assert.equal(await postingOf(third.reply.id), undefined);
    });
  });
}
