import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SocialPost, SocialThread } from '../../../../shared/contracts/social-thread.ts';
import { publicMirror } from '../../../../api/services/social/public-mirror.ts';
import { renderThreadPosts } from '../../../../shared/render/thread.ts';

const base: Omit<SocialPost, 'id' | 'parentId' | 'depth' | 'author' | 'html' | 'text'> = {
  url: null,
  placeholder: null,
  contentWarning: null,
  sensitive: false,
  labels: [],
  media: [],
  links: [],
  mentions: [],
  hashtags: [],
  counts: { replies: null, reposts: null, likes: null, quotes: null },
  createdAt: '2026-11-20T10:00:00.000Z',
  editedAt: null,
  deletedAt: null,
};
const person = (name: string, handle: string) => ({
  displayName: name,
  handle,
  url: `https://social.example/@${handle}`,
  isOwnAccount: false,
  isOfficial: false,
});

const thread: SocialThread = {
  id: 't1',
  platform: 'mastodon',
  rootId: '1',
  url: 'https://social.example/@gemeente/1',
  title: null,
  lastSyncedAt: null,
  posts: [
    {
      ...base,
      id: '1',
      parentId: null,
      depth: 0,
      author: { ...person('Gemeente', 'gemeente@social.example'), isOwnAccount: true, isOfficial: true },
      html: '<p>Waar moet de route komen?</p>',
      text: 'Waar moet de route komen?',
      lang: 'nl',
    },
    {
      ...base,
      id: '2',
      parentId: '1',
      depth: 1,
      url: 'https://social.example/@jan/2',
      author: person('Jan Jansen', 'jan@social.example'),
      html: '<p>Through the park, please.</p>',
      text: 'Through the park, please.',
      lang: 'en',
      media: [{ kind: 'image', url: 'https://social.example/m/1.jpg', previewUrl: null, alt: null }],
    },
    { ...base, id: '3', parentId: '1', depth: 1, placeholder: 'deleted', author: null, html: '', text: '' },
    {
      ...base,
      id: '4',
      parentId: '2',
      depth: 2,
      author: person('Jan Jansen', 'jan@social.example'),
      html: '<p>En met licht.</p>',
      text: 'En met licht.',
      contentWarning: 'donker',
    },
  ],
};

describe('the public mirror of a thread', () => {
  test('replaces private persons by a letter, the same letter for the same person, and drops their links', () => {
    const mirror = publicMirror(thread);
    const [root, reply, , again] = mirror.posts;
    assert.equal(root!.author?.displayName, 'Gemeente');
    assert.deepEqual(reply!.author, {
      displayName: null,
      handle: null,
      url: null,
      isOwnAccount: false,
      isOfficial: false,
      pseudonym: 'A',
    });
    assert.equal(reply!.url, null);
    assert.equal(again!.author?.pseudonym, 'A');
    assert.doesNotMatch(JSON.stringify(mirror), /Jansen|jan@social/);
  });
});

describe('renderThreadPosts', () => {
  const html = String(renderThreadPosts(publicMirror(thread), 'nl'));

  test('nests a reply in a list inside the post it answers', () => {
    assert.match(html, /<ol class="podium-thread__posts"><li><article[^]*?<ol class="podium-thread__posts"><li>/);
    assert.equal(html.match(/<ol class="podium-thread__posts">/g)?.length, 3);
  });

  test('marks a post in another language with its lang, and none when it is the page language', () => {
    assert.match(html, /<div class="podium-post__content" lang="en"><p>Through the park/);
    assert.match(html, /<div class="podium-post__content"><p>Waar moet/);
  });

  test('says an image has no description instead of leaving it silent', () => {
    assert.match(html, /Afbeelding <span class="podium-post__no-description">zonder beschrijving<\/span>/);
    assert.doesNotMatch(html, /<img/);
  });

  test("links a resident's image to Podium's copy, never to the platform's file address", () => {
    assert.match(
      html,
      /<li><a href="\/api\/threads\/[^"/]+\/media\/[\w-]{22}" rel="nofollow noopener">Afbeelding <span class="podium-post__no-description">/,
    );
    assert.doesNotMatch(html, /m\/1\.jpg/);
  });

  test('shows a deleted post as a placeholder and names residents by their letter', () => {
    assert.match(html, /Dit bericht is verwijderd\./);
    assert.match(html, /Inwoner A schreef op/);
    assert.match(html, /Antwoord aan Inwoner A/);
    assert.doesNotMatch(html, /Jan Jansen/);
  });

  test('hides a post with a content warning behind a disclosure', () => {
    assert.match(
      html,
      /<details class="podium-disclosure"><summary>Waarschuwing: donker\. Toon het bericht<\/summary>/,
    );
  });
});

