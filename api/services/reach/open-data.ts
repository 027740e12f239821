/**
 * The open-data export of reach: per day the visits of each portal page and download, and
 * per published consultation its page visits, downloads and widget views. Only pages of
 * published consultations (never drafts) are tied to a consultation; embedding sites are not
 * named (an origin can be a person's own site).
 *
 * Kept in memory per period for a minute, so the same figures make the same body (and ETag)
 * and a crowd of callers costs one count; visits reach the database only once per flush
 * interval anyway.
 */
import { and, gte, lte, ne, sql } from 'drizzle-orm';
import type { VisitsOpenData } from '../../../shared/contracts/open-data-reach.ts';
import type { Db } from '../../db/client.ts';
import { consultations, pageVisits, socialThreads, widgetViews } from '../../db/schema.ts';
import { subjectOfPath } from './figures.ts';

export const VISITS_MAX_AGE_MS = 60_000;
/** The longest period one request may ask for. */
export const VISITS_MAX_DAYS = 366;
export const VISITS_DEFINITION =
  'Successful GET requests by browsers for pages of the portal (HTML) and for downloads (documents and archive ' +
  'records), counted by the server per day (Europe/Amsterdam) and path, without cookies, addresses or user agents; ' +
  'bots, prefetches, errors and other methods are not counted, and a person who looks twice counts twice. Widget ' +
  'views are successful loads of a consultation, its answers or a thread by a widget on an allowed embedding site.';

type Entry = { body: Omit<VisitsOpenData, 'licence'>; at: number };
const caches = new WeakMap<Db, Map<string, Entry>>();

export async function visitsOpenData(
  db: Db,
  from: string,
  to: string,
  now: Date,
): Promise<Omit<VisitsOpenData, 'licence'>> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const key = `${from}|${to}`;
  const hit = cache.get(key);
  if (hit && now.getTime() - hit.at < VISITS_MAX_AGE_MS) return hit.body;
  const published = new Set(
    (await db.select({ slug: consultations.slug }).from(consultations).where(ne(consultations.status, 'draft'))).map(
      (c) => c.slug,
    ),
  );
  const threads = new Map(
    (
      await db
        .select({ id: socialThreads.id, slug: consultations.slug })
        .from(socialThreads)
        .innerJoin(consultations, sql`${consultations.id} = ${socialThreads.consultationId}`)
    ).map((t) => [t.id, t.slug]),
  );
  const consultationOf = (path: string): string | null => {
    const subject = subjectOfPath(path);
    const slug = !subject
      ? null
      : 'consultation' in subject
        ? subject.consultation
        : (threads.get(subject.thread) ?? null);
    return slug !== null && published.has(slug) ? slug : null;
  };
  const pageRows = await db
    .select()
    .from(pageVisits)
    .where(and(gte(pageVisits.day, from), lte(pageVisits.day, to)))
    .orderBy(pageVisits.day, pageVisits.path);
  const perConsultation = new Map<string, VisitsOpenData['consultations'][number]>();
  const rowFor = (slug: string, day: string) => {
    const id = `${day}|${slug}`;
    let row = perConsultation.get(id);
    if (!row) perConsultation.set(id, (row = { slug, day, pageVisits: 0, downloads: 0, widgetViews: 0 }));
    return row;
  };
  const pages = pageRows.map((row) => {
    const consultation = consultationOf(row.path);
    if (consultation) {
      const entry = rowFor(consultation, row.day);
      if (row.kind === 'download') entry.downloads += row.visits;
      else entry.pageVisits += row.visits;
    }
    return { day: row.day, path: row.path, kind: row.kind as 'page' | 'download', consultation, visits: row.visits };
  });
  const viewRows = await db
    .select({
      day: widgetViews.day,
      subject: widgetViews.subject,
      views: sql<number>`sum(${widgetViews.views})`.mapWith(Number),
    })
    .from(widgetViews)
    .where(and(gte(widgetViews.day, from), lte(widgetViews.day, to)))
    .groupBy(widgetViews.day, widgetViews.subject);
  for (const view of viewRows) {
    const slug = published.has(view.subject) ? view.subject : (threads.get(view.subject) ?? null);
    if (slug && published.has(slug)) rowFor(slug, view.day).widgetViews += view.views;
  }
  const body = {
    generatedAt: now.toISOString(),
    from,
    to,
    definition: VISITS_DEFINITION,
    pages,
    consultations: [...perConsultation.values()].sort(
      (a, b) => a.day.localeCompare(b.day) || a.slug.localeCompare(b.slug),
    ),
  };
  if (cache.size > 100) cache.clear();
  cache.set(key, { body, at: now.getTime() });
  return body;
}
