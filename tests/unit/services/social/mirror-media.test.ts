/**
 * What a public mirror carries of a Bluesky thread with images (api/services/social/
 * public-mirror.ts, mirror-media.ts): no platform image host, no DID, no handle, whoever
 * wrote the post and whatever the organisation's display choice; images get an opaque
 * address on Podium, and the fetch behind it takes only images of a limited size.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importBlueskyThread } from '../../../../api/services/social/bluesky.ts';
import {
  fetchMirrorImage,
  findMirroredImage,
  mediaKey,
  MIRROR_IMAGE_MAX_BYTES,
  MirrorImageCache,
  MirrorImageError,
  MirrorImages,
  MirrorImagesBusy,
  MirrorImageUnavailable,
  type MirrorImage,
} from '../../../../api/services/social/mirror-media.ts';
import { mirrorWithPseudonyms } from '../../../../api/services/social/public-mirror.ts';
import type { SocialThread } from '../../../../shared/contracts/social-thread.ts';
import { renderThreadIntro, renderThreadPosts } from '../../../../shared/render/thread.ts';
import { blueskyPost, BSKY_ROOT, reply } from '../../../fixtures/social/payloads.ts';

const cdn = (did: string, cid: string) => `https://cdn.bsky.app/img/feed_fullsize/plain/${did}/${cid}@jpeg`;
const images = (did: string, alt: string) => ({
  embed: {
    $type: 'app.bsky.embed.images#view',
    images: [{ thumb: cdn(did, 'bafthumb').replace('fullsize', 'thumbnail'), fullsize: cdn(did, 'bafkimg'), alt }],
  },
});

/** A getPostThread answer: the municipality asks, a resident answers with a photo, another resident replies. */
function blueskyThread(): SocialThread {
  const answer = 'at://did:plc:anna4x7/app.bsky.feed.post/3answer';
  const nested = 'at://did:plc:bert9k2/app.bsky.feed.post/3nested';
  const imported = importBlueskyThread(
    {
      thread: {
        $type: 'app.bsky.feed.defs#threadViewPost',
        post: blueskyPost(BSKY_ROOT, 'Waar moet het bankje komen?', images('did:plc:gemeente', 'Een bankje')),
        replies: [
          {
            $type: 'app.bsky.feed.defs#threadViewPost',
            post: blueskyPost(
              answer,
              'Hier, bij de vijver.',
              images('did:plc:anna4x7', 'De vijver'),
              reply(answer, BSKY_ROOT),
            ),
            replies: [
              {
                $type: 'app.bsky.feed.defs#threadViewPost',
                post: blueskyPost(nested, 'Eens.', {}, reply(nested, answer)),
                replies: [],
              },
            ],
          },
        ],
      },
    },
    { ownAccounts: ['gemeente.bsky.social'] },
  );
  return {
    id: '7d1c1c3e-4b7a-4a38-9c55-9d7f6f3b1a01',
    platform: 'bluesky',
    rootId: imported.rootId,
    url: null,
    title: null,
    lastSyncedAt: null,
    posts: imported.posts.map((p, i) => ({
      id: p.id,
      url: p.url,
      parentId: p.parentId,
      depth: p.depth,
      placeholder: null,
      author: p.author
        ? {
            displayName: p.author.displayName,
            handle: p.author.handle,
            url: p.author.url,
            isOwnAccount: p.author.isOwnAccount,
            isOfficial: p.author.isOfficial,
          }
        : null,
      html: p.html,
      text: p.text,
      contentWarning: null,
      sensitive: false,
      labels: [],
      media: p.media,
      links: [],
      mentions: p.mentions,
      hashtags: [],
      counts: { replies: null, reposts: null, likes: null, quotes: null },
      createdAt: `2026-11-20T09:0${i}:00.000Z`,
      editedAt: null,
      deletedAt: null,
    })),
  };
}

