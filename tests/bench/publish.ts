/**
 * `npm run bench:publish`: what a publication costs the portal, at 10 thousand and 100
 * thousand generated items (and a million with BENCH_PUBLISH_1M=1), against the targets of
 * issue 18: publish → visible under 5 s, build peak memory under 512 MB at any size.
 * Figures and ratios to read, never an assertion: the machine is shared.
 *
 * Per size: the snapshot the build reads (time, bytes: it must not grow with the items),
 * one full portal build in its child process (time, the child's peak RSS), and five
 * publications by a moderator (the moderation service, as the staff form calls it), each
 * timed until the input is on the consultation's page and its responses page as the app
 * serves them (in process, polled every 20 ms). The served lists are also timed on their
 * own: the consultation page, responses page 1 and a page deep in the list.
 *
 * Where: on a PostgreSQL server when BENCH_DATABASE_URL names one (a scratch database per
 * size, dropped afterwards), else PGlite in memory. BENCH_PUBLISH_BUILD=0 skips the builds.
 * BENCH_PUBLISH_DATABASE=<url> measures a database filled before instead (10 million items
 * take an hour to generate), publishing on its largest consultation.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { createApp, OPENAPI_DOCUMENT } from '../../api/app.ts';
import { ensureSiteBuilt, openApiPath, sitePath, snapshotPath, type SiteBuildReport } from '../../api/build/builds.ts';
import { openDatabase, type Database } from '../../api/db/client.ts';
import { consultations, organisations, staffUsers, submissionDayCounts, submissions } from '../../api/db/schema.ts';
import { createStaffUser } from '../../api/services/auth/users.ts';
import { generateItems } from '../../api/services/generate.ts';
import { decide } from '../../api/services/moderation/index.ts';
import { buildPublishedSnapshot, writeSnapshotFile } from '../../api/services/published-content.ts';
import { routes } from '../../shared/urls.ts';

const TARGETS = { visibleMs: 5_000, buildRssBytes: 512 * 2 ** 20 };
const PUBLICATIONS = 5;
const serverUrl = process.env.BENCH_DATABASE_URL;
const build = process.env.BENCH_PUBLISH_BUILD !== '0';
const sizes = [10_000, 100_000, ...(process.env.BENCH_PUBLISH_1M === '1' ? [1_000_000] : [])].filter(
  (n) => !process.env.BENCH_PUBLISH_MAX || n <= Number(process.env.BENCH_PUBLISH_MAX),
);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

async function openSize(n: number): Promise<{ database: Database; drop: () => Promise<void>; where: string }> {
  if (!serverUrl) return { database: await openDatabase({ dataDir: 'memory' }), drop: async () => {}, where: 'PGlite' };
  const name = `podium_bench_publish_${n}_${process.pid}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    database: await openDatabase({ url: url.toString() }),
    where: 'PostgreSQL server',
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

async function timeRequests(app: ReturnType<typeof createApp>, label: string, path: string, runs = 20) {
  const times: number[] = [];
  let status = 0;
  for (let i = 0; i < runs + 1; i++) {
    const started = performance.now();
    const response = await app.request(path);
    await response.arrayBuffer();
    status = response.status;
    if (i > 0) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(
    `  ${label.padEnd(36)} p50 ${median(times).toFixed(1).padStart(6)} ms  p95 ${times[Math.ceil(0.95 * times.length) - 1]!.toFixed(1).padStart(6)} ms  (HTTP ${status})`,
  );
}

/**
 * The snapshot, a build, five publications and the served lists on one database; `slug` is the
 * consultation the moderator publishes on.
 */
