/**
 * The office-calendar settings as an administrator edits them on one screen: weekly opening
 * hours, the holiday choices, extra closed days, and each channel's response promise. One
 * save is one transaction: the organisation's `calendar_version` is checked and raised in the
 * statement that writes the calendar (`UPDATE … WHERE calendar_version = expected`), the
 * promises are written, the audit log says what changed, and every waiting item gets the due
 * time the new settings give — or none of it happens.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditLog, channelGuidelines, organisations, staffUsers } from '../../db/schema.ts';
import type { LocalizedText } from '../../../shared/contracts/public-content.ts';
import { recordAudit } from '../audit.ts';
import { DEFAULT_HOLIDAY_RULES, DEFAULT_WEEKLY_HOURS, type HolidayRules, type WeeklyHours } from './calendar.ts';
import { recomputeWaitingDueTimes, type ResponsePromise } from './due-times.ts';

/** A channel's promise as the screen shows it. */
export type ChannelPromise = {
  id: string;
  key: string;
  name: LocalizedText;
  promise: ResponsePromise;
};

export type CalendarSettings = {
  version: number;
  weekly: WeeklyHours;
  holidays: HolidayRules;
  closedDays: string[];
  promises: ChannelPromise[];
};

/** The parts of the screen a save can change; the audit entry and a refusal name them. */
export type CalendarPart = 'hours' | 'holidays' | 'closed_days' | 'promises';

export type CalendarChange = { by: string | null; at: Date; parts: CalendarPart[] };

export type CalendarSaveResult =
  | { kind: 'saved'; version: number; parts: CalendarPart[]; recomputed: number }
  | { kind: 'stale'; version: number; changes: CalendarChange[] }
  | { kind: 'unknown_channel' };

/** The largest response promise per unit: longer is a typo, not a promise to residents. */
export const PROMISE_MAX: Record<ResponsePromise['unit'], number> = { working_days: 60, hours: 200 };
/** The most extra closed days the calendar holds. */
export const CLOSED_DAYS_MAX = 366;

/** The most changes a refusal lists; older ones are in the audit log. */
const MAX_CHANGES = 5;

export async function loadCalendarSettings(db: Db, organisationId: string): Promise<CalendarSettings> {
  const [org] = await db
    .select({
      version: organisations.calendarVersion,
      weekly: organisations.officeHours,
      holidays: organisations.holidayRules,
      closedDays: organisations.closedDays,
    })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  const guidelines = await db
    .select({
      id: channelGuidelines.id,
      key: channelGuidelines.key,
      name: channelGuidelines.name,
      responseDays: channelGuidelines.responseDays,
      responseHours: channelGuidelines.responseHours,
    })
    .from(channelGuidelines)
    .where(eq(channelGuidelines.organisationId, organisationId))
    .orderBy(channelGuidelines.key);
  return {
    version: org?.version ?? 1,
    weekly: org?.weekly ?? DEFAULT_WEEKLY_HOURS,
    holidays: { ...DEFAULT_HOLIDAY_RULES, ...org?.holidays },
    closedDays: [...(org?.closedDays ?? [])].sort(),
    promises: guidelines.map((g) => ({
      id: g.id,
      key: g.key,
      name: g.name,
      promise:
        g.responseHours !== null
          ? { unit: 'hours', amount: g.responseHours }
          : { unit: 'working_days', amount: g.responseDays },
    })),
  };
}

/** Thrown inside the save's transaction when the version moved on: rolls everything back. */
class StaleCalendar extends Error {}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Weekly hours in a stable form (days in order, spans by start, each span's keys in one order:
 * jsonb gives them back as `{to, from}`), so equal schedules compare equal.
 */
function normalWeekly(weekly: WeeklyHours): WeeklyHours {
  const out: WeeklyHours = {};
  for (const day of [0, 1, 2, 3, 4, 5, 6] as const) {
    const spans = weekly[day];
    if (spans && spans.length > 0) {
      out[day] = [...spans].sort((a, b) => a.from.localeCompare(b.from)).map(({ from, to }) => ({ from, to }));
    }
  }
  return out;
}

/**
 * Saves the settings made on `expectedVersion`. Input is checked by the caller (the route's
 * schema and `weeklyHoursProblem`); a promise for a channel the organisation does not have
 * is refused here.
 */
