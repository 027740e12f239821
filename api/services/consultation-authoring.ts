/**
 * Staff author and run consultations: a draft with its texts and questions, the lifecycle
 * (draft → scheduled → open → closed → outcome published) and the outcome. Every change is
 * one transaction with its audit entry (before and after) and a revision (the whole state
 * as saved), raises the consultation's `version` (a save on an older version is refused
 * with what changed since) and, once the consultation is public, marks the portal for a
 * rebuild. Questions of a consultation that has input cannot change in a way that breaks
 * that input.
 *
 * "Scheduled" is not a stored status: a consultation whose status is `open` but whose
 * opening moment lies ahead is scheduled (the portal announces it as upcoming), and it
 * opens by itself at that moment (the rebuilder wakes for it, content-revision.ts).
 */
import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { InputText } from '../../shared/contracts/input-text.ts';
import type { Db } from '../db/client.ts';
import {
  consultationImages,
  consultationRevisions,
  consultations,
  questions,
  staffUsers,
  submissionAnswers,
  submissionContacts,
  submissions,
  topics,
  type AnswerValue,
  type ChoiceOption,
  type ConsultationPhase,
  type LocalizedText,
} from '../db/schema.ts';
import type { RoleGrant } from './auth/roles.ts';
import type { AuditAction } from './audit-actions.ts';
import { recordAudit } from './audit.ts';
import { markContentChanged } from './content-revision.ts';
import { queueOutcomeMail } from './notifications/resident.ts';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type Actor = { type: 'staff'; id: string; organisationId: string; roles: readonly RoleGrant[] };

/** What staff see of the lifecycle; the portal's status (consultations.ts) follows from it. */
export type Stage = 'draft' | 'scheduled' | 'open' | 'closed' | 'decided';

export function stageOf(row: { status: string; opensAt: Date; closesAt: Date }, now: Date): Stage {
  if (row.status === 'draft') return 'draft';
  if (row.status === 'decided') return 'decided';
  if (row.status === 'closed' || now >= row.closesAt) return 'closed';
  if (now < row.opensAt) return 'scheduled';
  return 'open';
}

// ---- input ---------------------------------------------------------------------------------------

const TEXT_MAX = 5000;
const SHORT_MAX = 300;
const Text = (max: number) => InputText.trim().max(max);
/** A text in both languages; empty Dutch is allowed in a draft, a schedule checks it (readyProblems). */
const Localized = (max = TEXT_MAX) => z.object({ nl: Text(max), en: Text(max) });

export const Slug = InputText.trim()
  .min(3)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  // Addresses of the workbench itself.
  .refine((slug) => slug !== 'nieuw' && slug !== 'new');

export const QuestionKey = InputText.trim()
  .min(1)
  .max(40)
  .regex(/^[a-z][a-z0-9-]*$/);

export const QuestionInput = z.object({
  key: QuestionKey,
  kind: z.enum(['open_text', 'single_choice', 'multiple_choice', 'scale']),
  prompt: Localized(SHORT_MAX),
  hint: Localized(SHORT_MAX),
  required: z.boolean(),
  options: z
    .array(z.object({ value: QuestionKey, label: Localized(SHORT_MAX) }))
    .max(20)
    .default([]),
  scaleMin: z.number().int().min(0).max(10).nullable().default(null),
  scaleMax: z.number().int().min(1).max(10).nullable().default(null),
  scaleMinLabel: Localized(SHORT_MAX),
  scaleMaxLabel: Localized(SHORT_MAX),
  maxLength: z.number().int().min(1).max(5000).nullable().default(null),
});
export type QuestionInput = z.infer<typeof QuestionInput>;

export const PhaseInput = z.object({ when: Localized(SHORT_MAX), what: Localized(SHORT_MAX) });

/** Everything staff write about a consultation (the JSON API's body and the form's content). */
export const ConsultationInput = z.object({
  topic: InputText.trim().min(1).max(80),
  title: Localized(SHORT_MAX),
  summary: Localized(),
  background: Localized(),
  afterwards: Localized(),
  whoDecides: Localized(SHORT_MAX),
  targetGroups: Localized(SHORT_MAX),
  partners: Localized(SHORT_MAX),
  phases: z.array(PhaseInput).max(10).default([]),
  moderation: z.enum(['pre', 'post']),
  responseDays: z.number().int().min(1).max(60),
  opensAt: z.coerce.date(),
  closesAt: z.coerce.date(),
  questions: z.array(QuestionInput).max(40),
});
export type ConsultationInput = z.infer<typeof ConsultationInput>;

