/**
 * Who else has an item open (presence), so two colleagues see each other before they both
 * start on it. The item page records the person when it is rendered and its script sends a
 * heartbeat while it stays open; a person whose heartbeat stops (page closed without the
 * goodbye, laptop shut, no script) drops out after `PRESENCE_EXPIRY_MS`.
 *
 * Stored in the database, not in a process's memory: several API processes may serve one
 * team, and each must see the others' heartbeats. Presence is a hint, not a lock: the
 * version check (./versions.ts) still refuses a change made on a stale page.
 */
import { and, asc, eq, gte, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { itemPresence, staffUsers } from '../../db/schema.ts';

/**
 * How long a heartbeat keeps someone present. Three times the page's poll (20 s), and more
 * than a minute: Chrome runs the timers of a page in a background tab at most once a
 * minute, and a colleague reading in another tab still has the item open.
 */
export const PRESENCE_EXPIRY_MS = 90 * 1000;

/** How often the item page's script sends its heartbeat. */
export const PRESENCE_POLL_MS = 20 * 1000;

export type PresentColleague = { staffUserId: string; name: string; openedAt: Date };

type Who = { itemId: string; staffUserId: string; organisationId: string };

/**
 * Records that this person has the item open now (a heartbeat). Someone whose presence had
 * expired starts again from now, so "open for 2 min" counts from their return.
 */
export async function recordPresence(db: Db, who: Who, now: Date): Promise<void> {
  const expired = new Date(now.getTime() - PRESENCE_EXPIRY_MS);
  await db
    .insert(itemPresence)
    .values({ ...who, openedAt: now, seenAt: now })
    .onConflictDoUpdate({
      target: [itemPresence.itemId, itemPresence.staffUserId],
      set: {
        seenAt: now,
        openedAt: sql`case when ${itemPresence.seenAt} < ${expired.toISOString()}::timestamptz then excluded.opened_at else ${itemPresence.openedAt} end`,
      },
    });
  // Rows nobody refreshed go on every heartbeat (the index on seen_at keeps it cheap),
  // so the table holds only the people present now, whichever process served them.
  await db.delete(itemPresence).where(lt(itemPresence.seenAt, expired));
}

/** The person closed the item's page: they are no longer present. */
export async function endPresence(db: Db, who: Omit<Who, 'organisationId'>): Promise<void> {
  await db
    .delete(itemPresence)
    .where(and(eq(itemPresence.itemId, who.itemId), eq(itemPresence.staffUserId, who.staffUserId)));
}

/** Everybody but this person who has the item open now, longest first. */
export async function othersPresent(db: Db, who: Who, now: Date): Promise<PresentColleague[]> {
  return db
    .select({ staffUserId: itemPresence.staffUserId, name: staffUsers.displayName, openedAt: itemPresence.openedAt })
    .from(itemPresence)
    .innerJoin(staffUsers, eq(staffUsers.id, itemPresence.staffUserId))
    .where(
      and(
        eq(itemPresence.itemId, who.itemId),
        eq(itemPresence.organisationId, who.organisationId),
        ne(itemPresence.staffUserId, who.staffUserId),
        gte(itemPresence.seenAt, new Date(now.getTime() - PRESENCE_EXPIRY_MS)),
      ),
    )
    .orderBy(asc(itemPresence.openedAt), asc(staffUsers.displayName));
}

/** A heartbeat and the answer to it in one: who else is here, after recording that this person is. */
export async function heartbeat(db: Db, who: Who, now: Date): Promise<PresentColleague[]> {
  await recordPresence(db, who, now);
  return othersPresent(db, who, now);
}
