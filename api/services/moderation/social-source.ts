/**
 * Mirrored social-media posts (table `social_posts`) as a source of the moderation queue,
 * beside portal and widget input. A post becomes a `QueueItem` with one "answer" (its plain
 * text) and a `source` that names the platform, the account the thread belongs to and the
 * post's address. Decisions, sentiment corrections and assignment work as for portal input.
 * An answer is a staff reply shown in the portal's mirror of the thread, directly under the
 * post it answers; posting it on the platform itself needs a connected account and is not
 * built. How a post arrives (screening, routing, published on import or waiting) is
 * `../social/review-on-arrival.ts` and `../social/threads.ts`.
 */
import * as notifications from '../notifications/index.ts';
import type { SocialPlatform } from '../../../shared/contracts/social-thread.ts';
import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  answerApprovals,
  consultations,
  departments,
  houseRules,
  socialAuthors,
  socialPosts,
  socialThreads,
  staffReplies,
  topics,
  type LocalizedText,
} from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import { can, visibleDepartments } from '../auth/roles.ts';
import { markContentChanged } from '../content-revision.ts';
import { correctSentiment } from '../item-sentiment.ts';
import { enqueuePosting, overPlatformLimit, platformLimitFor } from '../social/posting.ts';
import { SOCIAL_POST_FIELD } from '../social/review-on-arrival.ts';
import { addWorkingDays } from '../working-days.ts';
import { rootAccounts } from '../office-hours/due-times.ts';
import { answersNeedApproval } from './answer-guideline.ts';
import { approvalCondition, approvalMarks } from './approval-marks.ts';
import { addItemNote } from './item-notes.ts';
import { scopeConditions, statesAre, threadsIn } from './filter-scope.ts';
import { afterCursor, cursorMicros, textMatches } from './search.ts';
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

const DEFAULT_RESPONSE_DAYS = 5;

const PLATFORM_NAMES: Record<SocialPlatform, string> = {
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  x: 'X',
  facebook: 'Facebook',
  instagram: 'Instagram',
};

export type SocialPost = typeof socialPosts.$inferSelect;

/** The organisation's post with this id; a post deleted at the source has nothing left to act on. */
export async function postFor(db: Db, organisationId: string, itemId: string): Promise<SocialPost | undefined> {
  const [row] = await db
    .select({ post: socialPosts })
    .from(socialPosts)
    .innerJoin(socialThreads, eq(socialThreads.id, socialPosts.threadId))
    .where(
      and(eq(socialPosts.id, itemId), eq(socialThreads.organisationId, organisationId), isNull(socialPosts.deletedAt)),
    )
    .limit(1);
  return row?.post;
}

/** Social posts waiting for (or, by filter, past) a decision that the viewer may see. */
/**
 * What a list of the queue and its count share: the conditions a post must meet, and the
 * column the list is ordered by; undefined when nothing can match.
 */
async function matching(
  db: Db,
  viewer: Viewer,
  filter: QueueFilter,
): Promise<
  { conditions: SQL[]; orderedBy: typeof socialPosts.createdAt | typeof socialPosts.responseDueAt } | undefined
