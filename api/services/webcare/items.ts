/** Items as webcare sees them: the answers already given, and the overdue ones. */
import { asc, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { socialAccounts, socialPostings, staffReplies } from '../../db/schema.ts';
import type { PostingError } from '../social/posting.ts';
import { listQueue, type QueueItem, type Viewer } from '../moderation/index.ts';
import { byLateness, WAITING_STATES } from './clock.ts';

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

/** Items whose resident still waits past the promised response time, the latest first. */
export async function listOverdue(db: Db, viewer: Viewer, now: Date): Promise<QueueItem[]> {
  return byLateness(await listQueue(db, viewer, { states: WAITING_STATES, overdue: true, now, limit: 500 }));
}
