/**
 * A second factor for local (password) accounts: TOTP with recovery codes (./totp.ts), the
 * log-in in two steps, and the organisation's requirement.
 *
 * - **Enrolment.** `beginEnrolment` makes a secret, sealed with PODIUM_SECRET_KEY
 *   (../social/secret-box.ts; without the key nothing is enrolled); it counts only after
 *   `confirmEnrolment` got a first right code, which also makes ten recovery codes (shown
 *   once, stored hashed).
 * - **Log-in.** `passwordStep` checks the password under the log-in throttle. Without a
 *   factor (and no requirement) the session starts at once, as before. With one, there is
 *   no session yet: a pending log-in (`staff_pending_logins`, its token only in a cookie of
 *   the browser that typed the password, five minutes) waits for `secondStep`. When the
 *   organisation requires a factor and the account has none, the pending log-in's stage is
 *   `enrol`: the person can only set one up (fifteen minutes), and the session starts when
 *   the first code is confirmed.
 * - **Codes.** Within ±1 step of now, never one of a step already used; a recovery code
 *   once. Every code attempt is counted by the log-in throttle (per account and per
 *   address), so guessing six digits is as slow as guessing a password.
 * - **Turning it off** needs a current code or the password; an administrator can reset a
 *   colleague's factor (the colleague then sets up a new one). Everything is audited.
 *
 * - **Passkeys** (./passkeys.ts) count as a factor too: an account with one or more is asked
 *   for its second step like one with TOTP, and may answer with either (or a recovery code).
 *   The first factor of either kind makes the recovery codes; they go when the last goes.
 *
 * OpenID Connect accounts have no password here: their second factor is the identity
 * provider's business, and nothing in this module applies to them.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  organisations,
  staffPasskeys,
  staffPendingLogins,
  staffRecoveryCodes,
  staffSecondFactors,
  staffSessions,
  staffUsers,
} from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import {
  deleteAllPasskeys,
  deletePasskey,
  passkeyCount,
  registerPasskey,
  verifyAssertion,
  type AssertionResult,
  type RelyingParty,
} from './passkeys.ts';
import { MissingSecretKey, open, seal, UnreadableSecret } from '../social/secret-box.ts';
import {
  clearAttempts,
  DEFAULT_LOGIN_THROTTLE,
  delayAfter,
  releaseAttempt,
  reserveAttempt,
  throttleKeys,
  waitingUntil,
  type LoginThrottlePolicy,
} from './login-throttle.ts';
import { verifyPassword } from './passwords.ts';
import {
  checkCredentials,
  completeLogin,
  DEFAULT_SESSION_POLICY,
  type CredentialCheck,
  type NewSession,
  type SessionPolicy,
} from './sessions.ts';
import {
  hashRecoveryCode,
  looksLikeTotpCode,
  matchingStep,
  newRecoveryCodes,
  newTotpSecret,
  normaliseRecoveryCode,
} from './totp.ts';
import type { StaffUser } from './users.ts';

const MINUTE = 60_000;
/** How long a pending log-in waits for its code: enough to find the phone, not to leave the desk. */
export const PENDING_CODE_MS = 5 * MINUTE;
/** Setting up an app takes longer than typing a code. */
export const PENDING_ENROL_MS = 15 * MINUTE;

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type SecondFactorState = {
  /** `none`; `pending`: set up but not confirmed; `active`: asked at every log-in. */
  state: 'none' | 'pending' | 'active';
  confirmedAt: Date | null;
  recoveryCodesLeft: number;
  /** How many passkeys the account has (./passkeys.ts): each is a second factor of its own. */
  passkeys: number;
};

/** Whether the log-in asks for a second step: a confirmed TOTP app, or a passkey. */
export const hasFactor = (factor: SecondFactorState) => factor.state === 'active' || factor.passkeys > 0;

export async function secondFactorOf(db: Db | Tx, staffUserId: string): Promise<SecondFactorState> {
  const [row] = await db.select().from(staffSecondFactors).where(eq(staffSecondFactors.staffUserId, staffUserId));
  const passkeys = await passkeyCount(db, staffUserId);
  const [left] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(staffRecoveryCodes)
    .where(and(eq(staffRecoveryCodes.staffUserId, staffUserId), isNull(staffRecoveryCodes.usedAt)));
  return {
    state: !row ? 'none' : row.confirmedAt ? 'active' : 'pending',
    confirmedAt: row?.confirmedAt ?? null,
    recoveryCodesLeft: left?.n ?? 0,
    passkeys,
  };
}

