/**
 * Webcare's part of the queue page: who an item can be assigned to, and whether this staff
 * member may assign and answer. A queue panel
 * (api/staff/queue/panels.ts `QueuePanels`), composed in api/staff/workbench.ts.
 */
import type { Context } from 'hono';
import { can } from '../../services/auth/roles.ts';
import type { ActiveSession } from '../../services/auth/sessions.ts';
import { assignmentChoices } from '../../services/webcare/routing.ts';
import type { StaffEnv } from '../kit/guards.ts';
import type { QueueWebcare } from './view.ts';

export async function webcareQueuePanel(c: Context<StaffEnv>, session: ActiveSession): Promise<QueueWebcare> {
  return {
    choices: await assignmentChoices(c.get('db'), session.user.organisationId),
    canAssign: can(session.roles, 'queue.assign'),
    canAnswer: can(session.roles, 'queue.answer'),
  };
}
