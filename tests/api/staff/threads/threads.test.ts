import type { ImportSettings } from '../../../../api/services/social/thread-admin.ts';
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import {
  auditLog,
  sentimentCorrections,
  socialAuthors,
  socialPosts,
  socialThreads,
} from '../../../../api/db/schema.ts';
import { syncThread } from '../../../../api/services/social/threads.ts';
import { opaquePostId } from '../../../../api/services/social/public-mirror.ts';
import { mastodonAccount, mastodonThread } from '../../../fixtures/social/payloads.ts';
import { openTestApp, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import {
  BSKY_HANDLE,
  seedBlueskyThread,
  seedMastodonThread,
  startPlatformServer,
  type PlatformServer,
} from '../../../support/platform-server.ts';
import { addStaffUser, logIn, saveItemForm } from '../../../support/staff.ts';

type Who = { cookie: string; csrf: string };

for (const target of databaseTargets()) {
  describe(`staff thread API against a local Mastodon and Bluesky (${target.name})`, () => {
    let t: TestApp;
    let platform: PlatformServer;
    let moderator: Who;
    let analyst: Who;
    // The operator's settings (PODIUM_IMPORT_ALLOW_PRIVATE, PODIUM_BLUESKY_APPVIEW), read per request.
    const settings: ImportSettings = { allowPrivateHosts: false };
    before(async () => {
      t = await openTestApp(target, { threadImports: () => settings });
      platform = await startPlatformServer();
      await addStaffUser(t, 'moderator@demodam.example', 'moderator');
      await addStaffUser(t, 'analyst@demodam.example', 'analyst');
      moderator = await logIn(t, 'moderator@demodam.example');
      analyst = await logIn(t, 'analyst@demodam.example');
    });
    beforeEach(() => {
      // The local platform server listens on 127.0.0.1: the operator allows it for these tests.
      settings.allowPrivateHosts = true;
      settings.blueskyAppView = platform.origin;
    });
    after(async () => {
      await platform.close();
      await t.close();
    });

    function call(method: string, path: string, body?: unknown, who: Who | null = moderator, csrf = true) {
      // Browsers send Origin with every unsafe request; the staff routes check it.
      const headers: Record<string, string> = { 'Accept-Language': 'nl', Origin: 'http://localhost' };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      if (who) headers.Cookie = who.cookie;
      if (who && csrf) headers['X-CSRF-Token'] = who.csrf;
      return t.app.request(path, {
        method,
        headers,
        ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      });
    }

    async function importUrl(url: string) {
      // The municipality's account on the local instance, by its account id.
      const response = await call('POST', '/api/staff/threads', { url, ownAccounts: ['acc-gemeente'] });
      assert.equal(response.status, 201, await response.clone().text());
      return (await response.json()) as { id: string; platform: string; stats: { added: number } };
    }

    const publicThread = async (id: string) => (await t.app.request(`/api/threads/${id}`)).json();

    it('imports a Mastodon thread live from its post address, holding the residents for moderation', async () => {
      seedMastodonThread(platform, '500');
      const body = await importUrl(platform.mastodonUrl('5001'));
      assert.equal(body.platform, 'mastodon');
      assert.equal(body.stats.added, 3);
      assert.ok(platform.requests.includes('/api/v1/statuses/500/context'), 'the whole thread is read from its root');
      const thread = await publicThread(body.id);
      assert.deepEqual(
        thread.posts.map((p: { id: string }) => p.id),
        ['500'],
      );
      const audit = await t.db.select().from(auditLog).where(eq(auditLog.subjectId, body.id));
      assert.deepEqual(
        audit.map((a) => [a.action, a.actorType]),
        [['social_thread.imported', 'staff']],
      );
    });

    it('imports a Bluesky thread live through the AppView, with facets after "één" and an emoji', async () => {
      seedBlueskyThread(platform, '3bsky');
      const body = await importUrl(`https://bsky.app/profile/${BSKY_HANDLE}/post/3bsky`);
      assert.equal(body.platform, 'bluesky');
      assert.equal(body.stats.added, 2);
      assert.ok(platform.requests.includes('/xrpc/com.atproto.identity.resolveHandle'));
    });

    it('imports a thread from JSON, detecting the platform from its shape', async () => {
      const payload = mastodonThread();
      (payload.status as { id: string }).id = '9100';
      const response = await call('POST', '/api/staff/threads', { payload, consultation: 'fietsroute-stationsstraat' });
      assert.equal(response.status, 201);
      const body = await response.json();
      assert.equal(body.platform, 'mastodon');
      const [row] = await t.db.select().from(socialThreads).where(eq(socialThreads.id, body.id));
      assert.equal(row?.nextSyncAt, null, 'a JSON import has nothing to poll');
      assert.ok(row?.consultationId);
    });

    it('imports a Mastodon status and its context sent as the two files the platform gives, and refuses a context alone', async () => {
      const { status, context } = mastodonThread();
      (status as { id: string }).id = '9150';
      for (const d of context.descendants as Array<{ in_reply_to_id: string }>) {
        if (d.in_reply_to_id === '100') d.in_reply_to_id = '9150';
      }
      const response = await call('POST', '/api/staff/threads', { files: [context, status] });
      assert.equal(response.status, 201);
      const body = await response.json();
      assert.deepEqual([body.platform, body.stats.added], ['mastodon', 3]);
      const alone = await call('POST', '/api/staff/threads', { files: [context] });
      assert.equal(alone.status, 422);
      assert.match((await alone.json()).type, /thread-payload-invalid/);
      const both = await call('POST', '/api/staff/threads', { files: [status, context], payload: status });
      assert.equal(both.status, 422);
      assert.match((await both.json()).type, /validation-failed/);
    });

    it('re-syncs a thread on demand, applying edits and deletions at the source', async () => {
      seedMastodonThread(platform, '600');
      const { id } = await importUrl(platform.mastodonUrl('600'));
      const edited = platform.statuses.get('6001')!;
      edited.content = '<p>Langs het park, met verlichting.</p>';
      edited.edited_at = '2026-11-27T09:00:00.000Z';
      platform.statuses.delete('6002');
      const response = await call('POST', `/api/staff/threads/${id}/sync`, {});
      assert.equal(response.status, 200);
      const body = await response.json();
      assert.deepEqual(body.stats, { added: 0, updated: 1, edited: 1, withheld: 0, deleted: 1 });
      const rows = await t.db.select().from(socialPosts).where(eq(socialPosts.threadId, id));
      const reply = rows.find((r) => r.externalId === '6001')!;
      assert.equal(reply.contentText, 'Langs het park, met verlichting.');
      assert.equal(reply.editedAt?.toISOString(), '2026-11-27T09:00:00.000Z');
      assert.ok(rows.find((r) => r.externalId === '6002')?.deletedAt);
      const root = (await publicThread(id)).posts[0];
      assert.equal(
        root.author.isOwnAccount,
        true,
        'a re-read without the account list keeps the municipality as itself',
      );
    });

    it('withdraws a mirror whose root the platform no longer knows (404)', async () => {
      seedMastodonThread(platform, '700');
      const { id } = await importUrl(platform.mastodonUrl('700'));
      platform.trouble({ kind: 'not_found' });
      const response = await call('POST', `/api/staff/threads/${id}/sync`, {});
      assert.deepEqual([response.status, (await response.json()).kind], [200, 'removed']);
      assert.equal((await t.app.request(`/api/threads/${id}`)).status, 404);
    });

    it('answers 503 with Retry-After when the platform rate-limits, and the sync waits for its reset', async () => {
      seedMastodonThread(platform, '800');
      platform.trouble({ kind: 'rate_limited', retryAfterSeconds: 3600, style: 'mastodon' });
      const refused = await call('POST', '/api/staff/threads', { url: platform.mastodonUrl('800') });
      assert.equal(refused.status, 503);
      assert.ok(Number(refused.headers.get('Retry-After')) > 3000);
      assert.equal((await refused.json()).title, 'Het platform vraagt ons even te wachten. Probeer het later opnieuw.');

      const { id } = await importUrl(platform.mastodonUrl('800'));
      platform.trouble({ kind: 'rate_limited', retryAfterSeconds: 1800, style: 'bluesky' });
      const now = new Date();
      const result = await syncThread(t.db, id, { now, allowPrivateHosts: true, maxWaitMs: 1000 });
      assert.equal(result.kind, 'rate_limited');
      const [row] = await t.db.select().from(socialThreads).where(eq(socialThreads.id, id));
      assert.ok(row!.nextSyncAt!.getTime() >= now.getTime() + 1700_000, 'the next read waits for the reset');
    });

    it('waits for a slow answer, and records a failure when it is too slow', async () => {
      seedMastodonThread(platform, '900');
      platform.trouble({ kind: 'slow', ms: 300 });
      const { id } = await importUrl(platform.mastodonUrl('900'));
      platform.trouble({ kind: 'slow', ms: 2000 }, 2);
      const result = await syncThread(t.db, id, {
        now: new Date(),
        allowPrivateHosts: true,
        timeoutMs: 100,
        maxRetries: 1,
        sleep: async () => {},
      });
      assert.equal(result.kind, 'failed');
      const [row] = await t.db.select().from(socialThreads).where(eq(socialThreads.id, id));
      assert.equal(row?.syncFailures, 1);
    });

    it('refuses loopback and private addresses unless the operator allows them', async () => {
      settings.allowPrivateHosts = false;
      seedMastodonThread(platform, '950');
      for (const url of [
        platform.mastodonUrl('950'),
        'https://127.0.0.1/@gemeente/1',
        'https://[::1]/@gemeente/1',
        'https://[::ffff:10.0.0.1]/@gemeente/1',
        'https://10.1.2.3/@gemeente/1',
        'https://169.254.169.254/@gemeente/1',
        'https://localhost/@gemeente/1',
      ]) {
        const response = await call('POST', '/api/staff/threads', { url });
        assert.equal(response.status, 422, url);
        assert.match((await response.json()).type, /thread-source-forbidden/, url);
      }
      assert.equal(
        platform.requests.filter((p) => p.includes('/950')).length,
        0,
        'nothing was sent to the refused address',
      );
    });

    it('explains bad input: both or neither of url and payload, a non-post address, unknown JSON, broken JSON', async () => {
      const cases: Array<[unknown, number, RegExp]> = [
        [{}, 422, /validation-failed/],
        [{ url: 'https://a.example/@x/1', payload: {} }, 422, /validation-failed/],
        [{ url: 'https://www.gemeente.example/nieuws' }, 422, /thread-not-post-url/],
        [{ url: 'https://social.example/@gemeente%E0%A4%A/113456789012345678' }, 422, /thread-not-post-url/],
        [{ url: 'https://www.facebook.com/gemeente/posts/1' }, 422, /thread-needs-json/],
        [{ payload: { hello: 'world' } }, 422, /thread-unknown-platform/],
        [{ payload: { hello: 'world' }, platform: 'mastodon' }, 422, /thread-payload-invalid/],
        [{ payload: mastodonThread(), consultation: 'bestaat-niet' }, 422, /unknown-consultation/],
        ['{not json', 422, /validation-failed/],
        [{ url: 'https://a.example/@x/1', extra: true }, 422, /validation-failed/],
      ];
      for (const [body, status, type] of cases) {
        const response = await call('POST', '/api/staff/threads', body);
        assert.equal(response.status, status, JSON.stringify(body));
        const problem = await response.json();
        assert.match(problem.type, type, JSON.stringify(body));
        assert.equal(response.headers.get('Content-Language'), 'nl');
      }
    });

    it('publishes at once, on request, the replies that screening did not flag, and holds the flagged ones', async () => {
      seedMastodonThread(platform, '1300');
      platform.statuses.get('13002')!.content = '<p>Bel me op 06-12345678.</p>';
      const response = await call('POST', '/api/staff/threads', {
        url: platform.mastodonUrl('1300'),
        ownAccounts: ['acc-gemeente'],
        publish: true,
      });
      assert.equal(response.status, 201);
      const body = await response.json();
      assert.deepEqual(body.replies, { published: 1, waiting: 1 });
      assert.deepEqual(
        (await publicThread(body.id)).posts.map((p: { id: string }) => p.id),
        ['1300', opaquePostId(body.id, '13001')],
      );
      const decisions = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'social_post.decision'), eq(auditLog.actorType, 'staff')));
      assert.ok(decisions.some((d) => d.details.via === 'import'));
    });

    it('lists the organisation’s threads with what waits for moderation', async () => {
      seedMastodonThread(platform, '1000');
      const { id } = await importUrl(platform.mastodonUrl('1000'));
      const response = await call('GET', '/api/staff/threads');
      assert.equal(response.status, 200);
      const list = await response.json();
      const mine = list.find((entry: { id: string }) => entry.id === id);
      assert.deepEqual(mine.posts, { published: 1, waiting: 2, total: 3 });
      assert.equal(mine.live, true);
    });

    it('removes a thread with its posts, sentiment corrections, unreferenced authors and queue items', async () => {
      seedMastodonThread(platform, '1100');
      // Only this thread has Dirk; Anna also wrote in the threads imported before.
      platform.statuses.get('11002')!.account = { ...mastodonAccount('dirk'), url: `${platform.origin}/@dirk` };
      const { id } = await importUrl(platform.mastodonUrl('1100'));
      const posts = await t.db.select().from(socialPosts).where(eq(socialPosts.threadId, id));
      const reply = posts.find((p) => p.externalId === '11001')!;
      const label = reply.sentiment?.label === 'positive' ? 'negative' : 'positive';
      const correction = await saveItemForm(t, moderator, reply.id, [['sentiment', label]]);
      assert.equal(correction.status, 303);
      assert.equal(
        (await t.db.select().from(sentimentCorrections).where(eq(sentimentCorrections.subjectId, reply.id))).length,
        1,
        'a correction to remove',
      );

      const response = await call('DELETE', `/api/staff/threads/${id}`);
      assert.equal(response.status, 200);
      assert.deepEqual((await response.json()).deleted.posts, 3);
      assert.equal((await t.db.select().from(socialPosts).where(eq(socialPosts.threadId, id))).length, 0);
      assert.equal(
        (await t.db.select().from(sentimentCorrections).where(eq(sentimentCorrections.subjectId, reply.id))).length,
        0,
      );
      const left = (await t.db.select().from(socialAuthors)).map((a) => a.externalId);
      assert.equal(left.includes('acc-dirk'), false, 'an author no other post refers to is removed');
      assert.equal(left.includes('acc-anna'), true, 'an author of other threads stays');
      const queue = await (await t.app.request('/beheer/', { headers: { Cookie: moderator.cookie } })).text();
      assert.doesNotMatch(queue, new RegExp(reply.id));
      const audit = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.subjectId, id), eq(auditLog.action, 'social_thread.deleted')));
      assert.equal(audit.length, 1);
      assert.equal((await call('DELETE', `/api/staff/threads/${id}`)).status, 404);
    });

    it('stores a staff description apart from the platform’s and serves it marked', async () => {
      const payload = mastodonThread();
      (payload.status as { id: string }).id = '9200';
      for (const d of payload.context.descendants as Array<{ in_reply_to_id: string }>) {
        if (d.in_reply_to_id === '100') d.in_reply_to_id = '9200';
      }
      const { id } = await (await call('POST', '/api/staff/threads', { payload })).json();
      await t.db
        .update(socialPosts)
        .set({ reviewState: 'published', publishedAt: new Date() })
        .where(eq(socialPosts.threadId, id));
      const response = await call('PUT', `/api/staff/threads/${id}/media-descriptions`, {
        postId: '101',
        mediaIndex: 0,
        text: 'Het viaduct bij avond, zonder verlichting.',
        lang: 'nl',
      });
      assert.equal(response.status, 200);
      // A resident's post has an opaque public id (public-mirror.ts).
      const media = (await publicThread(id)).posts.find((p: { id: string }) => p.id === opaquePostId(id, '101')).media;
      assert.equal(media[0].alt, null, "the platform's (missing) description is kept as it was");
      assert.deepEqual(media[0].staffAlt, { text: 'Het viaduct bij avond, zonder verlichting.', lang: 'nl' });
      const missing = await call('PUT', `/api/staff/threads/${id}/media-descriptions`, {
        postId: '101',
        mediaIndex: 5,
        text: 'x',
        lang: 'nl',
      });
      assert.equal(missing.status, 404);
      const bad = await call('PUT', `/api/staff/threads/${id}/media-descriptions`, { postId: '101', mediaIndex: -1 });
      assert.equal(bad.status, 422);
    });

    it('refuses anonymous callers, roles without the permission, and unsafe requests without the CSRF header', async () => {
      const [thread] = await t.db.select({ id: socialThreads.id }).from(socialThreads).limit(1);
      const routes: Array<[string, string, unknown]> = [
        ['GET', '/api/staff/threads', undefined],
        ['POST', '/api/staff/threads', { url: 'https://social.example/@a/1' }],
        ['POST', `/api/staff/threads/${thread!.id}/sync`, {}],
        ['DELETE', `/api/staff/threads/${thread!.id}`, undefined],
        [
          'PUT',
          `/api/staff/threads/${thread!.id}/media-descriptions`,
          { postId: '1', mediaIndex: 0, text: 'x', lang: 'nl' },
        ],
      ];
      for (const [method, path, body] of routes) {
        assert.equal((await call(method, path, body, null)).status, 401, `${method} ${path} anonymous`);
        assert.equal((await call(method, path, body, analyst)).status, 403, `${method} ${path} analyst`);
        if (method !== 'GET') {
          const response = await call(method, path, body, moderator, false);
          assert.equal(response.status, 403, `${method} ${path} without CSRF`);
          assert.match((await response.json()).type, /staff-csrf/);
        }
      }
      const [stillThere] = await t.db.select().from(socialThreads).where(eq(socialThreads.id, thread!.id));
      assert.ok(stillThere, 'no refused request removed anything');
    });
  });
}
