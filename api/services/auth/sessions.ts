/**
 * Staff log-in and sessions.
 *
 * - A session token is 32 random bytes, only ever in the cookie; the database keeps its
 *   SHA-256, so a leaked database holds no usable session.
 * - Sessions end after `idleMs` without activity (sliding: every request and the explicit
 *   "extend" move the end forward) and in any case `maxMs` after log-in.
 * - After `maxFailures` failed log-ins within `failureWindowMs` the account is locked for
 *   `lockMs`; even the right password is refused then. A good log-in resets the count.
 *
 * The password check sits behind `authenticate`, so an OpenID Connect log-in can later
 * call `startSession` for a user it found by its own means.
 */
import { unreadCount } from '../notifications/staff.ts';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { staffSessions, staffUsers } from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import { verifyAgainstDummy, verifyPassword } from './passwords.ts';
import type { RoleGrant } from './roles.ts';
import { findStaffByEmail, rolesOf, type StaffUser } from './users.ts';

export type SessionPolicy = {
  idleMs: number;
  maxMs: number;
  maxFailures: number;
  failureWindowMs: number;
  lockMs: number;
};

const MINUTE = 60 * 1000;

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleMs: 30 * MINUTE,
  maxMs: 12 * 60 * MINUTE,
  maxFailures: 5,
  failureWindowMs: 15 * MINUTE,
  lockMs: 15 * MINUTE,
};

export type NewSession = { token: string; csrfToken: string; expiresAt: Date };

export type ActiveSession = {
  id: string;
  csrfToken: string;
  expiresAt: Date;
  user: Pick<StaffUser, 'id' | 'organisationId' | 'email' | 'displayName'>;
  roles: RoleGrant[];
  /** Unread workbench notifications, for the count in the staff navigation. */
  unreadNotifications?: number;
};

export type LoginResult =
  { kind: 'ok'; user: StaffUser; session: NewSession } | { kind: 'invalid' } | { kind: 'locked'; until: Date };

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Checks e-mail and password, counts failures, and starts a session on success. */
export async function authenticate(
  db: Db,
  params: { email: string; password: string; now: Date; policy?: SessionPolicy },
): Promise<LoginResult> {
  const { now, policy = DEFAULT_SESSION_POLICY } = params;
  const user = await findStaffByEmail(db, params.email);
  if (!user || !user.passwordHash || user.disabledAt) {
    await verifyAgainstDummy(params.password);
    return { kind: 'invalid' };
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    await verifyAgainstDummy(params.password);
    return { kind: 'locked', until: user.lockedUntil };
  }

  if (!(await verifyPassword(user.passwordHash, params.password))) {
    return recordFailure(db, user, now, policy);
  }

  await db
    .update(staffUsers)
    .set({ failedLogins: 0, lastFailedLoginAt: null, lockedUntil: null })
    .where(eq(staffUsers.id, user.id));
  const session = await startSession(db, user, now, policy);
  await recordAudit(db, {
    organisationId: user.organisationId,
    actorType: 'staff',
    actorId: user.id,
    action: 'staff.login',
    subjectType: 'staff_user',
    subjectId: user.id,
  });
  return { kind: 'ok', user, session };
}

