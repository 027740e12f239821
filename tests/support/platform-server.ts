/**
 * A local HTTP server that plays a Mastodon instance and a Bluesky AppView for the live
 * import and sync paths: threads can be edited and posts deleted between reads, and the
 * next answers can be a 404, a 429 with rate-limit headers, or slow. It listens on
 * 127.0.0.1 only; URL imports reach it because the tests set PODIUM_IMPORT_ALLOW_PRIVATE.
 *
 * As Mastodon documents it, it also takes posts from an account with an access token
 * (`tokens`): `GET /api/v1/accounts/verify_credentials` and `POST /api/v1/statuses` (JSON or
 * form, `in_reply_to_id`, `Idempotency-Key`), answering 401 for an unknown or expired token
 * and 422 for a text over 500 characters; a posted status joins `statuses`, so the thread's
 * next read contains it. Images arrive first through `POST /api/v2/media` (multipart `file`
 * and `description`) and are attached with `media_ids`; `PUT /api/v1/statuses/:id` edits and
 * `DELETE /api/v1/statuses/:id` removes a status of the token's account.
 *
 * As a Bluesky PDS it opens sessions from an app password (`appPasswords`, by handle:
 * `com.atproto.server.createSession`, 401 `AuthenticationRequired` for a wrong one), takes
 * blobs (`com.atproto.repo.uploadBlob`), and creates and deletes `app.bsky.feed.post`
 * records (`createRecord`, `deleteRecord`), refusing a text over 300 graphemes (400
 * `InvalidRequest`), a reply whose root or parent is not a strong reference (uri and cid; 400
 * `InvalidRequest`) and an unknown access token (401 `ExpiredToken`, which `@atproto/api`
 * answers with `refreshSession`; a revoked app password ends its sessions, so the refresh
 * answers 400 `ExpiredToken` too); a created post joins `bskyPosts`, so the thread's next read
 * contains it. A record key the client chose (`rkey`) is honoured: it must be a TID, as the
 * app.bsky.feed.post lexicon says (400 `InvalidRequest` otherwise), and a second record under a
 * key in use is refused as the PDS refuses it today, with a 500 `InternalServerError`
 * (bluesky-social/atproto#3718). `com.atproto.repo.getRecord` (public, `repo`, `collection`,
 * `rkey`) answers the record with its uri and cid, or 400 `RecordNotFound`.
 *
 * For the automatic intake it plays both platforms' notification and session endpoints:
 * Mastodon's `GET /api/v1/notifications` (`types[]`, `since_id`, `min_id`, `max_id`, `limit`,
 * newest first; 401 for an unknown token), filled by `mention()`; and a Bluesky PDS:
 * `com.atproto.server.createSession` (an app password per account in `appPasswords`; 401
 * `AuthenticationRequired` otherwise), `refreshSession`, and
 * `app.bsky.notification.listNotifications` (`reasons`, `limit`, `cursor`; 400 `ExpiredToken`
 * for an access token that `expireBlueskySessions()` ended), filled by `blueskyMention()`.
 *
 * Its OAuth (applications, authorization with PKCE, token, revoke) is ./mastodon-oauth-server.ts's.
 *
 * For listening: Mastodon's public `GET /api/v1/timelines/tag/:hashtag` (`limit`, `min_id`,
 * `since_id`, `max_id`, newest first, `X-RateLimit-*` headers), filled by `hashtagPost()`; and
 * `app.bsky.feed.searchPosts` at the PDS (`q` required, else 400 `InvalidRequest`; newest
 * first; `since` inclusive and `until` exclusive on `indexedAt`, `limit` 1–100, and an opaque
 * `cursor` for the next page, which is an offset as on the AppView, so posts arriving between
 * pages shift what a page holds; 401 without a session, 400 `ExpiredToken` for an ended one),
 * filled by `blueskyPublicPost()`.
 *
 * `trouble()` can aim at one path, after letting some of its requests through: a rate limit
 * on the third page of a search.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { blueskyPost, mastodonAccount, mastodonStatus, reply } from '../fixtures/social/payloads.ts';
import { mastodonOAuth, type MastodonOAuth } from './mastodon-oauth-server.ts';

type Json = Record<string, unknown>;

/** What the next answers are, whatever is asked. */
export type Trouble =
  | { kind: 'not_found' }
  | { kind: 'rate_limited'; retryAfterSeconds: number; style: 'mastodon' | 'bluesky' }
  | { kind: 'slow'; ms: number }
  /** The request is carried out, but the connection closes before the answer: a timeout or crash after the platform acted. */
  | { kind: 'lost_response' };

