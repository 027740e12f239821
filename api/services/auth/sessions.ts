/**
 * Staff log-in and sessions.
 *
 * - A session token is 32 random bytes, only ever in the cookie; the database keeps its
 *   SHA-256, so a leaked database holds no usable session.
 * - Sessions end after `idleMs` without activity (sliding: every request and the explicit
 *   "extend" move the end forward) and in any case `maxMs` after log-in.
 * - Failed log-ins make later attempts wait (per client address, per account, per account
 *   from a known address), never lock an account: see ./login-throttle.ts for why and how.
 *   Unknown addresses get the same answers, delays and password-hashing work as known ones.
 *
 * The password check sits behind `authenticate`, so an OpenID Connect log-in can later
 * call `startSession` for a user it found by its own means.
 */
import { notifyAdministrators, unreadCount } from '../notifications/staff.ts';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { staffSessions, staffUsers } from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import { ACCOUNT_UNDER_ATTACK, attackAlertMessage, ATTACK_NOTICE_MS } from './login-alerts.ts';
import {
  clearAttempts,
  DEFAULT_LOGIN_THROTTLE,
  delayAfter,
  isKnownAddress,
  releaseAttempt,
  rememberAddress,
  reserveAttempt,
  throttleKeys,
  waitingUntil,
  type LoginThrottlePolicy,
} from './login-throttle.ts';
import { verifyAgainstDummy, verifyPassword } from './passwords.ts';
import type { RoleGrant } from './roles.ts';
import { findStaffByEmail, normalizeEmail, rolesOf, type StaffUser } from './users.ts';

export type SessionPolicy = {
  idleMs: number;
  maxMs: number;
};

const MINUTE = 60 * 1000;

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleMs: 30 * MINUTE,
  maxMs: 12 * 60 * MINUTE,
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
  /** Set when the request came with a personal API key (./api-keys.ts) instead of the cookie. */
  apiKeyId?: string;
};

/**
 * `invalid` with `retryAt`: wrong, and the next attempt must wait until then. `throttled`:
 * not checked at all, try again at `retryAt`. Both are the same for unknown addresses.
 */
export type LoginResult =
  | { kind: 'ok'; user: StaffUser; session: NewSession }
  | { kind: 'invalid'; retryAt?: Date }
  | { kind: 'throttled'; retryAt: Date };

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Checks e-mail and password from the client at `address`, under the log-in throttle, and
 * starts a session on success.
 *
 * @example
 * const result = await authenticate(db, { email, password, address: clientAddress(c, 1), now: new Date() })
 */
export async function authenticate(db: Db, params: CredentialCheck & { policy?: SessionPolicy }): Promise<LoginResult> {
  const checked = await checkCredentials(db, params);
  if (checked.kind !== 'verified') return checked;
  const session = await completeLogin(db, checked.user, params.now, params.policy);
  return { kind: 'ok', user: checked.user, session };
}

export type CredentialCheck = {
  email: string;
  password: string;
  /** The client's address, as the rate limits see it. */
  address: string;
  now: Date;
  throttle?: LoginThrottlePolicy;
};

/**
 * The password step of a log-in, under the throttle: the account when the password is
 * right, without starting a session (a second factor may come first: ./second-factor.ts).
 */
export async function checkCredentials(
  db: Db,
  params: CredentialCheck,
): Promise<{ kind: 'verified'; user: StaffUser } | Exclude<LoginResult, { kind: 'ok' }>> {
  const { now, address, throttle = DEFAULT_LOGIN_THROTTLE } = params;
  const email = normalizeEmail(params.email);
  // The same queries for every address typed, known to Podium or not.
  const user = await findStaffByEmail(db, email);
  const known = await isKnownAddress(db, email, address, now, throttle);
  const addressKey = throttleKeys.address(address);
  const accountKey = known ? throttleKeys.pair(email, address) : throttleKeys.account(email);

  const byAddress = await reserveAttempt(db, addressKey, throttle.address, now);
  if (!byAddress.allowed) {
    // Said once, the longest wait: a person told "in a minute" should not then hear "in an hour".
    const accountUntil = await waitingUntil(db, accountKey, throttle.account, now);
    const retryAt = accountUntil && accountUntil > byAddress.until ? accountUntil : byAddress.until;
    return { kind: 'throttled', retryAt };
  }
  const byAccount = await reserveAttempt(db, accountKey, throttle.account, now);
  if (!byAccount.allowed) {
    await releaseAttempt(db, addressKey);
    return { kind: 'throttled', retryAt: byAccount.until };
  }

  const usable = user && user.passwordHash && !user.disabledAt ? user : undefined;
  const valid = usable
    ? await verifyPassword(usable.passwordHash!, params.password)
    : await verifyAgainstDummy(params.password);
  if (!valid || !usable) {
    const waits = [delayAfter(throttle.address, byAddress.failures), delayAfter(throttle.account, byAccount.failures)];
    const wait = Math.max(...waits);
    const retryAt = wait > 0 ? new Date(now.getTime() + wait) : undefined;
    if (usable) await recordFailure(db, usable, { failures: byAccount.failures, known, accountWait: waits[1]!, now });
    return retryAt ? { kind: 'invalid', retryAt } : { kind: 'invalid' };
  }

  // The account-wide count stays: clearing it would show a guesser that the account is real and in use.
  await clearAttempts(db, known ? [addressKey, accountKey] : [addressKey]);
  await rememberAddress(db, usable.id, address, now, throttle);
  return { kind: 'verified', user: usable };
}

/** The end of every log-in, with or without a second factor: the session, and the audit entry. */
export async function completeLogin(
  db: Db,
  user: Pick<StaffUser, 'id' | 'organisationId'>,
  now: Date,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<NewSession> {
  const session = await startSession(db, user, now, policy);
  await recordAudit(db, {
    organisationId: user.organisationId,
    actorType: 'staff',
    actorId: user.id,
    action: 'staff.login',
    subjectType: 'staff_user',
    subjectId: user.id,
  });
  return session;
}

/**
 * The audit entries of a failed log-in to a real account; when the account's next attempts
 * must now wait, the entry says the account is under attack (./login-alerts.ts).
 */
async function recordFailure(
  db: Db,
  user: StaffUser,
  failure: { failures: number; known: boolean; accountWait: number; now: Date },
): Promise<void> {
  const underAttack = failure.accountWait > 0;
  await recordAudit(db, {
    organisationId: user.organisationId,
    // The request's clock, not the database's: "in the last hour" is asked with the same clock.
    at: failure.now,
    actorType: 'system',
    action: underAttack ? ACCOUNT_UNDER_ATTACK : 'staff.login_failed',
    subjectType: 'staff_user',
    subjectId: user.id,
    details: {
      failures: failure.failures,
      // Which count: from addresses the account never used, or from one it did.
      from: failure.known ? 'known_address' : 'other_addresses',
      ...(underAttack ? { waitUntil: new Date(failure.now.getTime() + failure.accountWait).toISOString() } : {}),
    },
  });
  if (!underAttack) return;
  // One alert per account per notice period, however long the attack goes on.
  const period = Math.floor(failure.now.getTime() / ATTACK_NOTICE_MS);
  await notifyAdministrators(db, {
    organisationId: user.organisationId,
    message: attackAlertMessage(user),
    dedupeKey: `login-throttled:${user.id}:${period}`,
    now: failure.now,
  });
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
