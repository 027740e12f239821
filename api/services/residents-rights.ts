/**
 * Residents' rights under the GDPR/AVG for input given with a follow-up code: a copy of
 * everything Podium holds about the input (art. 15/20), and erasure (art. 17).
 *
 * The follow-up code is the only proof a resident has, so whoever holds it may do both;
 * the routes rate-limit these calls and nothing here logs the code.
 *
 * Erasure removes the answers, the contact details and every text attached to the input
 * (erasure.ts: replies, reports, sentiment corrections, moderators' notes), and keeps a
 * tombstone: the submission row with status `erased`, its dates and `erased_at`; the audit
 * log shows that it was received, answered and erased, never what it said. Published input
 * leaves the portal: `published_at` is cleared and the content revision bumped, so every
 * server rebuilds the static site without it.
 */
import { forgetSubmissionMail } from './notifications/outbox.ts';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  auditLog,
  consultations,
  questions,
  staffReplies,
  submissionAnswers,
  submissionContacts,
  submissions,
  type AnswerValue,
  type LocalizedText,
} from '../db/schema.ts';
import { recordAudit } from './audit.ts';
import { markContentChanged } from './content-revision.ts';
import { forgetAttachedTexts, removeDeadCopies } from './erasure.ts';
import { forgetMailTo } from './mail.ts';
import { RETENTION_STARTS, retentionPeriods } from './retention.ts';

export type SubmissionExport = {
  format: 'podium.submission-export/1';
  exportedAt: string;
  submission: {
    code: string;
    status: string;
    channel: string;
    language: string;
    submittedAt: string;
    updatedAt: string;
    publishedAt: string | null;
    erasedAt: string | null;
    moderationReason: LocalizedText | null;
    moderationRule: string | null;
  };
  consultation: { slug: string; title: LocalizedText; closesAt: string };
  answers: Array<{ question: string; prompt: LocalizedText; value: AnswerValue }>;
  contact: {
    name: string | null;
    email: string | null;
    consentToContact: boolean;
    consentGivenAt: string | null;
    consentVersion: string | null;
  } | null;
  replies: Array<{ language: string; body: string; createdAt: string; publishedAt: string | null }>;
  /** What happened to the input, from the audit log. */
  history: Array<{ at: string; action: string; by: string }>;
  retention: Array<{ kind: string; days: number; from: string }>;
};

type Found = { submission: typeof submissions.$inferSelect; consultation: typeof consultations.$inferSelect };

async function findByCode(db: Db, code: string): Promise<Found | undefined> {
  // An index lookup on a 56-bit random code, behind a rate limit: its timing tells an
  // attacker nothing usable, so no separate constant-time comparison is needed.
  const [row] = await db
    .select({ submission: submissions, consultation: consultations })
    .from(submissions)
    .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
    .where(eq(submissions.followUpCode, code))
    .limit(1);
  return row;
}

/** Everything Podium holds about the input with this code; undefined when there is none. */
export async function exportSubmission(
  db: Db,
  code: string,
  now: Date,
  actor: RightsActor = { type: 'resident' },
): Promise<SubmissionExport | undefined> {
  const found = await findByCode(db, code);
  if (!found) return undefined;
  const { submission, consultation } = found;
  const answers = await db
    .select({ key: questions.key, prompt: questions.prompt, value: submissionAnswers.value })
    .from(submissionAnswers)
    .innerJoin(questions, eq(questions.id, submissionAnswers.questionId))
    .where(eq(submissionAnswers.submissionId, submission.id))
    .orderBy(asc(questions.position));
  const [contact] = await db
    .select()
    .from(submissionContacts)
    .where(eq(submissionContacts.submissionId, submission.id));
  const replies = await db
    .select()
    .from(staffReplies)
    .where(eq(staffReplies.submissionId, submission.id))
    .orderBy(asc(staffReplies.createdAt));
  const history = await db
    .select({ at: auditLog.at, action: auditLog.action, actorType: auditLog.actorType })
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, 'submission'), eq(auditLog.subjectId, submission.id)))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
  const periods = await retentionPeriods(db, consultation.organisationId);

  const result: SubmissionExport = {
    format: 'podium.submission-export/1',
    exportedAt: now.toISOString(),
    submission: {
      code: submission.followUpCode,
      status: submission.status,
      channel: submission.channel,
      language: submission.language,
      submittedAt: submission.createdAt.toISOString(),
      updatedAt: submission.updatedAt.toISOString(),
      publishedAt: submission.publishedAt?.toISOString() ?? null,
      erasedAt: submission.erasedAt?.toISOString() ?? null,
      moderationReason: submission.moderationReason,
      moderationRule: submission.moderationRule,
    },
    consultation: { slug: consultation.slug, title: consultation.title, closesAt: consultation.closesAt.toISOString() },
    answers: answers.map((a) => ({ question: a.key, prompt: a.prompt, value: a.value })),
    contact: contact
      ? {
          name: contact.name,
          email: contact.email,
          consentToContact: contact.consentToContact,
          consentGivenAt: contact.consentGivenAt?.toISOString() ?? null,
          consentVersion: contact.consentVersion,
        }
      : null,
    replies: replies.map((r) => ({
      language: r.language,
      body: r.body,
      createdAt: r.createdAt.toISOString(),
      publishedAt: r.publishedAt?.toISOString() ?? null,
    })),
    history: history.map((h) => ({ at: h.at.toISOString(), action: h.action, by: h.actorType })),
    retention: (['contact_details', 'input_text'] as const).map((kind) => ({
      kind,
      days: periods[kind],
      from: RETENTION_STARTS[kind],
    })),
  };
  await recordAudit(db, {
    organisationId: consultation.organisationId,
    at: now,
    actorType: actor.type,
    actorId: actor.type === 'staff' ? actor.id : null,
    action: 'submission.exported',
    subjectType: 'submission',
    subjectId: submission.id,
    details: actor.type !== 'resident' && actor.reference ? { reference: actor.reference } : {},
  });
  return result;
}