> {
  const visible = visibleDepartments(viewer.roles);
  if (!can(viewer.roles, 'queue.read') || (visible !== 'all' && visible.length === 0)) return undefined;
  if (filter.channel && !socialSource.channels.includes(filter.channel)) return undefined;
  if (filter.routedTo?.length === 0) return undefined;
  const conditions: SQL[] = [
    eq(socialThreads.organisationId, viewer.organisationId),
    isNull(socialThreads.removedAt),
    statesAre(socialPosts.reviewState, filter.states ?? OPEN_STATES),
    // Deleted at the source or a placeholder: nothing left to moderate.
    isNull(socialPosts.deletedAt),
    isNull(socialPosts.placeholder),
  ];
  // A department sees its consultations' threads and whatever is routed to it. The filters go
  // on the post's own columns, looked up first (filter-scope.ts).
  const scoped = scopeConditions(db, viewer.organisationId, {
    lookup: threadsIn,
    column: socialPosts.threadId,
    routedColumn: socialPosts.assignedDepartmentId,
  });
  if (visible !== 'all') conditions.push(await scoped.ofDepartments(visible));
  if (filter.itemId) conditions.push(eq(socialPosts.id, filter.itemId));
  if (filter.counted) {
    conditions.push(
      arrivedIn(socialPosts.postedAt, filter.counted),
      isNull(socialPosts.submissionId),
      sql`(${socialPosts.authorId} is null or not exists (select 1 from ${socialAuthors} own
        where own.id = ${socialPosts.authorId} and own.is_own_account))`,
    );
  }
  if (filter.consultation) conditions.push(await scoped.within({ consultation: filter.consultation }));
  if (filter.topic) conditions.push(await scoped.within({ topic: filter.topic }));
  if (filter.department) {
    const ofDepartment = await scoped.ofDepartment(filter.department);
    if (!ofDepartment) return undefined;
    conditions.push(ofDepartment);
  }
  if (filter.routedTo) conditions.push(inArray(socialPosts.assignedDepartmentId, [...filter.routedTo]));
  if (filter.assignedTo) conditions.push(eq(socialPosts.assignedStaffUserId, filter.assignedTo));
  if (filter.waitingFor) {
    conditions.push(
      or(eq(socialPosts.assignedStaffUserId, filter.waitingFor), isNull(socialPosts.assignedStaffUserId))!,
    );
  }
  if (filter.flag) {
    const probe = JSON.stringify({ fields: [{ flags: [{ category: filter.flag }] }] });
    conditions.push(sql`${socialPosts.screening} @> ${probe}::jsonb`);
  }
  if (filter.search) conditions.push(textMatches(sql`${socialPosts.contentText}`, filter.search));
  if (filter.approval) {
    if (filter.approval.state === 'awaiting' && !can(viewer.roles, 'answers.approve')) return undefined;
    conditions.push(approvalCondition(socialPosts.id, filter.approval));
  }
  const order = filter.order ?? 'oldest';
  // By time left the keyset is (response_due_at, id), which the social_posts_due_id index serves.
  const orderedBy = order === 'due' ? socialPosts.responseDueAt : socialPosts.createdAt;
  if (filter.after) conditions.push(afterCursor(orderedBy, socialPosts.id, filter.after, order));
  if (order === 'due') conditions.push(isNotNull(socialPosts.responseDueAt));
  if (filter.overdue) conditions.push(lt(socialPosts.responseDueAt, filter.now ?? new Date()));
  return { conditions, orderedBy };
}

/** The posts a list with this filter would hold without a limit (the overdue view's total). */
async function count(db: Db, viewer: Viewer, filter: QueueFilter, upTo?: number): Promise<number> {
  const match = await matching(db, viewer, { ...filter, after: undefined });
  if (!match) return 0;
  const matched = db
    .select({ one: sql`1` })
    .from(socialPosts)
    .innerJoin(socialThreads, eq(socialThreads.id, socialPosts.threadId))
    .leftJoin(consultations, eq(consultations.id, socialThreads.consultationId))
    .where(and(...match.conditions));
  return countRows(db, upTo === undefined ? matched : matched.limit(upTo));
}

async function list(db: Db, viewer: Viewer, filter: QueueFilter): Promise<SourceItem[]> {
  const match = await matching(db, viewer, filter);
  if (!match) return [];
  const { conditions, orderedBy } = match;
  const direction = (filter.order ?? 'oldest') === 'newest' ? desc : asc;
  const rows = await db
    .select({
      post: socialPosts,
      thread: socialThreads,
      consultation: consultations,
      micros: cursorMicros(orderedBy),
    })
    .from(socialPosts)
    .innerJoin(socialThreads, eq(socialThreads.id, socialPosts.threadId))
    .leftJoin(consultations, eq(consultations.id, socialThreads.consultationId))
    // A thread's topic is its own, or its consultation's.
    .leftJoin(topics, sql`${topics.id} = coalesce(${socialThreads.topicId}, ${consultations.topicId})`)
    .leftJoin(departments, eq(departments.id, consultations.departmentId))
    .where(and(...conditions))
    .orderBy(direction(orderedBy), direction(socialPosts.id))
    .limit(filter.limit ?? 100);
  if (rows.length === 0) return [];
  const accounts = await rootAccounts(db, [...new Set(rows.map((r) => r.thread.id))]);
  const marks = await approvalMarks(
    db,
    rows.map((r) => r.post.id),
  );
  const items: SourceItem[] = rows.map(({ post, thread, consultation, micros }) => {
    const title: LocalizedText = thread.title ?? {
      nl: `Gesprek op ${PLATFORM_NAMES[thread.platform]}`,
      en: `Conversation on ${PLATFORM_NAMES[thread.platform]}`,
    };
    return {
      id: post.id,
      reviewState: post.reviewState,
      channel: 'social',
      // The queue's languages are the portal's; the post's own tag stays with the text.
      language: post.language === 'en' ? 'en' : 'nl',
      createdAt: post.createdAt,
      // Null only between the migration and the first start's fill-in (fillMissingClocks), as for input.
      dueAt: post.responseDueAt ?? addWorkingDays(post.createdAt, consultation?.responseDays ?? DEFAULT_RESPONSE_DAYS),
      consultation: { slug: consultation?.slug ?? '', title: consultation?.title ?? title },
      answers: [
        {
          question: SOCIAL_POST_FIELD,
          kind: 'open_text',
          prompt: {
            nl: `Reactie op ${PLATFORM_NAMES[thread.platform]}`,
            en: `Reply on ${PLATFORM_NAMES[thread.platform]}`,
          },
          value: post.contentText,
          options: [],
        },
      ],
      screening: post.screening,
      sentiment: post.sentiment,
      openReports: 0,
      assignedDepartmentId: post.assignedDepartmentId,
      assignedStaffUserId: post.assignedStaffUserId,
      published: isPublished(post),
      source: {
        platform: PLATFORM_NAMES[thread.platform] ?? thread.platform,
        account: accounts.get(thread.id) ?? null,
        threadId: thread.id,
        postUrl: post.url,
        lang: post.language,
        heardBy: post.heardBy,
      },
      answerApproval: marks.get(post.id),
      version: post.version,
      cursor: { micros, id: post.id },
    };
  });
  return items;
}

