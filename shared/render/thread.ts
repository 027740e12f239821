/**
 * A mirrored social-media thread as accessible HTML: one article per post in nested
 * lists that follow the replies, each post marked with its own language, images as
 * links with their description or a spoken "without a description", content warnings
 * behind a disclosure. Shared by the portal pages and the API; written with the
 * HTML kit; the post HTML is the one trusted part: the importer sanitised it.
 *
 * No image is loaded from the platform: that would tell the platform who reads the page. An
 * image is a link to Podium's copy, opened only when the reader asks (mirror-media.ts).
 */
import type { Locale } from '../contracts/public-content.ts';
import type { MunicipalityAnswer, SocialPost, SocialThread } from '../contracts/social-thread.ts';
import type { LocalizedText } from '../contracts/localized-text.ts';
import { routes } from '../urls.ts';
import { textsFor } from '../i18n.ts';
import * as threadTexts from '../texts/thread.ts';
import {
  answersTo,
  authorLabel,
  authorRole,
  hidesMedia,
  mediaDescriptions,
  threadTree,
  type ThreadNode,
} from '../thread-view.ts';
import {
  attrs,
  html,
  inlineText,
  join,
  localized,
  nothing,
  paragraphs,
  raw,
  time,
  withMarkup,
  type Html,
} from '../html/index.ts';

type ThreadMessages = threadTexts.Texts;

function renderMedia(post: SocialPost, lang: Locale, m: ThreadMessages): Html {
  if (post.media.length === 0) return nothing;
  const items = post.media.map((media) => {
    const kind = { image: m.image, gifv: m.video, video: m.video, audio: m.audio, unknown: m.media }[media.kind];
    const { platform, municipality } = mediaDescriptions(media);
    // The municipality's description in its own language, marked as not the author's.
    const added = municipality
      ? html`<span${attrs({ lang: municipality.lang !== lang ? municipality.lang : undefined })}>${municipality.text}</span> <span class="podium-post__added">(${m.addedByMunicipality})</span>`
      : undefined;
    const description =
      platform || municipality
        ? html`${kind}: ${join([platform, added].filter(Boolean), '. ')}`
        : html`${kind} <span class="podium-post__no-description">${m.noDescription}</span>`;
    // An image links to Podium's copy (public-mirror.ts gave it an address on Podium, never
    // the platform's); other media come without an address: text only.
    return media.url
      ? html`<li><a${attrs({ href: media.url, rel: 'nofollow noopener' })}>${description}</a></li>`
      : html`<li>${description}</li>`;
  });
  const list = html`<ul class="podium-post__media">${items}</ul>`;
  // A disclosure works without script; its summary is announced as a button.
  return hidesMedia(post)
    ? html`<details class="podium-disclosure"><summary>${m.sensitiveMedia(post.media.length)}</summary>${list}</details>`
    : list;
}

/**
 * How a mention of a resident reads in a public mirror's post HTML
 * (api/services/social/public-mirror.ts): a marker that `withMentions` turns into
 * "Inwoner A" / "Resident A" in the page's language. No link, no handle: "@jan" under a
 * municipal reply would name the resident its pseudonym hides.
 */
export const mentionMarker = (pseudonym: string): string =>
  String(html`<span class="podium-mention"${attrs({ 'data-pseudonym': pseudonym })}></span>`);

/**
 * A resident mentioned in a post is a marker in the public mirror's HTML
 * (api/services/social/public-mirror.ts): it becomes "Inwoner A" / "Resident A", plain
 * text in the page's language, never a link.
 */
function withMentions(postHtml: string, m: ThreadMessages): Html {
  const parts = postHtml.split(/<span class="podium-mention" data-pseudonym="([^"<>]*)"><\/span>/);
  // split puts the captured pseudonyms at the odd places; the even ones are trusted post HTML.
  return join(parts.map((part, i) => (i % 2 === 0 ? raw(part) : html`${m.resident(part)}`)));
}

function renderCounts(post: SocialPost, m: ThreadMessages): Html {
  const parts = [
    post.counts.replies ? m.counts.replies(post.counts.replies) : '',
    post.counts.reposts ? m.counts.reposts(post.counts.reposts) : '',
    post.counts.likes ? m.counts.likes(post.counts.likes) : '',
  ].filter(Boolean);
  return parts.length > 0 ? html`<p class="podium-meta">${parts.join(', ')}</p>` : nothing;
}

function renderPost(post: SocialPost, parent: SocialPost | undefined, lang: Locale, headingLevel: number): Html {
  const m = textsFor(threadTexts, lang);
  if (post.placeholder) {
    return html`<article class="podium-post podium-post--placeholder"><p><em>${m.placeholder[post.placeholder]}</em></p></article>`;
  }
  const name = authorLabel(post, m);
  const role = authorRole(post);
  const badge = role === 'own' ? m.ownAccount : role === 'official' ? m.officialAccount : undefined;
  const when = time({ moment: post.createdAt, lang, style: 'dateTime' });
  // The heading level is a number from the caller, never text.
  const h = raw(`h${Number(headingLevel)}`);
  const heading = html`<${h} class="podium-post__author">${withMarkup((date) => m.wrote(name, date), when)}</${h}>`;
  const meta = [
    badge ? html`<span class="podium-badge">${badge}</span>` : undefined,
    parent ? m.replyTo(authorLabel(parent, m)) : undefined,
    post.editedAt ? m.edited : undefined,
  ].filter((part) => part !== undefined);
  // The post's own language, when it differs from the page; unknown languages get none.
  // The post HTML was sanitised by the importer (api/services/social/sanitise.ts): trusted.
  const body = html`<div class="podium-post__content"${attrs({ lang: post.lang && post.lang !== lang ? post.lang : undefined })}>${post.html ? withMentions(post.html, m) : html`<p>${post.text}</p>`}</div>`;
  const content = post.contentWarning
    ? html`<details class="podium-disclosure"><summary>${m.contentWarning(post.contentWarning)}</summary>${body}</details>`
    : body;
  return html`<article class="podium-post">${heading}${meta.length > 0 ? html`<p class="podium-meta">${join(meta, ' · ')}</p>` : nothing}${content}${renderMedia(post, lang, m)}${renderCounts(post, m)}</article>`;
}