export const CreateInput = z.object({
  topic: InputText.trim().min(1).max(80),
  slug: Slug,
  title: z.object({ nl: Text(SHORT_MAX).min(1), en: Text(SHORT_MAX) }),
});
export type CreateInput = z.infer<typeof CreateInput>;

const blank = (): LocalizedText => ({ nl: '', en: '' });
const stored = (text: { nl: string; en: string }): LocalizedText =>
  text.en ? { nl: text.nl, en: text.en } : { nl: text.nl };
const optional = (text: { nl: string; en: string }): LocalizedText | null => (text.nl || text.en ? stored(text) : null);
const asInput = (text: LocalizedText | null | undefined) => ({ nl: text?.nl ?? '', en: text?.en ?? '' });

// ---- reading -------------------------------------------------------------------------------------

export type ConsultationRow = typeof consultations.$inferSelect;

export type AuthoredConsultation = {
  row: ConsultationRow;
  topic: string;
  stage: Stage;
  input: ConsultationInput;
  /** Submissions of any state: their answers must stay readable. */
  inputCount: number;
  revisions: Array<{ version: number; at: Date; by: string | null }>;
  /** Its images in order, without their bytes (services/consultation-images.ts). */
  images: AuthoredImage[];
};

export type AuthoredImage = {
  id: string;
  position: number;
  mime: string;
  size: number;
  sha256: string;
  width: number;
  height: number;
  fileName: string;
  alt: { nl: string; en: string };
  caption: { nl: string; en: string };
};

/** A consultation's images in order, without their bytes. */
export async function imagesOf(db: Db | Tx, consultationId: string): Promise<AuthoredImage[]> {
  const rows = await db
    .select({
      id: consultationImages.id,
      position: consultationImages.position,
      mime: consultationImages.mime,
      size: sql<number>`octet_length(${consultationImages.bytes})`.mapWith(Number),
      sha256: consultationImages.sha256,
      width: consultationImages.width,
      height: consultationImages.height,
      fileName: consultationImages.fileName,
      alt: consultationImages.alt,
      caption: consultationImages.caption,
    })
    .from(consultationImages)
    .where(eq(consultationImages.consultationId, consultationId))
    .orderBy(asc(consultationImages.position));
  return rows.map((r) => ({ ...r, caption: asInput(r.caption) }));
}

export async function findForAuthoring(
  db: Db | Tx,
  organisationId: string,
  slug: string,
  now: Date,
): Promise<AuthoredConsultation | undefined> {
  const [found] = await db
    .select({ row: consultations, topic: topics.slug })
    .from(consultations)
    .innerJoin(topics, eq(topics.id, consultations.topicId))
    .where(and(eq(consultations.organisationId, organisationId), eq(consultations.slug, slug)))
    .limit(1);
  if (!found) return undefined;
  const questionRows = await db
    .select()
    .from(questions)
    .where(eq(questions.consultationId, found.row.id))
    .orderBy(asc(questions.position));
  const [counted] = await db
    .select({ n: count() })
    .from(submissions)
    .where(eq(submissions.consultationId, found.row.id));
  const revisions = await db
    .select({ version: consultationRevisions.version, at: consultationRevisions.createdAt, by: staffUsers.displayName })
    .from(consultationRevisions)
    .leftJoin(staffUsers, eq(staffUsers.id, consultationRevisions.staffUserId))
    .where(eq(consultationRevisions.consultationId, found.row.id))
    .orderBy(desc(consultationRevisions.version))
    .limit(20);
  return {
    row: found.row,
    topic: found.topic,
    stage: stageOf(found.row, now),
    input: inputOf(found.row, found.topic, questionRows),
    inputCount: Number(counted?.n ?? 0),
    revisions,
    images: await imagesOf(db, found.row.id),
  };
}

