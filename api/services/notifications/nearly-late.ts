/**
 * The "nearly late" check: every assigned item whose promised answer time falls within
 * the next working day (the response clock of the queue, services/webcare/clock.ts) tells
 * its assignee once. Every API process may run it: the dedupe key per item and promised
 * time lets only the first write count.
 */
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { staffUsers, submissions } from '../../db/schema.ts';
import { describeError } from '../../lib/log-error.ts';
import { startBackgroundLoop } from '../background-loop.ts';
import { listQueue } from '../moderation/index.ts';
import { responseClock, WAITING_STATES } from '../webcare/clock.ts';
import { itemNearlyLate } from './staff.ts';

/** Nearly late: no whole working day left before the promised time. */
export function isNearlyLate(dueAt: Date, now: Date): boolean {
  const clock = responseClock(dueAt, now);
  return clock.kind === 'left' && clock.workingDays === 0;
}

/** @returns how many items were looked at and found nearly late (notified now or before) */
export async function notifyNearlyLate(db: Db, now: Date): Promise<number> {
  const assignees = await db
    .selectDistinct({ id: staffUsers.id, organisationId: staffUsers.organisationId })
    .from(submissions)
    .innerJoin(staffUsers, eq(staffUsers.id, submissions.assignedStaffUserId))
    .where(
      and(
        isNotNull(submissions.assignedStaffUserId),
        inArray(submissions.reviewState, [...WAITING_STATES]),
        isNull(submissions.erasedAt),
        isNull(staffUsers.disabledAt),
      ),
    );
  let found = 0;
  for (const person of assignees) {
    // The queue as an administrator of their organisation sees it: the same due times as every screen.
    const viewer = {
      organisationId: person.organisationId,
      roles: [{ role: 'administrator' as const, departmentId: null }],
    };
    const items = await listQueue(db, viewer, { states: WAITING_STATES, assignedTo: person.id, now, limit: 1000 });
    for (const item of items) {
      if (item.assignedStaffUserId !== person.id || !isNearlyLate(item.dueAt, now)) continue;
      found++;
      await db.transaction((tx) =>
        itemNearlyLate(tx, {
          itemId: item.id,
          staffUserId: person.id,
          dueAt: item.dueAt,
          consultation: item.consultation.title,
          now,
        }),
      );
    }
  }
  return found;
}

export function startNearlyLateLoop(db: Db, options: { everyMs: number; log?: (line: string) => void }) {
  const log = options.log ?? console.log;
  return startBackgroundLoop(async () => {
    try {
      await notifyNearlyLate(db, new Date());
    } catch (error) {
      log(`The nearly-late check failed: ${describeError(error)}`);
    }
  }, options.everyMs);
}
