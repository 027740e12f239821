/**
 * Starting Podium: open and migrate the database, seed the demo on an empty one, write
 * the snapshot, build what is out of date, and serve API, portal and widgets on one port.
 */
import { serve, type ServerType } from '@hono/node-server';
import { createApp, OPENAPI_DOCUMENT } from './app.ts';
import { createOidcProvider } from './services/auth/oidc.ts';
import { mailTransportFor } from './services/mail.ts';
import { redisRateLimitStore } from './services/rate-limit-stores.ts';
import {
  ensureSiteBuilt,
  ensureWidgetsBuilt,
  openApiPath,
  type SiteBuildReport,
  sitePath,
  snapshotPath,
  widgetsPath,
} from './build/builds.ts';
import { createSiteRebuilder } from './build/site-rebuilder.ts';
import { withBuilderLease } from './build/builder-lease.ts';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { isNewDataDir, prepareDataDirApart } from './db/prepare-data-dir.ts';
import { organisations } from './db/schema.ts';
import { buildPublishedSnapshot, writeSnapshotFile } from './services/published-content.ts';
import { fillMissingClocks } from './services/office-hours/due-times.ts';
import { seedDemoData } from './services/seed.ts';
import { createFirstAdministrator } from './services/auth/first-login.ts';
import { isOperatorJob, runOperatorJob } from './cli/operator-jobs.ts';
import { DEFAULT_POW_SETTINGS } from './services/proof-of-work.ts';
import { startThreadSyncLoop } from './services/social/scheduler.ts';
import { startAdminSocket } from './services/social/admin-socket.ts';
import { startRetentionLoop } from './services/retention.ts';
import { startDayCountsFolding } from './services/day-counts.ts';
import { startMailSender } from './services/notifications/outbox.ts';
import { startPostingLoop } from './services/social/posting.ts';
import { startAnnouncementLoop } from './services/announcements/outbox.ts';
import { startIntakeLoop } from './services/social/intake.ts';
import { startNearlyLateLoop } from './services/notifications/nearly-late.ts';
import { startBackgroundLoop } from './services/background-loop.ts';
import { createVisitCounter } from './services/reach/counter.ts';
import { startWeeklySummaryLoop } from './staff/insights/weekly-summary.ts';
import { describeError } from './lib/log-error.ts';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { observe } from './observability/events.ts';
import { batchedLines, createLogger, type Logger } from './observability/log.ts';
import { createMetrics } from './observability/metrics.ts';

export type Log = (message: string) => void;

export async function openConfiguredDatabase(config: Config): Promise<Database> {
  return openDatabase(
    config.databaseUrl
      ? { url: config.databaseUrl, parallelWorkers: config.databaseParallelWorkers }
      : { dataDir: config.dataDir },
  );
}

/**
 * Seeds the demo municipality when the database holds no organisation yet; without the demo,
 * says how to make the organisation, since nothing works until there is one.
 */
export async function seedIfEmpty(database: Database, config: Config, log: Log): Promise<void> {
  const [any] = await database.db.select({ id: organisations.id }).from(organisations).limit(1);
  if (any) return;
  if (!config.seedDemo) {
    log('There is no organisation yet. Make it with: npx podium setup --name "Gemeente …" --slug … --admin-email …');
    return;
  }
  await seedDemoData(database.db);
  log('Seeded the demo municipality (Gemeente Demodam).');
  const [organisation] = await database.db.select({ id: organisations.id }).from(organisations).limit(1);
  const first = organisation && (await createFirstAdministrator(database.db, organisation.id));
  if (first) {
    log(`Log in to the workbench at ${config.publicUrl}/beheer/ as ${first.email} with the password ${first.password}`);
    log('  This password is shown only now. Invite colleagues at /beheer/collegas.');
  }
}

/** Writes what the static build reads: the published snapshot and the OpenAPI document. */
export async function writeBuildInputs(database: Database, config: Config): Promise<void> {
  await mkdir(config.distDir, { recursive: true });
  await writeSnapshotFile(snapshotPath(config.distDir), await buildPublishedSnapshot(database.db, new Date()));
  const app = createApp({ db: database.db, databaseKind: database.kind });
  const document = app.getOpenAPI31Document(OPENAPI_DOCUMENT);
  // Written aside and renamed: another process's build may be reading it.
  const temporary = `${openApiPath(config.distDir)}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(document, null, 2)}\n`);
  await rename(temporary, openApiPath(config.distDir));
}

/**
 * Writes the build inputs and builds what is out of date, holding the deployment's builder
 * lease (build/builder-lease.ts); at start-up a process waits for a build another one is making.
 */
