/**
 * Proof-of-work spam protection without a puzzle, in the ALTCHA protocol (altcha.org):
 * the server hands out a challenge, SHA-256(salt + number) for a secret number below
 * `maxNumber`, signed with an HMAC so the server keeps no state per challenge. A browser
 * finds the number by trying (~maxNumber/2 hashes on average, well under a second) and
 * sends it with the input. A bot sending thousands of submissions pays for each one.
 *
 * The check never decides alone: a missing solution is accepted (the form works without
 * JavaScript; rate limits and screening carry the load) and recorded for moderators.
 * Written with node:crypto rather than `altcha-lib`: the ~60 lines below are the whole
 * protocol, and replay protection needs our own table anyway.
 */
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { eq, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { proofOfWorkSecrets, proofOfWorkSolutions } from '../db/schema.ts';
import type { ProofOfWorkChallenge } from '../../shared/contracts/public-content.ts';

export type Challenge = ProofOfWorkChallenge;

/** What a solution said, checked without the database (see `solutionUse` for replays). */
export type ProofCheck =
  | { status: 'missing' }
  | { status: 'invalid' }
  | { status: 'expired' }
  | { status: 'valid'; challenge: string; expiresAt: Date };

export type ProofOfWorkSettings = {
  /** Largest secret number; a browser tries half of them on average. */
  maxNumber: number;
  /** How long a challenge may be solved and used. */
  ttlSeconds: number;
};

export const DEFAULT_POW_SETTINGS: ProofOfWorkSettings = { maxNumber: 100_000, ttlSeconds: 20 * 60 };

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const hmac = (secret: string, text: string) => createHmac('sha256', secret).update(text).digest('hex');

/** A new challenge; the expiry travels inside the salt, so the signature covers it. */
export function createChallenge(secret: string, now: Date, settings = DEFAULT_POW_SETTINGS): Challenge {
  const expires = Math.floor(now.getTime() / 1000) + settings.ttlSeconds;
  const salt = `${randomBytes(12).toString('hex')}?expires=${expires}`;
  const challenge = sha256(salt + randomInt(0, settings.maxNumber + 1));
  return { algorithm: 'SHA-256', challenge, maxnumber: settings.maxNumber, salt, signature: hmac(secret, challenge) };
}

/**
 * Checks an ALTCHA payload (base64 of JSON `{algorithm, challenge, number, salt, signature}`):
 * our signature, not expired, and the number solves the challenge.
 */
export function checkSolution(secret: string, payload: string | undefined, now: Date): ProofCheck {
  if (payload === undefined || payload.trim() === '') return { status: 'missing' };
  let solution: Record<string, unknown>;
  try {
    solution = JSON.parse(Buffer.from(payload.trim(), 'base64').toString('utf8')) as Record<string, unknown>;
  } catch {
    return { status: 'invalid' };
  }
  const { algorithm, challenge, number, salt, signature } = solution ?? {};
  if (
    algorithm !== 'SHA-256' ||
    typeof challenge !== 'string' ||
    typeof salt !== 'string' ||
    typeof signature !== 'string' ||
    !Number.isSafeInteger(number) ||
    !equalHex(signature, hmac(secret, challenge))
  )
    return { status: 'invalid' };
  const expires = Number(new URLSearchParams(salt.split('?')[1] ?? '').get('expires'));
  if (!Number.isSafeInteger(expires) || expires <= 0) return { status: 'invalid' };
  if (sha256(salt + String(number)) !== challenge) return { status: 'invalid' };
  if (expires * 1000 <= now.getTime()) return { status: 'expired' };
  return { status: 'valid', challenge, expiresAt: new Date(expires * 1000) };
}

function equalHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Marks a valid solution as used, as a part of the statement that stores the input it
 * protects (so a refused or failed submission does not use it up): it answers a row when the
 * solution was fresh and none when it was used before (a replay). Expired solutions are
 * forgotten by the retention job (`forgetExpiredSolutions`), not here: a delete by the time
 * of the request made PostgreSQL plan the whole statement afresh for every submission.
 */
export function solutionUse(proof: { challenge: string; expiresAt: Date }): SQL {
  return sql`insert into ${proofOfWorkSolutions} (challenge, expires_at)
    values (${proof.challenge}, ${proof.expiresAt.toISOString()}::timestamptz)
    on conflict do nothing returning 1`;
}

/** Forgets solutions whose challenge has expired (it can no longer pass anyway); how many. */
export async function forgetExpiredSolutions(db: Db, now: Date): Promise<number> {
  const gone = await db
    .delete(proofOfWorkSolutions)
    .where(lt(proofOfWorkSolutions.expiresAt, now))
    .returning({ challenge: proofOfWorkSolutions.challenge });
  return gone.length;
}

/**
 * The signing secret: PODIUM_POW_SECRET when set, else one generated and kept in the
 * database, so every process of a deployment agrees (the first one to store it wins).
 */
export async function loadSecret(db: Db, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const read = async () =>
    (await db.select().from(proofOfWorkSecrets).where(eq(proofOfWorkSecrets.id, 'default')).limit(1))[0]?.secret;
  const existing = await read();
  if (existing) return existing;
  await db
    .insert(proofOfWorkSecrets)
    .values({ id: 'default', secret: randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const stored = await read();
  if (!stored) throw new Error('The proof-of-work secret could not be stored');
  return stored;
}

/** What the app holds: challenges and checks with one secret, read from the database once. */
export type ProofOfWork = {
  challenge(now: Date): Promise<Challenge>;
  check(payload: string | undefined, now: Date): Promise<ProofCheck>;
};

export function createProofOfWork(
  db: Db,
  options: { secret?: string | undefined; settings?: ProofOfWorkSettings | undefined } = {},
): ProofOfWork {
  let secret: Promise<string> | undefined;
  const key = () => {
    secret ??= loadSecret(db, options.secret);
    // A failed read is tried again on the next request rather than remembered.
    secret.catch(() => (secret = undefined));
    return secret;
  };
  return {
    challenge: async (now) => createChallenge(await key(), now, options.settings),
    check: async (payload, now) =>
      payload === undefined || payload.trim() === '' ? { status: 'missing' } : checkSolution(await key(), payload, now),
  };
}
