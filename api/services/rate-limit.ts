/**
 * Rate limits that hold across every API process: fixed windows counted in the database
 * with one atomic upsert, so two processes behind a load balancer cannot both let the
 * 31st request of a window through.
 *
 * Fixed windows allow up to twice the limit around a window edge; for limits meant to
 * stop floods and code guessing, not to meter use, that is an honest trade for one row and
 * one statement per request.
 */
import { createHash } from 'node:crypto';
import { lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rateLimits } from '../db/schema.ts';

/** At most `limit` requests per `windowSeconds`. */
export type RateLimitRule = { limit: number; windowSeconds: number };

/** The route groups Podium limits. Staff login joins these with the staff workbench. */
export const RATE_LIMIT_GROUPS = ['submit', 'follow_up', 'rights', 'login', 'email_link'] as const;
export type RateLimitGroup = (typeof RATE_LIMIT_GROUPS)[number];
export type RateLimitRules = Record<RateLimitGroup, RateLimitRule | null>;

/**
 * Defaults. Many residents can share one address (a library, a town-hall evening, a
 * mobile carrier's NAT), so the submission limit is generous; follow-up codes are
 * secrets, so lookups are limited enough to make guessing a 56-bit code hopeless; export
 * and erasure are rare by nature.
 */
export const DEFAULT_RATE_LIMITS: RateLimitRules = {
  submit: { limit: 30, windowSeconds: 600 },
  follow_up: { limit: 60, windowSeconds: 600 },
  rights: { limit: 10, windowSeconds: 3600 },
  // Per client, every log-in post, on top of the log-in throttle (services/auth/login-throttle.ts), which counts failures only.
  login: { limit: 20, windowSeconds: 600 },
  // Asking for an e-mail link: each request may send a mail, so few per client.
  email_link: { limit: 5, windowSeconds: 3600 },
};

export type RateLimitVerdict = { allowed: boolean; count: number; limit: number; retryAfterSeconds: number };

/**
 * Counts one request of `client` in `group` and says whether it is within the limit.
 *
 * @example
 * const verdict = await hitRateLimit(db, { group: 'submit', client: '203.0.113.7', rule, now })
 * if (!verdict.allowed) return tooManyRequests(verdict.retryAfterSeconds)
 */
export async function hitRateLimit(
  db: Db,
  params: {
    group: RateLimitGroup;
    client: string;
    rule: RateLimitRule;
    now: Date;
    /**
     * Hits of this window already counted elsewhere (the Redis store's last count, when
     * Redis has just gone away): the count goes on from there instead of from zero.
     */
    countedBefore?: number;
  },
): Promise<RateLimitVerdict> {
  const { rule, now } = params;
  const before = Math.max(0, Math.floor(params.countedBefore ?? 0));
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await db
    .insert(rateLimits)
    .values({ key: rateLimitKey(params.group, params.client), windowStart, count: before + 1 })
    .onConflictDoUpdate({
      target: [rateLimits.key, rateLimits.windowStart],
      set: { count: before ? sql`greatest(${rateLimits.count}, ${before}) + 1` : sql`${rateLimits.count} + 1` },
    })
    .returning({ count: rateLimits.count });
  const count = row?.count ?? 1;
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
  return { allowed: count <= rule.limit, count, limit: rule.limit, retryAfterSeconds };
}

/**
 * The stored key: group and a hash of the client address. Addresses are personal data;
 * the counters need only tell clients apart for a few minutes.
 */
export function rateLimitKey(group: RateLimitGroup, client: string): string {
  return `${group}:${createHash('sha256').update(`podium-rate-limit:${client}`).digest('base64url').slice(0, 22)}`;
}

/** Deletes windows that started before `before`; returns how many. */
export async function purgeRateLimitWindows(db: Db, before: Date): Promise<number> {
  const deleted = await db
    .delete(rateLimits)
    .where(lt(rateLimits.windowStart, before))
    .returning({ key: rateLimits.key });
  return deleted.length;
}

/**
 * Reads `PODIUM_RATE_LIMITS`, e.g. `submit=30/600,follow_up=60/600,rights=off`:
 * requests per seconds, per group; groups left out keep their default.
 */
export function parseRateLimits(raw: string | undefined): RateLimitRules {
  const rules: RateLimitRules = { ...DEFAULT_RATE_LIMITS };
  if (!raw?.trim()) return rules;
  for (const part of raw.split(',')) {
    const [name = '', value = ''] = part.split('=').map((s) => s.trim());
    if (!(RATE_LIMIT_GROUPS as readonly string[]).includes(name)) {
      throw new Error(`PODIUM_RATE_LIMITS: unknown group "${name}" (known: ${RATE_LIMIT_GROUPS.join(', ')}).`);
    }
    const group = name as RateLimitGroup;
    if (value === 'off') {
      rules[group] = null;
      continue;
    }
    const match = /^(\d+)\/(\d+)$/.exec(value);
    const limit = Number(match?.[1]);
    const windowSeconds = Number(match?.[2]);
    if (!match || limit < 1 || windowSeconds < 1) {
      throw new Error(
        `PODIUM_RATE_LIMITS: "${part}" must look like ${group}=30/600 (requests/seconds) or ${group}=off.`,
      );
    }
    rules[group] = { limit, windowSeconds };
  }
  return rules;
}
