/**
 * Generated hostile text in every importer's input (issue 13): mirrored posts, author
 * names, handles, URLs, languages, media descriptions, hashtags and ids, from pasted JSON
 * (staff JSON API), from a file (the CLI's import job) and from a live read of a platform
 * (a local Mastodon instance, read again by a sync).
 *
 * Never a 5xx or a thrown import job; a refused import leaves every table as it was; no
 * stored string anywhere is ill-formed.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { parseImportArgs } from '../../api/cli/import.ts';
import { organisations } from '../../api/db/schema.ts';
import { runImportJob } from '../../api/services/social/import-job.ts';
import {
  blueskyPost,
  BSKY_ROOT,
  MASTODON_ORIGIN,
  mastodonAccount,
  mastodonStatus,
  reply,
} from '../fixtures/social/payloads.ts';
import { NOW, openTestApp, type TestApp } from '../support/app.ts';
import { databaseTargets } from '../support/databases.ts';
import {
  changedTables,
  HOSTILE_SEED,
  hostileKey,
  hostileText,
  illFormedStoredText,
  rowCounts,
} from '../support/hostile-input.ts';
import { startPlatformServer, type PlatformServer } from '../support/platform-server.ts';
import { addStaffUser, logIn, ORIGIN } from '../support/staff.ts';

const settings = { seed: HOSTILE_SEED, numRuns: 8, endOnFailure: true };
const maybe = (plausible: string) => fc.oneof({ weight: 3, arbitrary: hostileText }, fc.constant(plausible));

/** The hostile parts of one mirrored reply. */
const hostilePost = fc.record({
  id: maybe('200'),
  content: hostileText,
  spoiler: hostileText,
  language: maybe('nl'),
  displayName: hostileText,
  acct: maybe('anna'),
  url: maybe(`${MASTODON_ORIGIN}/@anna/200`),
  mediaType: maybe('image'),
  description: hostileText,
  tag: hostileText,
  key: hostileKey,
});
type HostilePost = typeof hostilePost extends fc.Arbitrary<infer T> ? T : never;

function mastodonPayload(p: HostilePost, rootId = '100') {
  const root = mastodonStatus(rootId, { content: '<p>Waar moet de fietsroute komen?</p>' });
  const answer = mastodonStatus(p.id, {
    in_reply_to_id: rootId,
    content: `<p>${p.content}</p>`,
    spoiler_text: p.spoiler,
    language: p.language,
    url: p.url,
    account: mastodonAccount('anna', { display_name: p.displayName, acct: p.acct, url: p.url }),
    media_attachments: [{ id: 'm1', type: p.mediaType, url: p.url, preview_url: p.url, description: p.description }],
    tags: [{ name: p.tag, url: p.url }],
    [p.key]: p.content,
  });
  return { status: root, context: { ancestors: [], descendants: [answer] } };
}

function blueskyPayload(p: HostilePost) {
  const uri = 'at://did:plc:anna/app.bsky.feed.post/3reply';
  const text = `${p.content} #${p.tag}`;
  const post = blueskyPost(
    uri,
    text,
    { author: { did: 'did:plc:anna', handle: p.acct, displayName: p.displayName } },
    {
      ...reply(uri, BSKY_ROOT),
      langs: [p.language],
      facets: [
        {
          index: { byteStart: 0, byteEnd: 4 },
          features: [{ $type: 'app.bsky.richtext.facet#tag', tag: p.tag }],
        },
        { index: { byteStart: 1, byteEnd: 3 }, features: [{ $type: 'app.bsky.richtext.facet#link', uri: p.url }] },
      ],
    },
  );
  return {
    thread: {
      $type: 'app.bsky.feed.defs#threadViewPost',
      post: blueskyPost(BSKY_ROOT, 'Waar moet de fietsroute komen?'),
      replies: [{ $type: 'app.bsky.feed.defs#threadViewPost', post, replies: [] }],
    },
  };
}

