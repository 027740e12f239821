/**
 * Topics as staff author them (permission `consultations.manage`): the policy areas the
 * portal groups its consultations under ("Mobiliteit en vervoer"). A topic is public from
 * the moment it exists (the portal lists it with its consultations, or says there are none
 * yet), so every change marks the portal for a rebuild.
 *
 * The address (slug) is chosen once: residents' bookmarks, links in council letters and the
 * consultations' own addresses hang from it. Texts change with optimistic locking on
 * `topics.version` (a save on an older version is refused, naming who saved since and what
 * they changed, from the audit log). A topic with consultations cannot be removed.
 */
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { InputText } from '../../shared/contracts/input-text.ts';
import type { LocalizedText } from '../../shared/contracts/public-content.ts';
import type { Db } from '../db/client.ts';
import { consultations, topics } from '../db/schema.ts';
import { changesSinceVersion } from './audit-log.ts';
import { recordAudit } from './audit.ts';
import { changedFields, Slug } from './consultation-authoring.ts';
import { markContentChanged } from './content-revision.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Actor = { id: string; organisationId: string };

const Text = (max: number) => InputText.trim().max(max);

/**
 * A topic's texts: Dutch required, English optional (the portal falls back on the Dutch; empty
 * or left out: none). The edit page and the JSON API (api/staff/consultations/topic-api.ts) both
 * check with it.
 */
export const TopicTexts = z.object({
  title: z.object({ nl: Text(120).min(1), en: Text(120).default('') }),
  description: z.object({ nl: Text(2000).min(1), en: Text(2000).default('') }),
});
export type TopicTexts = z.infer<typeof TopicTexts>;
export const NewTopic = TopicTexts.extend({ slug: Slug });
export type NewTopic = z.infer<typeof NewTopic>;

export type AuthoredTopic = {
  slug: string;
  title: LocalizedText;
  description: LocalizedText;
  version: number;
  consultations: number;
};

const stored = (text: { nl: string; en: string }): LocalizedText =>
  text.en ? { nl: text.nl, en: text.en } : { nl: text.nl };

/** The organisation's topics in the portal's order, with how many consultations each holds. */
export async function listTopicsForAuthoring(db: Db | Tx, organisationId: string): Promise<AuthoredTopic[]> {
  const rows = await db
    .select({
      slug: topics.slug,
      title: topics.title,
      description: topics.description,
      version: topics.version,
      consultations: count(consultations.id),
    })
    .from(topics)
    .leftJoin(consultations, eq(consultations.topicId, topics.id))
    .where(eq(topics.organisationId, organisationId))
    .groupBy(topics.id)
    .orderBy(asc(topics.position), asc(topics.slug));
  return rows.map((row) => ({ ...row, consultations: Number(row.consultations) }));
}

export async function findTopicForAuthoring(
  db: Db | Tx,
  organisationId: string,
  slug: string,
): Promise<AuthoredTopic | undefined> {
  return (await listTopicsForAuthoring(db, organisationId)).find((topic) => topic.slug === slug);
}

export type CreateTopicResult = { kind: 'created'; slug: string } | { kind: 'slug_taken' };

/** A new topic, last in the portal's order. */
export async function createTopic(db: Db, params: { actor: Actor; input: NewTopic; now: Date }) {
  const { actor, input, now } = params;
  return db.transaction(async (tx): Promise<CreateTopicResult> => {
    const [last] = await tx
      .select({ position: sql<number>`coalesce(max(${topics.position}), -1)` })
      .from(topics)
      .where(eq(topics.organisationId, actor.organisationId));
    const [row] = await tx
      .insert(topics)
      .values({
        organisationId: actor.organisationId,
        slug: input.slug,
        title: stored(input.title),
        description: stored(input.description),
        position: Number(last?.position ?? -1) + 1,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: topics.id });
    if (!row) return { kind: 'slug_taken' };
    await audit(tx, actor, now, 'topic.created', row.id, { slug: input.slug });
    await markContentChanged(tx);
    return { kind: 'created', slug: input.slug };
  });
}

/** Someone saved in between: who, when, and which fields they changed. */
export type StaleTopic = { kind: 'stale'; version: number; changed: string[]; by: string | null };
export type SaveTopicResult = { kind: 'saved'; version: number } | { kind: 'not_found' } | StaleTopic;

