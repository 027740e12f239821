import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SocialAuthor, SocialPost, SocialThread } from '../../../../shared/contracts/social-thread.ts';
import {
  initialsOf,
  mirrorWithPseudonyms,
  pseudonymKey,
  publicMirror,
} from '../../../../api/services/social/public-mirror.ts';
import { mentionMarker } from '../../../../shared/render/thread.ts';

function post(id: string, author: Partial<SocialAuthor> | null): SocialPost {
  return {
    id,
    url: `https://social.example/@x/${id}`,
    parentId: id === '1' ? null : '1',
    depth: id === '1' ? 0 : 1,
    placeholder: null,
    author: author && {
      displayName: null,
      handle: null,
      url: 'https://social.example/@x',
      isOwnAccount: false,
      isOfficial: false,
      ...author,
    },
    html: '<p>Tekst</p>',
    text: 'Tekst',
    contentWarning: null,
    sensitive: false,
    labels: [],
    media: [],
    links: [],
    mentions: [{ handle: 'anna@social.example', url: 'https://social.example/@anna' }],
    hashtags: [],
    counts: { replies: null, reposts: null, likes: null, quotes: null },
    createdAt: '2026-11-20T09:00:00.000Z',
    editedAt: null,
    deletedAt: null,
  };
}

const thread: SocialThread = {
  id: 't',
  platform: 'mastodon',
  rootId: '1',
  url: null,
  title: null,
  lastSyncedAt: null,
  posts: [
    post('1', {
      displayName: 'Gemeente Demodam',
      handle: 'gemeente@social.example',
      isOwnAccount: true,
      isOfficial: true,
    }),
    post('2', { displayName: 'Fietsfan Demodam', handle: 'fietsfan@social.example' }),
    post('3', { displayName: 'Frank Dekker', handle: 'frank@social.example' }),
    post('4', { displayName: 'Fietsfan Demodam', handle: 'fietsfan@social.example' }),
    post('5', { displayName: null, handle: 'anna.bsky.social' }),
  ],
};

const names = (mirror: SocialThread) =>
  mirror.posts.map((p) => p.author?.pseudonym ?? p.author?.displayName ?? p.author?.handle ?? null);

describe('how residents appear in a public mirror', () => {
  it('pseudonymises by default: a letter per person, stable within the thread, no handle, profile or post link', () => {
    const mirror = publicMirror(thread);
    assert.deepEqual(names(mirror), ['Gemeente Demodam', 'A', 'B', 'A', 'C']);
    assert.deepEqual(
      [mirror.posts[1]!.author!.handle, mirror.posts[1]!.author!.url, mirror.posts[1]!.url],
      [null, null, null],
    );
    assert.deepEqual(mirror.posts[1]!.mentions, [], 'a resident mentioned is no handle or link');
    assert.equal(mirror.posts[0]!.url, thread.posts[0]!.url, 'the municipality keeps its link');
  });

  it('shows initials when the organisation chooses so, keeping two people with the same initials apart', () => {
    const mirror = publicMirror(thread, 'initials');
    assert.deepEqual(names(mirror), ['Gemeente Demodam', 'F.D.', 'F.D. (2)', 'F.D.', 'A.']);
    assert.equal(mirror.posts[2]!.author!.handle, null);
  });

  it('shows names and handles as on the platform for an organisation with a legal basis ("none")', () => {
    const mirror = publicMirror(thread, 'none');
    assert.deepEqual(names(mirror), [
      'Gemeente Demodam',
      'Fietsfan Demodam',
      'Frank Dekker',
      'Fietsfan Demodam',
      'anna.bsky.social',
    ]);
    assert.equal(mirror.posts[1]!.author!.handle, 'fietsfan@social.example');
  });

  it('takes initials from the name, or from the handle when there is no name', () => {
    assert.equal(initialsOf({ displayName: 'Émile van Dam', handle: null }), 'É.V.D.');
    assert.equal(initialsOf({ displayName: '🚲', handle: 'sam@social.example' }), 'S.');
    assert.equal(initialsOf({ displayName: null, handle: null }), undefined);
  });
});