describe('a public mirror of a Bluesky thread with images', () => {
  const original = blueskyThread();

  it('starts from a thread whose addresses and ids name the residents (the test can fail)', () => {
    const raw = JSON.stringify(original);
    assert.match(raw, /did:plc:anna4x7/);
    assert.match(raw, /cdn\.bsky\.app/);
  });

  for (const display of ['pseudonym', 'initials', 'none'] as const) {
    it(`carries no platform image host and no resident's DID (${display})`, () => {
      const { thread } = mirrorWithPseudonyms(original, display);
      const json = JSON.stringify(thread);
      assert.doesNotMatch(json, /cdn\.bsky\.app/);
      assert.match(json, /\/api\/threads\/7d1c1c3e-4b7a-4a38-9c55-9d7f6f3b1a01\/media\/[\w-]{22}/);
      if (display !== 'none') {
        assert.doesNotMatch(json, /did:plc:anna4x7|did:plc:bert9k2|anna4x7|bert9k2/);
        const page = String(renderThreadIntro(thread, 'nl')) + String(renderThreadPosts(thread, 'nl'));
        assert.doesNotMatch(page, /did:|cdn\.bsky\.app|bsky\.social|bsky\.app\/profile/);
        assert.match(
          page,
          /<a href="\/api\/threads\/[^"]+\/media\/[\w-]{22}" rel="nofollow noopener">Afbeelding: De vijver<\/a>/,
        );
      }
    });
  }

  it('keeps the replies nested under the post they answer, and the official post its own id', () => {
    const { thread } = mirrorWithPseudonyms(original, 'pseudonym');
    assert.equal(thread.posts[0]!.id, BSKY_ROOT);
    assert.equal(thread.rootId, BSKY_ROOT);
    assert.equal(thread.posts[1]!.parentId, BSKY_ROOT);
    assert.equal(thread.posts[2]!.parentId, thread.posts[1]!.id);
    assert.match(thread.posts[1]!.id, /^p-[\w-]{22}$/);
    assert.deepEqual(
      mirrorWithPseudonyms(original, 'pseudonym').thread.posts.map((p) => p.id),
      thread.posts.map((p) => p.id),
      'the same ids at every read',
    );
  });

  it('finds the platform address behind a key only in the thread it belongs to', () => {
    const { thread } = mirrorWithPseudonyms(original, 'pseudonym');
    const key = thread.posts[1]!.media[0]!.url.split('/').pop()!;
    assert.equal(findMirroredImage(original, key), cdn('did:plc:anna4x7', 'bafkimg'));
    assert.equal(findMirroredImage({ ...original, id: 'another' }, key), undefined);
    assert.equal(findMirroredImage(original, mediaKey(original.id, 'x', 0, 'y')), undefined);
  });
});

describe('fetching a mirrored image', () => {
  const answer = (body: BodyInit | null, headers: Record<string, string>, status = 200) =>
    (async () => new Response(body, { status, headers })) as unknown as typeof fetch;

  it('passes on an image of an accepted type', async () => {
    const image = await fetchMirrorImage('https://cdn.example/a.png', {
      allowPrivateHosts: false,
      fetch: answer(new Uint8Array([1, 2, 3]), { 'Content-Type': 'image/png' }),
    });
    assert.deepEqual([image.type, [...image.body]], ['image/png', [1, 2, 3]]);
  });

  it('refuses what is no image, SVG, an error, or more than the limit (also when the length lies)', async () => {
    const cases: Array<[typeof fetch, RegExp]> = [
      [answer('<script>', { 'Content-Type': 'text/html' }), /Not an image/],
      [answer('<svg/>', { 'Content-Type': 'image/svg+xml' }), /Not an image/],
      [answer('', { 'Content-Type': 'image/png' }, 404), /answered 404/],
      [
        answer('x', { 'Content-Type': 'image/jpeg', 'Content-Length': String(MIRROR_IMAGE_MAX_BYTES + 1) }),
        /too large/,
      ],
      [answer(new Uint8Array(MIRROR_IMAGE_MAX_BYTES + 1), { 'Content-Type': 'image/jpeg' }), /too large/],
    ];
    for (const [fetch, message] of cases) {
      await assert.rejects(fetchMirrorImage('https://cdn.example/a', { allowPrivateHosts: false, fetch }), (error) => {
        assert.ok(error instanceof MirrorImageError);
        assert.match(error.message, message);
        return true;
      });
    }
  });

  it('never reaches a private address unless the operator allows it', async () => {
    await assert.rejects(
      fetchMirrorImage('http://127.0.0.1:9/a.png', { allowPrivateHosts: false }),
      /private or local/,
    );
  });

  it('gives up on a platform that takes longer than the time limit', async () => {
    const never = ((_url: string, init?: RequestInit) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)),
      )) as unknown as typeof fetch;
    const started = Date.now();
    await assert.rejects(
      fetchMirrorImage('https://cdn.example/slow.png', { allowPrivateHosts: false, fetch: never, timeoutMs: 50 }),
      /timeout|aborted/i,
    );
    assert.ok(Date.now() - started < 2000);
  });

  it('keeps images in a cache bounded by size and time', () => {
    const cache = new MirrorImageCache(10, 1000);
    cache.set('a', { body: new Uint8Array(6), type: 'image/png' }, 0);
    cache.set('b', { body: new Uint8Array(6), type: 'image/png' }, 0);
    assert.equal(cache.get('a', 0), undefined, 'the oldest went to make room');
    assert.ok(cache.get('b', 500));
    assert.equal(cache.get('b', 1500), undefined, 'expired');
    cache.set('c', { body: new Uint8Array(11), type: 'image/png' }, 0);
    assert.equal(cache.get('c', 0), undefined, 'larger than the whole cache: not kept');
  });
});

