/** Items as webcare sees them: the answers already given, and the overdue ones. */
import { asc, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { socialAccounts, socialPostings, staffReplies } from '../../db/schema.ts';
import type { PostingError } from '../social/posting.ts';
import { countQueue, listQueue, type QueueCursor, type QueueItem, type Viewer } from '../moderation/index.ts';
import { WAITING_STATES } from './clock.ts';

/** The answers to an item, each with where it stands on the platform when it is posted there. */
export async function repliesTo(db: Db, itemId: string) {
  return (
    db
      .select({
        body: staffReplies.body,
        language: staffReplies.language,
        publishedAt: staffReplies.publishedAt,
        posting: {
          state: socialPostings.state,
          error: sql<PostingError | null>`${socialPostings.lastError}`,
          url: socialPostings.url,
          account: socialAccounts.handle,
        },
      })
      .from(staffReplies)
      .leftJoin(socialPostings, eq(socialPostings.staffReplyId, staffReplies.id))
      .leftJoin(socialAccounts, eq(socialAccounts.id, socialPostings.accountId))
      // Ids are unique across the queue's sources: an item is input or a mirrored post.
      .where(or(eq(staffReplies.submissionId, itemId), eq(staffReplies.socialPostId, itemId)))
      .orderBy(asc(staffReplies.createdAt))
  );
}

/** Overdue items on one page of the overdue view. */
export const OVERDUE_PAGE_SIZE = 100;

/**
 * The overdue view counts this many at most and says "more than" beyond: a count of half a
 * million overdue items took 0.1 s on every page at ten million items, and a number past this
 * one changes nothing for the team (the insights count them all, per period).
 */
export const OVERDUE_COUNT_LIMIT = 10_000;

export type OverduePage = {
  items: QueueItem[];
  /**
   * Every overdue item the viewer may see, not only this page's: `count` exactly, or, when
   * `more`, more than `count`.
   */
  total: { count: number; more: boolean };
  /** Where the next page starts; undefined on the last page. */
  next: QueueCursor | undefined;
};

/**
 * Items whose resident still waits past the promised response time, the latest first (by the
 * stored due time, a keyset the due-time indexes serve), a page at a time from `after`.
 */
export async function listOverdue(db: Db, viewer: Viewer, now: Date, after?: QueueCursor): Promise<OverduePage> {
  const filter = { states: WAITING_STATES, overdue: true, order: 'due' as const, now };
  const [found, counted] = await Promise.all([
    listQueue(db, viewer, { ...filter, after, limit: OVERDUE_PAGE_SIZE + 1 }),
    countQueue(db, viewer, filter, OVERDUE_COUNT_LIMIT + 1),
  ]);
  const items = found.slice(0, OVERDUE_PAGE_SIZE);
  return {
    items,
    total: { count: Math.min(counted, OVERDUE_COUNT_LIMIT), more: counted > OVERDUE_COUNT_LIMIT },
    next: found.length > OVERDUE_PAGE_SIZE ? items.at(-1)!.cursor : undefined,
  };
}