export async function buildAll(database: Database, config: Config, log: Log, force = false): Promise<void> {
  await withBuilderLease(
    database.db,
    database.kind,
    async () => {
      await writeBuildInputs(database, config);
      await ensureWidgetsBuilt(config.distDir, { force, log });
      await ensureSiteBuilt(config.distDir, { force, log, publicUrl: config.publicUrl, report: logBuild(log) });
    },
    { waitMs: 30 * 60_000, onWait: () => log('Another server builds the portal; waiting for it…') },
  );
}

/** One line per portal build: its time and the build process's peak memory. */
const logBuild = (log: Log) => (report: SiteBuildReport) =>
  log(
    `Built the portal in ${(report.ms / 1000).toFixed(1)} s` +
      (report.peakRssBytes ? `, build process peak ${Math.round(report.peakRssBytes / 2 ** 20)} MB RSS.` : '.'),
  );

/**
 * Logs and metrics for a running server: requests and background jobs get a log line each
 * when the log is structured (JSON), and metrics are kept when a scraper may read them.
 */
export function observeServer(database: Pick<Database, 'db'>, config: Pick<Config, 'metricsToken'>, log: Log) {
  const logger = 'record' in log ? (log as Logger) : undefined;
  const metrics = config.metricsToken ? createMetrics(database.db) : undefined;
  // Routine lines (every job pass and build) only in the structured log; a warning in either.
  const stopLogging = logger
    ? observe({
        ...(logger.format === 'json' && {
          job: ({ job, ms, ok }) => logger.record(ok ? 'info' : 'error', 'job', { job, ok, ms: Math.round(ms) }),
          build: ({ ms, ok }) => logger.record(ok ? 'info' : 'error', 'portal build', { ok, ms: Math.round(ms) }),
        }),
        rollUpMismatch: ({ rollUp }) => logger.record('warn', 'roll-up mismatch, counted from the items', { rollUp }),
      })
    : () => {};
  return {
    log: logger,
    metrics,
    metricsToken: config.metricsToken,
    close() {
      stopLogging();
      metrics?.close();
    },
  };
}

