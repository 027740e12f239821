/**
 * Answering a mirrored Bluesky post on the platform, as the municipality's connected account
 * (app password), against the local Bluesky PDS and AppView: the answer is a reply record with
 * root and parent strong references (uri + cid) and link facets from `@atproto/api`, posted
 * once, audited, mirrored back into the thread with the clock stopped; an answer over 300
 * graphemes is refused on the form with the limit (counted as Bluesky counts, so 300 emoji
 * with a skin tone fit); a 429 waits for `RateLimit-Reset`; an expired session logs in again;
 * a revoked app password is final and shown to staff.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog, organisations, socialPostings, socialPosts } from '../../../api/db/schema.ts';
import { answerItem, type Actor } from '../../../api/services/moderation/index.ts';
import { saveItem } from '../../../api/services/moderation/save-item.ts';
import { connectBlueskyAccount } from '../../../api/services/social/accounts.ts';
import { blueskyReplyTo, postDueAnswers } from '../../../api/services/social/posting.ts';
import { importThreadFrom } from '../../../api/services/social/thread-admin.ts';
import { NOW, openTestApp, type TestApp } from '../../support/app.ts';
import { databaseTargets } from '../../support/databases.ts';
import {
  BSKY_DID,
  BSKY_HANDLE,
  bskyUri,
  seedBlueskyThread,
  startPlatformServer,
  type PlatformServer,
} from '../../support/platform-server.ts';
import { addStaffUser, logIn, staffPost } from '../../support/staff.ts';
import { opaquePostId } from '../../../api/services/social/public-mirror.ts';

const APP_PASSWORD = 'gmnt-2026-bsky-pass';
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

describe('the reply references of a mirrored Bluesky post', () => {
  it('take the post as parent and its record’s root, or the post itself when it opened the thread', () => {
    const root = { uri: 'at://did:plc:a/app.bsky.feed.post/1', cid: 'c1' };
    assert.deepEqual(
      blueskyReplyTo('at://did:plc:b/app.bsky.feed.post/2', { cid: 'c2', record: { reply: { root } } }),
      {
        root,
        parent: { uri: 'at://did:plc:b/app.bsky.feed.post/2', cid: 'c2' },
      },
    );
    assert.deepEqual(blueskyReplyTo(root.uri, { cid: 'c1', record: {} }), { root, parent: root });
    assert.equal(blueskyReplyTo(root.uri, { record: {} }), undefined);
    assert.equal(blueskyReplyTo('https://bsky.app/x', { cid: 'c' }), undefined);
  });
});

for (const target of databaseTargets()) {
  describe(`answering on Bluesky as the municipality (${target.name})`, () => {
    let t: TestApp;
    let platform: PlatformServer;
    let organisationId: string;
    let actor: Actor;
    const key = randomBytes(32);
    const settings = () => ({ secretKey: key, allowPrivateHosts: true, blueskyAppView: platform.origin });

    before(async () => {
      t = await openTestApp(target);
      platform = await startPlatformServer();
      platform.appPasswords.set(BSKY_HANDLE, APP_PASSWORD);
      platform.appPasswords.set(BSKY_DID, APP_PASSWORD);
      organisationId = (await t.db.select({ id: organisations.id }).from(organisations))[0]!.id;
      const adminId = await addStaffUser(t, 'beheer@demodam.example', 'administrator');
      actor = { id: adminId, organisationId, roles: [{ role: 'administrator', departmentId: null }] };
    });
    after(async () => {
      await platform.close();
      await t.close();
    });

    /** A live thread on the local AppView, the resident's reply published; returns that reply. */
    async function mirrored(rkey: string) {
      seedBlueskyThread(platform, rkey);
      const outcome = await importThreadFrom(t.db, {
        organisationId,
        url: `https://bsky.app/profile/${BSKY_HANDLE}/post/${rkey}`,
        accounts: { ownAccounts: [BSKY_HANDLE] },
        publish: true,
        settings: { allowPrivateHosts: true, blueskyAppView: platform.origin },
        now: NOW,
      });
      assert.equal(outcome.kind, 'imported');
      const threadId = (outcome as { threadId: string }).threadId;
      const [reply] = await t.db
        .select()
        .from(socialPosts)
        .where(
          and(eq(socialPosts.threadId, threadId), eq(socialPosts.externalId, bskyUri(`${rkey}a`, 'did:plc:anna'))),
        );
      return { threadId, reply: reply! };
    }
    const answer = (itemId: string, body: string) =>
      answerItem(t.db, { itemId, body, language: 'nl', actor, now: NOW });
    const postingOf = async (postId: string) =>
      (await t.db.select().from(socialPostings).where(eq(socialPostings.socialPostId, postId)))[0];
    const staffPage = async (path: string, init: RequestInit = {}) => {
      const { cookie } = await logIn(t, 'beheer@demodam.example');
      return t.app.request(path, { ...init, headers: { ...(init.headers as object), Cookie: cookie } });
    };

    it('answers without posting while no Bluesky account is connected', async () => {
      const { reply } = await mirrored('b60');
      assert.equal((await answer(reply.id, 'Dank u.')).kind, 'answered');
      assert.equal(await postingOf(reply.id), undefined);
    });

    it('connects the account with its app password', async () => {
      const outcome = await connectBlueskyAccount(
        t.db,
        {
          organisationId,
          staffUserId: actor.id,
          pds: platform.origin,
          identifier: BSKY_HANDLE,
          appPassword: APP_PASSWORD,
          now: NOW,
        },
        settings(),
      );
      assert.equal(outcome.kind, 'connected');
    });

    it('posts the answer once as a reply with root and parent references and facets, audits it, and mirrors it back', async () => {
      const { threadId, reply } = await mirrored('b70');
      const text = 'Dank u! De route staat op https://demodam.example/fietsroute — één kaart 🚲.';
      assert.equal((await answer(reply.id, text)).kind, 'answered');
      // The answer stopped the response clock, as every answer does.
      const [answered] = await t.db.select().from(socialPosts).where(eq(socialPosts.id, reply.id));
      assert.equal(answered!.reviewState, 'answered');
      assert.deepEqual(answered!.firstResponseAt, NOW);
      assert.equal((await postingOf(reply.id))!.state, 'pending');

      const passes = await Promise.all([
        postDueAnswers(t.db, settings(), { now: () => NOW }),
        postDueAnswers(t.db, settings(), { now: () => NOW }),
      ]);
      assert.equal(passes[0].posted + passes[1].posted, 1);
      const records = platform.bskyRecords.filter(
        (r) => (r.record.reply as { parent?: { uri: string } } | undefined)?.parent?.uri === reply.externalId,
      );
      assert.equal(records.length, 1);
      const record = records[0]!.record as {
        text: string;
        langs: string[];
        reply: { root: { uri: string; cid: string }; parent: { uri: string; cid: string } };
        facets: Array<{
          index: { byteStart: number; byteEnd: number };
          features: Array<{ $type: string; uri: string }>;
        }>;
      };
      assert.equal(records[0]!.handle, BSKY_HANDLE);
      assert.equal(record.text, text);
      assert.deepEqual(record.langs, ['nl']);
      // The parent is the resident's post with its CID; the root is the thread's first post.
      assert.deepEqual(record.reply.parent, { uri: reply.externalId, cid: 'cid-b70a' });
      assert.equal(record.reply.root.uri, bskyUri('b70'));
      assert.ok(record.reply.root.cid);
      // No handle written in: Bluesky notifies the parent's author of a reply.
      assert.doesNotMatch(record.text, /@/);
      // The link is a facet, by UTF-8 byte offsets.
      const link = record.facets.find((f) => f.features[0]!.$type === 'app.bsky.richtext.facet#link')!;
      const bytes = new TextEncoder().encode(text);
      assert.equal(
        new TextDecoder().decode(bytes.slice(link.index.byteStart, link.index.byteEnd)),
        'https://demodam.example/fietsroute',
      );

      const posting = (await postingOf(reply.id))!;
      assert.equal(posting.state, 'sent');
      assert.equal(posting.externalId, records[0]!.uri);
      // Created under the record key Podium chose and stored before sending: a TID.
      assert.match(posting.blueskyRkey!, /^[234567a-j][234567a-z]{12}$/);
      assert.equal(posting.externalId, bskyUri(posting.blueskyRkey!));
      assert.equal(posting.url, `https://bsky.app/profile/${BSKY_HANDLE}/post/${posting.blueskyRkey}`);
      const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'social_post.posted'));
      assert.equal(audit.at(-1)!.subjectId, reply.id);
      assert.equal((audit.at(-1)!.details as { status: string }).status, posting.externalId);
      assert.doesNotMatch(JSON.stringify(audit), new RegExp(APP_PASSWORD));

      assert.deepEqual(await postDueAnswers(t.db, settings(), { now: () => later(1) }), {
        posted: 0,
        retried: 0,
        failed: 0,
      });

      // The poster re-read the thread: the posted reply is in the mirror as the municipality's own post.
      const thread = await (await t.app.request(`/api/threads/${threadId}`)).json();
      const mirroredPost = thread.posts.find((p: { id: string }) => p.id === posting.externalId);
      assert.ok(mirroredPost, 'the posted reply is in the mirror');
      assert.equal(mirroredPost.author.isOwnAccount, true);
      // Its parent is the resident's post, under the opaque id the mirror gives it (a Bluesky id names its author).
      assert.equal(mirroredPost.parentId, opaquePostId(threadId, reply.externalId!));
      const page = await (await staffPage(`/beheer/items/${reply.id}/antwoord`)).text();
      assert.match(page, new RegExp(`Podium plaatst het antwoord als @${BSKY_HANDLE.replace(/\./g, '\\.')}`));
      assert.match(page, new RegExp(`Geplaatst in het gesprek als @${BSKY_HANDLE.replace(/\./g, '\\.')}:`));
      assert.match(page, /Bluesky neemt hoogstens 300 tekens/);
    });

    it('refuses an answer over 300 graphemes with the limit, counting as Bluesky counts', async () => {
      const { reply } = await mirrored('b71');
      const tooLong = 'Dank u voor uw vraag. '.repeat(14).trim();
      assert.deepEqual(await answer(reply.id, tooLong), {
        kind: 'too_long_for_platform',
        platform: 'bluesky',
        max: 300,
        count: [...new Intl.Segmenter('nl', { granularity: 'grapheme' }).segment(tooLong)].length,
      });
      assert.equal(await postingOf(reply.id), undefined);

      // On the answer page: a clear error, and what was typed is kept.
      const [post] = await t.db.select().from(socialPosts).where(eq(socialPosts.id, reply.id));
      const { cookie, csrf } = await logIn(t, 'beheer@demodam.example');
      const response = await staffPost(
        t,
        `/beheer/items/${reply.id}/antwoord`,
        [
          ['csrf', csrf],
          ['body', tooLong],
          ['language', 'nl'],
          ['version', String(post!.version)],
          ['action', 'publish'],
        ],
        cookie,
      );
      assert.equal(response.status, 422);
      const html = await response.text();
      assert.match(html, /Het antwoord wordt ook op Bluesky geplaatst, dat hoogstens 300 tekens toestaat/);
      assert.ok(html.includes(tooLong.slice(0, 60)), 'the text typed is kept');

      // The inbox's one form refuses it the same way, with nothing saved.
      const saved = await saveItem(t.db, {
        itemId: reply.id,
        actor,
        now: NOW,
        expectedVersion: post!.version,
        answer: { body: tooLong, language: 'nl' },
      });
      assert.equal(saved.kind, 'answer_too_long_for_platform');

      // 300 thumbs with a skin tone are 600 UTF-16 units but 300 graphemes: they fit.
      const thumbs = '👍🏽'.repeat(300);
      assert.equal((await answer(reply.id, thumbs)).kind, 'answered');
      await postDueAnswers(t.db, settings(), { now: () => NOW });
      assert.equal((await postingOf(reply.id))!.state, 'sent');
    });

    it('waits for the reset time of a 429, then posts', async () => {
      const { reply } = await mirrored('b72');
      await answer(reply.id, 'Dank u voor uw reactie.');
      platform.trouble({ kind: 'rate_limited', retryAfterSeconds: 600, style: 'bluesky' });
      const first = await postDueAnswers(t.db, settings(), { now: () => NOW });
      assert.equal(first.retried, 1);
      const waiting = (await postingOf(reply.id))!;
      assert.deepEqual([waiting.state, waiting.lastError], ['pending', 'rate_limited']);
      assert.ok(waiting.nextAttemptAt.getTime() > Date.now() + 500_000, 'not before RateLimit-Reset');
      assert.equal((await postDueAnswers(t.db, settings(), { now: () => new Date(Date.now() + 601_000) })).posted, 1);
      assert.equal((await postingOf(reply.id))!.state, 'sent');
    });

    const createCalls = () => platform.requests.filter((p) => p === '/xrpc/com.atproto.repo.createRecord').length;
    const lookups = () => platform.requests.filter((p) => p === '/xrpc/com.atproto.repo.getRecord').length;

    it('records a post whose response was lost once, found under the record key chosen before', async () => {
      const { reply } = await mirrored('b75');
      const text = 'Dank u, de lantaarnpaal wordt deze week gemaakt.';
      await answer(reply.id, text);
      // The PDS creates the record, but the answer never reaches Podium.
      platform.trouble({ kind: 'lost_response' }, 1, { path: '/xrpc/com.atproto.repo.createRecord' });
      const [creates, looked] = [createCalls(), lookups()];
      const pass = await postDueAnswers(t.db, settings(), { now: () => NOW });
      assert.equal(pass.posted, 1);
      assert.equal(createCalls(), creates + 1, 'sent once');
      assert.equal(lookups(), looked + 1, 'then looked up under its key');
      const made = platform.bskyRecords.filter((r) => r.record.text === text);
      assert.equal(made.length, 1, 'exactly one post');
      const posting = (await postingOf(reply.id))!;
      assert.equal(posting.state, 'sent');
      assert.equal(posting.externalId, made[0]!.uri);
      assert.equal(made[0]!.uri, bskyUri(posting.blueskyRkey!));
    });

    it('retries a post that reached the platform before Podium lost track of it, and ends with exactly one post', async () => {
      const { reply } = await mirrored('b76');
      const text = 'Dank u, de stoep wordt volgende week hersteld.';
      await answer(reply.id, text);
      // Posted at the PDS, but neither the answer nor the look-up comes back: as if Podium timed out or crashed.
      platform.trouble({ kind: 'lost_response' }, 1, { path: '/xrpc/com.atproto.repo.createRecord' });
      platform.trouble({ kind: 'lost_response' }, 1, { path: '/xrpc/com.atproto.repo.getRecord' });
      const first = await postDueAnswers(t.db, settings(), { now: () => NOW });
      assert.equal(first.retried, 1);
      const waiting = (await postingOf(reply.id))!;
      assert.deepEqual([waiting.state, waiting.lastError, waiting.externalId], ['pending', 'unavailable', null]);
      assert.ok(waiting.blueskyRkey, 'the record key was stored before sending');
      const made = platform.bskyRecords.filter((r) => r.record.text === text);
      assert.equal(made.length, 1, 'the platform has the post');
      assert.equal(made[0]!.uri, bskyUri(waiting.blueskyRkey!));

      const creates = createCalls();
      const second = await postDueAnswers(t.db, settings(), { now: () => waiting.nextAttemptAt });
      assert.equal(second.posted, 1);
      // The retry sent the same key, which the PDS refused, and found the post under it.
      assert.equal(createCalls(), creates + 1);
      assert.equal(platform.bskyRecords.filter((r) => r.record.text === text).length, 1, 'exactly one post');
      const posting = (await postingOf(reply.id))!;
      assert.equal(posting.state, 'sent');
      assert.equal(posting.blueskyRkey, waiting.blueskyRkey);
      assert.equal(posting.externalId, made[0]!.uri);
      const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'social_post.posted'));
      assert.equal((audit.at(-1)!.details as { status: string }).status, made[0]!.uri);
    });

    it('the local PDS refuses a second record under a key in use and a key that is no TID, as the PDS does', async () => {
      const login = await fetch(`${platform.origin}/xrpc/com.atproto.server.createSession`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ identifier: BSKY_HANDLE, password: APP_PASSWORD }),
      });
      const { accessJwt } = (await login.json()) as { accessJwt: string };
      const create = (rkey: string) =>
        fetch(`${platform.origin}/xrpc/com.atproto.repo.createRecord`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessJwt}` },
          body: JSON.stringify({
            repo: BSKY_DID,
            collection: 'app.bsky.feed.post',
            rkey,
            record: { $type: 'app.bsky.feed.post', text: 'Test', createdAt: NOW.toISOString() },
          }),
        });
      assert.equal((await create('3lbqdxr2jxk2a')).status, 200);
      const again = await create('3lbqdxr2jxk2a');
      assert.equal(again.status, 500);
      assert.equal(((await again.json()) as { error: string }).error, 'InternalServerError');
      assert.equal((await create('not-a-tid')).status, 400);
      const found = await fetch(
        `${platform.origin}/xrpc/com.atproto.repo.getRecord?repo=${BSKY_DID}&collection=app.bsky.feed.post&rkey=3lbqdxr2jxk2a`,
      );
      assert.equal(((await found.json()) as { uri: string }).uri, bskyUri('3lbqdxr2jxk2a'));
      const missing = await fetch(
        `${platform.origin}/xrpc/com.atproto.repo.getRecord?repo=${BSKY_DID}&collection=app.bsky.feed.post&rkey=3lbqdxr2jxk2b`,
      );
      assert.equal(missing.status, 400);
      assert.equal(((await missing.json()) as { error: string }).error, 'RecordNotFound');
    });

    it('logs in again when the session expired, and stops at a revoked app password, shown to staff', async () => {
      const { reply } = await mirrored('b73');
      await answer(reply.id, 'Dank u.');
      platform.expireBlueskySessions({ refreshToo: true });
      const logins = platform.sessions.filter((s) => s === 'created').length;
      assert.equal((await postDueAnswers(t.db, settings(), { now: () => NOW })).posted, 1);
      assert.equal(platform.sessions.filter((s) => s === 'created').length, logins + 1);

      const second = await mirrored('b74');
      await answer(second.reply.id, 'Dank u.');
      platform.appPasswords.clear();
      const pass = await postDueAnswers(t.db, settings(), { now: () => NOW });
      assert.equal(pass.failed, 1);
      const posting = (await postingOf(second.reply.id))!;
      assert.deepEqual([posting.state, posting.lastError], ['failed', 'token_rejected']);
      const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'social_post.post_failed'));
      assert.equal((audit.at(-1)!.details as { reason: string }).reason, 'token_rejected');
      assert.match(
        await (await staffPage(`/en/manage/items/${second.reply.id}`)).text(),
        /Not posted as @gemeente\.bsky\.social: the server no longer accepts the account&#39;s token or app password/,
      );
      platform.appPasswords.set(BSKY_HANDLE, APP_PASSWORD);
      platform.appPasswords.set(BSKY_DID, APP_PASSWORD);
    });
  });
}
