/**
 * Residents' input: checking answers against the consultation's questions, storing
 * input exactly once per idempotency key, and the follow-up a resident reads by code.
 */
import * as notifications from './notifications/index.ts';
import { createHash } from 'node:crypto';
import { and, asc, count, eq, gte, inArray, isNotNull } from 'drizzle-orm';
import { isEmailAddress } from '../../shared/contracts/email.ts';
import type { FieldError as FieldErrorOf } from '../../shared/contracts/field-error.ts';
import type { FollowUp, Locale, SubmissionReceipt } from '../../shared/contracts/public-content.ts';
import type { Db } from '../db/client.ts';
import {
  consultations,
  departments,
  questions,
  staffReplies,
  submissionAnswers,
  submissionContacts,
  submissions,
  type AnswerValue,
  type ScreeningRecord,
} from '../db/schema.ts';
import type { MessageCode } from '../messages/texts.ts';
import { intakeContext } from './intake-context.ts';
import { recordAudit } from './audit.ts';
import { markContentChanged } from './content-revision.ts';
import { submissionText } from './item-sentiment.ts';
import { findHouseRule } from './house-rules.ts';
import { publicStatus } from './consultations.ts';
import { screen } from './screening/index.ts';
import { comparisonKey } from './screening/spam.ts';
import { generateFollowUpCode } from './follow-up-code.ts';
import { routes } from '../../shared/urls.ts';
import { addWorkingDays } from './working-days.ts';
import { consumeSolution, type ProofCheck } from './proof-of-work.ts';

/** Input as it arrives, after the route checked its shape. */
export type SubmissionInput = {
  answers: Record<string, AnswerValue>;
  name?: string | undefined;
  email?: string | undefined;
  consent?: boolean | undefined;
  language: Locale;
  channel: 'portal' | 'widget';
};

export type FieldError = FieldErrorOf<MessageCode>;

export type SubmitResult =
  | { kind: 'created'; receipt: SubmissionReceipt }
  | { kind: 'replayed'; receipt: SubmissionReceipt }
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'not_found' }
  | { kind: 'closed' }
  | { kind: 'not_open_yet' }
  | { kind: 'idempotency_conflict' }
  | { kind: 'proof_refused'; reason: 'invalid' | 'expired' | 'replayed' };

/** The version of the consent text residents see next to the e-mail field. */
export const CONSENT_VERSION = '2026-11';

type QuestionRow = typeof questions.$inferSelect;

/**
 * Stores a resident's input on an open consultation.
 *
 * The same idempotency key with the same content returns the first receipt, so a retry
 * after a lost connection never stores input twice; with other content it is refused.
 */
