/**
 * Webcare's part of the queue page: who an item can be assigned to, whether this staff
 * member may assign and answer, and the notice after assigning. A queue panel
 * (api/staff/queue/panels.ts `QueuePanels`), composed in api/staff/workbench.ts.
 */
import type { Context } from 'hono';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { can } from '../../services/auth/roles.ts';
import type { ActiveSession } from '../../services/auth/sessions.ts';
import { assignmentChoices } from '../../services/webcare/routing.ts';
import type { StaffEnv } from '../kit/guards.ts';
import { textsFor } from '../../../shared/i18n.ts';
import * as webcareTexts from './texts.ts';
import type { QueueWebcare } from './view.ts';

export async function webcareQueuePanel(
  c: Context<StaffEnv>,
  session: ActiveSession,
  assignError?: QueueWebcare['assignError'],
): Promise<QueueWebcare> {
  const lang: Locale = c.req.path.startsWith('/en/') ? 'en' : 'nl';
  const m = textsFor(webcareTexts, lang).assign;
  const saved = c.req.query('toewijzing');
  return {
    choices: await assignmentChoices(c.get('db'), session.user.organisationId),
    canAssign: can(session.roles, 'queue.assign'),
    canAnswer: can(session.roles, 'queue.answer'),
    assignError,
    notice: saved === 'opgeslagen' ? m.saved : saved === 'ongewijzigd' ? m.unchanged : undefined,
  };
}