function inputOf(row: ConsultationRow, topic: string, questionRows: Array<typeof questions.$inferSelect>) {
  return {
    topic,
    title: asInput(row.title),
    summary: asInput(row.summary),
    background: asInput(row.background),
    afterwards: asInput(row.afterwards),
    whoDecides: asInput(row.whoDecides),
    targetGroups: asInput(row.targetGroups),
    partners: asInput(row.partners),
    phases: row.phases.map((p) => ({ when: asInput(p.when), what: asInput(p.what) })),
    moderation: row.moderation,
    responseDays: row.responseDays,
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    questions: questionRows.map((q) => ({
      key: q.key,
      kind: q.kind,
      prompt: asInput(q.prompt),
      hint: asInput(q.hint),
      required: q.required,
      options: (q.options ?? []).map((o) => ({ value: o.value, label: asInput(o.label) })),
      scaleMin: q.scaleMin,
      scaleMax: q.scaleMax,
      scaleMinLabel: asInput(q.scaleMinLabel),
      scaleMaxLabel: asInput(q.scaleMaxLabel),
      maxLength: q.maxLength,
    })),
  } satisfies ConsultationInput;
}

/** The consultations of an organisation for the workbench's list, newest first. */
export async function listForAuthoring(db: Db, organisationId: string, now: Date) {
  const rows = await db
    .select({
      slug: consultations.slug,
      title: consultations.title,
      status: consultations.status,
      opensAt: consultations.opensAt,
      closesAt: consultations.closesAt,
    })
    .from(consultations)
    .where(eq(consultations.organisationId, organisationId))
    .orderBy(desc(consultations.createdAt), asc(consultations.slug));
  return rows.map((row) => ({ ...row, stage: stageOf(row, now) }));
}

// ---- checks --------------------------------------------------------------------------------------

/** Why a consultation cannot be made public yet: field names (question fields as `questions.<key>`). */
export function readyProblems(input: ConsultationInput): string[] {
  const problems: string[] = [];
  for (const key of ['title', 'summary', 'background', 'afterwards', 'whoDecides'] as const) {
    if (!input[key].nl) problems.push(key);
  }
  if (!(input.closesAt > input.opensAt)) problems.push('closesAt');
  if (input.questions.length === 0) problems.push('questions');
  for (const q of input.questions) {
    if (!q.prompt.nl) problems.push(`questions.${q.key}`);
    else if ((q.kind === 'single_choice' || q.kind === 'multiple_choice') && q.options.length < 2)
      problems.push(`questions.${q.key}`);
    else if (q.kind === 'scale' && !(q.scaleMin !== null && q.scaleMax !== null && q.scaleMax > q.scaleMin))
      problems.push(`questions.${q.key}`);
  }
  return problems;
}

/** Why a change to the questions would break input already given. */
export type InputBreak = {
  key: string;
  reason: 'removed' | 'kind_changed' | 'option_removed' | 'scale_narrowed';
  detail?: string;
};

async function inputBreaks(
  tx: Tx,
  consultationId: string,
  next: ConsultationInput['questions'],
): Promise<InputBreak[]> {
  const answered = await tx
    .select({ key: questions.key, kind: questions.kind, value: submissionAnswers.value })
    .from(submissionAnswers)
    .innerJoin(questions, eq(questions.id, submissionAnswers.questionId))
    .where(eq(questions.consultationId, consultationId));
  const byKey = new Map<string, { kind: string; values: AnswerValue[] }>();
  for (const a of answered) {
    const entry = byKey.get(a.key) ?? { kind: a.kind, values: [] };
    entry.values.push(a.value);
    byKey.set(a.key, entry);
  }
  const breaks: InputBreak[] = [];
  for (const [key, { kind, values }] of byKey) {
    const q = next.find((candidate) => candidate.key === key);
    if (!q) {
      breaks.push({ key, reason: 'removed' });
      continue;
    }
    if (q.kind !== kind) {
      breaks.push({ key, reason: 'kind_changed' });
      continue;
    }
    if (kind === 'single_choice' || kind === 'multiple_choice') {
      const offered = new Set(q.options.map((o) => o.value));
      const used = new Set(values.flatMap((v) => (Array.isArray(v) ? v : [String(v)])));
      const missing = [...used].filter((v) => !offered.has(v));
      if (missing.length > 0) breaks.push({ key, reason: 'option_removed', detail: missing.join(', ') });
    }
    if (kind === 'scale') {
      const numbers = values.filter((v): v is number => typeof v === 'number');
      if (numbers.some((n) => n < (q.scaleMin ?? 0) || n > (q.scaleMax ?? 0)))
        breaks.push({ key, reason: 'scale_narrowed' });
    }
  }
  return breaks;
}

