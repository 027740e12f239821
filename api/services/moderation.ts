/**
 * The moderation queue and the decisions staff take on it. Every decision is written to
 * the audit log in the same transaction as the change, with the house rule it cites.
 */
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  auditLog,
  consultations,
  houseRules,
  questions,
  type reviewState,
  submissionAnswers,
  submissions,
  type AnswerValue,
  type ChoiceOption,
  type LocalizedText,
  type ScreeningRecord,
} from '../db/schema.ts';
import { recordAudit } from './audit.ts';
import { can, visibleDepartments, type RoleGrant } from './auth/roles.ts';

export type ReviewState = (typeof reviewState.enumValues)[number];

/** States in which an item waits for a moderator. */
export const OPEN_STATES: readonly ReviewState[] = ['new', 'in_review', 'escalated'];

export type Decision = 'publish' | 'reject' | 'needs_answer';
export const DECISIONS: readonly Decision[] = ['publish', 'reject', 'needs_answer'];

export type HouseRule = typeof houseRules.$inferSelect;

export type QueueItem = {
  id: string;
  reviewState: ReviewState;
  channel: string;
  language: 'nl' | 'en';
  createdAt: Date;
  consultation: { slug: string; title: LocalizedText };
  answers: Array<{
    question: string;
    kind: string;
    prompt: LocalizedText;
    value: AnswerValue;
    options: ChoiceOption[];
  }>;
  screening: ScreeningRecord | null;
};

export type Viewer = { organisationId: string; roles: readonly RoleGrant[] };

/** Items in the given states that the viewer may see, oldest first (first in, first out). */
export async function listQueue(
  db: Db,
  viewer: Viewer,
  filter: { states?: readonly ReviewState[]; limit?: number } = {},
): Promise<QueueItem[]> {
  const departments = visibleDepartments(viewer.roles);
  if (!can(viewer.roles, 'queue.read') || (departments !== 'all' && departments.length === 0)) return [];
  const conditions: SQL[] = [
    eq(consultations.organisationId, viewer.organisationId),
    inArray(submissions.reviewState, [...(filter.states ?? OPEN_STATES)]),
  ];
  if (departments !== 'all') conditions.push(inArray(consultations.departmentId, departments));
  const rows = await db
    .select({ submission: submissions, consultation: consultations })
    .from(submissions)
    .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
    .where(and(...conditions))
    .orderBy(asc(submissions.createdAt))
    .limit(filter.limit ?? 100);
  if (rows.length === 0) return [];

  const answers = await db
    .select({
      submissionId: submissionAnswers.submissionId,
      key: questions.key,
      kind: questions.kind,
      prompt: questions.prompt,
      options: questions.options,
      value: submissionAnswers.value,
    })
    .from(submissionAnswers)
    .innerJoin(questions, eq(questions.id, submissionAnswers.questionId))
    .where(
      inArray(
        submissionAnswers.submissionId,
        rows.map((row) => row.submission.id),
      ),
    )
    .orderBy(asc(questions.position));

  return rows.map(({ submission, consultation }) => ({
    id: submission.id,
    reviewState: submission.reviewState,
    channel: submission.channel,
    language: submission.language,
    createdAt: submission.createdAt,
    consultation: { slug: consultation.slug, title: consultation.title },
    answers: answers
      .filter((a) => a.submissionId === submission.id)
      .map((a) => ({ question: a.key, kind: a.kind, prompt: a.prompt, value: a.value, options: a.options ?? [] })),
    screening: submission.screening,
  }));
}

export async function listHouseRules(db: Db, organisationId: string): Promise<HouseRule[]> {
  return db
    .select()
    .from(houseRules)
    .where(eq(houseRules.organisationId, organisationId))
    .orderBy(asc(houseRules.position));
}

export type DecisionResult =
  | { kind: 'decided'; state: ReviewState }
  | { kind: 'not_found' }
  | { kind: 'forbidden' }
  | { kind: 'rule_required' }
  | { kind: 'unknown_rule' }
  | { kind: 'already_decided'; state: ReviewState };

/**
 * Publishes, rejects (citing a house rule) or publishes and routes to webcare for an answer.
 *
 * An item that was answered is final here. Rejecting a published item takes it down;
 * the resident reads the house rule on their follow-up page.
 */
export async function decide(
  db: Db,
  params: {
    itemId: string;
    decision: Decision;
    ruleCode?: string | undefined;
    note?: string | undefined;
    actor: { id: string; organisationId: string; roles: readonly RoleGrant[] };
    now: Date;
  },
): Promise<DecisionResult> {
  const { actor, now } = params;
  if (!can(actor.roles, 'queue.decide')) return { kind: 'forbidden' };
  const [row] = await db
    .select({ submission: submissions, consultation: consultations })
    .from(submissions)
    .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
    .where(and(eq(submissions.id, params.itemId), eq(consultations.organisationId, actor.organisationId)))
    .limit(1);
  if (!row) return { kind: 'not_found' };
  const from = row.submission.reviewState;

  let rule: HouseRule | undefined;
  if (params.decision === 'reject') {
    if (!params.ruleCode) return { kind: 'rule_required' };
    [rule] = await db
      .select()
      .from(houseRules)
      .where(and(eq(houseRules.organisationId, actor.organisationId), eq(houseRules.code, params.ruleCode)))
      .limit(1);
    if (!rule) return { kind: 'unknown_rule' };
  }

  const to: ReviewState =
    params.decision === 'publish' ? 'published' : params.decision === 'reject' ? 'rejected' : 'needs_answer';
  if (from === 'answered' || from === to) return { kind: 'already_decided', state: from };

  const changes: Partial<typeof submissions.$inferInsert> =
    params.decision === 'reject'
      ? {
          status: 'rejected',
          reviewState: to,
          publishedAt: null,
          moderationReason: {
            nl: `Niet geplaatst: in strijd met huisregel ${rule!.position}, ${rule!.title.nl}.`,
            en: `Not published: against house rule ${rule!.position}, ${rule!.title.en ?? rule!.title.nl}.`,
          },
        }
      : {
          status: 'published',
          reviewState: to,
          publishedAt: row.submission.publishedAt ?? now,
          moderationReason: null,
        };

  await db.transaction(async (tx) => {
    await tx
      .update(submissions)
      .set({ ...changes, updatedAt: now })
      .where(eq(submissions.id, row.submission.id));
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorType: 'staff',
      actorId: actor.id,
      at: now,
      action: 'submission.decision',
      subjectType: 'submission',
      subjectId: row.submission.id,
      details: {
        decision: params.decision,
        from,
        to,
        ...(rule ? { houseRule: rule.code } : {}),
        ...(params.note ? { note: params.note } : {}),
      },
    });
  });
  return { kind: 'decided', state: to };
}

/** The newest decisions on an item, for the audit trail shown next to it. */
export async function decisionsOn(db: Db, itemId: string): Promise<Array<typeof auditLog.$inferSelect>> {
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.subjectType, 'submission'),
        eq(auditLog.subjectId, itemId),
        eq(auditLog.action, 'submission.decision'),
      ),
    )
    .orderBy(desc(auditLog.id));
}