// ---- the organisation's requirement ----------------------------------------------------

export async function requirementOf(
  db: Db | Tx,
  organisationId: string,
): Promise<{ required: boolean; version: number }> {
  const [row] = await db
    .select({ required: organisations.requireSecondFactor, version: organisations.secondFactorPolicyVersion })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return row ?? { required: false, version: 1 };
}

export type RequirementSaveResult =
  | { kind: 'saved'; required: boolean; version: number; changed: boolean }
  | { kind: 'stale'; required: boolean; version: number }
  | { kind: 'no_key' };

/**
 * Requires (or stops requiring) a second factor for every local account, on the version
 * the administrator's page showed: a save on an older page is refused with the state now.
 * Requiring it without the key that seals TOTP secrets (`sealingKey: false`) is refused: no
 * one could then set up an app, and everyone without a passkey would be locked out.
 */
export async function setRequirement(
  db: Db,
  params: {
    organisationId: string;
    actorId: string;
    required: boolean;
    expectedVersion: number;
    sealingKey: boolean;
    now: Date;
  },
): Promise<RequirementSaveResult> {
  if (params.required && !params.sealingKey) return { kind: 'no_key' };
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ required: organisations.requireSecondFactor, version: organisations.secondFactorPolicyVersion })
      .from(organisations)
      .where(eq(organisations.id, params.organisationId))
      .for('update');
    if (!before) throw new Error('organisation not found');
    if (before.version !== params.expectedVersion) return { kind: 'stale', ...before };
    if (before.required === params.required) return { kind: 'saved', ...before, changed: false };
    const [row] = await tx
      .update(organisations)
      .set({
        requireSecondFactor: params.required,
        secondFactorPolicyVersion: sql`${organisations.secondFactorPolicyVersion} + 1`,
        updatedAt: params.now,
      })
      .where(eq(organisations.id, params.organisationId))
      .returning({ version: organisations.secondFactorPolicyVersion });
    await recordAudit(tx, {
      organisationId: params.organisationId,
      actorType: 'staff',
      actorId: params.actorId,
      at: params.now,
      action: 'organisation.second_factor_requirement',
      subjectType: 'organisation',
      subjectId: params.organisationId,
      details: { version: row!.version, required: params.required, before: { required: before.required } },
    });
    return { kind: 'saved', required: params.required, version: row!.version, changed: true };
  });
}

// ---- enrolment -------------------------------------------------------------------------

export type EnrolmentStart =
  { kind: 'started'; secret: string } | { kind: 'already_active' } | { kind: 'no_secret_key' } | { kind: 'unreadable' };

/**
 * A secret to set up, not yet counting: the one set up before and not confirmed (so a
 * reload shows the same key the app already has), or a new one.
 */
export async function beginEnrolment(db: Db, staffUserId: string, key: Buffer | undefined): Promise<EnrolmentStart> {
  if (!key) return { kind: 'no_secret_key' };
  const [row] = await db.select().from(staffSecondFactors).where(eq(staffSecondFactors.staffUserId, staffUserId));
  if (row?.confirmedAt) return { kind: 'already_active' };
  if (row) {
    try {
      return { kind: 'started', secret: open(row.secretSealed, key) };
    } catch (error) {
      // Sealed under another key: start again, nothing depends on an unconfirmed secret.
      if (!(error instanceof UnreadableSecret)) throw error;
    }
  }
  const secret = newTotpSecret();
  const secretSealed = seal(secret, key);
  await db
    .insert(staffSecondFactors)
    .values({ staffUserId, secretSealed })
    .onConflictDoUpdate({
      target: staffSecondFactors.staffUserId,
      set: { secretSealed, lastStep: null },
      setWhere: isNull(staffSecondFactors.confirmedAt),
    });
  return { kind: 'started', secret };
}