// ---- writing -------------------------------------------------------------------------------------

/** The state a revision keeps and the audit log compares: the consultation as staff wrote it. */
function snapshotOf(
  input: ConsultationInput,
  row: Pick<ConsultationRow, 'status' | 'outcome' | 'outcomeReasons' | 'outcomeThemes'>,
  images: readonly AuthoredImage[] = [],
) {
  return {
    ...input,
    // Only when there are any, so revisions from before images compare equal.
    ...(images.length > 0
      ? { images: images.map((i) => ({ sha256: i.sha256, fileName: i.fileName, alt: i.alt, caption: i.caption })) }
      : {}),
    opensAt: input.opensAt.toISOString(),
    closesAt: input.closesAt.toISOString(),
    status: row.status,
    outcome: row.outcome ?? null,
    outcomeReasons: row.outcomeReasons ?? null,
    outcomeThemes: row.outcomeThemes,
  } as Record<string, unknown>;
}

/** The top-level fields whose content differs, and their values before and after. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null),
  );
  return {
    fields,
    before: Object.fromEntries(fields.map((f) => [f, before[f] ?? null])),
    after: Object.fromEntries(fields.map((f) => [f, after[f] ?? null])),
  };
}

async function writeRevision(
  tx: Tx,
  consultationId: string,
  version: number,
  snapshot: Record<string, unknown>,
  actor: Actor,
  now: Date,
) {
  await tx
    .insert(consultationRevisions)
    .values({ consultationId, version, snapshot, staffUserId: actor.id, createdAt: now });
}

/** A refusal because someone saved in between: who, when, and which fields they changed. */
export type Stale = { kind: 'stale'; version: number; changed: string[]; by: string | null; at: Date | null };

async function staleSince(tx: Tx, consultationId: string, seen: number, current: ConsultationRow): Promise<Stale> {
  const rows = await tx
    .select({
      version: consultationRevisions.version,
      snapshot: consultationRevisions.snapshot,
      at: consultationRevisions.createdAt,
      by: staffUsers.displayName,
    })
    .from(consultationRevisions)
    .leftJoin(staffUsers, eq(staffUsers.id, consultationRevisions.staffUserId))
    .where(
      and(
        eq(consultationRevisions.consultationId, consultationId),
        inArray(consultationRevisions.version, [seen, current.version]),
      ),
    );
  const then = rows.find((r) => r.version === seen);
  const latest = rows.find((r) => r.version === current.version);
  const changed = then && latest ? changedFields(then.snapshot, latest.snapshot).fields : [];
  return { kind: 'stale', version: current.version, changed, by: latest?.by ?? null, at: latest?.at ?? null };
}

export type CreateResult = { kind: 'created'; slug: string } | { kind: 'slug_taken' } | { kind: 'unknown_topic' };

/** A new draft: never public until it is scheduled or opened. */
export async function createConsultation(
  db: Db,
  params: { actor: Actor; input: CreateInput; now: Date },
): Promise<CreateResult> {
  const { actor, input, now } = params;
  return db.transaction(async (tx) => {
    const [topic] = await tx
      .select({ id: topics.id })
      .from(topics)
      .where(and(eq(topics.organisationId, actor.organisationId), eq(topics.slug, input.topic)))
      .limit(1);
    if (!topic) return { kind: 'unknown_topic' } as const;
    const [taken] = await tx
      .select({ id: consultations.id })
      .from(consultations)
      .where(eq(consultations.slug, input.slug))
      .limit(1);
    if (taken) return { kind: 'slug_taken' } as const;
    // Opening and closing moments follow later; a draft starts with a month from a week on.
    const opensAt = new Date(now.getTime() + 7 * 86_400_000);
    const closesAt = new Date(now.getTime() + 35 * 86_400_000);
    const [row] = await tx
      .insert(consultations)
      .values({
        organisationId: actor.organisationId,
        topicId: topic.id,
        slug: input.slug,
        title: stored(input.title),
        summary: blank(),
        background: blank(),
        afterwards: blank(),
        whoDecides: blank(),
        status: 'draft',
        opensAt,
        closesAt,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const snapshot = snapshotOf(inputOf(row!, input.topic, []), row!);
    await writeRevision(tx, row!.id, 1, snapshot, actor, now);
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorType: 'staff',
      actorId: actor.id,
      action: 'consultation.created',
      subjectType: 'consultation',
      subjectId: row!.id,
      details: { slug: input.slug, after: { title: row!.title } },
      at: now,
    });
    return { kind: 'created', slug: input.slug } as const;
  });
}

