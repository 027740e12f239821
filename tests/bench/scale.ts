/**
 * `npm run bench:scale`: the pages that grow with the data, at 10 thousand and 100 thousand
 * generated items (and a million with BENCH_SCALE_1M=1), against the targets of issue 18:
 * the queue (first page, a filtered page, a page 10,000 items deep) and open data under
 * 50 ms p95, insights under 500 ms p95. Figures and ratios to read, never an assertion: the
 * machine is shared, so repeat a run before trusting a difference.
 *
 * Where: on a PostgreSQL server when BENCH_DATABASE_URL names one (a scratch database per
 * size is created there and dropped afterwards), else PGlite in memory. BENCH_SCALE_DATABASE
 * measures an existing database as it is (filled with `podium generate`), generating nothing;
 * BENCH_SCALE_ONLY=<start of a label> measures only those figures (e.g. `queue`).
 * Requests go through the whole app in process (routing, session, SQL, rendering), as a
 * logged-in moderator and analyst; no network.
 */
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { createApp } from '../../api/app.ts';
import { openDatabase, type Database } from '../../api/db/client.ts';
import { auditLog, consultations, organisations } from '../../api/db/schema.ts';
import { createStaffUser } from '../../api/services/auth/users.ts';
import { generateItems } from '../../api/services/generate.ts';
import { openDataConsultations } from '../../api/services/insights/open-data.ts';
import { listQueue, OPEN_STATES } from '../../api/services/moderation/index.ts';

const TARGETS = { queue: 50, openData: 50, insights: 500 };
const RUNS = Number(process.env.BENCH_SCALE_RUNS ?? 20);
const serverUrl = process.env.BENCH_DATABASE_URL;
const existing = process.env.BENCH_SCALE_DATABASE;
/** Only the figures whose label starts with this (e.g. `queue`): at 10 million one open-data count takes 10 s. */
const only = process.env.BENCH_SCALE_ONLY;
const sizes = existing
  ? [0]
  : [10_000, 100_000, ...(process.env.BENCH_SCALE_1M === '1' ? [1_000_000] : [])].filter(
      (n) => !process.env.BENCH_SCALE_MAX || n <= Number(process.env.BENCH_SCALE_MAX),
    );
const PASSWORD = 'bench password that is long enough';

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

async function timed(label: string, target: number | null, run: () => unknown): Promise<void> {
  if (only && !label.startsWith(only)) return;
  const first = performance.now();
  const warm = await run();
  const firstMs = performance.now() - first;
  if (warm instanceof Response && warm.status !== 200) throw new Error(`${label}: HTTP ${warm.status}`);
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const response = await run();
    if (response instanceof Response) await response.arrayBuffer();
    runs.push(performance.now() - start);
  }
  runs.sort((a, b) => a - b);
  const p95 = quantile(runs, 0.95);
  console.log(
    `  ${label.padEnd(40)} p50 ${quantile(runs, 0.5).toFixed(1).padStart(7)} ms  p95 ${p95.toFixed(1).padStart(7)} ms` +
      (target === null ? '' : `  ${(p95 / target).toFixed(2).padStart(5)} × the ${target} ms target`) +
      `  (first ${firstMs.toFixed(0)} ms)`,
  );
}