export async function submitInput(
  db: Db,
  params: {
    consultationSlug: string;
    input: SubmissionInput;
    idempotencyKey?: string | undefined;
    now: Date;
    /** The checked proof of work; none given counts as missing. */
    proof?: ProofCheck | undefined;
  },
): Promise<SubmitResult> {
  const { input, idempotencyKey, now } = params;
  const proof = params.proof ?? { status: 'missing' };
  const context = await intakeContext(db, params.consultationSlug);
  if (!context || context.consultation.status === 'draft') return { kind: 'not_found' };
  const { consultation } = context;
  const checked = checkAnswers(context.questions, input);
  const requestHash = hashRequest(params.consultationSlug, checked.answers, input);

  if (idempotencyKey) {
    const earlier = await findByIdempotencyKey(db, idempotencyKey);
    if (earlier) return replayOrConflict(earlier, requestHash, consultation.responseDays);
  }

  const status = publicStatus(consultation, now);
  if (status === 'upcoming') return { kind: 'not_open_yet' };
  if (status !== 'open') return { kind: 'closed' };
  if (checked.errors.length > 0) return { kind: 'invalid', errors: checked.errors };
  // After the answers: a resident fixes those first, and a refused proof never costs input.
  if (proof.status === 'invalid' || proof.status === 'expired') return { kind: 'proof_refused', reason: proof.status };

  const textKeys = openAnswerKeys(checked.answers);
  const repeats = await recentRepeats(db, consultation.id, [...new Set(textKeys.values())], now);
  const screening: ScreeningRecord = {
    ...screenAnswers(checked.answers, input.language, { keys: textKeys, counts: repeats }, now),
    // Missing is allowed (no JavaScript), but moderators should see it next to the flags.
    proofOfWork: proof.status === 'valid' ? 'verified' : 'missing',
  };
  const publishNow = consultation.moderation === 'post' && mayPublishBeforeReview(screening);
  const sentiment = context.classify(submissionText(checked.answers.map(([, value]) => value)), input.language, now);
  const code = generateFollowUpCode();
  const responseDueAt = context.dueAt(input.channel, now);
  const route = context.route(input.channel);
  try {
    const submission = await db.transaction(async (tx) => {
      // Used up only together with the input it protects, so a failed send can use it again.
      if (proof.status === 'valid' && !(await consumeSolution(tx, proof, now))) throw new ProofReplayed();
      const [row] = await tx
        .insert(submissions)
        .values({
          consultationId: consultation.id,
          channel: input.channel,
          language: input.language,
          followUpCode: code,
          idempotencyKey: idempotencyKey ?? null,
          requestHash,
          screening,
          sentiment,
          // Post-moderation: visible at once, and still in the queue (review state "new")
          // until a moderator confirms or takes it down.
          ...(publishNow ? { status: 'published' as const, publishedAt: now } : {}),
          assignedDepartmentId: route.departmentId,
          assignedStaffUserId: route.staffUserId,
          createdAt: now,
          updatedAt: now,
          responseDueAt,
        })
        .returning();
      if (!row) throw new Error('Insert returned no row');
      if (checked.answers.length > 0) {
        await tx.insert(submissionAnswers).values(
          checked.answers.map(([question, value]) => ({
            submissionId: row.id,
            questionId: question.id,
            value,
            textKey: textKeys.get(question) ?? null,
          })),
        );
      }
      const name = input.name?.trim();
      const email = input.email?.trim();
      if (name || email) {
        await tx.insert(submissionContacts).values({
          submissionId: row.id,
          name: name || null,
          email: email || null,
          consentToContact: Boolean(email && input.consent),
          consentGivenAt: email && input.consent ? now : null,
          consentVersion: email && input.consent ? CONSENT_VERSION : null,
        });
      }
      if (email && input.consent) await notifications.queueReceipt(tx, row.id, now);
      await notifications.itemAssigned(tx, {
        itemId: row.id,
        staffUserId: row.assignedStaffUserId,
        actorId: null,
        now,
      });
      await recordAudit(tx, {
        organisationId: consultation.organisationId,
        actorType: 'resident',
        action: 'submission.received',
        subjectType: 'submission',
        subjectId: row.id,
        details: { channel: input.channel, consultation: consultation.slug, published: publishNow },
      });
      if (publishNow) await markContentChanged(tx);
      return row;
    });
    return { kind: 'created', receipt: toReceipt(submission, consultation.responseDays) };
  } catch (error) {
    if (error instanceof ProofReplayed) return { kind: 'proof_refused', reason: 'replayed' };
    // Two requests with one key raced: the other one stored it first.
    if (idempotencyKey && isUniqueViolation(error)) {
      const earlier = await findByIdempotencyKey(db, idempotencyKey);
      if (earlier) return replayOrConflict(earlier, requestHash, consultation.responseDays);
    }
    throw error;
  }
}

/** Rolls back the submission's transaction: its proof of work was used before. */
class ProofReplayed extends Error {}

/** How far back a flood of the same text is looked for. */
const FLOOD_WINDOW_MS = 10 * 60 * 1000;

/**
 * How often each of these open-answer keys was sent on the same consultation shortly
 * before. Podium keeps no client identifier (no IP address, no cookie), so a flood is the
 * same text from anyone. Counted through the `text_key` index: the cost does not grow with
 * the input in the window, only with the copies of this very text.
 */
async function recentRepeats(
  db: Db,
  consultationId: string,
  keys: string[],
  now: Date,
): Promise<ReadonlyMap<string, number>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .select({ key: submissionAnswers.textKey, n: count() })
    .from(submissionAnswers)
    .innerJoin(submissions, eq(submissions.id, submissionAnswers.submissionId))
    .where(
      and(
        inArray(submissionAnswers.textKey, keys),
        eq(submissions.consultationId, consultationId),
        gte(submissions.createdAt, new Date(now.getTime() - FLOOD_WINDOW_MS)),
      ),
    )
    .groupBy(submissionAnswers.textKey);
  return new Map(rows.map((row) => [row.key!, row.n]));
}

/** The comparison key of each open answer, to store and to count repeats by. */
function openAnswerKeys(answers: Array<[QuestionRow, AnswerValue]>): Map<QuestionRow, string> {
  const keys = new Map<QuestionRow, string>();
  for (const [question, value] of answers) {
    const key = question.kind === 'open_text' && typeof value === 'string' ? comparisonKey(value) : undefined;
    if (key) keys.set(question, key);
  }
  return keys;
}

