/**
 * Mirrored threads in the database: import, re-sync and the public read.
 *
 * A sync applies what the source shows now: new posts are added, changed posts are
 * updated and marked edited, counts follow the source, and posts gone from a complete
 * read are deleted here too: their content is erased at once (personal data, AVG), and
 * only an empty "deleted" placeholder stays while replies still hang under it. A root
 * deleted at the source empties and withdraws the whole mirror.
 *
 * Scheduling: `syncDueThreads` claims due threads with `FOR UPDATE SKIP LOCKED` and a
 * lease on `next_sync_at`, so however many API processes run it, each thread is read
 * once per interval by one of them (PostgreSQL server and PGlite alike).
 */
import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, getTableColumns, inArray, isNotNull, isNull, lte, min, sql } from 'drizzle-orm';
import type {
  MunicipalityAnswer,
  SocialMedia,
  SocialMention,
  SocialPlatform,
  SocialPost,
  SocialThread,
  SocialThreadSummary,
} from '../../../shared/contracts/social-thread.ts';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import {
  consultations,
  socialAuthors,
  socialMediaDescriptions,
  socialPostMetrics,
  socialPostings,
  socialPosts,
  socialThreads,
  staffReplies,
  topics,
  type LocalizedText,
} from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import { markContentChanged } from '../content-revision.ts';
import { sentimentClassifier } from '../item-sentiment.ts';
import { truncateText, wellFormed, wellFormedDeep } from '../../../shared/contracts/text.ts';
import { fetchThread, type FetchThreadOptions } from './fetch-thread.ts';
import { autoPublishSetting, publishesWithoutReview, reviewOnArrival, screenPost } from './review-on-arrival.ts';
import type { AccountDirectory, ImportedPost, ImportedThread } from './model.ts';
import { RateLimitedError, SourceHttpError } from './polite-fetch.ts';
import { setPostDueTimes } from '../office-hours/due-times.ts';
import { paragraphs } from '../../../shared/html/index.ts';
import * as notifications from '../notifications/index.ts';
import { routeFor } from '../webcare/routing.ts';
import { forgetPostTexts } from '../erasure.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Writer = Db | Tx;

/** `withheld`: posts we held that the source now blocks or hides (they leave the mirror, their words are forgotten). */
export type SyncStats = { added: number; updated: number; edited: number; withheld: number; deleted: number };

/** Whether a sync changed what the mirror shows (counts alone do not; published pages follow a change). */
const shownChanged = (stats: SyncStats) => stats.added + stats.edited + stats.withheld + stats.deleted > 0;

const DEFAULT_INTERVAL_MINUTES = 15;
/** How long a claimed thread stays claimed if its process dies mid-sync. */
const LEASE_MINUTES = 10;
const MAX_BACKOFF_MINUTES = 24 * 60;

const minutesAfter = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);

/** What a reader sees of a post; when it changes on a re-read, the post was edited. */
function contentHash(post: ImportedPost): string {
  const seen = {
    html: post.html,
    text: post.text,
    cw: post.contentWarning,
    sensitive: post.sensitive,
    media: post.media.map((m) => [m.url, m.alt]),
    placeholder: post.placeholder,
  };
  return createHash('sha256').update(JSON.stringify(seen)).digest('hex');
}

/** The columns a deleted post keeps: its place in the thread, nothing of its content. */
export const erasedContent = {
  contentHtml: '',
  contentText: '',
  language: null,
  contentWarning: null,
  sensitive: false,
  labels: [],
  media: [],
  links: [],
  mentions: [],
  hashtags: [],
  authorId: null,
  raw: null,
  contentHash: null,
  placeholder: 'deleted' as const,
  // The redacted copy is still the author's text.
  screening: null,
  publishedAt: null,
};

type StoredAuthor = { id: string; isOwnAccount: boolean; isOfficial: boolean };

/** The author's row, with what is known of the account over every read (own stays own). */
async function upsertAuthor(tx: Writer, platform: SocialPlatform, post: ImportedPost): Promise<StoredAuthor | null> {
  const author = post.author;
  if (!author) return null;
  const values = {
    platform,
    externalId: author.externalId,
    handle: author.handle,
    displayName: author.displayName,
    url: author.url,
    isOwnAccount: author.isOwnAccount,
    isOfficial: author.isOfficial,
  };
  const [row] = await tx
    .insert(socialAuthors)
    .values(values)
    .onConflictDoUpdate({
      target: [socialAuthors.platform, socialAuthors.externalId],
      set: {
        handle: values.handle,
        displayName: values.displayName,
        url: values.url,
        // Once known as the municipality's or an official account, always: a scheduled sync
        // that does not name the accounts must not turn the municipality into a resident.
        isOwnAccount: sql`${socialAuthors.isOwnAccount} or excluded.is_own_account`,
        isOfficial: sql`${socialAuthors.isOfficial} or excluded.is_official`,
      },
    })
    .returning({
      id: socialAuthors.id,
      isOwnAccount: socialAuthors.isOwnAccount,
      isOfficial: socialAuthors.isOfficial,
    });
  return row!;
}

