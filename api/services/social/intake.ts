/**
 * Automatic intake: mentions of the municipality's connected accounts and replies to its
 * posts arrive in the moderation queue by themselves. For each active account the poller
 * reads the platform's notifications (Mastodon `GET /api/v1/notifications?types[]=mention`,
 * which also covers replies to the account's statuses, since a reply mentions whom it
 * answers; Bluesky `app.bsky.notification.listNotifications`, reasons reply, mention and
 * quote) and mirrors the thread each new post belongs to, as an import by URL does: into the
 * thread already mirrored when its root is (threads are keyed by platform and root id), else
 * as a new conversation of the account's organisation, titled after the account and the day.
 * From there the post is screened, pseudonymised and queued like every mirrored reply.
 *
 * Once per deployment: a pass runs only in the process that moved the `job_leases` row
 * forward (one conditional UPDATE, PGlite and PostgreSQL alike), and a pass that dies leaves
 * the lease to expire. Per account a cursor (Mastodon's notification id, used as `min_id` so a
 * burst larger than a page is read page by page instead of skipped; Bluesky's newest
 * `indexedAt`, since its cursor pages backwards) says where the last pass stopped. A Bluesky
 * burst larger than a pass reads (MAX_PAGES pages, or a pass stopped by a 429) is read on as
 * listening reads a term: the pass stores what is left (`{since, until, newest, cursor}`) and
 * the next pass reads that first, so nothing is skipped. Posts are
 * deduplicated by their platform id (a post already mirrored is not read again, and the
 * thread and post unique keys hold anyway).
 *
 * Politely: every request goes through politeFetch without waiting in the pass: a 429 or a
 * spent budget (`Retry-After`, `RateLimit-*`, `X-RateLimit-*`) moves the account's next poll
 * to the platform's reset; other failures back off exponentially (up to an hour). A refused
 * credential (401; Bluesky after its session could not be refreshed) marks the account as
 * needing an administrator — shown on the accounts page, audited, and not polled again until
 * the account is connected anew. Podium never marks notifications as seen on the platform:
 * the municipality's people still see them in their own app.
 *
 * Minimised: notifications are not stored; the cursor, the thread and its posts are.
 *
 * Listening (listening.ts), where an administrator switched it on for the account: after the
 * notifications, the public posts that carry each hashtag or keyword (Mastodon: one page of
 * `GET /api/v1/timelines/tag/:hashtag` with `min_id`, the posts just after the cursor, so the
 * next pass goes on from there; Bluesky: `app.bsky.feed.searchPosts` with `sort=latest` and `since`, through the
 * account's PDS, paged back to the term's cursor up to a cap, see listenBluesky), politely
 * and deduplicated as above. A heard post is kept on its own, minimised (`keepHeard`), marked
 * `heard_by`.
 */
import { and, eq, isNull, lte, sql } from 'drizzle-orm';
import type { SocialPlatform } from '../../../shared/contracts/social-thread.ts';
import type { Db } from '../../db/client.ts';
import {
  jobLeases,
  socialAccountIntake,
  socialAccounts,
  socialPosts,
  socialThreads,
  type ListeningCursor,
  type LocalizedText,
} from '../../db/schema.ts';
import { describeError } from '../../lib/log-error.ts';
import { recordAudit } from '../audit.ts';
import { startBackgroundLoop } from '../background-loop.ts';
import type { PostingSettings } from './accounts.ts';
import { fetchThreadAt } from './fetch-thread.ts';
import { activeListening, moveListeningCursor } from './listening.ts';
import { normaliseMastodonStatus } from './mastodon.ts';
import { normaliseBlueskyPost } from './bluesky.ts';
import { field, noCounts, str, type ImportedPost } from './model.ts';
import {
  getJsonResponse,
  HostBudget,
  RateLimitedError,
  SourceHttpError,
  waitUntilFromHeaders,
  type PoliteFetchOptions,
} from './polite-fetch.ts';
import { createSafeFetch } from './safe-fetch.ts';
import { open, seal } from './secret-box.ts';
import { accountDirectory, fetchOptionsFrom, type ImportSettings } from './thread-admin.ts';
import { importThread } from './threads.ts';

export const INTAKE_JOB = 'social-intake';
/** How long a pass holds the deployment's lease if its process dies mid-pass. */
const LEASE_MS = 2 * 60_000;
const MAX_BACKOFF_MS = 60 * 60_000;
/** Pages of notifications read per account and pass; the rest waits for the next pass. */
const MAX_PAGES = 5;
const MASTODON_PAGE = 40;
const BLUESKY_PAGE = 50;
const BLUESKY_REASONS = new Set(['reply', 'mention', 'quote']);

export type IntakeSettings = {
  posting: PostingSettings;
  imports: ImportSettings;
};