/** Screens every open answer before anyone sees it; choices and scales need no screening. */
export function screenAnswers(
  answers: Array<[QuestionRow, AnswerValue]>,
  language: Locale,
  repeats: { keys: ReadonlyMap<QuestionRow, string>; counts: ReadonlyMap<string, number> },
  now: Date,
): ScreeningRecord {
  const fields = answers
    .filter(([question, value]) => question.kind === 'open_text' && typeof value === 'string')
    .map(([question, value]) => {
      const key = repeats.keys.get(question);
      // Without a client identifier the volume of other people's input says nothing: only
      // the same text repeated counts as a flood here.
      const result = screen(value as string, {
        lang: language,
        sameRecently: key ? (repeats.counts.get(key) ?? 0) : 0,
        floodVolume: Number.POSITIVE_INFINITY,
      });
      return { question: question.key, flags: result.flags, redacted: result.redacted };
    });
  return { version: 1, screenedAt: now.toISOString(), fields };
}

/**
 * Under post-moderation input goes online before a person has looked at it, unless
 * screening found abuse or spam: that waits for a moderator. Personal data does not hold
 * input back, because what is published is the redacted text.
 */
export function mayPublishBeforeReview(screening: ScreeningRecord): boolean {
  return screening.fields.every((field) => field.flags.every((flag) => flag.category === 'personal_data'));
}

/** Checks every answer against its question; returns normalised answers and field errors. */
export function checkAnswers(
  questionRows: QuestionRow[],
  input: Pick<SubmissionInput, 'answers' | 'email' | 'consent'>,
): { answers: Array<[QuestionRow, AnswerValue]>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const answers: Array<[QuestionRow, AnswerValue]> = [];
  const byKey = new Map(questionRows.map((q) => [q.key, q]));
  // The answers as sent, keyed by outside text: a Map, so no key reaches Object.prototype.
  const given = new Map(Object.entries(input.answers));

  for (const key of given.keys()) {
    if (!byKey.has(key)) errors.push({ field: `answers.${key}`, code: 'unknown_question' });
  }
  for (const question of questionRows) {
    const field = `answers.${question.key}`;
    const result = checkAnswer(question, given.get(question.key));
    if ('error' in result) errors.push({ field, ...result.error });
    else if (result.value !== undefined) answers.push([question, result.value]);
  }
  if (answers.length === 0 && errors.length === 0 && questionRows[0]) {
    errors.push({ field: `answers.${questionRows[0].key}`, code: 'empty_submission' });
  }

  const email = input.email?.trim();
  if (email && !isEmailAddress(email)) errors.push({ field: 'email', code: 'invalid_email' });
  if (email && !input.consent) errors.push({ field: 'consent', code: 'consent_required' });
  return { answers, errors };
}

type AnswerCheck = { value: AnswerValue | undefined } | { error: Omit<FieldError, 'field'> };

function checkAnswer(question: QuestionRow, raw: AnswerValue | undefined): AnswerCheck {
  switch (question.kind) {
    case 'open_text': {
      if (raw !== undefined && typeof raw !== 'string') return { error: { code: 'invalid_type' } };
      const text = (raw ?? '').trim();
      if (!text) return question.required ? { error: { code: 'required' } } : { value: undefined };
      const length = [...text].length;
      if (question.maxLength && length > question.maxLength) {
        return { error: { code: 'too_long', params: { max: question.maxLength, actual: length } } };
      }
      return { value: text };
    }
    case 'single_choice': {
      if (raw !== undefined && typeof raw !== 'string') return { error: { code: 'invalid_type' } };
      if (!raw) return question.required ? { error: { code: 'required_choice' } } : { value: undefined };
      const allowed = question.options?.some((option) => option.value === raw);
      return allowed ? { value: raw } : { error: { code: 'invalid_choice' } };
    }
    case 'multiple_choice': {
      // An HTML form sends one checked box as a plain string.
      const list = raw === undefined ? [] : typeof raw === 'string' ? [raw] : raw;
      if (!Array.isArray(list) || list.some((v) => typeof v !== 'string')) return { error: { code: 'invalid_type' } };
      const chosen = [...new Set(list.filter((v) => v !== ''))];
      if (chosen.length === 0)
        return question.required ? { error: { code: 'required_choices' } } : { value: undefined };
      const allowed = new Set(question.options?.map((option) => option.value));
      return chosen.every((v) => allowed.has(v)) ? { value: chosen } : { error: { code: 'invalid_choice' } };
    }
    case 'scale': {
      if (raw === undefined || raw === '') {
        return question.required ? { error: { code: 'required_choice' } } : { value: undefined };
      }
      const value = typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+$/.test(raw) ? Number(raw) : NaN;
      const min = question.scaleMin ?? 1;
      const max = question.scaleMax ?? 5;
      if (!Number.isInteger(value)) return { error: { code: 'invalid_type' } };
      if (value < min || value > max) return { error: { code: 'out_of_range', params: { min, max } } };
      return { value };
    }
  }
}

