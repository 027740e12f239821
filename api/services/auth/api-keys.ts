/**
 * Personal API keys: a staff member makes one for a script, which then calls the staff JSON
 * API (`Authorization: Bearer <key>`) as that person.
 *
 * - A key is `podium_` and 32 random bytes; the database keeps only its SHA-256 (as for
 *   sessions), so a leaked database holds no usable key. It is shown once, when it is made.
 * - It acts with its owner's permissions at the moment of each request: a changed role
 *   counts at once, and a deactivated colleague's keys stop working.
 * - It ends at its expiry (at most a year) or when its owner revokes it. Making and revoking
 *   are audited; each use records when it was last used (at most once a minute per key).
 */
import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { staffApiKeys, staffUsers } from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import { hashToken, type ActiveSession } from './sessions.ts';
import { rolesOf } from './users.ts';

export const API_KEY_PREFIX = 'podium_';
/** The expiries people choose from, in days; a key never lives longer than a year. */
export const API_KEY_EXPIRY_DAYS = [30, 90, 180, 365] as const;
export const API_KEY_NAME_MAX = 100;
const DAY = 24 * 60 * 60 * 1000;
/** Recording every use would write on every request a busy script makes. */
const LAST_USE_RESOLUTION_MS = 60 * 1000;

export type ApiKey = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
};

export type ApiKeyState = 'active' | 'expired' | 'revoked';

export function keyState(key: Pick<ApiKey, 'expiresAt' | 'revokedAt'>, now: Date): ApiKeyState {
  if (key.revokedAt) return 'revoked';
  return key.expiresAt <= now ? 'expired' : 'active';
}

/** A session made from a key: what the guards read, and which key it came from. */
export type KeySession = ActiveSession & { apiKeyId: string };

type Owner = { id: string; organisationId: string };

export type CreateKeyResult =
  | { kind: 'created'; key: ApiKey; token: string }
  | { kind: 'invalid'; problem: 'name_required' | 'name_too_long' | 'expiry' };

/**
 * Makes a key for its owner. The token is in the result only: it cannot be shown again.
 *
 * @example
 * const made = await createApiKey(db, { owner: session.user, name: 'Weekrapport', days: 90, now })
 * if (made.kind === 'created') show(made.token)
 */
export async function createApiKey(
  db: Db,
  input: { owner: Owner; name: string; days: number; now: Date },
): Promise<CreateKeyResult> {
  const name = input.name.trim();
  if (!name) return { kind: 'invalid', problem: 'name_required' };
  if ([...name].length > API_KEY_NAME_MAX) return { kind: 'invalid', problem: 'name_too_long' };
  if (!(API_KEY_EXPIRY_DAYS as readonly number[]).includes(input.days)) return { kind: 'invalid', problem: 'expiry' };
  const token = API_KEY_PREFIX + randomBytes(32).toString('base64url');
  const expiresAt = new Date(input.now.getTime() + input.days * DAY);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(staffApiKeys)
      .values({
        staffUserId: input.owner.id,
        name,
        tokenHash: hashToken(token),
        prefix: token.slice(0, API_KEY_PREFIX.length + 6),
        createdAt: input.now,
        expiresAt,
      })
      .returning();
    await recordAudit(tx, {
      organisationId: input.owner.organisationId,
      actorType: 'staff',
      actorId: input.owner.id,
      action: 'api_key.created',
      subjectType: 'api_key',
      subjectId: row!.id,
      details: { expiresAt: expiresAt.toISOString() },
    });
    return { kind: 'created' as const, key: toKey(row!), token };
  });
}

/** The owner's keys, newest first, revoked and expired ones included (they say so). */
export async function listApiKeys(db: Db, ownerId: string): Promise<ApiKey[]> {
  const rows = await db
    .select()
    .from(staffApiKeys)
    .where(eq(staffApiKeys.staffUserId, ownerId))
    .orderBy(desc(staffApiKeys.createdAt), desc(staffApiKeys.id));
  return rows.map(toKey);
}

/** Revokes one of the owner's own keys. `not_found` also for someone else's key. */
export async function revokeApiKey(
  db: Db,
  input: { owner: Owner; keyId: string; now: Date },
): Promise<{ kind: 'revoked' } | { kind: 'already_revoked' } | { kind: 'not_found' }> {
  return db.transaction(async (tx) => {
    const [key] = await tx
      .select({ id: staffApiKeys.id, revokedAt: staffApiKeys.revokedAt })
      .from(staffApiKeys)
      .where(and(eq(staffApiKeys.id, input.keyId), eq(staffApiKeys.staffUserId, input.owner.id)))
      .limit(1);
    if (!key) return { kind: 'not_found' as const };
    if (key.revokedAt) return { kind: 'already_revoked' as const };
    await tx.update(staffApiKeys).set({ revokedAt: input.now }).where(eq(staffApiKeys.id, key.id));
    await recordAudit(tx, {
      organisationId: input.owner.organisationId,
      actorType: 'staff',
      actorId: input.owner.id,
      action: 'api_key.revoked',
      subjectType: 'api_key',
      subjectId: key.id,
    });
    return { kind: 'revoked' as const };
  });
}

/**
 * The session a bearer key stands for, or `undefined` when the key is unknown, expired,
 * revoked or its owner is deactivated. Roles are read now, not when the key was made.
 */
export async function findKeySession(db: Db, token: string, now: Date): Promise<KeySession | undefined> {
  if (!token.startsWith(API_KEY_PREFIX) || token.length > 200) return undefined;
  const [row] = await db
    .select({ key: staffApiKeys, user: staffUsers })
    .from(staffApiKeys)
    .innerJoin(staffUsers, eq(staffUsers.id, staffApiKeys.staffUserId))
    .where(eq(staffApiKeys.tokenHash, hashToken(token)))
    .limit(1);
  if (!row || row.user.disabledAt || keyState(row.key, now) !== 'active') return undefined;
  const stale = new Date(now.getTime() - LAST_USE_RESOLUTION_MS);
  await db
    .update(staffApiKeys)
    .set({ lastUsedAt: now })
    .where(
      and(eq(staffApiKeys.id, row.key.id), or(isNull(staffApiKeys.lastUsedAt), lt(staffApiKeys.lastUsedAt, stale))),
    );
  const { id, organisationId, email, displayName } = row.user;
  return {
    // Not a session row: presence and the like key on it, so it names the key.
    id: `api-key:${row.key.id}`,
    // Never compared: a key request needs no CSRF token (guards.ts).
    csrfToken: '',
    expiresAt: row.key.expiresAt,
    user: { id, organisationId, email, displayName },
    roles: await rolesOf(db, id),
    apiKeyId: row.key.id,
  };
}

function toKey(row: typeof staffApiKeys.$inferSelect): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    lastUsedAt: row.lastUsedAt,
  };
}