function postColumns(post: ImportedPost, position: number) {
  return {
    externalId: post.id,
    parentExternalId: post.parentId,
    url: post.url,
    position,
    depth: post.depth,
    placeholder: post.placeholder,
    contentHtml: post.html,
    contentText: post.text,
    language: post.lang ?? null,
    contentWarning: post.contentWarning,
    sensitive: post.sensitive,
    labels: post.labels,
    media: post.media,
    links: post.links,
    mentions: post.mentions,
    hashtags: post.hashtags,
    replyCount: post.counts.replies,
    likeCount: post.counts.likes,
    repostCount: post.counts.reposts,
    quoteCount: post.counts.quotes,
    postedAt: new Date(post.createdAt),
    contentHash: contentHash(post),
    raw: post.raw as object | null,
  };
}

/**
 * Keeps the platform's counts of a post as read at this sync, for the figures over time, but
 * only when they differ from the post's latest snapshot (unchanged counts add no row), and
 * not when the platform reports none of them.
 */
async function recordPostMetrics(tx: Tx, postId: string, counts: ImportedPost['counts'], now: Date): Promise<void> {
  const { replies, likes, reposts, quotes } = counts;
  if (replies === null && likes === null && reposts === null && quotes === null) return;
  const value = (n: number | null) => (n === null ? sql`null::int` : sql`${n}::int`);
  // A raw fragment: postgres.js takes no Date as a parameter here, so the moment goes as text.
  const row = sql`row(${value(replies)}, ${value(likes)}, ${value(reposts)}, ${value(quotes)})`;
  await tx.execute(sql`insert into ${socialPostMetrics} (post_id, at, replies, likes, reposts, quotes)
    select ${postId}::uuid, ${now.toISOString()}::timestamptz, ${value(replies)}, ${value(likes)}, ${value(reposts)}, ${value(quotes)}
    where (select row(m.replies, m.likes, m.reposts, m.quotes) from ${socialPostMetrics} m
           where m.post_id = ${postId}::uuid order by m.at desc, m.id desc limit 1) is distinct from ${row}`);
}

