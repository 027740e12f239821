/**
 * Published input on one consultation with the municipality's answers, a page at a time:
 * what <podium-answers> shows (the portal's consultation page uses it as its live part).
 * Only input that moderation let through (status `published` or `answered`, with a
 * publication date) and only published replies; never names or e-mail addresses.
 */
import { and, asc, count, desc, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import type { Locale, PublishedAnswersPage } from '../../shared/contracts/public-content.ts';
import type { Db } from '../db/client.ts';
import { consultations, questions, submissions } from '../db/schema.ts';
import { withAnswersAndReplies } from './published-content.ts';

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 50;

export type ListPublishedAnswersOptions = {
  consultationSlug: string;
  /** 1-based; a page past the end is empty (with the total, so a pager can recover). */
  page?: number;
  pageSize?: number;
  /** The reader's language: replies in it come first; nothing is left out. */
  lang?: Locale;
};

/**
 * One page of published input, newest first, with its answers and published replies, the
 * total count, and the questions needed to read the answers. Undefined when the
 * consultation does not exist or is a draft.
 *
 * @example
 * const page = await listPublishedAnswers(db, { consultationSlug: 'fietsroute-stationsstraat', page: 2 });
 * page?.items.length; // at most page.pageSize
 */
export async function listPublishedAnswers(
  db: Db,
  { consultationSlug, page = 1, pageSize = DEFAULT_PAGE_SIZE, lang }: ListPublishedAnswersOptions,
): Promise<PublishedAnswersPage | undefined> {
  const size = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.trunc(pageSize)));
  const current = Math.max(1, Math.trunc(page));
  const [consultation] = await db
    .select({ id: consultations.id, slug: consultations.slug, title: consultations.title })
    .from(consultations)
    .where(and(eq(consultations.slug, consultationSlug), ne(consultations.status, 'draft')))
    .limit(1);
  if (!consultation) return undefined;

  const published = and(
    eq(submissions.consultationId, consultation.id),
    inArray(submissions.status, ['published', 'answered']),
    isNotNull(submissions.publishedAt),
  );
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(submissions).where(published);
  const rows = await db
    .select()
    .from(submissions)
    .where(published)
    // The id breaks ties, so pages never overlap or skip when two share a timestamp.
    .orderBy(desc(submissions.publishedAt), desc(submissions.id))
    .limit(size)
    .offset((current - 1) * size);
  const questionRows = await db
    .select()
    .from(questions)
    .where(eq(questions.consultationId, consultation.id))
    .orderBy(asc(questions.position));

  return {
    consultation: {
      slug: consultation.slug,
      title: consultation.title,
      questions: questionRows.map((q) => ({
        key: q.key,
        kind: q.kind,
        prompt: q.prompt,
        options: q.options,
        scaleMin: q.scaleMin,
        scaleMax: q.scaleMax,
      })),
    },
    page: current,
    pageSize: size,
    total: Number(total),
    pageCount: Math.ceil(Number(total) / size),
    items: await withAnswersAndReplies(
      db,
      rows.map((submission) => ({ submission, consultationSlug: consultation.slug })),
      lang,
    ),
  };
}
