/**
 * Four eyes on answers to social-media posts. Where a channel's guidelines ask for it
 * (`channel_guidelines.answers_need_approval`, answer-guideline.ts), webcare's answer is stored
 * in `answer_approvals` instead of being published (social-source.ts). A colleague with
 * `answers.approve` who did not write it then either approves it — it is published and queued
 * for the platform exactly as an answer without approval is (publishAnswer), by its author —
 * or sends it back with a note for the author, who is told (workbench and/or e-mail, as they
 * chose) and can write a new one.
 *
 * The response clock measures the resident's wait, so it runs until the answer is published:
 * the item stays in its waiting state and gets its first response at the approval, not when
 * the answer was written. Each step raises the item's version on the version the form showed
 * (a colleague's change in between is refused with what changed) and is audited.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { answerApprovals, staffUsers } from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import * as notifications from '../notifications/index.ts';
import { can } from '../auth/roles.ts';
import {
  awaitingAnswerOf,
  changePost,
  isPublished,
  postFor,
  publishAnswer,
  stalePost,
  versioned,
  type SocialPost,
  type Tx,
} from './social-source.ts';
import type { Actor, Stale } from './source.ts';
import { StaleVersion } from './versions.ts';

/** The longest note an answer is sent back with. */
export const RETURN_NOTE_MAX_LENGTH = 2000;

export type AnswerApprovalResult =
  | { kind: 'approved'; replyId: string; posting: boolean }
  | { kind: 'returned' }
  | { kind: 'not_found' }
  | { kind: 'forbidden' }
  /** No answer of this item waits for approval (approved or sent back already, or never written). */
  | { kind: 'nothing_awaiting' }
  /** Four eyes: the author of an answer never approves or sends back their own. */
  | { kind: 'own_answer' }
  /** The post was rejected or left the mirror since: an answer under it would show nowhere. */
  | { kind: 'not_published' }
  | { kind: 'note_required' }
  | { kind: 'note_too_long' }
  | Stale;

type Refusal = Exclude<AnswerApprovalResult, { kind: 'approved' | 'returned' }>;

/** An answer waiting for approval, or the last one sent back, as the item page shows it. */
export type AnswerApprovalView = {
  id: string;
  state: 'awaiting' | 'returned';
  body: string;
  language: 'nl' | 'en';
  writtenBy: { id: string | null; name: string | null };
  writtenAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  returnNote: string | null;
};

type StepParams = { actor: Actor; itemId: string; expectedVersion: number; now: Date };

/**
 * What the item page shows of four eyes: the answer that waits for approval, else the last one
 * sent back while no answer was published after it (so the author reads the note).
 */
export async function answerApprovalFor(
  db: Pick<Db, 'select'>,
  organisationId: string,
  postId: string,
): Promise<AnswerApprovalView | undefined> {
  const [row] = await db
    .select({ approval: answerApprovals, author: staffUsers.displayName })
    .from(answerApprovals)
    .leftJoin(staffUsers, eq(staffUsers.id, answerApprovals.writtenBy))
    .where(and(eq(answerApprovals.organisationId, organisationId), eq(answerApprovals.socialPostId, postId)))
    .orderBy(desc(answerApprovals.writtenAt), desc(answerApprovals.createdAt))
    .limit(1);
  if (!row || row.approval.state === 'approved') return undefined;
  const { approval } = row;
  let decidedBy: string | null = null;
  if (approval.decidedBy) {
    const [decider] = await db
      .select({ name: staffUsers.displayName })
      .from(staffUsers)
      .where(eq(staffUsers.id, approval.decidedBy));
    decidedBy = decider?.name ?? null;
  }
  return {
    id: approval.id,
    state: approval.state === 'awaiting' ? 'awaiting' : 'returned',
    body: approval.body,
    language: approval.language,
    writtenBy: { id: approval.writtenBy, name: row.author },
    writtenAt: approval.writtenAt,
    decidedBy,
    decidedAt: approval.decidedAt,
    returnNote: approval.returnNote,
  };
}