/** Applies a fresh read of a thread to its stored posts. */
async function applySnapshot(tx: Tx, threadId: string, thread: ImportedThread, now: Date): Promise<SyncStats> {
  const stats: SyncStats = { added: 0, updated: 0, edited: 0, withheld: 0, deleted: 0 };
  const existing = new Map(
    (await tx.select().from(socialPosts).where(eq(socialPosts.threadId, threadId))).map((row) => [row.externalId, row]),
  );
  const seen = new Set<string>();
  const [owner] = await tx
    .select({
      organisationId: socialThreads.organisationId,
      // A thread's topic is its own, or its consultation's.
      topicId: sql<string | null>`coalesce(${socialThreads.topicId}, ${consultations.topicId})`,
    })
    .from(socialThreads)
    .leftJoin(consultations, eq(consultations.id, socialThreads.consultationId))
    .where(eq(socialThreads.id, threadId));
  // Residents' new replies are routed as portal input is: by the topic's rule for the social channel.
  const route =
    owner?.topicId != null
      ? await routeFor(tx, { organisationId: owner.organisationId, topicId: owner.topicId, channel: 'social' })
      : undefined;
  // Residents' replies join the sentiment figures like portal input; placeholders have no text.
  const classify = owner ? await sentimentClassifier(tx, owner.organisationId) : undefined;
  const sentimentOf = (post: ImportedPost) =>
    post.placeholder || !classify || !post.text.trim() ? null : classify(post.text, post.lang ?? 'nl', now);
  // Residents' replies wait for a moderator; own (and by choice official) posts do not.
  const autoPublish = owner ? await autoPublishSetting(tx, owner.organisationId) : 'none';
  const screeningOf = (post: ImportedPost) => (post.placeholder ? null : screenPost(post.text, post.lang, now));
  // By the stored account: once registered as the municipality's, a read that does not name
  // it (a scheduled sync, an import without `--own`) does not send its posts to moderation.
  const reviewOf = (author: StoredAuthor | null, publishedBefore?: Date | null) =>
    reviewOnArrival(publishesWithoutReview(author, autoPublish), now, publishedBefore);
  for (const [position, post] of thread.posts.entries()) {
    seen.add(post.id);
    const before = existing.get(post.id);
    const columns = postColumns(post, position);
    if (post.placeholder && before && !before.placeholder) {
      // A post we hold is now a placeholder: deleted, blocked or hidden at the source, or
      // simply not in this read. Only a complete read or the platform's word removes it; a
      // root left out of a comments file (Facebook, Instagram) is not in it by the file's nature.
      const gone =
        post.placeholder === 'deleted' || (post.raw === null && thread.complete && post.id !== thread.rootId);
      if (gone || post.raw !== null) {
        await tx
          .update(socialPosts)
          .set({
            ...erasedContent,
            placeholder: gone ? 'deleted' : post.placeholder,
            position,
            depth: post.depth,
            deletedAt: gone ? (before.deletedAt ?? now) : null,
          })
          .where(eq(socialPosts.id, before.id));
        // Answers to it may quote it; they go with its words.
        await forgetPostTexts(tx, [before.id]);
        if (gone) stats.deleted++;
        else stats.withheld++;
      } else {
        await tx.update(socialPosts).set({ position, depth: post.depth }).where(eq(socialPosts.id, before.id));
      }
      continue;
    }
    const author = await upsertAuthor(tx, thread.platform, post);
    const authorId = author?.id ?? null;
    if (!before) {
      const review = reviewOf(author);
      const routed = route && review.reviewState === 'new' && !post.placeholder ? route : undefined;
      const [added] = await tx
        .insert(socialPosts)
        .values({
          ...columns,
          ...review,
          screening: screeningOf(post),
          sentiment: sentimentOf(post),
          threadId,
          authorId,
          editedAt: post.editedAt ? new Date(post.editedAt) : null,
          deletedAt: post.placeholder === 'deleted' ? now : null,
          assignedDepartmentId: routed?.departmentId ?? null,
          assignedStaffUserId: routed?.staffUserId ?? null,
        })
        .returning({ id: socialPosts.id });
      if (!post.placeholder) await recordPostMetrics(tx, added!.id, post.counts, now);
      if (routed?.staffUserId) {
        await notifications.itemAssigned(tx, {
          itemId: added!.id,
          staffUserId: routed.staffUserId,
          actorId: null,
          now,
        });
      }
      stats.added++;
      continue;
    }
    const changed = before.contentHash !== null && before.contentHash !== columns.contentHash;
    // Edits are marked: by the platform's edit time where it has one, else by when we saw it.
    const editedAt = post.editedAt ? new Date(post.editedAt) : changed && !post.placeholder ? now : before.editedAt;
    await tx
      .update(socialPosts)
      .set({
        ...columns,
        // A changed text is classified and screened again (a staff correction or decision was
        // about the old text); a resident's edited reply waits for a moderator again.
        ...(changed || before.placeholder
          ? { sentiment: sentimentOf(post), screening: screeningOf(post), ...reviewOf(author, before.publishedAt) }
          : // Waiting only because the account was not yet known as the municipality's.
            before.reviewState === 'new' && publishesWithoutReview(author, autoPublish)
            ? { ...reviewOf(author), responseDueAt: null }
            : {}),
        authorId,
        editedAt,
        deletedAt: post.placeholder === 'deleted' ? (before.deletedAt ?? now) : null,
      })
      .where(eq(socialPosts.id, before.id));
    const countsChanged =
      before.replyCount !== columns.replyCount ||
      before.likeCount !== columns.likeCount ||
      before.repostCount !== columns.repostCount ||
      before.quoteCount !== columns.quoteCount;
    if (countsChanged && !post.placeholder) await recordPostMetrics(tx, before.id, post.counts, now);
    if (changed) stats.edited++;
    else stats.updated++;
  }
  // Gone from a complete read: deleted at the source.
  if (thread.complete) {
    for (const [externalId, row] of existing) {
      if (seen.has(externalId) || row.deletedAt) continue;
      await tx
        .update(socialPosts)
        .set({ ...erasedContent, deletedAt: now })
        .where(eq(socialPosts.id, row.id));
      await forgetPostTexts(tx, [row.id]);
      stats.deleted++;
    }
  }
  // Residents' new posts start their response clock (api/services/office-hours/due-times.ts).
  if (owner) await setPostDueTimes(tx, owner.organisationId, 'missing', threadId);
  return stats;
}

export type ImportThreadInput = {
  organisationId: string;
  thread: ImportedThread;
  /** The post URL staff gave; threads with one are re-read on a schedule (Mastodon, Bluesky, X with a token). */
  sourceUrl?: string | null;
  /** Whether the source can be polled; false for JSON imports. */
  live?: boolean;
  consultationId?: string | null;
  topicId?: string | null;
  title?: LocalizedText | null;
  syncIntervalMinutes?: number;
  /** The member of staff who asked for it; the system when absent (CLI, seed). */
  actor?: { id: string };
  now: Date;
};

/**
 * Stores a normalised thread (new, or a re-import of the same root) and schedules its
 * re-sync when it is live.
 *
 * @example
 * const { threadId } = await importThread(db, { organisationId, thread: await fetchThread(url), sourceUrl: url, live: true, now: new Date() })
 */
