import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blueskyPostUrl, parsePostUrl } from '../../../../api/services/social/urls.ts';

describe('reading a post address', () => {
  it('reads Mastodon addresses in their several forms', () => {
    assert.deepEqual(parsePostUrl('https://social.overheid.nl/@gemeente/113456789012345678'), {
      platform: 'mastodon',
      origin: 'https://social.overheid.nl',
      statusId: '113456789012345678',
      handle: 'gemeente',
    });
    assert.equal(parsePostUrl('https://m.example/@bob@andere.example/1234')?.platform, 'mastodon');
    assert.deepEqual(parsePostUrl('https://m.example/users/bob/statuses/1234'), {
      platform: 'mastodon',
      origin: 'https://m.example',
      statusId: '1234',
      handle: 'bob',
    });
  });

  it('reads Bluesky web addresses and AT URIs', () => {
    assert.deepEqual(parsePostUrl('https://bsky.app/profile/Gemeente.bsky.social/post/3kabc'), {
      platform: 'bluesky',
      actor: 'gemeente.bsky.social',
      rkey: '3kabc',
    });
    assert.deepEqual(parsePostUrl('at://did:plc:abc123/app.bsky.feed.post/3kabc'), {
      platform: 'bluesky',
      actor: 'did:plc:abc123',
      rkey: '3kabc',
    });
  });

  it('reads X, Facebook and Instagram addresses', () => {
    assert.deepEqual(parsePostUrl('https://twitter.com/gemeente/status/1253788283760492544?s=20'), {
      platform: 'x',
      username: 'gemeente',
      tweetId: '1253788283760492544',
    });
    assert.equal(parsePostUrl('https://x.com/i/web/status/1576994789110992896')?.platform, 'x');
    assert.deepEqual(parsePostUrl('https://www.facebook.com/gemeente/posts/pfbid02abc'), {
      platform: 'facebook',
      page: 'gemeente',
      postId: 'pfbid02abc',
    });
    assert.deepEqual(parsePostUrl('https://www.instagram.com/p/C1a2b3c4d5/'), {
      platform: 'instagram',
      shortcode: 'C1a2b3c4d5',
    });
  });

  it('refuses addresses that name no post', () => {
    for (const url of [
      '',
      'niet een url',
      'ftp://m.example/@a/1',
      'https://m.example/@a',
      'https://bsky.app/profile/a.b',
      'https://x.com/gemeente',
      'javascript:alert(1)',
      // Malformed %-escapes: refused like any address that names no post, never thrown.
      'https://social.example/@gemeente%E0%A4%A/113456789012345678',
      'https://bsky.app/profile/%/post/3kabc',
    ]) {
      assert.equal(parsePostUrl(url), undefined, url);
    }
  });

  it('links back to a Bluesky post by handle, or by DID when the handle is invalid', () => {
    assert.equal(
      blueskyPostUrl('at://did:plc:a/app.bsky.feed.post/3k', 'a.bsky.social'),
      'https://bsky.app/profile/a.bsky.social/post/3k',
    );
    assert.equal(
      blueskyPostUrl('at://did:plc:a/app.bsky.feed.post/3k', 'handle.invalid'),
      'https://bsky.app/profile/did:plc:a/post/3k',
    );
  });
});
