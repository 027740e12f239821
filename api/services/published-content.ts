/**
 * The published content as one snapshot: what the static portal is built from.
 * The build reads this file and never the database (an embedded database has one owner).
 * It holds what the pages themselves are (organisation, topics, consultations, rules,
 * statement, conversations, counts), never the lists that grow with history: published
 * input and answers are served into the built pages by the API (portal-lists.ts), so the
 * snapshot, and the build, stay the same size whatever the number of items.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type {
  Locale,
  Organisation,
  PublishedSnapshot,
  PublishedSubmission,
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
import { countPublishedBySlug } from './consultation-counts.ts';
import { findAccessibilityStatement, listHouseRules } from './house-rules.ts';
import { loadLogoInfo, offeredLanguages, storedTheme } from './organisation-settings.ts';
import { listThreads } from './social/threads.ts';

export async function buildPublishedSnapshot(db: Db, now: Date): Promise<PublishedSnapshot> {
  const [org] = await db.select().from(organisations).orderBy(asc(organisations.createdAt)).limit(1);
  if (!org) throw new Error('No organisation in the database yet: run `npx podium seed` first.');
  const organisation: Organisation = {
    slug: org.slug,
    name: org.name,
    nameEn: org.nameEn,
    logo: await publishedLogo(db, org.id),
    locales: offeredLanguages(org.locales),
    contactEmail: org.contactEmail,
    websiteUrl: org.websiteUrl,
    phone: org.phone,
    postalAddress: org.postalAddress,
    privacyEmail: org.privacyEmail,
    theme: storedTheme(org.theme),
  };
  return {
    generatedAt: now.toISOString(),
    organisation,
    topics: await listTopics(db),
    consultations: await listConsultations(db, now),
    // Counts only: the lists themselves grow with history and are served (portal-lists.ts).
    responseCounts: await countPublishedBySlug(db),
    houseRules: await listHouseRules(db, org.id),
    accessibilityStatement: await findAccessibilityStatement(db, org.id),
    threads: await listThreads(db),
    retention: Object.entries(await retentionPeriods(db, org.id)).map(([kind, days]) => ({
      kind: kind as RetentionKind,
      days,
    })),
    announcements: await listPublishedAnnouncements(db, org.id),
  };
}

/** The logo as the portal's header shows it, or null. */
async function publishedLogo(db: Db, organisationId: string): Promise<Organisation['logo']> {
  const logo = await loadLogoInfo(db, organisationId);
  return logo ? { url: logo.url, alt: logo.alt, width: logo.width, height: logo.height } : null;
}

/** Published input as the partial index `submissions_published_consultation` holds it (literals, for the planner). */
export const isPublishedInput = sql`${submissions.status} in ('published', 'answered') and ${submissions.publishedAt} is not null`;

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

/** Ids per `IN (…)` list: far below the drivers' 65,534 parameters, and one round trip per page of items. */
const IDS_PER_QUERY = 1_000;

/**
 * Published submissions with their answers (redacted where screening found personal data)
 * and their published replies: a query for each per thousand submissions, matched to
 * their submission through a map (linear in the rows read). The served portal lists, the
 * archive and the paged answers API read published input through this.
 *
 * @param lang Replies in this language come first; nothing is left out.
 */
export async function withAnswersAndReplies(
  db: Db,
  rows: ReadonlyArray<{ submission: typeof submissions.$inferSelect; consultationSlug: string }>,
  lang?: Locale,
): Promise<PublishedSubmission[]> {
  if (rows.length === 0) return [];
  type AnswerRow = { submissionId: string; key: string; value: AnswerValue };
  type ReplyRow = {
    reply: typeof staffReplies.$inferSelect;
    department: (typeof departments.$inferSelect)['name'] | null;
  };
  const answersById = new Map<string, AnswerRow[]>();
  const repliesById = new Map<string, ReplyRow[]>();
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (let start = 0; start < rows.length; start += IDS_PER_QUERY) {
    const ids = rows.slice(start, start + IDS_PER_QUERY).map((row) => row.submission.id);
    const answers = await db
      .select({ submissionId: submissionAnswers.submissionId, key: questions.key, value: submissionAnswers.value })
      .from(submissionAnswers)
      .innerJoin(questions, eq(questions.id, submissionAnswers.questionId))
      .where(inArray(submissionAnswers.submissionId, ids))
      .orderBy(asc(questions.position));
    for (const answer of answers) push(answersById, answer.submissionId, answer);
    const replies = await db
      .select({ reply: staffReplies, department: departments.name })
      .from(staffReplies)
      .leftJoin(departments, eq(departments.id, staffReplies.departmentId))
      .where(and(inArray(staffReplies.submissionId, ids), isNotNull(staffReplies.publishedAt)))
      .orderBy(asc(staffReplies.publishedAt), asc(staffReplies.id));
    for (const reply of replies) if (reply.reply.submissionId) push(repliesById, reply.reply.submissionId, reply);
  }

  return rows.map(({ submission, consultationSlug }) => ({
    id: submission.id,
    consultation: consultationSlug,
    language: submission.language,
    channel: submission.channel,
    publishedAt: (submission.publishedAt ?? submission.createdAt).toISOString(),
    answers: (answersById.get(submission.id) ?? []).map((a) => ({
      question: a.key,
      value: publishedValue(submission, a.key, a.value),
    })),
    replies: (repliesById.get(submission.id) ?? [])
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

/** Writes the snapshot atomically, so a build never reads half a file. */
export async function writeSnapshotFile(path: string, snapshot: PublishedSnapshot): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(snapshot, null, 2)}\n`);
  await rename(temporary, path);
}
