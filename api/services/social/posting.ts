/**
 * Answers posted on the platform, as the municipality's connected account. When webcare
 * answers a mirrored Mastodon post and an account on the thread's instance is connected (or
 * a mirrored Bluesky post and a Bluesky account is connected),
 * the answer's transaction also writes a `social_postings` row (`enqueuePosting`). A poster
 * loop in every API process claims due rows with `FOR UPDATE SKIP LOCKED` and a lease (as
 * the mail outbox does), posts the answer as a reply (`in_reply_to_id`) and records the
 * outcome with its audit entry. The reply id is sent as Mastodon's `Idempotency-Key`, so a
 * poster that dies between posting and recording does not post twice when the row is
 * taken again. Bluesky has no such header: the answer is created under a record key stored on
 * the row before the first attempt (`bluesky_rkey`), and a retry that finds a post under it
 * records that post (publishers/bluesky.ts).
 *
 * On Bluesky the answer is a reply record with root and parent references (AT URI and CID,
 * from the mirrored post as the AppView gave it: its own `cid`, and its record's
 * `reply.root`, or the post itself when it opened the thread); links and mentions become
 * facets through `@atproto/api` (publishers/bluesky.ts). Bluesky notifies the author of the
 * parent by itself, so no handle is written into the answer. A text over Bluesky's 300
 * graphemes is refused before anything is sent (`too_long`); answerItem refuses it earlier
 * still, so staff see it on the form (`platformLimitFor`).
 *
 * Errors are sorted by what helps: a rejected token (401/403), a text the instance refuses
 * (422, e.g. too long) and a post gone at the source (404) are final and shown to staff; a
 * rate limit (429) waits until the instance's reset time; other failures are retried with
 * the outbox's back-off. After posting, the thread is re-read at once, so the posted status
 * joins the mirror on the portal as the municipality's own post (and the thread API shows
 * it in place of the staff reply it came from, threads.ts).
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  socialAccounts,
  socialAuthors,
  socialPostings,
  socialPosts,
  socialThreads,
  staffReplies,
} from '../../db/schema.ts';
import { describeError } from '../../lib/log-error.ts';
import { recordAudit } from '../audit.ts';
import { startBackgroundLoop } from '../background-loop.ts';
import { MAX_ATTEMPTS, retryDelayMs, SEND_LEASE_MS } from '../notifications/outbox.ts';
import { accountForThread, tokenOf, type PostingSettings } from './accounts.ts';
import { blueskyPublisher, newRecordKey } from './publishers/bluesky.ts';
import { mastodonPublisher } from './publishers/mastodon.ts';
import { FINAL_ERRORS, PublishFailure, type PublishError, type Published } from './publishers/types.ts';
import { accountDirectory, fetchOptionsFrom } from './thread-admin.ts';
import { syncThread } from './threads.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Why an answer did not reach the platform; staff see each explained (webcare texts). */
export type PostingError = PublishError;

/**
 * In the answer's transaction: queues the answer for the platform when the thread's
 * organisation has an account connected there. @returns whether it was queued
 */
export async function enqueuePosting(
  tx: Tx,
  params: { organisationId: string; socialPostId: string; staffReplyId: string; now: Date },
): Promise<boolean> {
  const [thread] = await tx
    .select({ platform: socialThreads.platform, sourceUrl: socialThreads.sourceUrl })
    .from(socialPosts)
    .innerJoin(socialThreads, eq(socialThreads.id, socialPosts.threadId))
    .where(eq(socialPosts.id, params.socialPostId));
  if (!thread) return false;
  const account = await accountForThread(tx, params.organisationId, thread.platform, thread.sourceUrl);
  if (!account) return false;
  await tx.insert(socialPostings).values({
    staffReplyId: params.staffReplyId,
    socialPostId: params.socialPostId,
    accountId: account.id,
    nextAttemptAt: params.now,
    createdAt: params.now,
  });
  return true;
}

type Claimed = typeof socialPostings.$inferSelect;

