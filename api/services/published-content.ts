/**
 * The published content as one snapshot: what the static portal is built from.
 * The build reads this file and never the database (an embedded database has one owner).
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type {
  Locale,
  Organisation,
  PublishedSnapshot,
  PublishedSubmission,
  PublishedThread,
} from '../../shared/contracts/public-content.ts';
import type { Db } from '../db/client.ts';
import {
  consultations,
  departments,
  organisations,
  questions,
  staffReplies,
  submissionAnswers,
  submissions,
  type AnswerValue,
} from '../db/schema.ts';
import { listPublishedAnnouncements } from './announcements/published.ts';
import { listConsultations, listTopics } from './consultations.ts';
import { retentionPeriods, type RetentionKind } from './retention.ts';
import { findAccessibilityStatement, listHouseRules } from './house-rules.ts';
import { readPublicThread } from './social/public-mirror.ts';
import { listThreads } from './social/threads.ts';

export async function buildPublishedSnapshot(db: Db, now: Date): Promise<PublishedSnapshot> {
  const [org] = await db.select().from(organisations).orderBy(asc(organisations.createdAt)).limit(1);
  if (!org) throw new Error('No organisation in the database yet: run `npx podium seed` first.');
  const organisation: Organisation = {
    slug: org.slug,
    name: org.name,
    locales: org.locales.filter((l): l is 'nl' | 'en' => l === 'nl' || l === 'en'),
    contactEmail: org.contactEmail,
    websiteUrl: org.websiteUrl,
    phone: org.phone,
    postalAddress: org.postalAddress,
    privacyEmail: org.privacyEmail,
  };
  return {
    generatedAt: now.toISOString(),
    organisation,
    topics: await listTopics(db),
    consultations: await listConsultations(db, now),
    submissions: await listPublishedSubmissions(db),
    houseRules: await listHouseRules(db, org.id),
    accessibilityStatement: await findAccessibilityStatement(db, org.id),
    threads: await listPublishedThreads(db),
    retention: Object.entries(await retentionPeriods(db, org.id)).map(([kind, days]) => ({
      kind: kind as RetentionKind,
      days,
    })),
    announcements: await listPublishedAnnouncements(db, org.id),
  };
}

/** Published input with the answers the municipality gave, newest first. */
export async function listPublishedSubmissions(
  db: Db,
  filter: { consultation?: string } = {},
): Promise<PublishedSubmission[]> {
  const conditions = [inArray(submissions.status, ['published', 'answered']), isNotNull(submissions.publishedAt)];
  if (filter.consultation) conditions.push(eq(consultations.slug, filter.consultation));
  const rows = await db
    .select({ submission: submissions, consultationSlug: consultations.slug })
    .from(submissions)
    .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
    .where(and(...conditions))
    .orderBy(desc(submissions.publishedAt));
  return withAnswersAndReplies(db, rows);
}

/**
 * Published submissions with their answers (redacted where screening found personal data)
 * and their published replies: one query for each, whatever the number of submissions.
 * The snapshot and the paged answers API both read published input through this.
 *
 * @param lang Replies in this language come first; nothing is left out.
 */
export async function withAnswersAndReplies(
  db: Db,
  rows: ReadonlyArray<{ submission: typeof submissions.$inferSelect; consultationSlug: string }>,
  lang?: Locale,
): Promise<PublishedSubmission[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.submission.id);
  const answers = await db
    .select({ submissionId: submissionAnswers.submissionId, key: questions.key, value: submissionAnswers.value })
    .from(submissionAnswers)
    .innerJoin(questions, eq(questions.id, submissionAnswers.questionId))
    .where(inArray(submissionAnswers.submissionId, ids))
    .orderBy(asc(questions.position));
  const replies = await db
    .select({ reply: staffReplies, department: departments.name })
    .from(staffReplies)
    .leftJoin(departments, eq(departments.id, staffReplies.departmentId))
    .where(and(inArray(staffReplies.submissionId, ids), isNotNull(staffReplies.publishedAt)))
    .orderBy(asc(staffReplies.publishedAt), asc(staffReplies.id));

  return rows.map(({ submission, consultationSlug }) => ({
    id: submission.id,
    consultation: consultationSlug,
    language: submission.language,
    channel: submission.channel,
    publishedAt: (submission.publishedAt ?? submission.createdAt).toISOString(),
    answers: answers
      .filter((a) => a.submissionId === submission.id)
      .map((a) => ({ question: a.key, value: publishedValue(submission, a.key, a.value) })),
    replies: replies
      .filter(({ reply }) => reply.submissionId === submission.id)
      .map(({ reply, department }) => ({
        language: reply.language,
        body: reply.body,
        department,
        publishedAt: (reply.publishedAt ?? reply.createdAt).toISOString(),
      }))
      // Array.prototype.sort is stable: within each language the order stays by date.
      .sort((a, b) => Number(b.language === lang) - Number(a.language === lang)),
  }));
}

/**
 * An answer as the public sees it: personal data that screening found is published
 * redacted; the stored answer stays as the resident gave it. Every public read uses this.
 */
export function publishedValue(
  submission: Pick<typeof submissions.$inferSelect, 'screening'>,
  questionKey: string,
  value: AnswerValue,
): AnswerValue {
  return submission.screening?.fields.find((field) => field.question === questionKey)?.redacted ?? value;
}

/** Every mirrored thread that is served, pseudonymised for the public. */
async function listPublishedThreads(db: Db): Promise<PublishedThread[]> {
  const threads: PublishedThread[] = [];
  for (const summary of await listThreads(db)) {
    const thread = await readPublicThread(db, summary.id);
    if (thread) threads.push({ ...thread, consultation: summary.consultation });
  }
  return threads;
}

/** Writes the snapshot atomically, so a build never reads half a file. */
export async function writeSnapshotFile(path: string, snapshot: PublishedSnapshot): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(snapshot, null, 2)}\n`);
  await rename(temporary, path);
}
