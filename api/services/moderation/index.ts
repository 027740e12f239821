/**
 * The moderation queue and every action on its items, over all sources (portal and widget
 * input, mirrored social posts). Callers never name a source: the list merges them, and an
 * action goes to the source that holds the item. Every decision is written to the audit
 * log in the same transaction as the change, with the house rule it cites.
 */
import type { Db } from '../../db/client.ts';
import { can } from '../auth/roles.ts';
import { loadCalendar } from '../office-hours/due-times.ts';
import { responseClock } from '../webcare/clock.ts';
import { assignmentChoices } from '../webcare/routing.ts';
import { unfilledPlaceholders } from '../webcare/templates.ts';
import { inputSource } from './input-source.ts';
import { compareCursors } from './search.ts';
import { socialSource } from './social-source.ts';
import {
  ANSWER_MAX_LENGTH,
  type AnswerParams,
  type AnswerResult,
  type AssignParams,
  type AssignResult,
  type CorrectionResult,
  type DecisionParams,
  type DecisionResult,
  type ModerationSource,
  type OptionalAction,
  type QueueFilter,
  type QueueItem,
  type SentimentParams,
  type SourceItem,
  type Viewer,
} from './source.ts';

export * from './source.ts';
export { SEARCH_MAX_LENGTH } from './search.ts';
export {
  listHouseRules,
  QUEUE_ORDERS,
  queueFilterOptions,
  type HouseRule,
  type QueueFilterOptions,
} from './queue-options.ts';

/** Every source of the queue; a new channel of input is one more entry. */
export const MODERATION_SOURCES: readonly ModerationSource[] = [inputSource, socialSource];

/**
 * Items of every source that match the filter and that the viewer may see, oldest first
 * (first in, first out) unless the filter asks for newest first. Each source pages by the
 * same keyset, so merging their pages and cutting at the limit gives the right page.
 */
export async function listQueue(db: Db, viewer: Viewer, filter: QueueFilter = {}): Promise<QueueItem[]> {
  const lists: SourceItem[][] = [];
  for (const source of MODERATION_SOURCES) lists.push(await source.list(db, viewer, filter));
  const sign = filter.order === 'newest' ? -1 : 1;
  const page = lists
    .flat()
    .sort((a, b) => sign * compareCursors(a.cursor, b.cursor))
    .slice(0, filter.limit ?? 100);
  return withClocks(db, viewer.organisationId, page, filter.now ?? new Date());
}

/**
 * How many items of every source match the filter and the viewer may see (no limit, no page);
 * no more than `upTo` when it is given (counting stops there).
 */
export async function countQueue(db: Db, viewer: Viewer, filter: QueueFilter = {}, upTo?: number): Promise<number> {
  let total = 0;
  for (const source of MODERATION_SOURCES) {
    total += await source.count(db, viewer, filter, upTo === undefined ? undefined : upTo - total);
    if (upTo !== undefined && total >= upTo) return upTo;
  }
  return total;
}

/** The item in any state, if the viewer may see it. */
export async function findItem(db: Db, viewer: Viewer, itemId: string, now: Date): Promise<QueueItem | undefined> {
  for (const source of MODERATION_SOURCES) {
    const item = await source.find(db, viewer, itemId, now);
    if (item) return (await withClocks(db, viewer.organisationId, [item], now))[0];
  }
  return undefined;
}

/** Each item's office time left or late, in the organisation's calendar: the same clock on every screen. */
async function withClocks(db: Db, organisationId: string, items: SourceItem[], now: Date): Promise<QueueItem[]> {
  if (items.length === 0) return [];
  const calendar = await loadCalendar(db, organisationId);
  return items.map((item) => ({ ...item, clock: responseClock(calendar, item.dueAt, now) }));
}

/** Whether the item's source can do this; the answer page offers its form only then. */
export function supports(item: Pick<QueueItem, 'channel'>, action: OptionalAction): boolean {
  const source = MODERATION_SOURCES.find((s) => (s.channels as readonly string[]).includes(item.channel));
  return source?.supports[action] ?? false;
}

