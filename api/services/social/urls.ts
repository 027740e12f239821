/**
 * Which platform and which post a URL names, from what staff paste: a post's address on
 * the platform's web site (or a Bluesky `at://` URI).
 */
import type { SocialPlatform } from '../../../shared/contracts/social-thread.ts';

export type PostAddress =
  /** `origin` is the instance the URL points at, e.g. `https://social.overheid.nl`. */
  | { platform: 'mastodon'; origin: string; statusId: string; handle: string | null }
  /** `actor` is a handle (`gemeente.bsky.social`) or a DID (`did:plc:…`). */
  | { platform: 'bluesky'; actor: string; rkey: string }
  | { platform: 'x'; username: string | null; tweetId: string }
  | { platform: 'facebook'; page: string | null; postId: string | null }
  | { platform: 'instagram'; shortcode: string };

const BLUESKY_HOSTS = new Set(['bsky.app', 'www.bsky.app']);
const X_HOSTS = new Set(['x.com', 'www.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com', 'mobile.x.com']);
const FACEBOOK_HOSTS = new Set(['facebook.com', 'www.facebook.com', 'm.facebook.com', 'web.facebook.com']);
const INSTAGRAM_HOSTS = new Set(['instagram.com', 'www.instagram.com']);

const RKEY = /^[a-zA-Z0-9._~:-]{1,512}$/;
const ACTOR = /^(did:[a-z]+:[a-zA-Z0-9._:%-]+|[a-zA-Z0-9.-]+\.[a-zA-Z]{2,})$/;

/**
 * Reads the platform and the post's ids from a URL; undefined when it names no post
 * Podium can mirror.
 *
 * @example
 * parsePostUrl('https://social.overheid.nl/@gemeente/113456789012345678')
 * // { platform: 'mastodon', origin: 'https://social.overheid.nl', statusId: '113456789012345678', handle: 'gemeente' }
 */
export function parsePostUrl(input: string): PostAddress | undefined {
  const value = input.trim();
  const atUri = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([^/?#]+)$/.exec(value);
  if (atUri) return ACTOR.test(atUri[1]!) && RKEY.test(atUri[2]!) ? bluesky(atUri[1]!, atUri[2]!) : undefined;

  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const host = url.hostname.toLowerCase();
  const parts = pathParts(url);
  // A malformed %-escape names no post: the caller answers 422, as for any other bad address.
  if (parts === undefined) return undefined;

  if (BLUESKY_HOSTS.has(host)) {
    const [profile, actor, post, rkey] = parts;
    if (profile === 'profile' && post === 'post' && actor && rkey && ACTOR.test(actor) && RKEY.test(rkey)) {
      return bluesky(actor, rkey);
    }
    return undefined;
  }
  if (X_HOSTS.has(host)) {
    // `/i/web/status/ID` is the address X uses when it does not name the author.
    const [user, status, id] = parts[0] === 'i' && parts[1] === 'web' ? ['i', parts[2], parts[3]] : parts;
    if ((status === 'status' || status === 'statuses') && id && /^\d{1,20}$/.test(id)) {
      return { platform: 'x', username: user && user !== 'i' ? user : null, tweetId: id };
    }
    return undefined;
  }
  if (FACEBOOK_HOSTS.has(host)) {
    const story = url.searchParams.get('story_fbid');
    if (story) return { platform: 'facebook', page: url.searchParams.get('id'), postId: story };
    const [page, kind, id] = parts;
    if (page && (kind === 'posts' || kind === 'videos') && id) return { platform: 'facebook', page, postId: id };
    return undefined;
  }
  if (INSTAGRAM_HOSTS.has(host)) {
    const [kind, code] = parts;
    if ((kind === 'p' || kind === 'reel') && code && /^[\w-]{5,40}$/.test(code)) {
      return { platform: 'instagram', shortcode: code };
    }
    return undefined;
  }
  return mastodon(url, parts);
}

/** The decoded path segments; undefined when one of them is not a valid %-escape sequence. */
function pathParts(url: URL): string[] | undefined {
  try {
    return url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return undefined;
  }
}

function bluesky(actor: string, rkey: string): PostAddress {
  return { platform: 'bluesky', actor: actor.toLowerCase().startsWith('did:') ? actor : actor.toLowerCase(), rkey };
}

// Mastodon web addresses: /@user/ID, /@user@remote/ID, /users/user/statuses/ID, /web/statuses/ID.
function mastodon(url: URL, parts: string[]): PostAddress | undefined {
  const isId = (id: string | undefined): id is string => !!id && /^\d{1,20}$/.test(id);
  const origin = url.origin;
  const [a, b, c, d] = parts;
  if (a?.startsWith('@') && isId(b) && c === undefined)
    return { platform: 'mastodon', origin, statusId: b, handle: a.slice(1) };
  if (a === 'users' && b && c === 'statuses' && isId(d))
    return { platform: 'mastodon', origin, statusId: d, handle: b };
  if (a === 'web' && b === 'statuses' && isId(c)) return { platform: 'mastodon', origin, statusId: c, handle: null };
  if (a === 'web' && b?.startsWith('@') && isId(c))
    return { platform: 'mastodon', origin, statusId: c, handle: b.slice(1) };
  return undefined;
}

/** The platforms whose threads Podium reads live without credentials. */
export const LIVE_PLATFORMS: readonly SocialPlatform[] = ['mastodon', 'bluesky'];

/** The web address of a Bluesky post, for links back to the original. */
export function blueskyPostUrl(uri: string, handle: string | null): string | null {
  const match = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([^/?#]+)$/.exec(uri);
  if (!match) return null;
  const actor = handle && handle !== 'handle.invalid' ? handle : match[1]!;
  return `https://bsky.app/profile/${actor}/post/${match[2]}`;
}
