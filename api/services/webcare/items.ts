/** Items as webcare sees them: the answers already given, and the overdue ones. */
import { asc, eq, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { staffReplies } from '../../db/schema.ts';
import { listQueue, type QueueItem, type Viewer } from '../moderation/index.ts';
import { byLateness, WAITING_STATES } from './clock.ts';

export async function repliesTo(db: Db, itemId: string) {
  return (
    db
      .select({ body: staffReplies.body, language: staffReplies.language, publishedAt: staffReplies.publishedAt })
      .from(staffReplies)
      // Ids are unique across the queue's sources: an item is input or a mirrored post.
      .where(or(eq(staffReplies.submissionId, itemId), eq(staffReplies.socialPostId, itemId)))
      .orderBy(asc(staffReplies.createdAt))
  );
}

/** Items whose resident still waits past the promised response time, the latest first. */
export async function listOverdue(db: Db, viewer: Viewer, now: Date): Promise<QueueItem[]> {
  return byLateness(await listQueue(db, viewer, { states: WAITING_STATES, overdue: true, now, limit: 500 }));
}
