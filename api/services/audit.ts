/**
 * The audit log: who did what to which item, and when. Written in the same transaction
 * as the change it describes, so the log never claims what did not happen.
 */
import type { Db } from '../db/client.ts';
import { auditLog } from '../db/schema.ts';

export type AuditEntry = typeof auditLog.$inferInsert;

/** Accepts a transaction as well as the database handle. */
type Writer = Pick<Db, 'insert'>;

export async function recordAudit(db: Writer, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values(entry);
}
