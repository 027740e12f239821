/**
 * `npm run bench:visits`: what counting visits costs a request (figures, not assertions).
 *
 * - the counter alone: one page visit counted in memory (a Map increment), in ns;
 * - a portal page served with and without counting, in process on PGlite (the difference is
 *   the middleware's cost per request);
 * - one flush of many distinct rows (what a busy process writes each interval).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../api/app.ts';
import { openDatabase } from '../../api/db/client.ts';
import { createVisitCounter } from '../../api/services/reach/counter.ts';
import { seedDemoData } from '../../api/services/seed.ts';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36';
const work = mkdtempSync(join(tmpdir(), 'podium-bench-visits-'));
const site = join(work, 'site');
mkdirSync(join(site, 'consultaties', 'fietsroute-stationsstraat'), { recursive: true });
writeFileSync(
  join(site, 'consultaties', 'fietsroute-stationsstraat', 'index.html'),
  `<!doctype html>${'<p>x</p>'.repeat(500)}`,
);

const database = await openDatabase({ dataDir: 'memory' });
await database.migrate();
await seedDemoData(database.db, new Date());

const counter = createVisitCounter(database.db);
const at = new Date();
const ops = 1_000_000;
let started = performance.now();
for (let i = 0; i < ops; i++) counter.page('/consultaties/fietsroute-stationsstraat/', 'page', at);
const perOp = ((performance.now() - started) * 1e6) / ops;
console.log(`Visit counting\n  counter.page in memory: ${perOp.toFixed(0)} ns per visit (${ops} visits)`);
await counter.flush();

async function perRequest(withCounting: boolean): Promise<number> {
  const app = createApp({
    db: database.db,
    databaseKind: database.kind,
    siteDir: () => site,
    ...(withCounting ? { visits: counter } : {}),
  });
  const request = () => app.request('/consultaties/fietsroute-stationsstraat/', { headers: { 'User-Agent': BROWSER } });
  for (let i = 0; i < 200; i++) await (await request()).arrayBuffer();
  const n = 3000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await (await request()).arrayBuffer();
  return ((performance.now() - t0) * 1000) / n;
}
// Alternate, so a warming machine does not favour one side.
const without: number[] = [];
const withIt: number[] = [];
for (let round = 0; round < 3; round++) {
  without.push(await perRequest(false));
  withIt.push(await perRequest(true));
}
const best = (xs: number[]) => Math.min(...xs);
console.log(`  a portal page without counting: ${best(without).toFixed(1)} µs per request (best of 3 × 3000)`);
console.log(`  a portal page with counting:    ${best(withIt).toFixed(1)} µs per request`);
console.log(`  difference:                     ${(best(withIt) - best(without)).toFixed(1)} µs per request`);

for (let i = 0; i < 5000; i++) counter.page(`/pagina-${i}/`, 'page', at);
started = performance.now();
const rows = await counter.flush();
console.log(`  one flush of ${rows} distinct rows: ${(performance.now() - started).toFixed(0)} ms`);
started = performance.now();
for (let i = 0; i < 5000; i++) counter.page(`/pagina-${i}/`, 'page', at);
await counter.flush();
console.log(`  the same rows again (additive upsert on existing rows): ${(performance.now() - started).toFixed(0)} ms`);

await database.close();
rmSync(work, { recursive: true, force: true });