export type SaveResult =
  | { kind: 'saved'; version: number }
  | { kind: 'not_found' }
  | { kind: 'unknown_topic' }
  | { kind: 'breaks_input'; breaks: InputBreak[] }
  | { kind: 'not_ready'; problems: string[] }
  | Stale;

/** Saves texts, settings and questions; refused on a stale version or when input would break. */
export async function saveConsultation(
  db: Db,
  params: { actor: Actor; slug: string; version: number; input: ConsultationInput; now: Date },
): Promise<SaveResult> {
  const { actor, input } = params;
  return versionedChange(db, params, async (tx, current) => {
    const [topic] = await tx
      .select({ id: topics.id })
      .from(topics)
      .where(and(eq(topics.organisationId, actor.organisationId), eq(topics.slug, input.topic)))
      .limit(1);
    if (!topic) return { kind: 'unknown_topic' } as const;
    // Breaking given input is the more important refusal: it is said first.
    const breaks = await inputBreaks(tx, current.row.id, input.questions);
    if (breaks.length > 0) return { kind: 'breaks_input', breaks } as const;
    // A public consultation stays complete: what residents read never becomes empty.
    if (current.row.status !== 'draft') {
      const problems = readyProblems(input);
      if (problems.length > 0) return { kind: 'not_ready', problems } as const;
    }
    return {
      set: {
        topicId: topic.id,
        title: stored(input.title),
        summary: stored(input.summary),
        background: stored(input.background),
        afterwards: stored(input.afterwards),
        whoDecides: stored(input.whoDecides),
        targetGroups: optional(input.targetGroups),
        partners: optional(input.partners),
        phases: input.phases.map((p): ConsultationPhase => ({ when: stored(p.when), what: stored(p.what) })),
        moderation: input.moderation,
        responseDays: input.responseDays,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
      },
      input,
      publish: current.row.status !== 'draft',
      async write(row, version, diff) {
        await writeQuestions(tx, row.id, input.questions);
        return {
          action: 'consultation.updated',
          details: { fields: diff.fields, before: diff.before, after: diff.after },
          result: { kind: 'saved', version } as const,
        };
      },
    };
  });
}

/** What a versioned change writes once its own rules have passed. */
type Change<Done> = {
  /** The consultation's new columns (version and updatedAt are added). */
  set: Partial<typeof consultations.$inferInsert>;
  /** The authored input after the change, as the revision keeps it. */
  input: ConsultationInput;
  /** The images after the change, when it changes them (read again after `write`). */
  imagesChanged?: boolean;
  /** Whether the portal shows what changed. */
  publish: boolean;
  /** The change's own further writes, and its audit entry and result. */
  write(
    row: ConsultationRow,
    version: number,
    diff: ReturnType<typeof changedFields>,
  ): Promise<{ action: AuditAction; details: Record<string, unknown>; result: Done }>;
};

/**
 * The steps every change to an authored consultation takes, in one transaction: lock the row,
 * refuse a stale version (saying who changed what since), let the change check its own rules
 * (`decide` returns a refusal, or the change), then write the row with the next version, its
 * revision and its audit entry (changed fields before and after), and mark the portal for a
 * rebuild when residents see it.
 */