/** The source that holds the organisation's item; ids are unique across sources. */
async function sourceOf(db: Db, organisationId: string, itemId: string): Promise<ModerationSource | undefined> {
  for (const source of MODERATION_SOURCES) {
    if (await source.holds(db, organisationId, itemId)) return source;
  }
  return undefined;
}

/**
 * Publishes, rejects (citing a house rule) or publishes and routes to webcare for an answer.
 *
 * An item that was answered is final here. Rejecting a published item takes it down;
 * the resident reads the house rule on their follow-up page.
 */
export async function decide(db: Db, params: DecisionParams): Promise<DecisionResult> {
  if (!can(params.actor.roles, 'queue.decide')) return { kind: 'forbidden' };
  const source = await sourceOf(db, params.actor.organisationId, params.itemId);
  return source ? source.decide(db, params) : { kind: 'not_found' };
}

export type BulkResult =
  | { decided: number; skipped: number; notFound: number; stale: number }
  | { kind: 'rule_required' | 'unknown_rule' | 'forbidden' };

/**
 * The same decision for several items, each in its own transaction with its own audit
 * entry: one item that cannot be decided (already decided, gone) does not stop the rest.
 */
export async function decideMany(
  db: Db,
  params: Omit<DecisionParams, 'itemId' | 'expectedVersion'> & {
    itemIds: readonly string[];
    /** The version each item was selected on; an item changed since is not decided (counted as stale). */
    versions?: ReadonlyMap<string, number>;
  },
): Promise<BulkResult> {
  const counts = { decided: 0, skipped: 0, notFound: 0, stale: 0 };
  for (const itemId of new Set(params.itemIds)) {
    const result = await decide(db, { ...params, itemId, expectedVersion: params.versions?.get(itemId) });
    switch (result.kind) {
      case 'decided':
        counts.decided++;
        break;
      case 'already_decided':
        counts.skipped++;
        break;
      case 'not_found':
        counts.notFound++;
        break;
      case 'stale':
        counts.stale++;
        break;
      default:
        // Rule and permission problems are the same for every item: stop at the first.
        return { kind: result.kind };
    }
  }
  return counts;
}

/**
 * A staff member's sentiment label for an item: replaces the item's sentiment and retrains
 * the municipality's correction model (`../item-sentiment.ts`).
 */
export async function correctSentiment(db: Db, params: SentimentParams): Promise<CorrectionResult> {
  const source = await sourceOf(db, params.organisationId, params.itemId);
  return source ? source.correctSentiment(db, params) : { kind: 'not_found' };
}

/**
 * Webcare answers an item. The text rules are the same for every source (not empty, not
 * too long, no placeholder left from a template); whether and how the answer reaches the
 * resident is the source's.
 */
export async function answerItem(db: Db, params: AnswerParams): Promise<AnswerResult> {
  if (!can(params.actor.roles, 'queue.answer')) return { kind: 'forbidden' };
  const body = params.body.trim();
  if (!body) return { kind: 'empty' };
  if (body.length > ANSWER_MAX_LENGTH) return { kind: 'too_long' };
  const placeholders = unfilledPlaceholders(body);
  if (placeholders.length > 0) return { kind: 'unfilled_placeholder', placeholders };
  const source = await sourceOf(db, params.actor.organisationId, params.itemId);
  return source ? source.answer(db, { ...params, body }) : { kind: 'not_found' };
}

/** Assigns an item to one of the organisation's departments and/or people who may work the queue. */
export async function assignItem(db: Db, params: AssignParams): Promise<AssignResult> {
  const { actor, assignment } = params;
  if (!can(actor.roles, 'queue.assign')) return { kind: 'forbidden' };
  const source = await sourceOf(db, actor.organisationId, params.itemId);
  if (!source) return { kind: 'not_found' };
  const choices = await assignmentChoices(db, actor.organisationId);
  if (assignment.departmentId && !choices.departments.some((d) => d.id === assignment.departmentId)) {
    return { kind: 'unknown_department' };
  }
  if (assignment.staffUserId && !choices.people.some((p) => p.id === assignment.staffUserId)) {
    return { kind: 'unknown_person' };
  }
  return source.assign(db, params);
}