export async function saveCalendarSettings(
  db: Db,
  params: {
    organisationId: string;
    actorId: string;
    expectedVersion: number;
    weekly: WeeklyHours;
    holidays: HolidayRules;
    closedDays: readonly string[];
    promises: ReadonlyArray<{ id: string; promise: ResponsePromise }>;
    now: Date;
  },
): Promise<CalendarSaveResult> {
  const before = await loadCalendarSettings(db, params.organisationId);
  if (params.promises.some((p) => !before.promises.some((b) => b.id === p.id))) return { kind: 'unknown_channel' };
  const weekly = normalWeekly(params.weekly);
  const closedDays = [...new Set(params.closedDays)].sort();
  const changedPromises = params.promises.filter(
    (p) => !same(before.promises.find((b) => b.id === p.id)!.promise, p.promise),
  );
  const parts: CalendarPart[] = [];
  if (!same(normalWeekly(before.weekly), weekly)) parts.push('hours');
  if (!same(before.holidays, { ...DEFAULT_HOLIDAY_RULES, ...params.holidays })) parts.push('holidays');
  if (!same(before.closedDays, closedDays)) parts.push('closed_days');
  if (changedPromises.length > 0) parts.push('promises');
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .update(organisations)
        .set({
          officeHours: weekly,
          holidayRules: { ...DEFAULT_HOLIDAY_RULES, ...params.holidays },
          closedDays,
          calendarVersion: sql`${organisations.calendarVersion} + 1`,
          updatedAt: params.now,
        })
        .where(
          and(eq(organisations.id, params.organisationId), eq(organisations.calendarVersion, params.expectedVersion)),
        )
        .returning({ version: organisations.calendarVersion });
      if (!row) throw new StaleCalendar();
      for (const change of changedPromises) {
        await tx
          .update(channelGuidelines)
          .set(
            change.promise.unit === 'hours'
              ? { responseHours: change.promise.amount, updatedAt: params.now }
              : { responseDays: change.promise.amount, responseHours: null, updatedAt: params.now },
          )
          .where(and(eq(channelGuidelines.id, change.id), eq(channelGuidelines.organisationId, params.organisationId)));
      }
      await recordAudit(tx, {
        organisationId: params.organisationId,
        actorType: 'staff',
        actorId: params.actorId,
        at: params.now,
        action: 'office_calendar.changed',
        subjectType: 'organisation',
        subjectId: params.organisationId,
        details: {
          version: row.version,
          parts,
          ...(parts.includes('closed_days') ? { closedDays: closedDays.length } : {}),
          ...(changedPromises.length > 0
            ? {
                promises: changedPromises.map((p) => ({
                  key: before.promises.find((b) => b.id === p.id)!.key,
                  ...p.promise,
                })),
              }
            : {}),
        },
      });
      // The new hours or promise apply to everyone still waiting: their due time moves with it.
      const recomputed = parts.length > 0 ? await recomputeWaitingDueTimes(tx, params.organisationId) : 0;
      return { kind: 'saved' as const, version: row.version, parts, recomputed };
    });
  } catch (error) {
    if (!(error instanceof StaleCalendar)) throw error;
    return calendarStale(db, params.organisationId, params.expectedVersion);
  }
}

/** The refusal of a save made on `expected`: the saves since, newest first, by whom and what they changed. */
async function calendarStale(db: Db, organisationId: string, expected: number): Promise<CalendarSaveResult> {
  const [org] = await db
    .select({ version: organisations.calendarVersion })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  const current = org?.version ?? 1;
  const rows = await db
    .select({ at: auditLog.at, by: staffUsers.displayName, details: auditLog.details })
    .from(auditLog)
    .leftJoin(staffUsers, eq(staffUsers.id, auditLog.actorId))
    .where(
      and(
        eq(auditLog.organisationId, organisationId),
        eq(auditLog.action, 'office_calendar.changed'),
        sql`(${auditLog.details}->>'version')::int > ${expected}`,
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(MAX_CHANGES);
  return {
    kind: 'stale',
    version: current,
    changes: rows.map((row) => ({
      by: row.by,
      at: row.at,
      parts: Array.isArray(row.details['parts']) ? (row.details['parts'] as CalendarPart[]) : [],
    })),
  };
}