/** The secret being set up, to show again (the page reloaded, or the first code was wrong). */
export async function enrolmentSecret(
  db: Db,
  staffUserId: string,
  key: Buffer | undefined,
): Promise<string | undefined> {
  if (!key) return undefined;
  const [row] = await db.select().from(staffSecondFactors).where(eq(staffSecondFactors.staffUserId, staffUserId));
  if (!row || row.confirmedAt) return undefined;
  try {
    return open(row.secretSealed, key);
  } catch {
    return undefined;
  }
}

export type CodeCheck =
  { kind: 'invalid'; retryAt?: Date } | { kind: 'throttled'; retryAt: Date } | { kind: 'no_secret_key' };

export type EnrolmentResult = { kind: 'confirmed'; recoveryCodes: string[] } | { kind: 'not_started' } | CodeCheck;

/** The first code: from now on the factor counts, and here are the recovery codes (once). */
export async function confirmEnrolment(
  db: Db,
  params: {
    user: Pick<StaffUser, 'id' | 'organisationId'>;
    code: string;
    key: Buffer | undefined;
    address: string;
    now: Date;
    throttle?: LoginThrottlePolicy;
  },
): Promise<EnrolmentResult> {
  if (!params.key) return { kind: 'no_secret_key' };
  const secret = await enrolmentSecret(db, params.user.id, params.key);
  if (!secret) return { kind: 'not_started' };
  return underThrottle(db, params, async () => {
    const step = matchingStep(secret, params.code, params.now, null);
    if (step === undefined) return undefined;
    return db.transaction(async (tx) => {
      const [row] = await tx
        .update(staffSecondFactors)
        .set({ confirmedAt: params.now, lastStep: step })
        .where(and(eq(staffSecondFactors.staffUserId, params.user.id), isNull(staffSecondFactors.confirmedAt)))
        .returning({ id: staffSecondFactors.staffUserId });
      if (!row) return undefined;
      const recoveryCodes = await replaceRecoveryCodes(tx, params.user.id);
      await recordAudit(tx, {
        organisationId: params.user.organisationId,
        actorType: 'staff',
        actorId: params.user.id,
        at: params.now,
        action: 'staff.second_factor_enrolled',
        subjectType: 'staff_user',
        subjectId: params.user.id,
        details: { method: 'totp', recoveryCodes: recoveryCodes.length },
      });
      return { kind: 'confirmed' as const, recoveryCodes };
    });
  });
}

async function replaceRecoveryCodes(tx: Tx, staffUserId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffUserId, staffUserId));
  await tx
    .insert(staffRecoveryCodes)
    .values(codes.map((code) => ({ staffUserId, codeHash: hashRecoveryCode(staffUserId, code) })));
  return codes;
}

// ---- checking a code -------------------------------------------------------------------

/**
 * Runs `check` under the log-in throttle: the account's code key and the client's address
 * key each reserve the attempt first, and a good code clears them (as a good password does).
 */
async function underThrottle<T>(
  db: Db,
  params: { user: Pick<StaffUser, 'id'>; address: string; now: Date; throttle?: LoginThrottlePolicy },
  check: () => Promise<T | undefined>,
): Promise<T | CodeCheck> {
  const { now, throttle = DEFAULT_LOGIN_THROTTLE } = params;
  const addressKey = throttleKeys.address(params.address);
  const codeKey = throttleKeys.code(params.user.id);
  const byAddress = await reserveAttempt(db, addressKey, throttle.address, now);
  if (!byAddress.allowed) {
    const codeUntil = await waitingUntil(db, codeKey, throttle.account, now);
    return { kind: 'throttled', retryAt: codeUntil && codeUntil > byAddress.until ? codeUntil : byAddress.until };
  }
  const byCode = await reserveAttempt(db, codeKey, throttle.account, now);
  if (!byCode.allowed) {
    await releaseAttempt(db, addressKey);
    return { kind: 'throttled', retryAt: byCode.until };
  }
  const result = await check();
  if (result === undefined) {
    const wait = Math.max(
      delayAfter(throttle.address, byAddress.failures),
      delayAfter(throttle.account, byCode.failures),
    );
    return wait > 0 ? { kind: 'invalid', retryAt: new Date(now.getTime() + wait) } : { kind: 'invalid' };
  }
  await clearAttempts(db, [addressKey, codeKey]);
  return result;
}

