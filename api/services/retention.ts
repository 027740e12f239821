/**
 * Retention: how long each kind of personal data is kept, and the purge that removes
 * what has expired. Periods are per organisation (`retention_policies`); without a row
 * the default below applies. The reasoning behind each default is in api/README.md.
 *
 * `purgeExpired` is idempotent: it only touches what is expired and not yet purged, so a
 * second run at the same moment changes nothing and logs nothing. Each organisation's
 * purge runs in one transaction with its audit-log entry. `runRetentionIfDue` makes sure
 * one process per deployment runs it per interval.
 */
import { and, eq, inArray, isNotNull, isNull, lt, lte, ne, notExists, notInArray, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { startBackgroundLoop } from './background-loop.ts';
import {
  auditLog,
  itemNotes,
  consultations,
  jobLeases,
  organisations,
  questions,
  retentionPolicies,
  socialAuthors,
  socialPosts,
  socialThreads,
  staffReplies,
  staffSessions,
  staffUsers,
  submissionAnswers,
  submissionContacts,
  outboxMessages,
  submissions,
} from '../db/schema.ts';
import { describeError } from '../lib/log-error.ts';
import { recordAudit } from './audit.ts';
import { forgetAttachedTexts, removeDeadCopies } from './erasure.ts';
import { forgetMailTo } from './mail.ts';
import { markContentChanged } from './content-revision.ts';
import { purgeRateLimitWindows } from './rate-limit.ts';
import { DEFAULT_LOGIN_THROTTLE, purgeLoginThrottles } from './auth/login-throttle.ts';
import { forgetExpiredSolutions } from './proof-of-work.ts';
import { deleteExpiredEmailLinks } from './email-links.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type RetentionKind = (typeof retentionPolicies.$inferSelect)['kind'];
export type RetentionPeriods = Record<RetentionKind, number>;

/**
 * Days each kind is kept, counted from the moment named in `RETENTION_STARTS`.
 * Reasoning in api/README.md ("Retention").
 */
export const DEFAULT_RETENTION_DAYS: RetentionPeriods = {
  contact_details: 90,
  input_text: 365,
  social_posts: 365,
  audit_log: 1826,
  staff_sessions: 30,
};

/** From when each period counts, for people (export, docs). */
export const RETENTION_STARTS: Record<RetentionKind, string> = {
  contact_details: 'the consultation closes or the last answer to the input is published, whichever is later',
  input_text: 'the consultation closes; applies to input that was never published (published input is public record)',
  social_posts: "the thread's last post or its consultation's closing, whichever is later",
  audit_log: 'the entry is written',
  staff_sessions: 'the session expires',
};

/** Rate-limit windows are counters, not records: a day is far longer than any window. */
const RATE_LIMIT_WINDOW_KEEP_MS = 24 * 60 * 60 * 1000;

/** Failed log-in counts live as long as the throttle remembers them. */
const LOGIN_THROTTLE_KEEP_MS = Math.max(
  DEFAULT_LOGIN_THROTTLE.address.forgetAfterMs,
  DEFAULT_LOGIN_THROTTLE.account.forgetAfterMs,
);

export type PurgeCounts = {
  /** Residents' names and e-mail addresses removed. */
  contactDetails: number;
  /** Open-text answers of never-published input removed. */
  inputTexts: number;
  /** Mirrored posts stripped of links to their author (raw payload, post URL, mentions, author). */
  socialPosts: number;
  /** Social-media accounts of residents removed once no post refers to them. */
  socialAuthors: number;
  auditEntries: number;
  staffSessions: number;
};

export type PurgeReport = {
  organisations: Array<{ organisationId: string; counts: PurgeCounts }>;
  rateLimitWindows: number;
};

const days = (n: number) => n * 24 * 60 * 60 * 1000;
const iso = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/** The periods that apply to an organisation: its own, else the defaults. */
export async function retentionPeriods(db: Db | Tx, organisationId: string): Promise<RetentionPeriods> {
  const rows = await db
    .select({ kind: retentionPolicies.kind, days: retentionPolicies.days })
    .from(retentionPolicies)
    .where(eq(retentionPolicies.organisationId, organisationId));
  const periods = { ...DEFAULT_RETENTION_DAYS };
  for (const row of rows) periods[row.kind] = row.days;
  return periods;
}

/** Sets an organisation's period for one kind (an administrator's choice). */
export async function setRetentionPeriod(
  db: Db,
  params: { organisationId: string; kind: RetentionKind; days: number; actorId?: string | null },
): Promise<void> {
  if (!Number.isInteger(params.days) || params.days < 1)
    throw new RangeError('A retention period is at least one day.');
  await db.transaction(async (tx) => {
    // The audit entry says what the period was before, so a privacy officer can follow every change.
    const before = (await retentionPeriods(tx, params.organisationId))[params.kind];
    await tx
      .insert(retentionPolicies)
      .values({ organisationId: params.organisationId, kind: params.kind, days: params.days })
      .onConflictDoUpdate({
        target: [retentionPolicies.organisationId, retentionPolicies.kind],
        set: { days: params.days, updatedAt: sql`now()` },
      });
    await recordAudit(tx, {
      organisationId: params.organisationId,
      actorType: params.actorId ? 'staff' : 'system',
      actorId: params.actorId ?? null,
      action: 'retention.policy_set',
      subjectType: 'retention_policy',
      subjectId: params.kind,
      details: { days: params.days, before },
    });
    // The privacy statement on the portal lists the periods: have it rebuilt.
    await markContentChanged(tx);
  });
}

/**
 * Deletes or anonymises everything whose retention period ended before `now`, per
 * organisation, and records what it did in the audit log (nothing done, nothing logged).
 *
 * @example
 * const report = await purgeExpired(db, new Date())
 */
export async function purgeExpired(db: Db, now: Date): Promise<PurgeReport> {
  const report: PurgeReport = { organisations: [], rateLimitWindows: 0 };
  const addresses: string[] = [];
  const orgs = await db.select({ id: organisations.id }).from(organisations);
  for (const { id } of orgs) {
    const counts = await db.transaction(async (tx) => {
      const periods = await retentionPeriods(tx, id);
      const counts = await purgeOrganisation(tx, id, periods, now, addresses);
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      if (total > 0) {
        await recordAudit(tx, {
          organisationId: id,
          at: now,
          actorType: 'system',
          action: 'retention.purged',
          subjectType: 'organisation',
          subjectId: id,
          details: { counts, periods },
        });
      }
      // The mirrors on the portal show authors: rebuild without them.
      if (counts.socialPosts > 0 || counts.socialAuthors > 0) await markContentChanged(tx);
      return counts;
    });
    report.organisations.push({ organisationId: id, counts });
  }
  report.rateLimitWindows = await purgeRateLimitWindows(db, new Date(now.getTime() - RATE_LIMIT_WINDOW_KEEP_MS));
  // Failed log-in counts (hashed addresses) that are forgotten anyway.
  await purgeLoginThrottles(db, new Date(now.getTime() - LOGIN_THROTTLE_KEEP_MS));
  // Used proof-of-work solutions whose challenge expired: a replay of one is refused as expired.
  await forgetExpiredSolutions(db, now);
  // E-mail links hold an address and are useless once expired; used ones go at the same moment.
  await deleteExpiredEmailLinks(db, now);
  await forgetMailTo(addresses);
  const purged = report.organisations.some(
    ({ counts }) => counts.contactDetails + counts.inputTexts + counts.socialPosts + counts.socialAuthors > 0,
  );
  if (purged) await removeDeadCopies(db);
  return report;
}

async function purgeOrganisation(
  tx: Tx,
  organisationId: string,
  periods: RetentionPeriods,
  now: Date,
  /** Collects the e-mail addresses removed, for the mail still waiting to them. */
  addresses: string[],
) {
  const cutoff = (kind: RetentionKind) => new Date(now.getTime() - days(periods[kind]));
  const counts: PurgeCounts = {
    contactDetails: 0,
    inputTexts: 0,
    socialPosts: 0,
    socialAuthors: 0,
    auditEntries: 0,
    staffSessions: 0,
  };

  // Contact details: needed while the municipality may still answer, then gone.
  const lastReply = sql`(select max(${staffReplies.publishedAt}) from ${staffReplies} where ${staffReplies.submissionId} = ${submissions.id})`;
  const contactsExpired = tx
    .select({ id: submissions.id })
    .from(submissions)
    .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
    .where(
      and(
        eq(consultations.organisationId, organisationId),
        sql`greatest(${consultations.closesAt}, coalesce(${lastReply}, ${consultations.closesAt})) < ${iso(cutoff('contact_details'))}`,
      ),
    );
  await tx.delete(outboxMessages).where(inArray(outboxMessages.submissionId, contactsExpired)); // mails hold the address
  const removedContacts = await tx
    .delete(submissionContacts)
    .where(inArray(submissionContacts.submissionId, contactsExpired))
    .returning({ email: submissionContacts.email });
  counts.contactDetails = removedContacts.length;
  for (const { email } of removedContacts) if (email) addresses.push(email);

  // Free text of input that never became public record. Choices hold no personal data.
  const unpublishedExpired = tx
    .select({ id: submissions.id })
    .from(submissions)
    .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
    .where(
      and(
        eq(consultations.organisationId, organisationId),
        isNull(submissions.publishedAt),
        lt(consultations.closesAt, cutoff('input_text')),
      ),
    );
  const openQuestions = tx.select({ id: questions.id }).from(questions).where(eq(questions.kind, 'open_text'));
  counts.inputTexts = (
    await tx
      .delete(submissionAnswers)
      .where(
        and(
          inArray(submissionAnswers.submissionId, unpublishedExpired),
          inArray(submissionAnswers.questionId, openQuestions),
        ),
      )
      .returning({ id: submissionAnswers.submissionId })
  ).length;
  // What was written about those texts expires with them: replies, reports, corrections,
  // moderators' notes and the screening record's redacted copy (erasure.ts).
  const expiredIds = (await unpublishedExpired).map((row) => row.id);
  await forgetAttachedTexts(tx, { organisationId, submissionIds: expiredIds, now });
  // Nothing is left to review: the item leaves the open queue and shows as erased there, and a
  // page opened before the purge is stale. Status and choices stay for the statistics.
  if (expiredIds.length > 0) {
    await tx
      .update(submissions)
      .set({ reviewState: 'erased', version: sql`${submissions.version} + 1`, updatedAt: now })
      .where(and(inArray(submissions.id, expiredIds), ne(submissions.reviewState, 'erased')));
  }
  // An answer mail quotes the reply that just went; the contact period may end later.
  if (expiredIds.length > 0) await tx.delete(outboxMessages).where(inArray(outboxMessages.submissionId, expiredIds));

  // Mirrored threads: after the period, posts keep their words but lose every link to a
  // person who is not an official account, and the thread is no longer re-read (a re-sync
  // would bring the links back).
  const lastPost = sql`(select max(${socialPosts.postedAt}) from ${socialPosts} where ${socialPosts.threadId} = ${socialThreads.id})`;
  const closes = sql`(select ${consultations.closesAt} from ${consultations} where ${consultations.id} = ${socialThreads.consultationId})`;
  const expiredThreads = tx
    .select({ id: socialThreads.id })
    .from(socialThreads)
    .where(
      and(
        eq(socialThreads.organisationId, organisationId),
        sql`greatest(${lastPost}, coalesce(${closes}, ${lastPost})) < ${iso(cutoff('social_posts'))}`,
      ),
    );
  await tx
    .update(socialThreads)
    .set({ nextSyncAt: null })
    .where(and(inArray(socialThreads.id, expiredThreads), isNotNull(socialThreads.nextSyncAt)));
  const officialAuthors = tx
    .select({ id: socialAuthors.id })
    .from(socialAuthors)
    .where(eq(socialAuthors.isOfficial, true));
  const residentPost = or(isNull(socialPosts.authorId), notInArray(socialPosts.authorId, officialAuthors));
  const stripped = await tx
    .update(socialPosts)
    .set({ authorId: null, raw: null, url: null, mentions: [] })
    .where(
      and(
        inArray(socialPosts.threadId, expiredThreads),
        residentPost,
        or(
          isNotNull(socialPosts.authorId),
          isNotNull(socialPosts.raw),
          isNotNull(socialPosts.url),
          sql`${socialPosts.mentions} <> '[]'::jsonb`,
        ),
      ),
    )
    .returning({ id: socialPosts.id });
  counts.socialPosts = stripped.length;
  // Staff's notes on those posts may name the person the post no longer links to.
  const expiredPosts = tx
    .select({ id: socialPosts.id })
    .from(socialPosts)
    .where(and(inArray(socialPosts.threadId, expiredThreads), residentPost));
  await tx.delete(itemNotes).where(inArray(itemNotes.socialPostId, expiredPosts));
  // Accounts no post refers to any more. Authors are shared between organisations'
  // threads, so only an author nobody's thread uses is removed.
  counts.socialAuthors = (
    await tx
      .delete(socialAuthors)
      .where(
        and(
          eq(socialAuthors.isOfficial, false),
          notExists(
            tx
              .select({ one: sql`1` })
              .from(socialPosts)
              .where(eq(socialPosts.authorId, socialAuthors.id)),
          ),
        ),
      )
      .returning({ id: socialAuthors.id })
  ).length;

  // The audit log refuses deletes (migration 0006) unless the purge says so, for this transaction only.
  await tx.execute(sql`select set_config('podium.audit_retention', 'on', true)`);
  counts.auditEntries = (
    await tx
      .delete(auditLog)
      .where(and(eq(auditLog.organisationId, organisationId), lt(auditLog.at, cutoff('audit_log'))))
      .returning({ id: auditLog.id })
  ).length;

  const staffOfOrganisation = tx
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(eq(staffUsers.organisationId, organisationId));
  counts.staffSessions = (
    await tx
      .delete(staffSessions)
      .where(
        and(
          inArray(staffSessions.staffUserId, staffOfOrganisation),
          lt(staffSessions.expiresAt, cutoff('staff_sessions')),
        ),
      )
      .returning({ id: staffSessions.id })
  ).length;

  return counts;
}

export const RETENTION_JOB = 'retention-purge';

/**
 * Runs the purge when this process wins the interval: one conditional UPDATE moves the
 * job's `next_run_at` forward, and only the process whose UPDATE matched runs it. Works
 * the same on PGlite and on a PostgreSQL server behind several API processes.
 *
 * @returns the report when this process ran the purge, undefined when another did or it is not due
 */
export async function runRetentionIfDue(
  db: Db,
  params: { now: Date; everyMs: number },
): Promise<PurgeReport | undefined> {
  const { now, everyMs } = params;
  await db.insert(jobLeases).values({ name: RETENTION_JOB, nextRunAt: now }).onConflictDoNothing();
  const claimed = await db
    .update(jobLeases)
    .set({ nextRunAt: new Date(now.getTime() + everyMs), lastRunAt: now })
    .where(and(eq(jobLeases.name, RETENTION_JOB), lte(jobLeases.nextRunAt, now)))
    .returning({ name: jobLeases.name });
  if (claimed.length === 0) return undefined;
  return purgeExpired(db, now);
}

export type RetentionLoopOptions = {
  everyMs: number;
  log?: (message: string) => void;
  clock?: () => Date;
};

/**
 * Checks every minute (or every `everyMs`, if shorter) whether the purge is due; every
 * process may run this loop, `runRetentionIfDue` lets one of them do the work.
 */
export function startRetentionLoop(db: Db, options: RetentionLoopOptions): () => Promise<void> {
  const { everyMs, log = () => {}, clock = () => new Date() } = options;
  return startBackgroundLoop(
    'retention-purge',
    async () => {
      try {
        const report = await runRetentionIfDue(db, { now: clock(), everyMs });
        for (const { organisationId, counts } of report?.organisations ?? []) {
          const done = Object.entries(counts).filter(([, n]) => n > 0);
          if (done.length > 0)
            log(`Retention purge (${organisationId}): ${done.map(([kind, n]) => `${n} ${kind}`).join(', ')}`);
        }
      } catch (error) {
        log(`Retention purge failed: ${describeError(error)}`);
        throw error;
      }
    },
    Math.min(everyMs, 60_000),
  );
}
