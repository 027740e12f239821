/** One item as webcare sees it, with the answers already given. */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { reviewState, staffReplies } from '../../db/schema.ts';
import { listQueue, type QueueItem, type Viewer } from '../moderation.ts';
import { byLateness, WAITING_STATES } from './clock.ts';

/** The item in any state, if the viewer may see it. */
export async function findItem(db: Db, viewer: Viewer, itemId: string, now: Date): Promise<QueueItem | undefined> {
  const [item] = await listQueue(db, viewer, { states: reviewState.enumValues, itemId, now, limit: 1 });
  return item;
}

export async function repliesTo(db: Db, itemId: string) {
  return db
    .select({ body: staffReplies.body, language: staffReplies.language, publishedAt: staffReplies.publishedAt })
    .from(staffReplies)
    .where(eq(staffReplies.submissionId, itemId))
    .orderBy(asc(staffReplies.createdAt));
}

/** Items whose resident still waits past the promised response time, the latest first. */
export async function listOverdue(db: Db, viewer: Viewer, now: Date): Promise<QueueItem[]> {
  return byLateness(await listQueue(db, viewer, { states: WAITING_STATES, overdue: true, now, limit: 500 }));
}
