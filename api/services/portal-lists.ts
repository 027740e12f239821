/**
 * The portal's growing lists, read a page at a time: published input per consultation
 * (its responses pages and the newest on its own page) and the recently answered input on
 * the home page. They are not in the build's snapshot (published-content.ts), so the build
 * costs the same at a million items as at ten; the API renders them into the built pages
 * (api/routes/portal-lists.ts).
 *
 * Pages are numbered (the portal's addresses are `…/reacties/2/`), read by keyset: the
 * first key of page n comes from the partial index `submissions_published_consultation`
 * (an index-only walk of the entries before it), the page itself from the key onwards.
 */
import { and, asc, desc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import { cursorMicros, fromCursor } from './moderation/search.ts';
import type { Consultation, Locale, PublishedSubmission } from '../../shared/contracts/public-content.ts';
import type { Db } from '../db/client.ts';
import { consultations, contentRevision, staffReplies, submissions } from '../db/schema.ts';
import { findConsultation } from './consultations.ts';
import { countPublished } from './consultation-counts.ts';
import { isPublishedInput, withAnswersAndReplies } from './published-content.ts';

import {
  RECENTLY_ANSWERED,
  RESPONSES_ON_CONSULTATION_PAGE,
  RESPONSES_PER_PAGE,
} from '../../shared/render/published-lists.ts';

const isPublished = isPublishedInput;

export type ResponsesPage = {
  consultation: Consultation;
  items: PublishedSubmission[];
  /** 1-based. */
  page: number;
  pages: number;
  total: number;
  /** 1-based position of the first and last item shown; 0 when there are none. */
  from: number;
  to: number;
};

async function consultationId(db: Db, slug: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: consultations.id })
    .from(consultations)
    .where(and(eq(consultations.slug, slug), ne(consultations.status, 'draft')))
    .limit(1);
  return row?.id;
}

/**
 * One page of a consultation's published input, newest first. Undefined when the
 * consultation is unknown (or a draft) or the page does not exist; page 1 always exists.
 */
export async function readResponsesPage(
  db: Db,
  options: { slug: string; page: number; now: Date; lang?: Locale; pageSize?: number },
): Promise<ResponsesPage | undefined> {
  const size = options.pageSize ?? RESPONSES_PER_PAGE;
  if (!Number.isSafeInteger(options.page) || options.page < 1) return undefined;
  const consultation = await findConsultation(db, options.slug, options.now);
  const id = consultation && (await consultationId(db, options.slug));
  if (!consultation || !id) return undefined;
  const total = await countPublished(db, id);
  const pages = Math.max(1, Math.ceil(total / size));
  if (options.page > pages) return undefined;
  const items = await readNewest(db, id, consultation.slug, size, (options.page - 1) * size, options.lang);
  const from = items.length > 0 ? (options.page - 1) * size + 1 : 0;
  return { consultation, items, page: options.page, pages, total, from, to: from > 0 ? from + items.length - 1 : 0 };
}

/** The newest published input on a consultation and the count: its own page's list. */
export async function readNewestResponses(
  db: Db,
  options: { slug: string; now: Date; lang?: Locale },
): Promise<{ consultation: Consultation; items: PublishedSubmission[]; total: number } | undefined> {
  const consultation = await findConsultation(db, options.slug, options.now);
  const id = consultation && (await consultationId(db, options.slug));
  if (!consultation || !id) return undefined;
  const [total, items] = await Promise.all([
    countPublished(db, id),
    readNewest(db, id, consultation.slug, RESPONSES_ON_CONSULTATION_PAGE, 0, options.lang),
  ]);
  return { consultation, items, total };
}

/**
 * A page of a consultation's published input, newest first, from `skip` on: the portal's lists
 * and the public answers API (published-answers.ts) read it here. Past the end: none.
 */
export async function readNewest(
  db: Db,
  id: string,
  slug: string,
  limit: number,
  skip: number,
  lang: Locale | undefined,
): Promise<PublishedSubmission[]> {
  const mine = and(eq(submissions.consultationId, id), isPublished);
  let where = mine;
  if (skip > 0) {
    // The first key of the page: the index holds (published_at, id), so this walks index
    // entries only, never rows.
    // The key travels as microseconds: a Date keeps milliseconds, and a first key cut to them
    // left that item off every page.
    const [first] = await db
      .select({ micros: cursorMicros(submissions.publishedAt), id: submissions.id })
      .from(submissions)
      .where(mine)
      .orderBy(desc(submissions.publishedAt), desc(submissions.id))
      .offset(skip)
      .limit(1);
    if (!first) return [];
    where = and(mine, fromCursor(submissions.publishedAt, submissions.id, first, 'newest'));
  }
  const rows = await db
    .select()
    .from(submissions)
    .where(where)
    // The id breaks ties, so pages never overlap or skip when two share a timestamp.
    .orderBy(desc(submissions.publishedAt), desc(submissions.id))
    .limit(limit);
  return withAnswersAndReplies(
    db,
    rows.map((submission) => ({ submission, consultationSlug: slug })),
    lang,
  );
}

export type AnsweredEntry = { submission: PublishedSubmission; consultation: Consultation };

/**
 * Published input the municipality answered, most recently answered first: the home page's
 * "recently answered". Reads the newest published replies (a top-N sort, no item list).
 */
export async function readRecentlyAnswered(db: Db, now: Date, limit = RECENTLY_ANSWERED): Promise<AnsweredEntry[]> {
  const latest = await db
    .select({ submissionId: staffReplies.submissionId, at: sql<Date>`max(${staffReplies.publishedAt})`.as('at') })
    .from(staffReplies)
    .innerJoin(submissions, eq(submissions.id, staffReplies.submissionId))
    .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
    .where(and(isNotNull(staffReplies.publishedAt), isPublished, ne(consultations.status, 'draft')))
    .groupBy(staffReplies.submissionId)
    .orderBy(desc(sql`max(${staffReplies.publishedAt})`), asc(staffReplies.submissionId))
    .limit(limit);
  const ids = latest.flatMap((row) => (row.submissionId ? [row.submissionId] : []));
  if (ids.length === 0) return [];
  const rows = await db
    .select({ submission: submissions, consultationSlug: consultations.slug })
    .from(submissions)
    .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
    .where(inArray(submissions.id, ids));
  const items = new Map((await withAnswersAndReplies(db, rows)).map((item) => [item.id, item]));
  const bySlug = new Map<string, Consultation | undefined>();
  const entries: AnsweredEntry[] = [];
  for (const id of ids) {
    const submission = items.get(id);
    if (!submission) continue;
    if (!bySlug.has(submission.consultation))
      bySlug.set(submission.consultation, await findConsultation(db, submission.consultation, now));
    const consultation = bySlug.get(submission.consultation);
    if (consultation) entries.push({ submission, consultation });
  }
  return entries;
}

type Revision = { version: number; changedAt: Date | undefined };
const revisionReads = new WeakMap<Db, Promise<Revision>>();

/**
 * The content revision and when it last moved: what every served list's validators derive
 * from. Requests that ask while a read is on its way share it (a burst of page views costs
 * one read, not one each); a request arriving after it answered reads again.
 */
export function listsRevision(db: Db): Promise<Revision> {
  let read = revisionReads.get(db);
  if (!read) {
    read = (async () => {
      const [row] = await db
        .select({ version: contentRevision.version, changedAt: contentRevision.changedAt })
        .from(contentRevision)
        .limit(1);
      return { version: row?.version ?? 0, changedAt: row?.changedAt };
    })().finally(() => revisionReads.delete(db));
    revisionReads.set(db, read);
  }
  return read;
}