export async function versionedChange<Refusal extends { kind: string }, Done>(
  db: Db,
  params: { actor: Actor; slug: string; version: number; now: Date },
  decide: (
    tx: Tx,
    current: { row: ConsultationRow; input: ConsultationInput; images: AuthoredImage[] },
  ) => Promise<Refusal | Change<Done>>,
): Promise<Done | Refusal | { kind: 'not_found' } | Stale> {
  const { actor, now } = params;
  return db.transaction(async (tx) => {
    const current = await lockConsultation(tx, actor.organisationId, params.slug);
    if (!current) return { kind: 'not_found' } as const;
    if (current.row.version !== params.version) return staleSince(tx, current.row.id, params.version, current.row);
    const change = await decide(tx, current);
    if ('kind' in change) return change;
    const version = current.row.version + 1;
    const [row] = await tx
      .update(consultations)
      .set({ ...change.set, version, updatedAt: now })
      .where(eq(consultations.id, current.row.id))
      .returning();
    const before = snapshotOf(current.input, current.row, current.images);
    let after = snapshotOf(change.input, row!, current.images);
    let written: Awaited<ReturnType<Change<Done>['write']>>;
    if (change.imagesChanged) {
      // The images are written by the change itself: the state after is read back.
      written = await change.write(row!, version, changedFields(before, before));
      after = snapshotOf(change.input, row!, await imagesOf(tx, row!.id));
      const diff = changedFields(before, after);
      written.details = { ...written.details, fields: diff.fields, before: diff.before, after: diff.after };
    } else {
      written = await change.write(row!, version, changedFields(before, after));
    }
    await writeRevision(tx, row!.id, version, after, actor, now);
    const { action, details, result } = written;
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorType: 'staff',
      actorId: actor.id,
      action,
      subjectType: 'consultation',
      subjectId: row!.id,
      details: { slug: params.slug, version, ...details },
      at: now,
    });
    if (change.publish) await markContentChanged(tx);
    return result;
  });
}

async function lockConsultation(tx: Tx, organisationId: string, slug: string) {
  const [locked] = await tx
    .select({ id: consultations.id })
    .from(consultations)
    .where(and(eq(consultations.organisationId, organisationId), eq(consultations.slug, slug)))
    .for('update')
    .limit(1);
  if (!locked) return undefined;
  return findForAuthoring(tx, organisationId, slug, new Date(0));
}

/** Updates questions in place by key, so answers keep pointing at their question. */
async function writeQuestions(tx: Tx, consultationId: string, next: ConsultationInput['questions']) {
  const existing = await tx
    .select({ id: questions.id, key: questions.key })
    .from(questions)
    .where(eq(questions.consultationId, consultationId));
  const keep = new Set(next.map((q) => q.key));
  const gone = existing.filter((q) => !keep.has(q.key)).map((q) => q.id);
  if (gone.length > 0) await tx.delete(questions).where(inArray(questions.id, gone));
  for (const [index, q] of next.entries()) {
    const choice = q.kind === 'single_choice' || q.kind === 'multiple_choice';
    const values = {
      position: index,
      kind: q.kind,
      prompt: stored(q.prompt),
      hint: optional(q.hint),
      required: q.required,
      options: choice ? q.options.map((o): ChoiceOption => ({ value: o.value, label: stored(o.label) })) : null,
      scaleMin: q.kind === 'scale' ? q.scaleMin : null,
      scaleMax: q.kind === 'scale' ? q.scaleMax : null,
      scaleMinLabel: q.kind === 'scale' ? optional(q.scaleMinLabel) : null,
      scaleMaxLabel: q.kind === 'scale' ? optional(q.scaleMaxLabel) : null,
      maxLength: q.kind === 'open_text' ? q.maxLength : null,
    };
    await tx
      .insert(questions)
      .values({ consultationId, key: q.key, ...values })
      .onConflictDoUpdate({ target: [questions.consultationId, questions.key], set: values });
  }
}

// ---- lifecycle -----------------------------------------------------------------------------------

export type Transition = 'schedule' | 'open' | 'close' | 'unschedule';

/** From which stages each step may be taken. */
export const TRANSITIONS: Record<Transition, readonly Stage[]> = {
  schedule: ['draft'],
  open: ['draft', 'scheduled'],
  close: ['open'],
  unschedule: ['scheduled'],
};

export type TransitionResult =
  | { kind: 'done'; stage: Stage; version: number }
  | { kind: 'not_found' }
  | { kind: 'not_allowed'; stage: Stage }
  | { kind: 'not_ready'; problems: string[] }
  | { kind: 'opens_in_past' }
  | Stale;