describe('renderThreadPosts with sensitive media and descriptions added by the municipality', () => {
  const image = { kind: 'image' as const, previewUrl: null };
  const withMedia: SocialThread = {
    ...thread,
    posts: [
      {
        ...thread.posts[0]!,
        media: [
          {
            ...image,
            url: 'https://social.example/m/a.jpg',
            alt: null,
            staffAlt: { text: 'Het kruispunt', lang: 'nl' },
          },
          {
            ...image,
            url: 'https://social.example/m/b.jpg',
            alt: 'A bench',
            staffAlt: { text: 'Een houten bank', lang: 'nl' },
          },
        ],
      },
      {
        ...thread.posts[1]!,
        id: '5',
        sensitive: false,
        labels: ['graphic-media'],
        media: [{ ...image, url: 'https://social.example/m/c.jpg', alt: 'Een ongeluk' }],
      },
    ],
  };

  test('shows the municipality’s description marked as added by the municipality, beside the author’s', () => {
    const html = String(renderThreadPosts(publicMirror(withMedia), 'nl'));
    assert.match(
      html,
      /Afbeelding: <span>Het kruispunt<\/span> <span class="podium-post__added">\(beschrijving toegevoegd door de gemeente\)<\/span>/,
    );
    assert.match(html, /Afbeelding: A bench\. <span>Een houten bank<\/span> <span class="podium-post__added">/);
    const english = String(renderThreadPosts(publicMirror(withMedia), 'en'));
    assert.match(
      english,
      /<span lang="nl">Het kruispunt<\/span> <span class="podium-post__added">\(description added by the municipality\)/,
    );
  });

  test('keeps media labelled sensitive behind a "show sensitive image" disclosure', () => {
    const html = String(renderThreadPosts(publicMirror(withMedia), 'nl'));
    assert.match(
      html,
      /<details class="podium-disclosure"><summary>Toon gevoelige afbeelding<\/summary><ul class="podium-post__media"><li><a href="\/api\/threads\/[^"]+" rel="nofollow noopener">Afbeelding: Een ongeluk/,
    );
    assert.equal(html.match(/<summary>Toon gevoelige/g)?.length, 1, 'media without a label are shown as they are');
    assert.match(String(renderThreadPosts(publicMirror(withMedia), 'en')), /<summary>Show sensitive image<\/summary>/);
  });
});

describe("renderThreadPosts with the municipality's answer to a post", () => {
  const answered: SocialThread = {
    ...thread,
    posts: thread.posts.map((post) =>
      post.id === '2'
        ? {
            ...post,
            answers: [
              { body: 'Dank u.\n\nWe kijken naar het park.', lang: 'nl', publishedAt: '2026-11-21T09:30:00.000Z' },
            ],
          }
        : post.id === '3'
          ? // A placeholder shows nothing of what was said to it.
            { ...post, answers: [{ body: 'Niet tonen.', lang: 'nl', publishedAt: '2026-11-21T09:30:00.000Z' }] }
          : post,
    ),
  };
  const html = String(renderThreadPosts(publicMirror(answered), 'nl'));

  test('puts the answer first in the list under the post it answers, before the replies to that post', () => {
    assert.match(
      html,
      /Through the park, please\.[^]*?<\/article><ol class="podium-thread__posts"><li><article class="podium-post podium-post--answer"><h3 class="podium-post__author">De gemeente antwoordde op <time[^]*?<\/article><\/li><li><article class="podium-post">[^]*?En met licht\./,
    );
    assert.equal(html.match(/podium-post--answer/g)?.length, 1, 'one answer, under its post only');
    assert.doesNotMatch(html, /Niet tonen/);
  });

  test('names whom it answers, says it is not on the platform, and keeps its paragraphs', () => {
    assert.match(
      html,
      /<p class="podium-meta"><span class="podium-badge">Account van de gemeente<\/span> · Antwoord aan Inwoner A · Dit antwoord staat alleen hier, niet op Mastodon<\/p>/,
    );
    assert.match(html, /<div class="podium-post__content"><p>Dank u\.<\/p>\n<p>We kijken naar het park\.<\/p><\/div>/);
  });

  test('marks a Dutch answer with its language on an English page', () => {
    const english = String(renderThreadPosts(publicMirror(answered), 'en'));
    assert.match(english, /The municipality answered on <time/);
    assert.match(english, /This answer is only here, not on Mastodon/);
    assert.match(english, /<div class="podium-post__content" lang="nl"><p>Dank u\.<\/p>/);
  });
});

describe('renderThreadPosts with a resident mentioned in the municipality’s reply', () => {
  const mentioned: SocialThread = {
    ...thread,
    posts: [
      ...thread.posts,
      {
        ...base,
        id: '6',
        parentId: '2',
        depth: 2,
        author: { ...person('Gemeente', 'gemeente@social.example'), isOwnAccount: true, isOfficial: true },
        html: '<p><a href="https://social.example/@jan" rel="nofollow ugc noopener">@jan</a> dank, we kijken ernaar.</p>',
        text: '@jan dank, we kijken ernaar.',
        mentions: [{ handle: 'jan@social.example', url: 'https://social.example/@jan' }],
      },
    ],
  };

  test('names the resident by their pseudonym in the page’s language, as text without a link', () => {
    const dutch = String(renderThreadPosts(publicMirror(mentioned), 'nl'));
    assert.match(dutch, /<div class="podium-post__content"><p>Inwoner A dank, we kijken ernaar\.<\/p><\/div>/);
    assert.doesNotMatch(dutch, /@jan|social\.example\/@jan/);
    assert.match(String(renderThreadPosts(publicMirror(mentioned), 'en')), /<p>Resident A dank, we kijken/);
  });
});
