/**
 * Portal and widget input (table `submissions`) as a source of the moderation queue: every
 * filter, decisions citing house rules, sentiment corrections, webcare answers and
 * assignment. Every action loads the item through `submissionFor`, so "this organisation's
 * item, not erased" is written once.
 */
import * as notifications from '../notifications/index.ts';
import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  consultations,
  departments,
  houseRules,
  questions,
  staffReplies,
  submissionAnswers,
  submissions,
  topics,
} from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import { can, visibleDepartments } from '../auth/roles.ts';
import { markContentChanged } from '../content-revision.ts';
import { correctSentiment } from '../item-sentiment.ts';
import { closeReports, openReportCounts } from '../reports.ts';
import { addWorkingDays } from '../working-days.ts';
import { addItemNote } from './item-notes.ts';
import { consultationsIn, scopeConditions, statesAre } from './filter-scope.ts';
import { afterCursor, cursorMicros, textMatches, upToCursor } from './search.ts';
import { nextVersion, onVersion, staleResult, StaleVersion } from './versions.ts';
import {
  arrivedIn,
  countRows,
  ALL_STATES,
  OPEN_STATES,
  TARGET_STATE,
  type AnswerParams,
  type AnswerResult,
  type Assignment,
  type AssignParams,
  type AssignResult,
  type DecisionParams,
  type DecisionResult,
  type ModerationSource,
  type QueueFilter,
  type SourceItem,
  type Viewer,
} from './source.ts';

type Submission = typeof submissions.$inferSelect;