export type PlatformServer = {
  origin: string;
  /** Mastodon statuses by id; change them between reads. */
  statuses: Map<string, Json>;
  /** Bluesky posts by AT URI, with their parent URI. */
  bskyPosts: Map<string, { post: Json; parent: string | null }>;
  /** Every path asked, in order. */
  requests: string[];
  /** Access tokens the Mastodon instance accepts, with the username each belongs to; delete one to expire it. */
  tokens: Map<string, string>;
  /** Every accepted POST /api/v1/statuses: the request's fields and Idempotency-Key. */
  posted: Array<{ body: Json; idempotencyKey: string | undefined; token: string }>;
  /** Media uploaded to the Mastodon instance, by id, with their description (alternative text). */
  media: Map<string, { description: string; mime: string; size: number }>;
  /** Every record created on the PDS, with the session's handle. */
  bskyRecords: Array<{ uri: string; handle: string; record: Json }>;
  /** Blobs uploaded to the PDS, by CID. */
  blobs: Map<string, { mime: string; size: number }>;
  /** Mastodon notifications, oldest first, with the username each is for. */
  notifications: Array<{ forUser: string; notification: Json }>;
  /** Bluesky app passwords the PDS accepts, by handle (without `@`) and by DID; delete one to revoke it. */
  appPasswords: Map<string, string>;
  /** Bluesky notifications for the municipality's DID, oldest first. */
  bskyNotifications: Json[];
  /** Every accepted createSession, refreshSession and login refused, in order. */
  sessions: Array<'created' | 'refreshed' | 'refused'>;
  /** The instance's OAuth: registered applications, who authorizes, and trouble (./mastodon-oauth-server.ts). */
  oauth: MastodonOAuth;
  /** A resident's status mentioning `toUser` (a reply when `inReplyTo` is given), with its notification. */
  mention(
    fromUser: string,
    text: string,
    options?: { toUser?: string; inReplyTo?: string; visibility?: string },
  ): { statusId: string; notificationId: string };
  /** A resident's Bluesky post that replies to, mentions or quotes the municipality, with its notification. */
  blueskyMention(
    fromDid: string,
    text: string,
    options?: { reason?: 'reply' | 'mention' | 'quote' | 'like'; parent?: string },
  ): string;
  /** A public Mastodon status by a resident with a hashtag (in `tags`, as Mastodon gives them). */
  hashtagPost(fromUser: string, text: string, tag: string, options?: { visibility?: string }): string;
  /** A public Bluesky post by a resident, not addressed to the municipality, for searchPosts. */
  blueskyPublicPost(fromDid: string, text: string): string;
  /** Ends every Bluesky access token: the next listNotifications answers 400 ExpiredToken. */
  expireBlueskySessions(options?: { refreshToo?: boolean }): void;
  /**
   * The next `count` requests meet this trouble; with `path`, only requests for that path,
   * after `after` of them went through.
   */
  trouble(trouble: Trouble, count?: number, aim?: { path: string; after?: number }): void;
  mastodonUrl(id: string): string;
  close(): Promise<void>;
};

