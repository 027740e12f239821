/**
 * The stored response clock: when each item's promised response time ends
 * (`response_due_at` on submissions and social posts), from the channel's promise and the
 * organisation's opening-hours calendar. Stored, not computed per screen, so the inbox can
 * sort and page by time left, the overdue view and the nearly-late check are one indexed
 * range, and every screen shows the same time.
 *
 * Which promise: portal and widget input get the consultation's promise in working days
 * (the form told the resident that number), unless the channel's guideline promises hours;
 * a mirrored post gets its account's guideline, else its platform's, else the consultation's,
 * else five working days.
 */
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import {
  channelGuidelines,
  consultations,
  organisations,
  socialAuthors,
  socialPosts,
  socialThreads,
  staffReplies,
  submissions,
} from '../../db/schema.ts';
import { DEFAULT_CALENDAR, DEFAULT_HOLIDAY_RULES, DEFAULT_WEEKLY_HOURS, type OfficeCalendar } from './calendar.ts';
import { addOfficeMinutes, addWorkingDays } from './office-time.ts';

export type ResponsePromise = { unit: 'hours'; amount: number } | { unit: 'working_days'; amount: number };

/** A promise where nothing else says one. */
export const DEFAULT_PROMISE: ResponsePromise = { unit: 'working_days', amount: 5 };

/** States in which the resident still waits for the municipality. */
export const WAITING_STATES = ['new', 'in_review', 'escalated', 'needs_answer'] as const;

type Reader = Pick<Db, 'select'>;
type Writer = Pick<Db, 'select' | 'update' | 'execute'>;

/** The moment a promise made at `arrival` ends. */
export function dueAtFor(calendar: OfficeCalendar, arrival: Date, promise: ResponsePromise): Date {
  return promise.unit === 'hours'
    ? addOfficeMinutes(calendar, arrival, promise.amount * 60)
    : addWorkingDays(calendar, arrival, promise.amount);
}

/** The organisation's calendar; the defaults where it set nothing. */
export async function loadCalendar(db: Reader, organisationId: string): Promise<OfficeCalendar> {
  const [row] = await db
    .select({
      officeHours: organisations.officeHours,
      holidayRules: organisations.holidayRules,
      closedDays: organisations.closedDays,
      timeZone: organisations.timeZone,
    })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!row) return DEFAULT_CALENDAR;
  return {
    timeZone: row.timeZone,
    weekly: row.officeHours ?? DEFAULT_WEEKLY_HOURS,
    holidays: { ...DEFAULT_HOLIDAY_RULES, ...row.holidayRules },
    closedDays: row.closedDays,
  };
}

type Guideline = {
  key: string;
  channel: string;
  platform: string | null;
  responseDays: number;
  responseHours: number | null;
};

export async function loadGuidelines(db: Reader, organisationId: string): Promise<Guideline[]> {
  return db
    .select({
      key: channelGuidelines.key,
      channel: channelGuidelines.channel,
      platform: channelGuidelines.platform,
      responseDays: channelGuidelines.responseDays,
      responseHours: channelGuidelines.responseHours,
    })
    .from(channelGuidelines)
    .where(eq(channelGuidelines.organisationId, organisationId))
    .orderBy(guidelineOrder);
}

/**
 * Guidelines in the order "the platform's first guideline" is taken in: by key, byte by byte
 * (`collate "C"`), so every reader, and PGlite and PostgreSQL alike, take the same one.
 */
export const guidelineOrder = sql`${channelGuidelines.key} collate "C"`;

/** The promise a guideline makes: its office hours when it has them, else its working days. */
export function promiseOf(guideline: Guideline): ResponsePromise {
  return guideline.responseHours !== null
    ? { unit: 'hours', amount: guideline.responseHours }
    : { unit: 'working_days', amount: guideline.responseDays };
}

/** The promise for portal or widget input on a consultation. */
export function inputPromise(
  guidelines: readonly Guideline[],
  channel: string,
  consultationDays: number,
): ResponsePromise {
  const guideline = guidelines.find((g) => g.key === channel);
  if (guideline?.responseHours != null) return promiseOf(guideline);
  return { unit: 'working_days', amount: consultationDays };
}

/**
 * The guideline of a mirrored post's channel: the account it was written to, else the first
 * guideline of its platform (the promise and the four-eyes rule for answers read it alike).
 */