describe('mirrored images as many readers ask for them', () => {
  const png: MirrorImage = { body: new Uint8Array([1]), type: 'image/png' };
  /** What a reader got, caught at once (a failure is an answer here, not an unhandled rejection). */
  const settled = (reader: Promise<MirrorImage>) =>
    reader.then(
      (image) => image,
      (error: unknown) => error,
    );
  /** A platform whose answers the test releases one by one. */
  function slowPlatform(answer: (url: string) => MirrorImage | Error = () => png) {
    const asked: string[] = [];
    const open: Array<() => void> = [];
    let inFlight = 0;
    let mostInFlight = 0;
    const fetchImage = (url: string) => {
      asked.push(url);
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      return new Promise<MirrorImage>((resolve, reject) =>
        open.push(() => {
          inFlight--;
          const result = answer(url);
          if (result instanceof Error) reject(result);
          else resolve(result);
        }),
      );
    };
    const releaseAll = async () => {
      for (;;) {
        // Let the waiting fetches reach the platform (or take the place just freed).
        await new Promise((resolve) => setImmediate(resolve));
        const next = open.shift();
        if (!next) return;
        next();
      }
    };
    return { fetchImage, asked, releaseAll, mostInFlight: () => mostInFlight };
  }

  it('asks the platform once for readers who ask at the same time, and then serves from the cache', async () => {
    const platform = slowPlatform();
    const images = new MirrorImages({ fetchImage: platform.fetchImage });
    const readers = Array.from({ length: 100 }, () => images.get('https://cdn.example/a.png'));
    await platform.releaseAll();
    for (const image of await Promise.all(readers)) assert.equal(image.body, png.body);
    assert.equal((await images.get('https://cdn.example/a.png')).body, png.body);
    assert.deepEqual(platform.asked, ['https://cdn.example/a.png']);
  });

  it('has at most its bound of fetches at the platforms at once; the others wait their turn', async () => {
    const platform = slowPlatform();
    const images = new MirrorImages({ fetchImage: platform.fetchImage, maxFetches: 3 });
    const readers = Array.from({ length: 10 }, (_, i) => images.get(`https://cdn.example/${i}.png`));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(platform.asked.length, 3, 'three asked, seven waiting');
    await platform.releaseAll();
    assert.equal((await Promise.all(readers)).length, 10);
    assert.equal(platform.mostInFlight(), 3);
    assert.equal(platform.asked.length, 10);
  });

  it('tells a reader to come back when too many fetches are waiting', async () => {
    const platform = slowPlatform();
    const images = new MirrorImages({ fetchImage: platform.fetchImage, maxFetches: 1, maxWaiting: 1 });
    const first = images.get('https://cdn.example/1.png');
    const second = images.get('https://cdn.example/2.png');
    await new Promise((resolve) => setImmediate(resolve));
    await assert.rejects(images.get('https://cdn.example/3.png'), (error) => {
      assert.ok(error instanceof MirrorImagesBusy);
      assert.equal(error.retryAfterSeconds, 5);
      return true;
    });
    // A reader of an image already on its way joins it instead.
    const again = images.get('https://cdn.example/2.png');
    await platform.releaseAll();
    await Promise.all([first, second, again]);
    assert.deepEqual(platform.asked, ['https://cdn.example/1.png', 'https://cdn.example/2.png']);
  });

  it('remembers a failure for its window, answers it without asking, then asks again', async () => {
    let clock = 1_000_000;
    let failing = true;
    const platform = slowPlatform(() => (failing ? new MirrorImageError('The platform answered 404') : png));
    const images = new MirrorImages({ fetchImage: platform.fetchImage, failureMs: 300_000, now: () => clock });
    const first = settled(images.get('https://cdn.example/gone.png'));
    await platform.releaseAll();
    const failure = await first;
    assert.ok(failure instanceof MirrorImageUnavailable);
    assert.equal(failure.retryAfterSeconds, 300);
    assert.ok(failure.cause instanceof MirrorImageError);
    clock += 120_000;
    await assert.rejects(images.get('https://cdn.example/gone.png'), (error) => {
      assert.ok(error instanceof MirrorImageUnavailable);
      assert.equal(error.retryAfterSeconds, 180);
      return true;
    });
    assert.equal(platform.asked.length, 1, 'answered from memory');
    clock += 180_001;
    failing = false;
    const later = images.get('https://cdn.example/gone.png');
    await platform.releaseAll();
    assert.equal((await later).body, png.body);
    assert.equal(platform.asked.length, 2, 'asked again once the window passed');
  });

  it('remembers a bounded number of failures, forgetting the oldest first', async () => {
    const platform = slowPlatform(() => new MirrorImageError('The platform answered 500'));
    const images = new MirrorImages({ fetchImage: platform.fetchImage, maxFailures: 2 });
    for (const name of ['a', 'b', 'c']) {
      const reader = settled(images.get(`https://cdn.example/${name}.png`));
      await platform.releaseAll();
      assert.ok((await reader) instanceof MirrorImageUnavailable);
    }
    const again = ['a', 'b', 'c'].map((name) => settled(images.get(`https://cdn.example/${name}.png`)));
    await platform.releaseAll();
    await Promise.all(again);
    assert.deepEqual(
      platform.asked.map((url) => url.split('/').pop()),
      ['a.png', 'b.png', 'c.png', 'a.png'],
      'only the forgotten one is asked again',
    );
  });
});
