/**
 * One save for everything staff do to one item: assignment, decision, answer, sentiment
 * correction and a note, sent together from the item's one form (api/staff/queue/). The
 * whole save is made on the version the form showed: if a colleague changed the item since,
 * nothing is saved and the refusal says what changed and by whom. Every part is checked
 * before the first is written, so a refused part leaves the item as it was; each part
 * then goes through the facade's own action, with its own audit entry. All parts are written
 * in one transaction (each action's own transaction becomes a savepoint inside it): if a late
 * part fails or is refused, the earlier ones are rolled back too, on PGlite and PostgreSQL
 * alike, so a save is never half made.
 */
import type { Db } from '../../db/client.ts';
import { houseRules } from '../../db/schema.ts';
import { can } from '../auth/roles.ts';
import type { SentimentLabel } from '../sentiment/index.ts';
import { overPlatformLimit, platformLimitFor } from '../social/posting.ts';
import { assignmentChoices } from '../webcare/routing.ts';
import { unfilledPlaceholders } from '../webcare/templates.ts';
import { and, eq, isNull } from 'drizzle-orm';
import { answerItem, assignItem, correctSentiment, decide, findItem, supports } from './index.ts';
import {
  ANSWER_MAX_LENGTH,
  TARGET_STATE,
  type Actor,
  type Assignment,
  type Decision,
  type QueueItem,
  type ReviewState,
  type Stale,
} from './source.ts';
import { addItemNote } from './item-notes.ts';
import { awaitingAnswerOf } from './social-source.ts';
import { staleResult } from './versions.ts';

export type ItemSave = {
  itemId: string;
  /** The version the form showed. */
  expectedVersion: number;
  /** Absent: the state stays as it is. */
  decision?: Decision | undefined;
  ruleCode?: string | undefined;
  note?: string | undefined;
  /** Absent: the assignment is not part of this form (the item cannot be assigned, or the person may not). */
  assignment?: Assignment | undefined;
  /** An answer to publish with the save; absent or empty, none. */
  answer?: { body: string; language: 'nl' | 'en' } | undefined;
  /** Absent: the sentiment stays as it is. */
  sentiment?: SentimentLabel | undefined;
  actor: Actor;
  now: Date;
};

/** `answer_for_approval`: the answer was stored to wait for a colleague's approval (answer-approval.ts), not published. */
export type SavedPart = 'assignment' | 'decision' | 'answer' | 'answer_for_approval' | 'sentiment' | 'note';

export type ItemSaveResult =
  | { kind: 'saved'; parts: SavedPart[]; version: number }
  | { kind: 'nothing_to_save' }
  | { kind: 'not_found' }
  | { kind: 'forbidden' }
  | { kind: 'rule_required' }
  | { kind: 'unknown_rule' }
  | { kind: 'already_decided'; state: ReviewState }
  | { kind: 'unknown_department' }
  | { kind: 'unknown_person' }
  | { kind: 'answer_too_long' }
  | { kind: 'answer_placeholder'; placeholders: string[] }
  | { kind: 'answer_rejected' }
  | { kind: 'answer_not_published' }
  /** An earlier answer still waits for a colleague's approval. */
  | { kind: 'answer_approval_pending' }
  /** Posted on Bluesky too, and longer than its 300 graphemes. */
  | { kind: 'answer_too_long_for_platform'; platform: 'bluesky'; max: number; count: number }
  | { kind: 'unsupported'; part: 'assignment' | 'answer' }
  | Stale;

/** The checks that need no writing, in the order the form shows its parts. */
async function refusal(db: Db, item: QueueItem, save: ItemSave): Promise<ItemSaveResult | undefined> {
  const { actor } = save;
  if (save.assignment && changesAssignment(item, save.assignment)) {
    if (!can(actor.roles, 'queue.assign')) return { kind: 'forbidden' };
    if (!supports(item, 'assign')) return { kind: 'unsupported', part: 'assignment' };
    const choices = await assignmentChoices(db, actor.organisationId);
    const { departmentId, staffUserId } = save.assignment;
    if (departmentId && !choices.departments.some((d) => d.id === departmentId)) return { kind: 'unknown_department' };
    if (staffUserId && !choices.people.some((p) => p.id === staffUserId)) return { kind: 'unknown_person' };
  }
  if (save.decision && changesState(item, save.decision)) {
    if (!can(actor.roles, 'queue.decide')) return { kind: 'forbidden' };
    if (item.reviewState === 'answered') return { kind: 'already_decided', state: item.reviewState };
    if (save.decision === 'reject') {
      if (!save.ruleCode) return { kind: 'rule_required' };
      const [rule] = await db
        .select({ code: houseRules.code })
        .from(houseRules)
        .where(
          and(
            eq(houseRules.organisationId, actor.organisationId),
            eq(houseRules.code, save.ruleCode),
            isNull(houseRules.retiredAt),
          ),
        )
        .limit(1);
      if (!rule) return { kind: 'unknown_rule' };
    }
  }
  if (save.answer?.body.trim()) {
    if (!can(actor.roles, 'queue.answer')) return { kind: 'forbidden' };
    if (!supports(item, 'answer')) return { kind: 'unsupported', part: 'answer' };
    if (save.answer.body.trim().length > ANSWER_MAX_LENGTH) return { kind: 'answer_too_long' };
    const placeholders = unfilledPlaceholders(save.answer.body);
    if (placeholders.length > 0) return { kind: 'answer_placeholder', placeholders };
    const stateThen = save.decision ? TARGET_STATE[save.decision] : item.reviewState;
    if (stateThen === 'rejected') return { kind: 'answer_rejected' };
    if (item.channel === 'social' && !publishedThen(item, save.decision)) return { kind: 'answer_not_published' };
    if (item.channel === 'social' && (await awaitingAnswerOf(db, item.id))) return { kind: 'answer_approval_pending' };
    if (item.channel === 'social') {
      const limit = await platformLimitFor(db, actor.organisationId, item.id);
      const count = overPlatformLimit(save.answer.body.trim(), limit);
      if (limit && count !== undefined) {
        return { kind: 'answer_too_long_for_platform', platform: limit.platform, max: limit.max, count };
      }
    }
  }
  if (save.sentiment && save.sentiment !== item.sentiment?.label && !can(actor.roles, 'queue.decide')) {
    return { kind: 'forbidden' };
  }
  return undefined;
}

