import { opaquePostId } from '../../api/services/social/public-mirror.ts';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { SocialThread } from '../../shared/contracts/social-thread.ts';
import { SocialThreadPage } from '../../shared/contracts/social-thread.ts';
import { auditLog, consultations, organisations, socialPosts, socialThreads } from '../../api/db/schema.ts';
import { importMastodonThread } from '../../api/services/social/mastodon.ts';
import { importBlueskyThreadV2 } from '../../api/services/social/bluesky.ts';
import { currentContentVersion } from '../../api/services/content-revision.ts';
import { fetchThread } from '../../api/services/social/fetch-thread.ts';
import { RateLimitedError } from '../../api/services/social/polite-fetch.ts';
import { startThreadSyncLoop } from '../../api/services/social/scheduler.ts';
import {
  importThread,
  readThread,
  requestSync,
  syncDueThreads,
  syncThread,
} from '../../api/services/social/threads.ts';
import {
  BSKY_ROOT,
  blueskyPost,
  mastodonAccount,
  mastodonStatus,
  mastodonThread,
  reply,
} from '../fixtures/social/payloads.ts';
import { NOW, openTestApp, type TestApp } from '../support/app.ts';
import { databaseTargets } from '../support/databases.ts';
import { seedMastodonThread, startPlatformServer, type PlatformServer } from '../support/platform-server.ts';

const SOURCE = 'https://social.gemeente.example/@gemeente/100';
const directory = { ownAccounts: ['gemeente@social.gemeente.example'] };
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

/** The thread as the source shows it, after changes made by `change`. */
function sourceThread(change: (payload: ReturnType<typeof mastodonThread>) => void = () => {}, complete = true) {
  const payload = mastodonThread();
  change(payload);
  return { ...importMastodonThread(payload, directory), complete };
}
const descendants = (p: ReturnType<typeof mastodonThread>) => p.context.descendants as Array<Record<string, unknown>>;

