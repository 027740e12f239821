/**
 * Residents' input: checking answers against the consultation's questions, storing
 * input exactly once per idempotency key, and the follow-up a resident reads by code.
 */
import * as notifications from './notifications/index.ts';
import { createHash, randomUUID } from 'node:crypto';
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { isEmailAddress } from '../../shared/contracts/email.ts';
import type { FieldError as FieldErrorOf } from '../../shared/contracts/field-error.ts';
import type { FollowUp, Locale, SubmissionReceipt } from '../../shared/contracts/public-content.ts';
import { withSteadyPlans, type Db } from '../db/client.ts';
import { allOrNothing, refusalOf, type Condition, type Part } from '../db/all-or-nothing.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { insertRows } from '../db/insert-rows.ts';
import { rowsOf } from '../db/rows.ts';
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
import { intakeContext, lastKnownIntakeContext, stillCurrent, type IntakeContext } from './intake-context.ts';
import { auditStatement } from './audit.ts';
import { contentChangedStatement } from './content-revision.ts';
import { submissionText } from './item-sentiment.ts';
import { findHouseRule } from './house-rules.ts';
import { publicStatus } from './consultations.ts';
import { screen } from './screening/index.ts';
import { comparisonKey } from './screening/spam.ts';
import { generateFollowUpCode } from './follow-up-code.ts';
import { routes } from '../../shared/urls.ts';
import { addWorkingDays } from './working-days.ts';
import { solutionUse, type ProofCheck } from './proof-of-work.ts';

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
  // The context as last read; the transaction checks it still holds and, if not, the input
  // is taken again from a fresh read (a consultation closed or a question changed meanwhile).
  // A refusal is only given on a context read just now (a closed consultation may have been
  // opened again), which costs refused input one small read more.
  let context = await lastKnownIntakeContext(db, params.consultationSlug);
  let verified = false;
  for (let attempt = 1; ; attempt++) {
    const result = await takeInput(db, params, context, verified);
    if (result !== CONTEXT_CHANGED) return result;
    if (attempt === 3) throw new Error('The consultation kept changing while input was taken');
    context = await intakeContext(db, params.consultationSlug);
    verified = true;
  }
}

/** What `takeInput` answers when the consultation changed after its context was read. */
const CONTEXT_CHANGED = Symbol('context changed');

async function takeInput(
  db: Db,
  params: Parameters<typeof submitInput>[1],
  context: IntakeContext | undefined,
  verified: boolean,
): Promise<SubmitResult | typeof CONTEXT_CHANGED> {
  const { input, idempotencyKey, now } = params;
  const proof = params.proof ?? { status: 'missing' };
  if (!context || context.consultation.status === 'draft') return verified ? { kind: 'not_found' } : CONTEXT_CHANGED;
  const { consultation } = context;
  const checked = checkAnswers(context.questions, input);
  const requestHash = hashRequest(params.consultationSlug, checked.answers, input);
  // A retry with the key of stored input answers with its receipt, whatever changed since;
  // new input with a key is not looked up first: its insert finds a stored one (below).
  const refuse = async (refusal: SubmitResult): Promise<SubmitResult | typeof CONTEXT_CHANGED> => {
    if (!verified) return CONTEXT_CHANGED;
    const earlier = idempotencyKey ? await findByIdempotencyKey(db, idempotencyKey) : undefined;
    return earlier ? replayOrConflict(earlier, requestHash, consultation.responseDays) : refusal;
  };

  const status = publicStatus(consultation, now);
  if (status === 'upcoming') return refuse({ kind: 'not_open_yet' });
  if (status !== 'open') return refuse({ kind: 'closed' });
  if (checked.errors.length > 0) return refuse({ kind: 'invalid', errors: checked.errors });
  // After the answers: a resident fixes those first, and a refused proof never costs input.
  if (proof.status === 'invalid' || proof.status === 'expired') {
    return refuse({ kind: 'proof_refused', reason: proof.status });
  }

  const textKeys = openAnswerKeys(consultation.id, checked.answers, now);
  // The flood check and the statement that stores input plan alike for any input: their
  // plans are kept (db/client.ts).
  const writer = withSteadyPlans(db);
  const repeats = await recentRepeats(writer, textKeys, now);
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
  const id = randomUUID();
  const name = input.name?.trim();
  const email = input.email?.trim();
  const submission = {
    id,
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
    status: publishNow ? ('published' as const) : ('received' as const),
    publishedAt: publishNow ? now : null,
    assignedDepartmentId: route.departmentId,
    assignedStaffUserId: route.staffUserId,
    createdAt: now,
    updatedAt: now,
    responseDueAt,
  };
  // Used up only together with the input it protects, so a failed send can use it again.
  const solution = proof.status === 'valid' ? solutionUse(proof) : undefined;
  const parts: Part[] = [['submission', insertRows(submissions, [submission])]];
  if (checked.answers.length > 0) {
    const rows = checked.answers.map(([question, value]) => ({
      submissionId: id,
      questionId: question.id,
      value,
      textKey: textKeys.get(question)?.stored ?? null,
    }));
    parts.push(['answers', insertRows(submissionAnswers, rows)]);
  }
  if (name || email) {
    const contact = {
      submissionId: id,
      name: name || null,
      email: email || null,
      consentToContact: Boolean(email && input.consent),
      consentGivenAt: email && input.consent ? now : null,
      consentVersion: email && input.consent ? CONSENT_VERSION : null,
    };
    parts.push(['contact', insertRows(submissionContacts, [contact])]);
  }
  const details = { channel: input.channel, consultation: consultation.slug, published: publishNow };
  parts.push([
    'audit',
    auditStatement({
      organisationId: consultation.organisationId,
      actorType: 'resident',
      action: 'submission.received',
      subjectType: 'submission',
      subjectId: id,
      details,
    }),
  ]);
  if (publishNow) parts.push(['content', contentChangedStatement()]);
  if (solution) parts.push(['solution', solution]);
  const conditions: Array<Condition<Refusal>> = [[stillCurrent(context), 'context_changed']];
  if (solution) conditions.push([sql`exists (select from solution)`, 'proof_replayed']);
  const statement = allOrNothing(parts, conditions);
  const sendsReceipt = Boolean(email && input.consent);
  try {
    if (sendsReceipt || route.staffUserId) {
      // What follows reads the stored input, and goes with it or not at all: a transaction, on
      // the connections whose statements are planned per execution (the steady ones are few).
      await db.transaction(async (tx) => {
        await tx.execute(statement);
        verified = true;
        if (sendsReceipt) await notifications.queueReceipt(tx, id, now);
        await notifications.itemAssigned(tx, { itemId: id, staffUserId: route.staffUserId, actorId: null, now });
      });
    } else {
      // Most input: one statement, atomic without a transaction around it (db/all-or-nothing.ts).
      await writer.execute(statement);
    }
    return { kind: 'created', receipt: toReceipt(submission, consultation.responseDays) };
  } catch (error) {
    const refusal = refusalOf(error, REFUSALS);
    if (refusal === 'context_changed') return CONTEXT_CHANGED;
    if (refusal === 'proof_replayed') {
      verified = true; // the context, checked first, held
      return refuse({ kind: 'proof_refused', reason: 'replayed' });
    }
    // Input with this key was stored before (a retry) or just now by a request beside this one.
    if (idempotencyKey && isUniqueViolation(error)) {
      const earlier = await findByIdempotencyKey(db, idempotencyKey);
      if (earlier) return replayOrConflict(earlier, requestHash, consultation.responseDays);
    }
    throw error;
  }
}