export type EraseResult =
  | { kind: 'erased'; erasedAt: Date; removed: { answers: number; contactDetails: boolean }; wasPublished: boolean }
  | { kind: 'already_erased'; erasedAt: Date }
  | { kind: 'not_found' };

/** Who asked: the resident with their code, staff handling a request, or an operator's command. */
export type RightsActor =
  { type: 'resident' } | { type: 'staff'; id: string; reference?: string } | { type: 'system'; reference?: string };

/**
 * Erases the input with this code (or, for staff, this id). Idempotent: a second call
 * reports the first erasure.
 */
export async function eraseSubmission(
  db: Db,
  params: ({ code: string } | { id: string }) & {
    now: Date;
    actor?: RightsActor;
    /** False when the caller erases more and removes the dead copies once at the end. */
    removeDeadCopies?: boolean;
  },
): Promise<EraseResult> {
  const { now } = params;
  const actor = params.actor ?? { type: 'resident' };
  const match = 'code' in params ? eq(submissions.followUpCode, params.code) : eq(submissions.id, params.id);
  const addresses: string[] = [];
  const result = await db.transaction(async (tx): Promise<EraseResult> => {
    const [row] = await tx
      .select({ submission: submissions, organisationId: consultations.organisationId })
      .from(submissions)
      .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
      .where(match)
      .for('update', { of: submissions });
    if (!row) return { kind: 'not_found' };
    const { submission, organisationId } = row;
    if (submission.erasedAt) return { kind: 'already_erased', erasedAt: submission.erasedAt };

    // First: the e-mail address still finds the links asked for with it.
    const forgotten = await forgetAttachedTexts(tx, { organisationId, submissionIds: [submission.id], now });
    const answers = await tx
      .delete(submissionAnswers)
      .where(eq(submissionAnswers.submissionId, submission.id))
      .returning({ id: submissionAnswers.questionId });
    const contacts = await tx
      .delete(submissionContacts)
      .where(eq(submissionContacts.submissionId, submission.id))
      .returning({ id: submissionContacts.submissionId, email: submissionContacts.email });
    for (const { email } of contacts) if (email) addresses.push(email);
    await forgetSubmissionMail(tx, submission.id); // its mails hold the address and the resident's words
    const wasPublished = submission.publishedAt !== null;
    await tx
      .update(submissions)
      // The request hash is derived from the text and the e-mail address. The idempotency
      // key stays: a late retry of the same request then meets a conflict instead of
      // storing the erased input again. The sentiment label was read from the words.
      .set({
        status: 'erased',
        reviewState: 'erased',
        erasedAt: now,
        publishedAt: null,
        requestHash: null,
        sentiment: null,
        updatedAt: now,
        // A page opened before the erasure is stale: nothing saved from it lands on the tombstone.
        version: sql`${submissions.version} + 1`,
      })
      .where(eq(submissions.id, submission.id));
    await recordAudit(tx, {
      organisationId,
      at: now,
      actorType: actor.type,
      actorId: actor.type === 'staff' ? actor.id : null,
      action: 'submission.erased',
      subjectType: 'submission',
      subjectId: submission.id,
      details: {
        answers: answers.length,
        contactDetails: contacts.length > 0,
        ...forgotten,
        wasPublished,
        ...(actor.type !== 'resident' && actor.reference ? { reference: actor.reference } : {}),
      },
    });
    if (wasPublished) await markContentChanged(tx);
    return {
      kind: 'erased',
      erasedAt: now,
      removed: { answers: answers.length, contactDetails: contacts.length > 0 },
      wasPublished,
    };
  });
  if (result.kind === 'erased') {
    await forgetMailTo(addresses);
    if (params.removeDeadCopies !== false) await removeDeadCopies(db);
  }
  return result;
}
