/**
 * Versions of queue items, so two colleagues on one item cannot overwrite each other. Every
 * decision, assignment and answer raises the item's `version` in the same statement that
 * checks it (`UPDATE … WHERE version = expected`), so of two changes sent on the same
 * version exactly one wins, whatever the timing; the other is refused with what changed
 * since and by whom, read from the audit log, where every such change is written.
 */
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { auditLog, staffUsers } from '../../db/schema.ts';
import type { ItemChange, Stale } from './source.ts';

/** Thrown inside a change's transaction when the version moved on: rolls the change and its audit entry back. */
export class StaleVersion extends Error {
  constructor() {
    super('The item changed since this version');
  }
}

/** The condition of a versioned update: the version the change was made on, if it was sent. */
export function onVersion(column: AnyPgColumn, expected: number | undefined): SQL | undefined {
  return expected === undefined ? undefined : eq(column, expected);
}

/** The version after a change. */
export function nextVersion(column: AnyPgColumn): SQL {
  return sql`${column} + 1`;
}

const ACTIONS = new Map<string, ItemChange['action']>([
  ['submission.decision', 'decision'],
  ['social_post.decision', 'decision'],
  ['submission.assigned', 'assigned'],
  ['submission.answered', 'answered'],
  ['social_post.assigned', 'assigned'],
  ['social_post.answered', 'answered'],
  ['social_post.answer_submitted', 'answer_submitted'],
  ['social_post.answer_approved', 'answer_approved'],
  ['social_post.answer_returned', 'answer_returned'],
]);

/** The most changes a refusal lists; the page links to the audit log for the rest. */
const MAX_CHANGES = 5;

/**
 * The refusal for a change made on `expected` while the item is at `current`: the changes
 * since, newest first, with the name of who made each.
 */
export async function staleResult(
  db: Db,
  subject: { type: 'submission' | 'social_post'; id: string },
  current: number,
  expected: number,
): Promise<Stale> {
  const since = Math.max(1, Math.min(MAX_CHANGES, current - expected));
  const rows = await db
    .select({ action: auditLog.action, at: auditLog.at, by: staffUsers.displayName, details: auditLog.details })
    .from(auditLog)
    .leftJoin(staffUsers, eq(staffUsers.id, auditLog.actorId))
    .where(
      and(
        eq(auditLog.subjectType, subject.type),
        eq(auditLog.subjectId, subject.id),
        inArray(auditLog.action, [...ACTIONS.keys()]),
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(since);
  return {
    kind: 'stale',
    version: current,
    changes: rows.map((row) => ({
      action: ACTIONS.get(row.action)!,
      by: row.by,
      at: row.at,
      ...(typeof row.details['to'] === 'string' ? { to: row.details['to'] } : {}),
    })),
  };
}