/**
 * Why the statement storing input undid itself: the consultation changed since its context
 * was read, or the proof of work was used before.
 */
const REFUSALS = ['context_changed', 'proof_replayed'] as const;
type Refusal = (typeof REFUSALS)[number];

/** How far back a flood of the same text is looked for. */
const FLOOD_WINDOW_MS = 10 * 60 * 1000;

/**
 * An open answer's flood keys: the one stored with it, scoped to its consultation and the
 * ten-minute stretch it arrived in, and the one the same text had in the stretch before.
 * Between them they hold every copy sent within the window.
 */
type FloodKeys = { stored: string; previous: string };

/**
 * The flood keys of each open answer. Scoping the key to the consultation and the stretch
 * keeps what the index finds for a key to the copies that can count: the check costs the
 * same with 50 thousand other answers in the window as with none, whatever the planner
 * knows of the tables.
 */
function openAnswerKeys(
  consultationId: string,
  answers: Array<[QuestionRow, AnswerValue]>,
  now: Date,
): Map<QuestionRow, FloodKeys> {
  const stretch = Math.floor(now.getTime() / FLOOD_WINDOW_MS);
  const keys = new Map<QuestionRow, FloodKeys>();
  for (const [question, value] of answers) {
    if (question.kind !== 'open_text' || typeof value !== 'string') continue;
    const stored = comparisonKey(value, `${consultationId}/${stretch}`);
    const previous = comparisonKey(value, `${consultationId}/${stretch - 1}`);
    if (stored && previous) keys.set(question, { stored, previous });
  }
  return keys;
}

/**
 * How often each open answer's text was sent on the same consultation in the ten minutes
 * before, by the answer's stored key. Podium keeps no client identifier (no IP address, no
 * cookie), so a flood is the same text from anyone.
 */
async function recentRepeats(
  db: Db,
  keys: ReadonlyMap<QuestionRow, FloodKeys>,
  now: Date,
): Promise<ReadonlyMap<string, number>> {
  if (keys.size === 0) return new Map();
  const byKey = new Map<string, string>();
  for (const { stored, previous } of keys.values()) byKey.set(stored, stored).set(previous, stored);
  // The copies are found by the key index, and each one's time looked up by primary key: a
  // join with the submissions instead was planned, on a table not yet analysed (a new
  // database filling up), as a hash of every submission of the last ten minutes (4.5 ms at
  // 8,000 in the window and growing, against 0.3 ms this way; tests/bench/write-path.ts).
  const rows = rowsOf<{ key: string; n: number }>(
    await db.execute(sql`
      select a.text_key as key, count(*)::int as n
      from ${submissionAnswers} a
      where a.text_key in (${sql.join([...byKey.keys()], sql`, `)})
        and (select s.created_at from ${submissions} s where s.id = a.submission_id)
          >= ${new Date(now.getTime() - FLOOD_WINDOW_MS).toISOString()}::timestamptz
      group by a.text_key`),
  );
  const counts = new Map<string, number>();
  for (const row of rows) {
    const stored = byKey.get(row.key)!;
    counts.set(stored, (counts.get(stored) ?? 0) + Number(row.n));
  }
  return counts;
}

/** Screens every open answer before anyone sees it; choices and scales need no screening. */
export function screenAnswers(
  answers: Array<[QuestionRow, AnswerValue]>,
  language: Locale,
  repeats: { keys: ReadonlyMap<QuestionRow, FloodKeys>; counts: ReadonlyMap<string, number> },
  now: Date,
): ScreeningRecord {
  const fields = answers
    .filter(([question, value]) => question.kind === 'open_text' && typeof value === 'string')
    .map(([question, value]) => {
      const key = repeats.keys.get(question)?.stored;
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

function toReceipt(
  row: Pick<SubmissionRow, 'followUpCode' | 'status' | 'language' | 'responseDueAt' | 'createdAt'>,
  responseDays: number,
): SubmissionReceipt {
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
