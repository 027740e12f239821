/**
 * Sentiment of the items Podium receives, stored with each item and corrected by staff.
 * New items are classified with the municipality's correction model when it has learnt
 * enough from its staff's corrections, and with the general lexicon method until then.
 */
import { and, count, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  sentimentCorrections,
  sentimentModels,
  socialPosts,
  socialThreads,
  submissionAnswers,
  submissions,
  consultations,
  type SentimentRecord,
} from '../db/schema.ts';
import { recordAudit } from './audit.ts';
import {
  classifySentiment,
  classifyWithCorrections,
  trainCorrectionModel,
  type CorrectionModel,
  type SentimentLabel,
} from './sentiment/index.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export const SENTIMENT_LABELS: readonly SentimentLabel[] = ['positive', 'neutral', 'negative'];

async function loadModel(db: Db | Tx, organisationId: string): Promise<CorrectionModel | undefined> {
  const [row] = await db
    .select({ model: sentimentModels.model })
    .from(sentimentModels)
    .where(eq(sentimentModels.organisationId, organisationId))
    .limit(1);
  return row?.model as CorrectionModel | undefined;
}

/**
 * A classifier for one municipality: its correction model is read once, so a sync that
 * classifies many posts does not read it again for each.
 */
export async function sentimentClassifier(
  db: Db | Tx,
  organisationId: string,
): Promise<(text: string, lang: string, now: Date) => SentimentRecord> {
  const model = await loadModel(db, organisationId);
  return (text, lang, now) => {
    const result = model?.ready ? classifyWithCorrections(model, text, lang) : classifySentiment(text, lang);
    return {
      label: result.label,
      score: result.score,
      confidence: result.confidence,
      method: result.method,
      at: now.toISOString(),
    };
  };
}

/** The sentiment of one text as stored with an item. */
export async function sentimentFor(
  db: Db | Tx,
  organisationId: string,
  text: string,
  lang: string,
  now: Date,
): Promise<SentimentRecord> {
  return (await sentimentClassifier(db, organisationId))(text, lang, now);
}

/** The text of a submission that sentiment is about: its open answers, in question order. */
export function submissionText(answers: ReadonlyArray<unknown>): string {
  return answers.filter((value): value is string => typeof value === 'string').join('\n');
}

type Subject = { type: 'submission' | 'social_post'; id: string };

async function findSubject(db: Db, organisationId: string, subject: Subject) {
  if (subject.type === 'submission') {
    const [row] = await db
      .select({ id: submissions.id, language: submissions.language, sentiment: submissions.sentiment })
      .from(submissions)
      .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
      .where(and(eq(submissions.id, subject.id), eq(consultations.organisationId, organisationId)))
      .limit(1);
    if (!row) return undefined;
    const answers = await db
      .select({ value: submissionAnswers.value })
      .from(submissionAnswers)
      .where(eq(submissionAnswers.submissionId, row.id));
    return {
      language: row.language as string,
      sentiment: row.sentiment,
      text: submissionText(answers.map((a) => a.value)),
    };
  }
  const [row] = await db
    .select({ language: socialPosts.language, sentiment: socialPosts.sentiment, text: socialPosts.contentText })
    .from(socialPosts)
    .innerJoin(socialThreads, eq(socialThreads.id, socialPosts.threadId))
    .where(and(eq(socialPosts.id, subject.id), eq(socialThreads.organisationId, organisationId)))
    .limit(1);
  return row ? { language: row.language ?? 'nl', sentiment: row.sentiment, text: row.text } : undefined;
}

export type CorrectionResult = { kind: 'corrected'; modelReady: boolean; corrections: number } | { kind: 'not_found' };

/**
 * Stores a staff member's label for an item, replaces the item's sentiment with it, and
 * retrains the municipality's correction model. Correcting an item again replaces the
 * earlier correction.
 */
export async function correctSentiment(
  db: Db,
  params: { organisationId: string; subject: Subject; label: SentimentLabel; staffUserId: string | null; now: Date },
): Promise<CorrectionResult> {
  const found = await findSubject(db, params.organisationId, params.subject);
  if (!found) return { kind: 'not_found' };
  const predicted =
    found.sentiment ?? (await sentimentFor(db, params.organisationId, found.text, found.language, params.now));
  const record: SentimentRecord = {
    label: params.label,
    score: predicted.score,
    confidence: 1,
    method: 'staff-correction',
    at: params.now.toISOString(),
  };

  return db.transaction(async (tx) => {
    await tx
      .insert(sentimentCorrections)
      .values({
        organisationId: params.organisationId,
        subjectType: params.subject.type,
        subjectId: params.subject.id,
        language: found.language,
        text: found.text,
        // A second correction keeps what the method first said, so agreement stays honest.
        predicted: predicted.method === 'staff-correction' ? params.label : predicted.label,
        predictedMethod: predicted.method,
        label: params.label,
        staffUserId: params.staffUserId,
        createdAt: params.now,
      })
      .onConflictDoUpdate({
        target: [sentimentCorrections.subjectType, sentimentCorrections.subjectId],
        set: { label: params.label, staffUserId: params.staffUserId, createdAt: params.now },
      });
    if (params.subject.type === 'submission') {
      await tx.update(submissions).set({ sentiment: record }).where(eq(submissions.id, params.subject.id));
    } else {
      await tx.update(socialPosts).set({ sentiment: record }).where(eq(socialPosts.id, params.subject.id));
    }
    const { model, corrections } = await retrainCorrectionModel(tx, params.organisationId, params.now);
    await recordAudit(tx, {
      organisationId: params.organisationId,
      actorType: 'staff',
      actorId: params.staffUserId ?? undefined,
      at: params.now,
      action: 'sentiment.corrected',
      subjectType: params.subject.type,
      subjectId: params.subject.id,
      details: { from: predicted.label, to: params.label, method: predicted.method },
    });
    return { kind: 'corrected', modelReady: model.ready, corrections } as const;
  });
}

/**
 * Trains the municipality's correction model anew from the corrections it holds now. Also
 * after an erasure removed a correction: the model counts the words of every text it was
 * trained on, so a model trained before would keep the erased words.
 */
export async function retrainCorrectionModel(tx: Tx, organisationId: string, now: Date) {
  const all = await tx
    .select({
      text: sentimentCorrections.text,
      lang: sentimentCorrections.language,
      label: sentimentCorrections.label,
    })
    .from(sentimentCorrections)
    .where(eq(sentimentCorrections.organisationId, organisationId));
  const model = trainCorrectionModel(all);
  await tx
    .insert(sentimentModels)
    .values({ organisationId, model, corrections: all.length, trainedAt: now })
    .onConflictDoUpdate({
      target: sentimentModels.organisationId,
      set: { model, corrections: all.length, trainedAt: now },
    });
  return { model, corrections: all.length };
}

/** How often staff agreed with the method: corrections that kept the label count as agreement. */
export async function sentimentAgreement(
  db: Db,
  organisationId: string,
): Promise<{ reviewed: number; agreed: number; rate: number | null }> {
  const rows = await db
    .select({ agreed: eq(sentimentCorrections.predicted, sentimentCorrections.label), n: count() })
    .from(sentimentCorrections)
    .where(eq(sentimentCorrections.organisationId, organisationId))
    .groupBy(eq(sentimentCorrections.predicted, sentimentCorrections.label));
  const reviewed = rows.reduce((sum, row) => sum + Number(row.n), 0);
  const agreed = Number(rows.find((row) => row.agreed === true)?.n ?? 0);
  return { reviewed, agreed, rate: reviewed > 0 ? agreed / reviewed : null };
}
