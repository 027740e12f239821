/**
 * Where rate-limit counters live. Both stores count fixed windows (see rate-limit.ts) and
 * both are atomic, so several API processes share one limit:
 *
 * - the database (default): one upsert per request;
 * - Redis (`PODIUM_REDIS_URL`): one Lua script per request (INCR, and PEXPIRE on the
 *   window's first hit), so counters expire by themselves and the database is spared
 *   the writes. When Redis cannot answer, the request is counted in the database
 *   instead: an outage must neither lock residents out nor lift the limit on guessing codes.
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

/** Counts and, on the window's first hit, sets the expiry: one atomic step. */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return count
`;

type RedisWithHit = Redis & { podiumHit(key: string, ttlMs: number): Promise<number> };

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

  return {
    redis,
    async hit(db, params) {
      const { rule, now } = params;
      const windowMs = rule.windowSeconds * 1000;
      const windowStart = Math.floor(now.getTime() / windowMs) * windowMs;
      const key = `${rateLimitKey(params.group, params.client)}:${windowStart}`;
      let count: number;
      try {
        // The window's remaining time plus a margin: the key outlives its window, never the reverse.
        count = Number(await redis.podiumHit(key, windowStart + windowMs - now.getTime() + 1000));
      } catch {
        return hitRateLimit(db, params);
      }
      const retryAfterSeconds = Math.max(1, Math.ceil((windowStart + windowMs - now.getTime()) / 1000));
      return { allowed: count <= rule.limit, count, limit: rule.limit, retryAfterSeconds };
    },
    async close() {
      redis.disconnect();
    },
  };
}