async function claimDue(db: Db, now: Date, limit: number): Promise<Claimed[]> {
  const moment = now.toISOString();
  const due = sql`select ${socialPostings.id} from ${socialPostings}
    where (${socialPostings.state} = 'pending' and ${socialPostings.nextAttemptAt} <= ${moment})
       or (${socialPostings.state} = 'sending' and ${socialPostings.leaseUntil} <= ${moment})
    order by ${socialPostings.nextAttemptAt}
    limit ${limit}
    for update skip locked`;
  return db
    .update(socialPostings)
    .set({
      state: 'sending',
      leaseUntil: new Date(now.getTime() + SEND_LEASE_MS),
      attempts: sql`${socialPostings.attempts} + 1`,
    })
    .where(sql`${socialPostings.id} in (${due})`)
    .returning();
}

type Job = {
  posting: Claimed;
  account: typeof socialAccounts.$inferSelect;
  body: string;
  language: string;
  inReplyTo: string;
  /** The answered post as the platform gave it (Bluesky: its `cid` and reply references). */
  raw: unknown;
  mention: string | null;
  threadId: string;
  organisationId: string;
  staffUserId: string | null;
};

async function jobFor(db: Db, posting: Claimed): Promise<Job | undefined> {
  const [row] = await db
    .select({
      account: socialAccounts,
      body: staffReplies.body,
      language: staffReplies.language,
      staffUserId: staffReplies.staffUserId,
      inReplyTo: socialPosts.externalId,
      raw: socialPosts.raw,
      threadId: socialPosts.threadId,
      organisationId: socialThreads.organisationId,
      authorHandle: socialAuthors.handle,
      authorIsOwn: socialAuthors.isOwnAccount,
    })
    .from(socialPostings)
    .innerJoin(socialAccounts, eq(socialAccounts.id, socialPostings.accountId))
    .innerJoin(staffReplies, eq(staffReplies.id, socialPostings.staffReplyId))
    .innerJoin(socialPosts, eq(socialPosts.id, socialPostings.socialPostId))
    .innerJoin(socialThreads, eq(socialThreads.id, socialPosts.threadId))
    .leftJoin(socialAuthors, eq(socialAuthors.id, socialPosts.authorId))
    .where(eq(socialPostings.id, posting.id));
  if (!row) return undefined;
  // The resident is named, as a person replying would: Mastodon notifies by mention (Bluesky
  // notifies the parent's author of a reply by itself).
  const handle =
    row.account.platform === 'mastodon' && row.authorHandle && !row.authorIsOwn
      ? row.authorHandle.replace(/^@?/, '@')
      : null;
  return { posting, ...row, mention: handle };
}

/** Bluesky's limit on a post's text, in graphemes (what a reader counts as one character). */
export const BLUESKY_MAX_GRAPHEMES = 300;

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });
export const graphemeCount = (text: string) => [...graphemes.segment(text)].length;

const strongRef = (value: unknown): { uri: string; cid: string } | undefined => {
  const ref = value as { uri?: unknown; cid?: unknown } | null | undefined;
  return typeof ref?.uri === 'string' && typeof ref.cid === 'string' && ref.uri.startsWith('at://') && ref.cid
    ? { uri: ref.uri, cid: ref.cid }
    : undefined;
};

/**
 * The root and parent references of an answer to a mirrored Bluesky post: the post itself
 * is the parent; its record's `reply.root` is the root, or the post when it opened the thread.
 */
export function blueskyReplyTo(
  externalId: string,
  raw: unknown,
): { root: { uri: string; cid: string }; parent: { uri: string; cid: string } } | undefined {
  const post = raw as { uri?: unknown; cid?: unknown; record?: { reply?: { root?: unknown } } } | null;
  const parent = strongRef({ uri: externalId, cid: post?.cid });
  if (!parent) return undefined;
  return { root: strongRef(post?.record?.reply?.root) ?? parent, parent };
}

/**
 * The record key a Bluesky answer is created under: the one stored at an earlier attempt, or a
 * new one, stored (committed) before anything is sent, so every retry sends the same key.
 */
async function recordKeyOf(db: Db, posting: Claimed, now: Date): Promise<string> {
  if (posting.blueskyRkey) return posting.blueskyRkey;
  await db
    .update(socialPostings)
    .set({ blueskyRkey: newRecordKey(now) })
    .where(and(eq(socialPostings.id, posting.id), isNull(socialPostings.blueskyRkey)));
  const [row] = await db
    .select({ rkey: socialPostings.blueskyRkey })
    .from(socialPostings)
    .where(eq(socialPostings.id, posting.id));
  return row!.rkey!;
}