export type CodeResult = { kind: 'ok'; method: 'totp' | 'recovery'; recoveryCodesLeft?: number } | CodeCheck;

/**
 * A code from the app (6 digits) or a recovery code, for an account with an active factor.
 * A TOTP code is taken only once and only when its step is later than the last one taken
 * (one statement, so two requests with the same code cannot both pass); a recovery code is
 * marked used in the same statement that finds it.
 */
export async function verifyCode(
  db: Db,
  params: {
    user: Pick<StaffUser, 'id' | 'organisationId'>;
    code: string;
    key: Buffer | undefined;
    address: string;
    now: Date;
    throttle?: LoginThrottlePolicy;
  },
): Promise<CodeResult> {
  const { user, now } = params;
  const totp = looksLikeTotpCode(params.code);
  // Recovery codes need no key: they are how someone still gets in when the key is gone.
  if (totp && !params.key) return { kind: 'no_secret_key' };
  const [row] = await db.select().from(staffSecondFactors).where(eq(staffSecondFactors.staffUserId, user.id));
  return underThrottle(db, params, async () => {
    if (totp) {
      if (!row?.confirmedAt) return undefined;
      let secret: string;
      try {
        secret = open(row.secretSealed, params.key);
      } catch (error) {
        if (error instanceof UnreadableSecret || error instanceof MissingSecretKey) return undefined;
        throw error;
      }
      const step = matchingStep(secret, params.code, now, row.lastStep);
      if (step === undefined) return undefined;
      const [taken] = await db
        .update(staffSecondFactors)
        .set({ lastStep: step })
        .where(
          and(
            eq(staffSecondFactors.staffUserId, user.id),
            or(isNull(staffSecondFactors.lastStep), lt(staffSecondFactors.lastStep, step)),
          ),
        )
        .returning({ id: staffSecondFactors.staffUserId });
      return taken ? { kind: 'ok' as const, method: 'totp' as const } : undefined;
    }
    if (normaliseRecoveryCode(params.code).length !== 10) return undefined;
    return db.transaction(async (tx) => {
      const [used] = await tx
        .update(staffRecoveryCodes)
        .set({ usedAt: now })
        .where(
          and(
            eq(staffRecoveryCodes.staffUserId, user.id),
            eq(staffRecoveryCodes.codeHash, hashRecoveryCode(user.id, params.code)),
            isNull(staffRecoveryCodes.usedAt),
          ),
        )
        .returning({ id: staffRecoveryCodes.id });
      if (!used) return undefined;
      const { recoveryCodesLeft } = await secondFactorOf(tx, user.id);
      await recordAudit(tx, {
        organisationId: user.organisationId,
        actorType: 'staff',
        actorId: user.id,
        at: now,
        action: 'staff.recovery_code_used',
        subjectType: 'staff_user',
        subjectId: user.id,
        details: { left: recoveryCodesLeft },
      });
      return { kind: 'ok' as const, method: 'recovery' as const, recoveryCodesLeft };
    });
  });
}

// ---- the log-in in two steps -----------------------------------------------------------

export type PasswordStepResult =
  | { kind: 'ok'; user: StaffUser; session: NewSession }
  | { kind: 'second_factor'; user: StaffUser; pendingToken: string }
  | { kind: 'enrol'; user: StaffUser; pendingToken: string }
  | { kind: 'invalid'; retryAt?: Date }
  | { kind: 'throttled'; retryAt: Date };

/**
 * The first step of a staff log-in: the password. A session only when no second factor is
 * asked; otherwise a pending log-in for the browser's cookie.
 *
 * @example
 * const result = await passwordStep(db, { email, password, address, now, next: '/beheer/' })
 */
