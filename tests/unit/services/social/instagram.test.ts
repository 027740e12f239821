import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SocialPost } from '../../../../shared/contracts/social-thread.ts';
import { importInstagramComments } from '../../../../api/services/social/instagram.ts';

describe('Instagram import', () => {
  it('nests the one reply level under its comment and leaves out hidden comments', () => {
    const thread = importInstagramComments(
      {
        data: [
          {
            id: 'c1',
            text: 'Mooi plan @gemeente! #groen',
            timestamp: '2026-11-20T09:00:00+0000',
            username: 'anna',
            like_count: 2,
            replies: {
              data: [
                {
                  id: 'c2',
                  text: 'Dank je!',
                  timestamp: '2026-11-20T09:30:00+0000',
                  username: 'gemeente',
                  parent_id: 'c1',
                },
              ],
            },
          },
          { id: 'c3', text: 'verborgen', timestamp: '2026-11-20T09:10:00+0000', hidden: true },
          { id: 'c4', text: 'zonder naam', timestamp: '2026-11-20T09:20:00+0000' },
        ],
      },
      { rootId: 'media-1', ownAccounts: ['gemeente'] },
    );
    assert.deepEqual(
      thread.posts.map((p) => `${p.depth}:${p.id}`),
      ['0:media-1', '1:c1', '2:c2', '1:c4'],
    );
    const c1 = thread.posts[1]!;
    assert.deepEqual(c1.mentions, [{ handle: 'gemeente', url: 'https://www.instagram.com/gemeente/' }]);
    assert.deepEqual(c1.hashtags, ['groen']);
    assert.deepEqual(c1.counts, { replies: 1, reposts: null, likes: 2, quotes: null });
    assert.equal(thread.posts[2]?.author?.isOwnAccount, true);
    assert.equal(thread.posts[3]?.author, null);
    for (const p of thread.posts) assert.ok(SocialPost.safeParse(p).success);
  });

  it('reads a media item with its comments as the root, with media and no alt text', () => {
    const thread = importInstagramComments({
      id: 'm1',
      caption: 'De nieuwe speeltuin',
      timestamp: '2026-11-20T08:00:00+0000',
      username: 'gemeente',
      media_type: 'IMAGE',
      media_url: 'https://cdn.example/m1.jpg',
      permalink: 'https://www.instagram.com/p/ABCDE12345/',
      comments: { data: [{ id: 'c1', text: 'Leuk', timestamp: '2026-11-20T09:00:00+0000' }] },
    });
    assert.equal(thread.url, 'https://www.instagram.com/p/ABCDE12345/');
    assert.equal(thread.posts[0]?.text, 'De nieuwe speeltuin');
    assert.equal(thread.posts[0]?.media[0]?.alt, null);
  });

  it('asks for the media id of a bare comments response', () => {
    assert.throws(() => importInstagramComments({ data: [] }), /rootId/);
  });
});