async function postAnswer(db: Db, job: Job, settings: PostingSettings, now: Date): Promise<Published> {
  if (job.account.revokedAt || !job.account.tokenSealed) throw new PublishFailure('account_revoked');
  if (!settings.secretKey) throw new PublishFailure('no_secret_key');
  const secret = tokenOf(job.account, settings.secretKey)!;
  const options = { ...(settings.fetch ? { fetch: settings.fetch } : {}), now: () => now };
  if (job.account.platform === 'bluesky') {
    // Refused here rather than by the PDS: the reason is the same, and nothing is sent.
    if (graphemeCount(job.body) > BLUESKY_MAX_GRAPHEMES) throw new PublishFailure('too_long');
    const reply = blueskyReplyTo(job.inReplyTo, job.raw);
    // A mirrored post without its CID cannot be answered: a reply needs both references.
    if (!reply) throw new PublishFailure('post_gone');
    return blueskyPublisher(options).publish(job.account, secret, {
      text: job.body,
      language: job.language,
      reply: { platform: 'bluesky', ...reply },
      idempotencyKey: job.posting.staffReplyId,
      // Bluesky's stand-in for an idempotency key: a second attempt finds the post made before.
      recordKey: await recordKeyOf(db, job.posting, now),
    });
  }
  const text = job.mention && !job.body.includes(job.mention) ? `${job.mention} ${job.body}` : job.body;
  return mastodonPublisher(options).publish(job.account, secret, {
    text,
    language: job.language,
    reply: { platform: 'mastodon', id: job.inReplyTo },
    // Mastodon keeps this key for an hour: a second attempt after a crash posts nothing new.
    idempotencyKey: job.posting.staffReplyId,
  });
}

export type PostingPassResult = { posted: number; retried: number; failed: number };

/** One pass of the poster: claim what is due, post each, record the outcome with its audit entry. */
export async function postDueAnswers(
  db: Db,
  settings: PostingSettings,
  options: { now?: () => Date; limit?: number; log?: (line: string) => void } = {},
): Promise<PostingPassResult> {
  const now = options.now ?? (() => new Date());
  const result: PostingPassResult = { posted: 0, retried: 0, failed: 0 };
  for (const posting of await claimDue(db, now(), options.limit ?? 20)) {
    const job = await jobFor(db, posting);
    if (!job) continue;
    const audit = {
      organisationId: job.organisationId,
      actorType: 'system' as const,
      actorId: job.staffUserId,
      subjectType: 'social_post',
      subjectId: posting.socialPostId,
    };
    try {
      const { externalId, url } = await postAnswer(db, job, settings, now());
      const posted = { externalId, url };
      await db.transaction(async (tx) => {
        await tx
          .update(socialPostings)
          .set({ state: 'sent', postedAt: now(), leaseUntil: null, lastError: null, ...posted })
          .where(eq(socialPostings.id, posting.id));
        await recordAudit(tx, {
          ...audit,
          at: now(),
          action: 'social_post.posted',
          // What was posted, and where: the reply's text is in staff_replies, the account by handle.
          details: {
            reply: posting.staffReplyId,
            account: job.account.handle,
            status: posted.externalId,
            url: posted.url,
          },
        });
      });
      // The posted status joins the mirror now, as the municipality's own post (published on import).
      const directory = await accountDirectory(db, job.organisationId);
      await syncThread(db, job.threadId, {
        ...fetchOptionsFrom({
          allowPrivateHosts: settings.allowPrivateHosts,
          blueskyAppView: settings.blueskyAppView,
        }),
        directory,
        now: now(),
      });
      result.posted++;
    } catch (error) {
      const failure = error instanceof PublishFailure ? error : new PublishFailure('unavailable');
      const final = FINAL_ERRORS.has(failure.code) || posting.attempts >= MAX_ATTEMPTS;
      const retryAt = failure.retryAt ?? new Date(now().getTime() + retryDelayMs(posting.attempts));
      await db.transaction(async (tx) => {
        await tx
          .update(socialPostings)
          .set({
            state: final ? 'failed' : 'pending',
            leaseUntil: null,
            lastError: failure.code,
            nextAttemptAt: retryAt,
          })
          .where(and(eq(socialPostings.id, posting.id), eq(socialPostings.state, 'sending')));
        if (final) {
          await recordAudit(tx, {
            ...audit,
            at: now(),
            action: 'social_post.post_failed',
            details: { reply: posting.staffReplyId, account: job.account.handle, reason: failure.code },
          });
        }
      });
      if (final) result.failed++;
      else result.retried++;
      // Never the token or the text: the code and, for unexpected errors, their kind.
      const detail = error instanceof PublishFailure ? '' : ` (${describeError(error).slice(0, 200)})`;
      options.log?.(`Answer ${posting.staffReplyId} not posted as ${job.account.handle}: ${failure.code}${detail}`);
    }
  }
  return result;
}