export async function passwordStep(
  db: Db,
  params: CredentialCheck & { next?: string | undefined; policy?: SessionPolicy },
): Promise<PasswordStepResult> {
  const checked = await checkCredentials(db, params);
  if (checked.kind !== 'verified') return checked;
  const { user } = checked;
  const factor = await secondFactorOf(db, user.id);
  const stage = hasFactor(factor)
    ? 'code'
    : (await requirementOf(db, user.organisationId)).required
      ? 'enrol'
      : undefined;
  if (!stage) return { kind: 'ok', user, session: await completeLogin(db, user, params.now, params.policy) };
  const pendingToken = await startPendingLogin(db, { staffUserId: user.id, stage, next: params.next, now: params.now });
  return stage === 'code' ? { kind: 'second_factor', user, pendingToken } : { kind: 'enrol', user, pendingToken };
}

export type PendingLogin = {
  id: string;
  stage: 'code' | 'enrol';
  next: string | null;
  expiresAt: Date;
  user: StaffUser;
};

async function startPendingLogin(
  db: Db,
  params: { staffUserId: string; stage: 'code' | 'enrol'; next?: string | undefined; now: Date },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const ttl = params.stage === 'code' ? PENDING_CODE_MS : PENDING_ENROL_MS;
  // Ended and older half-done log-ins go now, so the table stays small without a purge job.
  await db.delete(staffPendingLogins).where(lt(staffPendingLogins.expiresAt, params.now));
  await db.insert(staffPendingLogins).values({
    id: pendingHash(token),
    staffUserId: params.staffUserId,
    stage: params.stage,
    next: params.next ?? null,
    createdAt: params.now,
    expiresAt: new Date(params.now.getTime() + ttl),
  });
  return token;
}

const pendingHash = (token: string) => createHash('sha256').update(`podium-pending:${token}`).digest('hex');

/** The half-done log-in behind a cookie's token, while it lasts and its account may log in. */
export async function findPendingLogin(db: Db, token: string, now: Date): Promise<PendingLogin | undefined> {
  const [row] = await db
    .select({ pending: staffPendingLogins, user: staffUsers })
    .from(staffPendingLogins)
    .innerJoin(staffUsers, eq(staffUsers.id, staffPendingLogins.staffUserId))
    .where(eq(staffPendingLogins.id, pendingHash(token)));
  if (!row) return undefined;
  if (row.pending.expiresAt <= now || row.user.disabledAt || !row.user.passwordHash) {
    await db.delete(staffPendingLogins).where(eq(staffPendingLogins.id, row.pending.id));
    return undefined;
  }
  const { id, stage, next, expiresAt } = row.pending;
  return { id, stage, next, expiresAt, user: row.user };
}

export type SecondStepResult =
  { kind: 'ok'; session: NewSession; method: 'totp' | 'recovery'; recoveryCodesLeft?: number | undefined } | CodeCheck;

/** The second step: a right code ends the pending log-in and starts the session. */
export async function secondStep(
  db: Db,
  params: {
    pending: PendingLogin;
    code: string;
    key: Buffer | undefined;
    address: string;
    now: Date;
    policy?: SessionPolicy;
    throttle?: LoginThrottlePolicy;
  },
): Promise<SecondStepResult> {
  const { pending, now } = params;
  const checked = await verifyCode(db, { ...params, user: pending.user });
  if (checked.kind === 'invalid' || checked.kind === 'throttled') {
    await recordAudit(db, {
      organisationId: pending.user.organisationId,
      at: now,
      actorType: 'system',
      action: 'staff.second_factor_failed',
      subjectType: 'staff_user',
      subjectId: pending.user.id,
      details: { result: checked.kind },
    });
  }
  if (checked.kind !== 'ok') return checked;
  return {
    kind: 'ok',
    session: await finishPendingLogin(db, pending, now, params.policy),
    method: checked.method,
    recoveryCodesLeft: checked.recoveryCodesLeft,
  };
}

