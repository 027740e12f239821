/**
 * Reach for the insights pages: portal page visits and downloads, widget views per embedding
 * site, and the likes, reposts, replies and quotes the platforms report, per consultation and
 * per channel, for one period (Amsterdam days, inclusive).
 *
 * - A page belongs to a consultation by its path (`/consultaties/<slug>/…`,
 *   `/en/consultations/<slug>/…`, the archive `/api/consultations/<slug>/archive`, and a mirrored
 *   conversation `/gesprekken/<id>/` of a thread tied to it). Other pages (home, topics, help)
 *   count under "other portal pages".
 * - Social figures are the change in the period: per post the last count the platform reported
 *   in the period minus the last before it (zero for a post first read in the period, so
 *   everything an older post had when it was first mirrored counts then). Counts can fall
 *   (an unlike), so a change can be negative.
 */
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import {
  consultations,
  pageVisits,
  socialPostMetrics,
  socialPosts,
  socialThreads,
  topics,
  widgetViews,
  type LocalizedText,
} from '../../db/schema.ts';
import type { InsightsFilter } from '../insights/filters.ts';
import { TIME_ZONE } from '../insights/weeks.ts';

export type SocialCounts = { replies: number; likes: number; reposts: number; quotes: number };

export type ConsultationReach = {
  /** null: portal pages that belong to no consultation (home, topics, help). */
  consultation: { slug: string; title: LocalizedText } | null;
  pageVisits: number;
  downloads: number;
  widgetViews: number;
} & SocialCounts;

export type ChannelReach =
  | { channel: 'portal' | 'downloads'; visits: number }
  | { channel: 'widget'; origin: string; visits: number }
  | ({ channel: 'social'; platform: string } & SocialCounts);

