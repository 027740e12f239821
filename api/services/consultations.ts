/**
 * Public reads of topics and consultations: only what has been published (no drafts),
 * in the shapes of `contracts/public-content.ts`.
 */
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type {
  Consultation,
  ConsultationImage,
  ConsultationStatus,
  Question,
  TopicSummary,
} from '../../shared/contracts/public-content.ts';
import type { Db } from '../db/client.ts';
import { consultationImages, consultations, departments, questions, topics } from '../db/schema.ts';
import { EXTENSION, type ImageType } from './image-facts.ts';
import { countResponses } from './consultation-counts.ts';

type ConsultationRow = typeof consultations.$inferSelect;

/** The status a resident sees, which also depends on the dates. */
export function publicStatus(
  row: Pick<ConsultationRow, 'status' | 'opensAt' | 'closesAt'>,
  now: Date,
): ConsultationStatus {
  if (row.status === 'decided') return 'decided';
  if (row.status === 'closed') return 'closed';
  if (now < row.opensAt) return 'upcoming';
  if (now >= row.closesAt) return 'closed';
  return 'open';
}

export async function listTopics(db: Db): Promise<TopicSummary[]> {
  const rows = await db.select().from(topics).orderBy(asc(topics.position), asc(topics.slug));
  return rows.map((row) => ({ slug: row.slug, title: row.title, description: row.description }));
}

export async function findTopic(db: Db, slug: string): Promise<TopicSummary | undefined> {
  const [row] = await db.select().from(topics).where(eq(topics.slug, slug)).limit(1);
  return row && { slug: row.slug, title: row.title, description: row.description };
}

/** Published consultations, optionally of one topic, soonest closing first. */
export async function listConsultations(
  db: Db,
  now: Date,
  filter: { topic?: string; slug?: string } = {},
): Promise<Consultation[]> {
  const conditions = [ne(consultations.status, 'draft')];
  if (filter.topic) conditions.push(eq(topics.slug, filter.topic));
  if (filter.slug) conditions.push(eq(consultations.slug, filter.slug));
  const rows = await db
    .select({ consultation: consultations, topicSlug: topics.slug, department: departments.name })
    .from(consultations)
    .innerJoin(topics, eq(topics.id, consultations.topicId))
    .leftJoin(departments, eq(departments.id, consultations.departmentId))
    .where(and(...conditions))
    .orderBy(asc(consultations.closesAt));
  if (rows.length === 0) return [];

  const ids = rows.map((row) => row.consultation.id);
  const questionRows = await db
    .select()
    .from(questions)
    .where(inArray(questions.consultationId, ids))
    .orderBy(asc(questions.position));
  const countById = await countResponses(db, ids);
  const imagesById = await publicImagesOf(db, ids);

  return rows.map(({ consultation: c, topicSlug, department }) => ({
    slug: c.slug,
    topic: topicSlug,
    title: c.title,
    summary: c.summary,
    background: c.background,
    afterwards: c.afterwards,
    whoDecides: c.whoDecides,
    targetGroups: c.targetGroups,
    outcome: c.outcome,
    outcomeReasons: c.outcomeReasons,
    outcomeThemes: c.outcomeThemes,
    partners: c.partners,
    phases: c.phases,
    department,
    status: publicStatus(c, now),
    moderation: c.moderation,
    responseDays: c.responseDays,
    opensAt: c.opensAt.toISOString(),
    closesAt: c.closesAt.toISOString(),
    submissionCount: countById.get(c.id) ?? 0,
    questions: questionRows.filter((q) => q.consultationId === c.id).map(toPublicQuestion),
    images: imagesById.get(c.id) ?? [],
  }));
}

export async function findConsultation(db: Db, slug: string, now: Date): Promise<Consultation | undefined> {
  const [consultation] = await listConsultations(db, now, { slug });
  return consultation;
}

function toPublicQuestion(row: typeof questions.$inferSelect): Question {
  return {
    key: row.key,
    kind: row.kind,
    prompt: row.prompt,
    hint: row.hint,
    required: row.required,
    options: row.options,
    scaleMin: row.scaleMin,
    scaleMax: row.scaleMax,
    scaleMinLabel: row.scaleMinLabel,
    scaleMaxLabel: row.scaleMaxLabel,
    maxLength: row.maxLength,
  };
}

// ---- images --------------------------------------------------------------------------------------

/** An image's address on the portal: its own hash, so it never changes meaning (consultation-images.ts). */
export const publicImageUrl = (image: { sha256: string; mime: string }) =>
  `/api/consultation-images/${image.sha256}.${EXTENSION[image.mime as ImageType] ?? 'bin'}`;

/** The images of public consultations as the portal shows them, by consultation id. */
export async function publicImagesOf(
  db: Pick<Db, 'select'>,
  consultationIds: readonly string[],
): Promise<Map<string, ConsultationImage[]>> {
  const byConsultation = new Map<string, ConsultationImage[]>();
  if (consultationIds.length === 0) return byConsultation;
  const rows = await db
    .select({
      consultationId: consultationImages.consultationId,
      mime: consultationImages.mime,
      sha256: consultationImages.sha256,
      width: consultationImages.width,
      height: consultationImages.height,
      alt: consultationImages.alt,
      caption: consultationImages.caption,
    })
    .from(consultationImages)
    .where(inArray(consultationImages.consultationId, [...consultationIds]))
    .orderBy(asc(consultationImages.consultationId), asc(consultationImages.position));
  for (const row of rows) {
    const list = byConsultation.get(row.consultationId) ?? [];
    list.push({
      url: publicImageUrl(row),
      width: row.width,
      height: row.height,
      alt: row.alt,
      caption: row.caption ?? null,
    });
    byConsultation.set(row.consultationId, list);
  }
  return byConsultation;
}

/** An image by its hash, when a public consultation shows it (a draft's image is not public). */
export async function publicImage(db: Db, hash: string): Promise<{ mime: string; bytes: Uint8Array } | undefined> {
  const [row] = await db
    .select({ mime: consultationImages.mime, bytes: consultationImages.bytes })
    .from(consultationImages)
    .innerJoin(consultations, eq(consultations.id, consultationImages.consultationId))
    .where(and(eq(consultationImages.sha256, hash), ne(consultations.status, 'draft')))
    .limit(1);
  return row;
}