export async function importThread(
  db: Db,
  input: ImportThreadInput,
): Promise<{ threadId: string; created: boolean; stats: SyncStats }> {
  // Platform text (posts, author names, URLs, the raw JSON) made storable at the one door
  // every import passes: live reads, pasted and uploaded JSON, the CLI and the seed.
  const thread = wellFormedDeep(input.thread);
  const { now } = input;
  const interval = input.syncIntervalMinutes ?? DEFAULT_INTERVAL_MINUTES;
  const live = input.live ?? !!input.sourceUrl;
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ id: socialThreads.id, removedAt: socialThreads.removedAt })
      .from(socialThreads)
      .where(and(eq(socialThreads.platform, thread.platform), eq(socialThreads.externalId, thread.rootId)));
    let threadId = found?.id;
    const schedule = {
      lastSyncedAt: now,
      nextSyncAt: live ? minutesAfter(now, interval) : null,
      syncIntervalMinutes: interval,
      syncFailures: 0,
      lastSyncError: null,
      removedAt: null,
    };
    if (threadId) {
      await tx.update(socialThreads).set(schedule).where(eq(socialThreads.id, threadId));
    } else {
      const [row] = await tx
        .insert(socialThreads)
        .values({
          organisationId: input.organisationId,
          consultationId: input.consultationId ?? null,
          topicId: input.topicId ?? null,
          title: input.title ?? null,
          platform: thread.platform,
          externalId: thread.rootId,
          sourceUrl: input.sourceUrl ?? thread.url,
          ...schedule,
        })
        .returning({ id: socialThreads.id });
      threadId = row!.id;
    }
    const stats = await applySnapshot(tx, threadId, thread, now);
    // A new thread (or one brought back) is in the portal's list of conversations at once, and
    // what a re-import changed shows on its page: the served pages' validators must move.
    if (!found || found.removedAt || shownChanged(stats)) await markContentChanged(tx);
    await recordAudit(tx, {
      organisationId: input.organisationId,
      actorType: input.actor ? 'staff' : 'system',
      actorId: input.actor?.id ?? null,
      at: now,
      action: found ? 'social_thread.reimported' : 'social_thread.imported',
      subjectType: 'social_thread',
      subjectId: threadId,
      details: { platform: thread.platform, rootId: thread.rootId, ...stats },
    });
    return { threadId, created: !found, stats };
  });
}

/** Empties a thread whose root was deleted at the source and stops serving and syncing it. */
async function removeThread(db: Db, threadId: string, organisationId: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const erased = await tx
      .update(socialPosts)
      .set({ ...erasedContent, deletedAt: now })
      .where(and(eq(socialPosts.threadId, threadId), isNull(socialPosts.deletedAt)))
      .returning({ id: socialPosts.id });
    await forgetPostTexts(
      tx,
      erased.map((post) => post.id),
    );
    await tx.update(socialThreads).set({ removedAt: now, nextSyncAt: null }).where(eq(socialThreads.id, threadId));
    await recordAudit(tx, {
      organisationId,
      actorType: 'system',
      action: 'social_thread.removed_at_source',
      subjectType: 'social_thread',
      subjectId: threadId,
    });
    await markContentChanged(tx);
  });
}

export type SyncOptions = Omit<FetchThreadOptions, keyof AccountDirectory | 'now'> & {
  now: Date;
  /** Own and official accounts; later read from the organisation's channel settings. */
  directory?: AccountDirectory;
  /** Replaces the live read, e.g. with a platform's export or webhook payload. */
  read?: (sourceUrl: string) => Promise<ImportedThread>;
};

export type SyncResult =
  | { kind: 'synced'; stats: SyncStats; changed: boolean }
  | { kind: 'removed' }
  | { kind: 'rate_limited'; retryAt: Date }
  | { kind: 'failed'; error: string }
  | { kind: 'not_syncable' };

/**
 * Re-reads one thread at its source and applies the result. Never throws for source
 * problems: they are recorded on the thread and the next attempt is scheduled with back-off.
 */
