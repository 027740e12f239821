/** What the queue's forms offer: the filter choices and the house rules a decision cites. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { QueueOrder } from './source.ts';
import { consultations, departments, houseRules, topics } from '../../db/schema.ts';

export type HouseRule = typeof houseRules.$inferSelect;

/**
 * The orders the inbox offers: oldest first (first in, first out), newest first, and least
 * time left first (`due`, by the stored response due time: late items on top).
 */
export const QUEUE_ORDERS = ['oldest', 'newest', 'due'] as const satisfies readonly QueueOrder[];

/** What the filter form offers: the topics, consultations and departments of the organisation. */
export async function queueFilterOptions(db: Db, organisationId: string) {
  const consultationRows = await db
    .select({ slug: consultations.slug, title: consultations.title })
    .from(consultations)
    .where(eq(consultations.organisationId, organisationId))
    .orderBy(asc(consultations.slug));
  const departmentRows = await db
    .select({ slug: departments.slug, name: departments.name })
    .from(departments)
    .where(eq(departments.organisationId, organisationId))
    .orderBy(asc(departments.slug));
  const topicRows = await db
    .select({ slug: topics.slug, title: topics.title })
    .from(topics)
    .where(eq(topics.organisationId, organisationId))
    .orderBy(asc(topics.position));
  return { topics: topicRows, consultations: consultationRows, departments: departmentRows };
}

export type QueueFilterOptions = Awaited<ReturnType<typeof queueFilterOptions>>;

export async function listHouseRules(db: Db, organisationId: string): Promise<HouseRule[]> {
  return (
    db
      .select()
      .from(houseRules)
      // A retired rule is no choice for a new decision; decisions that cited it keep it.
      .where(and(eq(houseRules.organisationId, organisationId), isNull(houseRules.retiredAt)))
      .orderBy(asc(houseRules.position))
  );
}
