/**
 * Slowing down password guessing without handing anyone a lever against the staff.
 *
 * A hard lock ("five wrong passwords lock the account for fifteen minutes") lets anyone
 * who knows a colleague's e-mail address keep that colleague out during a consultation,
 * and its own answer told which addresses are accounts. Instead, failed log-ins are
 * counted under keys, and a key that has failed too often makes only the next attempt
 * *with that key* wait, for a delay that doubles with every further failure, up to a cap:
 *
 * - `address:` the client address (all e-mail addresses together). One source guessing
 *   one password after another, or one password against many accounts, slows down. A
 *   good log-in from the address clears it, so a town hall behind one NAT address is not
 *   slowed by its colleagues' typos.
 * - `account:` the e-mail address, from every client address that is not known for it.
 *   A guesser with many addresses (a botnet) slows down on the account. This count is
 *   never cleared by a good log-in — that would show the guesser the account is real and
 *   in use — it is forgotten a day after its last failure.
 * - `pair:` the e-mail address from one *known* address: one from which this account
 *   logged in before (`staff_login_addresses`, for 90 days). Such a client skips the
 *   account-wide count and is held only to its own. So however hard others hammer the
 *   account, its owner still gets in from the office or from home. What remains is a
 *   first log-in from a never-used address during an attack: it shares the account-wide
 *   delay with the attackers (at most `maxDelayMs`, but an attacker who tries the moment
 *   each delay ends can win every turn for as long as the attack lasts). That is the
 *   price of stopping a botnet; letting each new address through once would hand a
 *   botnet one free guess per address. The administrators are alerted meanwhile
 *   (./login-alerts.ts), and the owner can always log in where she did before.
 *
 * Unknown e-mail addresses are counted exactly like known ones (their `account:` key is
 * the hash of the text typed), so the answers, delays and work done are the same and
 * tell nobody which addresses are staff accounts.
 *
 * Each attempt *reserves* its place before the password is checked: one atomic upsert per
 * key counts the attempt as a failure unless the key is waiting, and a good password
 * clears it afterwards. So a burst of parallel guesses gets exactly the free attempts
 * through, not one per connection. An attempt refused by the throttle checks no
 * password and counts nothing (the `login` rate limit bounds how often one may ask).
 */
import { createHash } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { loginThrottles, staffLoginAddresses, staffUsers } from '../../db/schema.ts';

export type ThrottleRule = {
  /** Failures before any delay. */
  freeFailures: number;
  /** The delay after the last free failure; it doubles with every further one. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failures are forgotten this long after the last one. */
  forgetAfterMs: number;
};

export type LoginThrottlePolicy = {
  address: ThrottleRule;
  /** For both `account:` and `pair:` keys. */
  account: ThrottleRule;
  /** How long an address a staff member logged in from stays known. */
  knownAddressMs: number;
};

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

/**
 * Five free tries per account (typos, a forgotten caps lock), then 30 s, 1, 2, 4, 8 and
 * at most 15 minutes between attempts: a guesser gets about a hundred tries a day at an
 * account, its owner at worst waits a quarter of an hour, and only from a new address.
 * An address gets ten, for a town hall's shared address, and up to an hour.
 */
export const DEFAULT_LOGIN_THROTTLE: LoginThrottlePolicy = {
  address: { freeFailures: 10, baseDelayMs: 30 * SECOND, maxDelayMs: 60 * MINUTE, forgetAfterMs: DAY },
  account: { freeFailures: 5, baseDelayMs: 30 * SECOND, maxDelayMs: 15 * MINUTE, forgetAfterMs: DAY },
  knownAddressMs: 90 * DAY,
};

/** How long the next attempt waits after `failures` failures. */
export function delayAfter(rule: ThrottleRule, failures: number): number {
  if (failures < rule.freeFailures) return 0;
  return Math.min(rule.maxDelayMs, rule.baseDelayMs * 2 ** (failures - rule.freeFailures));
}

function hashed(kind: string, value: string): string {
  return createHash('sha256').update(`podium-login:${kind}:${value}`).digest('base64url').slice(0, 22);
}

export const throttleKeys = {
  address: (address: string) => `address:${hashed('address', address)}`,
  account: (email: string) => `account:${hashed('account', email)}`,
  pair: (email: string, address: string) => `pair:${hashed('pair', `${email}\n${address}`)}`,
  /** Second-factor codes of one account (./second-factor.ts), from any address. */
  code: (staffUserId: string) => `code:${hashed('code', staffUserId)}`,
};

/** The stored form of a client address in `staff_login_addresses`. */
export const addressHash = (address: string) => hashed('address', address);

export type Reservation = { allowed: true; failures: number } | { allowed: false; until: Date };