/** Ends a pending log-in (its token cannot be used again) and starts the session. */
export async function finishPendingLogin(
  db: Db,
  pending: Pick<PendingLogin, 'id' | 'user'>,
  now: Date,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<NewSession> {
  await db.delete(staffPendingLogins).where(eq(staffPendingLogins.id, pending.id));
  return completeLogin(db, pending.user, now, policy);
}

// ---- turning it off, and an administrator's reset --------------------------------------

export type DisableResult = { kind: 'disabled' } | { kind: 'not_active' } | { kind: 'required' } | CodeCheck;

/**
 * Turns the factor off with a current code or the password (either proves it is the owner at
 * the keyboard, not someone at an unlocked screen). Refused while the organisation requires one.
 */
export async function disableSecondFactor(
  db: Db,
  params: {
    user: Pick<StaffUser, 'id' | 'organisationId'>;
    proof: { code: string } | { password: string };
    key: Buffer | undefined;
    address: string;
    now: Date;
    throttle?: LoginThrottlePolicy;
  },
): Promise<DisableResult> {
  const { user, now } = params;
  const factor = await secondFactorOf(db, user.id);
  if (factor.state !== 'active') return { kind: 'not_active' };
  // Passkeys left over keep the account's second step: only the app's code goes.
  if (factor.passkeys === 0 && (await requirementOf(db, user.organisationId)).required) return { kind: 'required' };
  if ('code' in params.proof) {
    const checked = await verifyCode(db, { ...params, code: params.proof.code });
    if (checked.kind !== 'ok') return checked;
  } else {
    const { password } = params.proof;
    const [row] = await db.select({ hash: staffUsers.passwordHash }).from(staffUsers).where(eq(staffUsers.id, user.id));
    const checked = await underThrottle(db, params, async () =>
      row?.hash && (await verifyPassword(row.hash, password)) ? true : undefined,
    );
    if (checked !== true) return checked;
  }
  return db.transaction(async (tx): Promise<DisableResult> => {
    // Checked again under the account's lock: a passkey removed meanwhile may have been the other factor.
    await lockAccount(tx, user.id);
    const current = await secondFactorOf(tx, user.id);
    if (current.state !== 'active') return { kind: 'not_active' };
    if (current.passkeys === 0 && (await requirementOf(tx, user.organisationId)).required) return { kind: 'required' };
    if (current.passkeys > 0) {
      await tx.delete(staffSecondFactors).where(eq(staffSecondFactors.staffUserId, user.id));
    } else {
      await removeFactor(tx, user.id);
    }
    await recordAudit(tx, {
      organisationId: user.organisationId,
      actorType: 'staff',
      actorId: user.id,
      at: now,
      action: 'staff.second_factor_disabled',
      subjectType: 'staff_user',
      subjectId: user.id,
      details: { method: 'totp', proof: 'code' in params.proof ? 'code' : 'password', passkeysLeft: current.passkeys },
    });
    return { kind: 'disabled' };
  });
}

/** Every factor of an account: the app, the passkeys, the recovery codes, and half-done log-ins. */
async function removeFactor(tx: Tx, staffUserId: string): Promise<void> {
  await tx.delete(staffSecondFactors).where(eq(staffSecondFactors.staffUserId, staffUserId));
  await deleteAllPasskeys(tx, staffUserId);
  await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffUserId, staffUserId));
  await tx.delete(staffPendingLogins).where(eq(staffPendingLogins.staffUserId, staffUserId));
}

export type ResetResult = { kind: 'reset' } | { kind: 'not_found' } | { kind: 'none' };

/**
 * An administrator removes a colleague's factor (a lost phone and lost recovery codes). The
 * colleague's sessions end too: whoever holds them may be the reason for the reset.
 */
export async function resetSecondFactor(
  db: Db,
  params: { organisationId: string; actorId: string; colleagueId: string; now: Date },
): Promise<ResetResult> {
  return db.transaction(async (tx) => {
    const [colleague] = await tx
      .select({ id: staffUsers.id })
      .from(staffUsers)
      .where(and(eq(staffUsers.id, params.colleagueId), eq(staffUsers.organisationId, params.organisationId)));
    if (!colleague) return { kind: 'not_found' };
    const factor = await secondFactorOf(tx, colleague.id);
    if (factor.state === 'none' && factor.passkeys === 0) return { kind: 'none' };
    await removeFactor(tx, colleague.id);
    if (colleague.id !== params.actorId) {
      await tx.delete(staffSessions).where(eq(staffSessions.staffUserId, colleague.id));
    }
    await recordAudit(tx, {
      organisationId: params.organisationId,
      actorType: 'staff',
      actorId: params.actorId,
      at: params.now,
      action: 'staff.second_factor_reset',
      subjectType: 'staff_user',
      subjectId: colleague.id,
      details: { before: { totp: factor.state, passkeys: factor.passkeys } },
    });
    return { kind: 'reset' };
  });
}