describe('mentions of residents in a public mirror', () => {
  const mentioning = (
    id: string,
    author: Partial<SocialAuthor>,
    html: string,
    text: string,
    mentions: SocialPost['mentions'],
  ) => ({
    ...post(id, author),
    html,
    text,
    mentions,
  });
  const gemeente = {
    displayName: 'Gemeente Demodam',
    handle: 'gemeente@social.example',
    isOwnAccount: true,
    isOfficial: true,
  };
  const jan = { displayName: 'Jan Jansen', handle: 'jan@social.example', url: 'https://social.example/@jan' };
  const conversation: SocialThread = {
    ...thread,
    posts: [
      mentioning('1', gemeente, '<p>Wat valt u op?</p>', 'Wat valt u op?', []),
      mentioning('2', jan, '<p>Het fietspad is kapot</p>', 'Het fietspad is kapot', []),
      mentioning(
        '3',
        gemeente,
        '<p><a href="https://social.example/@jan" rel="nofollow ugc noopener">@jan</a> dank, en @jan@social.example: we kijken. Zie ook <a href="https://social.example/@gemeente" rel="nofollow ugc noopener">@gemeente</a></p>',
        '@jan dank, en @jan@social.example: we kijken. Zie ook @gemeente',
        [
          { handle: 'jan@social.example', url: 'https://social.example/@jan' },
          { handle: 'gemeente@social.example', url: 'https://social.example/@gemeente' },
        ],
      ),
      mentioning(
        '4',
        jan,
        '<p><a href="https://bsky.app/profile/did:plc:piet" rel="nofollow ugc noopener">@piet.bsky.social</a> zag het ook</p>',
        '@piet.bsky.social zag het ook',
        [{ handle: 'piet.bsky.social', url: 'https://bsky.app/profile/did:plc:piet' }],
      ),
    ],
  };

  it("shows a resident mentioned in the municipality's reply as their pseudonym, without link or handle", () => {
    const reply = publicMirror(conversation).posts[2]!;
    assert.equal(
      reply.html,
      `<p>${mentionMarker('A')} dank, en ${mentionMarker('A')}: we kijken. Zie ook <a href="https://social.example/@gemeente" rel="nofollow ugc noopener">@gemeente</a></p>`,
    );
    assert.equal(reply.text, 'Inwoner A dank, en Inwoner A: we kijken. Zie ook @gemeente');
    assert.deepEqual(reply.mentions, [{ handle: 'gemeente@social.example', url: 'https://social.example/@gemeente' }]);
    assert.doesNotMatch(JSON.stringify(reply), /jan/i);
  });

  it('gives a mentioned resident who did not post the next letter, and no profile address (a Bluesky profile holds the DID)', () => {
    const mirror = publicMirror(conversation);
    assert.equal(mirror.posts[3]!.html, `<p>${mentionMarker('B')} zag het ook</p>`);
    assert.doesNotMatch(JSON.stringify(mirror), /did:plc|piet/);
  });

  it('leaves mentions as they are when the organisation publishes names', () => {
    assert.equal(publicMirror(conversation, 'none').posts[2]!.html, conversation.posts[2]!.html);
  });
});

describe('pseudonyms kept for the life of a thread', () => {
  it('keeps every letter when an earlier post is deleted, and gives a newcomer a letter no one has had', () => {
    const first = mirrorWithPseudonyms(thread);
    assert.deepEqual(names(first.thread), ['Gemeente Demodam', 'A', 'B', 'A', 'C']);
    // Fietsfan's posts are deleted at the source; a new person replies.
    const later: SocialThread = {
      ...thread,
      posts: [
        thread.posts[0]!,
        { ...post('2', null), placeholder: 'deleted' },
        thread.posts[2]!,
        { ...post('4', null), placeholder: 'deleted' },
        thread.posts[4]!,
        post('6', { displayName: 'Nieuw', handle: 'nieuw@social.example' }),
      ],
    };
    const second = mirrorWithPseudonyms(later, 'pseudonym', first.assigned);
    assert.deepEqual(names(second.thread), ['Gemeente Demodam', null, 'B', null, 'C', 'E']);
    assert.deepEqual(Object.values(second.assigned), ['E'], 'only the newcomer is new');
  });

  it('keeps no handle in what it stores, and keys a person differently in another thread', () => {
    const { assigned } = mirrorWithPseudonyms(thread);
    assert.doesNotMatch(JSON.stringify(assigned), /fietsfan|frank|anna|social\.example/);
    assert.notEqual(pseudonymKey('t', 'frank@social.example'), pseudonymKey('u', 'frank@social.example'));
  });

  it('shifts letters without the stored assignment, which is why it is stored', () => {
    const withoutFietsfan: SocialThread = { ...thread, posts: thread.posts.filter((p) => !['2', '4'].includes(p.id)) };
    assert.deepEqual(names(publicMirror(withoutFietsfan)), ['Gemeente Demodam', 'A', 'B']);
  });
});
