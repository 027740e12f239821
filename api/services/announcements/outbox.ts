/**
 * Announcements on their way out, the mail outbox's pattern (as the answer poster,
 * social/posting.ts): each pass first publishes what is due on the portal (state
 * `published`, a rebuild marked), then claims due postings with `FOR UPDATE SKIP LOCKED`
 * and a lease, carries out each one's action — publish, edit or remove — through the
 * account's publisher, and records the outcome with its audit entry. The posting's id is
 * the idempotency key, so a poster that dies between posting and recording does not post
 * twice on Mastodon; on Bluesky the post is created under a record key stored on the posting
 * before its first attempt (`bluesky_rkey`, new for each edit), and a retry that finds a post
 * under it records that post instead of posting again. Final errors (token rejected, too long, refused) stop and are shown to
 * staff; a 429 waits until the platform's reset time; others are retried with back-off.
 */
import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { announcementImages, announcementPostings, announcements, socialAccounts } from '../../db/schema.ts';
import { describeError } from '../../lib/log-error.ts';
import { recordAudit } from '../audit.ts';
import { startBackgroundLoop } from '../background-loop.ts';
import { markContentChanged } from '../content-revision.ts';
import { MAX_ATTEMPTS, retryDelayMs, SEND_LEASE_MS } from '../notifications/outbox.ts';
import { tokenOf, type PostingSettings } from '../social/accounts.ts';
import { newRecordKey } from '../social/publishers/bluesky.ts';
import { publisherFor } from '../social/publishers/index.ts';
import { FINAL_ERRORS, PublishFailure, type OutgoingPost } from '../social/publishers/types.ts';
import { portalUrlOf } from './compose.ts';
import { platformText } from './limits.ts';

const POSTED = 'announcement.posted';
const EDIT_POSTED = 'announcement.edit_posted';
const REMOVED = 'announcement.removed_from_platform';

export type AnnouncementPostingSettings = PostingSettings & { publicUrl: string };

/** Scheduled announcements whose moment has come are published on the portal. */
export async function releaseDue(db: Db, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const released = await tx
      .update(announcements)
      .set({ state: 'published', publishedAt: sql`${announcements.scheduledAt}` })
      .where(and(eq(announcements.state, 'scheduled'), lte(announcements.scheduledAt, now)))
      .returning();
    for (const row of released) {
      await recordAudit(tx, {
        organisationId: row.organisationId,
        actorType: 'system',
        actorId: row.submittedBy,
        at: now,
        action: 'announcement.published',
        subjectType: 'announcement',
        subjectId: row.id,
        details: { title: row.title, slug: row.slug },
      });
    }
    if (released.length > 0) await markContentChanged(tx);
    return released.length;
  });
}

type Claimed = typeof announcementPostings.$inferSelect;

async function claimDue(db: Db, now: Date, limit: number): Promise<Claimed[]> {
  const moment = now.toISOString();
  const due = sql`select p.id from ${announcementPostings} p
    join ${announcements} a on a.id = p.announcement_id
    where a.state in ('published', 'deleted')
      and ((p.state = 'pending' and p.next_attempt_at <= ${moment})
        or (p.state = 'sending' and p.lease_until <= ${moment}))
    order by p.next_attempt_at
    limit ${limit}
    for update of p skip locked`;
  return db
    .update(announcementPostings)
    .set({
      state: 'sending',
      leaseUntil: new Date(now.getTime() + SEND_LEASE_MS),
      attempts: sql`${announcementPostings.attempts} + 1`,
    })
    .where(sql`${announcementPostings.id} in (${due})`)
    .returning();
}

export type AnnouncementPassResult = { released: number; posted: number; retried: number; failed: number };