/** One step of the lifecycle, by a person with the permission; audited, and the portal rebuilt. */
export async function transitionConsultation(
  db: Db,
  params: { actor: Actor; slug: string; version: number; transition: Transition; now: Date },
): Promise<TransitionResult> {
  const { transition, now } = params;
  return versionedChange(db, params, async (_tx, current) => {
    const from = stageOf(current.row, now);
    if (!TRANSITIONS[transition].includes(from)) return { kind: 'not_allowed', stage: from } as const;
    let { opensAt, closesAt } = current.row;
    let status: ConsultationRow['status'];
    if (transition === 'schedule' || transition === 'open') {
      if (transition === 'open' && opensAt > now) opensAt = now;
      if (transition === 'schedule' && opensAt <= now) return { kind: 'opens_in_past' } as const;
      const problems = readyProblems({ ...current.input, opensAt, closesAt });
      if (closesAt <= now) problems.push('closesAt');
      if (problems.length > 0) return { kind: 'not_ready', problems: [...new Set(problems)] } as const;
      status = 'open';
    } else if (transition === 'close') {
      status = 'closed';
      if (closesAt > now) closesAt = now;
    } else {
      status = 'draft';
    }
    return {
      set: { status, opensAt, closesAt },
      input: { ...current.input, opensAt, closesAt },
      publish: true,
      async write(row, version) {
        const to = stageOf(row, now);
        return {
          action: 'consultation.stage_changed',
          details: {
            from,
            to,
            before: {
              status: current.row.status,
              opensAt: current.row.opensAt.toISOString(),
              closesAt: current.row.closesAt.toISOString(),
            },
            after: { status, opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() },
          },
          result: { kind: 'done', stage: to, version } as const,
        };
      },
    };
  });
}

// ---- outcome -------------------------------------------------------------------------------------

export const OutcomeInput = z.object({
  outcome: z.object({ nl: Text(TEXT_MAX).min(1), en: Text(TEXT_MAX) }),
  reasons: z.object({ nl: Text(TEXT_MAX).min(1), en: Text(TEXT_MAX) }),
  themes: z.array(Text(80).min(1)).max(20).default([]),
});
export type OutcomeInput = z.infer<typeof OutcomeInput>;

export type OutcomeResult =
  | { kind: 'published'; version: number; mailed: number }
  | { kind: 'not_found' }
  | { kind: 'not_allowed'; stage: Stage }
  | Stale;

/**
 * "You said, we did": what was decided and why, after closing. Publishing it (again, when
 * corrected) tells the residents who asked to be contacted, once each.
 */
export async function publishOutcome(
  db: Db,
  params: { actor: Actor; slug: string; version: number; input: OutcomeInput; now: Date },
): Promise<OutcomeResult> {
  const { input, now } = params;
  return versionedChange(db, params, async (tx, current) => {
    const from = stageOf(current.row, now);
    if (from !== 'closed' && from !== 'decided') return { kind: 'not_allowed', stage: from } as const;
    return {
      set: {
        status: 'decided',
        outcome: stored(input.outcome),
        outcomeReasons: stored(input.reasons),
        outcomeThemes: input.themes,
        outcomePublishedAt: current.row.outcomePublishedAt ?? now,
      },
      input: current.input,
      publish: true,
      async write(row, version, diff) {
        // Everyone who gave input and asked to be contacted, once per submission (the outbox dedupes).
        const asked = await tx
          .select({ id: submissions.id })
          .from(submissions)
          .innerJoin(submissionContacts, eq(submissionContacts.submissionId, submissions.id))
          .where(
            and(
              eq(submissions.consultationId, row.id),
              eq(submissionContacts.consentToContact, true),
              isNull(submissions.erasedAt),
            ),
          );
        let mailed = 0;
        for (const { id } of asked) if (await queueOutcomeMail(tx, id, now)) mailed += 1;
        return {
          action: 'consultation.outcome_published',
          details: { mailed, fields: diff.fields, before: diff.before, after: diff.after },
          result: { kind: 'published', version, mailed } as const,
        };
      },
    };
  });
}
