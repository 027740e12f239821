import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  combineExportFiles,
  detectPlatform,
  importThreadPayload,
} from '../../../../api/services/social/import-payload.ts';
import { SocialImportError } from '../../../../api/services/social/model.ts';
import {
  BSKY_ROOT,
  blueskyPost,
  mastodonStatus,
  mastodonThread,
  reply,
  tweet,
} from '../../../fixtures/social/payloads.ts';

describe('detecting the platform of a JSON thread', () => {
  it('recognises each platform by the shape its API returns', () => {
    const cases: Array<[unknown, string]> = [
      [mastodonThread(), 'mastodon'],
      [mastodonStatus('1'), 'mastodon'],
      [[mastodonStatus('1'), mastodonStatus('2')], 'mastodon'],
      [{ thread: { $type: 'app.bsky.feed.defs#threadViewPost', post: blueskyPost(BSKY_ROOT, 'Hoi') } }, 'bluesky'],
      [{ thread: [{ uri: BSKY_ROOT, depth: 0, value: {} }] }, 'bluesky'],
      [{ data: [tweet('1', 'Hallo')], includes: {} }, 'x'],
      [[{ data: [tweet('1', 'Hallo')] }, { data: [tweet('2', 'Nog een')] }], 'x'],
      [{ data: [{ id: '1_2', message: 'Goed plan', created_time: '2026-11-20T09:00:00+0000' }] }, 'facebook'],
      [{ data: [{ id: '17', text: 'Mooi', timestamp: '2026-11-20T09:00:00+0000', username: 'anna' }] }, 'instagram'],
    ];
    for (const [payload, platform] of cases)
      assert.equal(detectPlatform(payload), platform, JSON.stringify(payload).slice(0, 80));
  });

  it("imports Bluesky's bare thread view and a single post view, which its API also returns", () => {
    const root = blueskyPost(BSKY_ROOT, 'Waar moet de route komen?');
    const bare = {
      $type: 'app.bsky.feed.defs#threadViewPost',
      post: root,
      replies: [
        {
          $type: 'app.bsky.feed.defs#threadViewPost',
          post: blueskyPost('at://did:plc:anna/app.bsky.feed.post/3a', 'Langs het park', {}, reply('', BSKY_ROOT)),
          replies: [],
        },
      ],
    };
    assert.equal(detectPlatform(bare), 'bluesky');
    assert.deepEqual(
      importThreadPayload('bluesky', bare).posts.map((p) => p.depth),
      [0, 1],
    );
    assert.equal(detectPlatform(root), 'bluesky');
    assert.equal(importThreadPayload('bluesky', root).posts[0]!.text, 'Waar moet de route komen?');
  });

  it('says nothing for JSON that is none of them', () => {
    for (const payload of [{ hello: 'world' }, [], null, 'text', { data: [] }]) {
      assert.equal(detectPlatform(payload), undefined);
    }
  });
});

describe('files as the platforms export them', () => {
  const status = { id: '9', content: '<p>Hallo</p>', account: { id: 'a' }, in_reply_to_id: null };
  const context = { ancestors: [], descendants: [] };

  it('reads a Mastodon status and its context, in either order, as one thread payload', () => {
    assert.deepEqual(combineExportFiles([status, context]), { status, context });
    assert.deepEqual(combineExportFiles([context, status]), { status, context });
  });

  it('passes one file through as it is (a Bluesky getPostThread answer, a status alone)', () => {
    const answer = { thread: { $type: 'app.bsky.feed.defs#threadViewPost', post: {} } };
    assert.equal(combineExportFiles([answer]), answer);
    assert.equal(combineExportFiles([status]), status);
  });

  it('refuses a context without its status, and files that are not a status and its context', () => {
    assert.throws(() => combineExportFiles([context]), /give the status file too/);
    assert.throws(() => combineExportFiles([status, status]), SocialImportError);
    assert.throws(() => combineExportFiles([status, context, context]), SocialImportError);
  });
});
