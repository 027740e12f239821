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
import { sql } from 'drizzle-orm';
import type { ConsultationOpenData } from '../../../shared/contracts/open-data.ts';
import type { Db } from '../../db/client.ts';
import {
  consultations,
  organisations,
  socialAuthors,
  socialPosts,
  socialThreads,
  staffReplies,
  submissions,
  topics,
} from '../../db/schema.ts';
import { rowsOf } from '../../db/rows.ts';
import { needsAnswer } from './figures.ts';
import type { InsightItem } from './items.ts';
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

/** What the figures of one consultation are made of, before small numbers are withheld. */
export type OpenDataCounts = {
  total: number;
  portal: number;
  widget: number;
  social: number;
  positive: number;
  neutral: number;
  negative: number;
  unknown: number;
  /** Items that need an answer (figures.ts `needsAnswer`), and those of them with a published one. */
  needing: number;
  answered: number;
  /** Median calendar days from arrival to the first published answer, unrounded; null without answers. */
  medianDays: number | null;
};

type PublishedFigures = Pick<
  ConsultationOpenData,
  'contributions' | 'perChannel' | 'sentiment' | 'answeredShare' | 'medianAnswerDays'
>;

/** The counts of a list of items, the way the insights define them (the reference the SQL must match). */
export function countsOf(items: readonly InsightItem[]): OpenDataCounts {
  const count = (test: (item: InsightItem) => boolean) => items.filter(test).length;
  const answered = items.filter(needsAnswer).filter((item) => item.firstAnswerAt !== null);
  return {
    total: items.length,
    portal: count((i) => i.channel === 'portal'),
    widget: count((i) => i.channel === 'widget'),
    social: count((i) => i.channel === 'social'),
    positive: count((i) => i.sentiment === 'positive'),
    neutral: count((i) => i.sentiment === 'neutral'),
    negative: count((i) => i.sentiment === 'negative'),
    unknown: count((i) => i.sentiment === null),
    needing: count(needsAnswer),
    answered: answered.length,
    medianDays: median(answered.map((item) => (item.firstAnswerAt!.getTime() - item.createdAt.getTime()) / DAY_MS)),
  };
}

/** The published figures: small numbers withheld, shares and medians only over enough items. */
export function publishCounts(counts: OpenDataCounts): PublishedFigures {
  const total = counts.total;
  const hidden = total > 0 && total < SMALL_NUMBER_THRESHOLD;
  const group = <K extends string>(values: Record<K, number>) =>
    hidden ? (Object.fromEntries(Object.keys(values).map((k) => [k, null])) as Record<K, null>) : protectGroup(values);
  const medianDays = counts.answered >= SMALL_NUMBER_THRESHOLD ? counts.medianDays : null;
  return {
    contributions: withhold(total),
    perChannel: group({ portal: counts.portal, widget: counts.widget, social: counts.social }),
    sentiment: group({
      positive: counts.positive,
      neutral: counts.neutral,
      negative: counts.negative,
      unknown: counts.unknown,
    }),
    answeredShare:
      counts.needing >= SMALL_NUMBER_THRESHOLD ? Math.round((counts.answered / counts.needing) * 1000) / 1000 : null,
    medianAnswerDays: medianDays === null ? null : Math.round(medianDays * 10) / 10,
  };
}

export function openDataFor(items: readonly InsightItem[]): PublishedFigures {
  return publishCounts(countsOf(items));
}

type Row = {
  slug: string;
  title: ConsultationOpenData['title'];
  topic: string;
  status: ConsultationOpenData['status'];
  opens_at: string | Date;
  closes_at: string | Date;
} & { [K in keyof Omit<OpenDataCounts, 'medianDays'>]: number } & { median_days: number | string | null };

/**
 * Every consultation residents can see (not drafts), with its figures; one slug or all.
 * Counted by the database in one grouped statement: the items never come into Node (at a
 * million items that took seconds and gigabytes). The items are those `loadItems` gives for
 * the whole life of a consultation: its submissions that are not erased, and residents' posts
 * in its mirrored threads (not the municipality's own, not deleted, not placeholders, not
 * posts that became a submission).
 */
export async function openDataConsultations(db: Db, slug?: string): Promise<ConsultationOpenData[]> {
  return (await openDataCounts(db, slug)).map(({ counts, ...consultation }) => ({
    ...consultation,
    ...publishCounts(counts),
  }));
}

type CountedConsultation = Pick<
  ConsultationOpenData,
  'slug' | 'title' | 'topic' | 'status' | 'opensAt' | 'closesAt'
