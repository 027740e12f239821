/**
 * The audit log: who did what to which item, and when. Written in the same transaction
 * as the change it describes, so the log never claims what did not happen.
 */
import type { SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { insertRows } from '../db/insert-rows.ts';
import { auditLog } from '../db/schema.ts';
import type { AuditAction } from './audit-actions.ts';

/** An entry; its action one of the list the audit-log viewer has a sentence for. */
export type AuditEntry = Omit<typeof auditLog.$inferInsert, 'action'> & { action: AuditAction };

/** Accepts a transaction as well as the database handle. */
type Writer = Pick<Db, 'execute'>;

export async function recordAudit(db: Writer, entry: AuditEntry): Promise<void> {
  await db.execute(auditStatement(entry));
}

/** The entry's insert, for a statement that writes it together with its change. */
export function auditStatement(entry: AuditEntry): SQL {
  // Written beside every change: the short insert (db/insert-rows.ts) keeps it cheap.
  return insertRows(auditLog, [entry]);
}
