import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SocialPost } from '../../../../shared/contracts/social-thread.ts';
import { importMastodonThread, normaliseMastodonStatus } from '../../../../api/services/social/mastodon.ts';
import { mastodonStatus, mastodonThread } from '../../../fixtures/social/payloads.ts';

const directory = { ownAccounts: ['gemeente@social.gemeente.example'], officialAccounts: ['bert@andere.example'] };

describe('Mastodon import', () => {
  const thread = importMastodonThread(mastodonThread(), directory);
  const post = (id: string) => thread.posts.find((p) => p.id === id)!;

  it('orders the thread root first and depth first, linked by in_reply_to_id', () => {
    assert.deepEqual(
      thread.posts.map((p) => `${p.depth}:${p.id}`),
      ['0:100', '1:101', '2:102'],
    );
    assert.equal(thread.rootId, '100');
    assert.equal(post('102').parentId, '101');
  });

  it('mirrors only public posts', () => {
    assert.equal(post('103'), undefined);
    assert.ok(thread.warnings.some((w) => w.includes('103')));
  });

  it('satisfies the public contract for every post', () => {
    for (const p of thread.posts) assert.ok(SocialPost.safeParse(p).success, p.id);
  });

  it('marks the own account and other official accounts, and qualifies local handles with the instance', () => {
    assert.deepEqual(
      [post('100').author?.handle, post('100').author?.isOwnAccount, post('100').author?.isOfficial],
      ['gemeente@social.gemeente.example', true, true],
    );
    assert.deepEqual([post('102').author?.isOwnAccount, post('102').author?.isOfficial], [false, true]);
    assert.deepEqual([post('101').author?.isOwnAccount, post('101').author?.isOfficial], [false, false]);
  });

  it('sanitises the HTML, drops invisible URL parts and keeps the full URL in text and links', () => {
    assert.doesNotMatch(post('100').html, /invisible|class=|target=/);
    assert.match(post('100').html, />gemeente\.example\/fietsroute\/st…<\/a>/);
    assert.match(post('100').text, /https:\/\/www\.gemeente\.example\/fietsroute\/stationsstraat-parklaan/);
    assert.deepEqual(post('100').links, [
      {
        url: 'https://www.gemeente.example/fietsroute/stationsstraat-parklaan',
        text: 'gemeente.example/fietsroute/stationsstraat-parklaan',
      },
    ]);
    assert.deepEqual(post('100').hashtags, ['fietsroute']);
  });

  it('reads mentions and line breaks, and decodes entities in the plain text', () => {
    assert.equal(post('101').text, '@gemeente Graag meer licht bij het viaduct.\nEn bankjes.');
    assert.deepEqual(post('101').mentions, [
      { handle: 'gemeente@social.gemeente.example', url: 'https://social.gemeente.example/@gemeente' },
    ]);
    assert.equal(post('102').text, "Eens! Het is daar 's avonds echt donker & eng.");
  });

  it('keeps alt text and marks media without a description as null', () => {
    assert.deepEqual(
      post('101').media.map((m) => m.alt),
      [null, 'Een houten bank onder een lantaarnpaal'],
    );
    const empty = normaliseMastodonStatus(
      mastodonStatus('9', {
        media_attachments: [{ type: 'video', url: 'https://m.example/v.mp4', description: '  ' }],
      }),
    );
    assert.deepEqual(empty?.media, [{ kind: 'video', url: 'https://m.example/v.mp4', previewUrl: null, alt: null }]);
  });

  it('keeps the content warning, the sensitive flag and the edit time', () => {
    assert.equal(post('102').contentWarning, 'Verkeersveiligheid');
    assert.equal(post('102').sensitive, true);
    assert.equal(post('102').editedAt, '2026-11-20T09:12:00.000Z');
    assert.equal(post('101').editedAt, null);
  });

  it('omits an implausible declared language and keeps a plausible one', () => {
    assert.equal(post('100').lang, 'nl');
    assert.equal(post('102').lang, undefined); // declared "en" on a Dutch reply
    assert.equal('lang' in post('102'), false);
  });

  it('reads the counts and keeps the raw payload', () => {
    assert.deepEqual(post('100').counts, { replies: 2, reposts: 4, likes: 9, quotes: 0 });
    assert.equal((post('100').raw as { id: string }).id, '100');
  });

  it('starts the thread at the first ancestor when the status is a reply', () => {
    const { status, context } = mastodonThread();
    const descendants = (context.descendants as unknown[]).slice(1);
    const fromReply = importMastodonThread({
      status: (context.descendants as unknown[])[0],
      context: { ancestors: [status], descendants },
    });
    assert.equal(fromReply.rootId, '100');
    assert.deepEqual(
      fromReply.posts.map((p) => p.id),
      ['100', '101', '102'],
    );
  });

  it('puts a reply whose parent is missing under an "unavailable" placeholder', () => {
    const orphan = importMastodonThread({
      status: mastodonStatus('1'),
      context: { ancestors: [], descendants: [mastodonStatus('3', { in_reply_to_id: '2' })] },
    });
    assert.deepEqual(
      orphan.posts.map((p) => `${p.depth}:${p.id}:${p.placeholder}`),
      ['0:1:null', '1:2:unavailable', '2:3:null'],
    );
  });
});