/**
 * Counts one attempt under `key` as a failure, unless the key is waiting; then says until
 * when. One statement, so parallel attempts cannot all read the old count.
 */
export async function reserveAttempt(db: Db, key: string, rule: ThrottleRule, now: Date): Promise<Reservation> {
  // Raw SQL gets ISO strings: postgres.js does not serialise a Date inside a sql template.
  const at = now.toISOString();
  const forgetBefore = new Date(now.getTime() - rule.forgetAfterMs).toISOString();
  const t = loginThrottles;
  const forgotten = sql`${t.lastFailureAt} <= ${forgetBefore}::timestamptz`;
  const delay = sql`least(${rule.maxDelayMs}::float8, ${rule.baseDelayMs}::float8 * power(2::float8, ${t.failures} - ${rule.freeFailures})) * interval '1 millisecond'`;
  const [row] = await db
    .insert(t)
    .values({ key, failures: 1, lastFailureAt: now })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        failures: sql`case when ${forgotten} then 1 else ${t.failures} + 1 end`,
        lastFailureAt: sql`${at}::timestamptz`,
      },
      setWhere: sql`${forgotten} or ${t.failures} < ${rule.freeFailures} or ${t.lastFailureAt} + ${delay} <= ${at}::timestamptz`,
    })
    .returning({ failures: t.failures });
  if (row) return { allowed: true, failures: row.failures };
  const [waiting] = await db.select().from(t).where(eq(t.key, key));
  const from = waiting?.lastFailureAt ?? now;
  return { allowed: false, until: new Date(from.getTime() + delayAfter(rule, waiting?.failures ?? 0)) };
}

/** Until when `key` makes attempts wait, if it does; counts nothing. */
export async function waitingUntil(db: Db, key: string, rule: ThrottleRule, now: Date): Promise<Date | undefined> {
  const [row] = await db.select().from(loginThrottles).where(eq(loginThrottles.key, key));
  if (!row || row.lastFailureAt.getTime() <= now.getTime() - rule.forgetAfterMs) return undefined;
  const until = new Date(row.lastFailureAt.getTime() + delayAfter(rule, row.failures));
  return until > now ? until : undefined;
}

/** Takes back a reservation whose attempt was refused by another key before any password was checked. */
export async function releaseAttempt(db: Db, key: string): Promise<void> {
  await db
    .update(loginThrottles)
    .set({ failures: sql`greatest(${loginThrottles.failures} - 1, 0)` })
    .where(eq(loginThrottles.key, key));
}

/** A good log-in: these keys start again from nothing. */
export async function clearAttempts(db: Db, keys: string[]): Promise<void> {
  for (const key of keys) await db.delete(loginThrottles).where(eq(loginThrottles.key, key));
}

/**
 * Whether `email` logged in from `address` in the last `knownAddressMs`. Asked the same way
 * for every e-mail address, known to Podium or not.
 */
export async function isKnownAddress(
  db: Db,
  email: string,
  address: string,
  now: Date,
  policy: LoginThrottlePolicy = DEFAULT_LOGIN_THROTTLE,
): Promise<boolean> {
  const [row] = await db
    .select({ id: staffLoginAddresses.staffUserId })
    .from(staffLoginAddresses)
    .innerJoin(staffUsers, eq(staffUsers.id, staffLoginAddresses.staffUserId))
    .where(
      and(
        eq(staffUsers.email, email),
        eq(staffLoginAddresses.addressHash, addressHash(address)),
        gt(staffLoginAddresses.lastLoginAt, new Date(now.getTime() - policy.knownAddressMs)),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** Remembers the address of a good log-in, and forgets this user's addresses that went stale. */
export async function rememberAddress(
  db: Db,
  staffUserId: string,
  address: string,
  now: Date,
  policy: LoginThrottlePolicy = DEFAULT_LOGIN_THROTTLE,
): Promise<void> {
  await db
    .delete(staffLoginAddresses)
    .where(
      and(
        eq(staffLoginAddresses.staffUserId, staffUserId),
        lt(staffLoginAddresses.lastLoginAt, new Date(now.getTime() - policy.knownAddressMs)),
      ),
    );
  await db
    .insert(staffLoginAddresses)
    .values({ staffUserId, addressHash: addressHash(address), lastLoginAt: now })
    .onConflictDoUpdate({
      target: [staffLoginAddresses.staffUserId, staffLoginAddresses.addressHash],
      set: { lastLoginAt: now },
    });
}

/** Deletes counts whose last failure is older than `before` (the retention run); returns how many. */
export async function purgeLoginThrottles(db: Db, before: Date): Promise<number> {
  const deleted = await db
    .delete(loginThrottles)
    .where(lt(loginThrottles.lastFailureAt, before))
    .returning({ key: loginThrottles.key });
  return deleted.length;
}
