import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SocialPost } from '../../../../shared/contracts/social-thread.ts';
import { importFacebookComments } from '../../../../api/services/social/facebook.ts';

const comment = (id: string, message: string, extra: Record<string, unknown> = {}) => ({
  id,
  message,
  created_time: '2026-11-20T09:00:00+0000',
  from: { id: 'fb-anna', name: 'Anna' },
  like_count: 1,
  comment_count: 0,
  ...extra,
});

describe('Facebook import', () => {
  it('rebuilds a flat stream from parent.id under the Page post, and reads +0000 times', () => {
    const thread = importFacebookComments(
      {
        data: [
          comment('500_1', 'Goed idee! Zie https://gemeente.example/plan.', { comment_count: 1 }),
          comment('500_2', 'Dank u, we nemen het mee #fietsroute', {
            created_time: '2026-11-20T10:00:00+0000',
            from: { id: 'page-1', name: 'Gemeente' },
            parent: { id: '500_1' },
          }),
        ],
        paging: { cursors: { before: 'a', after: 'b' } },
      },
      { ownAccounts: ['page-1'] },
    );
    assert.equal(thread.rootId, '500');
    assert.deepEqual(
      thread.posts.map((p) => `${p.depth}:${p.id}:${p.placeholder ?? ''}`),
      ['0:500:unavailable', '1:500_1:', '2:500_2:'],
    );
    const [, first, second] = thread.posts;
    assert.equal(first?.createdAt, '2026-11-20T09:00:00.000Z');
    assert.deepEqual(first?.links, [{ url: 'https://gemeente.example/plan', text: 'https://gemeente.example/plan' }]);
    assert.equal(first?.lang, undefined);
    assert.deepEqual(second?.hashtags, ['fietsroute']);
    assert.equal(second?.author?.isOwnAccount, true);
    assert.deepEqual(first?.counts, { replies: 1, reposts: null, likes: 1, quotes: null });
    for (const p of thread.posts) assert.ok(SocialPost.safeParse(p).success);
  });

  it('reads a post with nested comments, leaves out hidden ones and marks attachments without alt', () => {
    const thread = importFacebookComments({
      id: '600',
      message: 'Wat vindt u van het plan?',
      created_time: '2026-11-20T08:00:00+0000',
      from: { id: 'page-1', name: 'Gemeente' },
      comments: {
        data: [
          comment('600_1', 'Mooi', {
            attachment: { type: 'photo', media: { image: { src: 'https://scontent.example/p.jpg' } } },
            comments: { data: [comment('600_3', 'Inderdaad')] },
          }),
          comment('600_2', 'spam', { is_hidden: true }),
        ],
        paging: { next: 'https://graph.example/next' },
      },
    });
    assert.deepEqual(
      thread.posts.map((p) => `${p.depth}:${p.text}`),
      ['0:Wat vindt u van het plan?', '1:Mooi', '2:Inderdaad'],
    );
    assert.deepEqual(thread.posts[1]?.media, [
      { kind: 'image', url: 'https://scontent.example/p.jpg', previewUrl: 'https://scontent.example/p.jpg', alt: null },
    ]);
    assert.equal(thread.complete, false);
    assert.ok(thread.warnings.some((w) => w.includes('hidden')));
  });

  it('asks for the post id when comments do not reveal it', () => {
    assert.throws(() => importFacebookComments({ data: [comment('1', 'x')] }), /rootId/);
  });
});
