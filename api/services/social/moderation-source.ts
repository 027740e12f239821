/**
 * Mirrored social-media posts as a source of the moderation queue, beside portal and widget
 * input. A resident's reply is personal data published by someone who did not post on the
 * municipality's portal: it is screened like portal input and shown in a mirror only after
 * a moderator published it. The municipality's own posts (and, when the organisation
 * chooses so, other public bodies' posts) are published on import.
 *
 * The queue and the decision forms are shared with portal input (services/moderation.ts):
 * a social post becomes a `QueueItem` with one "answer" (its plain text) and a `source`
 * that names the platform, the account the thread belongs to and the post's address.
 */
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  channelGuidelines,
  consultations,
  departments,
  houseRules,
  organisations,
  socialAuthors,
  socialPosts,
  socialThreads,
  topics,
  type LocalizedText,
  type ScreeningRecord,
  type SocialAutoPublish,
} from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import { can, visibleDepartments, type RoleGrant } from '../auth/roles.ts';
import { markContentChanged } from '../content-revision.ts';
import type { Decision, DecisionResult, QueueFilter, QueueItem, ReviewState, Viewer } from '../moderation.ts';
import { screen } from '../screening/index.ts';
import { addWorkingDays } from '../working-days.ts';

/** The one "question" a social post answers in the queue: its text. */
export const SOCIAL_POST_FIELD = 'post';

const DEFAULT_RESPONSE_DAYS = 5;
const OPEN: readonly ReviewState[] = ['new', 'in_review', 'escalated'];

const TARGET_STATE: Record<Decision, ReviewState> = {
  publish: 'published',
  reject: 'rejected',
  needs_answer: 'needs_answer',
  escalate: 'escalated',
};

const PLATFORM_NAMES: Record<string, string> = {
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  x: 'X',
  facebook: 'Facebook',
  instagram: 'Instagram',
};

/** Where a social item in the queue comes from: shown as its channel. */
export type SocialSource = {
  platform: string;
  /** The account whose thread this is (the root's author), e.g. `gemeente@social.overheid.nl`. */
  account: string | null;
  threadId: string;
  postUrl: string | null;
  /** The post's declared language when plausible; null when unknown (then no `lang` is claimed). */
  lang: string | null;
};

/** Screens a post's plain text as portal input is screened. */
export function screenPost(text: string, lang: string | null | undefined, now: Date): ScreeningRecord {
  const result = screen(text, { lang: lang === 'en' ? 'en' : 'nl', floodVolume: Number.POSITIVE_INFINITY });
  return {
    version: 1,
    screenedAt: now.toISOString(),
    fields: [{ question: SOCIAL_POST_FIELD, flags: result.flags, redacted: result.redacted }],
  };
}

/** Whether a post by this author is published without a moderator, by the organisation's choice. */
export function publishesWithoutReview(
  author: { isOwnAccount: boolean; isOfficial: boolean } | null | undefined,
  setting: SocialAutoPublish,
): boolean {
  if (!author || setting === 'none') return false;
  return author.isOwnAccount || (setting === 'official' && author.isOfficial);
}

/** The review columns a post gets when it arrives or changes: published, or waiting. */
export function reviewOnArrival(autoPublish: boolean, now: Date, publishedBefore?: Date | null) {
  return autoPublish
    ? { reviewState: 'published' as const, publishedAt: publishedBefore ?? now, moderationRule: null }
    : { reviewState: 'new' as const, publishedAt: null, moderationRule: null };
}

export async function autoPublishSetting(db: Pick<Db, 'select'>, organisationId: string): Promise<SocialAutoPublish> {
  const [row] = await db
    .select({ setting: organisations.socialAutoPublish })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return row?.setting ?? 'own';
}

