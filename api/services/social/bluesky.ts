/**
 * Bluesky: `app.bsky.feed.getPostThread` (nested `parent` / `replies[]`) and the newer
 * `app.bsky.unspecced.getPostThreadV2` (flat `thread[]` with `depth`) become one
 * normalised thread. Text is plain; links, mentions and tags come from facets with UTF-8
 * byte offsets (see facets.ts). Posts are immutable: there are no edits, only deletions.
 */
import type {
  SocialLink,
  SocialMedia,
  SocialMention,
  SocialPlaceholder,
} from '../../../shared/contracts/social-thread.ts';
import { placeFacets } from './facets.ts';
import { postLanguage } from './language.ts';
import {
  arr,
  buildThread,
  classifyAuthor,
  count,
  field,
  isoTime,
  optionalLang,
  placeholderPost,
  SocialImportError,
  str,
  type ImportedPost,
  type ImportedThread,
  type ImportOptions,
} from './model.ts';
import { renderPlainText, type TextSpan } from './sanitise.ts';
import { blueskyPostUrl } from './urls.ts';

/** Labels that mean "warn before showing" (adult content, gore, explicit warnings). */
const WARN_LABELS = new Set(['porn', 'sexual', 'nudity', 'graphic-media', 'gore', '!warn', 'nsfl']);
/** Labels under which the platform itself hides a post: Podium does not show it either. */
const HIDE_LABELS = new Set(['!hide', '!takedown', '!no-unauthenticated']);

/** getPostThread's default `depth`. */
const DEFAULT_THREAD_DEPTH = 6;

const typeOf = (node: unknown) => str(field(node, '$type')) ?? '';