/** Why an account was not polled to the end; the accounts page explains the lasting ones. */
export type IntakeError = 'token_rejected' | 'rate_limited' | 'unavailable' | 'no_secret_key';

export type AccountPollResult = {
  accountId: string;
  platform: SocialPlatform;
  /** Posts mirrored in this pass (new ones, or new to their thread). */
  taken: number;
  /** Of those, posts heard by listening. */
  heard?: number;
  error?: IntakeError;
};

type Account = typeof socialAccounts.$inferSelect;
type Intake = typeof socialAccountIntake.$inferSelect;

/** The platform refused the credential: an administrator must connect the account again. */
class CredentialRefused extends Error {
  override name = 'CredentialRefused';
}

/** A pass over one account that stopped early, with the cursor of what it did take in. */
class PollStopped extends Error {
  override name = 'PollStopped';
  readonly cursor: string | null;
  readonly taken: number;
  override readonly cause: unknown;
  constructor(cursor: string | null, taken: number, cause: unknown) {
    super('poll stopped');
    this.cursor = cursor;
    this.taken = taken;
    this.cause = cause;
  }
}

/** Mastodon ids are numbers as strings, longer than a double holds exactly. */
const newerId = (a: string, b: string | null) => b === null || a.length > b.length || (a.length === b.length && a > b);

/**
 * One pass, when this process wins the deployment's lease: polls every connected account
 * that is due. @returns the accounts polled, or undefined when another process holds the lease
 */
export async function pollIntakeIfDue(
  db: Db,
  settings: IntakeSettings,
  options: { now?: () => Date; everyMs: number; log?: (line: string) => void },
): Promise<AccountPollResult[] | undefined> {
  const now = options.now ?? (() => new Date());
  const started = now();
  await db.insert(jobLeases).values({ name: INTAKE_JOB, nextRunAt: started }).onConflictDoNothing();
  const claimed = await db
    .update(jobLeases)
    .set({ nextRunAt: new Date(started.getTime() + Math.max(LEASE_MS, options.everyMs)), lastRunAt: started })
    .where(and(eq(jobLeases.name, INTAKE_JOB), lte(jobLeases.nextRunAt, started)))
    .returning({ name: jobLeases.name });
  if (claimed.length === 0) return undefined;
  try {
    return await pollDueAccounts(db, settings, { now, everyMs: options.everyMs, log: options.log });
  } finally {
    await db
      .update(jobLeases)
      .set({ nextRunAt: new Date(now().getTime() + options.everyMs) })
      .where(eq(jobLeases.name, INTAKE_JOB));
  }
}

/** Polls each due account once; the caller holds the lease. */
export async function pollDueAccounts(
  db: Db,
  settings: IntakeSettings,
  options: { now: () => Date; everyMs: number; log?: (line: string) => void | undefined },
): Promise<AccountPollResult[]> {
  const log = options.log ?? (() => {});
  // Accounts connected before intake existed get their row (polled from now on).
  await db.execute(sql`insert into ${socialAccountIntake} (account_id, next_poll_at)
    select ${socialAccounts.id}, ${options.now().toISOString()} from ${socialAccounts}
    where ${socialAccounts.revokedAt} is null and ${socialAccounts.tokenSealed} is not null
    on conflict do nothing`);
  const due = await db
    .select({ account: socialAccounts, intake: socialAccountIntake })
    .from(socialAccountIntake)
    .innerJoin(socialAccounts, eq(socialAccounts.id, socialAccountIntake.accountId))
    .where(
      and(
        isNull(socialAccounts.revokedAt),
        isNull(socialAccountIntake.attentionSince),
        lte(socialAccountIntake.nextPollAt, options.now()),
      ),
    )
    .orderBy(socialAccountIntake.nextPollAt);
  const results: AccountPollResult[] = [];
  // One host budget per pass: a host's rate limit holds for every account on it.
  const budget = new HostBudget();
  for (const { account, intake } of due) {
    results.push(await pollAccount(db, account, intake, settings, { ...options, budget, log }));
  }
  return results;
}

