/**
 * Passkeys (WebAuthn) for local staff accounts: a second factor beside the TOTP app
 * (./second-factor.ts), checked by @simplewebauthn/server, never by hand.
 *
 * - **The relying party** is the public address (PODIUM_PUBLIC_URL): its host name is the
 *   RP ID, its origin the only origin accepted. Browsers refuse an IP address as an RP ID, so
 *   a loopback address (a developer's machine, the tests) becomes `localhost` on the same port;
 *   any other IP address leaves passkeys unavailable (the page says so).
 * - **Challenges** are made here (32 random bytes), kept in `staff_passkey_challenges` for
 *   five minutes, bound to what asked (the staff session, or the pending log-in), at most one
 *   outstanding per binding and purpose, and taken out (deleted) by the answer that uses
 *   them, right or wrong: single use.
 * - **Registering** asks for user verification where the authenticator can (preferred) and
 *   for a discoverable credential where it can; no attestation (we trust no vendor list).
 *   The first factor of an account makes its ten recovery codes, as the first TOTP code does.
 * - **Signing in** takes the pending log-in's challenge, the account's own credential only
 *   (another account's credential is "unknown"), and refuses a signature counter that went
 *   backwards (a cloned authenticator), keeping the stored counter.
 *
 * Every change is audited; failed sign-ins too (as `staff.second_factor_failed`).
 */
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { and, asc, eq, lt, or, sql } from 'drizzle-orm';
import { wellFormed } from '../../../shared/contracts/text.ts';
import type { Db } from '../../db/client.ts';
import { staffPasskeyChallenges, staffPasskeys } from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import type { StaffUser } from './users.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Long enough for a fingerprint or a security key in another drawer, short enough not to linger. */
export const CHALLENGE_MS = 5 * 60_000;
/** A passkey's name: enough for "laptop werk (Windows Hello)", not for a pasted essay. */
export const MAX_PASSKEY_NAME = 60;

export type RelyingParty = { id: string; origin: string; name: string };

/**
 * The relying party of a public address, or undefined when no browser would accept it.
 *
 * @example
 * relyingPartyFor('https://podium.example.nl', 'Podium Demodam') // { id: 'podium.example.nl', origin: 'https://podium.example.nl', … }
 */
export function relyingPartyFor(publicUrl: string, name: string): RelyingParty | undefined {
  let url: URL;
  try {
    url = new URL(publicUrl);
  } catch {
    return undefined;
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) {
    if (host !== '127.0.0.1' && host !== '::1') return undefined;
    const origin = `${url.protocol}//localhost${url.port ? `:${url.port}` : ''}`;
    return { id: 'localhost', origin, name };
  }
  return { id: host, origin: url.origin, name };
}

export type PasskeySummary = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null };

export async function listPasskeys(db: Db | Tx, staffUserId: string): Promise<PasskeySummary[]> {
  return db
    .select({
      id: staffPasskeys.id,
      name: staffPasskeys.name,
      createdAt: staffPasskeys.createdAt,
      lastUsedAt: staffPasskeys.lastUsedAt,
    })
    .from(staffPasskeys)
    .where(eq(staffPasskeys.staffUserId, staffUserId))
    .orderBy(asc(staffPasskeys.createdAt), asc(staffPasskeys.name));
}

export async function passkeyCount(db: Db | Tx, staffUserId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(staffPasskeys)
    .where(eq(staffPasskeys.staffUserId, staffUserId));
  return row?.n ?? 0;
}

/** A passkey's name as typed: trimmed, and refused when empty, too long or the same as another of one's own. */
export type NameCheck = { kind: 'ok'; name: string } | { kind: 'missing' } | { kind: 'too_long' } | { kind: 'taken' };