export function socialGuideline<G extends { key: string; channel: string; platform: string | null }>(
  guidelines: readonly G[],
  platform: string,
  account: string | null,
): G | undefined {
  const social = guidelines.filter((g) => g.channel === 'social');
  return (
    (account ? social.find((g) => g.key === `${platform}:${account}`) : undefined) ??
    social.find((g) => g.platform === platform)
  );
}

/** The promise for a mirrored post written to `account` on `platform`. */
export function socialPromise(
  guidelines: readonly Guideline[],
  platform: string,
  account: string | null,
  consultationDays: number | null,
): ResponsePromise {
  const guideline = socialGuideline(guidelines, platform, account);
  if (guideline) return promiseOf(guideline);
  return consultationDays === null ? DEFAULT_PROMISE : { unit: 'working_days', amount: consultationDays };
}

/** Submissions are read and written in batches of this many, so a large backlog never sits in memory. */
const BATCH = 500;

/**
 * Sets the due time of the organisation's submissions: those without one (`missing`, on
 * start: rows from before the clock was stored) or those still waiting (`waiting`: after a
 * promise or the calendar changed). An answered or decided item keeps its due time.
 * @returns how many were set
 */
export async function setSubmissionDueTimes(
  db: Writer,
  organisationId: string,
  which: 'missing' | 'waiting',
): Promise<number> {
  const [calendar, guidelines] = await Promise.all([
    loadCalendar(db, organisationId),
    loadGuidelines(db, organisationId),
  ]);
  let done = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db
      .select({
        id: submissions.id,
        channel: submissions.channel,
        createdAt: submissions.createdAt,
        days: consultations.responseDays,
      })
      .from(submissions)
      .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
      .where(
        and(
          eq(consultations.organisationId, organisationId),
          which === 'missing'
            ? isNull(submissions.responseDueAt)
            : inArray(submissions.reviewState, [...WAITING_STATES]),
          sql`${submissions.id} > ${after}::uuid`,
        ),
      )
      .orderBy(submissions.id)
      .limit(BATCH);
    if (rows.length === 0) return done;
    await writeDueTimes(
      db,
      submissions,
      rows.map((row) => ({
        id: row.id,
        due: dueAtFor(calendar, row.createdAt, inputPromise(guidelines, row.channel, row.days)),
      })),
    );
    done += rows.length;
    after = rows[rows.length - 1]!.id;
  }
}

/**
 * Sets the due time of the organisation's mirrored posts, as `setSubmissionDueTimes`; with
 * `threadId`, only that thread's (the sync calls it for the posts that just arrived).
 * @returns how many were set
 */
export async function setPostDueTimes(
  db: Writer,
  organisationId: string,
  which: 'missing' | 'waiting',
  threadId?: string,
): Promise<number> {
  const [calendar, guidelines] = await Promise.all([
    loadCalendar(db, organisationId),
    loadGuidelines(db, organisationId),
  ]);
  let done = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  const accounts = new Map<string, string | null>();
  for (;;) {
    const rows = await db
      .select({
        id: socialPosts.id,
        threadId: socialPosts.threadId,
        createdAt: socialPosts.createdAt,
        platform: socialThreads.platform,
        days: consultations.responseDays,
      })
      .from(socialPosts)
      .innerJoin(socialThreads, eq(socialThreads.id, socialPosts.threadId))
      .leftJoin(consultations, eq(consultations.id, socialThreads.consultationId))
      .leftJoin(socialAuthors, eq(socialAuthors.id, socialPosts.authorId))
      .where(
        and(
          eq(socialThreads.organisationId, organisationId),
          threadId ? eq(socialPosts.threadId, threadId) : undefined,
          // The municipality does not answer itself: its own posts get no clock.
          sql`not coalesce(${socialAuthors.isOwnAccount}, false)`,
          which === 'missing'
            ? isNull(socialPosts.responseDueAt)
            : inArray(socialPosts.reviewState, [...WAITING_STATES]),
          sql`${socialPosts.id} > ${after}::uuid`,
        ),
      )
      .orderBy(socialPosts.id)
      .limit(BATCH);
    if (rows.length === 0) return done;
    const dueTimes: DueTime[] = [];
    for (const row of rows) {
      if (!accounts.has(row.threadId)) accounts.set(row.threadId, await rootAccount(db, row.threadId));
      const promise = socialPromise(guidelines, row.platform, accounts.get(row.threadId) ?? null, row.days);
      dueTimes.push({ id: row.id, due: dueAtFor(calendar, row.createdAt, promise) });
    }
    await writeDueTimes(db, socialPosts, dueTimes);
    done += rows.length;
    after = rows[rows.length - 1]!.id;
  }
}

