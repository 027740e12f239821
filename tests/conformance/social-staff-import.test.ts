/**
 * Every real thread sample beside the repository (../shared/fixtures/social, never copied
 * into it) through the staff API as staff would send it: no platform named, so the shape
 * must give it away; then published and read back through the public thread API.
 * Run by `npm run test:conformance` where the samples exist.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SocialThread } from '../../shared/contracts/social-thread.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { databaseTargets } from '../support/databases.ts';
import { fixturesDir } from '../support/social-fixtures.ts';
import { addStaffUser, logIn } from '../support/staff.ts';

/** Samples that are not a thread of public posts, each with why. */
const NOT_A_THREAD: Record<string, string> = {
  'mastodon/context-empty.json': 'a context without its status',
  'mastodon/docs-media-attachment-image-example.json': 'a media attachment',
  'mastodon/media-attachment.json': 'a media attachment',
  'mastodon/error-404.json': 'an error body',
  'mastodon/ratelimit-headers-sample.json': 'response headers',
  'mastodon/status-history.json': 'edit history of one status',
  'mastodon/status-source.json': 'the source of one status',
  'mastodon/status-deleted-response.json': 'the answer to a delete request',
  'mastodon/status-with-media.json': 'an unlisted status: Podium mirrors public posts only',
  'bluesky/getPosts-facets-langs-embeds.posts.json': 'six unrelated posts, not a thread',
  'instagram/docs-reply-create-response.json': 'the answer to a reply request',
};

const samples = existsSync(fixturesDir)
  ? readdirSync(fixturesDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((dir) =>
        readdirSync(join(fixturesDir, dir.name))
          .filter((name) => name.endsWith('.json'))
          .map((name) => `${dir.name}/${name}`),
      )
      .filter((file) => !(file in NOT_A_THREAD))
  : [];

const [pglite] = databaseTargets();

describe('real thread samples imported through the staff API', () => {
  let t: TestApp;
  let admin: { cookie: string; csrf: string };
  before(async () => {
    assert.ok(samples.length > 15, `thread samples at ${fixturesDir}`);
    t = await openTestApp(pglite!);
    await addStaffUser(t, 'beheer@demodam.example', 'administrator');
    admin = await logIn(t, 'beheer@demodam.example');
  });
  after(() => t.close());

  it('detects the platform of every sample, imports it, and serves it in the public contract', async () => {
    const failures: string[] = [];
    for (const file of samples) {
      const payload: unknown = JSON.parse(readFileSync(join(fixturesDir, file), 'utf8'));
      const response = await t.app.request('/api/staff/threads', {
        method: 'POST',
        headers: {
          Cookie: admin.cookie,
          'X-CSRF-Token': admin.csrf,
          'Content-Type': 'application/json',
          Origin: 'http://localhost',
        },
        // Instagram comment lists do not say which media they belong to.
        body: JSON.stringify({
          payload,
          publish: true,
          ...(file.startsWith('instagram/') ? { rootId: 'media-1' } : {}),
        }),
      });
      if (response.status !== 201 && response.status !== 200) {
        failures.push(`${file}: ${response.status} ${(await response.text()).slice(0, 200)}`);
        continue;
      }
      const { id, platform, stats, replies } = await response.json();
      const expected = { 'x-twitter': 'x' }[file.split('/')[0]!] ?? file.split('/')[0];
      if (platform !== expected) failures.push(`${file}: detected ${platform}`);
      const thread = await (await t.app.request(`/api/threads/${id}`)).json();
      if (!SocialThread.safeParse(thread).success) failures.push(`${file}: the public thread breaks the contract`);
      if (stats.added + stats.updated + stats.edited === 0) failures.push(`${file}: nothing stored`);
      // Shown: what screening let through; the rest waits for a moderator (short posts with a link: spam).
      if (
        thread.posts.filter((p: { placeholder: string | null }) => !p.placeholder).length === 0 &&
        replies.waiting === 0
      )
        failures.push(`${file}: nothing shown and nothing waiting`);
    }
    assert.deepEqual(failures, []);
  });
});
