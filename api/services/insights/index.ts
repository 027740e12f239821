/**
 * Insights for one organisation, one period and optional filters: everything the
 * insights page, its exports and its tests need, computed in one pass over the items.
 */
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { consultations, sentimentCorrections, socialPosts, socialThreads, topics } from '../../db/schema.ts';
import {
  accuracy,
  responseOverall,
  responseTimes,
  sentimentPerChannel,
  sentimentPerTopic,
  sentimentPerWeek,
  themesPerTopic,
  volumePerWeek,
  type Accuracy,
  type Correction,
  type EngagementRow,
  type ResponseTimeRow,
  type SentimentGroup,
  type TopicThemes,
  type VolumeWeek,
} from './figures.ts';
import type { InsightsFilter } from './filters.ts';
import { inPeriod, loadItems, loadThemeTexts, type InsightItem } from './items.ts';
import { loadThemeCorrections } from './theme-corrections.ts';
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
  themes: TopicThemes[];
  responseTimes: ResponseTimeRow[];
  responseOverall: ReturnType<typeof responseOverall>;
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
  const items = await loadItems(db, organisationId, filter);
  const weeks = weeksBetween(filter.from, filter.to);
  const texts = await loadThemeTexts(db, organisationId, filter, items);
  const reach = await computeReach(db, organisationId, filter);
  const period = previousPeriod(filter);
  const previousFilter = { ...filter, ...period };
  const [previousItems, previousReach] = [
    await loadItems(db, organisationId, previousFilter),
    await computeReach(db, organisationId, previousFilter),
  ];
  return {
    filter,
    weeks,
    items: items.length,
    volume: volumePerWeek(items, weeks),
    sentimentByWeek: sentimentPerWeek(items, weeks),
    sentimentByTopic: sentimentPerTopic(items),
    sentimentByChannel: sentimentPerChannel(items),
    themes: themesPerTopic(items, texts, { corrections: await loadThemeCorrections(db, organisationId) }),
    responseTimes: responseTimes(items, now),
    responseOverall: responseOverall(items, now),
    engagement: await engagement(db, organisationId, filter),
    accuracy: accuracy(await corrections(db, organisationId, items)),
    reach,
    comparison: compareMeasures(measuresOf(items, reach), measuresOf(previousItems, previousReach), period),
  };
}

function measuresOf(items: readonly InsightItem[], reach: Reach): Record<Measure, number> {
  const channel = (name: string) => items.filter((item) => item.channel === name).length;
  return {
    items: items.length,
    portal: channel('portal'),
    widget: channel('widget'),
    social: channel('social'),
    ...reach.totals,
  };
}

/** Staff checks of labels on the filtered items; an item checked twice counts once, as last checked. */
async function corrections(db: Db, organisationId: string, items: readonly InsightItem[]): Promise<Correction[]> {
  const found: Correction[] = [];
  const ids = items.map((item) => item.id);
  for (let at = 0; at < ids.length; at += 1000) {
    const rows = await db
      .select({ predicted: sentimentCorrections.predicted, label: sentimentCorrections.label })
      .from(sentimentCorrections)
      .where(
        and(
          eq(sentimentCorrections.organisationId, organisationId),
          inArray(sentimentCorrections.subjectId, ids.slice(at, at + 1000)),
        ),
      );
    found.push(...rows);
  }
  return found;
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
