/**
 * Images of mirrored posts served by Podium (GET /api/threads/{id}/media/{key}): fetched
 * server-side from the platform's media server once and cached, only for published posts,
 * only images; the thread API carries Podium's address, never the platform's.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ImportSettings } from '../../../api/services/social/thread-admin.ts';
import { blueskyPost, BSKY_ROOT, reply } from '../../fixtures/social/payloads.ts';
import { openTestApp, type TestApp } from '../../support/app.ts';
import { databaseTargets } from '../../support/databases.ts';
import { startPlatformServer, TINY_PNG, type PlatformServer } from '../../support/platform-server.ts';
import { addStaffUser, logIn, ORIGIN } from '../../support/staff.ts';

for (const target of databaseTargets()) {
  describe(`images of mirrored posts, served by Podium (${target.name})`, () => {
    let t: TestApp;
    let platform: PlatformServer;
    let threadId: string;
    const settings: ImportSettings = { allowPrivateHosts: true };
    before(async () => {
      t = await openTestApp(target, { threadImports: () => settings });
      platform = await startPlatformServer();
      await addStaffUser(t, 'moderator@mirror-media.example', 'moderator');
      const moderator = await logIn(t, 'moderator@mirror-media.example');
      const image = (did: string, name: string, alt: string) => ({
        embed: {
          $type: 'app.bsky.embed.images#view',
          images: [
            {
              thumb: `${platform.origin}/img/thumb/${did}/${name}`,
              fullsize: `${platform.origin}/img/full/${did}/${name}`,
              alt,
            },
          ],
        },
      });
      const photo = 'at://did:plc:anna/app.bsky.feed.post/3photo';
      const page = 'at://did:plc:bert/app.bsky.feed.post/3page';
      const held = 'at://did:plc:carla/app.bsky.feed.post/3held';
      const payload = {
        thread: {
          $type: 'app.bsky.feed.defs#threadViewPost',
          post: blueskyPost(BSKY_ROOT, 'Waar moet het bankje komen?'),
          replies: [
            [photo, 'Bij de vijver.', image('did:plc:anna', 'vijver@jpeg', 'De vijver')],
            [page, 'Zie foto.', image('did:plc:bert', 'page.html', 'Geen foto')],
            // Screening flags the phone number: the post waits, and so does its image.
            [held, 'Bel 06-12345678.', image('did:plc:carla', 'held@jpeg', 'Vastgehouden')],
          ].map(([uri, text, extra]) => ({
            $type: 'app.bsky.feed.defs#threadViewPost',
            post: blueskyPost(
              uri as string,
              text as string,
              extra as Parameters<typeof blueskyPost>[2],
              reply(uri as string, BSKY_ROOT),
            ),
            replies: [],
          })),
        },
      };
      const response = await t.app.request('/api/staff/threads', {
        method: 'POST',
        headers: {
          Origin: ORIGIN,
          Cookie: moderator.cookie,
          'X-CSRF-Token': moderator.csrf,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ payload, ownAccounts: ['gemeente.bsky.social'], publish: true }),
      });
      assert.equal(response.status, 201, await response.clone().text());
      threadId = ((await response.json()) as { id: string }).id;
    });
    after(async () => {
      await platform.close();
      await t.close();
    });

    const mediaOf = async () => {
      const body = (await (await t.app.request(`/api/threads/${threadId}`)).json()) as {
        posts: Array<{ text: string; media: Array<{ url: string; alt: string | null }> }>;
      };
      return body.posts.flatMap((post) => post.media.map((media) => ({ text: post.text, ...media })));
    };

    it('gives the thread API Podium’s addresses for images, never the platform’s', async () => {
      const media = await mediaOf();
      assert.deepEqual(
        media.map((m) => m.alt),
        ['De vijver', 'Geen foto'],
        'the held post’s image is not there',
      );
      for (const m of media) assert.match(m.url, new RegExp(`^/api/threads/${threadId}/media/[\\w-]{22}$`));
      const json = JSON.stringify(await (await t.app.request(`/api/threads/${threadId}`)).json());
      assert.doesNotMatch(json, new RegExp(`did:plc:(anna|bert|carla)|${new URL(platform.origin).host}`));
    });

    it('serves an image fetched once from the platform, with safe headers', async () => {
      const [photo] = await mediaOf();
      const fetches = () => platform.requests.filter((path) => path.startsWith('/img/full/did:plc:anna')).length;
      const first = await t.app.request(photo!.url);
      assert.equal(first.status, 200);
      assert.equal(first.headers.get('Content-Type'), 'image/png');
      assert.equal(first.headers.get('X-Content-Type-Options'), 'nosniff');
      assert.deepEqual(Buffer.from(await first.arrayBuffer()), TINY_PNG);
      const second = await t.app.request(photo!.url);
      assert.equal(second.status, 200);
      await second.arrayBuffer();
      assert.equal(fetches(), 1, 'the second reader is served from the cache');
    });

    it('refuses what the platform gives that is not an image, an unknown key, and a bad address', async () => {
      const [, page] = await mediaOf();
      assert.equal((await t.app.request(page!.url)).status, 502);
      assert.equal((await t.app.request(`/api/threads/${threadId}/media/${'A'.repeat(22)}`)).status, 404);
      assert.equal((await t.app.request(`/api/threads/${threadId}/media/..%2F..%2Fetc`)).status, 422);
      assert.equal((await t.app.request(`/api/threads/not-a-thread/media/${'A'.repeat(22)}`)).status, 422);
    });
  });
}