export async function syncThread(db: Db, threadId: string, options: SyncOptions): Promise<SyncResult> {
  const { now, read: readSource, directory, ...fetchOptions } = options;
  const [thread] = await db.select().from(socialThreads).where(eq(socialThreads.id, threadId));
  if (!thread || thread.removedAt || !thread.sourceUrl) return { kind: 'not_syncable' };
  let read: ImportedThread;
  try {
    read = wellFormedDeep(
      readSource
        ? await readSource(thread.sourceUrl)
        : await fetchThread(thread.sourceUrl, { ...fetchOptions, ...directory }),
    );
  } catch (error) {
    if (error instanceof SourceHttpError && (error.status === 404 || error.status === 410)) {
      await removeThread(db, threadId, thread.organisationId, now);
      return { kind: 'removed' };
    }
    if (error instanceof RateLimitedError) {
      await db.update(socialThreads).set({ nextSyncAt: error.retryAt }).where(eq(socialThreads.id, threadId));
      return { kind: 'rate_limited', retryAt: error.retryAt };
    }
    const failures = thread.syncFailures + 1;
    const message = error instanceof Error ? error.message : String(error);
    const wait = Math.min(thread.syncIntervalMinutes * 2 ** failures, MAX_BACKOFF_MINUTES);
    await db
      .update(socialThreads)
      .set({
        syncFailures: failures,
        lastSyncError: truncateText(wellFormed(message), 500),
        nextSyncAt: minutesAfter(now, wait),
      })
      .where(eq(socialThreads.id, threadId));
    return { kind: 'failed', error: message };
  }
  if (read.platform !== thread.platform || read.rootId !== thread.externalId) {
    return { kind: 'failed', error: `the source now names another thread (${read.platform} ${read.rootId})` };
  }
  const stats = await db.transaction(async (tx) => {
    const applied = await applySnapshot(tx, threadId, read, now);
    await tx
      .update(socialThreads)
      .set({
        lastSyncedAt: now,
        nextSyncAt: minutesAfter(now, thread.syncIntervalMinutes),
        syncFailures: 0,
        lastSyncError: null,
      })
      .where(eq(socialThreads.id, threadId));
    if (shownChanged(applied)) {
      await recordAudit(tx, {
        organisationId: thread.organisationId,
        actorType: 'system',
        action: 'social_thread.synced',
        subjectType: 'social_thread',
        subjectId: threadId,
        details: { ...applied },
      });
      // Published pages show the thread: a post deleted at the source must leave them too.
      await markContentChanged(tx);
    }
    return applied;
  });
  return { kind: 'synced', stats, changed: shownChanged(stats) };
}

/** Asks for a re-read at the next scheduler run (staff's "sync now"). */
export async function requestSync(db: Db, threadId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(socialThreads)
    .set({ nextSyncAt: now })
    .where(and(eq(socialThreads.id, threadId), isNull(socialThreads.removedAt)))
    .returning({ id: socialThreads.id });
  return rows.length > 0;
}

/**
 * Claims and syncs the threads that are due. Safe to run from every API process on a
 * timer or from one pg-boss cron job: a claimed thread is leased, so no two processes
 * read the same thread in the same interval.
 */
export async function syncDueThreads(
  db: Db,
  options: SyncOptions & { limit?: number },
): Promise<Array<{ threadId: string; result: SyncResult }>> {
  const { now } = options;
  const due = db
    .select({ id: socialThreads.id })
    .from(socialThreads)
    .where(and(lte(socialThreads.nextSyncAt, now), isNull(socialThreads.removedAt)))
    .orderBy(asc(socialThreads.nextSyncAt))
    .limit(options.limit ?? 20)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(socialThreads)
    .set({ nextSyncAt: minutesAfter(now, LEASE_MINUTES) })
    .where(inArray(socialThreads.id, due))
    .returning({ id: socialThreads.id });
  const results: Array<{ threadId: string; result: SyncResult }> = [];
  // One at a time: the platforms' rate limits are per client, not per thread.
  for (const { id } of claimed) results.push({ threadId: id, result: await syncThread(db, id, options) });
  return results;
}

/**
 * A thread as the public sees it; undefined when unknown or withdrawn. Deleted posts
 * are left out, unless replies still hang under them: then an empty "deleted"
 * placeholder keeps the replies in their place.
 */
/**
 * The text a reader may see: when screening found personal data (a phone number, an
 * e-mail address…) the redacted copy, as plain paragraphs — the platform's HTML cannot be
 * redacted safely, so such a post loses its formatting rather than leak the data. The
 * stored post keeps what the author wrote.
 */
export function publishableContent<Link>(post: {
  contentHtml: string;
  contentText: string;
  links: Link[];
  screening: { fields: Array<{ flags: unknown[]; redacted: string }> } | null;
}): { html: string; text: string; links: Link[] } {
  const field = post.screening?.fields[0];
  const redacted = field && field.redacted !== post.contentText ? field.redacted : undefined;
  if (redacted === undefined) return { html: post.contentHtml, text: post.contentText, links: post.links };
  const html = String(paragraphs(redacted, { compact: true }));
  // Links may carry the same data (mailto:, a profile with a phone number): none are shown.
  return { html, text: redacted, links: [] };
}

/** A post's columns as the mirror shows it: the platform's payload (`raw`) stays behind. */
const { raw: _raw, ...mirroredColumns } = getTableColumns(socialPosts);
type MirroredPost = Omit<typeof socialPosts.$inferSelect, 'raw'>;

/**
 * The ids of a thread's posts that a mirror can show: those shown and every post above one
 * (a placeholder stays while something visible hangs under it). The database walks up from
 * the shown posts (partial index `social_posts_shown`), so a thread whose posts mostly wait
 * for moderation costs what it shows, not what it holds (20,000 posts a thread at 10 million
 * generated items).
 */
