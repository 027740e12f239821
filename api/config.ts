/**
 * Configuration from the environment, read in one place: every variable Podium reads is a
 * key of `EnvSchema`, validated with zod, and listed in the README's configuration table
 * (tests/unit/config.test.ts compares the two). A bad value stops the start with one line
 * per variable, saying what it must be (as Starlight reports a bad user config).
 * Every setting has a default that works on a fresh checkout: PGlite under ./data, port 4321.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { defaultLogFormat, type LogFormat } from './observability/log.ts';
import { parseRateLimits, type RateLimitRules } from './services/rate-limit.ts';
import { parseSecretKey } from './services/social/secret-box.ts';
import type { ImportSettings } from './services/social/thread-admin.ts';
import { isLoopbackHttp, type OidcSettings } from './services/auth/oidc.ts';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));

export type Config = {
  /** PostgreSQL server; when absent, the embedded PGlite database is used. */
  databaseUrl: string | undefined;
  /** Parallel workers PostgreSQL may start per query on Podium's connections (0: none). */
  databaseParallelWorkers: number;
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
  /** Minutes between checks whether the weekly insights summary is due; 0 turns the summary off. */
  weeklySummaryMinutes: number;
  /** Seconds between writes of the counted visits to the database; 0 turns visit counting off. */
  visitFlushSeconds: number;
  /** The municipality's own X API bearer token, for live X threads. */
  xBearerToken: string | undefined;
  /** How threads are read from their platforms (private addresses, X token, Bluesky AppView). */
  threadImports: ImportSettings;
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
  /** Seconds between passes of the mail sender over the outbox table; 0 turns sending off. */
  mailSendSeconds: number;
  /** Minutes between checks for assigned items that are nearly late; 0 turns the check off. */
  lateCheckMinutes: number;
  /** Redis for rate-limit counters, e.g. redis://127.0.0.1:6379; without it they are kept in the database. */
  redisUrl: string | undefined;
  /** The password for `npx podium staff add`, when it is not typed in. */
  staffPassword: string | undefined;
  /** `json`: one JSON object per line, requests and jobs included; `text`: plain lines for a terminal. */
  logFormat: LogFormat;
  /** Bearer token for `GET /metrics`; unset: no metrics address. */
  metricsToken: string | undefined;
  /** Seals connected accounts' tokens at rest (32 bytes); without it no token is stored. */
  secretKey: Buffer | undefined;
  /** Seconds between passes of the poster over answers waiting for their platform; 0 turns posting off. */
  socialPostSeconds: number;
  /** The organisation's OpenID Connect identity provider for staff sign-in; unset: passwords only. */
  oidc: OidcSettings | undefined;
  /** Seconds between passes of the intake over the connected accounts' notifications; 0 turns it off. */
  socialPollSeconds: number;
};

/** An optional text; empty counts as unset, as `VAR= npx podium start` means. */
const text = () =>
  z
    .string()
    .optional()
    .transform((value) => value || undefined);

/** A whole number in a range; empty or unset gives the default. */
const wholeNumber = (what: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === '') return fallback;
      const value = Number(raw);
      if (Number.isInteger(value) && value >= min && value <= max) return value;
      ctx.addIssue({ code: 'custom', message: what });
      return z.NEVER;
    });

const yesNo = (fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const value = raw?.trim().toLowerCase();
      if (!value) return fallback;
      if (value === 'true' || value === '1') return true;
      if (value === 'false' || value === '0') return false;
      ctx.addIssue({ code: 'custom', message: 'must be true or false' });
      return z.NEVER;
    });

