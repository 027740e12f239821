/**
 * Reads a thread live from its URL: Mastodon and Bluesky through their public endpoints
 * without credentials, X with the municipality's own bearer token when one is configured.
 * Facebook and Instagram threads are imported from the JSON their API returned (see
 * import-payload.ts): their ids cannot be read from a web address.
 *
 * Everything goes through an injectable `fetch`, so tests run against a local fake.
 */
import { importBlueskyThread } from './bluesky.ts';
import { importMastodonThread } from './mastodon.ts';
import { field, SocialImportError, str, type ImportedThread, type ImportOptions } from './model.ts';
import { getJson, getJsonResponse, HostBudget, SourceHttpError, type PoliteFetchOptions } from './polite-fetch.ts';
import { parsePostUrl, type PostAddress } from './urls.ts';
import { importXConversation } from './x.ts';

export type FetchThreadOptions = ImportOptions &
  PoliteFetchOptions & {
    /** Bluesky's public AppView; no credentials needed. */
    blueskyAppView?: string;
    /** How deep to read Bluesky replies (getPostThread allows up to 1000). */
    blueskyDepth?: number;
    /** The municipality's own X API bearer token; without it X threads are imported from JSON. */
    xBearerToken?: string;
    xApiBase?: string;
    /** Most pages of X search results to read (100 tweets each). */
    xMaxPages?: number;
  };

/** The platform needs a token Podium does not have, or cannot be read from a URL at all. */
export class NeedsImportError extends Error {
  override name = 'NeedsImportError';
  platform: string;
  constructor(platform: string, reason: string) {
    super(reason);
    this.platform = platform;
  }
}

export const DEFAULT_BLUESKY_APPVIEW = 'https://public.api.bsky.app';

/**
 * Reads and normalises the whole thread a post URL belongs to (from its root, also when the
 * URL names a reply).
 *
 * @example
 * const thread = await fetchThread('https://social.overheid.nl/@gemeente/113456789012345678', { fetch })
 */
export async function fetchThread(url: string, options: FetchThreadOptions = {}): Promise<ImportedThread> {
  const address = parsePostUrl(url);
  if (!address) throw new SocialImportError(`Not a post address Podium can read: ${url}`);
  return fetchThreadAt(address, { budget: new HostBudget(), ...options });
}

export async function fetchThreadAt(address: PostAddress, options: FetchThreadOptions): Promise<ImportedThread> {
  switch (address.platform) {
    case 'mastodon':
      return fetchMastodon(address.origin, address.statusId, options);
    case 'bluesky':
      return fetchBluesky(address.actor, address.rkey, options);
    case 'x':
      if (!options.xBearerToken) {
        throw new NeedsImportError('x', 'X threads need the municipality’s own API token, or import the API’s JSON');
      }
      return fetchX(address.tweetId, options);
    case 'facebook':
    case 'instagram':
      throw new NeedsImportError(
        address.platform,
        'Import the comments JSON that the Graph API returned for the municipality’s own post',
      );
  }
}

async function fetchMastodon(origin: string, statusId: string, options: FetchThreadOptions): Promise<ImportedThread> {
  const statusUrl = (base: string, id: string) => `${base}/api/v1/statuses/${encodeURIComponent(id)}`;
  let status = await getJson(statusUrl(origin, statusId), options);
  // An instance only knows the replies that reached it: the root's own instance knows most.
  const home = parsePostUrl(str(field(status, 'url')) ?? '');
  if (home?.platform === 'mastodon' && home.origin !== origin) {
    try {
      const homeStatus = await getJson(statusUrl(home.origin, home.statusId), options);
      origin = home.origin;
      statusId = home.statusId;
      status = homeStatus;
    } catch {
      // Not a Mastodon API there, or unreachable: the instance we were given will do.
    }
  }
  const context = await getJsonResponse(`${statusUrl(origin, statusId)}/context`, options);
  const ancestors = field(context.body, 'ancestors');
  const root = Array.isArray(ancestors) && ancestors.length > 0 ? ancestors[0] : undefined;
  let rootStatus = status;
  let rootContext = context;
  if (root) {
    // The URL named a reply: read the whole thread from its root.
    const rootId = str(field(root, 'id'));
    if (!rootId) throw new SocialImportError('The Mastodon context has a root without an id');
    rootStatus = root;
    rootContext = await getJsonResponse(`${statusUrl(origin, rootId)}/context`, options);
  }
  const thread = importMastodonThread({ status: rootStatus, context: rootContext.body }, options);
  // Mastodon 4.5 says it is still fetching replies from other servers: do not take absence as deletion.
  if (rootContext.headers.has('mastodon-async-refresh')) thread.complete = false;
  return thread;
}