async function recordFailure(db: Db, user: StaffUser, now: Date, policy: SessionPolicy): Promise<LoginResult> {
  // One UPDATE counts the failure, so parallel guesses cannot each read the old count and
  // slip past the limit. The window starts at the first failure; later ones fall inside it.
  // Raw SQL gets ISO strings: postgres.js does not serialise a Date inside a sql template.
  const windowStart = new Date(now.getTime() - policy.failureWindowMs).toISOString();
  const at = now.toISOString();
  const inWindow = sql`${staffUsers.lastFailedLoginAt} is not null and ${staffUsers.lastFailedLoginAt} > ${windowStart}::timestamptz`;
  const [counted] = await db
    .update(staffUsers)
    .set({
      failedLogins: sql`case when ${inWindow} then ${staffUsers.failedLogins} + 1 else 1 end`,
      lastFailedLoginAt: sql`case when ${inWindow} then ${staffUsers.lastFailedLoginAt} else ${at}::timestamptz end`,
    })
    .where(eq(staffUsers.id, user.id))
    .returning({ failures: staffUsers.failedLogins });
  const failures = counted?.failures ?? 1;
  let lock: Date | null = null;
  if (failures >= policy.maxFailures) {
    lock = new Date(now.getTime() + policy.lockMs);
    await db
      .update(staffUsers)
      .set({ failedLogins: 0, lastFailedLoginAt: null, lockedUntil: lock })
      .where(eq(staffUsers.id, user.id));
  }
  await recordAudit(db, {
    organisationId: user.organisationId,
    actorType: 'system',
    action: lock ? 'staff.locked' : 'staff.login_failed',
    subjectType: 'staff_user',
    subjectId: user.id,
    details: lock ? { until: lock.toISOString() } : { failures },
  });
  return lock ? { kind: 'locked', until: lock } : { kind: 'invalid' };
}

export async function startSession(
  db: Db,
  user: Pick<StaffUser, 'id'>,
  now: Date,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<NewSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + Math.min(policy.idleMs, policy.maxMs));
  // Expired sessions of this user go now, so the table does not grow without bound.
  await db.delete(staffSessions).where(and(eq(staffSessions.staffUserId, user.id), lt(staffSessions.expiresAt, now)));
  await db
    .insert(staffSessions)
    .values({ id: hashToken(token), staffUserId: user.id, csrfToken, createdAt: now, expiresAt });
  return { token, csrfToken, expiresAt };
}

/**
 * The session behind a cookie's token, when it is still valid and its user still may
 * log in. With `touch`, the idle timer restarts (never past the maximum lifetime).
 */
export async function findSession(
  db: Db,
  token: string,
  now: Date,
  options: { touch?: boolean; policy?: SessionPolicy } = {},
): Promise<ActiveSession | undefined> {
  const policy = options.policy ?? DEFAULT_SESSION_POLICY;
  const id = hashToken(token);
  const [row] = await db
    .select({ session: staffSessions, user: staffUsers })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.staffUserId))
    .where(eq(staffSessions.id, id))
    .limit(1);
  if (!row) return undefined;
  const hardEnd = new Date(row.session.createdAt.getTime() + policy.maxMs);
  if (row.session.expiresAt <= now || hardEnd <= now || row.user.disabledAt) {
    await db.delete(staffSessions).where(eq(staffSessions.id, id));
    return undefined;
  }
  let expiresAt = row.session.expiresAt;
  if (options.touch) {
    const slid = new Date(Math.min(now.getTime() + policy.idleMs, hardEnd.getTime()));
    if (slid > expiresAt) {
      await db.update(staffSessions).set({ expiresAt: slid }).where(eq(staffSessions.id, id));
      expiresAt = slid;
    }
  }
  const { id: userId, organisationId, email, displayName } = row.user;
  return {
    id,
    csrfToken: row.session.csrfToken,
    expiresAt,
    user: { id: userId, organisationId, email, displayName },
    roles: await rolesOf(db, userId),
    unreadNotifications: await unreadCount(db, userId),
  };
}

export async function endSession(db: Db, session: Pick<ActiveSession, 'id' | 'user'>): Promise<void> {
  await db.delete(staffSessions).where(eq(staffSessions.id, session.id));
  await recordAudit(db, {
    organisationId: session.user.organisationId,
    actorType: 'staff',
    actorId: session.user.id,
    action: 'staff.logout',
    subjectType: 'staff_user',
    subjectId: session.user.id,
  });
}

/** Compares a form's CSRF token with the session's in constant time. */
export function csrfTokenMatches(session: Pick<ActiveSession, 'csrfToken'>, sent: string | undefined): boolean {
  if (!sent) return false;
  const a = Buffer.from(session.csrfToken);
  const b = Buffer.from(sent);
  return a.length === b.length && timingSafeEqual(a, b);
}