export async function start(
  config: Config,
  log: Log = createLogger(config.logFormat, batchedLines(process.stdout)),
): Promise<{ server: ServerType; stop(): Promise<void> }> {
  if (!config.databaseUrl && isNewDataDir(config.dataDir)) await prepareDataDirApart(config.dataDir);
  const database = await openConfiguredDatabase(config);
  try {
    await database.migrate(() => seedIfEmpty(database, config, log));
    // Rows from before the stored response clock get their due times once (cheap when none lack one).
    const clocks = await fillMissingClocks(database.db);
    if (clocks > 0) log(`Set the response due time of ${clocks} items stored before it was kept.`);
    await buildAll(database, config, log);
  } catch (error) {
    await database.close();
    throw error;
  }

  const mail = mailTransportFor(config, log);
  const rateLimitStore = config.redisUrl ? redisRateLimitStore(config.redisUrl, { log }) : undefined;
  if (rateLimitStore) log('Rate limits are counted in Redis.');
  const observability = observeServer(database, config, log);
  const visits = config.visitFlushSeconds > 0 ? createVisitCounter(database.db) : undefined;
  const app = createApp({
    db: database.db,
    databaseKind: database.kind,
    observability,
    siteDir: () => sitePath(config.distDir),
    widgetsDir: widgetsPath(config.distDir),
    publicUrl: config.publicUrl,
    rateLimits: config.rateLimits,
    trustProxyHops: config.trustProxyHops,
    powSecret: config.powSecret,
    powSettings: { ...DEFAULT_POW_SETTINGS, maxNumber: config.powMaxNumber },
    threadImports: () => config.threadImports,
    socialPosting: () => ({ secretKey: config.secretKey, allowPrivateHosts: config.threadImports.allowPrivateHosts }),
    ...(rateLimitStore ? { rateLimitStore } : {}),
    ...(config.oidc ? { oidc: createOidcProvider(config.oidc, { log }) } : {}),
    ...(visits ? { visits } : {}),
  });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
  });
  const rebuilder = await createSiteRebuilder({
    db: database.db,
    debounceMs: config.rebuildDebounceMs,
    pollMs: config.rebuildPollMs,
    log,
    rebuild: async () => {
      const lease = await withBuilderLease(database.db, database.kind, async () => {
        await writeBuildInputs(database, config);
        if (await ensureSiteBuilt(config.distDir, { log, publicUrl: config.publicUrl, report: logBuild(log) }))
          log('The portal is up to date.');
      });
      return lease.built ? undefined : 'busy';
    },
  });
  rebuilder.start();

  const where = database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL server';
  log(`Podium runs on ${where}.`);
  log(`  Portal:   ${config.publicUrl}/`);
  log(`  English:  ${config.publicUrl}/en/`);
  log(`  API:      ${config.publicUrl}/api/openapi.json`);
  log(`  Widgets:  ${config.publicUrl}/embed/`);
  log(`  Staff:    ${config.publicUrl}/beheer/`);
  const stopThreadSync =
    config.socialSyncSeconds > 0
      ? startThreadSyncLoop(database.db, {
          everyMs: config.socialSyncSeconds * 1000,
          xBearerToken: config.xBearerToken,
          log,
        })
      : async () => {};
  // Erasures by the purge bump the content revision; the rebuilder above picks that up.
  const stopRetention =
    config.retentionPurgeMinutes > 0
      ? startRetentionLoop(database.db, { everyMs: config.retentionPurgeMinutes * 60_000, log })
      : async () => {};

  // The day roll-up's changes folded into one row per key: every process offers, one folds.
  const stopDayCountsFolding = startDayCountsFolding(database.db, { log });

  // Mail leaves through the outbox table: every process sends, each message is claimed by one.
  const stopMailSender =
    config.mailSendSeconds > 0
      ? startMailSender(database.db, mail, { everyMs: config.mailSendSeconds * 1000, log })
      : async () => {};
  // Answers on their way to Mastodon and Bluesky: every process posts, each answer is claimed by one.
  const stopPoster =
    config.socialPostSeconds > 0
      ? startPostingLoop(
          database.db,
          () => ({
            secretKey: config.secretKey,
            allowPrivateHosts: config.threadImports.allowPrivateHosts,
            blueskyAppView: config.threadImports.blueskyAppView,
          }),
          { everyMs: config.socialPostSeconds * 1000, log },
        )
      : async () => {};
  // Announcements: published on the portal at their moment, and posted to each chosen account.
  const stopAnnouncements =
    config.socialPostSeconds > 0
      ? startAnnouncementLoop(
          database.db,
          () => ({
            secretKey: config.secretKey,
            allowPrivateHosts: config.threadImports.allowPrivateHosts,
            publicUrl: config.publicUrl,
          }),
          { everyMs: config.socialPostSeconds * 1000, log },
        )
      : async () => {};
  // Mentions and replies from the connected accounts' notifications: one process per pass.
  const stopIntake =
    config.socialPollSeconds > 0
      ? startIntakeLoop(
          database.db,
          () => ({
            posting: { secretKey: config.secretKey, allowPrivateHosts: config.threadImports.allowPrivateHosts },
            imports: config.threadImports,
          }),
          { everyMs: config.socialPollSeconds * 1000, log },
        )
      : async () => {};
  const stopLateCheck =
    config.lateCheckMinutes > 0
      ? startNearlyLateLoop(database.db, { everyMs: config.lateCheckMinutes * 60_000, log })
      : async () => {};

  // The embedded database admits only this process: `npx podium import` hands its job over here.
  const adminSocket =
    database.kind === 'pglite'
      ? await startAdminSocket(config.dataDir, database.db, {
          settings: () => config.threadImports,
          log,
          operator: { isJob: isOperatorJob, run: (job) => runOperatorJob(database.db, job) },
        }).catch((error: unknown) => {
          // E.g. a data directory path longer than a Unix socket address allows: serve anyway.
          log(`The local import socket did not start (${error instanceof Error ? error.message : error}).`);
          return undefined;
        })
      : undefined;

  // Every process checks; one per deployment queues the mails (job lease), once per person and week.
  const stopWeeklySummary =
    config.weeklySummaryMinutes > 0
      ? startWeeklySummaryLoop(database.db, { everyMs: config.weeklySummaryMinutes * 60_000, log })
      : async () => {};
  // Every process counts its own visits and adds them to the shared rows (additive upserts).
  const stopVisitFlush = visits
    ? startBackgroundLoop(
        'visits.flush',
        async () => {
          await visits.flush().catch((error: unknown) => {
            log(`Counted visits could not be written yet (${describeError(error)}); they are kept for the next try.`);
            throw error;
          });
        },
        config.visitFlushSeconds * 1000,
      )
    : async () => {};

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await adminSocket?.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stopVisitFlush();
      // What this process counted since the last flush, written before the database closes.
      await visits?.flush().catch(() => undefined);
      await rebuilder.stop();
      await stopThreadSync();
      await stopRetention();
      await stopDayCountsFolding();
      await stopMailSender();
      await stopPoster();
      await stopAnnouncements();
      await stopIntake();
      await stopLateCheck();
      await stopWeeklySummary();
      await rateLimitStore?.close?.();
      observability.close();
      await database.close();
    })());
  return { server, stop };
}