const shownWithAncestors = (threadId: string, range: PositionRange = {}) => sql`(
  with recursive visible (id, parent) as (
    select ${socialPosts.id}, ${socialPosts.parentExternalId} from ${socialPosts}
    where ${socialPosts.threadId} = ${threadId} and ${isShownPost}
      ${range.after === undefined ? sql`` : sql`and ${socialPosts.position} > ${range.after}`}
      ${range.upTo === undefined ? sql`` : sql`and ${socialPosts.position} <= ${range.upTo}`}
    union
    select above.id, above.parent_external_id from ${socialPosts} above
    join visible on above.external_id = visible.parent and above.thread_id = ${threadId})
  select id from visible)`;

/** As `shown` below, in SQL, as the partial index `social_posts_shown` holds it (with its placeholder recheck). */
export const isShownPost = sql`${socialPosts.publishedAt} is not null and ${socialPosts.deletedAt} is null and ${socialPosts.placeholder} is null`;

/** A stretch of a thread in reading order: the posts after one position, up to another. */
export type PositionRange = { after?: number | undefined; upTo?: number | undefined };

export async function readThread(db: Db, threadId: string): Promise<SocialThread | undefined> {
  return (await readThreadPart(db, threadId))?.thread;
}

/**
 * The shown posts of a stretch of a thread, with every post above them (a reply's parent on
 * an earlier page names whom it answers; a withheld one holds the nesting as a placeholder).
 * `inStretch` says, post by post, which are the stretch's own: the others are there to be
 * named, not shown. (By position, not by order: a post kept from an earlier read can sit
 * after its replies.)
 */
export async function readThreadPart(
  db: Db,
  threadId: string,
  range: PositionRange = {},
): Promise<{ thread: SocialThread; inStretch: boolean[] } | undefined> {
  const [thread] = await db.select().from(socialThreads).where(eq(socialThreads.id, threadId));
  if (!thread || thread.removedAt) return undefined;
  const rows = await db
    .select({ post: mirroredColumns, author: socialAuthors })
    .from(socialPosts)
    .leftJoin(socialAuthors, eq(socialPosts.authorId, socialAuthors.id))
    .where(inArray(socialPosts.id, shownWithAncestors(threadId, range)))
    .orderBy(asc(socialPosts.position), asc(socialPosts.id));

  // A placeholder stays only while something visible hangs under it.
  const childrenOf = new Map<string, string[]>();
  for (const { post } of rows) {
    if (post.parentExternalId)
      childrenOf.set(post.parentExternalId, [...(childrenOf.get(post.parentExternalId) ?? []), post.externalId]);
  }
  const byId = new Map(rows.map((r) => [r.post.externalId, r.post]));
  const memo = new Map<string, boolean>();
  const visible = (id: string): boolean => {
    if (memo.has(id)) return memo.get(id)!;
    memo.set(id, false);
    const post = byId.get(id);
    const result = !!post && (shown(post) || (childrenOf.get(id) ?? []).some(visible));
    memo.set(id, result);
    return result;
  };

  const descriptions = await staffDescriptions(
    db,
    rows.map((r) => r.post.id),
  );
  const answers = await municipalityAnswers(
    db,
    rows.filter((r) => shown(r.post)).map((r) => r.post.id),
  );
  const kept = rows.filter(({ post }) => visible(post.externalId));
  const posts: SocialPost[] = kept
    .map(({ post: stored, author }) => ({ post: shown(stored) ? stored : { ...stored, ...withheldContent }, author }))
    .map(({ post, author }) => ({
      id: post.externalId,
      url: post.url,
      parentId: post.parentExternalId,
      depth: post.depth,
      placeholder: post.deletedAt ? 'deleted' : (post.placeholder ?? (post.publishedAt ? null : 'unavailable')),
      author: author && !post.placeholder && !post.deletedAt && post.publishedAt ? publicAuthor(author) : null,
      ...publishableContent(post),
      ...(post.language ? { lang: post.language } : {}),
      contentWarning: post.contentWarning,
      sensitive: post.sensitive,
      labels: post.labels,
      mentions: post.mentions,
      hashtags: post.hashtags,
      media: post.media.map((m) => withStaffAlt(m, descriptions.get(post.id))),
      counts: { replies: post.replyCount, reposts: post.repostCount, likes: post.likeCount, quotes: post.quoteCount },
      createdAt: post.postedAt.toISOString(),
      editedAt: post.editedAt?.toISOString() ?? null,
      deletedAt: post.deletedAt?.toISOString() ?? null,
      // Answers only under a post that shows: one under a withheld post would answer nothing visible.
      ...(answers.has(post.id) && shown(post) ? { answers: answers.get(post.id) } : {}),
    }));
  return {
    thread: {
      id: thread.id,
      platform: thread.platform,
      rootId: thread.externalId,
      url: thread.sourceUrl,
      title: thread.title ?? null,
      lastSyncedAt: thread.lastSyncedAt?.toISOString() ?? null,
      posts,
    },
    inStretch: kept.map(
      ({ post }) =>
        (range.after === undefined || post.position > range.after) &&
        (range.upTo === undefined || post.position <= range.upTo),
    ),
  };
}

