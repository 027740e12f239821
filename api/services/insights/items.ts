/**
 * The items every insights figure counts: input from the portal and widgets (submissions)
 * and residents' posts in mirrored social threads, received in the period and matching
 * the filter. A post that became a submission counts once, as the submission; the
 * municipality's own posts, deleted posts and placeholders are not input and are left out.
 *
 * aggregates.ts writes the same item set as one SQL statement and counts it there; what is
 * here (`loadItems`, `loadThemeTexts`) is the item-by-item reference its tests check against.
 */
import { and, eq, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import {
  channelGuidelines,
  consultations,
  questions,
  socialAuthors,
  socialPosts,
  socialThreads,
  staffReplies,
  submissionAnswers,
  submissions,
  topics,
  type LocalizedText,
  type ScreeningRecord,
  type SentimentRecord,
} from '../../db/schema.ts';
import type { Channel, InsightsFilter } from './filters.ts';
import {
  guidelineOrder,
  inputPromise,
  rootAccounts,
  socialGuideline,
  socialPromise,
  type ResponsePromise,
} from '../office-hours/due-times.ts';
import { TIME_ZONE } from './weeks.ts';

export type InsightItem = {
  kind: 'submission' | 'social_post';
  id: string;
  channel: Channel;
  /** Which channel guideline's promise applies: `portal`, `widget` or a social account's key. */
  promiseKey: string | null;
  promiseName: LocalizedText | null;
  /** The promise the item's due moment was counted from (due-times.ts), as the inbox counted it. */
  promise: ResponsePromise | null;
  language: string;
  createdAt: Date;
  sentiment: SentimentRecord['label'] | null;
  reviewState: string | null;
  topic: { slug: string; title: LocalizedText } | null;
  consultation: { slug: string; title: LocalizedText } | null;
  /** The first answer published to it, if any: `first_response_at`, else the first published reply. */
  firstAnswerAt: Date | null;
  /**
   * When the promise ends: the stored `response_due_at` (api/services/office-hours/due-times.ts),
   * counted in the office calendar when the item arrived, again while it waited if the promise
   * or the calendar changed, and kept once answered: the time the inbox showed. Null without one.
   */
  dueAt: Date | null;
};

export type ThemeText = { id: string; text: string; lang: string };

export function inPeriod(column: AnyPgColumn, filter: InsightsFilter): SQL {
  // Dates are Amsterdam dates: the period is from the first day's local midnight up to the
  // midnight after the last, converted in the database (the same on PGlite and PostgreSQL).
  // A range on the column itself, so an index on it serves the period (a date computed from
  // the column could only be filtered after reading every row).
  return sql`${column} >= (${filter.from}::date::timestamp at time zone ${TIME_ZONE})
    and ${column} < ((${filter.to}::date + 1)::timestamp at time zone ${TIME_ZONE})`;
}

export type Guideline = {
  key: string;
  name: LocalizedText;
  channel: string;
  platform: string | null;
  responseDays: number;
  responseHours: number | null;
};

export async function guidelines(db: Db, organisationId: string): Promise<Guideline[]> {
  return db
    .select({
      key: channelGuidelines.key,
      name: channelGuidelines.name,
      channel: channelGuidelines.channel,
      platform: channelGuidelines.platform,
      responseDays: channelGuidelines.responseDays,
      responseHours: channelGuidelines.responseHours,
    })
    .from(channelGuidelines)
    .where(eq(channelGuidelines.organisationId, organisationId))
    .orderBy(guidelineOrder);
}

/** Where an item's promise comes from, and the promise: the group its response times are counted in. */
export type ItemPromise = { key: string; name: LocalizedText | null; promise: ResponsePromise };

/**
 * Input's promise, as its due moment was counted (due-times.ts `inputPromise`: the
 * consultation's working days, which the form told the resident, unless the channel's
 * guideline promises hours), grouped under its channel and named by that channel's guideline.
 */
export function inputPromiseOf(all: readonly Guideline[], channel: Channel, consultationDays: number): ItemPromise {
  return {
    key: channel,
    name: all.find((g) => g.key === channel)?.name ?? null,
    promise: inputPromise(all, channel, consultationDays),
  };
}

/**
 * A mirrored post's promise, as its due moment was counted (due-times.ts `socialPromise`: the
 * guideline of the account the thread was written to, else the platform's, else the
 * consultation's working days, else five), grouped under that guideline, else the platform.
 */
export function postPromiseOf(
  all: readonly Guideline[],
  platform: string,
  account: string | null,
  consultationDays: number | null,
): ItemPromise {
  const guideline = socialGuideline(all, platform, account);
  return {
    key: guideline?.key ?? platform,
    name: guideline?.name ?? null,
    promise: socialPromise(all, platform, account, consultationDays),
  };
}

export type Names = {
  consultations: Map<string, { slug: string; title: LocalizedText; responseDays: number; topicId: string }>;
  topics: Map<string, { slug: string; title: LocalizedText }>;
};

/** Titles of the organisation's topics and consultations, read once instead of with every item. */
export async function namesOf(db: Db, organisationId: string): Promise<Names> {
  const consultationRows = await db
    .select({
      id: consultations.id,
      slug: consultations.slug,
      title: consultations.title,
      responseDays: consultations.responseDays,
      topicId: consultations.topicId,
    })
    .from(consultations)
    .where(eq(consultations.organisationId, organisationId));
  const topicRows = await db
    .select({ id: topics.id, slug: topics.slug, title: topics.title })
    .from(topics)
    .where(eq(topics.organisationId, organisationId));
  return {
    consultations: new Map(consultationRows.map(({ id, ...rest }) => [id, rest])),
    topics: new Map(topicRows.map(({ id, ...rest }) => [id, rest])),
  };
}

/**
 * When each item of the organisation got its first published answer. Read as one grouped
 * query and matched in memory: a join or a subquery per item lets the planner scan the
 * replies once per item (seconds for twenty thousand items).
 */
async function firstAnswers(db: Db, kind: InsightItem['kind'], organisationId: string): Promise<Map<string, Date>> {
  const first = sql<Date | string>`min(${staffReplies.publishedAt})`;
  const rows =
    kind === 'submission'
      ? await db
          .select({ id: staffReplies.submissionId, at: first })
          .from(staffReplies)
          .innerJoin(submissions, eq(submissions.id, staffReplies.submissionId))
          .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
          .where(and(eq(consultations.organisationId, organisationId), isNotNull(staffReplies.publishedAt)))
          .groupBy(staffReplies.submissionId)
      : await db
          .select({ id: staffReplies.socialPostId, at: first })
          .from(staffReplies)
          .innerJoin(socialPosts, eq(socialPosts.id, staffReplies.socialPostId))
          .innerJoin(socialThreads, eq(socialThreads.id, socialPosts.threadId))
          .where(and(eq(socialThreads.organisationId, organisationId), isNotNull(staffReplies.publishedAt)))
          .groupBy(staffReplies.socialPostId);
  return new Map(rows.filter((row) => row.id).map((row) => [row.id!, new Date(row.at)]));
}

/**
 * Every item of the period and filter, in Node: the reference definition. The insights are
 * counted by the database (aggregates.ts) and never call this; tests compare the two, and
 * the generator's tests use it to check open data.
 */
export async function loadItems(db: Db, organisationId: string, filter: InsightsFilter): Promise<InsightItem[]> {
  const promises = await guidelines(db, organisationId);
  const names = await namesOf(db, organisationId);
  const items: InsightItem[] = [];

  {
    // Submissions come from every channel, social media included (posts that became items).
    const conditions: SQL[] = [
      eq(consultations.organisationId, organisationId),
      isNull(submissions.erasedAt),
      inPeriod(submissions.createdAt, filter),
    ];
    if (filter.topic) conditions.push(eq(topics.slug, filter.topic));
    if (filter.consultation) conditions.push(eq(consultations.slug, filter.consultation));
    if (filter.channel) conditions.push(eq(submissions.channel, filter.channel));
    const rows = await db
      .select({
        id: submissions.id,
        channel: submissions.channel,
        language: submissions.language,
        createdAt: submissions.createdAt,
        // Only what the figures use: the label, and ids whose titles are read once below.
        sentiment: sql<SentimentRecord['label'] | null>`${submissions.sentiment}->>'label'`,
        reviewState: submissions.reviewState,
        consultationId: submissions.consultationId,
        firstResponseAt: submissions.firstResponseAt,
        responseDueAt: submissions.responseDueAt,
      })
      .from(submissions)
      .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
      .innerJoin(topics, eq(topics.id, consultations.topicId))
      .where(and(...conditions));
    const answered = await firstAnswers(db, 'submission', organisationId);
    for (const row of rows) {
      const consultation = names.consultations.get(row.consultationId)!;
      const promise = inputPromiseOf(promises, row.channel, consultation.responseDays);
      items.push({
        kind: 'submission',
        id: row.id,
        channel: row.channel,
        promiseKey: promise.key,
        promiseName: promise.name,
        promise: promise.promise,
        language: row.language,
        createdAt: row.createdAt,
        dueAt: row.responseDueAt,
        sentiment: row.sentiment,
        reviewState: row.reviewState,
        topic: names.topics.get(consultation.topicId) ?? null,
        consultation: { slug: consultation.slug, title: consultation.title },
        firstAnswerAt: row.firstResponseAt ?? answered.get(row.id) ?? null,
      });
    }
  }

  if (!filter.channel || filter.channel === 'social') {
    const threadTopic = sql`coalesce(${socialThreads.topicId}, ${consultations.topicId})`;
    const conditions: SQL[] = [
      eq(socialThreads.organisationId, organisationId),
      isNull(socialThreads.removedAt),
      isNull(socialPosts.deletedAt),
      isNull(socialPosts.placeholder),
      isNull(socialPosts.submissionId),
      or(isNull(socialPosts.authorId), eq(socialAuthors.isOwnAccount, false))!,
      inPeriod(socialPosts.postedAt, filter),
    ];
    if (filter.topic) conditions.push(eq(topics.slug, filter.topic));
    if (filter.consultation) conditions.push(eq(consultations.slug, filter.consultation));
    const rows = await db
      .select({
        id: socialPosts.id,
        language: socialPosts.language,
        postedAt: socialPosts.postedAt,
        firstResponseAt: socialPosts.firstResponseAt,
        responseDueAt: socialPosts.responseDueAt,
        threadId: socialPosts.threadId,
        sentiment: sql<SentimentRecord['label'] | null>`${socialPosts.sentiment}->>'label'`,
        platform: socialThreads.platform,
        consultationId: socialThreads.consultationId,
        topicId: sql<string | null>`${threadTopic}`,
      })
      .from(socialPosts)
      .innerJoin(socialThreads, eq(socialThreads.id, socialPosts.threadId))
      .leftJoin(socialAuthors, eq(socialAuthors.id, socialPosts.authorId))
      .leftJoin(consultations, eq(consultations.id, socialThreads.consultationId))
      .leftJoin(topics, sql`${topics.id} = ${threadTopic}`)
      .where(and(...conditions));
    const answered = await firstAnswers(db, 'social_post', organisationId);
    const accounts = await rootAccounts(db, [...new Set(rows.map((row) => row.threadId))]);
    for (const row of rows) {
      const consultation = row.consultationId ? names.consultations.get(row.consultationId) : undefined;
      const account = accounts.get(row.threadId) ?? null;
      const promise = postPromiseOf(promises, row.platform, account, consultation?.responseDays ?? null);
      items.push({
        kind: 'social_post',
        id: row.id,
        channel: 'social',
        promiseKey: promise.key,
        promiseName: promise.name,
        promise: promise.promise,
        language: row.language === 'en' ? 'en' : 'nl',
        createdAt: row.postedAt,
        dueAt: row.responseDueAt,
        sentiment: row.sentiment,
        reviewState: null,
        topic: (row.topicId && names.topics.get(row.topicId)) || null,
        consultation: consultation ? { slug: consultation.slug, title: consultation.title } : null,
        firstAnswerAt: row.firstResponseAt ?? answered.get(row.id) ?? null,
      });
    }
  }
  return items.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
}

/**
 * The reference for the theme texts aggregates.ts reads (tests compare the two): the texts
 * themes are drawn from: open answers as they may be published (personal data redacted by
 * screening) and post texts. Input whose rejection stands (status `rejected`, also while a
 * colleague takes a second look) is left out: it is not what residents said about the topic
 * but what broke the house rules.
 */
export async function loadThemeTexts(
  db: Db,
  organisationId: string,
  filter: InsightsFilter,
  items: readonly InsightItem[],
): Promise<ThemeText[]> {
  const wanted = new Set(items.map((i) => i.id));
  const texts = new Map<string, string[]>();
  // One query over the organisation's period, matched to the filtered items in memory: an
  // IN list of thousands of ids is slower than reading a few rows too many.
  const answers = await db
    .select({
      id: submissionAnswers.submissionId,
      key: questions.key,
      value: submissionAnswers.value,
      screening: submissions.screening,
    })
    .from(submissionAnswers)
    .innerJoin(questions, eq(questions.id, submissionAnswers.questionId))
    .innerJoin(submissions, eq(submissions.id, submissionAnswers.submissionId))
    .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
    .where(
      and(
        eq(consultations.organisationId, organisationId),
        eq(questions.kind, 'open_text'),
        ne(submissions.status, 'rejected'),
        inPeriod(submissions.createdAt, filter),
      ),
    )
    .orderBy(submissionAnswers.submissionId, questions.position);
  for (const row of answers) {
    if (!wanted.has(row.id) || typeof row.value !== 'string') continue;
    const redacted = (row.screening as ScreeningRecord | null)?.fields.find((f) => f.question === row.key)?.redacted;
    texts.set(row.id, [...(texts.get(row.id) ?? []), redacted ?? row.value]);
  }
  if (items.some((i) => i.kind === 'social_post')) {
    const posts = await db
      .select({ id: socialPosts.id, text: socialPosts.contentText })
      .from(socialPosts)
      .innerJoin(socialThreads, eq(socialThreads.id, socialPosts.threadId))
      .where(and(eq(socialThreads.organisationId, organisationId), inPeriod(socialPosts.postedAt, filter)));
    for (const row of posts) if (wanted.has(row.id)) texts.set(row.id, [row.text]);
  }
  return items
    .filter((item) => texts.has(item.id))
    .map((item) => ({ id: item.id, text: texts.get(item.id)!.join('\n'), lang: item.language }));
}