// ---- what the pages show ---------------------------------------------------------------

/** The name an authenticator app shows above the code: Podium and the organisation. */
export async function issuerFor(db: Db, organisationId: string): Promise<string> {
  const [row] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return row ? `Podium ${row.name}` : 'Podium';
}

/** How many active local accounts there are, and how many of them have an active factor. */
export async function factorCounts(db: Db, organisationId: string): Promise<{ withFactor: number; total: number }> {
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      withFactor: sql<number>`count(*) filter (where ${staffSecondFactors.confirmedAt} is not null or exists (select 1 from ${staffPasskeys} where ${staffPasskeys.staffUserId} = ${staffUsers.id}))::int`,
    })
    .from(staffUsers)
    .leftJoin(staffSecondFactors, eq(staffSecondFactors.staffUserId, staffUsers.id))
    .where(
      and(
        eq(staffUsers.organisationId, organisationId),
        isNull(staffUsers.disabledAt),
        sql`${staffUsers.passwordHash} is not null`,
      ),
    );
  return { withFactor: row?.withFactor ?? 0, total: row?.total ?? 0 };
}

// ---- passkeys --------------------------------------------------------------------------

export type PasskeyAddResult =
  | { kind: 'added'; name: string; recoveryCodes?: string[] | undefined }
  | { kind: 'expired' }
  | { kind: 'invalid' }
  | { kind: 'duplicate' };

/**
 * Keeps a passkey the browser made (./passkeys.ts checks it). The account's first factor of
 * any kind also gets its recovery codes, returned once to show.
 */
export async function addPasskey(
  db: Db,
  params: Omit<Parameters<typeof registerPasskey>[1], 'hadFactor' | 'onFirstFactor'>,
): Promise<PasskeyAddResult> {
  const before = await secondFactorOf(db, params.user.id);
  let recoveryCodes: string[] | undefined;
  const result = await registerPasskey(db, {
    ...params,
    // Codes left from an earlier factor are kept; otherwise this passkey brings new ones.
    hadFactor: hasFactor(before) || before.recoveryCodesLeft > 0,
    onFirstFactor: async (tx) => {
      recoveryCodes = await replaceRecoveryCodes(tx, params.user.id);
    },
  });
  if (result.kind !== 'added') return result;
  return { kind: 'added', name: result.passkey.name, recoveryCodes };
}

export type RemovePasskeyResult =
  | { kind: 'removed'; name: string }
  | { kind: 'not_found' }
  | { kind: 'required' }
  | { kind: 'invalid'; retryAt?: Date }
  | { kind: 'throttled'; retryAt: Date };

/**
 * Removes one of one's own passkeys, with the password as proof (as turning off the app
 * needs). The last factor cannot go while the organisation requires one; when it goes, the
 * recovery codes go with it. The rule is checked again where the passkey is deleted, in one
 * transaction that holds the account's row (`lockAccount`): two removals sent at once would
 * otherwise each see the other's passkey still there, and leave the account with none.
 */
export async function removeOwnPasskey(
  db: Db,
  params: {
    user: Pick<StaffUser, 'id' | 'organisationId'>;
    passkeyId: string;
    password: string;
    address: string;
    now: Date;
    throttle?: LoginThrottlePolicy;
  },
): Promise<RemovePasskeyResult> {
  const { user, now } = params;
  // Asked first without the password, so a refusal needs none; asked again under the lock below.
  const early = await passkeyRemoval(db, user, params.passkeyId);
  if (early.kind !== 'allowed') return early;
  const [row] = await db.select({ hash: staffUsers.passwordHash }).from(staffUsers).where(eq(staffUsers.id, user.id));
  const checked = await underThrottle(db, params, async () =>
    row?.hash && (await verifyPassword(row.hash, params.password)) ? true : undefined,
  );
  if (checked !== true) return checked.kind === 'no_secret_key' ? { kind: 'invalid' } : checked;
  return db.transaction(async (tx): Promise<RemovePasskeyResult> => {
    await lockAccount(tx, user.id);
    const removal = await passkeyRemoval(tx, user, params.passkeyId);
    if (removal.kind !== 'allowed') return removal;
    const gone = await deletePasskey(tx, { user, passkeyId: params.passkeyId, now });
    if (!gone) return { kind: 'not_found' };
    if (removal.last) await removeFactor(tx, user.id);
    return { kind: 'removed', name: gone.name };
  });
}

