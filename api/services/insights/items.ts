/**
 * The items every insights figure counts: input from the portal and widgets (submissions)
 * and residents' posts in mirrored social threads, received in the period and matching
 * the filter. A post that became a submission counts once, as the submission; the
 * municipality's own posts, deleted posts and placeholders are not input and are left out.
 */
import { and, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
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
import { TIME_ZONE } from './weeks.ts';

export type InsightItem = {
  kind: 'submission' | 'social_post';
  id: string;
  channel: Channel;
  /** Which channel guideline's promise applies: `portal`, `widget` or a social account's key. */
  promiseKey: string | null;
  promiseName: LocalizedText | null;
  promiseDays: number | null;
  language: string;
  createdAt: Date;
  sentiment: SentimentRecord['label'] | null;
  reviewState: string | null;
  topic: { slug: string; title: LocalizedText } | null;
  consultation: { slug: string; title: LocalizedText } | null;
  /** The first answer published to it, if any. */
  firstAnswerAt: Date | null;
};

export type ThemeText = { id: string; text: string; lang: string };

function inPeriod(column: AnyPgColumn, filter: InsightsFilter): SQL {
  // Dates are Amsterdam dates: convert in the database, the same on PGlite and PostgreSQL.
  return sql`(${column} at time zone ${TIME_ZONE})::date between ${filter.from}::date and ${filter.to}::date`;
}

type Guideline = { key: string; name: LocalizedText; channel: string; platform: string | null; responseDays: number };

async function guidelines(db: Db, organisationId: string): Promise<Guideline[]> {
  return db
    .select({
      key: channelGuidelines.key,
      name: channelGuidelines.name,
      channel: channelGuidelines.channel,
      platform: channelGuidelines.platform,
      responseDays: channelGuidelines.responseDays,
    })
    .from(channelGuidelines)
    .where(eq(channelGuidelines.organisationId, organisationId))
    .orderBy(channelGuidelines.key);
}

/**
 * The promise for an item: its channel's guideline (for social media the first account
 * on the same platform), else the consultation's own response time.
 */
function promiseFor(
  all: Guideline[],
  channel: Channel,
  platform: string | null,
  consultationDays: number | null,
): { key: string | null; name: LocalizedText | null; days: number | null } {
  const guideline =
    channel === 'social'
      ? (all.find((g) => g.channel === 'social' && g.platform === platform) ?? all.find((g) => g.channel === 'social'))
      : all.find((g) => g.key === channel);
  if (guideline) return { key: guideline.key, name: guideline.name, days: guideline.responseDays };
  return { key: channel === 'social' && platform ? platform : channel, name: null, days: consultationDays };
}

export async function loadItems(db: Db, organisationId: string, filter: InsightsFilter): Promise<InsightItem[]> {
  const promises = await guidelines(db, organisationId);
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
    const firstAnswer = sql<
      string | null
    >`(select min(${staffReplies.publishedAt}) from ${staffReplies} where ${staffReplies.submissionId} = ${submissions.id} and ${staffReplies.publishedAt} is not null)`;
    const rows = await db
      .select({
        id: submissions.id,
        channel: submissions.channel,
        language: submissions.language,
        createdAt: submissions.createdAt,
        sentiment: submissions.sentiment,
        reviewState: submissions.reviewState,
        consultationSlug: consultations.slug,
        consultationTitle: consultations.title,
        responseDays: consultations.responseDays,
        topicSlug: topics.slug,
        topicTitle: topics.title,
        firstAnswerAt: firstAnswer,
      })
      .from(submissions)
      .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
      .innerJoin(topics, eq(topics.id, consultations.topicId))
      .where(and(...conditions));
    for (const row of rows) {
      const promise = promiseFor(promises, row.channel, null, row.responseDays);
      items.push({
        kind: 'submission',
        id: row.id,
        channel: row.channel,
        promiseKey: promise.key,
        promiseName: promise.name,
        promiseDays: promise.days,
        language: row.language,
        createdAt: row.createdAt,
        sentiment: row.sentiment?.label ?? null,
        reviewState: row.reviewState,
        topic: { slug: row.topicSlug, title: row.topicTitle },
        consultation: { slug: row.consultationSlug, title: row.consultationTitle },
        firstAnswerAt: row.firstAnswerAt ? new Date(row.firstAnswerAt) : null,
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
    const firstAnswer = sql<
      string | null
    >`(select min(${staffReplies.publishedAt}) from ${staffReplies} where ${staffReplies.socialPostId} = ${socialPosts.id} and ${staffReplies.publishedAt} is not null)`;
    const rows = await db
      .select({
        id: socialPosts.id,
        language: socialPosts.language,
        postedAt: socialPosts.postedAt,
        sentiment: socialPosts.sentiment,
        platform: socialThreads.platform,
        consultationSlug: consultations.slug,
        consultationTitle: consultations.title,
        responseDays: consultations.responseDays,
        topicSlug: topics.slug,
        topicTitle: topics.title,
        firstAnswerAt: firstAnswer,
      })
      .from(socialPosts)
      .innerJoin(socialThreads, eq(socialThreads.id, socialPosts.threadId))
      .leftJoin(socialAuthors, eq(socialAuthors.id, socialPosts.authorId))
      .leftJoin(consultations, eq(consultations.id, socialThreads.consultationId))
      .leftJoin(topics, sql`${topics.id} = ${threadTopic}`)
      .where(and(...conditions));
    for (const row of rows) {
      const promise = promiseFor(promises, 'social', row.platform, row.responseDays);
      items.push({
        kind: 'social_post',
        id: row.id,
        channel: 'social',
        promiseKey: promise.key,
        promiseName: promise.name,
        promiseDays: promise.days,
        language: row.language === 'en' ? 'en' : 'nl',
        createdAt: row.postedAt,
        sentiment: row.sentiment?.label ?? null,
        reviewState: null,
        topic: row.topicSlug && row.topicTitle ? { slug: row.topicSlug, title: row.topicTitle } : null,
        consultation:
          row.consultationSlug && row.consultationTitle
            ? { slug: row.consultationSlug, title: row.consultationTitle }
            : null,
        firstAnswerAt: row.firstAnswerAt ? new Date(row.firstAnswerAt) : null,
      });
    }
  }
  return items.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
}

/**
 * The texts themes are drawn from: open answers as they may be published (personal data
 * redacted by screening) and post texts. Rejected input is left out: it is not what
 * residents said about the topic but what broke the house rules.
 */
export async function loadThemeTexts(db: Db, items: readonly InsightItem[]): Promise<ThemeText[]> {
  const submissionIds = items.filter((i) => i.kind === 'submission' && i.reviewState !== 'rejected').map((i) => i.id);
  const postIds = items.filter((i) => i.kind === 'social_post').map((i) => i.id);
  const texts = new Map<string, string[]>();
  for (let at = 0; at < submissionIds.length; at += 1000) {
    const ids = submissionIds.slice(at, at + 1000);
    const rows = await db
      .select({
        id: submissionAnswers.submissionId,
        key: questions.key,
        value: submissionAnswers.value,
        screening: submissions.screening,
      })
      .from(submissionAnswers)
      .innerJoin(questions, eq(questions.id, submissionAnswers.questionId))
      .innerJoin(submissions, eq(submissions.id, submissionAnswers.submissionId))
      .where(and(inArray(submissionAnswers.submissionId, ids), eq(questions.kind, 'open_text')))
      .orderBy(submissionAnswers.submissionId, questions.position);
    for (const row of rows) {
      if (typeof row.value !== 'string') continue;
      const redacted = (row.screening as ScreeningRecord | null)?.fields.find((f) => f.question === row.key)?.redacted;
      texts.set(row.id, [...(texts.get(row.id) ?? []), redacted ?? row.value]);
    }
  }
  for (let at = 0; at < postIds.length; at += 1000) {
    const rows = await db
      .select({ id: socialPosts.id, text: socialPosts.contentText })
      .from(socialPosts)
      .where(and(inArray(socialPosts.id, postIds.slice(at, at + 1000)), isNotNull(socialPosts.contentText)));
    for (const row of rows) texts.set(row.id, [row.text]);
  }
  return items
    .filter((item) => texts.has(item.id))
    .map((item) => ({ id: item.id, text: texts.get(item.id)!.join('\n'), lang: item.language }));
}
