import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SocialPost } from '../../../../shared/contracts/social-thread.ts';
import {
  importBlueskyThread,
  importBlueskyThreadV2,
  normaliseBlueskyPost,
} from '../../../../api/services/social/bluesky.ts';
import { blueskyPost, BSKY_ROOT, byteRange, reply } from '../../../fixtures/social/payloads.ts';

const ANNA = 'at://did:plc:anna/app.bsky.feed.post/3anna';
const BERT = 'at://did:plc:bert/app.bsky.feed.post/3bert';
const richText = 'één 🚲 tip: gemeente.example/fiets… @anna.bsky.social #fietsroute';

function richPost() {
  return blueskyPost(
    ANNA,
    richText,
    {
      embed: {
        $type: 'app.bsky.embed.images#view',
        images: [
          { thumb: 'https://cdn.example/t1', fullsize: 'https://cdn.example/f1', alt: '' },
          { thumb: 'https://cdn.example/t2', fullsize: 'https://cdn.example/f2', alt: 'Kaart van de route' },
        ],
      },
      labels: [{ val: 'graphic-media', src: 'did:plc:labeler' }],
    },
    {
      ...reply(ANNA, BSKY_ROOT),
      langs: ['nl', 'i-klingon'],
      facets: [
        {
          index: byteRange(richText, 'gemeente.example/fiets…'),
          features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://gemeente.example/fietsroute-parklaan' }],
        },
        {
          index: byteRange(richText, '@anna.bsky.social'),
          features: [{ $type: 'app.bsky.richtext.facet#mention', did: 'did:plc:anna' }],
        },
        {
          index: byteRange(richText, '#fietsroute'),
          features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'fietsroute' }],
        },
      ],
    },
  );
}