/** Whether this passkey is one's own, and may go: not the last factor while one is required. */
async function passkeyRemoval(
  db: Db | Tx,
  user: Pick<StaffUser, 'id' | 'organisationId'>,
  passkeyId: string,
): Promise<{ kind: 'allowed'; last: boolean } | { kind: 'not_found' } | { kind: 'required' }> {
  const factor = await secondFactorOf(db, user.id);
  const [owned] = await db
    .select({ id: staffPasskeys.id })
    .from(staffPasskeys)
    .where(and(eq(staffPasskeys.id, passkeyId), eq(staffPasskeys.staffUserId, user.id)));
  if (!owned) return { kind: 'not_found' };
  const last = factor.state !== 'active' && factor.passkeys === 1;
  if (last && (await requirementOf(db, user.organisationId)).required) return { kind: 'required' };
  return { kind: 'allowed', last };
}

/**
 * Holds the account's row until the transaction ends, so changes to its factors that each check
 * "is another factor left?" run one after the other and the second sees what the first did.
 */
async function lockAccount(tx: Tx, staffUserId: string): Promise<void> {
  await tx.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.id, staffUserId)).for('update');
}

export type PasskeyStepResult =
  | { kind: 'ok'; session: NewSession }
  | (Exclude<AssertionResult, { kind: 'ok' }> & { retryAt?: Date })
  | { kind: 'throttled'; retryAt: Date };

/**
 * The second step with a passkey: a right signature ends the pending log-in and starts the
 * session. Every attempt is counted by the log-in throttle like a code (`underThrottle`: the
 * account's code key and the client's address), so a stolen pending cookie cannot be used to
 * try signatures without end.
 */
export async function passkeyStep(
  db: Db,
  params: {
    pending: PendingLogin;
    rp: RelyingParty;
    response: Parameters<typeof verifyAssertion>[1]['response'];
    address: string;
    now: Date;
    policy?: SessionPolicy;
    throttle?: LoginThrottlePolicy;
  },
): Promise<PasskeyStepResult> {
  const { pending, now } = params;
  let failure: Exclude<AssertionResult, { kind: 'ok' }> = { kind: 'invalid' };
  const checked = await underThrottle(db, { ...params, user: pending.user }, async () => {
    const result = await verifyAssertion(db, {
      user: pending.user,
      rp: params.rp,
      boundTo: pendingBinding(pending),
      response: params.response,
      now,
    });
    if (result.kind === 'ok') return result;
    failure = result;
    return undefined;
  });
  if (checked.kind !== 'ok') {
    const refused: PasskeyStepResult =
      checked.kind === 'throttled'
        ? checked
        : { ...failure, ...(checked.kind === 'invalid' && checked.retryAt ? { retryAt: checked.retryAt } : {}) };
    await recordAudit(db, {
      organisationId: pending.user.organisationId,
      at: now,
      actorType: 'system',
      action: 'staff.second_factor_failed',
      subjectType: 'staff_user',
      subjectId: pending.user.id,
      details: { method: 'passkey', result: refused.kind },
    });
    return refused;
  }
  await recordAudit(db, {
    organisationId: pending.user.organisationId,
    at: now,
    actorType: 'staff',
    actorId: pending.user.id,
    action: 'staff.passkey_used',
    subjectType: 'staff_user',
    subjectId: pending.user.id,
    details: { passkey: checked.passkey.id, name: checked.passkey.name },
  });
  return { kind: 'ok', session: await finishPendingLogin(db, pending, now, params.policy) };
}

/** What a challenge is bound to: a pending log-in, or a staff session. */
export const pendingBinding = (pending: Pick<PendingLogin, 'id'>) => `pending:${pending.id}`;
export const sessionBinding = (session: { id: string }) => `session:${session.id}`;