/** One pass of the announcement poster. */
export async function postDueAnnouncements(
  db: Db,
  settings: AnnouncementPostingSettings,
  options: { now?: () => Date; limit?: number; log?: (line: string) => void } = {},
): Promise<AnnouncementPassResult> {
  const now = options.now ?? (() => new Date());
  const result: AnnouncementPassResult = { released: await releaseDue(db, now()), posted: 0, retried: 0, failed: 0 };
  for (const posting of await claimDue(db, now(), options.limit ?? 20)) {
    const [row] = await db
      .select({ announcement: announcements, account: socialAccounts })
      .from(announcementPostings)
      .innerJoin(announcements, eq(announcements.id, announcementPostings.announcementId))
      .innerJoin(socialAccounts, eq(socialAccounts.id, announcementPostings.accountId))
      .where(eq(announcementPostings.id, posting.id));
    if (!row) continue;
    const { announcement, account } = row;
    const audit = {
      organisationId: announcement.organisationId,
      actorType: 'system' as const,
      actorId: announcement.submittedBy,
      subjectType: 'announcement',
      subjectId: announcement.id,
    };
    // A deleted announcement only ever leaves the platforms.
    const action = announcement.state === 'deleted' ? 'remove' : posting.action;
    try {
      const publisher = publisherFor(account.platform, { fetch: settings.fetch, now });
      if (!publisher) throw new PublishFailure('refused');
      if (account.revokedAt || !account.tokenSealed) throw new PublishFailure('account_revoked');
      if (!settings.secretKey) throw new PublishFailure('no_secret_key');
      const secret = tokenOf(account, settings.secretKey)!;
      let outcome: { externalId: string | null; url: string | null };
      if (action === 'remove') {
        if (posting.externalId) await publisher.remove(account, secret, posting.externalId);
        outcome = { externalId: posting.externalId, url: null };
      } else {
        const outgoing = await outgoingPost(db, announcement, settings, posting.id);
        if (account.platform === 'bluesky') outgoing.recordKey = await recordKeyOf(db, posting, now());
        const published =
          action === 'edit' && posting.externalId
            ? await publisher.edit(account, secret, posting.externalId, outgoing)
            : await publisher.publish(account, secret, outgoing);
        outcome = { externalId: published.externalId, url: published.url };
      }
      await db.transaction(async (tx) => {
        await tx
          .update(announcementPostings)
          .set({ state: 'sent', postedAt: now(), leaseUntil: null, lastError: null, ...outcome })
          .where(eq(announcementPostings.id, posting.id));
        await recordAudit(tx, {
          ...audit,
          at: now(),
          action: action === 'remove' ? REMOVED : action === 'edit' ? EDIT_POSTED : POSTED,
          details: { account: account.handle, platform: account.platform, post: outcome.externalId, url: outcome.url },
        });
      });
      result.posted++;
    } catch (error) {
      const failure = error instanceof PublishFailure ? error : new PublishFailure('unavailable');
      const final = FINAL_ERRORS.has(failure.code) || posting.attempts >= MAX_ATTEMPTS;
      const retryAt = failure.retryAt ?? new Date(now().getTime() + retryDelayMs(posting.attempts));
      await db.transaction(async (tx) => {
        await tx
          .update(announcementPostings)
          .set({
            state: final ? 'failed' : 'pending',
            leaseUntil: null,
            lastError: failure.code,
            nextAttemptAt: retryAt,
          })
          .where(and(eq(announcementPostings.id, posting.id), eq(announcementPostings.state, 'sending')));
        if (final) {
          await recordAudit(tx, {
            ...audit,
            at: now(),
            action: 'announcement.post_failed',
            details: { account: account.handle, platform: account.platform, step: action, reason: failure.code },
          });
        }
      });
      if (final) result.failed++;
      else result.retried++;
      const detail = error instanceof PublishFailure ? '' : ` (${describeError(error).slice(0, 200)})`;
      options.log?.(
        `Announcement ${announcement.id} (${action}) not carried out as ${account.handle}: ${failure.code}${detail}`,
      );
    }
  }
  return result;
}

/** The posting's Bluesky record key: the one stored, or a new one stored before anything is sent. */
async function recordKeyOf(db: Db, posting: Claimed, now: Date): Promise<string> {
  if (posting.blueskyRkey) return posting.blueskyRkey;
  await db
    .update(announcementPostings)
    .set({ blueskyRkey: newRecordKey(now) })
    .where(and(eq(announcementPostings.id, posting.id), isNull(announcementPostings.blueskyRkey)));
  const [row] = await db
    .select({ rkey: announcementPostings.blueskyRkey })
    .from(announcementPostings)
    .where(eq(announcementPostings.id, posting.id));
  return row!.rkey!;
}

async function outgoingPost(
  db: Db,
  announcement: typeof announcements.$inferSelect,
  settings: AnnouncementPostingSettings,
  postingId: string,
): Promise<OutgoingPost> {
  const images = await db
    .select({
      bytes: announcementImages.bytes,
      mime: announcementImages.mime,
      description: announcementImages.description,
    })
    .from(announcementImages)
    .where(eq(announcementImages.announcementId, announcement.id))
    .orderBy(asc(announcementImages.position));
  const portalUrl = portalUrlOf(settings.publicUrl, announcement.slug, announcement.language);
  // The warning travels apart: Mastodon sends it as spoiler_text, Bluesky's publisher puts it first.
  const text = platformText('mastodon', { body: announcement.body, contentWarning: null, portalUrl }).text;
  return {
    text,
    language: announcement.language,
    contentWarning: announcement.contentWarning,
    images,
    idempotencyKey: `${postingId}:${announcement.version}`,
  };
}

/** The announcement poster every API process runs; stop it with the returned function. */
export function startAnnouncementLoop(
  db: Db,
  settings: () => AnnouncementPostingSettings,
  options: { everyMs: number; log?: (line: string) => void },
): () => Promise<void> {
  const log = options.log ?? console.log;
  return startBackgroundLoop(
    'announcement-poster',
    async () => {
      try {
        await postDueAnnouncements(db, settings(), { log });
      } catch (error) {
        log(`The announcement poster pass failed: ${describeError(error)}`);
        throw error;
      }
    },
    options.everyMs,
  );
}