/**
 * The media of a thread's shown posts, by post: what an image's key is looked up in
 * (mirror-media.ts `findMirroredImage`), without reading the thread whole for every image.
 */
export async function shownMedia(
  db: Db,
  threadId: string,
): Promise<{ id: string; posts: Array<Pick<SocialPost, 'id' | 'media'>> } | undefined> {
  const [thread] = await db
    .select({ id: socialThreads.id })
    .from(socialThreads)
    .where(and(eq(socialThreads.id, threadId), isNull(socialThreads.removedAt)));
  if (!thread) return undefined;
  const rows = await db
    .select({ id: socialPosts.externalId, media: socialPosts.media })
    .from(socialPosts)
    .where(and(eq(socialPosts.threadId, threadId), isShownPost, sql`jsonb_array_length(${socialPosts.media}) > 0`));
  return { id: thread.id, posts: rows };
}

/** An author as a shown post carries it, before the public mirror pseudonymises residents. */
function publicAuthor(author: typeof socialAuthors.$inferSelect): NonNullable<SocialPost['author']> {
  return {
    displayName: author.displayName,
    handle: author.handle,
    url: author.url,
    isOwnAccount: author.isOwnAccount,
    isOfficial: author.isOfficial,
  };
}

/** Who a thread's shown posts name, as the public mirror gives letters (public-mirror.ts `mirrorWithPseudonyms`). */
export type ThreadPeople = {
  /** The authors of its shown posts, each with their first post, in reading order. */
  authors: Array<{ author: NonNullable<SocialPost['author']>; postId: string }>;
  /** Every account its shown posts mention, each once, in the order of its first mention. */
  mentions: SocialMention[];
};

/**
 * Everyone a thread's shown posts are by or mention, in reading order: what the public mirror
 * gives letters by and recognises mentions by, for a stretch of the thread read alone as for
 * the whole (a person only mentioned on page 3 gets the letter after one mentioned on page 2,
 * whichever page is read first).
 */
export async function threadPeople(db: Db, threadId: string): Promise<ThreadPeople> {
  // One row per person as the mirror tells people apart (public-mirror.ts `keyOf`), with their
  // first shown post: a thread of twenty thousand replies by a few hundred people sends a few
  // hundred rows.
  const person = sql`coalesce(${socialAuthors.handle}, ${socialAuthors.displayName}, 'post:' || ${socialPosts.externalId})`;
  const authorRows = await db
    .selectDistinctOn([person], {
      author: socialAuthors,
      postId: socialPosts.externalId,
      position: socialPosts.position,
      id: socialPosts.id,
    })
    .from(socialPosts)
    .innerJoin(socialAuthors, eq(socialPosts.authorId, socialAuthors.id))
    .where(and(eq(socialPosts.threadId, threadId), isShownPost))
    .orderBy(person, asc(socialPosts.position), asc(socialPosts.id));
  // Mentions as the mirror keys them (lower-cased handle), each at its first place.
  const mentionRows = rowsOf<{ handle: string; url: string | null; position: number; id: string; n: number }>(
    await db.execute(sql`select distinct on (lower(m.value->>'handle'))
        m.value->>'handle' as handle, m.value->>'url' as url, ${socialPosts.position} as position,
        ${socialPosts.id}::text as id, m.n::int as n
      from ${socialPosts} cross join lateral jsonb_array_elements(${socialPosts.mentions}) with ordinality as m(value, n)
      where ${socialPosts.threadId} = ${threadId} and ${isShownPost}
      order by lower(m.value->>'handle'), ${socialPosts.position}, ${socialPosts.id}, m.n`),
  );
  const inReadingOrder = <T extends { position: number; id: string }>(rows: T[], then = (_: T, __: T) => 0) =>
    rows.sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : then(a, b)));
  return {
    authors: inReadingOrder(authorRows).map(({ author, postId }) => ({ author: publicAuthor(author), postId })),
    mentions: inReadingOrder(mentionRows, (a, b) => Number(a.n) - Number(b.n)).map(({ handle, url }) => ({
      handle,
      url,
    })),
  };
}

/** Shown in a public mirror: not deleted, not a placeholder, and published (by a moderator or on import). */
/** The municipality's published answers to these posts, oldest first, by post id. */
async function municipalityAnswers(db: Db, postIds: string[]): Promise<Map<string, MunicipalityAnswer[]>> {
  const byPost = new Map<string, MunicipalityAnswer[]>();
  if (postIds.length === 0) return byPost;
  const rows = await db
    .select({
      postId: staffReplies.socialPostId,
      body: staffReplies.body,
      lang: staffReplies.language,
      publishedAt: staffReplies.publishedAt,
    })
    .from(staffReplies)
    .where(
      and(
        inArray(staffReplies.socialPostId, postIds),
        isNotNull(staffReplies.publishedAt),
        // An answer posted on the platform shows as the posted status, once the mirror holds it.
        sql`not exists (select 1 from ${socialPostings} join ${socialPosts} on ${socialPosts.externalId} = ${socialPostings.externalId}
          and ${socialPosts.threadId} = (select p.thread_id from social_posts p where p.id = ${staffReplies.socialPostId})
          where ${socialPostings.staffReplyId} = ${staffReplies.id} and ${socialPostings.state} = 'sent')`,
      ),
    )
    .orderBy(asc(staffReplies.publishedAt), asc(staffReplies.id));
  for (const row of rows) {
    const answer = { body: row.body, lang: row.lang, publishedAt: row.publishedAt!.toISOString() };
    byPost.set(row.postId!, [...(byPost.get(row.postId!) ?? []), answer]);
  }
  return byPost;
}

