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