> & {
  counts: OpenDataCounts;
};

/** The counts behind the open data, before small numbers are withheld. */
export async function openDataCounts(db: Db, slug?: string): Promise<CountedConsultation[]> {
  const one = slug === undefined ? sql`true` : sql`c.slug = ${slug}::text`;
  // Milliseconds, as the dates Node reads have: the median is then the same to the last digit.
  const days = sql`(extract(epoch from (date_trunc('milliseconds', i.first_at) - date_trunc('milliseconds', i.at))) * 1000)::float8 / ${DAY_MS}::float8`;
  const visible = sql`select c.id, c.organisation_id from ${consultations} c where c.status <> 'draft' and ${one}`;
  // The items of the visible consultations with their first published answer; with `answered`
  // only those that have one (an inner join), for the median.
  const items = (answered: boolean) => {
    const join = answered ? sql.raw('join') : sql.raw('left join');
    return sql`
      select s.consultation_id as cid, s.channel::text as channel, s.sentiment->>'label' as label,
        s.review_state::text as state, s.created_at as at, s.first_published_reply_at as first_at
      from ${submissions} s
      where s.erased_at is null and s.consultation_id in (select id from (${visible}) v)
        ${answered ? sql`and s.first_published_reply_at is not null` : sql``}
      union all
      select v.id, 'social', p.sentiment->>'label', null, p.posted_at, r.first_at
      from ${socialPosts} p
      join ${socialThreads} th on th.id = p.thread_id
      join (${visible}) v on v.id = th.consultation_id and v.organisation_id = th.organisation_id
      left join ${socialAuthors} a on a.id = p.author_id
      ${join} (
        select social_post_id, min(published_at) as first_at from ${staffReplies}
        where published_at is not null and social_post_id is not null group by social_post_id
      ) r on r.social_post_id = p.id
      where th.removed_at is null and p.deleted_at is null and p.placeholder is null and p.submission_id is null
        and (p.author_id is null or a.is_own_account = false)`;
  };
  // Counts by hashing (no sort of a million rows); the median sorts only the answered items.
  const rows = rowsOf<Row>(
    await db.execute(sql`
    select c.slug, c.title, t.slug as topic, c.status::text as status, c.opens_at, c.closes_at,
      coalesce(n.total, 0) as total, coalesce(n.portal, 0) as portal, coalesce(n.widget, 0) as widget,
      coalesce(n.social, 0) as social, coalesce(n.positive, 0) as positive, coalesce(n.neutral, 0) as neutral,
      coalesce(n.negative, 0) as negative, coalesce(n.unknown, 0) as unknown, coalesce(n.needing, 0) as needing,
      coalesce(n.answered, 0) as answered, m.median_days
    from ${consultations} c
    join ${topics} t on t.id = c.topic_id
    join ${organisations} o on o.id = c.organisation_id
    left join (
      select i.cid,
        count(*)::int as total,
        count(*) filter (where i.channel = 'portal')::int as portal,
        count(*) filter (where i.channel = 'widget')::int as widget,
        count(*) filter (where i.channel = 'social')::int as social,
        count(*) filter (where i.label = 'positive')::int as positive,
        count(*) filter (where i.label = 'neutral')::int as neutral,
        count(*) filter (where i.label = 'negative')::int as negative,
        count(*) filter (where i.label is null)::int as unknown,
        count(*) filter (where i.first_at is not null or i.state in ('needs_answer', 'answered'))::int as needing,
        count(*) filter (where i.first_at is not null)::int as answered
      from (${items(false)}) i group by i.cid
    ) n on n.cid = c.id
    left join (
      select i.cid, percentile_cont(0.5) within group (order by ${days}) as median_days
      from (${items(true)}) i group by i.cid
    ) m on m.cid = c.id
    where c.status <> 'draft' and ${one}
    order by o.slug, c.slug`),
  );
  return rows.map((row) => ({
    slug: row.slug,
    title: row.title,
    topic: row.topic,
    status: row.status,
    opensAt: new Date(row.opens_at).toISOString(),
    closesAt: new Date(row.closes_at).toISOString(),
    counts: {
      total: row.total,
      portal: row.portal,
      widget: row.widget,
      social: row.social,
      positive: row.positive,
      neutral: row.neutral,
      negative: row.negative,
      unknown: row.unknown,
      needing: row.needing,
      answered: row.answered,
      medianDays: row.median_days === null ? null : Number(row.median_days),
    },
  }));
}