for (const target of databaseTargets()) {
  describe(`hostile text in every importer (${target.name}, seed ${HOSTILE_SEED})`, () => {
    let t: TestApp;
    let session: { cookie: string; csrf: string };
    let server: PlatformServer;
    let organisationId: string;
    const dir = mkdtempSync(join(tmpdir(), 'podium-hostile-'));
    before(async () => {
      server = await startPlatformServer();
      t = await openTestApp(target, { threadImports: () => ({ allowPrivateHosts: true }) });
      await addStaffUser(t, 'beheerder@demodam.nl', 'administrator');
      session = await logIn(t, 'beheerder@demodam.nl');
      const [organisation] = await t.db.select({ id: organisations.id }).from(organisations).limit(1);
      organisationId = organisation!.id;
    });
    after(async () => {
      await t.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    });

    async function staffJson(method: string, path: string, body: unknown): Promise<Response> {
      const before = await rowCounts(t.db);
      const response = await t.app.request(path, {
        method,
        headers: {
          'Content-Type': 'application/json',
          Origin: ORIGIN,
          Cookie: session.cookie,
          'X-CSRF-Token': session.csrf,
        },
        body: JSON.stringify(body),
      });
      const where = `${method} ${path} → ${response.status}`;
      assert.ok(response.status < 500, `${where}: ${(await response.clone().text()).slice(0, 500)}`);
      if (response.status >= 400) assert.deepEqual(changedTables(before, await rowCounts(t.db)), [], where);
      return response;
    }

    it('imports pasted Mastodon and Bluesky JSON with hostile text without a 5xx', async () => {
      let imported = 0;
      await fc.assert(
        fc.asyncProperty(hostilePost, fc.constantFrom('mastodon', 'bluesky'), async (p, platform) => {
          const payload = platform === 'mastodon' ? mastodonPayload(p) : blueskyPayload(p);
          const response = await staffJson('POST', '/api/staff/threads', { payload, platform, publish: true });
          if (response.ok) imported += 1;
          await response.arrayBuffer();
        }),
        settings,
      );
      assert.ok(imported > 0, 'no hostile thread was imported: the property never reached the database');
    });

    it('runs the command line import of a hostile JSON file without throwing', async () => {
      await fc.assert(
        fc.asyncProperty(hostilePost, maybe('fietsroute-stationsstraat'), async (p, consultation) => {
          const file = join(dir, 'thread.json');
          // JSON.stringify writes a lone surrogate as \udxxx, as a platform's export can.
          writeFileSync(file, JSON.stringify(mastodonPayload(p, '300')));
          const job = await parseImportArgs([file, '--platform', 'mastodon', '--consultation', consultation]);
          const before = await rowCounts(t.db);
          const result = await runImportJob(t.db, organisationId, job, { allowPrivateHosts: false }, NOW);
          if (!result.ok) assert.deepEqual(changedTables(before, await rowCounts(t.db)), [], result.error);
        }),
        settings,
      );
    });

    it('imports and syncs a live thread whose posts carry hostile text without a 5xx', async () => {
      await fc.assert(
        fc.asyncProperty(hostilePost, hostilePost, async (first, second) => {
          const rootId = String(400 + server.statuses.size);
          const put = (p: HostilePost) => {
            const { status, context } = mastodonPayload({ ...p, id: `${rootId}1` }, rootId);
            server.statuses.set(rootId, { ...status, url: server.mastodonUrl(rootId) });
            for (const post of context.descendants) server.statuses.set(`${rootId}1`, post);
          };
          put(first);
          const response = await staffJson('POST', '/api/staff/threads', { url: server.mastodonUrl(rootId) });
          if (!response.ok) return void (await response.arrayBuffer());
          const { id } = (await response.json()) as { id: string };
          put(second); // edited at the source: the sync reads the hostile text anew
          await (await staffJson('POST', `/api/staff/threads/${id}/sync`, {})).arrayBuffer();
        }),
        settings,
      );
    });

    it('stores no ill-formed text anywhere, and serves every mirrored thread', async () => {
      assert.deepEqual(await illFormedStoredText(t.db), []);
      const threads = (await (await t.app.request('/api/threads')).json()) as Array<{ id: string }>;
      for (const thread of threads) assert.equal((await t.app.request(`/api/threads/${thread.id}`)).status, 200);
    });
  });
}