const shown = (post: MirroredPost) => !post.placeholder && !post.deletedAt && !!post.publishedAt;

/** What a post awaiting moderation (or rejected) shows while replies hang under it: nothing. */
const withheldContent = {
  url: null,
  contentHtml: '',
  contentText: '',
  language: null,
  contentWarning: null,
  sensitive: false,
  labels: [],
  media: [],
  links: [],
  mentions: [],
  hashtags: [],
  // Its redacted copy is still its text.
  screening: null,
};

type StaffDescription = { text: string; lang: 'nl' | 'en' };

/** Staff-written descriptions per post, keyed by media URL. */
async function staffDescriptions(db: Db, postIds: string[]): Promise<Map<string, Map<string, StaffDescription>>> {
  const byPost = new Map<string, Map<string, StaffDescription>>();
  if (postIds.length === 0) return byPost;
  const rows = await db.select().from(socialMediaDescriptions).where(inArray(socialMediaDescriptions.postId, postIds));
  for (const row of rows) {
    const forPost = byPost.get(row.postId) ?? new Map<string, StaffDescription>();
    forPost.set(row.mediaUrl, { text: row.text, lang: row.language });
    byPost.set(row.postId, forPost);
  }
  return byPost;
}

function withStaffAlt(media: SocialMedia, descriptions: Map<string, StaffDescription> | undefined): SocialMedia {
  const description = descriptions?.get(media.url);
  return description ? { ...media, staffAlt: description } : media;
}

/** Mirrored threads that are served, newest first; optionally of one consultation or topic. */
export async function listThreads(
  db: Db,
  filter: { consultation?: string; topic?: string } = {},
): Promise<SocialThreadSummary[]> {
  // The posts a public mirror shows (`shown` above): counted and dated here, so the portal's
  // list of conversations never reads a thread's posts.
  const shown = db
    .select({
      threadId: socialPosts.threadId,
      n: count().as('n'),
      startedAt: min(socialPosts.postedAt).as('started_at'),
    })
    .from(socialPosts)
    .where(and(isNull(socialPosts.deletedAt), isNull(socialPosts.placeholder), isNotNull(socialPosts.publishedAt)))
    .groupBy(socialPosts.threadId)
    .as('shown');
  const conditions = [isNull(socialThreads.removedAt)];
  if (filter.consultation) conditions.push(eq(consultations.slug, filter.consultation));
  if (filter.topic) conditions.push(eq(topics.slug, filter.topic));
  const rootAuthor = db
    .select({
      threadId: socialPosts.threadId,
      publicBody: sql<boolean>`bool_or(${socialAuthors.isOwnAccount} or ${socialAuthors.isOfficial})`.as('public_body'),
    })
    .from(socialPosts)
    .innerJoin(socialThreads, eq(socialThreads.id, socialPosts.threadId))
    .innerJoin(socialAuthors, eq(socialAuthors.id, socialPosts.authorId))
    .where(eq(socialPosts.externalId, socialThreads.externalId))
    .groupBy(socialPosts.threadId)
    .as('root_author');
  const rows = await db
    .select({
      thread: socialThreads,
      consultation: consultations.slug,
      topic: topics.slug,
      posts: shown.n,
      startedAt: shown.startedAt,
      rootIsPublicBody: rootAuthor.publicBody,
    })
    .from(socialThreads)
    .leftJoin(consultations, eq(socialThreads.consultationId, consultations.id))
    .leftJoin(topics, eq(socialThreads.topicId, topics.id))
    .leftJoin(shown, eq(shown.threadId, socialThreads.id))
    .leftJoin(rootAuthor, eq(rootAuthor.threadId, socialThreads.id))
    .where(and(...conditions))
    .orderBy(desc(socialThreads.createdAt));
  return rows.map(({ thread, consultation, topic, posts, startedAt, rootIsPublicBody }) => ({
    id: thread.id,
    platform: thread.platform,
    // A root written by a resident (a mention that arrived by itself): its address names them.
    url: rootIsPublicBody ? thread.sourceUrl : null,
    title: thread.title ?? null,
    consultation,
    topic,
    postCount: Number(posts ?? 0),
    startedAt: startedAt ? new Date(startedAt).toISOString() : null,
    lastSyncedAt: thread.lastSyncedAt?.toISOString() ?? null,
  }));
}