async function pollAccount(
  db: Db,
  account: Account,
  intake: Intake,
  settings: IntakeSettings,
  options: { now: () => Date; everyMs: number; budget: HostBudget; log: (line: string) => void },
): Promise<AccountPollResult> {
  const result: AccountPollResult = { accountId: account.id, platform: account.platform, taken: 0 };
  const key = settings.posting.secretKey;
  const http: PoliteFetchOptions = {
    allowPrivateHosts: settings.posting.allowPrivateHosts,
    ...(settings.posting.fetch ? { fetch: settings.posting.fetch } : {}),
    budget: options.budget,
    // The pass never sleeps on a platform: a wait is stored as the account's next poll.
    maxWaitMs: 0,
    maxRetries: 0,
    timeoutMs: 15_000,
  };
  let cursor = intake.cursor;
  let session: BlueskySession | undefined;
  let nextPollAt = options.now();
  try {
    if (!key || !account.tokenSealed) throw new PollStopped(cursor, 0, 'no_secret_key');
    const secret = open(account.tokenSealed, key);
    const poll =
      account.platform === 'mastodon'
        ? await pollMastodon(db, account, intake, secret, settings, http, options.now)
        : await pollBluesky(db, account, intake, secret, key, settings, http, options.now);
    cursor = poll.cursor;
    result.taken = poll.taken;
    if (poll.heard) result.heard = poll.heard;
    session = poll.session;
    // A spent budget seen on a good answer is honoured too.
    if (poll.notBefore && poll.notBefore > nextPollAt.getTime()) nextPollAt = new Date(poll.notBefore);
    await db
      .update(socialAccountIntake)
      .set({
        cursor,
        nextPollAt,
        lastPolledAt: options.now(),
        failures: 0,
        lastError: null,
        ...(session ? { sessionSealed: seal(JSON.stringify(session), key) } : {}),
      })
      .where(eq(socialAccountIntake.accountId, account.id));
    return result;
  } catch (thrown) {
    const stopped = thrown instanceof PollStopped ? thrown : new PollStopped(cursor, 0, thrown);
    const error = stopped.cause;
    result.taken = stopped.taken;
    const now = options.now();
    if (error instanceof CredentialRefused) {
      result.error = 'token_rejected';
      await db.transaction(async (tx) => {
        await tx
          .update(socialAccountIntake)
          .set({ cursor: stopped.cursor, attentionSince: now, lastError: 'token_rejected', sessionSealed: null })
          .where(eq(socialAccountIntake.accountId, account.id));
        await recordAudit(tx, {
          organisationId: account.organisationId,
          actorType: 'system',
          at: now,
          action: 'social_account.needs_attention',
          subjectType: 'social_account',
          subjectId: account.id,
          details: { platform: account.platform, handle: account.handle, reason: 'token_rejected' },
        });
      });
      options.log(`Intake for ${account.handle}: the platform refused the credential; the account needs attention`);
      return result;
    }
    let retryAt: Date;
    let failures = intake.failures;
    if (error instanceof RateLimitedError) {
      result.error = 'rate_limited';
      retryAt = error.retryAt;
    } else {
      result.error = error === 'no_secret_key' ? 'no_secret_key' : 'unavailable';
      failures += 1;
      const wait = Math.min(Math.max(options.everyMs, 1000) * 2 ** failures, MAX_BACKOFF_MS);
      retryAt = new Date(now.getTime() + wait);
    }
    await db
      .update(socialAccountIntake)
      .set({ cursor: stopped.cursor, nextPollAt: retryAt, failures, lastError: result.error })
      .where(eq(socialAccountIntake.accountId, account.id));
    // Never the credential or a resident's text: the account, the code, and an error's kind.
    const detail =
      error instanceof RateLimitedError || typeof error === 'string'
        ? ''
        : ` (${describeError(error).split('\n')[0]!.slice(0, 200)})`;
    options.log(`Intake for ${account.handle}: ${result.error}, next poll ${retryAt.toISOString()}${detail}`);
    return result;
  }
}

type Poll = { cursor: string | null; taken: number; heard?: number; session?: BlueskySession; notBefore?: number };

/** A 401 is the credential refused; everything else is for the back-off. */
function sortError(error: unknown): unknown {
  if (error instanceof SourceHttpError && error.status === 401) return new CredentialRefused();
  return error;
}

/** With the account's token, for the platform's authenticated endpoints. */
function authorised(http: PoliteFetchOptions, token: string): PoliteFetchOptions {
  const base = http.fetch ?? createSafeFetch({ allowPrivate: http.allowPrivateHosts });
  return {
    ...http,
    fetch: (input, init) =>
      base(input, {
        ...init,
        headers: { ...(init?.headers as Record<string, string>), Authorization: `Bearer ${token}` },
      }),
  };
}

const dayTitle = (handle: string, platform: string, at: Date): LocalizedText => {
  const day = (lang: string) =>
    at.toLocaleDateString(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
  return {
    nl: `Bericht aan ${handle} op ${platform}, ${day('nl-NL')}`,
    en: `Post to ${handle} on ${platform}, ${day('en-GB')}`,
  };
};

/**
 * Whether the organisation's mirror already holds this post (then it is not read again); a
 * Mastodon post counts only in a thread read from this instance, where its id means the same.
 */
async function alreadyMirrored(db: Db, account: Account, externalId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: socialPosts.id })
    .from(socialPosts)
    .innerJoin(socialThreads, eq(socialThreads.id, socialPosts.threadId))
    .where(
      and(
        eq(socialThreads.organisationId, account.organisationId),
        eq(socialThreads.platform, account.platform),
        eq(socialPosts.externalId, externalId),
        // Mastodon ids are the instance's own: the same number elsewhere is another post.
        account.platform === 'mastodon'
          ? sql`${socialThreads.sourceUrl} like ${`${account.instanceUrl}/%`}`
          : undefined,
      ),
    )
    .limit(1);
  return !!row;
}