/** The organisation's submission with this id; erased input has nothing left to act on. */
async function submissionFor(db: Db, organisationId: string, itemId: string): Promise<Submission | undefined> {
  const [row] = await db
    .select({ submission: submissions })
    .from(submissions)
    .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
    .where(
      and(eq(submissions.id, itemId), eq(consultations.organisationId, organisationId), isNull(submissions.erasedAt)),
    )
    .limit(1);
  return row?.submission;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

function isStale(submission: Submission, expected: number | undefined): expected is number {
  return expected !== undefined && submission.version !== expected;
}

async function staleSubmission(db: Db, submission: Pick<Submission, 'id'>, expected: number) {
  const [now] = await db
    .select({ version: submissions.version })
    .from(submissions)
    .where(eq(submissions.id, submission.id));
  return staleResult(db, { type: 'submission', id: submission.id }, now?.version ?? expected, expected);
}

/** Changes the submission on the version it was read at, raising it; none changed means a colleague was first. */
async function changeSubmission(
  tx: Tx,
  id: string,
  expected: number | undefined,
  changes: Partial<typeof submissions.$inferInsert>,
): Promise<void> {
  const changed = await tx
    .update(submissions)
    .set({ ...changes, version: nextVersion(submissions.version) })
    // Not on a tombstone: an erasure that committed while this change waited wins.
    .where(and(eq(submissions.id, id), onVersion(submissions.version, expected), isNull(submissions.erasedAt)))
    .returning({ id: submissions.id });
  if (changed.length === 0) throw new StaleVersion();
}

/** Runs the change in a transaction; a colleague's change in between rolls it back and is described. */
async function versioned(
  db: Db,
  submission: Pick<Submission, 'id'>,
  expected: number | undefined,
  change: (tx: Tx) => Promise<void>,
) {
  try {
    await db.transaction(change);
    return undefined;
  } catch (error) {
    if (!(error instanceof StaleVersion) || expected === undefined) throw error;
    return staleSubmission(db, submission, expected);
  }
}

/** Below this many answers matching a search, the inbox starts from the matches. */
const FEW_MATCHES = 10_000;
/**
 * Below this many answers matching a search in all input, the inbox looks no further than
 * the matches: a probe of the text indexes (a few ms) spares the walk below, which tests the
 * whole window for a word that is rare or absent (45–60 ms at a million items).
 */
const RARE_MATCHES = 100;
/** The items in order a search first tests one by one: a common word fills a page among them. */
const SEARCH_WINDOW = 2_000;

/**
 * The submissions whose answers match the search, when they are few; undefined when there are
 * more. Walking the waiting items in order and testing each finds a common word at once, but
 * reads every waiting item for a word that is rare or absent (0.9 s at a million items, and
 * growing); the matches of a rare word come from the text indexes in milliseconds. A word
 * that matches more than this many answers is common enough for the walk to meet it soon —
 * unless it is common in closed input and rare among the waiting items: that case still walks.
 * Counting the matches among the waiting items instead cost a second for a common word (a
 * join of all its matches), far more than the walk it would save.
 */
async function fewMatches(db: Db, match: SQL, atMost = FEW_MATCHES): Promise<string[] | undefined> {
  const rows = await db
    .select({ id: submissionAnswers.submissionId })
    .from(submissionAnswers)
    .where(match)
    .limit(atMost + 1);
  return rows.length > atMost ? undefined : [...new Set(rows.map((row) => row.id))];
}

/** The condition that an item is one of these. */
const oneOf = (ids: string[]) =>
  // One array parameter: drizzle would spread a list into as many parameters as ids.
  sql`${submissions.id} = any(${sql.param(ids)}::uuid[])`;

/**
 * What a list of the queue and its count share: the conditions an item must meet, the column
 * the list is ordered by, and the search; undefined when nothing can match.
 */
async function matching(
  db: Db,
  viewer: Viewer,
  filter: QueueFilter,
): Promise<
  | {
      conditions: SQL[];
      orderedBy: typeof submissions.createdAt | typeof submissions.responseDueAt;
      /** The search, apart: how it is best tested depends on how often it matches (list, count). */
      match: SQL | undefined;
    }
  | undefined
> {
  const visible = visibleDepartments(viewer.roles);
  if (!can(viewer.roles, 'queue.read') || (visible !== 'all' && visible.length === 0)) return undefined;
  if (filter.channel && !inputSource.channels.includes(filter.channel)) return undefined;
  // Portal and widget answers are never held for four eyes: nothing here waits or was sent back.
  if (filter.approval) return undefined;
  const conditions: SQL[] = [
    eq(consultations.organisationId, viewer.organisationId),
    // Erased items have their own state (`erased`), outside the open states: they show only
    // when asked for, as a tombstone without text.
    statesAre(submissions.reviewState, filter.states ?? OPEN_STATES),
  ];
  // A department sees its own consultations and whatever is routed to it. The filters go on
  // the item's own columns, looked up first (filter-scope.ts).
  const scoped = scopeConditions(db, viewer.organisationId, {
    lookup: consultationsIn,
    column: submissions.consultationId,
    routedColumn: submissions.assignedDepartmentId,
  });
  if (visible !== 'all') conditions.push(await scoped.ofDepartments(visible));
  if (filter.channel) conditions.push(eq(submissions.channel, filter.channel));
  if (filter.counted) conditions.push(isNull(submissions.erasedAt), arrivedIn(submissions.createdAt, filter.counted));
  if (filter.consultation) conditions.push(await scoped.within({ consultation: filter.consultation }));
  if (filter.topic) conditions.push(await scoped.within({ topic: filter.topic }));
  if (filter.department) {
    const ofDepartment = await scoped.ofDepartment(filter.department);
    if (!ofDepartment) return undefined;
    conditions.push(ofDepartment);
  }
  if (filter.assignedTo) conditions.push(eq(submissions.assignedStaffUserId, filter.assignedTo));
  if (filter.routedTo) {
    if (filter.routedTo.length === 0) return undefined;
    conditions.push(inArray(submissions.assignedDepartmentId, [...filter.routedTo]));
  }
  if (filter.waitingFor) {
    conditions.push(
      or(eq(submissions.assignedStaffUserId, filter.waitingFor), isNull(submissions.assignedStaffUserId))!,
    );
  }
  const order = filter.order ?? 'oldest';
  // By time left the keyset is (response_due_at, id), which the submissions_due_id index serves.
  const orderedBy = order === 'due' ? submissions.responseDueAt : submissions.createdAt;
  if (filter.after) conditions.push(afterCursor(orderedBy, submissions.id, filter.after, order));
  if (order === 'due') conditions.push(isNotNull(submissions.responseDueAt));
  if (filter.overdue) conditions.push(lt(submissions.responseDueAt, filter.now ?? new Date()));
  if (filter.itemId) conditions.push(eq(submissions.id, filter.itemId));
  if (filter.flag) {
    // jsonb containment: some field has some flag of this category.
    const probe = JSON.stringify({ fields: [{ flags: [{ category: filter.flag }] }] });
    conditions.push(sql`${submissions.screening} @> ${probe}::jsonb`);
  }
  const match = filter.search ? textMatches(sql`${submissionAnswers.value} #>> '{}'`, filter.search) : undefined;
  return { conditions, orderedBy, match };
}

/** An item has an answer that matches the search, tested item by item. */
const answerMatches = (match: SQL) =>
  sql`exists (select 1 from ${submissionAnswers} where ${submissionAnswers.submissionId} = ${submissions.id} and ${match})`;

/** The search as a condition: from the matches when they are few, else tested item by item. */
async function searchCondition(db: Db, match: SQL): Promise<SQL> {
  const few = await fewMatches(db, match);
  return few ? oneOf(few) : answerMatches(match);
}

/** The submissions a list with this filter would hold without a limit (the overdue view's total). */
async function count(db: Db, viewer: Viewer, filter: QueueFilter, upTo?: number): Promise<number> {
  const match = await matching(db, viewer, { ...filter, after: undefined });
  if (!match) return 0;
  const conditions = match.match ? [...match.conditions, await searchCondition(db, match.match)] : match.conditions;
  const matched = db
    .select({ one: sql`1` })
    .from(submissions)
    .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
    .innerJoin(topics, eq(topics.id, consultations.topicId))
    .where(and(...conditions));
  return countRows(db, upTo === undefined ? matched : matched.limit(upTo));
}

async function list(db: Db, viewer: Viewer, filter: QueueFilter): Promise<SourceItem[]> {
  const found = await matching(db, viewer, filter);
  if (!found) return [];
  const { conditions, orderedBy, match } = found;
  const order = filter.order ?? 'oldest';
  const direction = order === 'newest' ? desc : asc;
  const limit = filter.limit ?? 100;
  const rowsWhere = (extra: SQL[], page = { limit, offset: 0 }) =>
    db
      .select({ submission: submissions, consultation: consultations, micros: cursorMicros(orderedBy) })
      .from(submissions)
      .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
      .innerJoin(topics, eq(topics.id, consultations.topicId))
      .leftJoin(departments, eq(departments.id, consultations.departmentId))
      .where(and(...conditions, ...extra))
      .orderBy(direction(orderedBy), direction(submissions.id))
      .limit(page.limit)
      .offset(page.offset);
  let rows: Awaited<ReturnType<typeof rowsWhere>> | undefined;
  const rare = match && (await fewMatches(db, match, RARE_MATCHES));
  if (rare) rows = await rowsWhere([oneOf(rare)]);
  else if (match) {
    // A common word fills the page among the next items in order, tested one by one; only a
    // word that does not is looked up in the text indexes (searchCondition). The window's
    // edge is read as the list is (a narrower select let the planner walk an index of every item).
    const [edge] = await rowsWhere([], { limit: 1, offset: SEARCH_WINDOW - 1 });
    const near = await rowsWhere([
      answerMatches(match),
      ...(edge ? [upToCursor(orderedBy, submissions.id, { micros: edge.micros, id: edge.submission.id }, order)] : []),
    ]);
    // Without an edge the window held every item: what it found is all there is.
    if (!edge || near.length >= limit) rows = near;
  }
  rows ??= await rowsWhere(match ? [await searchCondition(db, match)] : []);
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

  const reports = await openReportCounts(
    db,
    rows.map((row) => row.submission.id),
  );
  const items = rows.map(({ submission, consultation, micros }) => ({
    id: submission.id,
    reviewState: submission.reviewState,
    channel: submission.channel,
    language: submission.language,
    createdAt: submission.createdAt,
    // Null only between the migration and the first start's fill-in.
    dueAt: submission.responseDueAt ?? addWorkingDays(submission.createdAt, consultation.responseDays),
    consultation: { slug: consultation.slug, title: consultation.title },
    answers: answers
      .filter((a) => a.submissionId === submission.id && submission.erasedAt === null)
      .map((a) => ({ question: a.key, kind: a.kind, prompt: a.prompt, value: a.value, options: a.options ?? [] })),
    screening: submission.erasedAt ? null : submission.screening,
    sentiment: submission.erasedAt ? null : submission.sentiment,
    openReports: reports.get(submission.id) ?? 0,
    assignedDepartmentId: submission.assignedDepartmentId,
    assignedStaffUserId: submission.assignedStaffUserId,
    published: submission.publishedAt !== null,
    version: submission.version,
    cursor: { micros, id: submission.id },
  }));
  return items;
}

/**
 * Publishes, rejects (citing a house rule) or publishes and routes to webcare for an answer.
 *
 * An item that was answered is final here. Rejecting a published item takes it down;
 * the resident reads the house rule on their follow-up page.
 */
async function decide(db: Db, params: DecisionParams): Promise<DecisionResult> {
  const { actor, now } = params;
  if (!can(actor.roles, 'queue.decide')) return { kind: 'forbidden' };
  const submission = await submissionFor(db, actor.organisationId, params.itemId);
  if (!submission) return { kind: 'not_found' };
  if (isStale(submission, params.expectedVersion)) return staleSubmission(db, submission, params.expectedVersion);
  const from = submission.reviewState;

  let rule: typeof houseRules.$inferSelect | undefined;
  if (params.decision === 'reject') {
    if (!params.ruleCode) return { kind: 'rule_required' };
    [rule] = await db
      .select()
      .from(houseRules)
      .where(
        and(
          eq(houseRules.organisationId, actor.organisationId),
          eq(houseRules.code, params.ruleCode),
          isNull(houseRules.retiredAt),
        ),
      )
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
            publishedAt: submission.publishedAt ?? now,
            moderationReason: null,
            moderationRule: null,
          };
  // Resolved the first time it stops waiting: published without an answer needed, or rejected.
  if ((to === 'published' || to === 'rejected') && submission.resolvedAt === null) changes.resolvedAt = now;

  const decided = await versioned(db, submission, params.expectedVersion, async (tx) => {
    await changeSubmission(tx, submission.id, params.expectedVersion, { ...changes, updatedAt: now });
    if (params.decision === 'escalate')
      await notifications.itemEscalated(tx, {
        itemId: submission.id,
        organisationId: actor.organisationId,
        assignedStaffUserId: submission.assignedStaffUserId,
        actorId: actor.id,
        now,
      });
    if (params.decision !== 'escalate') {
      await closeReports(tx, submission.id, now);
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
      subjectId: submission.id,
      details: {
        decision: params.decision,
        from,
        to,
        ...(rule ? { houseRule: rule.code } : {}),
      },
    });
    // The note that explains the decision goes with it, apart from the log (item-notes.ts).
    if (params.note?.trim())
      await addItemNote(tx, {
        organisationId: actor.organisationId,
        subject: { type: 'submission', id: submission.id },
        authorId: actor.id,
        body: params.note,
        now,
      });
  });
  return decided ?? { kind: 'decided', state: to };
}

