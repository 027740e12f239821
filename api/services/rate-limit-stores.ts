/**
 * Where rate-limit counters live. Both stores count fixed windows (see rate-limit.ts) and
 * both are atomic, so several API processes share one limit:
 *
 * - the database (default): one upsert per request;
 * - Redis (`PODIUM_REDIS_URL`): one Lua script per request (INCR, and PEXPIRE on the
 *   window's first hit), so counters expire by themselves and the database is spared
 *   the writes. When Redis cannot answer, the request is counted in the database
 *   instead: an outage must neither lock residents out nor lift the limit on guessing codes.
 *
 * Switching stores must not restart a window's count, or every Redis outage (or flapping
 * connection) would hand a guesser a fresh allowance. Each process therefore remembers the
 * last count it was told for each live window, and the other store goes on from there: the
 * database fallback counts from `greatest(its row, that count)`, and when Redis answers
 * again its script raises the key to at least that count. Because the count Redis returns
 * is the shared one, what a process remembers is the count of all processes up to its
 * last hit; only hits of other processes in the moment of the switch can be missed.
 * Writing every hit to the database as well (or keeping the database as the truth with
 * Redis as a cache) would carry the count over exactly, but costs the very database write
 * per request that Redis is there to spare; a few bytes per live window in memory is the
 * simplest thing that keeps the limit. A process started during an outage knows nothing
 * and starts from the database's count for the window.
 */
import { Redis } from 'ioredis';
import type { Db } from '../db/client.ts';
import { describeError } from '../lib/log-error.ts';
import {
  hitRateLimit,
  rateLimitKey,
  type RateLimitGroup,
  type RateLimitRule,
  type RateLimitVerdict,
} from './rate-limit.ts';

export type RateLimitHit = { group: RateLimitGroup; client: string; rule: RateLimitRule; now: Date };

export interface RateLimitStore {
  hit(db: Db, params: RateLimitHit): Promise<RateLimitVerdict>;
  close?(): Promise<void>;
}

export const databaseRateLimitStore: RateLimitStore = {
  hit: (db, params) => hitRateLimit(db, params),
};

/**
 * Counts and, on the window's first hit, sets the expiry: one atomic step. ARGV[2] is the
 * count this process already knows of (from the database while Redis was away): the key
 * never counts below it.
 */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local known = tonumber(ARGV[2])
if count <= known then
  count = known + 1
  redis.call('SET', KEYS[1], count, 'PX', ARGV[1])
elseif count == 1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
return count
`;

type RedisWithHit = Redis & { podiumHit(key: string, ttlMs: number, known: number): Promise<number> };

/** The last count this process saw per live window, whichever store counted it. */
class KnownCounts {
  readonly #counts = new Map<string, { count: number; windowEnd: number }>();
  #sweptAt = 0;

  get(key: string): number {
    return this.#counts.get(key)?.count ?? 0;
  }

  set(key: string, count: number, windowEnd: number, now: number): void {
    this.#counts.set(key, { count: Math.max(count, this.get(key)), windowEnd });
    // Ended windows go at most once a minute, so memory follows the live windows only.
    if (now - this.#sweptAt < 60_000) return;
    this.#sweptAt = now;
    for (const [k, v] of this.#counts) if (v.windowEnd <= now) this.#counts.delete(k);
  }
}

export function redisRateLimitStore(
  url: string,
  options: { keyPrefix?: string; log?: (line: string) => void } = {},
): RateLimitStore & { redis: Redis; close(): Promise<void> } {
  const redis = new Redis(url, {
    // Fail fast to the database store instead of queueing requests while Redis is away.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    keyPrefix: options.keyPrefix ?? 'podium:rate-limit:',
  }) as RedisWithHit;
  redis.defineCommand('podiumHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
  const log = options.log ?? ((line: string) => console.error(line));
  let warned = false;
  // Without a listener ioredis prints every failed reconnect; one line per outage is enough.
  redis.on('error', (error: unknown) => {
    if (!warned) log(`Redis for rate limits is unavailable, counting in the database: ${describeError(error)}`);
    warned = true;
  });
  redis.on('ready', () => {
    warned = false;
  });

  const known = new KnownCounts();

  return {
    redis,
    async hit(db, params) {
      const { rule, now } = params;
      const windowMs = rule.windowSeconds * 1000;
      const windowStart = Math.floor(now.getTime() / windowMs) * windowMs;
      const windowEnd = windowStart + windowMs;
      const key = `${rateLimitKey(params.group, params.client)}:${windowStart}`;
      let count: number;
      try {
        // The window's remaining time plus a margin: the key outlives its window, never the reverse.
        count = Number(await redis.podiumHit(key, windowEnd - now.getTime() + 1000, known.get(key)));
      } catch {
        const verdict = await hitRateLimit(db, { ...params, countedBefore: known.get(key) });
        known.set(key, verdict.count, windowEnd, now.getTime());
        return verdict;
      }
      known.set(key, count, windowEnd, now.getTime());
      const retryAfterSeconds = Math.max(1, Math.ceil((windowStart + windowMs - now.getTime()) / 1000));
      return { allowed: count <= rule.limit, count, limit: rule.limit, retryAfterSeconds };
    },
    async close() {
      redis.disconnect();
    },
  };
}