export const BSKY_DID = 'did:plc:gemeente';
/** A 1×1 PNG, what the local media server serves for `/img/…`. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
export const BSKY_HANDLE = 'gemeente.bsky.social';
export const bskyUri = (rkey: string, did = BSKY_DID) => `at://${did}/app.bsky.feed.post/${rkey}`;

/** A CIDv1 (raw codec, sha2-256) in base32, as a PDS names a blob: the client validates its form. */
function rawCid(bytes: Uint8Array): string {
  const digest = createHash('sha256').update(bytes).digest();
  const data = Buffer.concat([Buffer.from([0x01, 0x55, 0x12, 0x20]), digest]);
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let bits = 0;
  let value = 0;
  let out = 'b';
  for (const byte of data) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

export async function startPlatformServer(options: { port?: number } = {}): Promise<PlatformServer> {
  const statuses = new Map<string, Json>();
  const bskyPosts = new Map<string, { post: Json; parent: string | null }>();
  const requests: string[] = [];
  const tokens = new Map<string, string>();
  const posted: PlatformServer['posted'] = [];
  const byIdempotencyKey = new Map<string, Json>();
  const media: PlatformServer['media'] = new Map();
  const bskyRecords: PlatformServer['bskyRecords'] = [];
  const blobs: PlatformServer['blobs'] = new Map();
  const bskySessions = new Map<string, string>();
  let nextRecord = 1;
  // Time-based, as Mastodon's ids are: two servers started one after the other never share one.
  let nextStatusId = Date.now() * 100;
  const notifications: PlatformServer['notifications'] = [];
  let nextNotificationId = 500;
  const appPasswords = new Map<string, string>();
  const bskyNotifications: Json[] = [];
  const sessions: PlatformServer['sessions'] = [];
  const accessJwts = new Set<string>();
  const refreshJwts = new Map<string, string>();
  let nextSession = 1;
  // Notifications get distinct, rising moments, as a server's clock gives them.
  let clock = 0;
  const tick = () => new Date((clock = Math.max(Date.now(), clock + 1))).toISOString();
  const troubles: Trouble[] = [];
  const aimedTroubles: Array<{ trouble: Trouble; count: number; path: string; after: number }> = [];
  const timers = new Set<NodeJS.Timeout>();
  const oauth = mastodonOAuth(tokens);

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  const bearer = (req: IncomingMessage) => /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];

  async function readBytes(req: IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  async function readBody(req: IncomingMessage): Promise<Json> {
    const raw = (await readBytes(req)).toString('utf8');
    if ((req.headers['content-type'] ?? '').includes('application/json')) return JSON.parse(raw || '{}') as Json;
    return Object.fromEntries(new URLSearchParams(raw));
  }

  /** The authenticated part of the Mastodon API: who the token is, and posting a status. */
  async function mastodonAccountApi(req: IncomingMessage, res: ServerResponse, path: string) {
    const token = bearer(req);
    const username = token ? tokens.get(token) : undefined;
    if (!username) return send(res, 401, { error: 'The access token is invalid' });
    const account = { ...mastodonAccount(username), url: `${origin}/@${username}` };
    if (path === '/api/v1/accounts/verify_credentials') return send(res, 200, account);
    if (path === '/api/v2/media') {
      const bytes = await readBytes(req);
      const form = await new Request('http://mock/', {
        method: 'POST',
        headers: { 'Content-Type': String(req.headers['content-type'] ?? '') },
        body: new Uint8Array(bytes),
      })
        .formData()
        .catch(() => undefined);
      const file = form?.get('file');
      if (!file || typeof file === 'string') return send(res, 422, { error: 'Validation failed: File is missing' });
      const id = String(nextStatusId++);
      const description = String(form!.get('description') ?? '');
      if ([...description].length > 1500) {
        return send(res, 422, { error: 'Validation failed: Description is too long (maximum is 1500 characters)' });
      }
      media.set(id, { description, mime: file.type, size: file.size });
      return send(res, 200, { id, type: 'image', url: `${origin}/media/${id}`, description });
    }
    const own = /^\/api\/v1\/statuses\/(\d+)$/.exec(path);
    if (own) {
      const existing = statuses.get(own[1]!);
      if (!existing || (existing.account as Json).username !== username)
        return send(res, 404, { error: 'Record not found' });
      if (req.method === 'DELETE') {
        statuses.delete(own[1]!);
        return send(res, 200, { ...existing, text: '' });
      }
    }
    const body = await readBody(req);
    const key = req.headers['idempotency-key'] as string | undefined;
    const earlier = key ? byIdempotencyKey.get(`${token}:${key}`) : undefined;
    if (earlier) return send(res, 200, earlier);
    const text = typeof body.status === 'string' ? body.status : '';
    if (!text.trim()) return send(res, 422, { error: "Validation failed: Text can't be blank" });
    if ([...text].length > 500) {
      return send(res, 422, { error: 'Validation failed: Text character limit of 500 exceeded' });
    }
    const mediaIds = Array.isArray(body.media_ids) ? (body.media_ids as unknown[]).map(String) : [];
    if (mediaIds.some((m) => !media.has(m)))
      return send(res, 422, { error: 'Validation failed: Media ids are invalid' });
    const attachments = mediaIds.map((m) => ({
      id: m,
      type: 'image',
      url: `${origin}/media/${m}`,
      description: media.get(m)!.description,
    }));
    const spoiler = typeof body.spoiler_text === 'string' ? body.spoiler_text : '';
    const plainParagraphs = text.split(/\n{2,}/).map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`);
    if (own) {
      const edited = {
        ...statuses.get(own[1]!)!,
        content: plainParagraphs.join(''),
        spoiler_text: spoiler,
        sensitive: !!spoiler,
        media_attachments: attachments,
        edited_at: new Date().toISOString(),
      };
      statuses.set(own[1]!, edited);
      return send(res, 200, edited);
    }
    const parent = typeof body.in_reply_to_id === 'string' ? body.in_reply_to_id : null;
    if (parent && !statuses.has(parent)) return send(res, 404, { error: 'Record not found' });
    const id = String(nextStatusId++);
    // As Mastodon does: a written @user (or @user@this-host) of a known account becomes a mention link.
    const known = new Map<string, Json>();
    for (const s of statuses.values()) known.set((s.account as Json).username as string, s.account as Json);
    const mentions: Json[] = [];
    const linked = (escaped: string) =>
      escaped.replace(
        /(^|\s)@([a-zA-Z0-9_]+)(?:@([a-zA-Z0-9.:-]+))?/g,
        (all, before: string, user: string, host?: string) => {
          const mentioned = known.get(user);
          if (!mentioned || (host && host !== new URL(origin).host)) return all;
          if (!mentions.some((m) => m.username === user)) {
            mentions.push({ id: mentioned.id, username: user, acct: user, url: mentioned.url });
          }
          return `${before}<span class="h-card"><a href="${mentioned.url as string}" class="u-url mention">@<span>${user}</span></a></span>`;
        },
      );
    const paragraphs = text
      .split(/\n{2,}/)
      .map((p) => `<p>${linked(p.replace(/&/g, '&amp;').replace(/</g, '&lt;'))}</p>`);
    const status = mastodonStatus(id, {
      spoiler_text: spoiler,
      sensitive: !!spoiler,
      media_attachments: attachments,
      in_reply_to_id: parent,
      in_reply_to_account_id: parent ? ((statuses.get(parent)!.account as Json).id ?? null) : null,
      language: typeof body.language === 'string' ? body.language : null,
      account,
      uri: `${origin}/users/${username}/statuses/${id}`,
      url: `${origin}/@${username}/${id}`,
      content: paragraphs.join(''),
      mentions,
    });
    statuses.set(id, status);
    posted.push({ body, idempotencyKey: key, token: token! });
    if (key) byIdempotencyKey.set(`${token}:${key}`, status);
    return send(res, 200, status, { 'X-RateLimit-Remaining': '299' });
  }

  /** `GET /api/v1/notifications` as Mastodon documents it: newest first, paged by ids. */
  function mastodonNotifications(req: IncomingMessage, res: ServerResponse, url: URL) {
    const token = bearer(req);
    const username = token ? tokens.get(token) : undefined;
    if (!username) return send(res, 401, { error: 'The access token is invalid' });
    const types = url.searchParams.getAll('types[]');
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 40) || 40, 80);
    const num = (name: string) => (url.searchParams.has(name) ? BigInt(url.searchParams.get(name)!) : undefined);
    const [sinceId, minId, maxId] = [num('since_id'), num('min_id'), num('max_id')];
    let mine = notifications
      .filter((n) => n.forUser === username)
      .map((n) => n.notification)
      .filter((n) => types.length === 0 || types.includes(n.type as string))
      .filter((n) => maxId === undefined || BigInt(n.id as string) < maxId);
    const after = sinceId ?? minId;
    if (after !== undefined) mine = mine.filter((n) => BigInt(n.id as string) > after);
    // min_id: the page right after the cursor; since_id (and none): the newest page.
    const page = minId !== undefined ? mine.slice(0, limit) : mine.slice(-limit);
    return send(res, 200, page.reverse(), {
      'X-RateLimit-Limit': '300',
      'X-RateLimit-Remaining': '299',
      'X-RateLimit-Reset': new Date(Date.now() + 300_000).toISOString(),
    });
  }

  /** `GET /api/v1/timelines/tag/:hashtag`: public statuses with the tag, newest first, paged by ids. */
  function mastodonTagTimeline(res: ServerResponse, url: URL, tag: string) {
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 20) || 20, 40);
    const num = (name: string) => (url.searchParams.has(name) ? BigInt(url.searchParams.get(name)!) : undefined);
    const [sinceId, minId, maxId] = [num('since_id'), num('min_id'), num('max_id')];
    let tagged = [...statuses.values()]
      .filter((st) => st.visibility === 'public')
      .filter((st) =>
        ((st.tags as Json[] | undefined) ?? []).some((t) => String(t.name).toLowerCase() === tag.toLowerCase()),
      )
      .sort((a, b) => (BigInt(a.id as string) < BigInt(b.id as string) ? -1 : 1))
      .filter((st) => maxId === undefined || BigInt(st.id as string) < maxId);
    const after = sinceId ?? minId;
    if (after !== undefined) tagged = tagged.filter((st) => BigInt(st.id as string) > after);
    const page = minId !== undefined ? tagged.slice(0, limit) : tagged.slice(-limit);
    return send(res, 200, page.reverse(), {
      'X-RateLimit-Limit': '300',
      'X-RateLimit-Remaining': '299',
      'X-RateLimit-Reset': new Date(Date.now() + 300_000).toISOString(),
    });
  }

  function mastodon(res: ServerResponse, path: string) {
    const match = /^\/api\/v1\/statuses\/(\d+)(\/context)?$/.exec(path);
    const status = match ? statuses.get(match[1]!) : undefined;
    if (!match || !status) return send(res, 404, { error: 'Record not found' });
    if (!match[2]) return send(res, 200, status, { 'X-RateLimit-Remaining': '299' });
    // Context: everything below the status, depth first, in the order they were written.
    const descendants: Json[] = [];
    const walk = (id: string) => {
      for (const s of statuses.values()) {
        if (s.in_reply_to_id === id) {
          descendants.push(s);
          walk(s.id as string);
        }
      }
    };
    walk(match[1]!);
    const ancestors: Json[] = [];
    for (let parent = status.in_reply_to_id as string | null; parent;) {
      const s = statuses.get(parent);
      if (!s) break;
      ancestors.unshift(s);
      parent = s.in_reply_to_id as string | null;
    }
    return send(res, 200, { ancestors, descendants });
  }

  function newSession(did: string, handle: string): Json {
    const n = nextSession++;
    const access = `access-${n}-${did}`;
    const refresh = `refresh-${n}-${did}`;
    accessJwts.add(access);
    refreshJwts.set(refresh, handle);
    bskySessions.set(access, handle);
    return { did, handle, accessJwt: access, refreshJwt: refresh, active: true };
  }

  const didOf = (handle: string) => (handle === BSKY_HANDLE ? BSKY_DID : `did:plc:${handle.split('.')[0]}`);

  /**
   * The PDS part of Bluesky: sessions from app passwords (and their refresh), notifications,
   * blobs, creating and deleting posts.
   */
  async function blueskyPds(req: IncomingMessage, res: ServerResponse, url: URL) {
    const xrpcError = (status: number, error: string, message: string) => send(res, status, { error, message });
    if (url.pathname === '/xrpc/com.atproto.server.createSession') {
      const body = await readBody(req);
      const identifier = String(body.identifier ?? '').replace(/^@/, '');
      const password = appPasswords.get(identifier);
      if (!password || password !== body.password) {
        sessions.push('refused');
        return xrpcError(401, 'AuthenticationRequired', 'Invalid identifier or password');
      }
      sessions.push('created');
      const handle = identifier.startsWith('did:') ? BSKY_HANDLE : identifier;
      return send(res, 200, newSession(didOf(handle), handle));
    }
    if (url.pathname === '/xrpc/com.atproto.server.refreshSession') {
      const token = bearer(req);
      const handle = token ? refreshJwts.get(token) : undefined;
      if (!token || !handle) return xrpcError(400, 'ExpiredToken', 'Token has been revoked');
      // Revoking an app password ends the sessions it opened.
      if (!appPasswords.has(handle)) return xrpcError(400, 'ExpiredToken', 'Token has been revoked');
      refreshJwts.delete(token);
      sessions.push('refreshed');
      return send(res, 200, newSession(didOf(handle), handle));
    }
    if (url.pathname === '/xrpc/app.bsky.notification.listNotifications') {
      const token = bearer(req);
      if (!token) return xrpcError(401, 'AuthenticationRequired', 'Authentication Required');
      if (!accessJwts.has(token)) return xrpcError(400, 'ExpiredToken', 'Token has expired');
      const reasons = url.searchParams.getAll('reasons');
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 50) || 50, 100);
      const cursor = url.searchParams.get('cursor');
      const newestFirst = [...bskyNotifications]
        .reverse()
        .filter((n) => reasons.length === 0 || reasons.includes(n.reason as string))
        .filter((n) => !cursor || (n.indexedAt as string) < cursor);
      const page = newestFirst.slice(0, limit);
      const next = newestFirst.length > limit ? (page.at(-1)!.indexedAt as string) : undefined;
      return send(
        res,
        200,
        { notifications: page, ...(next ? { cursor: next } : {}), priority: false },
        { 'RateLimit-Limit': '3000', 'RateLimit-Remaining': '2999' },
      );
    }
    if (url.pathname === '/xrpc/com.atproto.repo.getRecord') {
      const repo = url.searchParams.get('repo') ?? '';
      const did = repo.startsWith('did:') ? repo : didOf(repo);
      const uri = `at://${did}/${url.searchParams.get('collection') ?? ''}/${url.searchParams.get('rkey') ?? ''}`;
      const entry = bskyPosts.get(uri);
      if (!entry) return xrpcError(400, 'RecordNotFound', `Could not locate record: ${uri}`);
      return send(res, 200, { uri, cid: entry.post.cid, value: entry.post.record });
    }
    if (url.pathname === '/xrpc/app.bsky.feed.searchPosts') {
      const token = bearer(req);
      if (!token) return xrpcError(401, 'AuthenticationRequired', 'Authentication Required');
      if (!accessJwts.has(token)) return xrpcError(400, 'ExpiredToken', 'Token has expired');
      const q = (url.searchParams.get('q') ?? '').trim();
      if (!q) return xrpcError(400, 'InvalidRequest', 'Error: Params must have the property "q"');
      const limit = Number(url.searchParams.get('limit') ?? 25);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
        return xrpcError(400, 'InvalidRequest', 'Error: limit must be between 1 and 100');
      }
      const since = url.searchParams.get('since');
      const until = url.searchParams.get('until');
      const cursor = url.searchParams.get('cursor');
      const offset = cursor
        ? Number(
            Buffer.from(cursor, 'base64url')
              .toString()
              .replace(/^offset:/, ''),
          )
        : 0;
      if (!Number.isInteger(offset) || offset < 0) return xrpcError(400, 'InvalidRequest', 'Error: malformed cursor');
      const needle = q.toLowerCase();
      const hits = [...bskyPosts.values()]
        .map((e) => e.post)
        .filter((post) =>
          String((post.record as Json).text ?? '')
            .toLowerCase()
            .includes(needle),
        )
        .filter((post) => !since || (post.indexedAt as string) >= since)
        .filter((post) => !until || (post.indexedAt as string) < until)
        .sort((a, b) => ((a.indexedAt as string) < (b.indexedAt as string) ? 1 : -1));
      const page = hits.slice(offset, offset + limit);
      const next =
        hits.length > offset + limit ? Buffer.from(`offset:${offset + limit}`).toString('base64url') : undefined;
      return send(
        res,
        200,
        { posts: page, ...(next ? { cursor: next } : {}), hitsTotal: hits.length },
        { 'RateLimit-Limit': '3000', 'RateLimit-Remaining': '2999' },
      );
    }
    const token = bearer(req);
    const handle = token && accessJwts.has(token) ? bskySessions.get(token) : undefined;
    if (!handle || !appPasswords.has(handle)) return xrpcError(401, 'ExpiredToken', 'Token has expired');
    const did = didOf(handle);
    if (url.pathname === '/xrpc/com.atproto.server.getSession') return send(res, 200, { handle, did, active: true });
    if (url.pathname === '/xrpc/com.atproto.repo.uploadBlob') {
      const bytes = await readBytes(req);
      const mime = String(req.headers['content-type'] ?? 'application/octet-stream');
      if (bytes.length > 1_000_000) return xrpcError(400, 'BlobTooLarge', 'This file is too large');
      const cid = rawCid(bytes);
      blobs.set(cid, { mime, size: bytes.length });
      return send(res, 200, { blob: { $type: 'blob', ref: { $link: cid }, mimeType: mime, size: bytes.length } });
    }
    const body = await readBody(req);
    if (url.pathname === '/xrpc/com.atproto.repo.createRecord') {
      const record = (body.record ?? {}) as Json;
      const text = typeof record.text === 'string' ? record.text : '';
      const graphemes = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)].length;
      if (graphemes > 300) {
        return xrpcError(
          400,
          'InvalidRequest',
          'Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes',
        );
      }
      // A reply names its root and parent as strong references: an AT URI and a CID each.
      const replyRefs = record.reply as Json | undefined;
      for (const part of replyRefs ? (['root', 'parent'] as const) : []) {
        const ref = replyRefs![part] as Json | undefined;
        if (typeof ref?.uri !== 'string' || !ref.uri.startsWith('at://') || typeof ref.cid !== 'string' || !ref.cid) {
          return xrpcError(
            400,
            'InvalidRequest',
            `Invalid app.bsky.feed.post record: Record/reply/${part} must be a strongRef`,
          );
        }
      }
      // A key the client chose: a TID for posts, and one record per key.
      const chosen = typeof body.rkey === 'string' ? body.rkey : undefined;
      if (chosen !== undefined && !/^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/.test(chosen)) {
        return xrpcError(400, 'InvalidRequest', `Invalid record key for app.bsky.feed.post: ${chosen}`);
      }
      const uri = `at://${did}/app.bsky.feed.post/${chosen ?? `r${nextRecord++}`}`;
      if (bskyPosts.has(uri)) return xrpcError(500, 'InternalServerError', 'Internal Server Error');
      const cid = rawCid(Buffer.from(`${uri}${JSON.stringify(record)}`));
      bskyRecords.push({ uri, handle, record });
      const parent = ((record.reply as Json | undefined)?.parent as Json | undefined)?.uri as string | undefined;
      bskyPosts.set(uri, { post: { ...blueskyPost(uri, text, {}, record), cid }, parent: parent ?? null });
      return send(res, 200, { uri, cid, validationStatus: 'valid' }, { 'RateLimit-Remaining': '4999' });
    }
    if (url.pathname === '/xrpc/com.atproto.repo.deleteRecord') {
      const uri = `at://${String(body.repo)}/${String(body.collection)}/${String(body.rkey)}`;
      if (body.repo !== did) return xrpcError(401, 'InvalidToken', 'Not the session account');
      bskyPosts.delete(uri);
      return send(res, 200, {});
    }
    return xrpcError(404, 'MethodNotImplemented', 'Method Not Implemented');
  }

  function bluesky(res: ServerResponse, url: URL) {
    if (url.pathname === '/xrpc/com.atproto.identity.resolveHandle') {
      return url.searchParams.get('handle') === BSKY_HANDLE
        ? send(res, 200, { did: BSKY_DID })
        : send(res, 400, { error: 'InvalidRequest', message: 'Unable to resolve handle' });
    }
    if (url.pathname !== '/xrpc/app.bsky.feed.getPostThread') return send(res, 404, { error: 'MethodNotImplemented' });
    const uri = url.searchParams.get('uri') ?? '';
    const entry = bskyPosts.get(uri);
    if (!entry) return send(res, 400, { error: 'NotFound', message: `Post not found: ${uri}` });
    const view = (at: string): Json => ({
      $type: 'app.bsky.feed.defs#threadViewPost',
      post: bskyPosts.get(at)!.post,
      replies: [...bskyPosts.entries()].filter(([, e]) => e.parent === at).map(([child]) => view(child)),
    });
    const withParents = (at: string, node: Json): Json => {
      const parent = bskyPosts.get(at)?.parent;
      if (!parent) return node;
      const parentNode = bskyPosts.has(parent)
        ? { $type: 'app.bsky.feed.defs#threadViewPost', post: bskyPosts.get(parent)!.post }
        : { $type: 'app.bsky.feed.defs#notFoundPost', uri: parent, notFound: true };
      return { ...node, parent: withParents(parent, parentNode) };
    };
    return send(res, 200, { thread: withParents(uri, view(uri)) }, { 'RateLimit-Remaining': '2999' });
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname);
    const aimed = aimedTroubles.find((one) => one.path === url.pathname);
    let trouble: Trouble | undefined;
    if (aimed && aimed.after > 0) aimed.after--;
    else if (aimed) {
      trouble = aimed.trouble;
      if (--aimed.count === 0) aimedTroubles.splice(aimedTroubles.indexOf(aimed), 1);
    } else trouble = troubles.shift();
    if (trouble?.kind === 'not_found') return send(res, 404, { error: 'Record not found' });
    if (trouble?.kind === 'rate_limited') {
      const reset = new Date(Date.now() + trouble.retryAfterSeconds * 1000);
      return send(
        res,
        429,
        { error: 'Too many requests' },
        trouble.style === 'mastodon'
          ? { 'X-RateLimit-Limit': '300', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': reset.toISOString() }
          : {
              'RateLimit-Limit': '3000',
              'RateLimit-Remaining': '0',
              'RateLimit-Reset': String(Math.ceil(reset.getTime() / 1000)),
            },
      );
    }
    const authenticated =
      (req.method === 'POST' && url.pathname === '/api/v1/statuses') ||
      (req.method === 'POST' && url.pathname === '/api/v2/media') ||
      ((req.method === 'PUT' || req.method === 'DELETE') && /^\/api\/v1\/statuses\/\d+$/.test(url.pathname)) ||
      url.pathname === '/api/v1/accounts/verify_credentials';
    const pds =
      /^\/xrpc\/com\.atproto\.(server\.(createSession|refreshSession|getSession)|repo\.)/.test(url.pathname) ||
      url.pathname === '/xrpc/app.bsky.notification.listNotifications' ||
      url.pathname === '/xrpc/app.bsky.feed.searchPosts';
    const answer = () => {
      // Image files as a platform's media server gives them (Bluesky's CDN addresses hold the
      // author's DID): `/img/…` a small PNG, `/img/…/page.html` something that is no image.
      if (req.method === 'GET' && url.pathname.startsWith('/img/')) {
        const page = url.pathname.endsWith('.html');
        res.writeHead(200, { 'Content-Type': page ? 'text/html' : 'image/png' });
        return res.end(page ? '<script>alert(1)</script>' : TINY_PNG);
      }
      if (oauth.handles(url.pathname)) return void oauth.handle(req, res, url);
      if (url.pathname === '/api/v1/notifications') return mastodonNotifications(req, res, url);
      const tag = /^\/api\/v1\/timelines\/tag\/([^/]+)$/.exec(url.pathname);
      if (tag) return mastodonTagTimeline(res, url, decodeURIComponent(tag[1]!));
      if (pds) {
        blueskyPds(req, res, url).catch(() => send(res, 400, { error: 'InvalidRequest' }));
        return;
      }
      if (authenticated) {
        mastodonAccountApi(req, res, url.pathname).catch(() => send(res, 400, { error: 'Unreadable request' }));
        return;
      }
      if (url.pathname.startsWith('/xrpc/')) bluesky(res, url);
      else mastodon(res, url.pathname);
    };
    if (trouble?.kind === 'lost_response') {
      // Carried out, but the answer never arrives: the connection closes where it would be written.
      const lose = () => {
        req.socket.destroy();
        return res;
      };
      res.writeHead = lose as typeof res.writeHead;
      res.end = lose as typeof res.end;
    }
    if (trouble?.kind === 'slow') {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!res.destroyed) answer();
      }, trouble.ms);
      timers.add(timer);
      return;
    }
    answer();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    statuses,
    bskyPosts,
    requests,
    tokens,
    posted,
    media,
    bskyRecords,
    blobs,
    notifications,
    appPasswords,
    bskyNotifications,
    sessions,
    oauth: oauth.state,
    mention(fromUser, text, options = {}) {
      const toUser = options.toUser ?? 'gemeente';
      const id = String(nextStatusId++);
      const account = { ...mastodonAccount(fromUser), url: `${origin}/@${fromUser}` };
      const parent = options.inReplyTo ? statuses.get(options.inReplyTo) : undefined;
      const at = tick();
      const status = mastodonStatus(id, {
        created_at: at,
        in_reply_to_id: options.inReplyTo ?? null,
        in_reply_to_account_id: parent ? ((parent.account as Json).id ?? null) : null,
        visibility: options.visibility ?? 'public',
        account,
        uri: `${origin}/users/${fromUser}/statuses/${id}`,
        url: `${origin}/@${fromUser}/${id}`,
        content: `<p><span class="h-card"><a href="${origin}/@${toUser}" class="u-url mention">@<span>${toUser}</span></a></span> ${text}</p>`,
        mentions: [{ id: `acc-${toUser}`, username: toUser, acct: toUser, url: `${origin}/@${toUser}` }],
      });
      statuses.set(id, status);
      const notificationId = String(nextNotificationId++);
      notifications.push({
        forUser: toUser,
        notification: { id: notificationId, type: 'mention', created_at: at, account, status },
      });
      return { statusId: id, notificationId };
    },
    blueskyMention(fromDid, text, options = {}) {
      const reason = options.reason ?? 'mention';
      const rkey = `m${nextNotificationId++}`;
      const uri = bskyUri(rkey, fromDid);
      const parent = options.parent ?? null;
      const rootOf = (at: string): string => {
        const up = bskyPosts.get(at)?.parent;
        return up ? rootOf(up) : at;
      };
      const record = parent ? reply(uri, parent, rootOf(parent)) : {};
      const post = blueskyPost(uri, text, {}, { langs: ['nl'], ...record });
      bskyPosts.set(uri, { post, parent });
      bskyNotifications.push({
        uri,
        cid: post.cid,
        author: post.author,
        reason,
        ...(reason === 'reply' && parent ? { reasonSubject: parent } : {}),
        record: post.record,
        isRead: false,
        indexedAt: tick(),
        labels: [],
      });
      return uri;
    },
    hashtagPost(fromUser, text, tag, options = {}) {
      const id = String(nextStatusId++);
      const account = { ...mastodonAccount(fromUser), url: `${origin}/@${fromUser}` };
      const status = mastodonStatus(id, {
        created_at: tick(),
        visibility: options.visibility ?? 'public',
        account,
        uri: `${origin}/users/${fromUser}/statuses/${id}`,
        url: `${origin}/@${fromUser}/${id}`,
        content: `<p>${text} <a href="${origin}/tags/${tag}" class="mention hashtag" rel="tag">#<span>${tag}</span></a></p>`,
        tags: [{ name: tag.toLowerCase(), url: `${origin}/tags/${tag.toLowerCase()}` }],
      });
      statuses.set(id, status);
      return id;
    },
    blueskyPublicPost(fromDid, text) {
      const uri = bskyUri(`p${nextNotificationId++}`, fromDid);
      const at = tick();
      const post = blueskyPost(uri, text, { indexedAt: at }, { langs: ['nl'], createdAt: at });
      bskyPosts.set(uri, { post, parent: null });
      return uri;
    },
    expireBlueskySessions(options = {}) {
      accessJwts.clear();
      if (options.refreshToo) refreshJwts.clear();
    },
    trouble(trouble, count = 1, aim) {
      if (aim) aimedTroubles.push({ trouble, count, path: aim.path, after: aim.after ?? 0 });
      else for (let i = 0; i < count; i++) troubles.push(trouble);
    },
    mastodonUrl: (id) => `${origin}/@gemeente/${id}`,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A municipality's post and two residents' replies (one nested) on the local instance. */