/**
 * A decision on a social post: the same decisions and house rules as portal input. Published
 * (or published for an answer) posts appear in the mirror; a rejected one never does.
 */
async function decide(db: Db, params: DecisionParams): Promise<DecisionResult> {
  const { actor, now } = params;
  if (!can(actor.roles, 'queue.decide')) return { kind: 'forbidden' };
  const post = await postFor(db, actor.organisationId, params.itemId);
  if (!post) return { kind: 'not_found' };
  const expected = params.expectedVersion;
  const stale = (current: number) =>
    staleResult(db, { type: 'social_post', id: post.id }, current, expected ?? current);
  if (expected !== undefined && post.version !== expected) return stale(post.version);
  const from = post.reviewState;
  let ruleCode: string | undefined;
  if (params.decision === 'reject') {
    if (!params.ruleCode) return { kind: 'rule_required' };
    const [rule] = await db
      .select({ code: houseRules.code })
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
    ruleCode = rule.code;
  }
  const to = TARGET_STATE[params.decision];
  if (from === 'answered' || from === to) return { kind: 'already_decided', state: from };
  const changes =
    params.decision === 'reject'
      ? { reviewState: to, publishedAt: null, moderationRule: ruleCode! }
      : params.decision === 'escalate'
        ? { reviewState: to }
        : { reviewState: to, publishedAt: post.publishedAt ?? now, moderationRule: null };
  // Resolved the first time a moderator publishes or rejects it.
  const resolved = params.decision !== 'escalate' && post.resolvedAt === null ? { resolvedAt: now } : {};
  try {
    await db.transaction(async (tx) => {
      const changed = await tx
        .update(socialPosts)
        .set({ ...changes, ...resolved, version: nextVersion(socialPosts.version) })
        .where(and(eq(socialPosts.id, post.id), onVersion(socialPosts.version, expected)))
        .returning({ id: socialPosts.id });
      // A colleague's decision came first: roll back, and say what it was.
      if (changed.length === 0) throw new StaleVersion();
      // The mirror on the portal shows the post, or no longer does.
      if (params.decision !== 'escalate') await markContentChanged(tx);
      if (params.decision === 'escalate')
        await notifications.itemEscalated(tx, {
          itemId: post.id,
          organisationId: actor.organisationId,
          assignedStaffUserId: post.assignedStaffUserId,
          actorId: actor.id,
          now,
        });
      await recordAudit(tx, {
        organisationId: actor.organisationId,
        actorType: 'staff',
        actorId: actor.id,
        at: now,
        action: 'social_post.decision',
        subjectType: 'social_post',
        subjectId: post.id,
        details: {
          decision: params.decision,
          from,
          to,
          ...(ruleCode ? { houseRule: ruleCode } : {}),
        },
      });
      // The note that explains the decision goes with it, apart from the log (item-notes.ts).
      if (params.note?.trim())
        await addItemNote(tx, {
          organisationId: actor.organisationId,
          subject: { type: 'social_post', id: post.id },
          authorId: actor.id,
          body: params.note,
          now,
        });
    });
  } catch (error) {
    if (!(error instanceof StaleVersion)) throw error;
    const [latest] = await db
      .select({ version: socialPosts.version })
      .from(socialPosts)
      .where(eq(socialPosts.id, post.id));
    return stale(latest?.version ?? post.version);
  }
  return { kind: 'decided', state: to };
}

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Whether the post shows in the portal's mirror now. */
export function isPublished(post: SocialPost): boolean {
  return post.publishedAt !== null && post.placeholder === null && post.deletedAt === null;
}