/** Social posts waiting for (or, by filter, past) a decision that the viewer may see. */
export async function listSocialQueue(db: Db, viewer: Viewer, filter: QueueFilter = {}): Promise<QueueItem[]> {
  const visible = visibleDepartments(viewer.roles);
  if (!can(viewer.roles, 'queue.read') || (visible !== 'all' && visible.length === 0)) return [];
  if (filter.channel && filter.channel !== 'social') return [];
  const conditions: SQL[] = [
    eq(socialThreads.organisationId, viewer.organisationId),
    isNull(socialThreads.removedAt),
    inArray(socialPosts.reviewState, [...(filter.states ?? OPEN)]),
    // Deleted at the source or a placeholder: nothing left to moderate.
    isNull(socialPosts.deletedAt),
    isNull(socialPosts.placeholder),
  ];
  if (visible !== 'all') conditions.push(inArray(consultations.departmentId, visible));
  if (filter.consultation) conditions.push(eq(consultations.slug, filter.consultation));
  if (filter.topic) conditions.push(eq(topics.slug, filter.topic));
  if (filter.department) conditions.push(eq(departments.slug, filter.department));
  if (filter.flag) {
    const probe = JSON.stringify({ fields: [{ flags: [{ category: filter.flag }] }] });
    conditions.push(sql`${socialPosts.screening} @> ${probe}::jsonb`);
  }
  const rows = await db
    .select({ post: socialPosts, thread: socialThreads, consultation: consultations })
    .from(socialPosts)
    .innerJoin(socialThreads, eq(socialThreads.id, socialPosts.threadId))
    .leftJoin(consultations, eq(consultations.id, socialThreads.consultationId))
    // A thread's topic is its own, or its consultation's.
    .leftJoin(topics, sql`${topics.id} = coalesce(${socialThreads.topicId}, ${consultations.topicId})`)
    .leftJoin(departments, eq(departments.id, consultations.departmentId))
    .where(and(...conditions))
    .orderBy(asc(socialPosts.createdAt))
    .limit(filter.limit ?? 100);
  if (rows.length === 0) return [];
  const accounts = await rootAccounts(db, [...new Set(rows.map((r) => r.thread.id))]);
  const promises = await socialPromises(db, viewer.organisationId);
  const now = filter.now ?? new Date();
  const items: QueueItem[] = rows.map(({ post, thread, consultation }) => {
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
      dueAt: addWorkingDays(
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
    };
  });
  return filter.overdue ? items.filter((item) => item.dueAt < now) : items;
}

/** The handle of each thread's root author: the account the conversation belongs to. */
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

async function rootAccounts(db: Db, threadIds: string[]): Promise<Map<string, string | null>> {
  const rows = await db
    .select({ threadId: socialPosts.threadId, handle: socialAuthors.handle })
    .from(socialPosts)
    .innerJoin(socialAuthors, eq(socialAuthors.id, socialPosts.authorId))
    .where(and(inArray(socialPosts.threadId, threadIds), isNull(socialPosts.parentExternalId)));
  return new Map(rows.map((r) => [r.threadId, r.handle]));
}

/** Merges portal and social items, oldest first, up to the limit. */
export function mergeQueues(a: QueueItem[], b: QueueItem[], limit: number): QueueItem[] {
  return [...a, ...b].sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime()).slice(0, limit);
}

/**
 * A decision on a social post: the same decisions and house rules as portal input. Published
 * (or published for an answer) posts appear in the mirror; a rejected one never does.
 */
export async function decideSocialPost(
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
    .select({ post: socialPosts })
    .from(socialPosts)
    .innerJoin(socialThreads, eq(socialThreads.id, socialPosts.threadId))
    .where(
      and(
        eq(socialPosts.id, params.itemId),
        eq(socialThreads.organisationId, actor.organisationId),
        isNull(socialPosts.deletedAt),
      ),
    )
    .limit(1);
  if (!row) return { kind: 'not_found' };
  const from = row.post.reviewState;
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
        : { reviewState: to, publishedAt: row.post.publishedAt ?? now, moderationRule: null };
  await db.transaction(async (tx) => {
    await tx.update(socialPosts).set(changes).where(eq(socialPosts.id, row.post.id));
    // The mirror on the portal shows the post, or no longer does.
    if (params.decision !== 'escalate') await markContentChanged(tx);
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorType: 'staff',
      actorId: actor.id,
      at: now,
      action: 'social_post.decision',
      subjectType: 'social_post',
      subjectId: row.post.id,
      details: {
        decision: params.decision,
        from,
        to,
        ...(ruleCode ? { houseRule: ruleCode } : {}),
        ...(params.note ? { note: params.note } : {}),
      },
    });
  });
  return { kind: 'decided', state: to };
}
