/**
 * What every source of the moderation queue implements, and the shapes they share. Portal
 * and widget input (`input-source.ts`) and mirrored social-media posts (`social-source.ts`)
 * are two sources; the facade (`index.ts`) merges their lists and hands each action on an
 * item to the source that holds it, so no caller knows how many tables there are.
 *
 * A source that cannot do something says so with `{ kind: 'unsupported' }` and lists it in
 * `supports`; it never quietly does nothing. A filter it has nothing to match (an assignee,
 * where items cannot be assigned) matches no item: it is never ignored.
 */
import { sql, type SQL, type Subquery } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import {
  reviewState,
  type AnswerValue,
  type ChoiceOption,
  type LocalizedText,
  type ScreeningRecord,
  type SentimentRecord,
} from '../../db/schema.ts';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import type { RoleGrant } from '../auth/roles.ts';
import type { FlagCategory } from '../screening/types.ts';
import type { SentimentLabel } from '../sentiment/index.ts';
import type { CorrectionResult } from '../item-sentiment.ts';
import type { ResponseClock } from '../webcare/clock.ts';

export type ReviewState = (typeof reviewState.enumValues)[number];

/** States in which an item waits for a moderator. */
export const OPEN_STATES: readonly ReviewState[] = ['new', 'in_review', 'escalated'];

/** `escalate` is not final: the item stays in the queue, marked for a senior colleague. */
export type Decision = 'publish' | 'reject' | 'needs_answer' | 'escalate';
export const DECISIONS: readonly Decision[] = ['publish', 'reject', 'needs_answer', 'escalate'];

/** The state each decision leads to, in every source. */
export const TARGET_STATE: Record<Decision, ReviewState> = {
  publish: 'published',
  reject: 'rejected',
  needs_answer: 'needs_answer',
  escalate: 'escalated',
};

/** Every state, for looking up one item whatever became of it. */
export const ALL_STATES: readonly ReviewState[] = reviewState.enumValues;

/** The longest answer staff may publish. */
export const ANSWER_MAX_LENGTH = 5000;

export type Channel = 'portal' | 'widget' | 'social';

/** Where a mirrored social-media item comes from: shown as its channel. */
export type SocialOrigin = {
  platform: string;
  /** The account whose thread this is (the root's author), e.g. `gemeente@social.overheid.nl`. */
  account: string | null;
  threadId: string;
  postUrl: string | null;
  /** The post's declared language when plausible; null when unknown (then no `lang` is claimed). */
  lang: string | null;
  /** The hashtag or keyword listening heard it by; null for a mention, a reply or an import. */
  heardBy?: string | null;
};

export type QueueItem = {
  id: string;
  reviewState: ReviewState;
  channel: string;
  language: 'nl' | 'en';
  createdAt: Date;
  /** When the promised response time ends (stored on the item, in office hours). */
  dueAt: Date;
  /** Office time left or past `dueAt` at the moment of the list; added by the facade (index.ts). */
  clock: ResponseClock;
  consultation: { slug: string; title: LocalizedText };
  answers: Array<{
    question: string;
    kind: string;
    prompt: LocalizedText;
    value: AnswerValue;
    options: ChoiceOption[];
  }>;
  screening: ScreeningRecord | null;
  /** As computed on arrival, or as a member of staff corrected it. */
  sentiment: SentimentRecord | null;
  /** Reports by residents that no moderator has answered yet. */
  openReports: number;
  /** Who answers it (webcare routing). */
  assignedDepartmentId: string | null;
  assignedStaffUserId: string | null;
  /** Set for mirrored social-media posts: the platform, account and post they come from. */
  source?: SocialOrigin;
  /**
   * Whether the item shows on the portal now. A mirrored post is answered in the portal's
   * mirror, under the post, so it can be answered only while it shows there.
   */
  published?: boolean;
  /**
   * Four eyes on its answer (answer-approval.ts): one waits for a colleague's approval, or the
   * last one was sent back and no answer was published since. Absent where neither.
   */
  answerApproval?: AnswerApprovalMark | undefined;
  /** Raised by every decision, assignment and answer; a change sent with an older one is refused. */
  version: number;
  /** The item's place in the queue's order, for paging on after it. */
  cursor: QueueCursor;
};