/** Every environment variable Podium reads, with its check and default. */
export const EnvSchema = z.object({
  DATABASE_URL: text(),
  PODIUM_DB_PARALLEL_WORKERS: wholeNumber('must be a number of workers from 0 to 64', 0, 0, 64),
  PODIUM_DATA_DIR: text(),
  PORT: wholeNumber('must be a port number (0 to 65535)', 4321, 0, 65_535),
  HOST: text(),
  PODIUM_PUBLIC_URL: text(),
  PODIUM_SEED_DEMO: yesNo(true),
  PODIUM_DIST_DIR: text(),
  PODIUM_REBUILD_DEBOUNCE_MS: wholeNumber('must be a number of milliseconds', 5_000),
  PODIUM_REBUILD_POLL_MS: wholeNumber('must be a number of milliseconds', 2_000),
  PODIUM_SOCIAL_SYNC_SECONDS: wholeNumber('must be a number of seconds (0 turns the sync off)', 60),
  PODIUM_WEEKLY_SUMMARY_MINUTES: wholeNumber('must be a number of minutes (0 turns the weekly summary off)', 60),
  PODIUM_VISIT_FLUSH_SECONDS: wholeNumber('must be a number of seconds (0 turns visit counting off)', 60),
  PODIUM_X_BEARER_TOKEN: text(),
  PODIUM_IMPORT_ALLOW_PRIVATE: yesNo(false),
  PODIUM_BLUESKY_APPVIEW: text(),
  PODIUM_TRUST_PROXY: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      // `true` means one proxy (the usual load balancer); a number says how many are chained.
      if (!raw || raw === 'false' || raw === '0') return 0;
      if (raw === 'true') return 1;
      const hops = Number(raw);
      if (Number.isInteger(hops) && hops >= 0) return hops;
      ctx.addIssue({ code: 'custom', message: 'must be true, false or a number of proxies' });
      return z.NEVER;
    }),
  PODIUM_RATE_LIMITS: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      try {
        return parseRateLimits(raw);
      } catch (error) {
        // Its message already quotes the part that is wrong.
        ctx.addIssue({ code: 'custom', message: (error as Error).message, params: { whole: true } });
        return z.NEVER;
      }
    }),
  PODIUM_RETENTION_PURGE_MINUTES: wholeNumber('must be a number of minutes (0 turns the purge off)', 60),
  PODIUM_POW_SECRET: text(),
  // 1,000 (trivial) to 10,000,000 (seconds on a phone); the default costs a browser ~50,000 hashes.
  PODIUM_POW_MAX_NUMBER: wholeNumber('must be a whole number from 1000 to 10000000', 100_000, 1_000, 10_000_000),
  PODIUM_SMTP_URL: text(),
  PODIUM_MAIL_FROM: text(),
  PODIUM_MAIL_SEND_SECONDS: wholeNumber('must be a number of seconds (0 turns sending off)', 10),
  PODIUM_LATE_CHECK_MINUTES: wholeNumber('must be a number of minutes (0 turns the check off)', 5),
  PODIUM_REDIS_URL: text(),
  PODIUM_STAFF_PASSWORD: text(),
  PODIUM_LOG_FORMAT: z
    .enum(['json', 'text'], { message: 'must be json or text' })
    .optional()
    .transform((value) => value ?? defaultLogFormat()),
  PODIUM_METRICS_TOKEN: text().refine((token) => token === undefined || token.length >= 16, {
    message: 'must be at least 16 characters (it guards the metrics address)',
  }),
  PODIUM_SECRET_KEY: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (!raw?.trim()) return undefined;
      const key = parseSecretKey(raw);
      if (key) return key;
      // The value itself is a secret: the message never repeats it.
      ctx.addIssue({
        code: 'custom',
        message:
          'PODIUM_SECRET_KEY must be 32 bytes as 64 hex digits or base64 (openssl rand -hex 32); its value is not repeated here.',
        params: { whole: true },
      });
      return z.NEVER;
    }),
  PODIUM_SOCIAL_POST_SECONDS: wholeNumber('must be a number of seconds (0 turns posting off)', 10),
  PODIUM_OIDC_ISSUER: text().refine(
    (raw) => {
      if (raw === undefined) return true;
      try {
        const url = new URL(raw);
        // Tokens and codes travel to it: https, except for a provider on this very machine.
        return url.protocol === 'https:' || isLoopbackHttp(url);
      } catch {
        return false;
      }
    },
    { message: 'must be the https:// address of the identity provider (http:// only for localhost)' },
  ),
  PODIUM_OIDC_CLIENT_ID: text(),
  PODIUM_OIDC_CLIENT_SECRET: text(),
  PODIUM_OIDC_NAME: text(),
  PODIUM_OIDC_ROLES_CLAIM: text(),
  PODIUM_OIDC_SCOPES: text(),
  PODIUM_OIDC_ORGANISATION: text(),
  PODIUM_SOCIAL_POLL_SECONDS: wholeNumber('must be a number of seconds (0 turns the intake off)', 60),
});

/** The names of all variables, as the README's configuration table lists them. */
export const ENV_VARIABLES = Object.keys(EnvSchema.shape) as Array<keyof typeof EnvSchema.shape>;

