/**
 * The filter every insights figure and export shares: a period of Amsterdam dates and,
 * optionally, one topic, consultation or channel. Parsed at the edge; a bad value is
 * refused with the field it belongs to, never silently widened to "everything".
 */
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { consultations, topics, type LocalizedText } from '../../db/schema.ts';
import { periodErrors, rawQuery } from '../filter-query.ts';
import { addDays, amsterdamDate, isCalendarDate, mondayOf } from './weeks.ts';
import { InputText } from '../../../shared/contracts/input-text.ts';

export const CHANNELS = ['portal', 'widget', 'social'] as const;
export type Channel = (typeof CHANNELS)[number];

export type InsightsFilter = {
  /** First and last day, inclusive, as `YYYY-MM-DD` in Amsterdam. */
  from: string;
  to: string;
  topic?: string | undefined;
  consultation?: string | undefined;
  channel?: Channel | undefined;
};

/** The longest period one request may ask for; longer ones are slow and rarely meant. */
export const MAX_PERIOD_DAYS = 731;
/** Without a period: the last twelve ISO weeks, this one included. */
export const DEFAULT_WEEKS = 12;

export type FilterError = {
  field: 'from' | 'to' | 'topic' | 'consultation' | 'channel';
  code: 'from' | 'to' | 'order' | 'span' | 'topic' | 'consultation' | 'channel';
};

export type FilterOptions = {
  topics: Array<{ slug: string; title: LocalizedText }>;
  consultations: Array<{ slug: string; title: LocalizedText; topic: string }>;
};

export async function filterOptions(db: Db, organisationId: string): Promise<FilterOptions> {
  const topicRows = await db
    .select({ id: topics.id, slug: topics.slug, title: topics.title })
    .from(topics)
    .where(eq(topics.organisationId, organisationId))
    .orderBy(asc(topics.position), asc(topics.slug));
  const consultationRows = await db
    .select({ slug: consultations.slug, title: consultations.title, topicId: consultations.topicId })
    .from(consultations)
    .where(eq(consultations.organisationId, organisationId))
    .orderBy(asc(consultations.slug));
  return {
    topics: topicRows.map(({ slug, title }) => ({ slug, title })),
    consultations: consultationRows.map((c) => ({
      slug: c.slug,
      title: c.title,
      topic: topicRows.find((t) => t.id === c.topicId)?.slug ?? '',
    })),
  };
}

const Query = z.object({
  from: InputText.max(20).optional(),
  to: InputText.max(20).optional(),
  topic: InputText.max(200).optional(),
  consultation: InputText.max(200).optional(),
  channel: InputText.max(20).optional(),
});

/** What the filter form sent, as text, to show back in the form. */
export type RawFilter = z.infer<typeof Query>;

/** The filter parameters as sent, trimmed and cut to a sane length, to check and to show back in the form. */
export function rawFilter(query: Record<string, string | undefined>): RawFilter {
  return Query.parse(rawQuery(query, { from: 20, to: 20, topic: 200, consultation: 200, channel: 20 }));
}

export function parseFilter(
  raw: RawFilter,
  options: FilterOptions,
  now: Date,
): { ok: true; filter: InsightsFilter } | { ok: false; errors: FilterError[] } {
  const errors: FilterError[] = [];
  const today = amsterdamDate(now);
  const to = raw.to ?? today;
  const from =
    raw.from ?? mondayOf(addDays(raw.to && isCalendarDate(raw.to) ? raw.to : today, -7 * (DEFAULT_WEEKS - 1)));
  errors.push(...periodErrors(from, to, MAX_PERIOD_DAYS));
  if (raw.topic && !options.topics.some((t) => t.slug === raw.topic)) errors.push({ field: 'topic', code: 'topic' });
  if (raw.consultation && !options.consultations.some((c) => c.slug === raw.consultation))
    errors.push({ field: 'consultation', code: 'consultation' });
  if (raw.channel && !(CHANNELS as readonly string[]).includes(raw.channel))
    errors.push({ field: 'channel', code: 'channel' });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    filter: {
      from,
      to,
      topic: raw.topic,
      consultation: raw.consultation,
      channel: raw.channel as Channel | undefined,
    },
  };
}

/** The filter as query parameters, for export links and the queue. */
export function filterQuery(filter: InsightsFilter): string {
  const params = new URLSearchParams({ from: filter.from, to: filter.to });
  if (filter.topic) params.set('topic', filter.topic);
  if (filter.consultation) params.set('consultation', filter.consultation);
  if (filter.channel) params.set('channel', filter.channel);
  return params.toString();
}
