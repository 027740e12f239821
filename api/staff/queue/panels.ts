/**
 * How the queue page is composed: features add panels to it (webcare: assignment, answer
 * link, response clock per item), and re-render it when their form on it was refused.
 * Types only, so features need not import the queue's routes; the composition is in
 * api/staff/workbench.ts.
 */
import type { Context } from 'hono';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import type { ActiveSession } from '../../services/auth/sessions.ts';
import type { StaffEnv } from '../kit/guards.ts';
import type { QueueWebcare } from '../webcare/view.ts';
import type { DecisionFormState } from './view.ts';
import type { ItemFormState } from './inbox-view.ts';
import type { SavedViewFormState } from './saved-views-view.ts';
import type { AnswerApprovalFormState } from './answer-approval-view.ts';

/** What features add to the queue page, loaded once per page view. */
export type QueuePanels = {
  webcare: (c: Context<StaffEnv>, session: ActiveSession) => Promise<QueueWebcare>;
};

export type QueuePageState = {
  form?: DecisionFormState;
  status?: 200 | 409 | 422;
  /** The item opened beside the list (its permanent address). */
  itemId?: string;
  /** The item's one form as it was sent, when refused. */
  itemForm?: ItemFormState;
  /** The list's query, when the page is rendered for a form post rather than a GET. */
  listQuery?: string;
  /** The refused "save these filters as a view" form (./saved-views-routes.ts). */
  savedViewForm?: SavedViewFormState;
  /** The refused approve or send-back form of an answer (./answer-approval-routes.ts). */
  approvalForm?: AnswerApprovalFormState;
};

/** The queue page, re-rendered by any feature whose form on it was refused. */
export type QueuePage = (
  c: Context<StaffEnv>,
  lang: Locale,
  session: ActiveSession,
  state: QueuePageState,
) => Promise<Response>;
