/**
 * The moderation queue and the decisions staff take on it. Every decision is written to
 * the audit log in the same transaction as the change, with the house rule it cites.
 */
import { and, isNull, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  consultations,
  departments,
  houseRules,
  topics,
  questions,
  type reviewState,
  submissionAnswers,
  submissions,
  type AnswerValue,
  type ChoiceOption,
  type LocalizedText,
  type ScreeningRecord,
  type SentimentRecord,
} from '../db/schema.ts';
import { recordAudit } from './audit.ts';
import { markContentChanged } from './content-revision.ts';
import { can, visibleDepartments, type RoleGrant } from './auth/roles.ts';
import type { FlagCategory } from './screening/types.ts';
import { closeReports, openReportCounts } from './reports.ts';
import { addWorkingDays } from './working-days.ts';
import { decideSocialPost, listSocialQueue, mergeQueues, type SocialSource } from './social/moderation-source.ts';

export type ReviewState = (typeof reviewState.enumValues)[number];

/** States in which an item waits for a moderator. */
export const OPEN_STATES: readonly ReviewState[] = ['new', 'in_review', 'escalated'];

/** `escalate` is not final: the item stays in the queue, marked for a senior colleague. */
export type Decision = 'publish' | 'reject' | 'needs_answer' | 'escalate';
export const DECISIONS: readonly Decision[] = ['publish', 'reject', 'needs_answer', 'escalate'];

const TARGET_STATE: Record<Decision, ReviewState> = {
  publish: 'published',
  reject: 'rejected',
  needs_answer: 'needs_answer',
  escalate: 'escalated',
};

export type HouseRule = typeof houseRules.$inferSelect;

export type QueueItem = {
  id: string;
  reviewState: ReviewState;
  channel: string;
  language: 'nl' | 'en';
  createdAt: Date;
  /** When the promised response time ends. */
  dueAt: Date;
  consultation: { slug: string; title: LocalizedText };
  answers: Array<{
    question: string;
    kind: string;
    prompt: LocalizedText;
    value: AnswerValue;
    options: ChoiceOption[];
  }>;
  screening: ScreeningRecord | null;
  /** As computed on arrival, or as a member of staff corrected it. */
  sentiment: SentimentRecord | null;
  /** Reports by residents that no moderator has answered yet. */
  openReports: number;
  /** Who answers it (webcare routing). */
  assignedDepartmentId: string | null;
  assignedStaffUserId: string | null;
  /** Set for mirrored social-media posts: the platform, account and post they come from. */
  source?: SocialSource;
};

export type Viewer = { organisationId: string; roles: readonly RoleGrant[] };

export type QueueFilter = {
  states?: readonly ReviewState[] | undefined;
  channel?: 'portal' | 'widget' | 'social' | undefined;
  consultation?: string | undefined;
  topic?: string | undefined;
  department?: string | undefined;
  /** Only items with at least one screening flag of this category. */
  flag?: FlagCategory | undefined;
  /** Only items whose promised response time has passed. */
  overdue?: boolean | undefined;
  /** Only items assigned to this staff user. */
  assignedTo?: string | undefined;
  /** Only this item. */
  itemId?: string | undefined;
  now?: Date;
  limit?: number;
};

/** Items that match the filter and that the viewer may see, oldest first (first in, first out). */
export async function listQueue(db: Db, viewer: Viewer, filter: QueueFilter = {}): Promise<QueueItem[]> {
  const [input, social] = [await listInputQueue(db, viewer, filter), await listSocialQueue(db, viewer, filter)];
  return mergeQueues(input, social, filter.limit ?? 100);
}