export async function stalePost(db: Db, post: Pick<SocialPost, 'id' | 'version'>, expected: number) {
  const [latest] = await db
    .select({ version: socialPosts.version })
    .from(socialPosts)
    .where(eq(socialPosts.id, post.id));
  return staleResult(db, { type: 'social_post', id: post.id }, latest?.version ?? post.version, expected);
}

/** Changes the post on the version it was read at, raising it; none changed means a colleague was first. */
export async function changePost(
  tx: Tx,
  id: string,
  expected: number | undefined,
  changes: Partial<typeof socialPosts.$inferInsert>,
): Promise<void> {
  const changed = await tx
    .update(socialPosts)
    .set({ ...changes, version: nextVersion(socialPosts.version) })
    // Not on an erased post: an erasure that committed while this change waited wins.
    .where(and(eq(socialPosts.id, id), onVersion(socialPosts.version, expected), isNull(socialPosts.deletedAt)))
    .returning({ id: socialPosts.id });
  if (changed.length === 0) throw new StaleVersion();
}

/** Runs the change in a transaction; a colleague's change in between rolls it back and is described. */
export async function versioned(
  db: Db,
  post: SocialPost,
  expected: number | undefined,
  change: (tx: Tx) => Promise<void>,
) {
  try {
    await db.transaction(change);
    return undefined;
  } catch (error) {
    if (!(error instanceof StaleVersion)) throw error;
    // Without a version the change could only miss an erasure: nothing is left to act on.
    return expected === undefined ? ({ kind: 'not_found' } as const) : stalePost(db, post, expected);
  }
}

/**
 * Publishes an answer under the post and queues it for the platform, in the caller's
 * transaction: a staff reply shown in the portal's mirror directly under the post (the
 * portal is rebuilt), the item `answered`, which stops its response clock (first response
 * and, if no decision came first, resolution), and, when the municipality's account on the
 * thread's instance is connected, a row in the posting outbox (social/posting.ts). What an
 * answer does at once, or once a colleague approved it (answer-approval.ts).
 */
export async function publishAnswer(
  tx: Tx,
  post: SocialPost,
  expected: number | undefined,
  answer: { organisationId: string; authorId: string | null; language: 'nl' | 'en'; body: string; now: Date },
): Promise<{ replyId: string; posting: boolean }> {
  const { now } = answer;
  const [reply] = await tx
    .insert(staffReplies)
    .values({
      socialPostId: post.id,
      staffUserId: answer.authorId,
      departmentId: post.assignedDepartmentId,
      language: answer.language,
      body: answer.body,
      createdAt: now,
      publishedAt: now,
    })
    .returning({ id: staffReplies.id });
  await changePost(tx, post.id, expected, {
    reviewState: 'answered',
    firstResponseAt: post.firstResponseAt ?? now,
    resolvedAt: post.resolvedAt ?? now,
  });
  const posting = await enqueuePosting(tx, {
    organisationId: answer.organisationId,
    socialPostId: post.id,
    staffReplyId: reply!.id,
    now,
  });
  await markContentChanged(tx);
  return { replyId: reply!.id, posting };
}

/**
 * Webcare answers a resident's mirrored post (publishAnswer). Where the channel's guidelines
 * ask for four eyes, the answer waits for a colleague's approval instead: not shown, not
 * queued, and the clock keeps running (answer-approval.ts); the item's version still rises,
 * so a colleague's form from before says what changed.
 */