async function fetchBluesky(actor: string, rkey: string, options: FetchThreadOptions): Promise<ImportedThread> {
  const appView = (options.blueskyAppView ?? DEFAULT_BLUESKY_APPVIEW).replace(/\/$/, '');
  let did = actor;
  if (!actor.startsWith('did:')) {
    const resolved = await getJson(
      `${appView}/xrpc/com.atproto.identity.resolveHandle?handle=${encodeURIComponent(actor)}`,
      options,
    );
    did = str(field(resolved, 'did')) ?? '';
    if (!did.startsWith('did:')) throw new SocialImportError(`Could not resolve the Bluesky handle ${actor}`);
  }
  const depth = options.blueskyDepth ?? 100;
  const read = (uri: string, parentHeight: number) =>
    getJson(
      `${appView}/xrpc/app.bsky.feed.getPostThread?uri=${encodeURIComponent(uri)}&depth=${depth}&parentHeight=${parentHeight}`,
      options,
    );
  const anchorUri = `at://${did}/app.bsky.feed.post/${rkey}`;
  let response: unknown;
  try {
    response = await read(anchorUri, 80);
  } catch (error) {
    // The AppView answers 400 `NotFound` for a deleted post: to Podium that is a 404.
    if (error instanceof SourceHttpError && error.code === 'NotFound')
      throw new SourceHttpError(error.url, 404, 'NotFound');
    throw error;
  }
  const anchorType = str(field(field(response, 'thread'), '$type')) ?? '';
  if (anchorType.endsWith('#notFoundPost')) throw new SourceHttpError(anchorUri, 404, 'NotFound');
  const declaredRoot = str(
    field(field(field(field(field(field(response, 'thread'), 'post'), 'record'), 'reply'), 'root'), 'uri'),
  );
  if (declaredRoot && declaredRoot !== anchorUri) {
    // The URL named a reply: read the whole thread from its root (when the root still exists).
    try {
      response = await read(declaredRoot, 0);
    } catch {
      // Keep the reply's view: the root may be deleted; its placeholder comes from the chain.
    }
  }
  return importBlueskyThread(response, { ...options, requestedDepth: depth });
}

const X_FIELDS = new URLSearchParams({
  'tweet.fields':
    'author_id,conversation_id,created_at,edit_history_tweet_ids,entities,in_reply_to_user_id,lang,note_tweet,possibly_sensitive,public_metrics,referenced_tweets,withheld,attachments',
  expansions: 'author_id,attachments.media_keys,referenced_tweets.id',
  'media.fields': 'alt_text,media_key,preview_image_url,type,url,variants',
  'user.fields': 'name,username,verified',
}).toString();

async function fetchX(tweetId: string, options: FetchThreadOptions): Promise<ImportedThread> {
  const base = (options.xApiBase ?? 'https://api.x.com').replace(/\/$/, '');
  const authorised: PoliteFetchOptions = {
    ...options,
    fetch: (input, init) =>
      (options.fetch ?? globalThis.fetch)(input, {
        ...init,
        headers: { ...(init?.headers as Record<string, string>), Authorization: `Bearer ${options.xBearerToken}` },
      }),
  };
  const first = await getJson(`${base}/2/tweets/${encodeURIComponent(tweetId)}?${X_FIELDS}`, authorised);
  const rootId = str(field(field(first, 'data'), 'conversation_id')) ?? tweetId;
  const pages: unknown[] = [];
  if (rootId !== tweetId)
    pages.push(await getJson(`${base}/2/tweets/${encodeURIComponent(rootId)}?${X_FIELDS}`, authorised));
  else pages.push(first);
  let next: string | null = null;
  for (let page = 0; page < (options.xMaxPages ?? 10); page++) {
    const query = new URLSearchParams({ query: `conversation_id:${rootId}`, max_results: '100' });
    if (next) query.set('next_token', next);
    const result = await getJson(`${base}/2/tweets/search/recent?${query}&${X_FIELDS}`, authorised);
    pages.push(result);
    next = str(field(field(result, 'meta'), 'next_token'));
    if (!next) break;
  }
  return importXConversation(pages, { ...options, rootId });
}