/** A start refused for bad configuration: the message names every bad variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * @example loadConfig({ PORT: '8080' }).publicUrl // 'http://localhost:8080'
 * @throws ConfigError when a variable has a bad value, e.g. `PORT must be a port number (0 to 65535), not "http".`
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      if (issue.code === 'custom' && issue.params?.whole) return issue.message;
      return `${name} ${issue.message}, not "${env[name]}".`;
    });
    throw new ConfigError(`Podium cannot start with this configuration:\n${lines.map((l) => `  ${l}`).join('\n')}`);
  }
  const v = parsed.data;
  if (v.PODIUM_OIDC_ISSUER && !v.PODIUM_OIDC_CLIENT_ID) {
    throw new ConfigError(
      'Podium cannot start with this configuration:\n  PODIUM_OIDC_CLIENT_ID must be set when PODIUM_OIDC_ISSUER is (the client id the identity provider gave Podium).',
    );
  }
  const publicUrl = (v.PODIUM_PUBLIC_URL ?? `http://localhost:${v.PORT}`).replace(/\/+$/, '');
  return {
    databaseUrl: v.DATABASE_URL,
    databaseParallelWorkers: v.PODIUM_DB_PARALLEL_WORKERS,
    dataDir: resolve(v.PODIUM_DATA_DIR ?? resolve(projectRoot, 'data')),
    port: v.PORT,
    host: v.HOST ?? 'localhost',
    publicUrl,
    seedDemo: v.PODIUM_SEED_DEMO,
    distDir: resolve(v.PODIUM_DIST_DIR ?? resolve(projectRoot, 'dist')),
    rebuildDebounceMs: v.PODIUM_REBUILD_DEBOUNCE_MS,
    rebuildPollMs: v.PODIUM_REBUILD_POLL_MS,
    socialSyncSeconds: v.PODIUM_SOCIAL_SYNC_SECONDS,
    visitFlushSeconds: v.PODIUM_VISIT_FLUSH_SECONDS,
    weeklySummaryMinutes: v.PODIUM_WEEKLY_SUMMARY_MINUTES,
    xBearerToken: v.PODIUM_X_BEARER_TOKEN,
    threadImports: {
      allowPrivateHosts: v.PODIUM_IMPORT_ALLOW_PRIVATE,
      xBearerToken: v.PODIUM_X_BEARER_TOKEN,
      blueskyAppView: v.PODIUM_BLUESKY_APPVIEW,
    },
    trustProxyHops: v.PODIUM_TRUST_PROXY,
    rateLimits: v.PODIUM_RATE_LIMITS,
    retentionPurgeMinutes: v.PODIUM_RETENTION_PURGE_MINUTES,
    powSecret: v.PODIUM_POW_SECRET,
    powMaxNumber: v.PODIUM_POW_MAX_NUMBER,
    smtpUrl: v.PODIUM_SMTP_URL,
    mailFrom: v.PODIUM_MAIL_FROM ?? 'Podium <noreply@localhost>',
    mailSendSeconds: v.PODIUM_MAIL_SEND_SECONDS,
    lateCheckMinutes: v.PODIUM_LATE_CHECK_MINUTES,
    redisUrl: v.PODIUM_REDIS_URL,
    staffPassword: v.PODIUM_STAFF_PASSWORD,
    logFormat: v.PODIUM_LOG_FORMAT,
    metricsToken: v.PODIUM_METRICS_TOKEN,
    secretKey: v.PODIUM_SECRET_KEY,
    socialPostSeconds: v.PODIUM_SOCIAL_POST_SECONDS,
    oidc: v.PODIUM_OIDC_ISSUER
      ? {
          issuer: v.PODIUM_OIDC_ISSUER,
          clientId: v.PODIUM_OIDC_CLIENT_ID!,
          clientSecret: v.PODIUM_OIDC_CLIENT_SECRET,
          name: v.PODIUM_OIDC_NAME,
          rolesClaim: v.PODIUM_OIDC_ROLES_CLAIM ?? 'groups',
          scopes: v.PODIUM_OIDC_SCOPES ?? 'openid email profile',
          organisation: v.PODIUM_OIDC_ORGANISATION,
          publicUrl,
        }
      : undefined,
    socialPollSeconds: v.PODIUM_SOCIAL_POLL_SECONDS,
  };
}
