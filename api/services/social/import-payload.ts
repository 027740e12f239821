/**
 * One entry for JSON that a platform's API returned (pasted by staff, uploaded as an
 * export, or fetched live): picks the importer for the platform and the payload's shape.
 */
import type { SocialPlatform } from '../../../shared/contracts/social-thread.ts';
import { importBlueskyThread, importBlueskyThreadV2 } from './bluesky.ts';
import { importFacebookComments } from './facebook.ts';
import { importInstagramComments } from './instagram.ts';
import { importMastodonStatuses, importMastodonThread } from './mastodon.ts';
import { arr, field, SocialImportError, type ImportedThread, type ImportOptions } from './model.ts';
import { importXConversation } from './x.ts';

/**
 * Normalises a platform payload into a thread.
 *
 * Mastodon: `{status, context}`, a list of statuses, or one status.
 * Bluesky: a getPostThread response (`{thread: {...}}`) or its thread, or getPostThreadV2 (`{thread: [...]}`).
 * X: one response page or a list of pages. Facebook and Instagram: a comments response or the post with its comments.
 *
 * @example
 * importThreadPayload('mastodon', { status, context }, { ownAccounts: ['gemeente@social.overheid.nl'] })
 */
export function importThreadPayload(
  platform: SocialPlatform,
  payload: unknown,
  options: ImportOptions = {},
): ImportedThread {
  if (payload === null || typeof payload !== 'object') throw new SocialImportError('The payload is not a JSON object');
  switch (platform) {
    case 'mastodon':
      if (Array.isArray(payload)) return importMastodonStatuses(payload, options);
      if (field(payload, 'status')) {
        return importMastodonThread({ status: field(payload, 'status'), context: field(payload, 'context') }, options);
      }
      return importMastodonStatuses([payload], options);
    case 'bluesky': {
      const thread = field(payload, 'thread');
      if (Array.isArray(thread)) return importBlueskyThreadV2(payload, options);
      if (thread) return importBlueskyThread(payload, options);
      // A bare thread view (getPostThread's `thread`), or one post view (getPosts): wrap it.
      if (field(payload, 'post')) return importBlueskyThread({ thread: payload }, options);
      const posts = field(payload, 'posts');
      const single = Array.isArray(posts) && posts.length === 1 ? posts[0] : payload;
      if (typeof field(single, 'uri') === 'string' && field(single, 'record')) {
        return importBlueskyThread(
          { thread: { $type: 'app.bsky.feed.defs#threadViewPost', post: single, replies: [] } },
          options,
        );
      }
      return importBlueskyThread(payload, options);
    }
    case 'x':
      return importXConversation(payload, options);
    case 'facebook':
      return importFacebookComments(payload, options);
    case 'instagram':
      return importInstagramComments(payload, options);
  }
}

/** A Mastodon `/context` answer: `{ancestors: [...], descendants: [...]}`. */
const isMastodonContext = (value: unknown) =>
  Array.isArray(field(value, 'ancestors')) && Array.isArray(field(value, 'descendants'));

/**
 * One payload from the files a platform's API or export gives, as they are: Mastodon's
 * status (`GET /api/v1/statuses/:id`) and its context (`…/:id/context`) are two answers,
 * in either order; every other platform's thread is one answer (Bluesky: getPostThread).
 *
 * @example
 * combineExportFiles([status, context]) // { status, context }
 */
export function combineExportFiles(documents: readonly unknown[]): unknown {
  if (documents.length === 1) {
    if (isMastodonContext(documents[0])) {
      throw new SocialImportError(
        'This is a Mastodon context (replies and ancestors) without its status: give the status file too.',
      );
    }
    return documents[0];
  }
  const statuses = documents.filter(isMastodonStatus);
  const contexts = documents.filter(isMastodonContext);
  if (documents.length === 2 && statuses.length === 1 && contexts.length === 1) {
    return { status: statuses[0], context: contexts[0] };
  }
  throw new SocialImportError(
    'Several files are read together only as a Mastodon status and its context; give other platforms’ threads as one file.',
  );
}

/** True when a payload looks like a list response with nothing in it. */
export const isEmptyList = (payload: unknown) =>
  Array.isArray(field(payload, 'data')) && arr(field(payload, 'data')).length === 0;

const items = (payload: unknown): unknown[] =>
  Array.isArray(payload) ? payload : Array.isArray(field(payload, 'data')) ? arr(field(payload, 'data')) : [];

/** A Mastodon Status: HTML `content`, an `account`, and `in_reply_to_id`. */
const isMastodonStatus = (value: unknown) =>
  typeof field(value, 'content') === 'string' &&
  !!field(value, 'account') &&
  field(value, 'in_reply_to_id') !== undefined;

/**
 * Which platform a JSON document came from, by its shape alone; undefined when it is not
 * one Podium knows (then the caller must say).
 *
 * @example
 * detectPlatform({ thread: { $type: 'app.bsky.feed.defs#threadViewPost', post: {} } }) // 'bluesky'
 */
export function detectPlatform(payload: unknown): SocialPlatform | undefined {
  if (payload === null || typeof payload !== 'object') return undefined;
  if (isMastodonStatus(field(payload, 'status')) || isMastodonStatus(payload)) return 'mastodon';
  if (Array.isArray(payload) && payload.length > 0 && payload.every(isMastodonStatus)) return 'mastodon';
  // X: one response page or a list of pages; tweets carry `edit_history_tweet_ids` or `conversation_id`.
  const pages = Array.isArray(payload) ? payload : [payload];
  const tweets = pages.flatMap((page) => {
    const data = field(page, 'data');
    return Array.isArray(data) ? data : data ? [data] : [];
  });
  if (
    tweets.length > 0 &&
    tweets.some((t) => field(t, 'edit_history_tweet_ids') !== undefined || field(t, 'conversation_id') !== undefined)
  ) {
    return 'x';
  }
  // Bluesky: getPostThread (wrapped or its bare `thread`), getPostThreadV2, getPosts; AT URIs and lexicon types.
  const start = JSON.stringify(payload).slice(0, 4000);
  if (/"\$type":"app\.bsky\.|"uri":"at:\/\//.test(start)) return 'bluesky';
  const comments = field(payload, 'comments') ? items(field(payload, 'comments')) : items(payload);
  if (comments.some((c) => field(c, 'created_time') !== undefined || field(c, 'message') !== undefined))
    return 'facebook';
  if (comments.some((c) => field(c, 'timestamp') !== undefined && field(c, 'text') !== undefined)) return 'instagram';
  return undefined;
}