export function seedMastodonThread(server: PlatformServer, rootId: string): void {
  const status = (id: string, account: Json, content: string, parent: string | null): Json =>
    mastodonStatus(id, {
      in_reply_to_id: parent,
      account: { ...account, url: `${server.origin}/@${account.username as string}` },
      uri: `${server.origin}/users/${account.username as string}/statuses/${id}`,
      url: `${server.origin}/@${account.username as string}/${id}`,
      content,
    });
  server.statuses.set(
    rootId,
    status(rootId, mastodonAccount('gemeente'), '<p>Waar moet de fietsroute komen?</p>', null),
  );
  server.statuses.set(
    `${rootId}1`,
    status(`${rootId}1`, mastodonAccount('anna'), '<p>Langs het park, graag.</p>', rootId),
  );
  server.statuses.set(
    `${rootId}2`,
    status(`${rootId}2`, mastodonAccount('bert'), '<p>Eens met Anna.</p>', `${rootId}1`),
  );
}

/** The same conversation on the Bluesky AppView: "één" and an emoji before a link. */
export function seedBlueskyThread(server: PlatformServer, rkey: string): void {
  const root = bskyUri(rkey);
  const answer = bskyUri(`${rkey}a`, 'did:plc:anna');
  server.bskyPosts.set(root, {
    post: blueskyPost(root, 'Waar moet de fietsroute komen?', {}, { langs: ['nl'] }),
    parent: null,
  });
  server.bskyPosts.set(answer, {
    post: blueskyPost(answer, 'Eén route 🚲 langs het park', {}, { langs: ['nl'], ...reply(answer, root, root) }),
    parent: root,
  });
}
