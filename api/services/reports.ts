/**
 * Residents report published input that breaks a house rule. Once an item has as many
 * open reports as its organisation's threshold, it goes offline and back into the queue
 * ("in review") until a moderator decides; that decision closes its reports.
 */
import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { consultations, houseRules, organisations, submissionReports, submissions } from '../db/schema.ts';
import { recordAudit } from './audit.ts';
import { markContentChanged } from './content-revision.ts';

export const OTHER_REASON = 'other';

export type ReportResult = { kind: 'received'; hidden: boolean } | { kind: 'not_found' } | { kind: 'unknown_reason' };

type Writer = Pick<Db, 'update'>;

export async function reportSubmission(
  db: Db,
  params: { submissionId: string; reason: string; note?: string | undefined; now: Date },
): Promise<ReportResult> {
  const [row] = await db
    .select({
      submission: submissions,
      organisationId: consultations.organisationId,
      threshold: organisations.reportThreshold,
    })
    .from(submissions)
    .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
    .innerJoin(organisations, eq(organisations.id, consultations.organisationId))
    .where(eq(submissions.id, params.submissionId))
    .limit(1);
  // Only what the public can see can be reported; anything else does not exist for them.
  if (!row || !['published', 'answered'].includes(row.submission.status)) return { kind: 'not_found' };

  if (params.reason !== OTHER_REASON) {
    const [rule] = await db
      .select({ id: houseRules.id })
      .from(houseRules)
      .where(
        and(
          eq(houseRules.organisationId, row.organisationId),
          eq(houseRules.code, params.reason),
          isNull(houseRules.retiredAt),
        ),
      )
      .limit(1);
    if (!rule) return { kind: 'unknown_reason' };
  }

  const hidden = await db.transaction(async (tx) => {
    await tx.insert(submissionReports).values({
      submissionId: row.submission.id,
      reason: params.reason,
      note: params.note?.trim() || null,
      createdAt: params.now,
    });
    await recordAudit(tx, {
      organisationId: row.organisationId,
      actorType: 'resident',
      action: 'submission.reported',
      subjectType: 'submission',
      subjectId: row.submission.id,
      details: { reason: params.reason },
    });
    const [open] = await tx
      .select({ n: count() })
      .from(submissionReports)
      .where(and(eq(submissionReports.submissionId, row.submission.id), isNull(submissionReports.handledAt)));
    if ((open?.n ?? 0) < row.threshold) return false;
    // Conditional on the status, so two reports at once hide the item (and log it) once.
    const changed = await tx
      .update(submissions)
      .set({ status: 'in_moderation', reviewState: 'in_review', updatedAt: params.now })
      .where(and(eq(submissions.id, row.submission.id), inArray(submissions.status, ['published', 'answered'])))
      .returning({ id: submissions.id });
    if (changed.length === 0) return false;
    await recordAudit(tx, {
      organisationId: row.organisationId,
      actorType: 'system',
      action: 'submission.hidden_after_reports',
      subjectType: 'submission',
      subjectId: row.submission.id,
      details: { reports: open?.n ?? 0, threshold: row.threshold },
    });
    await markContentChanged(tx);
    return true;
  });
  return { kind: 'received', hidden };
}

/** A moderator's decision answers every open report on the item. */
export async function closeReports(db: Writer, submissionId: string, now: Date): Promise<void> {
  await db
    .update(submissionReports)
    .set({ handledAt: now })
    .where(and(eq(submissionReports.submissionId, submissionId), isNull(submissionReports.handledAt)));
}

/** Open reports per item, for the queue. */
export async function openReportCounts(db: Db, submissionIds: string[]): Promise<Map<string, number>> {
  if (submissionIds.length === 0) return new Map();
  const rows = await db
    .select({ id: submissionReports.submissionId, n: count() })
    .from(submissionReports)
    .where(and(inArray(submissionReports.submissionId, submissionIds), isNull(submissionReports.handledAt)))
    .groupBy(submissionReports.submissionId);
  return new Map(rows.map((row) => [row.id, row.n]));
}
