/** A migrated, seeded database and the app on top of it, for API tests. */
import { createApp, type AppOptions } from '../../api/app.ts';
import type { Database } from '../../api/db/client.ts';
import { seedDemoData } from '../../api/services/seed.ts';
import type { RateLimitRules } from '../../api/services/rate-limit.ts';
import type { PostingSettings } from '../../api/services/social/accounts.ts';
import type { ImportSettings } from '../../api/services/social/thread-admin.ts';
import type { DatabaseTarget } from './databases.ts';
import type { OidcProvider } from '../../api/services/auth/oidc.ts';
import type { VisitCounter } from '../../api/services/reach/counter.ts';

const NO_RATE_LIMITS: RateLimitRules = { submit: null, follow_up: null, rights: null, login: null, email_link: null };

/** The tests' clock: the demo consultation is open at this moment. */
export const NOW = new Date('2026-11-27T10:00:00Z');

export async function openTestApp(
  target: DatabaseTarget,
  options: {
    siteDir?: string;
    now?: () => Date;
    publicUrl?: string;
    rateLimits?: RateLimitRules;
    trustProxyHops?: number;
    threadImports?: () => ImportSettings;
    /** Logs and metrics, made from the test's database. */
    observability?: (db: Database['db']) => AppOptions['observability'];
    socialPosting?: () => PostingSettings;
    oidc?: OidcProvider;
    /** Counts visits (api/services/reach/counter.ts), made from the test's database. */
    visits?: (db: Database['db']) => VisitCounter;
  } = {},
) {
  const database: Database = await target.open();
  await database.migrate();
  await seedDemoData(database.db, NOW);
  const app = createApp({
    db: database.db,
    databaseKind: database.kind,
    now: options.now ?? (() => NOW),
    ...(options.siteDir ? { siteDir: () => options.siteDir! } : {}),
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    ...(options.trustProxyHops ? { trustProxyHops: options.trustProxyHops } : {}),
    ...(options.threadImports ? { threadImports: options.threadImports } : {}),
    ...(options.observability ? { observability: options.observability(database.db) } : {}),
    ...(options.socialPosting ? { socialPosting: options.socialPosting } : {}),
    ...(options.oidc ? { oidc: options.oidc } : {}),
    ...(options.visits ? { visits: options.visits(database.db) } : {}),
    // Tests about other things send more than a resident would; tests/api/rate-limits.test.ts tests the limits.
    rateLimits: options.rateLimits ?? NO_RATE_LIMITS,
  });
  return { app, database, db: database.db, close: () => database.close() };
}

export type TestApp = Awaited<ReturnType<typeof openTestApp>>;

/** A valid answer set for the demo consultation `fietsroute-stationsstraat`. */
export const validAnswers = {
  route: 'parklaan',
  veiligheid: 2,
  voorzieningen: ['verlichting', 'bomen'],
  toelichting: 'Graag een veilige route langs het park.',
};

export function postJson(app: TestApp['app'], path: string, body: unknown, headers: Record<string, string> = {}) {
  return app.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export function postForm(
  app: TestApp['app'],
  path: string,
  fields: Array<[string, string]>,
  headers: Record<string, string> = {},
) {
  return app.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}
