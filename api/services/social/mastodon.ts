/**
 * Mastodon: a Status entity and its `/context` (`{ancestors, descendants}`, flat, linked
 * by `in_reply_to_id`) become one normalised thread. Content is remote HTML: it is
 * sanitised, never trusted (other fediverse software sends other markup).
 */
import type { SocialLink, SocialMediaKind, SocialMention } from '../../../shared/contracts/social-thread.ts';
import { postLanguage } from './language.ts';
import {
  arr,
  buildThread,
  classifyAuthor,
  count,
  field,
  isoTime,
  optionalLang,
  SocialImportError,
  str,
  type ImportedPost,
  type ImportedThread,
  type ImportOptions,
} from './model.ts';
import { htmlToText, sanitisePostHtml } from './sanitise.ts';

/** Visibilities Podium mirrors: only what anyone can read on the instance's public pages. */
const MIRRORED_VISIBILITY = new Set(['public']);

const MEDIA_KINDS = new Map<string, SocialMediaKind>(
  Object.entries({ image: 'image', video: 'video', gifv: 'gifv', audio: 'audio' }),
);

const hostOf = (url: string | null) => {
  try {
    return url ? new URL(url).host : null;
  } catch {
    return null;
  }
};

/** `user` on its own instance becomes `user@instance`, so handles are unique across the fediverse. */
function qualifiedAcct(acct: string | null, profileUrl: string | null): string | null {
  if (!acct) return null;
  if (acct.includes('@')) return acct;
  const host = hostOf(profileUrl);
  return host ? `${acct}@${host}` : acct;
}

function linksOf(html: string, card: unknown): SocialLink[] {
  const links: SocialLink[] = [];
  for (const match of html.matchAll(/<a\s([^>]*)>/gi)) {
    const attributes = match[1]!;
    const href = /\bhref="([^"]+)"/i.exec(attributes)?.[1];
    const className = /\bclass="([^"]*)"/i.exec(attributes)?.[1] ?? '';
    if (!href || /\b(mention|hashtag)\b/.test(className) || !/^https?:/i.test(href)) continue;
    const url = href.replace(/&amp;/g, '&');
    if (!links.some((l) => l.url === url)) links.push({ url, text: url.replace(/^https?:\/\/(www\.)?/i, '') });
  }
  const cardUrl = str(field(card, 'url'));
  if (cardUrl && /^https?:/i.test(cardUrl) && !links.some((l) => l.url === cardUrl)) {
    links.push({ url: cardUrl, text: str(field(card, 'title')) || cardUrl });
  }
  return links;
}

/**
 * One Status as a normalised post; null for reblogs and for posts that are not public.
 */
export function normaliseMastodonStatus(status: unknown, options: ImportOptions = {}): ImportedPost | null {
  const id = str(field(status, 'id'));
  if (!id) throw new SocialImportError('A Mastodon status needs an id');
  if (field(status, 'reblog')) return null;
  const visibility = str(field(status, 'visibility'));
  if (visibility && !MIRRORED_VISIBILITY.has(visibility)) return null;

  const account = field(status, 'account');
  const profileUrl = str(field(account, 'url'));
  const statusUrl = str(field(status, 'url')) ?? str(field(status, 'uri'));
  const rawHtml = str(field(status, 'content')) ?? '';
  const text = rawHtml ? htmlToText(rawHtml) : (str(field(status, 'text')) ?? '');
  const createdAt = isoTime(field(status, 'created_at'));
  if (!createdAt) throw new SocialImportError(`Mastodon status ${id} has no valid created_at`);

  const mentions: SocialMention[] = arr(field(status, 'mentions')).map((m) => ({
    handle: qualifiedAcct(str(field(m, 'acct')), str(field(m, 'url'))) ?? '',
    url: str(field(m, 'url')),
  }));

  return {
    id,
    url: statusUrl,
    parentId: str(field(status, 'in_reply_to_id')),
    depth: 0,
    placeholder: null,
    author: account
      ? classifyAuthor(
          {
            externalId:
              str(field(account, 'id')) ?? qualifiedAcct(str(field(account, 'acct')), profileUrl) ?? 'unknown',
            displayName: str(field(account, 'display_name')) || null,
            handle: qualifiedAcct(str(field(account, 'acct')), profileUrl),
            url: profileUrl,
          },
          options,
        )
      : null,
    html: rawHtml ? sanitisePostHtml(rawHtml) : '',
    text,
    ...optionalLang(postLanguage(field(status, 'language'), text)),
    contentWarning: str(field(status, 'spoiler_text'))?.trim() || null,
    sensitive: field(status, 'sensitive') === true,
    labels: [],
    media: arr(field(status, 'media_attachments'))
      .map((m) => ({
        kind: MEDIA_KINDS.get(str(field(m, 'type')) ?? '') ?? 'unknown',
        url: str(field(m, 'url')) ?? str(field(m, 'remote_url')) ?? '',
        previewUrl: str(field(m, 'preview_url')),
        // Mastodon sends null for "no description"; some servers send "".
        alt: str(field(m, 'description'))?.trim() || null,
      }))
      .filter((m) => m.url !== ''),
    links: linksOf(rawHtml, field(status, 'card')),
    mentions: mentions.filter((m) => m.handle !== ''),
    hashtags: arr(field(status, 'tags'))
      .map((t) => str(field(t, 'name')))
      .filter((t): t is string => !!t),
    counts: {
      replies: count(field(status, 'replies_count')),
      reposts: count(field(status, 'reblogs_count')),
      likes: count(field(status, 'favourites_count')),
      quotes: count(field(status, 'quotes_count')),
    },
    createdAt,
    editedAt: isoTime(field(status, 'edited_at')),
    deletedAt: null,
    sortAt: createdAt,
    raw: status,
  };
}

/** Unauthenticated `/context` returns at most this many descendants (Mastodon 4.x). */
const CONTEXT_DESCENDANT_CAP = 60;

/**
 * A thread from a status and its context. The root is the first ancestor, or the status
 * itself when it has none.
 *
 * @example
 * importMastodonThread({ status, context: { ancestors: [], descendants: [reply] } })
 */
export function importMastodonThread(
  payload: { status: unknown; context?: unknown },
  options: ImportOptions = {},
): ImportedThread {
  const ancestors = arr(field(payload.context, 'ancestors'));
  const descendants = arr(field(payload.context, 'descendants'));
  return importMastodonStatuses([...ancestors, payload.status, ...descendants], {
    ...options,
    rootId: options.rootId ?? str(field(ancestors[0] ?? payload.status, 'id')) ?? undefined,
    complete: descendants.length < CONTEXT_DESCENDANT_CAP,
  });
}

/** A thread from a flat list of statuses (an export, or context plus status). */
export function importMastodonStatuses(
  statuses: unknown[],
  options: ImportOptions & { complete?: boolean } = {},
): ImportedThread {
  const warnings: string[] = [];
  const posts: ImportedPost[] = [];
  for (const status of statuses) {
    const post = normaliseMastodonStatus(status, options);
    if (post) posts.push(post);
    else warnings.push(`status ${str(field(status, 'id'))} left out: not public or a boost`);
  }
  const rootId = options.rootId ?? posts.find((p) => p.parentId === null)?.id ?? posts[0]?.id;
  if (!rootId) throw new SocialImportError('No Mastodon status to import');
  const thread = buildThread(rootId, posts, warnings);
  const root = thread.posts[0]!;
  return {
    platform: 'mastodon',
    rootId,
    url: root.url,
    posts: thread.posts,
    complete: options.complete ?? true,
    warnings: thread.warnings,
  };
}
