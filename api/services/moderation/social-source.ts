/**
 * Mirrored social-media posts (table `social_posts`) as a source of the moderation queue,
 * beside portal and widget input. A post becomes a `QueueItem` with one "answer" (its plain
 * text) and a `source` that names the platform, the account the thread belongs to and the
 * post's address. Decisions and sentiment corrections work as for portal input; answering
 * in the social channel and assigning posts are not built yet, and say so
 * (`unsupported`). How a post arrives (screening, published on import or waiting) is
 * `../social/review-on-arrival.ts`.
 */
import * as notifications from '../notifications/index.ts';
import type { SocialPlatform } from '../../../shared/contracts/social-thread.ts';
import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  channelGuidelines,
  consultations,
  departments,
  houseRules,
  socialAuthors,
  socialPosts,
  socialThreads,
  topics,
  type LocalizedText,
} from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import { can, visibleDepartments } from '../auth/roles.ts';
import { markContentChanged } from '../content-revision.ts';
import { correctSentiment } from '../item-sentiment.ts';
import { SOCIAL_POST_FIELD } from '../social/review-on-arrival.ts';
import { addWorkingDays } from '../working-days.ts';
import { addItemNote } from './item-notes.ts';
import { afterCursor, cursorMicros, textMatches } from './search.ts';
import { nextVersion, onVersion, staleResult, StaleVersion } from './versions.ts';
import {
  ALL_STATES,
  OPEN_STATES,
  TARGET_STATE,
  UNSUPPORTED,
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

type SocialPost = typeof socialPosts.$inferSelect;

/** The organisation's post with this id; a post deleted at the source has nothing left to act on. */
async function postFor(db: Db, organisationId: string, itemId: string): Promise<SocialPost | undefined> {
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
async function list(db: Db, viewer: Viewer, filter: QueueFilter): Promise<SourceItem[]> {
  const visible = visibleDepartments(viewer.roles);
  if (!can(viewer.roles, 'queue.read') || (visible !== 'all' && visible.length === 0)) return [];
  if (filter.channel && !socialSource.channels.includes(filter.channel)) return [];
  // Posts cannot be assigned yet, so none is assigned to anyone.
  if (filter.assignedTo) return [];
  // Nor routed to a department.
  if (filter.routedTo) return [];
  const conditions: SQL[] = [
    eq(socialThreads.organisationId, viewer.organisationId),
    isNull(socialThreads.removedAt),
    inArray(socialPosts.reviewState, [...(filter.states ?? OPEN_STATES)]),
    // Deleted at the source or a placeholder: nothing left to moderate.
    isNull(socialPosts.deletedAt),
    isNull(socialPosts.placeholder),
  ];
  if (visible !== 'all') conditions.push(inArray(consultations.departmentId, visible));
  if (filter.itemId) conditions.push(eq(socialPosts.id, filter.itemId));
  if (filter.consultation) conditions.push(eq(consultations.slug, filter.consultation));
  if (filter.topic) conditions.push(eq(topics.slug, filter.topic));
  if (filter.department) conditions.push(eq(departments.slug, filter.department));
  if (filter.flag) {
    const probe = JSON.stringify({ fields: [{ flags: [{ category: filter.flag }] }] });
    conditions.push(sql`${socialPosts.screening} @> ${probe}::jsonb`);
  }
  // Posts are assigned to nobody: each waits for everyone who may see it (filter.waitingFor).
  if (filter.search) conditions.push(textMatches(sql`${socialPosts.contentText}`, filter.search));
  const order = filter.order ?? 'oldest';
  // By time left the keyset is (response_due_at, id), which the social_posts_due_id index serves.
  const orderedBy = order === 'due' ? socialPosts.responseDueAt : socialPosts.createdAt;
  if (filter.after) conditions.push(afterCursor(orderedBy, socialPosts.id, filter.after, order));
  if (order === 'due') conditions.push(isNotNull(socialPosts.responseDueAt));
  if (filter.overdue) conditions.push(lt(socialPosts.responseDueAt, filter.now ?? new Date()));
  const direction = order === 'newest' ? desc : asc;
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
  const promises = await socialPromises(db, viewer.organisationId);
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
      // Null only between the migration and the first start's fill-in.
      dueAt:
        post.responseDueAt ??
        addWorkingDays(
          post.createdAt,
          promiseFor(promises, thread.platform, accounts.get(thread.id) ?? null) ??
            consultation?.responseDays ??
            DEFAULT_RESPONSE_DAYS,
        ),
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
      // Assignment is stored on submissions only; mirrored posts are not routed yet.
      assignedDepartmentId: null,
      assignedStaffUserId: null,
      source: {
        platform: PLATFORM_NAMES[thread.platform] ?? thread.platform,
        account: accounts.get(thread.id) ?? null,
        threadId: thread.id,
        postUrl: post.url,
        lang: post.language,
      },
      version: post.version,
      cursor: { micros, id: post.id },
    };
  });
  return items;
}

type SocialPromise = { key: string; platform: string | null; responseDays: number };

async function socialPromises(db: Db, organisationId: string): Promise<SocialPromise[]> {
  return db
    .select({
      key: channelGuidelines.key,
      platform: channelGuidelines.platform,
      responseDays: channelGuidelines.responseDays,
    })
    .from(channelGuidelines)
    .where(and(eq(channelGuidelines.organisationId, organisationId), eq(channelGuidelines.channel, 'social')));
}

/**
 * The response time the municipality promised on the account a post was written to: the
 * guideline for that account (`<platform>:<handle>`), else the platform's, else none.
 */
export function promiseFor(promises: SocialPromise[], platform: string, account: string | null): number | undefined {
  const exact = account ? promises.find((p) => p.key === `${platform}:${account}`) : undefined;
  return (exact ?? promises.find((p) => p.platform === platform))?.responseDays;
}

/** The handle of each thread's root author: the account the conversation belongs to. */
async function rootAccounts(db: Db, threadIds: string[]): Promise<Map<string, string | null>> {
  const rows = await db
    .select({ threadId: socialPosts.threadId, handle: socialAuthors.handle })
    .from(socialPosts)
    .innerJoin(socialAuthors, eq(socialAuthors.id, socialPosts.authorId))
    .where(and(inArray(socialPosts.threadId, threadIds), isNull(socialPosts.parentExternalId)));
  return new Map(rows.map((r) => [r.threadId, r.handle]));
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
      .where(and(eq(houseRules.organisationId, actor.organisationId), eq(houseRules.code, params.ruleCode)))
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
          assignedStaffUserId: null,
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

export const socialSource: ModerationSource = {
  name: 'social',
  channels: ['social'],
  // Answering on the platform and routing posts to a department are later work.
  supports: { answer: false, assign: false },
  list,
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
  async answer(db, params) {
    if (!can(params.actor.roles, 'queue.answer')) return { kind: 'forbidden' };
    if (!(await postFor(db, params.actor.organisationId, params.itemId))) return { kind: 'not_found' };
    return UNSUPPORTED;
  },
  async assign(db, params) {
    if (!can(params.actor.roles, 'queue.assign')) return { kind: 'forbidden' };
    if (!(await postFor(db, params.actor.organisationId, params.itemId))) return { kind: 'not_found' };
    return UNSUPPORTED;
  },
};