export async function checkPasskeyName(db: Db | Tx, staffUserId: string, typed: string): Promise<NameCheck> {
  // Well-formed (no NUL, no lone surrogates) and on one line: it is shown in lists and the audit.
  const name = wellFormed(typed)
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .trim();
  if (!name) return { kind: 'missing' };
  if (name.length > MAX_PASSKEY_NAME) return { kind: 'too_long' };
  const [same] = await db
    .select({ id: staffPasskeys.id })
    .from(staffPasskeys)
    .where(and(eq(staffPasskeys.staffUserId, staffUserId), sql`lower(${staffPasskeys.name}) = lower(${name})`));
  return same ? { kind: 'taken' } : { kind: 'ok', name };
}

// ---- challenges ------------------------------------------------------------------------

type Purpose = 'register' | 'authenticate';

async function newChallenge(
  db: Db,
  params: { staffUserId: string; purpose: Purpose; boundTo: string; now: Date },
): Promise<Uint8Array<ArrayBuffer>> {
  // The options carry the bytes; the browser's answer (and this table) their base64url.
  const bytes = new Uint8Array(randomBytes(32));
  const challenge = isoBase64URL.fromBuffer(bytes);
  // Answered or not, older ones for the same binding go: one outstanding at a time. Expired ones
  // of anyone go too, so the table stays small without a purge job.
  await db
    .delete(staffPasskeyChallenges)
    .where(
      or(
        lt(staffPasskeyChallenges.expiresAt, params.now),
        and(eq(staffPasskeyChallenges.boundTo, params.boundTo), eq(staffPasskeyChallenges.purpose, params.purpose)),
      ),
    );
  await db.insert(staffPasskeyChallenges).values({
    challenge,
    staffUserId: params.staffUserId,
    purpose: params.purpose,
    boundTo: params.boundTo,
    expiresAt: new Date(params.now.getTime() + CHALLENGE_MS),
  });
  return bytes;
}

/** Takes the outstanding challenge of a binding out (single use), if it has not expired. */
async function takeChallenge(
  db: Db,
  params: { staffUserId: string; purpose: Purpose; boundTo: string; now: Date },
): Promise<string | undefined> {
  const taken = await db
    .delete(staffPasskeyChallenges)
    .where(
      and(
        eq(staffPasskeyChallenges.boundTo, params.boundTo),
        eq(staffPasskeyChallenges.purpose, params.purpose),
        eq(staffPasskeyChallenges.staffUserId, params.staffUserId),
      ),
    )
    .returning();
  const live = taken.find((row) => row.expiresAt > params.now);
  return live?.challenge;
}

/** Ends every outstanding challenge of an account (its factors were reset or removed). */
export async function dropChallenges(db: Db | Tx, staffUserId: string): Promise<void> {
  await db.delete(staffPasskeyChallenges).where(eq(staffPasskeyChallenges.staffUserId, staffUserId));
}

// ---- registering -----------------------------------------------------------------------

/**
 * What the browser needs to make a passkey: a fresh challenge bound to `boundTo`, and the
 * account's existing passkeys to exclude (the same authenticator twice makes no second factor).
 */
