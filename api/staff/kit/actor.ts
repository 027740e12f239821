/**
 * Who acts, as the services want it: the staff member, their organisation and roles. The
 * `type` lets the same value stand for staff in the residents'-rights services and the audit log.
 */
import type { ActiveSession } from '../../services/auth/sessions.ts';
import type { RoleGrant } from '../../services/auth/roles.ts';

export type StaffActor = { type: 'staff'; id: string; organisationId: string; roles: readonly RoleGrant[] };

export function actorOf(session: ActiveSession): StaffActor {
  return { type: 'staff', id: session.user.id, organisationId: session.user.organisationId, roles: session.roles };
}