export type AnswerApprovalMark = { state: 'awaiting' | 'returned'; writtenBy: string | null };

/**
 * The inbox's four-eyes filters: `awaiting` — an answer waits for this person's approval (never
 * their own: nobody approves their own answer; someone who may not approve gets none);
 * `returned` — this person's answer was sent back and no answer was published since.
 */
export type ApprovalFilter = { state: 'awaiting' | 'returned'; staffUserId: string };

/** An item as a source lists it: the facade adds the clock from the organisation's calendar. */
export type SourceItem = Omit<QueueItem, 'clock'>;

export type Viewer = { organisationId: string; roles: readonly RoleGrant[] };
export type Actor = { id: string; organisationId: string; roles: readonly RoleGrant[] };

export type QueueFilter = {
  states?: readonly ReviewState[] | undefined;
  channel?: Channel | undefined;
  consultation?: string | undefined;
  topic?: string | undefined;
  department?: string | undefined;
  /** Only items with at least one screening flag of this category. */
  flag?: FlagCategory | undefined;
  /** Only items whose promised response time has passed. */
  overdue?: boolean | undefined;
  /** Only items assigned to this staff user. */
  assignedTo?: string | undefined;
  /** Only this item. */
  itemId?: string | undefined;
  /**
   * Only items waiting for this person: assigned to them, or to no person (the list already
   * keeps to what the viewer's departments may see).
   */
  waitingFor?: string | undefined;
  /**
   * Only items routed to one of these departments ("my department": the departments the
   * viewer belongs to). An empty list matches no item.
   */
  routedTo?: readonly string[] | undefined;
  /**
   * Only the items the insights count as received in this period (Amsterdam dates, inclusive):
   * input not erased, by its arrival; residents' posts by their posting time, not the
   * municipality's own and not those that became a submission (which count as the submission).
   * A drill-down from an insights figure to exactly the items behind it.
   */
  counted?: { from: string; to: string } | undefined;
  /** Only items in this four-eyes state for this person (see ApprovalFilter). */
  approval?: ApprovalFilter | undefined;
  /** Full-text search in the item's text, in Dutch and English (./search.ts). */
  search?: string | undefined;
  /**
   * Oldest first (default), newest first, or least time left first (`due`: by the stored
   * response due time, overdue items first); paging goes on from `after`.
   */
  order?: QueueOrder | undefined;
  /** The last item of the previous page: the next page starts after it (a keyset, not an offset). */
  after?: QueueCursor | undefined;
  now?: Date;
  limit?: number;
};

export type QueueOrder = 'oldest' | 'newest' | 'due';

/** States of the items the insights count (every state but erased). */
export const COUNTED_STATES: readonly ReviewState[] = ALL_STATES.filter((state) => state !== 'erased');

/**
 * Where a page of the queue ends: the (created_at, id) of its last item — (response_due_at, id)
 * when ordered by time left — the time in microseconds since the epoch.
 */
export type QueueCursor = { micros: string; id: string };

/**
 * What a change on an item refused because it was made on an older version gets: the
 * version now, and the changes since, newest first, with who made them.
 */
export type Stale = { kind: 'stale'; version: number; changes: ItemChange[] };
export type ItemChange = {
  action: 'decision' | 'assigned' | 'answered' | 'answer_submitted' | 'answer_approved' | 'answer_returned';
  by: string | null;
  at: Date;
  to?: string;
};

export type DecisionParams = {
  itemId: string;
  /** The version the decision was made on; omitted, the decision applies to whatever is there. */
  expectedVersion?: number | undefined;
  decision: Decision;
  ruleCode?: string | undefined;
  note?: string | undefined;
  actor: Actor;
  now: Date;
};

export type DecisionResult =
  | { kind: 'decided'; state: ReviewState }
  | { kind: 'not_found' }
  | { kind: 'forbidden' }
  | { kind: 'rule_required' }
  | { kind: 'unknown_rule' }
  | { kind: 'already_decided'; state: ReviewState }
  | Stale;

export type SentimentParams = {
  itemId: string;
  organisationId: string;
  label: SentimentLabel;
  staffUserId: string | null;
  now: Date;
};

export type { CorrectionResult };