/** What a resident sees on the follow-up page; undefined when no input has this code. */
export async function findFollowUp(db: Db, code: string): Promise<FollowUp | undefined> {
  const [row] = await db
    .select({ submission: submissions, consultation: consultations })
    .from(submissions)
    .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
    .where(eq(submissions.followUpCode, code))
    .limit(1);
  if (!row) return undefined;
  const { submission, consultation } = row;

  const answerRows = await db
    .select({
      key: questions.key,
      prompt: questions.prompt,
      options: questions.options,
      value: submissionAnswers.value,
    })
    .from(submissionAnswers)
    .innerJoin(questions, eq(questions.id, submissionAnswers.questionId))
    .where(eq(submissionAnswers.submissionId, submission.id))
    .orderBy(asc(questions.position));
  const replyRows = await db
    .select({ reply: staffReplies, department: departments.name })
    .from(staffReplies)
    .leftJoin(departments, eq(departments.id, staffReplies.departmentId))
    .where(and(eq(staffReplies.submissionId, submission.id), isNotNull(staffReplies.publishedAt)))
    .orderBy(asc(staffReplies.publishedAt));

  return {
    code: submission.followUpCode,
    status: submission.status,
    language: submission.language,
    submittedAt: submission.createdAt.toISOString(),
    publishedAt: submission.publishedAt?.toISOString() ?? null,
    erasedAt: submission.erasedAt?.toISOString() ?? null,
    answerDueAt: (
      submission.responseDueAt ?? addWorkingDays(submission.createdAt, consultation.responseDays)
    ).toISOString(),
    moderationReason: submission.moderationReason,
    houseRule: submission.moderationRule
      ? await findHouseRule(db, consultation.organisationId, submission.moderationRule)
      : null,
    consultation: { slug: consultation.slug, title: consultation.title, responseDays: consultation.responseDays },
    answers: answerRows.map((a) => ({ question: a.key, prompt: a.prompt, options: a.options, value: a.value })),
    replies: replyRows.map(({ reply, department }) => ({
      language: reply.language,
      body: reply.body,
      department,
      publishedAt: (reply.publishedAt ?? reply.createdAt).toISOString(),
    })),
  };
}

/** The follow-up page of a code, in the resident's language. */
export function followUpPath(code: string, language: Locale): string {
  return routes.followUp(language, code);
}

/** The confirmation page shown right after input was sent without JavaScript. */
export function confirmationPath(code: string, language: Locale): string {
  return routes.confirmation(language, code);
}

type SubmissionRow = typeof submissions.$inferSelect;

function toReceipt(row: SubmissionRow, responseDays: number): SubmissionReceipt {
  return {
    code: row.followUpCode,
    status: row.status,
    followUpUrl: followUpPath(row.followUpCode, row.language),
    // Rows from before the stored clock (filled on start) fall back to the plain count.
    answerDueAt: (row.responseDueAt ?? addWorkingDays(row.createdAt, responseDays)).toISOString(),
  };
}

async function findByIdempotencyKey(db: Db, key: string): Promise<SubmissionRow | undefined> {
  const [row] = await db.select().from(submissions).where(eq(submissions.idempotencyKey, key)).limit(1);
  return row;
}

function replayOrConflict(earlier: SubmissionRow, requestHash: string, responseDays: number): SubmitResult {
  if (earlier.requestHash !== requestHash) return { kind: 'idempotency_conflict' };
  return { kind: 'replayed', receipt: toReceipt(earlier, responseDays) };
}

function hashRequest(slug: string, answers: Array<[QuestionRow, AnswerValue]>, input: SubmissionInput): string {
  const canonical = JSON.stringify({
    slug,
    answers: answers.map(([question, value]) => [question.key, value]),
    name: input.name?.trim() || null,
    email: input.email?.trim() || null,
    consent: Boolean(input.consent),
  });
  return createHash('sha256').update(canonical).digest('hex');
}

function isUniqueViolation(error: unknown): boolean {
  // postgres.js and PGlite both expose the SQLSTATE as `code`, sometimes on a wrapped cause.
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return true;
  }
  return false;
}
