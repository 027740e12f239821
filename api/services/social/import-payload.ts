/**
 * One entry for JSON that a platform's API returned (pasted by staff, uploaded as an
 * export, or fetched live): picks the importer for the platform and the payload's shape.
 */
import type { SocialPlatform } from '../../contracts/social-thread.ts';
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
    case 'bluesky':
      return Array.isArray(field(payload, 'thread'))
        ? importBlueskyThreadV2(payload, options)
        : importBlueskyThread(payload, options);
    case 'x':
      return importXConversation(payload, options);
    case 'facebook':
      return importFacebookComments(payload, options);
    case 'instagram':
      return importInstagramComments(payload, options);
  }
}

/** True when a payload looks like a list response with nothing in it. */
export const isEmptyList = (payload: unknown) =>
  Array.isArray(field(payload, 'data')) && arr(field(payload, 'data')).length === 0;