for (const target of databaseTargets()) {
  describe(`mirrored threads (${target.name})`, () => {
    let t: TestApp;
    let organisationId: string;
    let platform: PlatformServer;
    before(async () => {
      t = await openTestApp(target);
      platform = await startPlatformServer();
      organisationId = (await t.db.select({ id: organisations.id }).from(organisations))[0]!.id;
    });
    after(async () => {
      await platform.close();
      await t.close();
    });

    async function freshThread(rootId = '100') {
      // Each test mirrors its own thread: the root id decides which one.
      const thread = sourceThread((p) => {
        p.status.id = rootId;
        for (const d of descendants(p)) if (d.in_reply_to_id === '100') d.in_reply_to_id = rootId;
      });
      const { threadId } = await importThread(t.db, {
        organisationId,
        thread,
        sourceUrl: SOURCE,
        live: true,
        now: NOW,
      });
      await publishWaiting(threadId);
      return threadId;
    }

    /** What a moderator does in the queue: publishes every reply that waits. */
    async function publishWaiting(threadId: string) {
      await t.db
        .update(socialPosts)
        .set({ reviewState: 'published', publishedAt: NOW })
        .where(and(eq(socialPosts.threadId, threadId), eq(socialPosts.reviewState, 'new')));
    }

    /** The source thread under another root, read with or without naming the municipality's account. */
    function threadUnder(
      rootId: string,
      accounts: { ownAccounts?: string[] },
      { edit = '', account = 'gemeente' }: { edit?: string; account?: string } = {},
    ) {
      const payload = mastodonThread();
      payload.status.id = rootId;
      payload.status.account = mastodonAccount(account);
      if (edit) payload.status.content = `<p>${edit}</p>`;
      for (const d of descendants(payload)) if (d.in_reply_to_id === '100') d.in_reply_to_id = rootId;
      return importMastodonThread(payload, accounts);
    }
    const rootRow = async (threadId: string, rootId: string) =>
      (
        await t.db
          .select({ reviewState: socialPosts.reviewState, responseDueAt: socialPosts.responseDueAt })
          .from(socialPosts)
          .where(and(eq(socialPosts.threadId, threadId), eq(socialPosts.externalId, rootId)))
      )[0]!;

    it("publishes the municipality's own posts without a moderator or an answer clock, also when a later read does not name the account", async () => {
      const { threadId } = await importThread(t.db, {
        organisationId,
        thread: threadUnder('170', directory),
        now: NOW,
      });
      assert.deepEqual(await rootRow(threadId, '170'), { reviewState: 'published', responseDueAt: null });
      const reply = (
        await t.db
          .select({ responseDueAt: socialPosts.responseDueAt })
          .from(socialPosts)
          .where(and(eq(socialPosts.threadId, threadId), eq(socialPosts.externalId, '101')))
      )[0]!;
      assert.ok(reply.responseDueAt, "a resident's reply does get its clock");
      await importThread(t.db, {
        organisationId,
        thread: threadUnder('170', {}, { edit: 'Aangepast.' }),
        now: later(5),
      });
      assert.deepEqual(await rootRow(threadId, '170'), { reviewState: 'published', responseDueAt: null });
    });

    it("publishes a post that waited only because the account was not yet known as the municipality's, and stops its clock", async () => {
      // An account this organisation has never named: a district's.
      const district = { account: 'stadsdeel' };
      const { threadId } = await importThread(t.db, {
        organisationId,
        thread: threadUnder('171', {}, district),
        now: NOW,
      });
      const waiting = await rootRow(threadId, '171');
      assert.equal(waiting.reviewState, 'new');
      assert.ok(waiting.responseDueAt);
      await importThread(t.db, {
        organisationId,
        thread: threadUnder('171', { ownAccounts: ['stadsdeel@social.gemeente.example'] }, district),
        now: later(5),
      });
      assert.deepEqual(await rootRow(threadId, '171'), { reviewState: 'published', responseDueAt: null });
    });

    it('keeps each resident’s pseudonym for the life of the thread: a deleted reply does not shift the letters', async () => {
      const threadId = await freshThread('180');
      const letters = async () =>
        ((await (await t.app.request(`/api/threads/${threadId}`)).json()) as SocialThread).posts.map(
          (p) => p.author?.pseudonym ?? p.placeholder,
        );
      assert.deepEqual(await letters(), [null, 'A', 'B']);
      // Anna's reply is deleted at the source; Bert's answer to it stays.
      await syncThread(t.db, threadId, {
        now: later(15),
        read: async () =>
          sourceThread((p) => {
            p.status.id = '180';
            p.context.descendants = descendants(p).filter((d) => d.id !== '101');
          }),
      });
      assert.deepEqual(await letters(), [null, 'deleted', 'B']);
      const [row] = await t.db
        .select({ pseudonyms: socialThreads.pseudonyms })
        .from(socialThreads)
        .where(eq(socialThreads.id, threadId));
      assert.deepEqual(Object.values(row!.pseudonyms).sort(), ['A', 'B']);
      assert.doesNotMatch(JSON.stringify(row!.pseudonyms), /anna|bert/);
    });

    it('serves an imported thread in the public contract, root first, without raw payloads', async () => {
      const threadId = await freshThread();
      const response = await t.app.request(`/api/threads/${threadId}`);
      assert.equal(response.status, 200);
      const body = await response.json();
      assert.ok(SocialThreadPage.safeParse(body).success);
      assert.deepEqual(
        body.posts.map((p: { id: string; depth: number }) => `${p.depth}:${p.id}`),
        // The residents' posts have opaque public ids: the platform's id leads to its author.
        ['0:100', `1:${opaquePostId(threadId, '101')}`, `2:${opaquePostId(threadId, '102')}`],
      );
      assert.equal(body.posts[2].parentId, body.posts[1].id, 'a reply still names the post it answers');
      assert.equal(body.posts[0].author.isOwnAccount, true);
      assert.equal(body.posts[1].media[0].alt, null);
      assert.equal(body.posts[0].lang, 'nl');
      assert.equal('lang' in body.posts[2], false);
      assert.doesNotMatch(JSON.stringify(body), /"raw"|"sortAt"|"externalId"/);
    });

    it('keeps the raw payload in the database for re-processing', async () => {
      const threadId = await freshThread('200');
      const rows = await t.db.select().from(socialPosts).where(eq(socialPosts.threadId, threadId));
      assert.ok(rows.every((row) => row.raw !== null));
    });

    it('applies an edit and marks it, and follows the counts', async () => {
      const threadId = await freshThread('300');
      const result = await syncThread(t.db, threadId, {
        now: later(15),
        read: async () =>
          sourceThread((p) => {
            p.status.id = '300';
            p.status.favourites_count = 12;
            descendants(p)[0]!.in_reply_to_id = '300';
            descendants(p)[0]!.content = '<p>Graag meer licht bij het viaduct én bij de school.</p>';
          }),
      });
      assert.equal(result.kind, 'synced');
      assert.deepEqual(result.kind === 'synced' && result.stats, {
        added: 0,
        updated: 2,
        edited: 1,
        withheld: 0,
        deleted: 0,
      });
      // The edited text was not moderated: the reply waits again, its replies keep their place.
      const waiting = (await readThread(t.db, threadId))!.posts.find((p) => p.id === '101')!;
      assert.deepEqual([waiting.placeholder, waiting.text, waiting.author], ['unavailable', '', null]);
      await publishWaiting(threadId);
      const thread = (await readThread(t.db, threadId))!;
      const edited = thread.posts.find((p) => p.id === '101')!;
      assert.equal(edited.text, 'Graag meer licht bij het viaduct én bij de school.');
      assert.equal(edited.editedAt, later(15).toISOString());
      assert.equal(thread.posts[0]!.counts.likes, 12);
      assert.equal(thread.lastSyncedAt, later(15).toISOString());
    });

    it('removes a post deleted at the source, erasing its content', async () => {
      const threadId = await freshThread('400');
      await syncThread(t.db, threadId, {
        now: later(15),
        read: async () =>
          sourceThread((p) => {
            p.status.id = '400';
            descendants(p)[0]!.in_reply_to_id = '400';
            p.context.descendants = descendants(p).filter((d) => d.id !== '102');
          }),
      });
      const thread = (await readThread(t.db, threadId))!;
      assert.deepEqual(
        thread.posts.map((p) => p.id),
        ['400', '101'],
      );
      const [row] = await t.db.select().from(socialPosts).where(eq(socialPosts.externalId, '102'));
      assert.ok(row);
      const stored = (await t.db.select().from(socialPosts).where(eq(socialPosts.threadId, threadId))).find(
        (r) => r.externalId === '102',
      )!;
      assert.deepEqual([stored.contentText, stored.contentHtml, stored.raw, stored.authorId], ['', '', null, null]);
      assert.equal(stored.deletedAt?.toISOString(), later(15).toISOString());
    });

    it('keeps an empty "deleted" placeholder where replies still hang under a deleted post', async () => {
      const threadId = await freshThread('500');
      await syncThread(t.db, threadId, {
        now: later(15),
        read: async () =>
          sourceThread((p) => {
            p.status.id = '500';
            p.context.descendants = descendants(p).filter((d) => d.id !== '101');
          }),
      });
      const thread = (await readThread(t.db, threadId))!;
      const placeholder = thread.posts.find((p) => p.id === '101')!;
      assert.deepEqual([placeholder.placeholder, placeholder.author, placeholder.text], ['deleted', null, '']);
      assert.equal(thread.posts.find((p) => p.id === '102')?.parentId, '101');
    });

    it('takes a post the source now blocks out of the mirror as a change, so served pages and their validators follow', async () => {
      // Bluesky's thread view: Anna's reply, with Bert's answer under it; then Anna's post is blocked.
      const anna = 'at://did:plc:anna/app.bsky.feed.post/3blok';
      const bert = 'at://did:plc:bert/app.bsky.feed.post/3bert';
      const root = BSKY_ROOT.replace('3root', '3blokroot');
      const item = (uri: string, depth: number, value: Record<string, unknown>) => ({ uri, depth, value });
      const read = (annaBlocked: boolean) =>
        importBlueskyThreadV2({
          hasOtherReplies: false,
          thread: [
            item(root, 0, { $type: 'app.bsky.unspecced.defs#threadItemPost', post: blueskyPost(root, 'Fietsroute?') }),
            annaBlocked
              ? item(anna, 1, { $type: 'app.bsky.unspecced.defs#threadItemBlocked', author: { did: 'did:plc:anna' } })
              : item(anna, 1, {
                  $type: 'app.bsky.unspecced.defs#threadItemPost',
                  post: blueskyPost(anna, 'Langs het water graag.', {}, reply(anna, root, root)),
                }),
            item(bert, 2, {
              $type: 'app.bsky.unspecced.defs#threadItemPost',
              post: blueskyPost(
                bert,
                'Eens met Anna.',
                { indexedAt: '2026-11-20T09:05:00.000Z' },
                reply(bert, anna, root),
              ),
            }),
          ],
        });
      const { threadId } = await importThread(t.db, { organisationId, thread: read(false), live: false, now: NOW });
      await publishWaiting(threadId);
      const texts = async () =>
        ((await (await t.app.request(`/api/threads/${threadId}`)).json()) as SocialThread).posts.map(
          (post) => post.placeholder ?? post.text,
        );
      assert.deepEqual(await texts(), ['Fietsroute?', 'Langs het water graag.', 'Eens met Anna.']);
      const version = await currentContentVersion(t.db);
      const result = await syncThread(t.db, threadId, { now: later(15), read: async () => read(true) });
      assert.deepEqual(result.kind === 'synced' && [result.stats.withheld, result.changed], [1, true]);
      assert.ok((await currentContentVersion(t.db)) > version, 'the content revision moves');
      assert.deepEqual(await texts(), ['Fietsroute?', 'blocked', 'Eens met Anna.']);
    });

    it('does not take posts missing from an incomplete read as deleted', async () => {
      const threadId = await freshThread('600');
      await syncThread(t.db, threadId, {
        now: later(15),
        read: async () =>
          sourceThread((p) => {
            p.status.id = '600';
            p.context.descendants = [];
          }, false),
      });
      assert.equal((await readThread(t.db, threadId))!.posts.length, 3);
    });

    /** A thread mirrored live from the local platform server, as staff would import it. */
    async function liveThread(rootId: string) {
      seedMastodonThread(platform, rootId);
      const url = platform.mastodonUrl(rootId);
      const thread = await fetchThread(url, { allowPrivateHosts: true, ownAccounts: ['acc-gemeente'] });
      return (await importThread(t.db, { organisationId, thread, sourceUrl: url, live: true, now: NOW })).threadId;
    }

    it('withdraws the whole mirror when the root is deleted at the source', async () => {
      const threadId = await liveThread('700');
      platform.statuses.delete('700');
      const result = await syncThread(t.db, threadId, { now: later(15), allowPrivateHosts: true });
      assert.equal(result.kind, 'removed');
      assert.equal((await t.app.request(`/api/threads/${threadId}`)).status, 404);
      const rows = await t.db.select().from(socialPosts).where(eq(socialPosts.threadId, threadId));
      assert.ok(rows.every((row) => row.contentText === '' && row.deletedAt !== null));
      const audit = await t.db.select().from(auditLog).where(eq(auditLog.subjectId, threadId));
      assert.ok(audit.some((entry) => entry.action === 'social_thread.removed_at_source'));
    });

    it('syncs live through the platform API of a local Mastodon, following its counts', async () => {
      const threadId = await liveThread('750');
      platform.statuses.get('750')!.reblogs_count = 99;
      const result = await syncThread(t.db, threadId, { now: later(15), allowPrivateHosts: true });
      assert.equal(result.kind, 'synced');
      assert.equal((await readThread(t.db, threadId))!.posts[0]!.counts.reposts, 99);
      assert.ok(platform.requests.includes('/api/v1/statuses/750/context'));
    });

    it('reschedules a rate-limited thread at the time the platform names', async () => {
      const threadId = await freshThread('800');
      await syncThread(t.db, threadId, {
        now: later(15),
        read: async () => {
          throw new RateLimitedError('social.gemeente.example', later(40));
        },
      });
      const [row] = await t.db.select().from(socialThreads).where(eq(socialThreads.id, threadId));
      assert.equal(row?.nextSyncAt?.toISOString(), later(40).toISOString());
      assert.equal(row?.syncFailures, 0);
    });

    it('backs off after a failed read and records why', async () => {
      const threadId = await freshThread('900');
      await syncThread(t.db, threadId, {
        now: later(15),
        read: async () => {
          throw new Error('connection reset');
        },
      });
      const [row] = await t.db.select().from(socialThreads).where(eq(socialThreads.id, threadId));
      assert.deepEqual([row?.syncFailures, row?.lastSyncError], [1, 'connection reset']);
      assert.equal(row?.nextSyncAt?.toISOString(), later(15 + 30).toISOString());
    });

    it('claims each due thread once, however often the scheduler runs', async () => {
      const threadId = await freshThread('1000');
      await requestSync(t.db, threadId, later(1));
      const reads: string[] = [];
      const options = {
        now: later(2),
        limit: 100,
        read: async (url: string) => {
          reads.push(url);
          return sourceThread((p) => {
            p.status.id = '1000';
            for (const d of descendants(p)) if (d.in_reply_to_id === '100') d.in_reply_to_id = '1000';
          });
        },
      };
      const [first, second] = await Promise.all([syncDueThreads(t.db, options), syncDueThreads(t.db, options)]);
      const mine = [...first!, ...second!].filter((r) => r.threadId === threadId);
      assert.equal(mine.length, 1);
      assert.equal(mine[0]?.result.kind, 'synced');
      assert.equal((await syncDueThreads(t.db, options)).length, 0);
    });

    it('re-syncs due threads in the background until stopped', async () => {
      const threadId = await freshThread('1200');
      await requestSync(t.db, threadId, later(1));
      let reads = 0;
      let done: () => void = () => {};
      const read = new Promise<void>((resolve) => (done = resolve));
      const stop = startThreadSyncLoop(t.db, {
        everyMs: 5,
        clock: () => later(2),
        read: async () => {
          reads++;
          done();
          return sourceThread((p) => {
            p.status.id = '1200';
            for (const d of descendants(p)) if (d.in_reply_to_id === '100') d.in_reply_to_id = '1200';
          });
        },
      });
      await read;
      await stop();
      assert.equal(reads, 1);
      const [row] = await t.db.select().from(socialThreads).where(eq(socialThreads.id, threadId));
      assert.equal(row?.lastSyncedAt?.toISOString(), later(2).toISOString());
    });

    it('does not schedule threads imported from JSON', async () => {
      const thread = sourceThread((p) => {
        p.status.id = '1100';
        p.context.descendants = [mastodonStatus('1101', { in_reply_to_id: '1100' })];
      });
      const { threadId } = await importThread(t.db, { organisationId, thread, now: NOW, live: false });
      const [row] = await t.db.select().from(socialThreads).where(eq(socialThreads.id, threadId));
      assert.equal(row?.nextSyncAt, null);
    });

    it('answers an unknown thread with 404 and a malformed id with 422, as problem documents', async () => {
      const unknown = await t.app.request('/api/threads/00000000-0000-4000-8000-000000000000');
      assert.equal(unknown.status, 404);
      assert.match(unknown.headers.get('Content-Type') ?? '', /problem\+json/);
      assert.equal((await t.app.request('/api/threads/niet-een-id')).status, 422);
    });

    it('refuses a page or page size out of range with 422, in the reader’s language', async () => {
      const [demo] = await (await t.app.request('/api/threads?consultation=fietsroute-stationsstraat')).json();
      for (const query of [
        'page=0',
        'page=-1',
        'page=twee',
        'page=1.5',
        'pageSize=0',
        'pageSize=101',
        'pageSize=veel',
      ]) {
        const response = await t.app.request(`/api/threads/${demo.id}?${query}`, {
          headers: { 'Accept-Language': 'en' },
        });
        assert.equal(response.status, 422, query);
        assert.match(response.headers.get('Content-Type') ?? '', /problem\+json/, query);
        assert.equal((await response.json()).title, 'Some answers need your attention', query);
      }
      // A number out of range is explained as one, not as a text that is too long.
      const errors = async (query: string) =>
        (await (await t.app.request(`/api/threads/${demo.id}?${query}`)).json()).errors.map(
          (error: { message: string }) => error.message,
        );
      assert.deepEqual(await errors('pageSize=101'), ['Kies een getal van hoogstens 100.']);
      assert.deepEqual(await errors('page=0'), ['Kies een getal van minstens 1.']);
    });

    it('serves a thread a page at a time: the pages hold every post once, and a reply on a later page names the post it answers', async () => {
      const [demo] = await (await t.app.request('/api/threads?consultation=fietsroute-stationsstraat')).json();
      const read = async (query: string): Promise<SocialThreadPage> => {
        const response = await t.app.request(`/api/threads/${demo.id}?${query}`);
        assert.equal(response.status, 200, query);
        return SocialThreadPage.parse(await response.json());
      };
      const whole = await read('');
      const first = await read('pageSize=3');
      const second = await read('page=2&pageSize=3');
      assert.deepEqual(
        [whole.page, whole.pageCount, whole.total, whole.from, whole.to, whole.earlier.length],
        [1, 1, 5, 1, 5, 0],
      );
      assert.deepEqual([first.pageCount, first.from, first.to, first.earlier.length], [2, 1, 3, 0]);
      assert.deepEqual([second.page, second.pageCount, second.total, second.from, second.to], [2, 2, 5, 4, 5]);
      assert.deepEqual(
        [...first.posts, ...second.posts].map((post) => post.id),
        whole.posts.map((post) => post.id),
      );
      // The police answer Inwoner B, whose post is on the first page: it comes along, with the root above it.
      const police = second.posts.find((post) => post.author?.displayName === 'Politie Demodam')!;
      const answered = second.earlier.find((post) => post.id === police.parentId);
      assert.equal(answered?.author?.pseudonym, 'B');
      assert.deepEqual(
        second.earlier.map((post) => post.id),
        [whole.posts[0]!.id, answered!.id],
      );
      // Past the last page: the last page, saying so (a thread can shrink between two reads).
      const past = await read('page=9&pageSize=3');
      assert.equal(past.page, 2);
      assert.deepEqual(
        past.posts.map((post) => post.id),
        second.posts.map((post) => post.id),
      );
    });

    it('lists the served threads with their visible post counts, and filters by consultation', async () => {
      const threadId = await freshThread('1300');
      // The parking consultation has no mirrored thread in the demo data.
      const [consultation] = await t.db.select().from(consultations).where(eq(consultations.slug, 'parkeren-centrum'));
      await t.db.update(socialThreads).set({ consultationId: consultation!.id }).where(eq(socialThreads.id, threadId));
      const all = await (await t.app.request('/api/threads')).json();
      const mine = all.find((x: { id: string }) => x.id === threadId);
      assert.deepEqual([mine.platform, mine.postCount, mine.consultation], ['mastodon', 3, consultation!.slug]);
      const filtered = await (await t.app.request(`/api/threads?consultation=${consultation!.slug}`)).json();
      assert.deepEqual(
        filtered.map((x: { id: string }) => x.id),
        [threadId],
      );
      assert.deepEqual(await (await t.app.request('/api/threads?consultation=bestaat-niet')).json(), []);
    });

    it('serves residents pseudonymised and official accounts by name', async () => {
      const [demo] = await (await t.app.request('/api/threads?consultation=fietsroute-stationsstraat')).json();
      const thread = await (await t.app.request(`/api/threads/${demo.id}`)).json();
      const authors = thread.posts.map(
        (post: { author: { displayName: string | null; pseudonym?: string | null } | null }) =>
          post.author?.pseudonym ? `Inwoner ${post.author.pseudonym}` : post.author?.displayName,
      );
      assert.deepEqual(authors, ['Gemeente Demodam', 'Inwoner A', 'Inwoner B', 'Politie Demodam', 'Inwoner C']);
      assert.doesNotMatch(JSON.stringify(thread), /fietsfan|anna@|commuter@/i);
    });

    it('documents the thread in the OpenAPI document', async () => {
      const document = await (await t.app.request('/api/openapi.json')).json();
      assert.ok(document.paths['/api/threads/{id}'].get);
      assert.ok(document.components.schemas.SocialThreadPage);
      assert.deepEqual(document.paths['/api/threads/{id}'].get.parameters.map((p: { name: string }) => p.name).sort(), [
        'id',
        'page',
        'pageSize',
      ]);
      assert.ok(document.components.schemas.SocialPost.properties.lang);
    });
  });
}
