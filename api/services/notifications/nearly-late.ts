/**
 * The "nearly late" check: every assigned waiting item whose stored due time
 * (`response_due_at`, api/services/office-hours/due-times.ts) falls within the next working
 * day of the organisation's calendar tells its assignee once. Per organisation it is one
 * range query per source on its due-time index (`submissions_due_id`, `social_posts_due_id`),
 * whatever the size of the queue. Every API
 * process may run it: the dedupe key per item and promised time lets only the first write count.
 */
import { and, eq, gt, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  consultations,
  organisations,
  socialPosts,
  socialThreads,
  staffUsers,
  submissions,
  type LocalizedText,
} from '../../db/schema.ts';
import { describeError } from '../../lib/log-error.ts';
import { startBackgroundLoop } from '../background-loop.ts';
import type { OfficeCalendar } from '../office-hours/calendar.ts';
import { loadCalendar, WAITING_STATES } from '../office-hours/due-times.ts';
import { addWorkingDays } from '../office-hours/office-time.ts';
import { itemNearlyLate } from './staff.ts';

/** Items due up to this moment are nearly late: less than one working day of office time is left. */
export function nearlyLateHorizon(calendar: OfficeCalendar, now: Date): Date {
  return addWorkingDays(calendar, now, 1);
}

/** Nearly late: not yet late, and due within the next working day. */
export function isNearlyLate(calendar: OfficeCalendar, dueAt: Date, now: Date): boolean {
  return dueAt > now && dueAt <= nearlyLateHorizon(calendar, now);
}

/** What a mirrored post's notification names when its thread has neither consultation nor title. */
const SOCIAL_CONVERSATION: LocalizedText = { nl: 'Gesprek op sociale media', en: 'Conversation on social media' };

type NearlyLate = { id: string; staffUserId: string; dueAt: Date | null; consultation: LocalizedText };

/** The organisation's nearly-late assigned items (input and mirrored posts), soonest due first. */
export async function nearlyLateItems(db: Db, organisationId: string, now: Date): Promise<NearlyLate[]> {
  const horizon = nearlyLateHorizon(await loadCalendar(db, organisationId), now);
  const input = await db
    .select({
      id: submissions.id,
      staffUserId: staffUsers.id,
      dueAt: submissions.responseDueAt,
      consultation: consultations.title,
    })
    .from(submissions)
    .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
    .innerJoin(staffUsers, eq(staffUsers.id, submissions.assignedStaffUserId))
    .where(
      and(
        gt(submissions.responseDueAt, now),
        lte(submissions.responseDueAt, horizon),
        isNotNull(submissions.assignedStaffUserId),
        inArray(submissions.reviewState, [...WAITING_STATES]),
        isNull(submissions.erasedAt),
        eq(consultations.organisationId, organisationId),
        isNull(staffUsers.disabledAt),
      ),
    );
  const posts = await db
    .select({
      id: socialPosts.id,
      staffUserId: staffUsers.id,
      dueAt: socialPosts.responseDueAt,
      consultation: sql<LocalizedText | null>`coalesce(${consultations.title}, ${socialThreads.title})`,
    })
    .from(socialPosts)
    .innerJoin(socialThreads, eq(socialThreads.id, socialPosts.threadId))
    .leftJoin(consultations, eq(consultations.id, socialThreads.consultationId))
    .innerJoin(staffUsers, eq(staffUsers.id, socialPosts.assignedStaffUserId))
    .where(
      and(
        gt(socialPosts.responseDueAt, now),
        lte(socialPosts.responseDueAt, horizon),
        isNotNull(socialPosts.assignedStaffUserId),
        inArray(socialPosts.reviewState, [...WAITING_STATES]),
        isNull(socialPosts.deletedAt),
        isNull(socialThreads.removedAt),
        eq(socialThreads.organisationId, organisationId),
        isNull(staffUsers.disabledAt),
      ),
    );
  return [...input, ...posts.map((post) => ({ ...post, consultation: post.consultation ?? SOCIAL_CONVERSATION }))].sort(
    (a, b) => a.dueAt!.getTime() - b.dueAt!.getTime() || a.id.localeCompare(b.id),
  );
}

/** @returns how many items were found nearly late (notified now or before) */
export async function notifyNearlyLate(db: Db, now: Date): Promise<number> {
  let found = 0;
  for (const org of await db.select({ id: organisations.id }).from(organisations)) {
    for (const item of await nearlyLateItems(db, org.id, now)) {
      found++;
      await db.transaction((tx) =>
        itemNearlyLate(tx, {
          itemId: item.id,
          staffUserId: item.staffUserId,
          dueAt: item.dueAt!,
          consultation: item.consultation,
          now,
        }),
      );
    }
  }
  return found;
}

export function startNearlyLateLoop(db: Db, options: { everyMs: number; log?: (line: string) => void }) {
  const log = options.log ?? console.log;
  return startBackgroundLoop(
    'nearly-late-check',
    async () => {
      try {
        await notifyNearlyLate(db, new Date());
      } catch (error) {
        log(`The nearly-late check failed: ${describeError(error)}`);
        throw error;
      }
    },
    options.everyMs,
  );
}