/** Portal and widget input. */
async function listInputQueue(db: Db, viewer: Viewer, filter: QueueFilter): Promise<QueueItem[]> {
  const visible = visibleDepartments(viewer.roles);
  if (!can(viewer.roles, 'queue.read') || (visible !== 'all' && visible.length === 0)) return [];
  const conditions: SQL[] = [
    eq(consultations.organisationId, viewer.organisationId),
    inArray(submissions.reviewState, [...(filter.states ?? OPEN_STATES)]),
    // Erased at the resident's request: nothing left to moderate.
    isNull(submissions.erasedAt),
  ];
  // A department sees its own consultations and whatever is routed to it.
  if (visible !== 'all') {
    conditions.push(
      or(inArray(consultations.departmentId, visible), inArray(submissions.assignedDepartmentId, visible))!,
    );
  }
  if (filter.channel) conditions.push(eq(submissions.channel, filter.channel));
  if (filter.consultation) conditions.push(eq(consultations.slug, filter.consultation));
  if (filter.topic) conditions.push(eq(topics.slug, filter.topic));
  if (filter.department) {
    const routedTo = db.select({ id: departments.id }).from(departments).where(eq(departments.slug, filter.department));
    conditions.push(or(eq(departments.slug, filter.department), inArray(submissions.assignedDepartmentId, routedTo))!);
  }
  if (filter.assignedTo) conditions.push(eq(submissions.assignedStaffUserId, filter.assignedTo));
  if (filter.itemId) conditions.push(eq(submissions.id, filter.itemId));
  if (filter.flag) {
    // jsonb containment: some field has some flag of this category.
    const probe = JSON.stringify({ fields: [{ flags: [{ category: filter.flag }] }] });
    conditions.push(sql`${submissions.screening} @> ${probe}::jsonb`);
  }
  const rows = await db
    .select({ submission: submissions, consultation: consultations })
    .from(submissions)
    .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
    .innerJoin(topics, eq(topics.id, consultations.topicId))
    .leftJoin(departments, eq(departments.id, consultations.departmentId))
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

  const now = filter.now ?? new Date();
  const reports = await openReportCounts(
    db,
    rows.map((row) => row.submission.id),
  );
  const items = rows.map(({ submission, consultation }) => ({
    id: submission.id,
    reviewState: submission.reviewState,
    channel: submission.channel,
    language: submission.language,
    createdAt: submission.createdAt,
    dueAt: addWorkingDays(submission.createdAt, consultation.responseDays),
    consultation: { slug: consultation.slug, title: consultation.title },
    answers: answers
      .filter((a) => a.submissionId === submission.id)
      .map((a) => ({ question: a.key, kind: a.kind, prompt: a.prompt, value: a.value, options: a.options ?? [] })),
    screening: submission.screening,
    sentiment: submission.sentiment,
    openReports: reports.get(submission.id) ?? 0,
    assignedDepartmentId: submission.assignedDepartmentId,
    assignedStaffUserId: submission.assignedStaffUserId,
  }));
  // Working days are counted in code, so "overdue" is filtered here rather than in SQL.
  return filter.overdue ? items.filter((item) => item.dueAt < now) : items;
}

/** What the filter form offers: the topics, consultations and departments of the organisation. */
export async function queueFilterOptions(db: Db, organisationId: string) {
  const consultationRows = await db
    .select({ slug: consultations.slug, title: consultations.title })
    .from(consultations)
    .where(eq(consultations.organisationId, organisationId))
    .orderBy(asc(consultations.slug));
  const departmentRows = await db
    .select({ slug: departments.slug, name: departments.name })
    .from(departments)
    .where(eq(departments.organisationId, organisationId))
    .orderBy(asc(departments.slug));
  const topicRows = await db
    .select({ slug: topics.slug, title: topics.title })
    .from(topics)
    .where(eq(topics.organisationId, organisationId))
    .orderBy(asc(topics.position));
  return { topics: topicRows, consultations: consultationRows, departments: departmentRows };
}

export type QueueFilterOptions = Awaited<ReturnType<typeof queueFilterOptions>>;

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
  // Not portal input: perhaps a mirrored social-media post.
  if (!row) return decideSocialPost(db, params);
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

  const to = TARGET_STATE[params.decision];
  if (from === 'answered' || from === to) return { kind: 'already_decided', state: from };

  const changes: Partial<typeof submissions.$inferInsert> =
    params.decision === 'reject'
      ? {
          status: 'rejected',
          reviewState: to,
          publishedAt: null,
          moderationRule: rule!.code,
          moderationReason: {
            nl: `Niet geplaatst: in strijd met huisregel ${rule!.position}, ${rule!.title.nl}.`,
            en: `Not published: against house rule ${rule!.position}, ${rule!.title.en ?? rule!.title.nl}.`,
          },
        }
      : params.decision === 'escalate'
        ? { reviewState: to }
        : {
            status: 'published',
            reviewState: to,
            publishedAt: row.submission.publishedAt ?? now,
            moderationReason: null,
            moderationRule: null,
          };

  await db.transaction(async (tx) => {
    await tx
      .update(submissions)
      .set({ ...changes, updatedAt: now })
      .where(eq(submissions.id, row.submission.id));
    if (params.decision !== 'escalate') {
      await closeReports(tx, row.submission.id, now);
      // Published input appeared or disappeared: the portal is rebuilt.
      await markContentChanged(tx);
    }
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

export type BulkResult =
  { decided: number; skipped: number; notFound: number } | { kind: 'rule_required' | 'unknown_rule' | 'forbidden' };

/**
 * The same decision for several items, each in its own transaction with its own audit
 * entry: one item that cannot be decided (already decided, gone) does not stop the rest.
 */
export async function decideMany(
  db: Db,
  params: Omit<Parameters<typeof decide>[1], 'itemId'> & { itemIds: readonly string[] },
): Promise<BulkResult> {
  const counts = { decided: 0, skipped: 0, notFound: 0 };
  for (const itemId of new Set(params.itemIds)) {
    const result = await decide(db, { ...params, itemId });
    switch (result.kind) {
      case 'decided':
        counts.decided++;
        break;
      case 'already_decided':
        counts.skipped++;
        break;
      case 'not_found':
        counts.notFound++;
        break;
      default:
        // Rule and permission problems are the same for every item: stop at the first.
        return { kind: result.kind };
    }
  }
  return counts;
}
