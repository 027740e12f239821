/**
 * `npm run bench:insights`: how long the insights take at 10 thousand and 100 thousand
 * generated items (`podium generate`, api/services/generate.ts), and a million with
 * BENCH_INSIGHTS_1M=1 (meant for a PostgreSQL server), against the target of issue 18
 * (p95 < 500 ms at a million items) and beside the figures measured before the aggregates
 * moved into SQL. Figures to read, never an assertion: the machine is shared, so repeat a run
 * before trusting a difference.
 *
 * Where: on a PostgreSQL server when BENCH_DATABASE_URL names one (a scratch database per size
 * is created there and dropped afterwards), else PGlite in memory. BENCH_INSIGHTS_RUNS sets
 * the number of timed runs (default 10), BENCH_INSIGHTS_SIZES a comma-separated list of sizes.
 */
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { openDatabase, type Database } from '../../api/db/client.ts';
import { organisations } from '../../api/db/schema.ts';
import { generateItems } from '../../api/services/generate.ts';
import { computeInsights } from '../../api/services/insights/index.ts';
import { openDataConsultations } from '../../api/services/insights/open-data.ts';
import { addDays, amsterdamDate, mondayOf } from '../../api/services/insights/weeks.ts';
import { figureCsv, figureTable, renderInsightsPage } from '../../api/staff/insights/view.ts';

const TARGET_MS = 500;
const RUNS = Number(process.env.BENCH_INSIGHTS_RUNS ?? 10);
const serverUrl = process.env.BENCH_DATABASE_URL;
const sizes = process.env.BENCH_INSIGHTS_SIZES
  ? process.env.BENCH_INSIGHTS_SIZES.split(',').map(Number)
  : [10_000, 100_000, ...(process.env.BENCH_INSIGHTS_1M === '1' ? [1_000_000] : [])];

/**
 * p95 of computeInsights over twelve weeks before this change (every item loaded into Node and
 * counted in JS), measured with this script at commit b9dd388 on this machine kind (2 shared
 * cores) on 2026-12-05 at a quiet moment (load average about 5), 3 runs; under the usual load
 * (about 25) the same code took 3.4 s and 24.9 s on PGlite, 4.8 s and 15.7 s on PostgreSQL.
 * The million on PostgreSQL: 2 runs (the performance review had 10.2 s on other data).
 */
const BEFORE: Record<string, Record<number, number>> = {
  PGlite: { 10_000: 260, 100_000: 1512 },
  PostgreSQL: { 10_000: 411, 100_000: 1729, 1_000_000: 13_652 },
};

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

async function timed(label: string, run: () => unknown, before?: number): Promise<void> {
  const first = performance.now();
  await run();
  const firstMs = performance.now() - first;
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    runs.push(performance.now() - start);
  }
  runs.sort((a, b) => a - b);
  const p95 = quantile(runs, 0.95);
  const beside = before === undefined ? '' : before > 0 ? `  before ${before.toFixed(0).padStart(6)} ms` : '';
  console.log(
    `  ${label.padEnd(38)} p50 ${quantile(runs, 0.5).toFixed(0).padStart(6)} ms  p95 ${p95.toFixed(0).padStart(6)} ms` +
      (before === undefined ? '' : `  ${(p95 / TARGET_MS).toFixed(2).padStart(5)} × the ${TARGET_MS} ms target`) +
      `${beside}  (first ${firstMs.toFixed(0)} ms)`,
  );
}

async function openSize(n: number): Promise<{ database: Database; drop: () => Promise<void>; where: string }> {
  if (!serverUrl) return { database: await openDatabase({ dataDir: 'memory' }), drop: async () => {}, where: 'PGlite' };
  const name = `podium_bench_insights_${n}_${process.pid}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    database: await openDatabase({ url: url.toString() }),
    where: 'PostgreSQL',
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
    const now = new Date('2026-11-27T10:00:00Z');
    const started = performance.now();
    await generateItems(db, { items: n, now });
    console.log(
      `\n${n.toLocaleString('en')} generated items over two years (${where}): generated in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const [org] = await db.select({ id: organisations.id }).from(organisations).limit(1);
    const organisationId = org!.id;
    const today = amsterdamDate(now);
    const twelveWeeks = { from: mondayOf(addDays(today, -77)), to: today };
    const twoYears = { from: addDays(today, -730), to: today };
    const insights = await computeInsights(db, organisationId, twelveWeeks, now);
    console.log(`  twelve weeks hold ${insights.items.toLocaleString('en')} items`);
    await timed(
      'insights, twelve weeks',
      () => computeInsights(db, organisationId, twelveWeeks, now),
      BEFORE[where]?.[n],
    );
    await timed('insights, twelve weeks, channel social', () =>
      computeInsights(db, organisationId, { ...twelveWeeks, channel: 'social' }, now),
    );
    await timed('insights, two years', () => computeInsights(db, organisationId, twoYears, now));
    await timed('render the page (8 figures)', () =>
      renderInsightsPage({
        lang: 'nl',
        session: { displayName: 'Bench', csrfToken: '-', expiresAt: now },
        raw: {},
        filterOptions: { topics: [], consultations: [] },
        result: { insights },
        queueLinks: true,
      }),
    );
    await timed('CSV of sentiment per week', () => figureCsv(figureTable(insights, 'sentiment-week', 'nl')));
    await timed('open data counted (no cache)', () => openDataConsultations(db));
  } finally {
    await database.close();
    await drop();
  }
}
