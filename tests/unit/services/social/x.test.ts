import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SocialPost } from '../../../../shared/contracts/social-thread.ts';
import { importXConversation, normaliseTweet, snowflakeTime } from '../../../../api/services/social/x.ts';
import { tweet, X_USERS } from '../../../fixtures/social/payloads.ts';

const ROOT = '1800000000000000000';
const includes = { users: X_USERS, media: [], tweets: [] };

describe('X import', () => {
  it('decodes the HTML escaping of tweet text', () => {
    const post = normaliseTweet(tweet('1', 'Fiets &amp; bus: 3 &lt; 5 &gt; 2'), includes)!;
    assert.equal(post.text, 'Fiets & bus: 3 < 5 > 2');
    assert.equal(post.html, '<p>Fiets &amp; bus: 3 &lt; 5 &gt; 2</p>');
  });

  it('places entities by code points after an emoji and links the expanded URL', () => {
    const text = '🚲🚲 @gemeente zie https://t.co/abc #fiets';
    const post = normaliseTweet(
      tweet('2', text, {
        entities: {
          mentions: [{ start: 3, end: 12, username: 'gemeente' }],
          urls: [
            {
              start: 17,
              end: 33,
              url: 'https://t.co/abc',
              expanded_url: 'https://gemeente.example/fiets',
              display_url: 'gemeente.example/fiets',
            },
          ],
          hashtags: [{ start: 34, end: 40, tag: 'fiets' }],
        },
      }),
      includes,
    )!;
    assert.equal(
      post.html,
      '<p>🚲🚲 <a href="https://x.com/gemeente" rel="nofollow ugc noopener">@gemeente</a> zie <a href="https://gemeente.example/fiets" rel="nofollow ugc noopener">gemeente.example/fiets</a> <a href="https://x.com/hashtag/fiets" rel="nofollow ugc noopener">#fiets</a></p>',
    );
    assert.deepEqual(post.links, [{ url: 'https://gemeente.example/fiets', text: 'gemeente.example/fiets' }]);
    assert.deepEqual(post.hashtags, ['fiets']);
  });

  it('takes the full text of a truncated retweet from includes.tweets', () => {
    const original = tweet(
      '3',
      'Een heel lang bericht over de nieuwe fietsroute langs het park dat X afkapt in retweets',
      {
        author_id: 'u-gemeente',
      },
    );
    const retweet = tweet('4', 'RT @gemeente: Een heel lang bericht over de nieuwe…', {
      referenced_tweets: [{ type: 'retweeted', id: '3' }],
    });
    const post = normaliseTweet(retweet, { ...includes, tweets: [original] })!;
    assert.equal(
      post.text,
      'RT @gemeente: Een heel lang bericht over de nieuwe fietsroute langs het park dat X afkapt in retweets',
    );
  });

  it('prefers the note_tweet text of long posts', () => {
    const post = normaliseTweet(
      tweet('5', 'Kort…', { note_tweet: { text: 'Kort is dit niet, dit is de hele tekst.' } }),
      includes,
    )!;
    assert.equal(post.text, 'Kort is dit niet, dit is de hele tekst.');
  });

  it('reads alt text from includes.media and marks a missing one as null', () => {
    const post = normaliseTweet(tweet('6', 'foto', { attachments: { media_keys: ['3_a', '3_b', '16_c'] } }), {
      ...includes,
      media: [
        { media_key: '3_a', type: 'photo', url: 'https://pbs.example/a.jpg', alt_text: 'Drukke kruising' },
        { media_key: '3_b', type: 'photo', url: 'https://pbs.example/b.jpg' },
        {
          media_key: '16_c',
          type: 'animated_gif',
          preview_image_url: 'https://pbs.example/c.jpg',
          variants: [{ content_type: 'video/mp4', bit_rate: 0, url: 'https://video.example/c.mp4' }],
        },
      ],
    })!;
    assert.deepEqual(
      post.media.map((m) => [m.kind, m.alt, m.url]),
      [
        ['image', 'Drukke kruising', 'https://pbs.example/a.jpg'],
        ['image', null, 'https://pbs.example/b.jpg'],
        ['gifv', null, 'https://video.example/c.mp4'],
      ],
    );
  });

  it("drops X's non-language codes and keeps a plausible detected language", () => {
    assert.equal(normaliseTweet(tweet('7', 'hey :)', { lang: 'qst' }), includes)!.lang, undefined);
    assert.equal(normaliseTweet(tweet('8', 'Goed plan', { lang: 'nl' }), includes)!.lang, 'nl');
  });

  it('keeps an edited tweet under its first id and marks the edit', () => {
    const post = normaliseTweet(
      tweet('1800000000000000009', 'bewerkt', {
        edit_history_tweet_ids: ['1800000000000000001', '1800000000000000009'],
        created_at: '2026-11-20T10:00:00.000Z',
      }),
      includes,
    )!;
    assert.equal(post.id, '1800000000000000001');
    assert.equal(post.editedAt, '2026-11-20T10:00:00.000Z');
    assert.equal(post.createdAt, snowflakeTime('1800000000000000001'));
  });

  it('rebuilds a conversation from replied_to, leaving out other conversations and retweets', () => {
    const thread = importXConversation(
      {
        data: [
          tweet('1800000000000000002', '@gemeente eens', { referenced_tweets: [{ type: 'replied_to', id: ROOT }] }),
          tweet('1800000000000000003', '@anna_nl dank', {
            author_id: 'u-gemeente',
            referenced_tweets: [{ type: 'replied_to', id: '1800000000000000002' }],
          }),
          tweet('1800000000000000004', 'ander gesprek', { conversation_id: '1700000000000000000' }),
          tweet('1800000000000000005', 'RT @x: y', { referenced_tweets: [{ type: 'retweeted', id: '1' }] }),
        ],
        includes: { users: X_USERS },
      },
      { rootId: ROOT, ownAccounts: ['gemeente'] },
    );
    assert.deepEqual(
      thread.posts.map((p) => `${p.depth}:${p.id.slice(-1)}:${p.placeholder ?? p.author?.handle}`),
      ['0:0:unavailable', '1:2:anna_nl', '2:3:gemeente'],
    );
    assert.equal(thread.posts[2]?.author?.isOwnAccount, true);
    assert.equal(thread.complete, false);
    for (const p of thread.posts) assert.ok(SocialPost.safeParse(p).success);
  });

  it('shows a deleted tweet that others reply to as a "deleted" placeholder', () => {
    const thread = importXConversation(
      {
        data: [
          tweet(ROOT, 'root', { author_id: 'u-gemeente' }),
          tweet('1800000000000000007', 'reactie', {
            referenced_tweets: [{ type: 'replied_to', id: '1800000000000000006' }],
          }),
        ],
        includes: { users: X_USERS },
        errors: [
          {
            resource_id: '1800000000000000006',
            type: 'https://api.twitter.com/2/problems/resource-not-found',
            title: 'Not Found Error',
          },
        ],
      },
      { rootId: ROOT },
    );
    assert.deepEqual(
      thread.posts.map((p) => `${p.depth}:${p.placeholder ?? p.text}`),
      ['0:root', '1:deleted', '2:reactie'],
    );
  });

  it('shows a withheld tweet as "unavailable"', () => {
    const post = normaliseTweet(tweet('9', 'geheim', { withheld: { country_codes: ['NL'] } }), includes)!;
    assert.equal(post.placeholder, 'unavailable');
    assert.equal(post.text, '');
  });
});