/** The poster loop every API process runs; stop it with the returned function. */
export function startPostingLoop(
  db: Db,
  settings: () => PostingSettings,
  options: { everyMs: number; log?: (line: string) => void },
): () => Promise<void> {
  const log = options.log ?? console.log;
  return startBackgroundLoop(
    'social-poster',
    async () => {
      try {
        await postDueAnswers(db, settings(), { log });
      } catch (error) {
        log(`The social poster pass failed: ${describeError(error)}`);
        throw error;
      }
    },
    options.everyMs,
  );
}

export type PostingState = {
  state: 'pending' | 'sending' | 'sent' | 'failed';
  error: PostingError | null;
  url: string | null;
  account: string;
};

/** Where each answer to a post stands on its platform, by staff reply id (for the item page). */
export async function postingStates(db: Db, socialPostId: string): Promise<Map<string, PostingState>> {
  const rows = await db
    .select({
      replyId: socialPostings.staffReplyId,
      state: socialPostings.state,
      error: socialPostings.lastError,
      url: socialPostings.url,
      account: socialAccounts.handle,
    })
    .from(socialPostings)
    .innerJoin(socialAccounts, eq(socialAccounts.id, socialPostings.accountId))
    .where(eq(socialPostings.socialPostId, socialPostId));
  return new Map(rows.map((r) => [r.replyId, { ...r, error: r.error as PostingError | null }]));
}

/** The handle of the connected account an answer to this post would be posted as, if any. */
export async function postingAccountFor(
  db: Db,
  organisationId: string,
  socialPostId: string,
): Promise<string | undefined> {
  const [thread] = await db
    .select({ platform: socialThreads.platform, sourceUrl: socialThreads.sourceUrl })
    .from(socialPosts)
    .innerJoin(socialThreads, eq(socialThreads.id, socialPosts.threadId))
    .where(and(eq(socialPosts.id, socialPostId), eq(socialThreads.organisationId, organisationId)));
  if (!thread) return undefined;
  return (await accountForThread(db, organisationId, thread.platform, thread.sourceUrl))?.handle;
}

/** A platform's limit an answer to this post must keep to, because it is posted there. */
export type PlatformLimit = { platform: 'bluesky'; max: number; account: string };

/**
 * Bluesky's 300 graphemes, when an answer to this post would be posted on Bluesky (Mastodon's
 * limit is the instance's own, which it reports when posting: see `too_long`).
 */
export async function platformLimitFor(
  db: Pick<Db, 'select'>,
  organisationId: string,
  socialPostId: string,
): Promise<PlatformLimit | undefined> {
  const [thread] = await db
    .select({ platform: socialThreads.platform, sourceUrl: socialThreads.sourceUrl })
    .from(socialPosts)
    .innerJoin(socialThreads, eq(socialThreads.id, socialPosts.threadId))
    .where(and(eq(socialPosts.id, socialPostId), eq(socialThreads.organisationId, organisationId)));
  if (thread?.platform !== 'bluesky') return undefined;
  const account = await accountForThread(db, organisationId, thread.platform, thread.sourceUrl);
  return account ? { platform: 'bluesky', max: BLUESKY_MAX_GRAPHEMES, account: account.handle } : undefined;
}

/** The answer's excess over the platform's limit, or undefined when it fits. */
export function overPlatformLimit(body: string, limit: PlatformLimit | undefined): number | undefined {
  if (!limit) return undefined;
  const count = graphemeCount(body);
  return count > limit.max ? count : undefined;
}