/** The checks both steps share: the item, its version, an answer that waits, and someone other than its author. */
async function awaitingFor(
  db: Db,
  params: StepParams,
): Promise<{ refused: Refusal } | { post: SocialPost; approval: typeof answerApprovals.$inferSelect }> {
  const { actor } = params;
  if (!can(actor.roles, 'answers.approve')) return { refused: { kind: 'forbidden' } as const };
  const post = await postFor(db, actor.organisationId, params.itemId);
  if (!post || post.placeholder) return { refused: { kind: 'not_found' } as const };
  if (post.version !== params.expectedVersion) return { refused: await stalePost(db, post, params.expectedVersion) };
  const approval = await awaitingAnswerOf(db, post.id);
  if (!approval) return { refused: { kind: 'nothing_awaiting' } as const };
  if (approval.writtenBy === actor.id) return { refused: { kind: 'own_answer' } as const };
  return { post, approval };
}

/** Marks the answer decided, unless a colleague decided it first (then the step is stale). */
async function decideApproval(
  tx: Tx,
  id: string,
  changes: Partial<typeof answerApprovals.$inferInsert>,
): Promise<boolean> {
  const rows = await tx
    .update(answerApprovals)
    .set(changes)
    .where(and(eq(answerApprovals.id, id), eq(answerApprovals.state, 'awaiting')))
    .returning({ id: answerApprovals.id });
  return rows.length === 1;
}

/**
 * A colleague approves the answer that waits: published under the post by its author, queued
 * for the platform, and the item answered (which stops its clock now).
 */
export async function approveAnswer(
  db: Db,
  params: StepParams,
): Promise<Exclude<AnswerApprovalResult, { kind: 'returned' }>> {
  const { actor, now } = params;
  const found = await awaitingFor(db, params);
  if ('refused' in found) return found.refused;
  const { post, approval } = found;
  if (post.reviewState === 'rejected' || !isPublished(post)) return { kind: 'not_published' };
  let published = { replyId: '', posting: false };
  const refused = await versioned(db, post, params.expectedVersion, async (tx) => {
    if (!(await decideApproval(tx, approval.id, { state: 'approved', decidedBy: actor.id, decidedAt: now })))
      throw new StaleVersion();
    published = await publishAnswer(tx, post, params.expectedVersion, {
      organisationId: actor.organisationId,
      authorId: approval.writtenBy,
      language: approval.language,
      body: approval.body,
      now,
    });
    await tx
      .update(answerApprovals)
      .set({ staffReplyId: published.replyId })
      .where(eq(answerApprovals.id, approval.id));
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorType: 'staff',
      actorId: actor.id,
      at: now,
      action: 'social_post.answer_approved',
      subjectType: 'social_post',
      subjectId: post.id,
      details: {
        approval: approval.id,
        reply: published.replyId,
        author: approval.writtenBy,
        language: approval.language,
        from: post.reviewState,
        to: 'answered',
        public: true,
        posting: published.posting,
      },
    });
  });
  return refused ?? { kind: 'approved', ...published };
}

/** A colleague sends the answer back to its author with a note; nothing is published and the clock runs on. */
export async function returnAnswer(
  db: Db,
  params: StepParams & { note: string },
): Promise<Exclude<AnswerApprovalResult, { kind: 'approved' }>> {
  const { actor, now } = params;
  const note = params.note.trim();
  if (!note) return { kind: 'note_required' };
  if (note.length > RETURN_NOTE_MAX_LENGTH) return { kind: 'note_too_long' };
  const found = await awaitingFor(db, params);
  if ('refused' in found) return found.refused;
  const { post, approval } = found;
  const refused = await versioned(db, post, params.expectedVersion, async (tx) => {
    const decided = await decideApproval(tx, approval.id, {
      state: 'returned',
      decidedBy: actor.id,
      decidedAt: now,
      returnNote: note,
    });
    // Decided by a colleague first: the refusal describes what they did.
    if (!decided) throw new StaleVersion();
    await changePost(tx, post.id, params.expectedVersion, {});
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorType: 'staff',
      actorId: actor.id,
      at: now,
      action: 'social_post.answer_returned',
      subjectType: 'social_post',
      subjectId: post.id,
      details: { approval: approval.id, author: approval.writtenBy, note },
    });
    // Told in the same transaction: a writer is never left waiting on an answer that came back.
    await notifications.answerReturned(tx, {
      itemId: post.id,
      approvalId: approval.id,
      staffUserId: approval.writtenBy,
      actorId: actor.id,
      now,
    });
  });
  return refused ?? { kind: 'returned' };
}