export async function saveTopic(
  db: Db,
  params: { actor: Actor; slug: string; version: number; input: TopicTexts; now: Date },
): Promise<SaveTopicResult> {
  const { actor, input, now } = params;
  return db.transaction(async (tx) => {
    const current = await lockTopic(tx, actor.organisationId, params.slug);
    if (!current) return { kind: 'not_found' } as const;
    if (current.version !== params.version) return staleSince(tx, current, params.version);
    const version = current.version + 1;
    const next = { title: stored(input.title), description: stored(input.description) };
    await tx
      .update(topics)
      .set({ ...next, version, updatedAt: now })
      .where(eq(topics.id, current.id));
    const diff = changedFields(
      { title: current.title, description: current.description },
      next as Record<string, unknown>,
    );
    await audit(tx, actor, now, 'topic.updated', current.id, { slug: params.slug, version, ...diff });
    await markContentChanged(tx);
    return { kind: 'saved', version } as const;
  });
}

export type MoveTopicResult = { kind: 'moved' } | { kind: 'not_found' } | { kind: 'at_edge' };

/** One place up or down in the portal's order (buttons, no dragging). */
export async function moveTopic(
  db: Db,
  params: { actor: Actor; slug: string; direction: 'up' | 'down'; now: Date },
): Promise<MoveTopicResult> {
  const { actor, direction, now } = params;
  return db.transaction(async (tx) => {
    // Every topic of the organisation is locked, so two moves at once cannot give two topics one place.
    const all = await tx
      .select({ id: topics.id, slug: topics.slug, position: topics.position })
      .from(topics)
      .where(eq(topics.organisationId, actor.organisationId))
      .orderBy(asc(topics.position), asc(topics.slug))
      .for('update');
    const index = all.findIndex((topic) => topic.slug === params.slug);
    if (index < 0) return { kind: 'not_found' } as const;
    const other = all[direction === 'up' ? index - 1 : index + 1];
    if (!other) return { kind: 'at_edge' } as const;
    // Positions are renumbered in order, so ties from older data cannot keep two topics in place.
    const order = all.map((topic) => topic.id);
    order[index] = other.id;
    order[direction === 'up' ? index - 1 : index + 1] = all[index]!.id;
    for (const [position, id] of order.entries()) await tx.update(topics).set({ position }).where(eq(topics.id, id));
    await audit(tx, actor, now, 'topic.moved', all[index]!.id, { slug: params.slug, direction });
    await markContentChanged(tx);
    return { kind: 'moved' } as const;
  });
}

export type RemoveTopicResult =
  { kind: 'removed' } | { kind: 'not_found' } | { kind: 'has_consultations'; count: number };

/** Only a topic without consultations: a consultation (and its residents' input) always has a topic. */
export async function removeTopic(
  db: Db,
  params: { actor: Actor; slug: string; now: Date },
): Promise<RemoveTopicResult> {
  const { actor, now } = params;
  return db.transaction(async (tx) => {
    const current = await lockTopic(tx, actor.organisationId, params.slug);
    if (!current) return { kind: 'not_found' } as const;
    const [held] = await tx.select({ n: count() }).from(consultations).where(eq(consultations.topicId, current.id));
    if (Number(held?.n ?? 0) > 0) return { kind: 'has_consultations', count: Number(held!.n) } as const;
    await tx.delete(topics).where(eq(topics.id, current.id));
    await audit(tx, actor, now, 'topic.removed', current.id, { slug: params.slug, title: current.title.nl });
    await markContentChanged(tx);
    return { kind: 'removed' } as const;
  });
}

async function lockTopic(tx: Tx, organisationId: string, slug: string) {
  const [row] = await tx
    .select()
    .from(topics)
    .where(and(eq(topics.organisationId, organisationId), eq(topics.slug, slug)))
    .for('update')
    .limit(1);
  return row;
}

/** Who saved since the version the form was opened on, and which fields, from the audit log. */
async function staleSince(tx: Tx, current: typeof topics.$inferSelect, seen: number): Promise<StaleTopic> {
  const entries = await changesSinceVersion(tx, {
    organisationId: current.organisationId,
    action: 'topic.updated',
    subjectType: 'topic',
    subjectId: current.id,
    since: seen,
    through: current.version,
  });
  const changed = new Set<string>();
  for (const entry of entries) {
    const fields = (entry.details as { fields?: unknown }).fields;
    if (Array.isArray(fields)) for (const field of fields) if (typeof field === 'string') changed.add(field);
  }
  return { kind: 'stale', version: current.version, changed: [...changed], by: entries[0]?.by ?? null };
}

async function audit(
  tx: Tx,
  actor: Actor,
  at: Date,
  action: 'topic.created' | 'topic.updated' | 'topic.moved' | 'topic.removed',
  subjectId: string,
  details: Record<string, unknown>,
) {
  await recordAudit(tx, {
    organisationId: actor.organisationId,
    actorType: 'staff',
    actorId: actor.id,
    action,
    subjectType: 'topic',
    subjectId,
    details,
    at,
  });
}
