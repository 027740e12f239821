/**
 * What each staff role may do. One table, so a route asks for a permission and never
 * for a role, and a new role (or an OpenID Connect group mapping) changes only this file.
 */
import type { staffRole } from '../../db/schema.ts';

export type StaffRole = (typeof staffRole.enumValues)[number];

export type Permission =
  /** See the moderation queue (department members: only what is routed to them). */
  | 'queue.read'
  /** Publish, reject or route items. */
  | 'queue.decide'
  /** Read insights and exports. */
  | 'insights.read'
  /**
   * Rename and merge the automatic themes on the insights pages (kept for everyone in the
   * organisation): for those who read insights and judge input (analysts, moderators).
   */
  | 'themes.correct'
  /** Manage staff, channels, house rules. */
  | 'admin'
  /** Write and publish an answer to an item (webcare). */
  | 'queue.answer'
  /** Assign an item to a department or a person. */
  | 'queue.assign'
  /**
   * Import a social-media thread (by address or from the platform's export), see the
   * organisation's mirrored threads and re-sync one: for the people who follow the channels
   * (webcare, moderators, administrators).
   */
  | 'threads.import'
  /** Remove mirrored social-media threads with everything derived; describe their media. */
  | 'threads.manage'
  /** Handle residents' privacy requests (search, export, erase) and set retention periods. */
  | 'privacy'
  /**
   * See a resident's contact history beside an item: their other input (same e-mail address,
   * given with consent) or other posts by the same social account. Personal data: for the
   * people who answer residents, not for analysts or department members.
   */
  | 'contacts.read'
  /** Author consultations (texts, questions), move them through their lifecycle, publish the outcome. */
  | 'consultations.manage'
  /**
   * Compose, schedule, approve (a colleague's), edit and delete announcements that go to the
   * connected accounts and the portal's news (posters, administrators).
   */
  | 'announcements.write'
  /**
   * Approve a colleague's answer to a social-media post, or send it back with a note, where
   * the channel's guidelines ask for four eyes (webcare, moderators, administrators: the
   * people who answer residents review each other; never one's own answer).
   */
  | 'answers.approve';

const PERMISSIONS: Record<StaffRole, readonly Permission[]> = {
  administrator: [
    'queue.read',
    'queue.decide',
    'insights.read',
    'themes.correct',
    'admin',
    'queue.answer',
    'queue.assign',
    'threads.import',
    'threads.manage',
    'privacy',
    'contacts.read',
    'consultations.manage',
    'announcements.write',
    'answers.approve',
  ],
  moderator: [
    'queue.read',
    'queue.decide',
    'insights.read',
    'themes.correct',
    'queue.answer',
    'queue.assign',
    'threads.import',
    'threads.manage',
    'contacts.read',
    'answers.approve',
  ],
  webcare: [
    'queue.read',
    'insights.read',
    'queue.answer',
    'queue.assign',
    'threads.import',
    'contacts.read',
    'answers.approve',
  ],
  analyst: ['insights.read', 'themes.correct'],
  department_member: ['queue.read'],
  poster: ['announcements.write'],
};

export const STAFF_ROLES = Object.keys(PERMISSIONS) as StaffRole[];

export function isStaffRole(value: string): value is StaffRole {
  return (STAFF_ROLES as string[]).includes(value);
}

export type RoleGrant = { role: StaffRole; departmentId: string | null };

export function can(grants: readonly RoleGrant[], permission: Permission): boolean {
  return grants.some((grant) => PERMISSIONS[grant.role].includes(permission));
}

/**
 * The departments whose items someone sees, or `all`. Only a user whose every queue
 * permission comes from department membership is limited to those departments.
 */
export function visibleDepartments(grants: readonly RoleGrant[]): 'all' | string[] {
  const wide = grants.some((g) => g.role !== 'department_member' && PERMISSIONS[g.role].includes('queue.read'));
  if (wide) return 'all';
  return grants.filter((g) => g.role === 'department_member' && g.departmentId).map((g) => g.departmentId!);
}

/** The departments someone belongs to, whatever their role there ("my department" in the inbox). */
export function departmentsOf(grants: readonly RoleGrant[]): string[] {
  return [...new Set(grants.flatMap((g) => (g.departmentId ? [g.departmentId] : [])))];
}