export type Reach = {
  perConsultation: ConsultationReach[];
  perChannel: ChannelReach[];
  totals: { pageVisits: number; downloads: number; widgetViews: number } & SocialCounts;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a counted path is about: a consultation (by slug), a thread (by id), or neither. */
export function subjectOfPath(path: string): { consultation: string } | { thread: string } | null {
  const parts = path.split('/').filter(Boolean);
  const [a, b, c] = parts;
  if (a === 'consultaties' && b) return { consultation: b };
  if (a === 'en' && b === 'consultations' && c) return { consultation: c };
  if (a === 'api' && b === 'consultations' && c) return { consultation: c };
  if (a === 'gesprekken' && b && UUID.test(b)) return { thread: b.toLowerCase() };
  if (a === 'en' && b === 'conversations' && c && UUID.test(c)) return { thread: c.toLowerCase() };
  if (a === 'api' && b === 'threads' && c && UUID.test(c)) return { thread: c.toLowerCase() };
  return null;
}

const zero = (): SocialCounts => ({ replies: 0, likes: 0, reposts: 0, quotes: 0 });

export async function computeReach(db: Db, organisationId: string, filter: InsightsFilter): Promise<Reach> {
  const consultationRows = await db
    .select({ id: consultations.id, slug: consultations.slug, title: consultations.title, topic: topics.slug })
    .from(consultations)
    .innerJoin(topics, eq(topics.id, consultations.topicId))
    .where(eq(consultations.organisationId, organisationId));
  const threadRows = await db
    .select({ id: socialThreads.id, consultationId: socialThreads.consultationId })
    .from(socialThreads)
    .where(eq(socialThreads.organisationId, organisationId));
  const slugOfId = new Map(consultationRows.map((c) => [c.id, c.slug]));
  const threadConsultation = new Map(
    threadRows.map((t) => [t.id, t.consultationId ? (slugOfId.get(t.consultationId) ?? null) : null]),
  );
  const ownThreads = new Set(threadRows.map((t) => t.id));
  // With a topic or consultation chosen, only its consultations count, and no other pages.
  const narrowed = filter.topic !== undefined || filter.consultation !== undefined;
  const wanted = new Set(
    consultationRows
      .filter(
        (c) => (!filter.topic || c.topic === filter.topic) && (!filter.consultation || c.slug === filter.consultation),
      )
      .map((c) => c.slug),
  );
  const rows = new Map<string, ConsultationReach>();
  const other: ConsultationReach = { consultation: null, pageVisits: 0, downloads: 0, widgetViews: 0, ...zero() };
  const rowFor = (slug: string | null): ConsultationReach | undefined => {
    if (slug === null) return narrowed ? undefined : other;
    if (!wanted.has(slug)) return undefined;
    let row = rows.get(slug);
    if (!row) {
      const found = consultationRows.find((c) => c.slug === slug)!;
      row = { consultation: { slug, title: found.title }, pageVisits: 0, downloads: 0, widgetViews: 0, ...zero() };
      rows.set(slug, row);
    }
    return row;
  };
  const slugOfSubject = (subject: { consultation: string } | { thread: string }): string | null | undefined =>
    'consultation' in subject
      ? consultationRows.some((c) => c.slug === subject.consultation)
        ? subject.consultation
        : undefined
      : ownThreads.has(subject.thread)
        ? threadConsultation.get(subject.thread)
        : undefined;

  const visits = await db
    .select({
      path: pageVisits.path,
      kind: pageVisits.kind,
      visits: sql<number>`sum(${pageVisits.visits})`.mapWith(Number),
    })
    .from(pageVisits)
    .where(and(gte(pageVisits.day, filter.from), lte(pageVisits.day, filter.to)))
    .groupBy(pageVisits.path, pageVisits.kind);
  for (const visit of visits) {
    const subject = subjectOfPath(visit.path);
    // A consultation or thread of another organisation (or one since removed) is not ours to count.
    const slug = subject === null ? null : slugOfSubject(subject);
    if (slug === undefined) continue;
    const row = rowFor(slug);
    if (!row) continue;
    if (visit.kind === 'download') row.downloads += visit.visits;
    else row.pageVisits += visit.visits;
  }

  const views = await db
    .select({
      origin: widgetViews.origin,
      widget: widgetViews.widget,
      subject: widgetViews.subject,
      views: sql<number>`sum(${widgetViews.views})`.mapWith(Number),
    })
    .from(widgetViews)
    .where(and(gte(widgetViews.day, filter.from), lte(widgetViews.day, filter.to)))
    .groupBy(widgetViews.origin, widgetViews.widget, widgetViews.subject);
  const perOrigin = new Map<string, number>();
  for (const view of views) {
    const subject = UUID.test(view.subject) ? { thread: view.subject } : { consultation: view.subject };
    const slug = slugOfSubject(subject);
    if (slug === undefined) continue;
    const row = rowFor(slug);
    if (!row) continue;
    row.widgetViews += view.views;
    perOrigin.set(view.origin, (perOrigin.get(view.origin) ?? 0) + view.views);
  }

  const social = await socialChange(db, organisationId, filter);
  const perPlatform = new Map<string, SocialCounts>();
  for (const change of social) {
    const slug = change.consultationId ? (slugOfId.get(change.consultationId) ?? null) : null;
    const row = rowFor(slug);
    if (!row) continue;
    const platform = perPlatform.get(change.platform) ?? zero();
    for (const key of ['replies', 'likes', 'reposts', 'quotes'] as const) {
      row[key] += change[key];
      platform[key] += change[key];
    }
    perPlatform.set(change.platform, platform);
  }

  const perConsultation = [...rows.values()].sort(
    (a, b) =>
      b.pageVisits + b.downloads + b.widgetViews - (a.pageVisits + a.downloads + a.widgetViews) ||
      a.consultation!.slug.localeCompare(b.consultation!.slug),
  );
  if (!narrowed) perConsultation.push(other);
  const all = perConsultation;
  const sum = (key: keyof Omit<ConsultationReach, 'consultation'>) => all.reduce((n, r) => n + r[key], 0);
  const channel = filter.channel;
  const perChannel: ChannelReach[] = [];
  if (!channel || channel === 'portal') {
    perChannel.push({ channel: 'portal', visits: sum('pageVisits') });
    perChannel.push({ channel: 'downloads', visits: sum('downloads') });
  }
  if (!channel || channel === 'widget') {
    for (const [origin, visits] of [...perOrigin].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])))
      perChannel.push({ channel: 'widget', origin, visits });
  }
  if (!channel || channel === 'social') {
    for (const [platform, counts] of [...perPlatform].sort((a, b) => a[0].localeCompare(b[0])))
      perChannel.push({ channel: 'social', platform, ...counts });
  }
  return {
    perConsultation,
    perChannel,
    totals: {
      pageVisits: sum('pageVisits'),
      downloads: sum('downloads'),
      widgetViews: sum('widgetViews'),
      replies: sum('replies'),
      likes: sum('likes'),
      reposts: sum('reposts'),
      quotes: sum('quotes'),
    },
  };
}