async function answer(db: Db, params: AnswerParams): Promise<AnswerResult> {
  const { actor, now, body } = params;
  if (!can(actor.roles, 'queue.answer')) return { kind: 'forbidden' };
  const post = await postFor(db, actor.organisationId, params.itemId);
  if (!post || post.placeholder) return { kind: 'not_found' };
  const expected = params.expectedVersion;
  if (expected !== undefined && post.version !== expected) return stalePost(db, post, expected);
  if (post.reviewState === 'rejected') return { kind: 'rejected' };
  // The answer shows under the post, so a post nobody may see yet cannot carry one.
  if (!isPublished(post)) return { kind: 'not_published' };
  // Posted on Bluesky too: refused here, with the limit, rather than failing on the platform later.
  const limit = await platformLimitFor(db, actor.organisationId, post.id);
  const count = overPlatformLimit(body, limit);
  if (limit && count !== undefined)
    return { kind: 'too_long_for_platform', platform: limit.platform, max: limit.max, count };
  if (await awaitingAnswerOf(db, post.id)) return { kind: 'approval_pending' };

  if (await answersNeedApproval(db, actor.organisationId, post.threadId)) {
    let approvalId = '';
    const refused = await versioned(db, post, expected, async (tx) => {
      const [row] = await tx
        .insert(answerApprovals)
        .values({
          organisationId: actor.organisationId,
          socialPostId: post.id,
          language: params.language,
          body,
          writtenBy: actor.id,
          writtenAt: now,
        })
        .returning({ id: answerApprovals.id });
      await changePost(tx, post.id, expected, {});
      await recordAudit(tx, {
        organisationId: actor.organisationId,
        actorType: 'staff',
        actorId: actor.id,
        at: now,
        action: 'social_post.answer_submitted',
        subjectType: 'social_post',
        subjectId: post.id,
        details: { approval: row!.id, language: params.language },
      });
      approvalId = row!.id;
    });
    return refused ?? { kind: 'awaiting_approval', approvalId };
  }

  let replyId = '';
  const refused = await versioned(db, post, expected, async (tx) => {
    const published = await publishAnswer(tx, post, expected, {
      organisationId: actor.organisationId,
      authorId: actor.id,
      language: params.language,
      body,
      now,
    });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorType: 'staff',
      actorId: actor.id,
      at: now,
      action: 'social_post.answered',
      subjectType: 'social_post',
      subjectId: post.id,
      details: {
        reply: published.replyId,
        language: params.language,
        from: post.reviewState,
        to: 'answered',
        public: true,
        posting: published.posting,
      },
    });
    replyId = published.replyId;
  });
  return refused ?? { kind: 'answered', replyId, public: true };
}

/** The answer to the post that waits for a colleague's approval, if one does. */
export async function awaitingAnswerOf(
  db: Pick<Db, 'select'>,
  postId: string,
): Promise<typeof answerApprovals.$inferSelect | undefined> {
  const [row] = await db
    .select()
    .from(answerApprovals)
    .where(and(eq(answerApprovals.socialPostId, postId), eq(answerApprovals.state, 'awaiting')))
    .limit(1);
  return row;
}

/** Who answers the post; every change is audited with what it was before and after. */
async function assign(db: Db, params: AssignParams): Promise<AssignResult> {
  const { actor, assignment, now } = params;
  if (!can(actor.roles, 'queue.assign')) return { kind: 'forbidden' };
  const post = await postFor(db, actor.organisationId, params.itemId);
  if (!post || post.placeholder) return { kind: 'not_found' };
  const expected = params.expectedVersion;
  if (expected !== undefined && post.version !== expected) return stalePost(db, post, expected);
  const before: Assignment = { departmentId: post.assignedDepartmentId, staffUserId: post.assignedStaffUserId };
  if (before.departmentId === assignment.departmentId && before.staffUserId === assignment.staffUserId) {
    return { kind: 'unchanged' };
  }
  const refused = await versioned(db, post, expected, async (tx) => {
    await changePost(tx, post.id, expected, {
      assignedDepartmentId: assignment.departmentId,
      assignedStaffUserId: assignment.staffUserId,
    });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorType: 'staff',
      actorId: actor.id,
      at: now,
      action: 'social_post.assigned',
      subjectType: 'social_post',
      subjectId: post.id,
      details: { before, after: assignment },
    });
    if (assignment.staffUserId !== before.staffUserId)
      await notifications.itemAssigned(tx, {
        itemId: post.id,
        staffUserId: assignment.staffUserId,
        actorId: actor.id,
        now,
      });
  });
  return refused ?? { kind: 'assigned', before, after: assignment };
}

export const socialSource: ModerationSource = {
  name: 'social',
  channels: ['social'],
  // Answered in the portal's mirror; posting on the platform itself needs a connected account.
  supports: { answer: true, assign: true },
  list,
  count,
  async find(db, viewer, itemId, now) {
    const [item] = await list(db, viewer, { states: ALL_STATES, itemId, now, limit: 1 });
    return item;
  },
  async holds(db, organisationId, itemId) {
    return (await postFor(db, organisationId, itemId)) !== undefined;
  },
  decide,
  async correctSentiment(db, params) {
    if (!(await postFor(db, params.organisationId, params.itemId))) return { kind: 'not_found' };
    return correctSentiment(db, { ...params, subject: { type: 'social_post', id: params.itemId } });
  },
  answer,
  assign,
};