async function openSize(n: number): Promise<{ database: Database; drop: () => Promise<void>; where: string }> {
  if (existing) {
    return { database: await openDatabase({ url: existing }), drop: async () => {}, where: 'existing database' };
  }
  if (!serverUrl) return { database: await openDatabase({ dataDir: 'memory' }), drop: async () => {}, where: 'PGlite' };
  const name = `podium_bench_scale_${n}_${process.pid}`;
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

for (const n of sizes) {
  const { database, drop, where } = await openSize(n);
  try {
    await database.migrate();
    const db = database.db;
    const now = new Date();
    if (n > 0) {
      const started = performance.now();
      await generateItems(db, { items: n, now });
      console.log(
        `\n${n.toLocaleString('en')} items (${where}): generated in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    } else console.log(`\n${existing} (as it is)`);
    const [org] = await db.select({ id: organisations.id }).from(organisations).limit(1);
    const email = `bench-${process.pid}-${n}@demodam.example`;
    await createStaffUser(db, {
      organisationId: org!.id,
      email,
      displayName: 'Bench',
      password: PASSWORD,
      roles: [
        { role: 'moderator', departmentId: null },
        { role: 'analyst', departmentId: null },
        { role: 'administrator', departmentId: null },
      ],
    });
    const app = createApp({
      db,
      databaseKind: database.kind,
      now: () => now,
      rateLimits: { submit: null, follow_up: null, rights: null, login: null, email_link: null },
    });
    const login = await app.request('/beheer/inloggen', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost' },
      body: new URLSearchParams({ email, password: PASSWORD }).toString(),
    });
    if (login.status !== 303) throw new Error(`log-in failed: ${login.status}`);
    const cookie = (login.headers.get('Set-Cookie') ?? '').split(';')[0]!;
    const get = (path: string) => app.request(path, { headers: { Cookie: cookie, 'Accept-Encoding': 'gzip' } });

    const [consultation] = await db
      .select({ slug: consultations.slug })
      .from(consultations)
      .where(eq(consultations.organisationId, org!.id))
      .orderBy(consultations.slug)
      .limit(1);
    const viewer = { organisationId: org!.id, roles: [{ role: 'moderator' as const, departmentId: null }] };
    const deep = await listQueue(db, viewer, { states: OPEN_STATES, now, limit: 10_000 });
    const open = deep.length;
    const cursor = deep.length === 10_000 ? deep[deep.length - 1]!.cursor : undefined;

    await timed('queue, first page', TARGETS.queue, () => get('/beheer/'));
    await timed('queue, filter channel widget', TARGETS.queue, () => get('/beheer/?channel=widget'));
    await timed(`queue, filter consultation`, TARGETS.queue, () => get(`/beheer/?consultation=${consultation!.slug}`));
    await timed('queue, filter status published', TARGETS.queue, () => get('/beheer/?status=published'));
    if (cursor) {
      await timed('queue, 10,000 items deep', TARGETS.queue, () => get(`/beheer/?na=${cursor.micros}.${cursor.id}`));
    } else console.log(`  queue, 10,000 items deep: only ${open} open items`);
    await timed('queue, overdue view', TARGETS.queue, () => get('/beheer/te-laat'));
    // A word in a tenth of the generated texts, and one in none of them.
    await timed('queue, search a common word', TARGETS.queue, () => get('/beheer/?q=fietspad'));
    await timed('queue, search a word nobody used', TARGETS.queue, () => get('/beheer/?q=zeppelinhaven'));
    await timed('open data, all consultations', TARGETS.openData, () => get('/api/open-data/consultations'));
    await timed('open data, one consultation', TARGETS.openData, () =>
      get(`/api/open-data/consultations/${consultation!.slug}`),
    );
    await timed('open data counted without the cache', null, () => openDataConsultations(db));
    await timed('insights, 12 weeks', TARGETS.insights, () => get('/beheer/inzichten/'));
    // The longest period staff ask for: every item that needs an answer in two years.
    const twoYearsAgo = new Date(now.getTime() - 730 * 86_400_000).toISOString().slice(0, 10);
    await timed('insights, two years', TARGETS.insights, () =>
      get(`/beheer/inzichten/?from=${twoYearsAgo}&to=${now.toISOString().slice(0, 10)}`),
    );
    // The audit log grows with every resident's input (about 2.3 entries per generated item).
    const yearAgo = new Date(now.getTime() - 365 * 86_400_000).toISOString().slice(0, 10);
    await timed('audit log, first page', TARGETS.queue, () => get('/beheer/audit/'));
    await timed('audit log, page 200', TARGETS.queue, () => get('/beheer/audit/?page=200'));
    await timed('audit log, filter action', TARGETS.queue, () => get('/beheer/audit/?action=submission.answered'));
    await timed('audit log, filter one day a year ago', TARGETS.queue, () =>
      get(`/beheer/audit/?from=${yearAgo}&to=${yearAgo}`),
    );
    await timed('audit log, a rare action', TARGETS.queue, () => get('/beheer/audit/?action=organisation'));
    // The member of staff with the most entries (the generator's moderator decided every item).
    const [busiest] = await db
      .select({ id: auditLog.actorId })
      .from(auditLog)
      .where(eq(auditLog.action, 'submission.decision'))
      .limit(1);
    if (busiest?.id) {
      await timed('audit log, one member of staff', TARGETS.queue, () => get(`/beheer/audit/?actor=${busiest.id}`));
    }
  } finally {
    await database.close();
    await drop();
  }
}