/** How long a client's `createdAt` may lie ahead of the AppView's `indexedAt`. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

function mediaOf(embed: unknown): { media: SocialMedia[]; links: SocialLink[] } {
  const type = typeOf(embed);
  if (type.startsWith('app.bsky.embed.images')) {
    return {
      media: arr(field(embed, 'images')).map((image) => ({
        kind: 'image' as const,
        url: str(field(image, 'fullsize')) ?? str(field(image, 'thumb')) ?? '',
        previewUrl: str(field(image, 'thumb')),
        // Bluesky sends "" for "no description".
        alt: str(field(image, 'alt'))?.trim() || null,
      })),
      links: [],
    };
  }
  if (type.startsWith('app.bsky.embed.gallery')) {
    // Newer gallery embed: items with their own types (images, possibly video).
    return {
      media: arr(field(embed, 'items')).map((item) => ({
        kind: typeOf(item).toLowerCase().includes('video') ? ('video' as const) : ('image' as const),
        url: str(field(item, 'fullsize')) ?? str(field(item, 'playlist')) ?? str(field(item, 'thumbnail')) ?? '',
        previewUrl: str(field(item, 'thumbnail')),
        alt: str(field(item, 'alt'))?.trim() || null,
      })),
      links: [],
    };
  }
  if (type.startsWith('app.bsky.embed.video')) {
    const url = str(field(embed, 'playlist'));
    return {
      media: url
        ? [
            {
              kind: 'video',
              url,
              previewUrl: str(field(embed, 'thumbnail')),
              alt: str(field(embed, 'alt'))?.trim() || null,
            },
          ]
        : [],
      links: [],
    };
  }
  if (type.startsWith('app.bsky.embed.external')) {
    const external = field(embed, 'external');
    const uri = str(field(external, 'uri'));
    return {
      media: [],
      links: uri && /^https?:/i.test(uri) ? [{ url: uri, text: str(field(external, 'title')) || uri }] : [],
    };
  }
  if (type.startsWith('app.bsky.embed.recordWithMedia')) return mediaOf(field(embed, 'media'));
  return { media: [], links: [] };
}

/** One PostView as a normalised post. */
export function normaliseBlueskyPost(post: unknown, options: ImportOptions = {}): ImportedPost {
  const uri = str(field(post, 'uri'));
  if (!uri) throw new SocialImportError('A Bluesky post needs a uri');
  const record = field(post, 'record');
  const author = field(post, 'author');
  const handle = str(field(author, 'handle'));
  const indexedAt = isoTime(field(post, 'indexedAt'));
  const declaredAt = isoTime(field(record, 'createdAt'));
  // createdAt is set by the client: trust it only when it is not after the AppView saw the post.
  const createdAt =
    declaredAt && (!indexedAt || Date.parse(declaredAt) <= Date.parse(indexedAt) + CLOCK_SKEW_MS)
      ? declaredAt
      : indexedAt;
  if (!createdAt) throw new SocialImportError(`Bluesky post ${uri} has no valid time`);
  const parentId = str(field(field(field(record, 'reply'), 'parent'), 'uri'));
  const labels = [
    ...new Set(
      [
        ...arr(field(post, 'labels')).map((l) => str(field(l, 'val'))),
        ...arr(field(field(record, 'labels'), 'values')).map((l) => str(field(l, 'val'))),
      ].filter((v): v is string => !!v),
    ),
  ];
  const url = blueskyPostUrl(uri, handle);
  if (labels.some((label) => HIDE_LABELS.has(label))) {
    return {
      ...placeholderPost(uri, 'unavailable', { parentId, url, sortAt: indexedAt ?? createdAt }),
      labels,
      raw: post,
    };
  }

  const text = str(field(record, 'text')) ?? '';
  const spans: TextSpan[] = [];
  const links: SocialLink[] = [];
  const mentions: SocialMention[] = [];
  const hashtags: string[] = [];
  for (const facet of placeFacets(text, field(record, 'facets'))) {
    for (const feature of facet.features) {
      if (feature.kind === 'link') {
        // The text may show a shortened URL; the facet holds the full one.
        spans.push({ start: facet.start, end: facet.end, href: feature.uri });
        if (/^https?:/i.test(feature.uri)) links.push({ url: feature.uri, text: facet.text });
      } else if (feature.kind === 'mention') {
        const profile = `https://bsky.app/profile/${feature.did}`;
        spans.push({ start: facet.start, end: facet.end, href: profile });
        mentions.push({ handle: facet.text.replace(/^@/, ''), url: profile });
      } else {
        spans.push({
          start: facet.start,
          end: facet.end,
          href: `https://bsky.app/hashtag/${encodeURIComponent(feature.tag)}`,
        });
        hashtags.push(feature.tag.replace(/^#/, ''));
      }
      break;
    }
  }
  const embedded = mediaOf(field(post, 'embed'));
  for (const link of embedded.links) if (!links.some((l) => l.url === link.url)) links.push(link);

  return {
    id: uri,
    url,
    parentId,
    depth: 0,
    placeholder: null,
    author: author
      ? classifyAuthor(
          {
            externalId: str(field(author, 'did')) ?? handle ?? 'unknown',
            displayName: str(field(author, 'displayName'))?.trim() || null,
            handle: handle && handle !== 'handle.invalid' ? handle : null,
            url: `https://bsky.app/profile/${str(field(author, 'did')) ?? handle}`,
          },
          options,
        )
      : null,
    html: renderPlainText(text, spans),
    text,
    ...optionalLang(postLanguage(field(record, 'langs'), text)),
    contentWarning: null,
    sensitive: labels.some((label) => WARN_LABELS.has(label)),
    labels,
    media: embedded.media.filter((m) => m.url !== ''),
    links,
    mentions,
    hashtags: [...new Set(hashtags)],
    counts: {
      replies: count(field(post, 'replyCount')),
      reposts: count(field(post, 'repostCount')),
      likes: count(field(post, 'likeCount')),
      quotes: count(field(post, 'quoteCount')),
    },
    createdAt,
    editedAt: null,
    deletedAt: null,
    sortAt: indexedAt ?? createdAt,
    raw: post,
  };
}

function placeholderKind(node: unknown): SocialPlaceholder | null {
  const type = typeOf(node);
  if (type.endsWith('#notFoundPost') || field(node, 'notFound') === true) return 'deleted';
  if (type.endsWith('#blockedPost') || field(node, 'blocked') === true) return 'blocked';
  return null;
}

/**
 * A thread from a `getPostThread` response (`{thread}`) or its `thread` value. The root is
 * the top of the parent chain; replies that were deleted or blocked are not in the
 * response, and parents that were are shown as placeholders.
 */
export function importBlueskyThread(
  response: unknown,
  options: ImportOptions & { requestedDepth?: number } = {},
): ImportedThread {
  const depthLimit = options.requestedDepth ?? DEFAULT_THREAD_DEPTH;
  const anchor = field(response, 'thread') ?? response;
  if (Array.isArray(anchor)) return importBlueskyThreadV2(response, options);
  const warnings: string[] = [];
  const posts: ImportedPost[] = [];

  if (placeholderKind(anchor) || !field(anchor, 'post')) {
    throw new SocialImportError(
      `The Bluesky post ${str(field(anchor, 'uri'))} is ${placeholderKind(anchor) ?? 'missing'}`,
    );
  }
  const anchorPost = normaliseBlueskyPost(field(anchor, 'post'), options);
  posts.push(anchorPost);

  // Ancestors: the parent chain, nearest first; a deleted or blocked parent ends it.
  let child = anchorPost;
  let topId = anchorPost.id;
  for (let node = field(anchor, 'parent'); node; node = field(node, 'parent')) {
    const kind = placeholderKind(node);
    if (kind) {
      const uri = str(field(node, 'uri')) ?? child.parentId ?? `${child.id}#parent`;
      posts.push(placeholderPost(uri, kind, { sortAt: child.sortAt, raw: node }));
      child.parentId = uri;
      topId = uri;
      break;
    }
    if (!field(node, 'post')) break;
    child = normaliseBlueskyPost(field(node, 'post'), options);
    posts.push(child);
    topId = child.id;
  }

  // Replies: nested, depth first. Deleted or blocked replies have no children here: leave them out.
  const walk = (node: unknown) => {
    for (const reply of arr(field(node, 'replies'))) {
      if (placeholderKind(reply)) {
        warnings.push(`reply ${str(field(reply, 'uri'))} is ${placeholderKind(reply)} and left out`);
        continue;
      }
      if (!field(reply, 'post')) continue;
      posts.push(normaliseBlueskyPost(field(reply, 'post'), options));
      walk(reply);
    }
  };
  walk(anchor);

  // A truncated parent chain still names the real root in every record.
  const declaredRoot = str(field(field(field(field(anchorPost.raw, 'record'), 'reply'), 'root'), 'uri'));
  const rootId = options.rootId ?? declaredRoot ?? topId;
  const thread = buildThread(rootId, posts, warnings);
  return {
    platform: 'bluesky',
    rootId,
    url: thread.posts[0]!.url,
    posts: thread.posts,
    // getPostThread stops at its depth: a post there with replies means some were not read.
    complete: !thread.posts.some(
      (p) => p.depth >= depthLimit && (p.counts.replies ?? 0) > 0 && !thread.posts.some((c) => c.parentId === p.id),
    ),
    warnings: thread.warnings,
  };
}

/** A thread from `app.bsky.unspecced.getPostThreadV2` (flat items with `depth`). */
export function importBlueskyThreadV2(response: unknown, options: ImportOptions = {}): ImportedThread {
  const items = arr(field(response, 'thread'));
  if (items.length === 0) throw new SocialImportError('The Bluesky thread has no items');
  const warnings: string[] = [];
  const posts: ImportedPost[] = [];
  for (const item of items) {
    const value = field(item, 'value');
    const type = typeOf(value);
    const uri = str(field(item, 'uri')) ?? 'unknown';
    if (type.endsWith('#threadItemPost')) posts.push(normaliseBlueskyPost(field(value, 'post'), options));
    else if (type.endsWith('#threadItemNotFound')) posts.push(placeholderPost(uri, 'deleted', { raw: item }));
    else if (type.endsWith('#threadItemBlocked')) posts.push(placeholderPost(uri, 'blocked', { raw: item }));
    else posts.push(placeholderPost(uri, 'unavailable', { raw: item }));
  }
  // Placeholders do not say their parent: take it from the item before them in the list.
  const depthOf = new Map(items.map((item) => [str(field(item, 'uri')), Number(field(item, 'depth'))]));
  posts.forEach((post, i) => {
    if (post.placeholder && post.parentId === null && i > 0) {
      const depth = depthOf.get(post.id) ?? 0;
      const parent = posts
        .slice(0, i)
        .reverse()
        .find((p) => (depthOf.get(p.id) ?? 0) === depth - 1);
      post.parentId = parent?.id ?? null;
    }
  });
  const shallowest = [...items].sort((a, b) => Number(field(a, 'depth')) - Number(field(b, 'depth')))[0];
  const declaredRoot = posts
    .map((p) => str(field(field(field(field(p.raw, 'record'), 'reply'), 'root'), 'uri')))
    .find((uri) => !!uri);
  const rootId = options.rootId ?? declaredRoot ?? str(field(shallowest, 'uri')) ?? posts[0]!.id;
  const thread = buildThread(rootId, posts, warnings);
  return {
    platform: 'bluesky',
    rootId,
    url: thread.posts[0]!.url,
    posts: thread.posts,
    complete:
      field(response, 'hasOtherReplies') !== true &&
      !items.some((i) => Number(field(field(i, 'value'), 'moreReplies')) > 0),
    warnings: thread.warnings,
  };
}
