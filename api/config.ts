/**
 * Configuration from the environment, read in one place. Every setting has a default
 * that works on a fresh checkout: PGlite under ./data, port 4321.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRateLimits, type RateLimitRules } from './services/rate-limit.ts';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));

export type Config = {
  /** PostgreSQL server; when absent, the embedded PGlite database is used. */
  databaseUrl: string | undefined;
  /** Where PGlite keeps its files. */
  dataDir: string;
  port: number;
  host: string;
  /** The portal's public address, used for absolute links such as the sitemap. */
  publicUrl: string;
  /** Seed the demo municipality on start when the database is empty. */
  seedDemo: boolean;
  distDir: string;
  /** Quiet time after a change to published content before the portal is rebuilt. */
  rebuildDebounceMs: number;
  /** How often the server checks for changes to published content. */
  rebuildPollMs: number;
  /** Seconds between re-syncs of mirrored social threads; 0 turns the background sync off. */
  socialSyncSeconds: number;
  /** The municipality's own X API bearer token, for live X threads. */
  xBearerToken: string | undefined;
  /** Proxies in front whose X-Forwarded-For/-Proto are trusted; 0 when clients connect directly. */
  trustProxyHops: number;
  /** Requests per window per client and route group. */
  rateLimits: RateLimitRules;
  /** Minutes between retention purges (one process per deployment runs each); 0 turns it off. */
  retentionPurgeMinutes: number;
  /** Secret for signing proof-of-work challenges; unset: generated once and kept in the database. */
  powSecret: string | undefined;
  /** Proof-of-work difficulty: the largest secret number (a browser tries half on average). */
  powMaxNumber: number;
  /** SMTP server for e-mail links, e.g. smtps://user:pass@smtp.example.nl; without it mail waits in <dataDir>/outbox. */
  smtpUrl: string | undefined;
  /** The sender of Podium's e-mail. */
  mailFrom: string;
  /** Redis for rate-limit counters, e.g. redis://127.0.0.1:6379; without it they are kept in the database. */
  redisUrl: string | undefined;
};

function milliseconds(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a number of milliseconds, not "${raw}".`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number.parseInt(env.PORT ?? '4321', 10);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`PORT must be a port number, not "${env.PORT}".`);
  const host = env.HOST ?? 'localhost';
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.PODIUM_DATA_DIR ?? resolve(projectRoot, 'data')),
    port,
    host,
    publicUrl: (env.PODIUM_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    seedDemo: env.PODIUM_SEED_DEMO !== 'false',
    distDir: resolve(env.PODIUM_DIST_DIR ?? resolve(projectRoot, 'dist')),
    rebuildDebounceMs: milliseconds(env, 'PODIUM_REBUILD_DEBOUNCE_MS', 5_000),
    rebuildPollMs: milliseconds(env, 'PODIUM_REBUILD_POLL_MS', 2_000),
    socialSyncSeconds: Math.max(0, Number.parseInt(env.PODIUM_SOCIAL_SYNC_SECONDS ?? '60', 10) || 0),
    xBearerToken: env.PODIUM_X_BEARER_TOKEN || undefined,
    trustProxyHops: proxyHops(env.PODIUM_TRUST_PROXY),
    rateLimits: parseRateLimits(env.PODIUM_RATE_LIMITS),
    retentionPurgeMinutes: Math.max(0, Number.parseInt(env.PODIUM_RETENTION_PURGE_MINUTES ?? '60', 10) || 0),
    powSecret: env.PODIUM_POW_SECRET || undefined,
    powMaxNumber: powMaxNumber(env.PODIUM_POW_MAX_NUMBER),
    smtpUrl: env.PODIUM_SMTP_URL || undefined,
    mailFrom: env.PODIUM_MAIL_FROM || 'Podium <noreply@localhost>',
    redisUrl: env.PODIUM_REDIS_URL || undefined,
  };
}

/** `true` means one proxy (the usual load balancer); a number says how many are chained. */
function proxyHops(raw: string | undefined): number {
  if (!raw || raw === 'false' || raw === '0') return 0;
  if (raw === 'true') return 1;
  const hops = Number(raw);
  if (!Number.isInteger(hops) || hops < 0)
    throw new Error(`PODIUM_TRUST_PROXY must be true, false or a number of proxies, not "${raw}".`);
  return hops;
}

/** Difficulty: 1,000 (trivial) to 10,000,000 (seconds on a phone); default 100,000 (~50,000 hashes). */
function powMaxNumber(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 100_000;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1_000 || value > 10_000_000)
    throw new Error(`PODIUM_POW_MAX_NUMBER must be a whole number from 1000 to 10000000, not "${raw}".`);
  return value;
}