/**
 * Webcare answers the input: the answer is stored as a staff reply, published at once on
 * the resident's follow-up page and, when the input itself is published, with the input on
 * the portal (which is rebuilt). The item's state becomes `answered`.
 */
async function answer(db: Db, params: AnswerParams): Promise<AnswerResult> {
  const { actor, now, body } = params;
  if (!can(actor.roles, 'queue.answer')) return { kind: 'forbidden' };
  const submission = await submissionFor(db, actor.organisationId, params.itemId);
  if (!submission) return { kind: 'not_found' };
  // A rejected item is answered by its house rule on the follow-up page; publish it first.
  if (isStale(submission, params.expectedVersion)) return staleSubmission(db, submission, params.expectedVersion);
  if (submission.reviewState === 'rejected') return { kind: 'rejected' };
  const isPublic = submission.publishedAt !== null;

  let replyId = '';
  const refused = await versioned(db, submission, params.expectedVersion, async (tx) => {
    const [reply] = await tx
      .insert(staffReplies)
      .values({
        submissionId: submission.id,
        staffUserId: actor.id,
        departmentId: submission.assignedDepartmentId,
        language: params.language,
        body,
        createdAt: now,
        publishedAt: now,
      })
      .returning({ id: staffReplies.id });
    await notifications.queueAnswerMail(
      tx,
      { submissionId: submission.id, replyId: reply!.id, body, language: params.language },
      now,
    );
    await changeSubmission(tx, submission.id, params.expectedVersion, {
      reviewState: 'answered',
      status: 'answered',
      updatedAt: now,
      firstResponseAt: submission.firstResponseAt ?? now,
      resolvedAt: submission.resolvedAt ?? now,
    });
    // The portal shows answers with published input; the follow-up page reads them live.
    if (isPublic) await markContentChanged(tx);
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorType: 'staff',
      actorId: actor.id,
      at: now,
      action: 'submission.answered',
      subjectType: 'submission',
      subjectId: submission.id,
      details: {
        reply: reply!.id,
        language: params.language,
        from: submission.reviewState,
        to: 'answered',
        public: isPublic,
      },
    });
    replyId = reply!.id;
  });
  return refused ?? { kind: 'answered', replyId, public: isPublic };
}