type DueTime = { id: string; due: Date };

/**
 * Writes a batch of due times in one statement (`UPDATE … FROM (VALUES …)`): a backlog of a
 * million waiting items is two thousand statements, not a million.
 */
async function writeDueTimes(db: Writer, table: typeof submissions | typeof socialPosts, rows: DueTime[]) {
  if (rows.length === 0) return;
  const values = sql.join(
    rows.map((row) => sql`(${row.id}::uuid, ${row.due.toISOString()}::timestamptz)`),
    sql`, `,
  );
  await db.execute(
    sql`update ${table} set response_due_at = batch.due from (values ${values}) as batch(id, due) where ${table.id} = batch.id`,
  );
}

/**
 * The handle of a thread's root author, the account the conversation was written to, as a
 * scalar subquery for `thread` (an id): the author of the thread's first post without a
 * parent by (position, id), whoever wrote it; null when that post has no author (erased) or
 * the author no handle. One row read per thread by (thread, position), so a thread whose
 * replies know no parent is not read whole, and every reader (the response promise, the
 * answer's approval rule, the queue, the insights) names the same account.
 */
export function rootAccountOf(thread: SQL): SQL<string | null> {
  return sql`(select a.handle from ${socialAuthors} a where a.id = (select p.author_id from ${socialPosts} p
    where p.thread_id = ${thread} and p.parent_external_id is null order by p.position, p.id limit 1))`;
}

/** The handle of each thread's root author (`rootAccountOf`); threads without one are left out. */
export async function rootAccounts(db: Pick<Db, 'execute'>, threadIds: string[]): Promise<Map<string, string>> {
  if (threadIds.length === 0) return new Map();
  const rows = rowsOf<{ thread_id: string; handle: string | null }>(
    await db.execute(sql`select t.id as thread_id, ${rootAccountOf(sql`t.id`)} as handle
      from unnest(${sql.param(threadIds)}::uuid[]) as t(id)`),
  );
  return new Map(rows.flatMap((r) => (r.handle === null ? [] : [[r.thread_id, r.handle] as const])));
}

/** The handle of the thread's root author (`rootAccountOf`). */
export async function rootAccount(db: Pick<Db, 'execute'>, threadId: string): Promise<string | null> {
  return (await rootAccounts(db, [threadId])).get(threadId) ?? null;
}

/**
 * After a promise or the calendar changed: every waiting item of the organisation gets the
 * due time the new promise gives (what the resident waits for now). Answered and decided
 * items keep theirs: they were measured against the promise of their time.
 */
export async function recomputeWaitingDueTimes(db: Writer, organisationId: string): Promise<number> {
  return (
    (await setSubmissionDueTimes(db, organisationId, 'waiting')) +
    (await setPostDueTimes(db, organisationId, 'waiting'))
  );
}

/**
 * The one-off after the migration that added the stored clock (run on every start, cheap when
 * nothing is missing): due times for rows without one, computed exactly with the calendar
 * rather than approximated in SQL; the first response from the earliest published answer and
 * the resolution from the last change of an item no longer waiting (the best record there is).
 * @returns how many rows got a due time
 */
export async function fillMissingClocks(db: Db): Promise<number> {
  const orgs = await db.select({ id: organisations.id }).from(organisations);
  let filled = 0;
  for (const org of orgs) {
    const input = await setSubmissionDueTimes(db, org.id, 'missing');
    const posts = await setPostDueTimes(db, org.id, 'missing');
    if (input > 0) {
      await db.execute(sql`update ${submissions} s set first_response_at = (
          select min(${staffReplies.publishedAt}) from ${staffReplies} where ${staffReplies.submissionId} = s.id)
        where s.first_response_at is null and exists (
          select 1 from ${staffReplies} where ${staffReplies.submissionId} = s.id and ${staffReplies.publishedAt} is not null)`);
      await db.execute(sql`update ${submissions} set resolved_at = updated_at
        where resolved_at is null and review_state in ('published', 'rejected', 'answered')`);
    }
    if (posts > 0) {
      await db.execute(sql`update ${socialPosts} set resolved_at = coalesce(published_at, created_at)
        where resolved_at is null and review_state in ('published', 'rejected', 'answered')`);
    }
    filled += input + posts;
  }
  return filled;
}