export async function registrationOptions(
  db: Db,
  params: {
    user: Pick<StaffUser, 'id' | 'email' | 'displayName'>;
    rp: RelyingParty;
    boundTo: string;
    now: Date;
  },
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const existing = await db
    .select({ id: staffPasskeys.credentialId, transports: staffPasskeys.transports })
    .from(staffPasskeys)
    .where(eq(staffPasskeys.staffUserId, params.user.id));
  const challenge = await newChallenge(db, {
    staffUserId: params.user.id,
    purpose: 'register',
    boundTo: params.boundTo,
    now: params.now,
  });
  return generateRegistrationOptions({
    rpName: params.rp.name,
    rpID: params.rp.id,
    userName: params.user.email,
    userDisplayName: params.user.displayName,
    // The account's id, not its e-mail address: the authenticator keeps this handle.
    userID: new TextEncoder().encode(params.user.id),
    challenge,
    timeout: CHALLENGE_MS,
    attestationType: 'none',
    excludeCredentials: existing.map((row) => ({ id: row.id, transports: row.transports })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
}

export type RegistrationResult =
  | { kind: 'added'; passkey: PasskeySummary; firstFactor: boolean }
  | { kind: 'expired' }
  | { kind: 'invalid' }
  | { kind: 'duplicate' };

/**
 * Checks the browser's answer against the binding's challenge (taken out whatever the
 * outcome) and keeps the passkey. `onFirstFactor` runs in the same transaction when this is
 * the account's first factor of any kind (the caller makes the recovery codes there).
 */
export async function registerPasskey(
  db: Db,
  params: {
    user: Pick<StaffUser, 'id' | 'organisationId'>;
    rp: RelyingParty;
    boundTo: string;
    name: string;
    response: RegistrationResponseJSON;
    now: Date;
    hadFactor: boolean;
    onFirstFactor?: (tx: Tx) => Promise<void>;
  },
): Promise<RegistrationResult> {
  const { user, now } = params;
  const challenge = await takeChallenge(db, {
    staffUserId: user.id,
    purpose: 'register',
    boundTo: params.boundTo,
    now,
  });
  if (!challenge) return { kind: 'expired' };
  let info;
  try {
    const verified = await verifyRegistrationResponse({
      response: params.response,
      expectedChallenge: challenge,
      expectedOrigin: params.rp.origin,
      expectedRPID: params.rp.id,
      requireUserVerification: false,
    });
    if (!verified.verified) return { kind: 'invalid' };
    info = verified.registrationInfo;
  } catch {
    return { kind: 'invalid' };
  }
  const { credential } = info;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(staffPasskeys)
      .values({
        staffUserId: user.id,
        credentialId: credential.id,
        publicKey: isoBase64URL.fromBuffer(credential.publicKey),
        counter: credential.counter,
        transports: credential.transports ?? [],
        name: params.name,
        deviceType: info.credentialDeviceType,
        backedUp: info.credentialBackedUp,
        createdAt: now,
      })
      .onConflictDoNothing({ target: staffPasskeys.credentialId })
      .returning({
        id: staffPasskeys.id,
        name: staffPasskeys.name,
        createdAt: staffPasskeys.createdAt,
        lastUsedAt: staffPasskeys.lastUsedAt,
      });
    if (!row) return { kind: 'duplicate' as const };
    const firstFactor = !params.hadFactor;
    if (firstFactor) await params.onFirstFactor?.(tx);
    await recordAudit(tx, {
      organisationId: user.organisationId,
      actorType: 'staff',
      actorId: user.id,
      at: now,
      action: 'staff.passkey_added',
      subjectType: 'staff_user',
      subjectId: user.id,
      details: {
        passkey: row.id,
        after: { name: row.name, deviceType: info.credentialDeviceType, backedUp: info.credentialBackedUp },
        firstFactor,
      },
    });
    return { kind: 'added' as const, passkey: row, firstFactor };
  });
}

// ---- signing in ------------------------------------------------------------------------

/** What the browser needs to sign with one of the account's passkeys; undefined when it has none. */
export async function authenticationOptions(
  db: Db,
  params: { staffUserId: string; rp: RelyingParty; boundTo: string; now: Date },
): Promise<PublicKeyCredentialRequestOptionsJSON | undefined> {
  const existing = await db
    .select({ id: staffPasskeys.credentialId, transports: staffPasskeys.transports })
    .from(staffPasskeys)
    .where(eq(staffPasskeys.staffUserId, params.staffUserId));
  if (existing.length === 0) return undefined;
  const challenge = await newChallenge(db, { ...params, purpose: 'authenticate' });
  return generateAuthenticationOptions({
    rpID: params.rp.id,
    challenge,
    timeout: CHALLENGE_MS,
    allowCredentials: existing.map((row) => ({
      id: row.id,
      transports: row.transports as AuthenticatorTransport[],
    })),
    userVerification: 'preferred',
  });
}

export type AssertionResult =
  | { kind: 'ok'; passkey: { id: string; name: string } }
  | { kind: 'expired' }
  | { kind: 'unknown_credential' }
  | { kind: 'counter' }
  | { kind: 'invalid' };

/**
 * Checks a signature from one of the account's passkeys against the binding's challenge (taken
 * out whatever the outcome). A right one moves the counter on and notes when it was used; the
 * update only lands on the counter it checked, so two answers racing cannot both count.
 */
export async function verifyAssertion(
  db: Db,
  params: {
    user: Pick<StaffUser, 'id'>;
    rp: RelyingParty;
    boundTo: string;
    response: AuthenticationResponseJSON;
    now: Date;
  },
): Promise<AssertionResult> {
  const { user, now } = params;
  const challenge = await takeChallenge(db, {
    staffUserId: user.id,
    purpose: 'authenticate',
    boundTo: params.boundTo,
    now,
  });
  if (!challenge) return { kind: 'expired' };
  const [stored] = await db
    .select()
    .from(staffPasskeys)
    .where(and(eq(staffPasskeys.staffUserId, user.id), eq(staffPasskeys.credentialId, params.response.id)));
  if (!stored) return { kind: 'unknown_credential' };
  let newCounter: number;
  try {
    const verified = await verifyAuthenticationResponse({
      response: params.response,
      expectedChallenge: challenge,
      expectedOrigin: params.rp.origin,
      expectedRPID: params.rp.id,
      credential: {
        id: stored.credentialId,
        publicKey: isoBase64URL.toBuffer(stored.publicKey),
        counter: stored.counter,
        transports: stored.transports as AuthenticatorTransport[],
      },
      requireUserVerification: false,
    });
    if (!verified.verified) return { kind: 'invalid' };
    newCounter = verified.authenticationInfo.newCounter;
  } catch (error) {
    // The library's words for a signature counter that did not go up (a cloned authenticator?).
    if (error instanceof Error && /counter value/i.test(error.message)) return { kind: 'counter' };
    return { kind: 'invalid' };
  }
  const [updated] = await db
    .update(staffPasskeys)
    .set({ counter: newCounter, lastUsedAt: now })
    .where(and(eq(staffPasskeys.id, stored.id), eq(staffPasskeys.counter, stored.counter)))
    .returning({ id: staffPasskeys.id });
  if (!updated) return { kind: 'counter' };
  return { kind: 'ok', passkey: { id: stored.id, name: stored.name } };
}

// ---- removing --------------------------------------------------------------------------

/** Removes one of one's own passkeys (the caller checked the proof and the requirement). */
export async function deletePasskey(
  tx: Tx,
  params: { user: Pick<StaffUser, 'id' | 'organisationId'>; passkeyId: string; now: Date },
): Promise<{ name: string } | undefined> {
  const [row] = await tx
    .delete(staffPasskeys)
    .where(and(eq(staffPasskeys.id, params.passkeyId), eq(staffPasskeys.staffUserId, params.user.id)))
    .returning({ name: staffPasskeys.name, deviceType: staffPasskeys.deviceType });
  if (!row) return undefined;
  await recordAudit(tx, {
    organisationId: params.user.organisationId,
    actorType: 'staff',
    actorId: params.user.id,
    at: params.now,
    action: 'staff.passkey_removed',
    subjectType: 'staff_user',
    subjectId: params.user.id,
    details: { passkey: params.passkeyId, before: { name: row.name, deviceType: row.deviceType } },
  });
  return { name: row.name };
}

/** Removes every passkey of an account (an administrator's reset). */
export async function deleteAllPasskeys(tx: Tx, staffUserId: string): Promise<number> {
  const rows = await tx
    .delete(staffPasskeys)
    .where(eq(staffPasskeys.staffUserId, staffUserId))
    .returning({ id: staffPasskeys.id });
  await dropChallenges(tx, staffUserId);
  return rows.length;
}