/** Who answers the input; every change is audited with what it was before and after. */
async function assign(db: Db, params: AssignParams): Promise<AssignResult> {
  const { actor, assignment, now } = params;
  if (!can(actor.roles, 'queue.assign')) return { kind: 'forbidden' };
  const submission = await submissionFor(db, actor.organisationId, params.itemId);
  if (!submission) return { kind: 'not_found' };
  if (isStale(submission, params.expectedVersion)) return staleSubmission(db, submission, params.expectedVersion);
  const before: Assignment = {
    departmentId: submission.assignedDepartmentId,
    staffUserId: submission.assignedStaffUserId,
  };
  if (before.departmentId === assignment.departmentId && before.staffUserId === assignment.staffUserId) {
    return { kind: 'unchanged' };
  }
  const refused = await versioned(db, submission, params.expectedVersion, async (tx) => {
    await changeSubmission(tx, submission.id, params.expectedVersion, {
      assignedDepartmentId: assignment.departmentId,
      assignedStaffUserId: assignment.staffUserId,
      updatedAt: now,
    });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorType: 'staff',
      actorId: actor.id,
      at: now,
      action: 'submission.assigned',
      subjectType: 'submission',
      subjectId: submission.id,
      details: { before, after: assignment },
    });
    if (assignment.staffUserId !== before.staffUserId)
      await notifications.itemAssigned(tx, {
        itemId: submission.id,
        staffUserId: assignment.staffUserId,
        actorId: actor.id,
        now,
      });
  });
  return refused ?? { kind: 'assigned', before, after: assignment };
}

export const inputSource: ModerationSource = {
  name: 'input',
  channels: ['portal', 'widget'],
  supports: { answer: true, assign: true },
  list,
  count,
  async find(db, viewer, itemId, now) {
    const [item] = await list(db, viewer, { states: ALL_STATES, itemId, now, limit: 1 });
    return item;
  },
  async holds(db, organisationId, itemId) {
    return (await submissionFor(db, organisationId, itemId)) !== undefined;
  },
  decide,
  async correctSentiment(db, params) {
    if (!(await submissionFor(db, params.organisationId, params.itemId))) return { kind: 'not_found' };
    return correctSentiment(db, { ...params, subject: { type: 'submission', id: params.itemId } });
  },
  answer,
  assign,
};