/** Reads the post's whole thread and stores it: into its mirrored thread, or as a new one. */
async function mirror(
  db: Db,
  account: Account,
  address: Parameters<typeof fetchThreadAt>[0],
  settings: IntakeSettings,
  http: PoliteFetchOptions,
  now: Date,
): Promise<void> {
  const directory = await accountDirectory(db, account.organisationId);
  const thread = await fetchThreadAt(address, {
    ...fetchOptionsFrom(settings.imports),
    ...directory,
    budget: http.budget!,
    maxWaitMs: 0,
    maxRetries: 0,
    ...(settings.posting.fetch ? { fetch: settings.posting.fetch } : {}),
  });
  await importThread(db, {
    organisationId: account.organisationId,
    thread,
    sourceUrl: thread.url,
    live: true,
    // Only a new conversation takes it: a thread already mirrored keeps its title and consultation.
    title: dayTitle(account.handle, account.platform === 'mastodon' ? 'Mastodon' : 'Bluesky', now),
    now,
  });
}

async function pollMastodon(
  db: Db,
  account: Account,
  intake: Intake,
  token: string,
  settings: IntakeSettings,
  http: PoliteFetchOptions,
  now: () => Date,
): Promise<Poll> {
  const api = authorised(http, token);
  let cursor = intake.cursor;
  let taken = 0;
  let heard: number;
  let notBefore: number | undefined;
  try {
    for (let page = 0; page < MAX_PAGES; page++) {
      const query = new URLSearchParams([
        ['types[]', 'mention'],
        ['limit', String(MASTODON_PAGE)],
      ]);
      if (cursor) query.set('min_id', cursor);
      const response = await getJsonResponse(`${account.instanceUrl}/api/v1/notifications?${query}`, api);
      notBefore = waitUntilFromHeaders(response.headers, 200, now().getTime()) ?? notBefore;
      const notifications = Array.isArray(response.body) ? response.body : [];
      // Oldest first, so the cursor only ever passes what was taken in.
      const ordered = notifications
        .map((n) => ({ n, id: str(field(n, 'id')) }))
        .filter((x): x is { n: unknown; id: string } => !!x.id && /^\d{1,30}$/.test(x.id))
        .sort((a, b) => (newerId(a.id, b.id) ? 1 : -1));
      for (const { n, id } of ordered) {
        const status = field(n, 'status');
        const statusId = str(field(status, 'id'));
        const authorId = str(field(field(n, 'account'), 'id'));
        const createdAt = Date.parse(str(field(n, 'created_at')) ?? '');
        // The first pass takes in what arrived since the account was connected, not its history.
        const beforeConnecting = !intake.cursor && createdAt < account.createdAt.getTime();
        // A private or direct mention is between the resident and the municipality: never mirrored in public.
        const visibility = str(field(status, 'visibility')) ?? 'public';
        const takeIn =
          !!statusId &&
          /^\d{1,30}$/.test(statusId) &&
          authorId !== account.externalId &&
          !beforeConnecting &&
          (visibility === 'public' || visibility === 'unlisted');
        if (takeIn) {
          if (!(await alreadyMirrored(db, account, statusId!))) {
            try {
              await mirror(
                db,
                account,
                { platform: 'mastodon', origin: account.instanceUrl, statusId: statusId!, handle: null },
                settings,
                api,
                now(),
              );
              taken++;
            } catch (error) {
              // Deleted between the notification and the read: nothing to take in.
              if (!(error instanceof SourceHttpError && (error.status === 404 || error.status === 410))) throw error;
            }
          }
        }
        if (newerId(id, cursor)) cursor = id;
      }
      if (notifications.length < MASTODON_PAGE) break;
    }
    heard = await listenMastodon(db, account, api, now);
    taken += heard;
  } catch (error) {
    throw new PollStopped(cursor, taken, sortError(error));
  }
  return { cursor, taken, heard, ...(notBefore ? { notBefore } : {}) };
}

type BlueskySession = { accessJwt: string; refreshJwt: string };

