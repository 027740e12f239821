/**
 * Reads side by side (issue 18, item 4), over real HTTP against real processes on one
 * PostgreSQL database:
 *
 * - public JSON: Podium's `GET /api/consultations/{slug}` (started as `npm start` starts it,
 *   with every middleware: security headers, CORS, rate-limit bookkeeping, ETag, logging,
 *   metrics) against a bare Hono app running the same service, and so the same SQL
 *   (support/bare-servers.ts). Target ≥ 0.5 × the bare app.
 * - static pages: Podium serving a built page (the privacy statement) against a bare Node static
 *   server sending the same file, and a consultation page (its shell built, its lists filled in
 *   by the API) against the bare server sending the shell alone. Target ≥ 0.8 × the bare
 *   server. Both are asked with `Accept-Encoding: br, gzip` as browsers ask; the bytes each
 *   sends are printed beside.
 *
 * Requests per second at a fixed concurrency, the load generated in this process; the two
 * sides of a pair are measured alternately, twice each, and the better run of each is kept,
 * so a neighbour's burst on a shared machine does not decide the ratio. Never an assertion.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node tests/bench/reads.ts
 *
 * BENCH_READ_SECONDS (default 4) and BENCH_READ_CONCURRENCY (default 16) set the size.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { killAll, root, scratchDatabase, startPodium, tempDir } from '../chaos/support/podium-process.ts';

const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SECONDS = Number(process.env.BENCH_READ_SECONDS ?? 4);
const CONCURRENCY = Number(process.env.BENCH_READ_CONCURRENCY ?? 16);
const SLUG = 'fietsroute-stationsstraat';
const PORTS = { podium: 4495, hono: 4496, static: 4497 };

type Run = { rate: number; p50: number; p95: number; bytes: number };

async function load(url: string): Promise<Run> {
  const latencies: number[] = [];
  let bytes = 0;
  const until = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        const response = await fetch(url, { headers: { 'Accept-Encoding': 'br, gzip' } });
        const body = await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
        latencies.push(performance.now() - t0);
        bytes = Number(response.headers.get('content-length') ?? body.byteLength);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { rate: latencies.length / seconds, p50: at(0.5), p95: at(0.95), bytes };
}

async function pair(label: string, podiumUrl: string, bareLabel: string, bareUrl: string, target: number) {
  // A short warm-up each, then alternate, so both sides meet the same machine.
  await load(podiumUrl);
  await load(bareUrl);
  const podium: Run[] = [];
  const bare: Run[] = [];
  for (let round = 0; round < 2; round++) {
    podium.push(await load(podiumUrl));
    bare.push(await load(bareUrl));
  }
  const best = (runs: Run[]) => runs.reduce((a, b) => (b.rate > a.rate ? b : a));
  const p = best(podium);
  const b = best(bare);
  const line = (name: string, run: Run) =>
    console.log(
      `  ${name.padEnd(34)} ${run.rate.toFixed(0).padStart(6)} /s   p50 ${run.p50.toFixed(1).padStart(5)} ms  p95 ${run.p95
        .toFixed(1)
        .padStart(5)} ms   ${run.bytes} bytes sent`,
    );
  console.log(`\n${label}, ${CONCURRENCY} at a time, ${SECONDS} s per run`);
  line('Podium', p);
  line(bareLabel, b);
  const ratio = p.rate / b.rate;
  console.log(
    `  ratio Podium / bare ${ratio.toFixed(2).padStart(20)}   target ≥ ${target} (${(ratio / target).toFixed(2)} × the target)`,
  );
}

const database = await scratchDatabase(serverUrl);
const distDir = `${tempDir('bench-reads')}/dist`;
const bare = spawn(
  process.execPath,
  ['tests/bench/support/bare-servers.ts', database.url, distDir, String(PORTS.hono), String(PORTS.static)],
  { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
);
try {
  const podium = startPodium({ where: { databaseUrl: database.url }, distDir, port: PORTS.podium });
  await podium.healthy(180_000);
  await new Promise<void>((resolve, reject) => {
    bare.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    bare.once('exit', () => reject(new Error('the bare servers exited')));
  });
  await pair(
    `Public JSON (GET /api/consultations/${SLUG})`,
    `${podium.baseUrl}/api/consultations/${SLUG}`,
    'bare Hono, same service and SQL',
    `http://127.0.0.1:${PORTS.hono}/api/consultations/${SLUG}`,
    0.5,
  );
  await pair(
    'Static page (/privacy/)',
    `${podium.baseUrl}/privacy/`,
    'bare Node static server',
    `http://127.0.0.1:${PORTS.static}/privacy/`,
    0.8,
  );
  // Its shell is static, its lists are the API's (routes/portal-lists.ts): kept once made, per
  // content revision. The bare server sends the shell without lists.
  await pair(
    `Consultation page (/consultaties/${SLUG}/)`,
    `${podium.baseUrl}/consultaties/${SLUG}/`,
    'bare Node static server (shell only)',
    `http://127.0.0.1:${PORTS.static}/consultaties/${SLUG}/`,
    0.8,
  );
} finally {
  bare.kill('SIGTERM');
  await killAll();
  await database.drop();
}