/** The municipality's answer to a post, written in Podium: marked as not on the platform. */
function renderAnswer(
  answer: MunicipalityAnswer,
  post: SocialPost,
  thread: SocialThread,
  lang: Locale,
  headingLevel: number,
): Html {
  const m = textsFor(threadTexts, lang);
  const h = raw(`h${Number(headingLevel)}`);
  const when = time({ moment: answer.publishedAt, lang, style: 'dateTime' });
  const meta = [
    html`<span class="podium-badge">${m.ownAccount}</span>`,
    m.replyTo(authorLabel(post, m)),
    m.answerOnlyHere(m.platforms[thread.platform]),
  ];
  return html`<article class="podium-post podium-post--answer"><${h} class="podium-post__author">${withMarkup(m.municipalityAnswered, when)}</${h}><p class="podium-meta">${join(meta, ' · ')}</p><div class="podium-post__content"${attrs({ lang: answer.lang !== lang ? answer.lang : undefined })}>${paragraphs(answer.body)}</div></article>`;
}

/**
 * The posts as nested lists: a reply sits in a list inside the post it answers, so
 * assistive technology announces the nesting level. The municipality's answers to a post
 * come first in that list, directly under the post. On a page of a long thread, `onPage`
 * says post by post which are on it: a reply to one that is not starts the page's list and
 * says whom it answers.
 */
export function renderThreadPosts(
  thread: SocialThread,
  lang: Locale,
  headingLevel = 3,
  onPage?: readonly boolean[],
): Html {
  const answers = (post: SocialPost): Html[] =>
    answersTo(post).map((answer) => html`<li>${renderAnswer(answer, post, thread, lang, headingLevel)}</li>`);
  const list = (nodes: ThreadNode[], above?: SocialPost): Html => {
    const items = [
      ...(above ? answers(above) : []),
      ...nodes.map(
        (node) =>
          html`<li>${renderPost(node.post, node.parent, lang, headingLevel)}${list(node.replies, node.post)}</li>`,
      ),
    ];
    return items.length === 0 ? nothing : html`<ol class="podium-thread__posts">${items}</ol>`;
  };
  return list(threadTree(thread, onPage));
}

/** A mirrored conversation's title: the one staff gave it, else its platform's; with the page when it has several. */
export function conversationTitle(
  thread: Pick<SocialThread, 'title' | 'platform'>,
  lang: Locale,
  page = 1,
  pages = 1,
): string {
  const m = textsFor(threadTexts, lang);
  const title = thread.title ? localized(thread.title, lang).value : m.untitled(m.platforms[thread.platform]);
  return pages > 1 ? m.titlePage(title, page, pages) : title;
}

/**
 * Which posts a page of a long conversation holds, above them ("Bericht 101 tot en met 200
 * van 231"), as the responses pages say it; nothing for a conversation of one page.
 */
export function renderThreadPageRange(
  lang: Locale,
  range: { from: number; to: number; shown: number; pages: number },
): Html {
  if (range.pages <= 1) return nothing;
  return html`<p class="podium-meta">${textsFor(threadTexts, lang).postsRange(range.from, range.to, range.shown)}</p>`;
}

/**
 * The head of a conversation's page: the consultation it belongs to, its title, where it comes
 * from. Filled per request into the one conversation page the build makes.
 */
export function renderConversationHead(
  thread: Pick<SocialThread, 'title' | 'platform' | 'lastSyncedAt' | 'url'>,
  consultation: { slug: string; title: LocalizedText } | null,
  lang: Locale,
): Html {
  const about = consultation
    ? html`<p class="podium-meta"><a class="podium-link-target" href="${routes.consultation(lang, consultation.slug)}">${inlineText(consultation.title, lang)}</a></p>
`
    : nothing;
  return html`${about}<h1>${conversationTitle(thread, lang)}</h1>
${renderThreadIntro(thread, lang)}`;
}

/** The introduction above a mirrored thread: where it comes from, how fresh, the original. */
export function renderThreadIntro(thread: Pick<SocialThread, 'platform' | 'lastSyncedAt' | 'url'>, lang: Locale): Html {
  const m = textsFor(threadTexts, lang);
  const platform = m.platforms[thread.platform];
  const synced = thread.lastSyncedAt
    ? html` ${withMarkup(m.lastSynced, time({ moment: thread.lastSyncedAt, lang, style: 'dateTime' }))}`
    : nothing;
  const original = thread.url
    ? html`<p><a class="podium-link-target"${attrs({ href: thread.url, rel: 'nofollow noopener' })}>${m.viewOriginal(platform)}</a></p>`
    : nothing;
  return html`<p>${m.mirrored(platform)}${synced}</p>${original}`;
}
