/**
 * The inbox's named views and filters as one queue filter: what "mine", "waiting for me" and
 * "my department" mean. The inbox page, its new-items count and the JSON queue API share it,
 * so a script sees the same list a person does.
 */
import { departmentsOf, type RoleGrant } from '../auth/roles.ts';
import type { FlagCategory } from '../screening/types.ts';
import { COUNTED_STATES, OPEN_STATES, type Channel, type QueueFilter, type ReviewState } from './source.ts';

export const INBOX_VIEWS = ['all', 'mine', 'waiting', 'department'] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

/** The four-eyes filters: answers waiting for my approval, my answers sent back. */
export const APPROVAL_FILTERS = ['awaiting', 'returned'] as const;
export type InboxApproval = (typeof APPROVAL_FILTERS)[number];

export type InboxQuery = {
  status?: ReviewState | undefined;
  channel?: Channel | undefined;
  consultation?: string | undefined;
  topic?: string | undefined;
  department?: string | undefined;
  flag?: FlagCategory | undefined;
  overdue?: boolean | undefined;
  view?: InboxView | undefined;
  approval?: InboxApproval | undefined;
  /** Exactly the items an insights figure counted in this period (its drill-down), whatever their state. */
  counted?: { from: string; to: string } | undefined;
};

/** The list's filter (without order and paging) for this person. */
export function inboxFilter(
  query: InboxQuery,
  viewer: { id: string; roles: readonly RoleGrant[] },
  search: string | undefined,
): QueueFilter {
  const view = query.view ?? 'all';
  const waitingStates: ReviewState[] = [...OPEN_STATES, 'needs_answer'];
  return {
    states: query.status
      ? [query.status]
      : query.counted || query.approval
        ? // An answer waits (or was sent back) whatever the item's state: the filter itself narrows.
          COUNTED_STATES
        : view === 'waiting'
          ? waitingStates
          : OPEN_STATES,
    counted: query.counted,
    channel: query.channel,
    consultation: query.consultation,
    topic: query.topic,
    department: query.department,
    flag: query.flag,
    overdue: query.overdue,
    assignedTo: view === 'mine' ? viewer.id : undefined,
    waitingFor: view === 'waiting' ? viewer.id : undefined,
    routedTo: view === 'department' ? departmentsOf(viewer.roles) : undefined,
    approval: query.approval ? { state: query.approval, staffUserId: viewer.id } : undefined,
    search,
  };
}