/** Whether the item shows on the portal after the save's decision: a mirrored post's answer shows under it. */
function publishedThen(item: QueueItem, decision: Decision | undefined): boolean {
  if (decision === 'publish' || decision === 'needs_answer') return true;
  if (decision === 'reject') return false;
  return item.published === true;
}

function changesAssignment(item: QueueItem, assignment: Assignment): boolean {
  return item.assignedDepartmentId !== assignment.departmentId || item.assignedStaffUserId !== assignment.staffUserId;
}

function changesState(item: QueueItem, decision: Decision): boolean {
  return TARGET_STATE[decision] !== item.reviewState;
}

/** Thrown inside the save's transaction when a part is refused: rolls back the parts before it. */
class PartRefused extends Error {
  readonly result: ItemSaveResult;
  constructor(result: ItemSaveResult) {
    super(`Item save refused: ${result.kind}`);
    this.result = result;
  }
}

export async function saveItem(db: Db, save: ItemSave): Promise<ItemSaveResult> {
  const { actor, now } = save;
  if (!can(actor.roles, 'queue.read')) return { kind: 'forbidden' };
  const item = await findItem(db, { organisationId: actor.organisationId, roles: actor.roles }, save.itemId, now);
  // An erased item has nothing left to decide, answer or note (a note could quote the resident).
  if (!item || item.reviewState === 'erased') return { kind: 'not_found' };
  const subject = { type: item.channel === 'social' ? 'social_post' : 'submission', id: item.id } as const;
  if (item.version !== save.expectedVersion) return staleResult(db, subject, item.version, save.expectedVersion);
  const refused = await refusal(db, item, save);
  if (refused) return refused;

  try {
    return await db.transaction(async (tx) => {
      // Each part is made on the version the part before it left: a colleague's change in
      // between is refused by the source, however short the gap.
      let version = save.expectedVersion;
      const parts: SavedPart[] = [];
      if (save.assignment && changesAssignment(item, save.assignment)) {
        const result = await assignItem(tx, {
          itemId: item.id,
          assignment: save.assignment,
          actor,
          now,
          expectedVersion: version,
        });
        if (result.kind === 'stale') throw new PartRefused(result);
        if (result.kind !== 'assigned') throw new PartRefused({ kind: 'not_found' });
        version++;
        parts.push('assignment');
      }
      const note = save.note?.trim() || undefined;
      if (save.decision && changesState(item, save.decision)) {
        const result = await decide(tx, {
          itemId: item.id,
          decision: save.decision,
          ruleCode: save.ruleCode,
          note,
          actor,
          now,
          expectedVersion: version,
        });
        if (result.kind !== 'decided') throw new PartRefused(result);
        version++;
        parts.push('decision');
      }
      const body = save.answer?.body.trim();
      if (save.answer && body) {
        const result = await answerItem(tx, {
          itemId: item.id,
          body,
          language: save.answer.language,
          actor,
          now,
          expectedVersion: version,
        });
        if (result.kind === 'stale') throw new PartRefused(result);
        if (result.kind === 'approval_pending') throw new PartRefused({ kind: 'answer_approval_pending' });
        if (result.kind !== 'answered' && result.kind !== 'awaiting_approval')
          throw new PartRefused({ kind: 'not_found' });
        version++;
        parts.push(result.kind === 'answered' ? 'answer' : 'answer_for_approval');
      }
      if (save.sentiment && save.sentiment !== item.sentiment?.label) {
        await correctSentiment(tx, {
          itemId: item.id,
          organisationId: actor.organisationId,
          label: save.sentiment,
          staffUserId: actor.id,
          now,
        });
        parts.push('sentiment');
      }
      // A note goes with the decision it explains (the source stores it); on its own, it is stored here.
      if (note && !parts.includes('decision'))
        await addItemNote(tx, { organisationId: actor.organisationId, subject, authorId: actor.id, body: note, now });
      if (note) parts.push('note');
      return parts.length === 0 ? ({ kind: 'nothing_to_save' } as const) : ({ kind: 'saved', parts, version } as const);
    });
  } catch (error) {
    if (error instanceof PartRefused) return error.result;
    throw error;
  }
}
