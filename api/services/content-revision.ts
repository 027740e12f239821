/**
 * A counter of changes to published content, kept in the database so that a change made
 * through any API process reaches every process that serves the portal.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { consultations, contentRevision } from '../db/schema.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Call after anything the portal shows changed: a consultation, published input, an answer. */
export async function markContentChanged(db: Db | Tx): Promise<void> {
  await db.execute(contentChangedStatement());
}

/** The counter's step, for a statement that makes the change it counts. */
export function contentChangedStatement(): SQL {
  return sql`insert into ${contentRevision} (id, version) values (1, 1)
    on conflict (id) do update set version = ${contentRevision}.version + 1, changed_at = now()`;
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
