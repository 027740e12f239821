/**
 * Aggregate figures per published consultation for the open-data endpoint.
 *
 * Small-number protection: a consultation with three contributions, split by channel and
 * sentiment, can tell neighbours how one known resident felt. Counts from 1 to 4 are
 * therefore withheld (null), and when a group (channels, sentiment) would have exactly one
 * withheld cell, the next smallest is withheld too, so it cannot be worked out from the
 * total. Shares and medians are published only over at least 5 items. Zero is published:
 * "nobody" reveals no one.
 */
import { asc, eq } from 'drizzle-orm';
import type { ConsultationOpenData } from '../../../shared/contracts/open-data.ts';
import type { Db } from '../../db/client.ts';
import { consultations, organisations, topics } from '../../db/schema.ts';
import { needsAnswer } from './figures.ts';
import { loadItems, type InsightItem } from './items.ts';
import { median } from './stats.ts';

export const SMALL_NUMBER_THRESHOLD = 5;
export const OPEN_DATA_LICENCE = 'CC0-1.0';
const DAY_MS = 86_400_000;

function withhold(n: number): number | null {
  return n > 0 && n < SMALL_NUMBER_THRESHOLD ? null : n;
}

/** Withholds small cells of one group, and one more when a single withheld cell could be derived. */
export function protectGroup<K extends string>(counts: Record<K, number>): Record<K, number | null> {
  const keys = Object.keys(counts) as K[];
  const result = Object.fromEntries(keys.map((k) => [k, withhold(counts[k])])) as Record<K, number | null>;
  const withheld = keys.filter((k) => result[k] === null);
  if (withheld.length === 1) {
    const next = keys
      .filter((k) => result[k] !== null && counts[k] > 0)
      .sort((a, b) => counts[a] - counts[b] || a.localeCompare(b))[0];
    if (next) result[next] = null;
  }
  return result;
}

export function openDataFor(
  items: readonly InsightItem[],
): Pick<ConsultationOpenData, 'contributions' | 'perChannel' | 'sentiment' | 'answeredShare' | 'medianAnswerDays'> {
  const total = items.length;
  const count = (test: (item: InsightItem) => boolean) => items.filter(test).length;
  const hidden = total > 0 && total < SMALL_NUMBER_THRESHOLD;
  const group = <K extends string>(counts: Record<K, number>) =>
    hidden ? (Object.fromEntries(Object.keys(counts).map((k) => [k, null])) as Record<K, null>) : protectGroup(counts);
  const needing = items.filter(needsAnswer);
  const answered = needing.filter((item) => item.firstAnswerAt !== null);
  const days = answered.map((item) => (item.firstAnswerAt!.getTime() - item.createdAt.getTime()) / DAY_MS);
  const medianDays = answered.length >= SMALL_NUMBER_THRESHOLD ? median(days) : null;
  return {
    contributions: withhold(total),
    perChannel: group({
      portal: count((i) => i.channel === 'portal'),
      widget: count((i) => i.channel === 'widget'),
      social: count((i) => i.channel === 'social'),
    }),
    sentiment: group({
      positive: count((i) => i.sentiment === 'positive'),
      neutral: count((i) => i.sentiment === 'neutral'),
      negative: count((i) => i.sentiment === 'negative'),
      unknown: count((i) => i.sentiment === null),
    }),
    answeredShare:
      needing.length >= SMALL_NUMBER_THRESHOLD ? Math.round((answered.length / needing.length) * 1000) / 1000 : null,
    medianAnswerDays: medianDays === null ? null : Math.round(medianDays * 10) / 10,
  };
}

/** Every consultation residents can see (not drafts), with its figures; one slug or all. */
export async function openDataConsultations(db: Db, slug?: string): Promise<ConsultationOpenData[]> {
  const orgs = await db.select({ id: organisations.id }).from(organisations).orderBy(asc(organisations.slug));
  const result: ConsultationOpenData[] = [];
  for (const org of orgs) {
    const rows = await db
      .select({
        slug: consultations.slug,
        title: consultations.title,
        topic: topics.slug,
        status: consultations.status,
        opensAt: consultations.opensAt,
        closesAt: consultations.closesAt,
      })
      .from(consultations)
      .innerJoin(topics, eq(topics.id, consultations.topicId))
      .where(eq(consultations.organisationId, org.id))
      .orderBy(asc(consultations.slug));
    const visible = rows.filter((row) => row.status !== 'draft' && (!slug || row.slug === slug));
    if (visible.length === 0) continue;
    // Every item of every date: the whole life of each consultation.
    const items = await loadItems(db, org.id, {
      from: '1970-01-01',
      to: '9999-12-31',
      ...(slug ? { consultation: slug } : {}),
    });
    for (const row of visible) {
      result.push({
        slug: row.slug,
        title: row.title,
        topic: row.topic,
        status: row.status as ConsultationOpenData['status'],
        opensAt: row.opensAt.toISOString(),
        closesAt: row.closesAt.toISOString(),
        ...openDataFor(items.filter((item) => item.consultation?.slug === row.slug)),
      });
    }
  }
  return result;
}
