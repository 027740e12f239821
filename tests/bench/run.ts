/**
 * `npm run bench`: sizes and speeds, printed as figures and ratios to their targets.
 * Never an assertion: numbers vary by machine; these are for reading and comparing.
 *
 * - widget entries, minified and gzipped, with every chunk they import before the resident
 *   sends (target: podium-submit < 12 KB; tests/browser/widgets/first-view.spec.ts checks
 *   that a browser fetches no other script before sending), what English and sending add, and all
 *   chunks together (target: < 25 KB);
 * - portal pages per template: HTML, CSS and JavaScript gzipped, and requests (target:
 *   consultation page HTML+CSS < 30 KB, no JavaScript where nothing is live);
 * - API: requests per second and latency percentiles, in process on PGlite;
 * - social importers on the real platform fixtures beside the repository (social-fixtures.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createApp } from '../../api/app.ts';
import { openDatabase } from '../../api/db/client.ts';
import { seedDemoData } from '../../api/services/seed.ts';
import { runSocialFixtures } from './social-fixtures.ts';
import { dynamicImports, moduleGraph as moduleGraph_ } from './module-graph.ts';
import { createChallenge } from '../../api/services/proof-of-work.ts';
import { solve } from '../../widgets/shared/proof-of-work.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'podium-bench-'));
const distDir = join(work, 'dist');

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const gz = (buffer: Buffer | string) => gzipSync(buffer, { level: 9 }).length;

function build(): void {
  const result = spawnSync(process.execPath, ['api/cli.ts', 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PODIUM_DATA_DIR: join(work, 'data'), PODIUM_DIST_DIR: distDir },
  });
  if (result.status !== 0) throw new Error('The build for the benchmark failed');
}

const moduleGraph = (file: string, seen = new Set<string>()) => moduleGraph_(file, join(distDir, 'site'), seen);

function widgetSizes(): void {
  console.log('\nWidgets, minified, gzip -9 per file (1 KB = 1024 bytes)');
  console.log('  "first view" = the entry and every chunk it imports statically: every script a Dutch page');
  console.log('  loads before the resident sends (the proof-of-work solver included; a browser test checks');
  console.log('  that no other script is fetched); English pages and sending load chunks on demand.');
  const dir = join(distDir, 'widgets');
  const entries = readdirSync(dir).filter((name) => name.endsWith('.js') && !name.startsWith('chunks-'));
  const all = new Set<string>();
  const size = (files: Iterable<string>) => [...files].reduce((sum, file) => sum + gz(readFileSync(file)), 0);
  for (const entry of entries.sort()) {
    const files = moduleGraph(join(dir, entry));
    const raw = [...files].reduce((sum, file) => sum + readFileSync(file).length, 0);
    const zipped = size(files);
    // What loads later: English (on English pages) and the sending code (on the first send).
    const later = new Set<string>();
    for (const file of files) for (const lazy of dynamicImports(file)) moduleGraph(lazy, later);
    for (const file of [...later]) for (const lazy of dynamicImports(file)) moduleGraph(lazy, later);
    files.forEach((file) => later.delete(file));
    // English of the first view; the sending code brings its own English along.
    const english = [...later].filter((file) => /chunks-(shared-)?messages-en/.test(file));
    const rest = [...later].filter((file) => !english.includes(file));
    const target = entry === 'podium-submit.js' ? 12 * 1024 : undefined;
    const ratio = target ? `  ${(zipped / target).toFixed(2)} × the 12 KB target` : '';
    console.log(
      `  ${entry.padEnd(24)} first view ${kb(raw).padStart(9)} min ${kb(zipped).padStart(8)} gz (${files.size} files)${ratio}`,
    );
    console.log(
      `  ${''.padEnd(24)} + English ${kb(size(english)).padStart(8)} gz` +
        (rest.length ? `   + on sending ${kb(size(rest)).padStart(8)} gz (English included)` : ''),
    );
    [...files, ...later].forEach((file) => all.add(file));
  }
  const firstViews = new Set<string>();
  for (const entry of entries) moduleGraph(join(dir, entry), firstViews);
  console.log(`  ${'all widgets, first view'.padEnd(24)} ${kb(size(firstViews)).padStart(30)} gz`);
  const total = size(all);
  console.log(
    `  ${'all widgets, every chunk'.padEnd(24)} ${kb(total).padStart(30)} gz  ${(total / (25 * 1024)).toFixed(2)} × the 25 KB target`,
  );
}

function pageWeights(): void {
  console.log('\nPortal pages (gzip -9; requests = HTML + stylesheets + scripts)');
  const site = join(distDir, 'site');
  const pages: Array<[string, string]> = [
    ['home', '/'],
    ['topics', '/onderwerpen/'],
    ['topic', '/onderwerpen/mobiliteit/'],
    ['consultation (open, form)', '/consultaties/fietsroute-stationsstraat/'],
    ['consultation (decided)', '/consultaties/parkeren-centrum/'],
    // The shells the API serves the growing lists in (without them: those are read per request).
    ['responses (shell)', '/consultaties/parkeren-centrum/reacties/'],
    ['conversations (shell)', '/gesprekken/'],
    ['conversation (shell)', '/gesprekken/_/'],
    ['outcomes', '/uitkomsten/'],
    ['accessibility statement', '/toegankelijkheid/'],
    ['house rules', '/huisregels/'],
    ['confirmation shell', '/bevestiging/'],
    ['follow-up shell', '/volg/'],
    ['embed (widget demo)', '/embed/'],
    ['API reference', '/api-documentatie/'],
  ];
  for (const [name, path] of pages) {
    const html = readFileSync(join(site, path, 'index.html'), 'utf8');
    const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]!);
    const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
    const cssBytes = css.reduce((sum, href) => sum + gz(readFileSync(join(site, href))), 0);
    const jsFiles = new Set<string>();
    for (const src of scripts) {
      const file = src.startsWith('/widgets/') ? join(distDir, src) : join(site, src);
      moduleGraph(file, jsFiles);
    }
    const jsBytes = [...jsFiles].reduce((sum, file) => sum + gz(readFileSync(file)), 0);
    const htmlBytes = gz(html);
    const requests = 1 + css.length + jsFiles.size;
    const budget = name.startsWith('consultation (open')
      ? `  HTML+CSS ${((htmlBytes + cssBytes) / (30 * 1024)).toFixed(2)} × the 30 KB target`
      : '';
    console.log(
      `  ${name.padEnd(28)} HTML ${kb(htmlBytes).padStart(8)}  CSS ${kb(cssBytes).padStart(8)}  JS ${kb(jsBytes).padStart(8)}  requests ${requests}${budget}`,
    );
  }
}

async function apiSpeed(): Promise<void> {
  console.log('\nAPI in process on PGlite (app.request, one connection)');
  const database = await openDatabase({ dataDir: 'memory' });
  await database.migrate();
  await seedDemoData(database.db);
  const app = createApp({ db: database.db, databaseKind: database.kind });
  const body = JSON.stringify({ answers: { route: 'parklaan', veiligheid: 3, toelichting: 'Meer licht graag.' } });
  const cases: Array<[string, (i: number) => Response | Promise<Response>]> = [
    ['GET  /api/consultations/{slug}', () => app.request('/api/consultations/fietsroute-stationsstraat')],
    [
      'POST /api/consultations/{slug}/submissions',
      (i) =>
        app.request('/api/consultations/fietsroute-stationsstraat/submissions', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `bench-${i}-${Date.now()}` },
          body,
        }),
    ],
    [
      'GET  /api/consultations/{slug}/answers',
      () => app.request('/api/consultations/fietsroute-stationsstraat/answers?page=1&pageSize=5'),
    ],
    ['GET  /api/follow-up/{code} (unknown)', () => app.request('/api/follow-up/AAAA-AAAA-AAAA')],
  ];
  for (const [name, call] of cases) {
    for (let i = 0; i < 20; i++) await call(-i - 1); // warm up
    const times: number[] = [];
    const started = performance.now();
    for (let i = 0; i < 400; i++) {
      const t0 = performance.now();
      const response = await call(i);
      await response.arrayBuffer();
      times.push(performance.now() - t0);
    }
    const seconds = (performance.now() - started) / 1000;
    times.sort((a, b) => a - b);
    const p = (q: number) => times[Math.floor(q * (times.length - 1))]!.toFixed(2);
    console.log(
      `  ${name.padEnd(44)} ${(400 / seconds).toFixed(0).padStart(6)} req/s  p50 ${p(0.5)} ms  p95 ${p(0.95)} ms`,
    );
  }
  await database.close();
}

/**
 * Solving the proof of work with the same code the browser runs (crypto.subtle, here Node's),
 * at the default difficulty. Browsers hash at about the same speed; a slow phone takes a few
 * times longer, still well before a resident finishes typing.
 */
async function proofOfWorkSpeed(): Promise<void> {
  console.log('\nProof of work (ALTCHA challenge, maxnumber 100,000: ~50,000 SHA-256 on average)');
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const challenge = createChallenge('bench-secret', new Date());
    const start = performance.now();
    if (!(await solve(challenge))) throw new Error('The solver found no solution');
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const p = (q: number) => times[Math.floor(q * (times.length - 1))]!.toFixed(0);
  console.log(`  solve, 20 challenges${''.padEnd(24)} p50 ${p(0.5)} ms  p95 ${p(0.95)} ms  max ${p(1)} ms`);
}

try {
  build();
  widgetSizes();
  pageWeights();
  await proofOfWorkSpeed();
  await apiSpeed();
  runSocialFixtures();
} finally {
  rmSync(work, { recursive: true, force: true });
}
