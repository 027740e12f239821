/**
 * How much input each consultation holds, as the portal shows it: counted from the day
 * roll-up the database keeps by trigger (`submission_day_counts`, split by what the public
 * sees of each item, migration 0053), never from the items. At 10 million items the counts
 * from the items took 1–3 s for every snapshot; the roll-up holds a few rows per
 * consultation and day. Erased input is not counted (the roll-up leaves it out).
 */
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { consultations, submissionDayCounts } from '../db/schema.ts';

const total = sql<number>`sum(${submissionDayCounts.n})`.mapWith(Number);

/** Published input (as `isPublishedInput` counts it) on every consultation that is not a draft, by slug. */
export async function countPublishedBySlug(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .select({ slug: consultations.slug, n: total })
    .from(submissionDayCounts)
    .innerJoin(consultations, eq(consultations.id, submissionDayCounts.consultationId))
    .where(and(eq(submissionDayCounts.state, 'published'), ne(consultations.status, 'draft')))
    .groupBy(consultations.slug);
  return Object.fromEntries(rows.filter((row) => row.n > 0).map((row) => [row.slug, row.n]));
}

/** Published input on one consultation. */
export async function countPublished(db: Db, consultationId: string): Promise<number> {
  const [row] = await db
    .select({ n: total })
    .from(submissionDayCounts)
    .where(and(eq(submissionDayCounts.consultationId, consultationId), eq(submissionDayCounts.state, 'published')));
  return row?.n ?? 0;
}

/** Input that was not rejected, per consultation id: what a consultation's card counts. */
export async function countResponses(db: Db, consultationIds: readonly string[]): Promise<Map<string, number>> {
  if (consultationIds.length === 0) return new Map();
  const rows = await db
    .select({ id: submissionDayCounts.consultationId, n: total })
    .from(submissionDayCounts)
    .where(
      and(inArray(submissionDayCounts.consultationId, [...consultationIds]), ne(submissionDayCounts.state, 'rejected')),
    )
    .groupBy(submissionDayCounts.consultationId);
  return new Map(rows.map((row) => [row.id, row.n]));
}