/** POSTs to the PDS (createSession, refreshSession); a refusal is the credential's. */
async function pdsPost(
  http: PoliteFetchOptions,
  url: string,
  init: { bearer?: string; body?: unknown },
): Promise<BlueskySession> {
  const doFetch = http.fetch ?? createSafeFetch({ allowPrivate: http.allowPrivateHosts });
  let response: Response;
  try {
    response = await doFetch(url, {
      method: 'POST',
      headers: {
        Accept: 'application/json',
        ...(init.body ? { 'Content-Type': 'application/json' } : {}),
        ...(init.bearer ? { Authorization: `Bearer ${init.bearer}` } : {}),
      },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
      redirect: 'error',
      signal: AbortSignal.timeout(http.timeoutMs ?? 15_000),
    });
  } catch (error) {
    throw new SourceHttpError(url, 503, error instanceof Error ? error.name : 'NetworkError');
  }
  const body = (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined;
  if (response.status === 429) {
    const until = waitUntilFromHeaders(response.headers, 429, Date.now());
    throw new RateLimitedError(new URL(url).host, new Date(until ?? Date.now() + 60_000));
  }
  if (!response.ok) {
    throw new SourceHttpError(url, response.status, typeof body?.error === 'string' ? body.error : undefined);
  }
  if (typeof body?.accessJwt !== 'string' || typeof body.refreshJwt !== 'string') {
    throw new SourceHttpError(url, 502, 'InvalidSession');
  }
  return { accessJwt: body.accessJwt, refreshJwt: body.refreshJwt };
}

const refused = (error: unknown) =>
  error instanceof SourceHttpError &&
  (error.status === 401 || (error.status === 400 && /ExpiredToken|InvalidToken/.test(error.code ?? '')));

async function pollBluesky(
  db: Db,
  account: Account,
  intake: Intake,
  appPassword: string,
  key: Buffer,
  settings: IntakeSettings,
  http: PoliteFetchOptions,
  now: () => Date,
): Promise<Poll> {
  const pds = account.instanceUrl;
  let session: BlueskySession | undefined;
  let renewed = false;
  try {
    session = intake.sessionSealed ? (JSON.parse(open(intake.sessionSealed, key)) as BlueskySession) : undefined;
  } catch {
    session = undefined;
  }
  const login = async () => {
    renewed = true;
    try {
      return await pdsPost(http, `${pds}/xrpc/com.atproto.server.createSession`, {
        body: { identifier: account.externalId, password: appPassword },
      });
    } catch (error) {
      throw sortError(error);
    }
  };
  /** The access token expired: refresh it, or log in again with the app password. */
  const renew = async (current: BlueskySession | undefined) => {
    if (current) {
      try {
        renewed = true;
        return await pdsPost(http, `${pds}/xrpc/com.atproto.server.refreshSession`, { bearer: current.refreshJwt });
      } catch (error) {
        if (!refused(error)) throw error;
      }
    }
    return login();
  };

  // Where reading stands: the newest `indexedAt` taken in (at first, the moment of connecting),
  // or the part of a burst a pass left unread.
  let state = intakeStateOf(intake.cursor, account.createdAt);
  let taken = 0;
  let heard: number;
  /** A GET at the PDS with the session; an expired one is renewed once. */
  const authedGet = async (url: string) => {
    session ??= await login();
    try {
      return await getJsonResponse(url, authorised(http, session.accessJwt));
    } catch (error) {
      if (!refused(error)) throw error;
      session = await renew(session);
      return getJsonResponse(url, authorised(http, session.accessJwt));
    }
  };
  try {
    session ??= await login();
    let pages = 0;
    // As listening reads a term (listenBluesky): a window is read from its newest notification
    // back to `since`, page by page, each page taken in before the next is asked for; a pass
    // reads the part the last one left first (from the page cursor it stopped at), then what is new.
    while (pages < MAX_PAGES) {
      const leftOver = state.until !== null;
      let pageCursor = state.until !== null ? (state.cursor ?? undefined) : undefined;
      let readBack = false;
      while (!readBack && pages < MAX_PAGES) {
        const query = new URLSearchParams([['limit', String(BLUESKY_PAGE)]]);
        for (const reason of BLUESKY_REASONS) query.append('reasons', reason);
        if (pageCursor) query.set('cursor', pageCursor);
        const response = await authedGet(`${pds}/xrpc/app.bsky.notification.listNotifications?${query}`);
        pages++;
        const list = field(response.body, 'notifications');
        const notifications = Array.isArray(list) ? list : [];
        const fresh: Array<{ uri: string; did: string; rkey: string; indexedAt: string }> = [];
        let oldest: string | undefined;
        let newest = state.newest;
        // Newest first: read back until what was taken in before.
        for (const n of notifications) {
          const indexedAt = str(field(n, 'indexedAt')) ?? '';
          if (!indexedAt) continue;
          if (indexedAt <= state.since) {
            readBack = true;
            continue;
          }
          // Read by the pass before (only when its page cursor was lost and the read began at the top).
          if (state.until !== null && indexedAt > state.until) continue;
          if (oldest === undefined || indexedAt < oldest) oldest = indexedAt;
          if (indexedAt > newest) newest = indexedAt;
          const uri = str(field(n, 'uri')) ?? '';
          const parsed =
            /^at:\/\/(did:[a-z]+:[a-zA-Z0-9._:%-]+)\/app\.bsky\.feed\.post\/([a-zA-Z0-9._~:-]{1,512})$/.exec(uri);
          const reason = str(field(n, 'reason')) ?? '';
          const author = str(field(field(n, 'author'), 'did'));
          // Likes, follows and own posts are passed over; the window moves past them with the page.
          if (parsed && BLUESKY_REASONS.has(reason) && author !== account.externalId) {
            fresh.push({ uri, did: parsed[1]!, rkey: parsed[2]!, indexedAt });
          }
        }
        fresh.sort((a, b) => (a.indexedAt < b.indexedAt ? -1 : 1));
        for (const post of fresh) {
          if (await alreadyMirrored(db, account, post.uri)) continue;
          try {
            await mirror(db, account, { platform: 'bluesky', actor: post.did, rkey: post.rkey }, settings, http, now());
            taken++;
          } catch (error) {
            if (!(error instanceof SourceHttpError && (error.status === 404 || error.status === 410))) throw error;
          }
        }
        const next = str(field(response.body, 'cursor'));
        pageCursor = next && next.length <= 500 ? next : undefined;
        if (!pageCursor || notifications.length < BLUESKY_PAGE) readBack = true;
        // The page is in: what is left of the window is older than its oldest notification.
        if (oldest !== undefined || state.until !== null) {
          state = {
            since: state.since,
            until: oldest ?? state.until!,
            newest,
            cursor: pageCursor ?? null,
          };
        }
      }
      if (!readBack) break;
      state = { since: state.newest, until: null, newest: state.newest, cursor: null };
      if (!leftOver) break;
    }
    heard = await listenBluesky(db, account, authedGet, now);
    taken += heard;
  } catch (error) {
    throw new PollStopped(storedIntakeCursor(state), taken, sortError(error));
  }
  return { cursor: storedIntakeCursor(state), taken, heard, ...(renewed && session ? { session } : {}) };
}

/**
 * Where reading Bluesky notifications stands: everything after `since` up to and including
 * `until` is still to read (from the page `cursor` the last pass stopped at), after which the
 * mark becomes `newest`; with `until` null, everything after `since` is new.
 */
type BlueskyIntakeState = { since: string; until: string | null; newest: string; cursor: string | null };

/**
 * The intake's cursor column holds the newest `indexedAt` taken in, as before; only while a
 * burst is left unread it holds the window as JSON (`{since, until, newest, cursor}`), which
 * an ISO moment can never be mistaken for.
 */
function intakeStateOf(stored: string | null, connectedAt: Date): BlueskyIntakeState {
  if (stored?.startsWith('{')) {
    try {
      const { since, until, newest, cursor } = JSON.parse(stored) as Record<string, unknown>;
      if (typeof since === 'string' && typeof until === 'string' && typeof newest === 'string') {
        return { since, until, newest, cursor: typeof cursor === 'string' ? cursor : null };
      }
    } catch {
      // Unreadable: read from the moment of connecting, below; what is mirrored is not taken twice.
    }
  }
  const since = stored && !stored.startsWith('{') ? stored : connectedAt.toISOString();
  return { since, until: null, newest: since, cursor: null };
}

const storedIntakeCursor = (state: BlueskyIntakeState): string =>
  state.until === null
    ? state.newest
    : JSON.stringify({ since: state.since, until: state.until, newest: state.newest, cursor: state.cursor });

const LISTEN_PAGE_MASTODON = 40;
const LISTEN_PAGE_BLUESKY = 25;
/** Pages of searchPosts per term per pass (100 posts); what is left is read in the next pass. */
const LISTEN_PAGES_BLUESKY = 4;

const heardTitle = (term: string, platform: string, at: Date): LocalizedText => {
  const day = (lang: string) =>
    at.toLocaleDateString(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
  return {
    nl: `Gehoord bij luisteren naar ${term} op ${platform}, ${day('nl-NL')}`,
    en: `Heard listening for ${term} on ${platform}, ${day('en-GB')}`,
  };
};

/**
 * Keeps a heard post on its own, minimised to what moderation needs: text, time, address,
 * language, the author's handle (for the pseudonym and an answer) and the mentions (so the
 * mirror can hide the people mentioned); no display name, profile address, media or counts,
 * and of the raw payload only what answering needs.
 */
async function keepHeard(
  db: Db,
  account: Account,
  post: ImportedPost,
  minimalRaw: Record<string, unknown>,
  term: string,
  sourceUrl: string,
  now: Date,
): Promise<void> {
  const kept: ImportedPost = {
    ...post,
    parentId: null,
    depth: 0,
    author: post.author ? { ...post.author, displayName: null, url: null } : null,
    media: [],
    // Kept: the mirror replaces each person mentioned by a pseudonym only through this list
    // (public-mirror.ts); without it their handle and profile link stay in the text.
    mentions: post.mentions,
    counts: noCounts,
    raw: minimalRaw,
  };
  const { threadId } = await importThread(db, {
    organisationId: account.organisationId,
    thread: {
      platform: account.platform,
      rootId: post.id,
      url: post.url,
      posts: [kept],
      complete: false,
      warnings: [],
    },
    sourceUrl,
    // Not re-read on a schedule: that would read the conversation around it, which listening does not need.
    live: false,
    title: heardTitle(term, account.platform === 'mastodon' ? 'Mastodon' : 'Bluesky', now),
    now,
  });
  await db
    .update(socialPosts)
    .set({ heardBy: term })
    .where(and(eq(socialPosts.threadId, threadId), eq(socialPosts.externalId, post.id), isNull(socialPosts.heardBy)));
}

/** Mastodon: one page of the tag timeline per hashtag, after its cursor. */
async function listenMastodon(db: Db, account: Account, api: PoliteFetchOptions, now: () => Date): Promise<number> {
  const listening = await activeListening(db, account.id);
  if (!listening) return 0;
  const directory = await accountDirectory(db, account.organisationId);
  let heard = 0;
  for (const term of listening.terms) {
    const stored = listening.cursors[term];
    let cursor: string | null = typeof stored === 'string' ? stored : null;
    const query = new URLSearchParams({ limit: String(LISTEN_PAGE_MASTODON) });
    if (cursor) query.set('min_id', cursor);
    const response = await getJsonResponse(
      `${account.instanceUrl}/api/v1/timelines/tag/${encodeURIComponent(term.slice(1))}?${query}`,
      api,
    );
    const statuses = (Array.isArray(response.body) ? response.body : [])
      .map((status) => ({ status, id: str(field(status, 'id')) }))
      .filter((x): x is { status: unknown; id: string } => !!x.id && /^\d{1,30}$/.test(x.id))
      .sort((a, b) => (newerId(a.id, b.id) ? 1 : -1));
    for (const { status, id } of statuses) {
      const createdAt = Date.parse(str(field(status, 'created_at')) ?? '');
      const acct = str(field(field(status, 'account'), 'acct'));
      const takeIn =
        str(field(status, 'visibility')) === 'public' &&
        str(field(field(status, 'account'), 'id')) !== account.externalId &&
        !!acct &&
        // The first read takes what was posted since listening was switched on, not the history.
        (cursor !== null || createdAt >= listening.enabledAt.getTime());
      if (takeIn && !(await alreadyMirrored(db, account, id))) {
        const post = normaliseMastodonStatus(status, directory);
        if (post && !post.author?.isOwnAccount) {
          const raw = { id, url: str(field(status, 'url')), created_at: str(field(status, 'created_at')) };
          await keepHeard(db, account, post, raw, term, `${account.instanceUrl}/@${acct}/${id}`, now());
          heard++;
        }
      }
      if (newerId(id, cursor)) cursor = id;
    }
    if (cursor && cursor !== stored) await moveListeningCursor(db, account.id, term, cursor);
  }
  return heard;
}

/** Where reading one term stands: the posts from `since` (to `until`, when set) are still to read. */
type BlueskyListenState = { since: string; until: string | null; newest: string };

const listenStateOf = (stored: ListeningCursor | undefined, enabledAt: Date): BlueskyListenState => {
  if (stored && typeof stored === 'object') return stored;
  // The first read takes what was posted since listening was switched on, not the history.
  const since = stored ?? enabledAt.toISOString();
  return { since, until: null, newest: since };
};

const storedCursor = (state: BlueskyListenState): ListeningCursor =>
  state.until === null ? state.newest : { since: state.since, until: state.until, newest: state.newest };

/** A moment just after `at`: the search's `until` leaves out the moment itself. */
const justAfter = (at: string) => {
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? at : new Date(ms + 1).toISOString();
};

/**
 * Bluesky: per term, `searchPosts` newest first, page by page with the search cursor, back to
 * the term's cursor (`since`, inclusive, so a post with the same moment is not missed; it is
 * deduplicated). At most LISTEN_PAGES_BLUESKY pages a term a pass: a pass that stops before it
 * is back (the cap, a rate limit, an error) keeps what it took in and stores the part still to
 * read (`since` to the oldest post read), which the next pass reads first, with `until`, before
 * it reads what is new.
 */
async function listenBluesky(
  db: Db,
  account: Account,
  get: (url: string) => Promise<{ body: unknown }>,
  now: () => Date,
): Promise<number> {
  const listening = await activeListening(db, account.id);
  if (!listening) return 0;
  const directory = await accountDirectory(db, account.organisationId);
  let heard = 0;
  const takeIn = async (term: string, post: unknown, uri: string, indexedAt: string): Promise<boolean> => {
    const cid = str(field(post, 'cid'));
    if (
      !cid ||
      str(field(field(post, 'author'), 'did')) === account.externalId ||
      (await alreadyMirrored(db, account, uri))
    ) {
      return false;
    }
    const normalised = normaliseBlueskyPost(post, directory);
    if (normalised.author?.isOwnAccount || !normalised.url) return false;
    const record = field(post, 'record');
    const raw = {
      uri,
      cid,
      indexedAt,
      record: {
        text: str(field(record, 'text')),
        createdAt: str(field(record, 'createdAt')),
        langs: field(record, 'langs') ?? null,
        // An answer needs the conversation's root reference.
        reply: field(record, 'reply') ?? null,
      },
    };
    await keepHeard(db, account, normalised, raw, term, normalised.url, now());
    return true;
  };

  for (const term of listening.terms) {
    const stored = listening.cursors[term];
    let state = listenStateOf(stored, listening.enabledAt);
    const before = JSON.stringify(storedCursor(state));
    let pages = 0;
    try {
      // A window is read from its newest post back to `since`; a pass reads the part left by
      // the last one first, then what is new, as far as its pages go.
      while (pages < LISTEN_PAGES_BLUESKY) {
        const leftOver = state.until !== null;
        const window = new URLSearchParams({
          q: term,
          sort: 'latest',
          limit: String(LISTEN_PAGE_BLUESKY),
          since: state.since,
        });
        if (state.until !== null) window.set('until', justAfter(state.until));
        let pageCursor: string | undefined;
        let readBack = false;
        while (!readBack && pages < LISTEN_PAGES_BLUESKY) {
          const query = new URLSearchParams(window);
          if (pageCursor) query.set('cursor', pageCursor);
          const response = await get(`${account.instanceUrl}/xrpc/app.bsky.feed.searchPosts?${query}`);
          pages++;
          const list = field(response.body, 'posts');
          const found = (Array.isArray(list) ? list : [])
            .map((post) => ({
              post,
              uri: str(field(post, 'uri')) ?? '',
              indexedAt: str(field(post, 'indexedAt')) ?? '',
            }))
            .filter((p) => p.indexedAt && /^at:\/\/did:[^/]+\/app\.bsky\.feed\.post\/[^/]+$/.test(p.uri));
          const until = state.until;
          const inWindow = found
            .filter((p) => p.indexedAt >= state.since && (until === null || p.indexedAt <= until))
            .sort((a, b) => (a.indexedAt < b.indexedAt ? -1 : 1));
          for (const { post, uri, indexedAt } of inWindow) {
            if (await takeIn(term, post, uri, indexedAt)) heard++;
          }
          // The page is in: what is left of the window is older than its oldest post.
          if (inWindow.length > 0) {
            const newest = inWindow.at(-1)!.indexedAt;
            state = {
              since: state.since,
              until: inWindow[0]!.indexedAt,
              newest: newest > state.newest ? newest : state.newest,
            };
          }
          pageCursor = str(field(response.body, 'cursor')) ?? undefined;
          readBack = !pageCursor || found.length < LISTEN_PAGE_BLUESKY || found.some((p) => p.indexedAt < state.since);
        }
        if (!readBack) break;
        state = { since: state.newest, until: null, newest: state.newest };
        if (!leftOver) break;
      }
    } finally {
      const cursor = storedCursor(state);
      if (JSON.stringify(cursor) !== before) await moveListeningCursor(db, account.id, term, cursor);
    }
  }
  return heard;
}

/**
 * The intake loop every API process runs; `pollIntakeIfDue` lets one process a pass.
 *
 * @example
 * const stop = startIntakeLoop(db, () => settings, { everyMs: 60_000, log: console.log })
 */
export function startIntakeLoop(
  db: Db,
  settings: () => IntakeSettings,
  options: { everyMs: number; log?: (line: string) => void },
): () => Promise<void> {
  const log = options.log ?? console.log;
  return startBackgroundLoop(
    'social-intake',
    async () => {
      try {
        await pollIntakeIfDue(db, settings(), { everyMs: options.everyMs, log });
      } catch (error) {
        log(`The social intake pass failed: ${describeError(error)}`);
        throw error;
      }
    },
    options.everyMs,
  );
}