async function measure(database: Database, distDir: string, slug: string, now: Date) {
  const { db } = database;
  const started = performance.now();
  const snapshot = await buildPublishedSnapshot(db, now);
  const snapshotMs = performance.now() - started;
  await writeSnapshotFile(snapshotPath(distDir), snapshot);
  const bytes = Buffer.byteLength(JSON.stringify(snapshot, null, 2));
  console.log(
    `  snapshot: ${(bytes / 1024).toFixed(1)} KB in ${snapshotMs.toFixed(0)} ms (${snapshot.consultations.length} consultations, ${snapshot.threads.length} mirrored threads, their posts served)`,
  );
  const app = createApp({ db, databaseKind: database.kind, siteDir: () => sitePath(distDir) });
  await writeFile(openApiPath(distDir), JSON.stringify(app.getOpenAPI31Document(OPENAPI_DOCUMENT)));
  if (build) {
    let report: SiteBuildReport | undefined;
    await ensureSiteBuilt(distDir, { force: true, previousBuildGraceMs: 0, report: (r) => (report = r) });
    if (report) {
      const rss = report.peakRssBytes;
      console.log(
        `  portal build (child process): ${(report.ms / 1000).toFixed(1)} s, peak RSS ${rss ? mb(rss) : 'unknown'}` +
          (rss ? `  ${(rss / TARGETS.buildRssBytes).toFixed(2)} × the 512 MB target` : ''),
      );
    }
  }

  // A moderator publishes waiting input on the largest generated consultation.
  const [org] = await db.select({ id: organisations.id }).from(organisations).limit(1);
  const email = `bench-publish-${process.pid}-${Date.now()}@demodam.example`;
  await createStaffUser(db, {
    organisationId: org!.id,
    email,
    displayName: 'Bench',
    password: 'bench password that is long enough',
    roles: [{ role: 'moderator', departmentId: null }],
  });
  const [moderator] = await db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.email, email));
  const actor = {
    id: moderator!.id,
    organisationId: org!.id,
    roles: [{ role: 'moderator' as const, departmentId: null }],
  };
  const waiting = await db
    .select({ id: submissions.id })
    .from(submissions)
    .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
    .where(and(eq(consultations.slug, slug), inArray(submissions.reviewState, ['new', 'in_review'])))
    .orderBy(asc(submissions.createdAt))
    .limit(PUBLICATIONS);
  const latencies: number[] = [];
  for (const { id } of waiting) {
    // The generator publishes some items up to weeks after `now`: the decision is dated after
    // the newest, so the input belongs at the top of the list (the clock measured is the wall's).
    const [newest] = await db
      .select({ at: sql<string | Date | null>`max(${submissions.publishedAt})` })
      .from(submissions)
      .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
      .where(eq(consultations.slug, slug));
    const at = new Date(Math.max(Date.now(), newest?.at ? new Date(newest.at).getTime() + 1_000 : 0));
    const publishStarted = performance.now();
    const result = await decide(db, { itemId: id, decision: 'publish', actor, now: at });
    if (result.kind !== 'decided') throw new Error(`publishing failed: ${result.kind}`);
    // Without a build the consultation page has no shell (the static files answer 404).
    const pages = [...(build ? [routes.consultation('nl', slug)] : []), routes.responses('nl', slug)];
    for (;;) {
      const bodies = await Promise.all(pages.map(async (path) => (await app.request(path)).text()));
      if (bodies.every((body) => body.includes(`submission-${id}`))) break;
      if (performance.now() - publishStarted > 60_000) throw new Error('not visible after a minute');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    latencies.push(performance.now() - publishStarted);
  }
  const visible = median(latencies);
  console.log(
    `  publish → visible (consultation page and responses page, ${latencies.length} publications): median ${visible.toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms  ${(visible / TARGETS.visibleMs).toFixed(3)} × the 5 s target`,
  );

  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(submissions)
    .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
    .where(and(eq(consultations.slug, slug), sql`${submissions.status} in ('published', 'answered')`));
  const lastPage = Math.max(1, Math.ceil(count!.n / 10));
  if (build) await timeRequests(app, 'consultation page (served lists)', routes.consultation('nl', slug));
  await timeRequests(app, 'responses, page 1', routes.responses('nl', slug));
  await timeRequests(app, `responses, page ${lastPage} (the last)`, routes.responses('nl', slug, lastPage));
  if (build) await timeRequests(app, 'home (recently answered)', routes.home('nl'));
}

/** The consultation with the most input: where a large municipality's moderators publish. */
async function largestConsultation(db: Database['db']): Promise<string> {
  const [row] = await db
    .select({ slug: consultations.slug })
    .from(consultations)
    .innerJoin(submissionDayCounts, eq(submissionDayCounts.consultationId, consultations.id))
    .groupBy(consultations.slug)
    .orderBy(desc(sql`sum(${submissionDayCounts.n})`))
    .limit(1);
  if (!row) throw new Error('no input in that database: fill it with `podium generate` first');
  return row.slug;
}

const existing = process.env.BENCH_PUBLISH_DATABASE;
if (existing) {
  // A database filled before (e.g. 10 million items by `podium generate`): measured as it is,
  // apart from the five inputs the moderator publishes and the bench's staff account.
  const database = await openDatabase({ url: existing });
  const distDir = await mkdtemp(join(tmpdir(), 'podium-bench-publish-'));
  try {
    await database.migrate();
    const [items] = await database.db
      .select({ n: sql<number>`sum(${submissionDayCounts.n})::int` })
      .from(submissionDayCounts);
    console.log(
      `\n${(items?.n ?? 0).toLocaleString('en')} items in ${new URL(existing).pathname.slice(1)} (PostgreSQL server)`,
    );
    await measure(database, distDir, await largestConsultation(database.db), new Date());
  } finally {
    await database.close();
    await rm(distDir, { recursive: true, force: true });
  }
}

for (const n of existing ? [] : sizes) {
  const { database, drop, where } = await openSize(n);
  const distDir = await mkdtemp(join(tmpdir(), 'podium-bench-publish-'));
  try {
    const { db } = database;
    await database.migrate();
    const now = new Date();
    const started = performance.now();
    const generated = await generateItems(db, { items: n, now });
    const [published] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(submissions)
      .where(sql`${submissions.status} in ('published', 'answered')`);
    console.log(
      `\n${n.toLocaleString('en')} items, ${published!.n.toLocaleString('en')} published (${where}): generated in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    await measure(database, distDir, generated.consultations[0]!, now);
  } finally {
    await database.close();
    await drop();
    await rm(distDir, { recursive: true, force: true });
  }
}