/** The answer as the facade hands it on: already trimmed, not empty, not too long. */
export type AnswerParams = {
  itemId: string;
  body: string;
  language: Locale;
  actor: Actor;
  now: Date;
  /** The version the answer was written on (see DecisionParams). */
  expectedVersion?: number | undefined;
};

export type AnswerResult =
  | { kind: 'answered'; replyId: string; public: boolean }
  /** The channel's guidelines ask for four eyes: stored, not published, until a colleague approves it. */
  | { kind: 'awaiting_approval'; approvalId: string }
  /** An earlier answer still waits for approval: it is approved or sent back first. */
  | { kind: 'approval_pending' }
  | { kind: 'not_found' }
  | { kind: 'forbidden' }
  | { kind: 'empty' }
  | { kind: 'too_long' }
  /** The answer still holds placeholders such as `{naam}`: never sent to a resident. */
  | { kind: 'unfilled_placeholder'; placeholders: string[] }
  | { kind: 'rejected' }
  /** A mirrored post not (yet) published: an answer under it would show nowhere. */
  | { kind: 'not_published' }
  /** Longer than the platform the answer is posted on takes (Bluesky: 300 graphemes); `count` as that platform counts. */
  | { kind: 'too_long_for_platform'; platform: 'bluesky'; max: number; count: number }
  | Stale
  | Unsupported;

export type Assignment = { departmentId: string | null; staffUserId: string | null };

/** The assignment as the facade hands it on: department and person are the organisation's. */
export type AssignParams = {
  itemId: string;
  assignment: Assignment;
  actor: Actor;
  now: Date;
  /** The version the assignment was made on (see DecisionParams). */
  expectedVersion?: number | undefined;
};

export type AssignResult =
  | { kind: 'assigned'; before: Assignment; after: Assignment }
  | { kind: 'unchanged' }
  | { kind: 'not_found' }
  | { kind: 'forbidden' }
  | { kind: 'unknown_department' }
  | { kind: 'unknown_person' }
  | Stale
  | Unsupported;

/** What a source answers for an action it cannot do (yet); routes turn it into a message. */
export type Unsupported = { kind: 'unsupported' };
export const UNSUPPORTED: Unsupported = { kind: 'unsupported' };

/** The actions a source may not support; everything else every source does. */
export type OptionalAction = 'answer' | 'assign';

export interface ModerationSource {
  /** For audit and test names: `input`, `social`. */
  readonly name: string;
  /** The channels its items arrive by; an item's channel names its source. */
  readonly channels: readonly Channel[];
  readonly supports: Readonly<Record<OptionalAction, boolean>>;
  /** Items that match every part of the filter and that the viewer may see, oldest first. */
  list(db: Db, viewer: Viewer, filter: QueueFilter): Promise<SourceItem[]>;
  /**
   * How many items `list` would give for the filter without a limit or a page (`after`);
   * counting stops at `upTo` when it is given, so a count of a huge backlog costs no more than that.
   */
  count(db: Db, viewer: Viewer, filter: QueueFilter, upTo?: number): Promise<number>;
  /** The item in any state, if the viewer may see it. */
  find(db: Db, viewer: Viewer, itemId: string, now: Date): Promise<SourceItem | undefined>;
  /** Whether the organisation has this item here, in any state: where the facade sends actions. */
  holds(db: Db, organisationId: string, itemId: string): Promise<boolean>;
  decide(db: Db, params: DecisionParams): Promise<DecisionResult>;
  correctSentiment(db: Db, params: SentimentParams): Promise<CorrectionResult>;
  answer(db: Db, params: AnswerParams): Promise<AnswerResult>;
  assign(db: Db, params: AssignParams): Promise<AssignResult>;
}

/** How many rows a select gives (no more than its limit, when it has one), counted by the database. */
export async function countRows(db: Db, rows: { as(alias: string): Subquery }): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(rows.as('matched'));
  return row?.n ?? 0;
}

/** `column` lies within the Amsterdam dates `from`–`to` (inclusive), as the insights count periods. */
export function arrivedIn(column: AnyPgColumn, period: { from: string; to: string }): SQL {
  return sql`${column} >= (${period.from}::date::timestamp at time zone 'Europe/Amsterdam')
    and ${column} < ((${period.to}::date + 1)::timestamp at time zone 'Europe/Amsterdam')`;
}