type Change = { consultationId: string | null; platform: string } & SocialCounts;

/** Per thread's consultation and platform: how much the platforms' counts changed in the period. */
async function socialChange(db: Db, organisationId: string, filter: InsightsFilter): Promise<Change[]> {
  const start = sql`(${filter.from}::date::timestamp at time zone ${TIME_ZONE})`;
  const end = sql`((${filter.to}::date + 1)::timestamp at time zone ${TIME_ZONE})`;
  const last = (
    before: typeof start,
  ) => sql`select distinct on (m.post_id) m.post_id, m.replies, m.likes, m.reposts, m.quotes
    from ${socialPostMetrics} m where m.at < ${before} order by m.post_id, m.at desc, m.id desc`;
  const diff = (key: string) =>
    sql.raw(`coalesce(sum(coalesce(i.${key}, 0) - coalesce(b.${key}, 0)), 0)::int as ${key}`);
  const rows = rowsOf<{ consultation_id: string | null; platform: string } & SocialCounts>(
    await db.execute(sql`
      select th.consultation_id, th.platform::text as platform,
        ${diff('replies')}, ${diff('likes')}, ${diff('reposts')}, ${diff('quotes')}
      from (${last(end)}) i
      join ${socialPosts} p on p.id = i.post_id
      join ${socialThreads} th on th.id = p.thread_id
      left join (${last(start)}) b on b.post_id = i.post_id
      where th.organisation_id = ${organisationId}::uuid and th.removed_at is null and p.deleted_at is null
      group by th.consultation_id, th.platform`),
  );
  return rows.map((r) => ({
    consultationId: r.consultation_id,
    platform: r.platform,
    replies: Number(r.replies),
    likes: Number(r.likes),
    reposts: Number(r.reposts),
    quotes: Number(r.quotes),
  }));
}

/** Widget views per embedding origin and what was shown, for the embedding page ("where each widget is used"). */
export async function widgetUsage(
  db: Db,
  organisationId: string,
  since: string,
): Promise<
  Array<{
    origin: string;
    widget: string;
    subject: string;
    title: LocalizedText | null;
    views: number;
    lastDay: string;
  }>
> {
  const rows = await db
    .select({
      origin: widgetViews.origin,
      widget: widgetViews.widget,
      subject: widgetViews.subject,
      views: sql<number>`sum(${widgetViews.views})`.mapWith(Number),
      lastDay: sql<string>`max(${widgetViews.day})::text`,
    })
    .from(widgetViews)
    .where(gte(widgetViews.day, since))
    .groupBy(widgetViews.origin, widgetViews.widget, widgetViews.subject);
  const ours = await db
    .select({ slug: consultations.slug, title: consultations.title })
    .from(consultations)
    .where(eq(consultations.organisationId, organisationId));
  const threads = await db
    .select({ id: socialThreads.id, title: socialThreads.title, consultation: consultations.title })
    .from(socialThreads)
    .leftJoin(consultations, eq(consultations.id, socialThreads.consultationId))
    .where(eq(socialThreads.organisationId, organisationId));
  const result = [];
  for (const row of rows) {
    const consultation = ours.find((c) => c.slug === row.subject);
    const thread = threads.find((t) => t.id === row.subject);
    if (!consultation && !thread) continue;
    result.push({ ...row, title: consultation?.title ?? thread?.title ?? thread?.consultation ?? null });
  }
  return result.sort(
    (a, b) => a.origin.localeCompare(b.origin) || b.views - a.views || a.subject.localeCompare(b.subject),
  );
}
