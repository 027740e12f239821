/**
 * Insights for one organisation, one period and optional filters: everything the
 * insights page, its exports and its tests need, counted by the database (aggregates.ts).
 */
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { consultations, socialPosts, socialThreads, topics } from '../../db/schema.ts';
import {
  accuracy,
  type Accuracy,
  type EngagementRow,
  type ResponseTimeRow,
  type SentimentGroup,
  type VolumeWeek,
} from './figures.ts';
import type { Channel, InsightsFilter } from './filters.ts';
import { inPeriod } from './items.ts';
import {
  channelCounts,
  countFigures,
  labelChecks,
  loadContext,
  themeFigures,
  type SampledTopicThemes,
} from './aggregates.ts';
import { responseFigures } from './response-times.ts';
import { weeksBetween } from './weeks.ts';
import { computeReach, type Reach } from '../reach/figures.ts';
import { compareMeasures, previousPeriod, type Comparison, type Measure } from './compare.ts';

export type Insights = {
  filter: InsightsFilter;
  weeks: string[];
  items: number;
  volume: VolumeWeek[];
  sentimentByWeek: SentimentGroup[];
  sentimentByTopic: SentimentGroup[];
  sentimentByChannel: SentimentGroup[];
  themes: SampledTopicThemes[];
  responseTimes: ResponseTimeRow[];
  responseOverall: Omit<ResponseTimeRow, 'key' | 'name' | 'channel' | 'promise'>;
  engagement: EngagementRow[];
  accuracy: Accuracy;
  /** Page visits, downloads, widget views and social counts (api/services/reach/figures.ts). */
  reach: Reach;
  /** This period beside the previous one of equal length. */
  comparison: Comparison;
};

export const FIGURES = [
  'volume',
  'sentiment-week',
  'sentiment-topic',
  'sentiment-channel',
  'themes',
  'response-times',
  'engagement',
  'accuracy',
  'reach-consultation',
  'reach-channel',
  'compare',
] as const;
export type FigureId = (typeof FIGURES)[number];

export async function computeInsights(
  db: Db,
  organisationId: string,
  filter: InsightsFilter,
  now: Date,
): Promise<Insights> {
  // Counted by the database (aggregates.ts): no item is loaded into Node. The statements are
  // independent, so on a PostgreSQL server they run side by side on the pool's connections
  // (PGlite runs them one after another).
  const context = await loadContext(db, organisationId);
  const weeks = weeksBetween(filter.from, filter.to);
  const period = previousPeriod(filter);
  const previousFilter = { ...filter, ...period };
  const [counts, response, themes, reach, previousCounts, previousReach, engaged, checks] = await Promise.all([
    countFigures(db, context, filter, weeks),
    responseFigures(db, context, filter, now),
    themeFigures(db, context, filter),
    computeReach(db, organisationId, filter),
    channelCounts(db, context, previousFilter),
    computeReach(db, organisationId, previousFilter),
    engagement(db, organisationId, filter),
    labelChecks(db, context, filter),
  ]);
  return {
    filter,
    weeks,
    items: counts.items,
    volume: counts.volume,
    sentimentByWeek: counts.sentimentByWeek,
    sentimentByTopic: counts.sentimentByTopic,
    sentimentByChannel: counts.sentimentByChannel,
    themes,
    responseTimes: response.rows,
    responseOverall: response.overall,
    engagement: engaged,
    accuracy: accuracy(checks),
    reach,
    comparison: compareMeasures(
      measuresOf(counts.perChannel, reach),
      measuresOf(previousCounts, previousReach),
      period,
    ),
  };
}

function measuresOf(perChannel: Record<Channel, number>, reach: Reach): Record<Measure, number> {
  return {
    items: perChannel.portal + perChannel.widget + perChannel.social,
    ...perChannel,
    ...reach.totals,
  };
}

/**
 * Per mirrored thread: residents' and others' replies posted in the period, and the likes
 * and reposts the platform reports on the posts of the period (root included). A channel
 * filter other than social media leaves no threads.
 */
async function engagement(db: Db, organisationId: string, filter: InsightsFilter): Promise<EngagementRow[]> {
  if (filter.channel && filter.channel !== 'social') return [];
  const conditions: SQL[] = [
    eq(socialThreads.organisationId, organisationId),
    isNull(socialThreads.removedAt),
    isNull(socialPosts.deletedAt),
    isNull(socialPosts.placeholder),
    inPeriod(socialPosts.postedAt, filter),
  ];
  if (filter.consultation) conditions.push(eq(consultations.slug, filter.consultation));
  if (filter.topic) conditions.push(eq(topics.slug, filter.topic));
  const rows = await db
    .select({
      threadId: socialThreads.id,
      title: socialThreads.title,
      platform: socialThreads.platform,
      sourceUrl: socialThreads.sourceUrl,
      consultation: consultations.slug,
      replies: sql<number>`count(*) filter (where ${socialPosts.position} > 0)`.mapWith(Number),
      likes: sql<number>`coalesce(sum(${socialPosts.likeCount}), 0)`.mapWith(Number),
      reposts: sql<number>`coalesce(sum(${socialPosts.repostCount}), 0)`.mapWith(Number),
    })
    .from(socialPosts)
    .innerJoin(socialThreads, eq(socialThreads.id, socialPosts.threadId))
    .leftJoin(consultations, eq(consultations.id, socialThreads.consultationId))
    .leftJoin(topics, sql`${topics.id} = coalesce(${socialThreads.topicId}, ${consultations.topicId})`)
    .where(and(...conditions))
    .groupBy(socialThreads.id, consultations.slug);
  return rows.sort((a, b) => b.replies - a.replies || a.threadId.localeCompare(b.threadId));
}

export { parseFilter, filterOptions, filterQuery, rawFilter, type InsightsFilter } from './filters.ts';