describe('Bluesky import', () => {
  it('links the full URI of a shortened link at the right place after "één" and an emoji', () => {
    const post = normaliseBlueskyPost(richPost());
    assert.match(
      post.html,
      /^<p>één 🚲 tip: <a href="https:\/\/gemeente\.example\/fietsroute-parklaan" rel="nofollow ugc noopener">gemeente\.example\/fiets…<\/a> <a href="https:\/\/bsky\.app\/profile\/did:plc:anna"/,
    );
    assert.deepEqual(post.links, [
      { url: 'https://gemeente.example/fietsroute-parklaan', text: 'gemeente.example/fiets…' },
    ]);
    assert.deepEqual(post.mentions, [{ handle: 'anna.bsky.social', url: 'https://bsky.app/profile/did:plc:anna' }]);
    assert.deepEqual(post.hashtags, ['fietsroute']);
  });

  it('turns an empty alt into null ("no description") and keeps real alt text', () => {
    const post = normaliseBlueskyPost(richPost());
    assert.deepEqual(
      post.media.map((m) => m.alt),
      [null, 'Kaart van de route'],
    );
  });

  it('keeps labels, marks warning labels sensitive, and takes the first valid declared language', () => {
    const post = normaliseBlueskyPost(richPost());
    assert.deepEqual(post.labels, ['graphic-media']);
    assert.equal(post.sensitive, true);
    assert.equal(post.lang, 'nl');
    assert.ok(SocialPost.safeParse(post).success);
  });

  it('hides posts the platform hides (!hide) behind an "unavailable" placeholder', () => {
    const post = normaliseBlueskyPost(
      blueskyPost(BERT, 'weg ermee', { labels: [{ val: '!hide' }] }, reply(BERT, BSKY_ROOT)),
    );
    assert.equal(post.placeholder, 'unavailable');
    assert.equal(post.text, '');
    assert.equal(post.parentId, BSKY_ROOT);
  });

  it('does not trust a client createdAt that lies after the AppView indexed the post', () => {
    const post = normaliseBlueskyPost(
      blueskyPost(
        BERT,
        'uit de toekomst',
        { indexedAt: '2026-11-20T10:00:00.000Z' },
        { createdAt: '2099-01-01T00:00:00.000Z' },
      ),
    );
    assert.equal(post.createdAt, '2026-11-20T10:00:00.000Z');
  });

  it('builds the nested getPostThread view root first, without deleted or blocked replies', () => {
    const thread = importBlueskyThread({
      thread: {
        $type: 'app.bsky.feed.defs#threadViewPost',
        post: blueskyPost(BSKY_ROOT, 'Wat vindt u van de fietsroute?', { replyCount: 3 }),
        replies: [
          {
            $type: 'app.bsky.feed.defs#threadViewPost',
            post: blueskyPost(ANNA, 'Goed plan', { indexedAt: '2026-11-20T09:02:00.000Z' }, reply(ANNA, BSKY_ROOT)),
            replies: [
              {
                $type: 'app.bsky.feed.defs#threadViewPost',
                post: blueskyPost(BERT, 'Eens', { indexedAt: '2026-11-20T09:03:00.000Z' }, reply(BERT, ANNA)),
                replies: [],
              },
            ],
          },
          {
            $type: 'app.bsky.feed.defs#blockedPost',
            uri: 'at://did:plc:x/app.bsky.feed.post/1',
            blocked: true,
            author: { did: 'did:plc:x' },
          },
          { $type: 'app.bsky.feed.defs#notFoundPost', uri: 'at://did:plc:y/app.bsky.feed.post/2', notFound: true },
        ],
      },
    });
    assert.deepEqual(
      thread.posts.map((p) => `${p.depth}:${p.id.split('/').pop()}`),
      ['0:3root', '1:3anna', '2:3bert'],
    );
    assert.equal(thread.warnings.length, 2);
  });

  it('shows a deleted parent as a placeholder and keeps the reply under it', () => {
    const thread = importBlueskyThread({
      thread: {
        $type: 'app.bsky.feed.defs#threadViewPost',
        post: blueskyPost(BERT, 'Eens', {}, reply(BERT, ANNA)),
        parent: {
          $type: 'app.bsky.feed.defs#threadViewPost',
          post: blueskyPost(ANNA, 'x', {}, reply(ANNA, BSKY_ROOT)),
          parent: { $type: 'app.bsky.feed.defs#notFoundPost', uri: BSKY_ROOT, notFound: true },
        },
        replies: [],
      },
    });
    assert.deepEqual(
      thread.posts.map((p) => `${p.depth}:${p.placeholder ?? p.text}`),
      ['0:deleted', '1:x', '2:Eens'],
    );
  });

  it('shows a blocked parent as a "blocked" placeholder', () => {
    const thread = importBlueskyThread({
      thread: {
        post: blueskyPost(BERT, 'Eens', {}, reply(BERT, BSKY_ROOT)),
        parent: {
          $type: 'app.bsky.feed.defs#blockedPost',
          uri: BSKY_ROOT,
          blocked: true,
          author: { did: 'did:plc:gemeente' },
        },
      },
    });
    assert.equal(thread.posts[0]?.placeholder, 'blocked');
    assert.equal(thread.posts[0]?.author, null);
  });

  it('reads the flat getPostThreadV2 shape with depths', () => {
    const item = (uri: string, depth: number, post: unknown) => ({
      uri,
      depth,
      value: { $type: 'app.bsky.unspecced.defs#threadItemPost', post },
    });
    const thread = importBlueskyThreadV2({
      hasOtherReplies: false,
      thread: [
        item(BSKY_ROOT, 0, blueskyPost(BSKY_ROOT, 'root')),
        item(ANNA, 1, blueskyPost(ANNA, 'a', {}, reply(ANNA, BSKY_ROOT))),
        {
          uri: 'at://did:plc:z/app.bsky.feed.post/9',
          depth: 2,
          value: { $type: 'app.bsky.unspecced.defs#threadItemNotFound' },
        },
        item(BERT, 1, blueskyPost(BERT, 'b', { indexedAt: '2026-11-20T09:09:00.000Z' }, reply(BERT, BSKY_ROOT))),
      ],
    });
    assert.deepEqual(
      thread.posts.map((p) => `${p.depth}:${p.placeholder ?? p.text}`),
      ['0:root', '1:a', '2:deleted', '1:b'],
    );
  });
});
