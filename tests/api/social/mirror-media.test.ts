/**
 * Images of mirrored posts served by Podium (GET /api/threads/{id}/media/{key}): fetched
 * server-side from the platform's media server once and cached, only for published posts,
 * only images; the thread API carries Podium's address, never the platform's. Readers asking
 * at once share one fetch, and an image the platform did not give is not asked for again
 * for a while.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mediaKey } from '../../../api/services/social/mirror-media.ts';
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
      const crowd = 'at://did:plc:dirk/app.bsky.feed.post/3crowd';
      const gone = 'at://did:plc:eva/app.bsky.feed.post/3gone';
      const payload = {
        thread: {
          $type: 'app.bsky.feed.defs#threadViewPost',
          post: blueskyPost(BSKY_ROOT, 'Waar moet het bankje komen?'),
          replies: [
            [photo, 'Bij de vijver.', image('did:plc:anna', 'vijver@jpeg', 'De vijver')],
            [page, 'Zie foto.', image('did:plc:bert', 'page.html', 'Geen foto')],
            // Screening flags the phone number: the post waits, and so does its image.
            [held, 'Bel 06-12345678.', image('did:plc:carla', 'held@jpeg', 'Vastgehouden')],
            [crowd, 'Druk hier.', image('did:plc:dirk', 'markt@jpeg', 'De markt')],
            [gone, 'Weg.', image('did:plc:eva', 'weg@jpeg', 'Verdwenen foto')],
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
        ['De vijver', 'Geen foto', 'De markt', 'Verdwenen foto'],
        'the held post’s image is not there',
      );
      for (const m of media) assert.match(m.url, new RegExp(`^/api/threads/${threadId}/media/[\\w-]{22}$`));
      const json = JSON.stringify(await (await t.app.request(`/api/threads/${threadId}`)).json());
      assert.doesNotMatch(json, new RegExp(`did:plc:(anna|bert|carla|dirk|eva)|${new URL(platform.origin).host}`));
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

    const fetchesOf = (name: string) => platform.requests.filter((path) => path.endsWith(`/${name}`)).length;

    it('fetches an image once when many readers ask for it at the same moment', async () => {
      const [, , market] = await mediaOf();
      // The platform is slow to answer, so every reader asks while the first fetch is on its way.
      platform.trouble({ kind: 'slow', ms: 300 });
      const answers = await Promise.all(Array.from({ length: 25 }, () => t.app.request(market!.url)));
      for (const answer of answers) {
        assert.equal(answer.status, 200);
        assert.deepEqual(Buffer.from(await answer.arrayBuffer()), TINY_PNG);
      }
      assert.equal(fetchesOf('markt@jpeg'), 1, 'one fetch at the platform for 25 readers');
    });

    it('does not ask the platform again for an image it did not give, and says when to come back', async () => {
      const [, , , lost] = await mediaOf();
      platform.trouble({ kind: 'not_found' });
      const first = await t.app.request(lost!.url);
      assert.equal(first.status, 502);
      assert.equal(first.headers.get('Content-Type'), 'application/problem+json; charset=utf-8');
      assert.equal(Number(first.headers.get('Retry-After')), 300);
      const again = await Promise.all([t.app.request(lost!.url), t.app.request(lost!.url)]);
      for (const answer of again) {
        assert.equal(answer.status, 502);
        assert.ok(Number(answer.headers.get('Retry-After')) > 0);
        assert.ok(Number(answer.headers.get('Retry-After')) <= 300);
        assert.equal(
          ((await answer.json()) as { title: string }).title,
          'Het platform gaf geen bruikbaar antwoord. Probeer het later opnieuw.',
        );
      }
      assert.equal(fetchesOf('weg@jpeg'), 1, 'the failure is answered from memory');
    });

    it('refuses what the platform gives that is not an image, and asks for it only once', async () => {
      const [, page] = await mediaOf();
      assert.equal((await t.app.request(page!.url)).status, 502);
      assert.equal((await t.app.request(page!.url)).status, 502);
      assert.equal(fetchesOf('page.html'), 1);
    });

    it('answers 404 in the reader’s language for an unknown key, thread or withheld image', async () => {
      const unknownKey = `/api/threads/${threadId}/media/${'A'.repeat(22)}`;
      const unknownThread = `/api/threads/${crypto.randomUUID()}/media/${'A'.repeat(22)}`;
      const held = 'at://did:plc:carla/app.bsky.feed.post/3held';
      const heldImage = `/api/threads/${threadId}/media/${mediaKey(threadId, held, 0, `${platform.origin}/img/full/did:plc:carla/held@jpeg`)}`;
      const [photo] = await mediaOf();
      const anna = 'at://did:plc:anna/app.bsky.feed.post/3photo';
      assert.equal(
        photo!.url,
        `/api/threads/${threadId}/media/${mediaKey(threadId, anna, 0, `${platform.origin}/img/full/did:plc:anna/vijver@jpeg`)}`,
        'keys are made as the test makes the withheld one',
      );
      const before = platform.requests.length;
      for (const path of [unknownKey, unknownThread, heldImage]) {
        const dutch = await t.app.request(path);
        assert.equal(dutch.status, 404, path);
        assert.equal(dutch.headers.get('Content-Language'), 'nl');
        assert.equal(
          ((await dutch.json()) as { title: string }).title,
          'Deze afbeelding bestaat niet (meer), of het bericht erbij is niet openbaar.',
        );
        const english = await t.app.request(path, { headers: { 'Accept-Language': 'en' } });
        assert.equal(english.status, 404, path);
        assert.equal(english.headers.get('Content-Language'), 'en');
        assert.equal(
          ((await english.json()) as { title: string }).title,
          'This image does not exist (any more), or its post is not public.',
        );
      }
      assert.equal(platform.requests.length, before, 'the platform is not asked');
    });

    it('refuses a malformed thread id or key as a problem in the reader’s language', async () => {
      for (const path of [
        `/api/threads/${threadId}/media/..%2F..%2Fetc`,
        `/api/threads/not-a-thread/media/${'A'.repeat(22)}`,
      ]) {
        const dutch = await t.app.request(path);
        assert.equal(dutch.status, 422, path);
        assert.equal(dutch.headers.get('Content-Language'), 'nl');
        const english = await t.app.request(path, { headers: { 'Accept-Language': 'en' } });
        assert.equal(english.status, 422, path);
        assert.equal(english.headers.get('Content-Language'), 'en');
      }
    });
  });
}
