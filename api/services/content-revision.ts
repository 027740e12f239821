/**
 * A counter of changes to published content, kept in the database so that a change made
 * through any API process reaches every process that serves the portal.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { consultations, contentRevision } from '../db/schema.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Call after anything the portal shows changed: a consultation, published input, an answer. */
export async function markContentChanged(db: Db | Tx): Promise<void> {
  await db
    .insert(contentRevision)
    .values({ id: 1, version: 1 })
    .onConflictDoUpdate({
      target: contentRevision.id,
      set: { version: sql`${contentRevision.version} + 1`, changedAt: sql`now()` },
    });
}

export async function currentContentVersion(db: Db): Promise<number> {
  const [row] = await db.select({ version: contentRevision.version }).from(contentRevision).limit(1);
  return row?.version ?? 0;
}

/**
 * The next moment a consultation opens or closes after `now`: the portal shows its status,
 * so the site must be rebuilt then even though nobody changed anything.
 */
export async function nextStatusChange(db: Db, now: Date): Promise<Date | undefined> {
  const [row] = await db
    .select({
      next: sql<string | Date | null>`least(
        min(${consultations.opensAt}) filter (where ${consultations.opensAt} > ${now.toISOString()}::timestamptz),
        min(${consultations.closesAt}) filter (where ${consultations.closesAt} > ${now.toISOString()}::timestamptz)
      )`,
    })
    .from(consultations);
  return row?.next ? new Date(row.next) : undefined;
}
