/**
 * A mirrored social-media thread as accessible HTML: one article per post in nested
 * lists that follow the replies, each post marked with its own language, images as
 * links with their description or a spoken "without a description", content warnings
 * behind a disclosure. Shared by the portal pages and the API; plain strings, every
 * value escaped except the post HTML, which the importer sanitised.
 *
 * No image is loaded from the platform: that would tell the platform who reads the page.
 */
import type { Locale } from '../contracts/public-content.ts';
import type { SocialPost, SocialThread } from '../contracts/social-thread.ts';
import { formatDate } from '../format.ts';
import { textsFor } from '../i18n.ts';
import * as threadTexts from '../texts/thread.ts';
import { authorLabel, authorRole, hidesMedia, mediaDescriptions, threadTree, type ThreadNode } from '../thread-view.ts';
import { attrs, escapeHtml, messageWithHtml, time } from './html.ts';

type ThreadMessages = threadTexts.Texts;

function renderMedia(post: SocialPost, lang: Locale, m: ThreadMessages): string {
  if (post.media.length === 0) return '';
  const items = post.media.map((media) => {
    const kind = { image: m.image, gifv: m.video, video: m.video, audio: m.audio, unknown: m.media }[media.kind];
    const { platform, municipality } = mediaDescriptions(media);
    // The municipality's description in its own language, marked as not the author's.
    const added = municipality
      ? `<span${attrs({ lang: municipality.lang !== lang ? municipality.lang : undefined })}>${escapeHtml(municipality.text)}</span> <span class="podium-post__added">(${escapeHtml(m.addedByMunicipality)})</span>`
      : '';
    const description =
      platform || municipality
        ? `${escapeHtml(kind)}: ${[platform ? escapeHtml(platform) : '', added].filter(Boolean).join('. ')}`
        : `${escapeHtml(kind)} <span class="podium-post__no-description">${escapeHtml(m.noDescription)}</span>`;
    return `<li><a${attrs({ href: media.url, rel: 'nofollow noopener' })}>${description}</a></li>`;
  });
  const list = `<ul class="podium-post__media">${items.join('')}</ul>`;
  // A disclosure works without script; its summary is announced as a button.
  return hidesMedia(post)
    ? `<details class="podium-disclosure"><summary>${escapeHtml(m.sensitiveMedia(post.media.length))}</summary>${list}</details>`
    : list;
}

function renderCounts(post: SocialPost, m: ThreadMessages): string {
  const parts = [
    post.counts.replies ? m.counts.replies(post.counts.replies) : '',
    post.counts.reposts ? m.counts.reposts(post.counts.reposts) : '',
    post.counts.likes ? m.counts.likes(post.counts.likes) : '',
  ].filter(Boolean);
  return parts.length > 0 ? `<p class="podium-meta">${escapeHtml(parts.join(', '))}</p>` : '';
}

function renderPost(post: SocialPost, parent: SocialPost | undefined, lang: Locale, headingLevel: number): string {
  const m = textsFor(threadTexts, lang);
  if (post.placeholder) {
    return `<article class="podium-post podium-post--placeholder"><p><em>${escapeHtml(m.placeholder[post.placeholder])}</em></p></article>`;
  }
  const name = authorLabel(post, m);
  const role = authorRole(post);
  const badge = role === 'own' ? m.ownAccount : role === 'official' ? m.officialAccount : undefined;
  const when = time(post.createdAt, formatDate(post.createdAt, lang, 'dateTime'));
  const heading = `<h${headingLevel} class="podium-post__author">${messageWithHtml((date) => m.wrote(name, date), when)}</h${headingLevel}>`;
  const meta = [
    badge ? `<span class="podium-badge">${escapeHtml(badge)}</span>` : '',
    parent ? escapeHtml(m.replyTo(authorLabel(parent, m))) : '',
    post.editedAt ? escapeHtml(m.edited) : '',
  ].filter(Boolean);
  // The post's own language, when it differs from the page; unknown languages get none.
  const body = `<div class="podium-post__content"${post.lang && post.lang !== lang ? ` lang="${escapeHtml(post.lang)}"` : ''}>${post.html || `<p>${escapeHtml(post.text)}</p>`}</div>`;
  const content = post.contentWarning
    ? `<details class="podium-disclosure"><summary>${escapeHtml(m.contentWarning(post.contentWarning))}</summary>${body}</details>`
    : body;
  return `<article class="podium-post">${heading}${meta.length > 0 ? `<p class="podium-meta">${meta.join(' · ')}</p>` : ''}${content}${renderMedia(post, lang, m)}${renderCounts(post, m)}</article>`;
}

/**
 * The posts as nested lists: a reply sits in a list inside the post it answers, so
 * assistive technology announces the nesting level.
 */
export function renderThreadPosts(thread: SocialThread, lang: Locale, headingLevel = 3): string {
  const list = (nodes: ThreadNode[]): string =>
    nodes.length === 0
      ? ''
      : `<ol class="podium-thread__posts">${nodes
          .map((node) => `<li>${renderPost(node.post, node.parent, lang, headingLevel)}${list(node.replies)}</li>`)
          .join('')}</ol>`;
  return list(threadTree(thread));
}

/** The introduction above a mirrored thread: where it comes from, how fresh, the original. */
export function renderThreadIntro(thread: SocialThread, lang: Locale): string {
  const m = textsFor(threadTexts, lang);
  const platform = m.platforms[thread.platform];
  const synced = thread.lastSyncedAt
    ? ` ${messageWithHtml(m.lastSynced, time(thread.lastSyncedAt, formatDate(thread.lastSyncedAt, lang, 'dateTime')))}`
    : '';
  const original = thread.url
    ? `<p><a class="podium-link-target"${attrs({ href: thread.url, rel: 'nofollow noopener' })}>${escapeHtml(m.viewOriginal(platform))}</a></p>`
    : '';
  return `<p>${escapeHtml(m.mirrored(platform))}${synced}</p>${original}`;
}
