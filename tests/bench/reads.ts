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
 * Requests per second at a fixed concurrency; the two sides of a pair are measured
 * alternately, twice each, and the better run of each is kept, so a neighbour's burst on a
 * shared machine does not decide the ratio. Never an assertion.
 *
 * The load comes from wrk (Debian's package `wrk`; installed when missing and we can), which
 * reads each answer as bytes: a client that decompresses charges the decompression to the
 * side that compresses (with `fetch` in this process, Podium's Brotli answers cost the load
 * generator more than the bare server's plain ones, and the static ratio read 0.68 where wrk
 * reads 0.96). Without wrk the load comes from node:http in this process, also without
 * decompressing, and the ratio is printed with that said: the generator shares the two cores.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node tests/bench/reads.ts
 *
 * BENCH_READ_SECONDS (default 4) and BENCH_READ_CONCURRENCY (default 16) set the size.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { killAll, root, scratchDatabase, startPodium, tempDir } from '../chaos/support/podium-process.ts';
import { installMissingPackages } from '../support/debian.ts';

const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SECONDS = Number(process.env.BENCH_READ_SECONDS ?? 4);
const CONCURRENCY = Number(process.env.BENCH_READ_CONCURRENCY ?? 16);
const SLUG = 'fietsroute-stationsstraat';
const PORTS = { podium: 4495, hono: 4496, static: 4497 };

type Run = { rate: number; p50: number; p95: number; bytes: number };

const WRK = '/usr/bin/wrk';

/** wrk when it is here or can be installed (root on Debian), else undefined. */
function findWrk(): string | undefined {
  const { missing } = installMissingPackages([{ path: WRK, pkg: 'wrk', for: 'the read benchmark' }], { quiet: true });
  return missing.length === 0 ? WRK : undefined;
}

/** Printed by wrk when a run ends: requests, seconds and latency percentiles in microseconds. */
const WRK_REPORT = `done = function(summary, latency, requests)
  io.write(string.format("REPORT %d %d %d %d %d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), summary.errors.status + summary.errors.read + summary.errors.connect + summary.errors.timeout))
end
`;

/** One GET as a browser asks it, its body counted as bytes as they come (never decompressed). */
function bodyBytes(url: string, agent?: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { agent, headers: { 'Accept-Encoding': 'br, gzip' } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () =>
        response.statusCode === 200 ? resolve(bytes) : reject(new Error(`${url}: HTTP ${response.statusCode}`)),
      );
    }).on('error', reject);
  });
}

async function loadWithWrk(wrk: string, script: string, url: string): Promise<Run> {
  // Not spawnSync: Podium's log lines come through this process, whose event loop must go on
  // reading them (a blocked pipe stalls the server).
  const wrkRun = spawn(wrk, [
    '-t1',
    `-c${CONCURRENCY}`,
    `-d${SECONDS}s`,
    '-H',
    'Accept-Encoding: br, gzip',
    '-s',
    script,
    url,
  ]);
  let stdout = '';
  let stderr = '';
  wrkRun.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  wrkRun.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise((resolve) => wrkRun.once('close', resolve));
  const report = stdout.match(/^REPORT (\d+) (\d+) (\d+) (\d+) (\d+)$/m);
  if (!report) throw new Error(`wrk gave no report for ${url}: ${stdout}${stderr}`);
  const [requests, micros, p50, p95, errors] = report.slice(1).map(Number) as [number, number, number, number, number];
  if (errors > 0) throw new Error(`${url}: ${errors} of ${requests} requests failed or were not 200`);
  return { rate: requests / (micros / 1e6), p50: p50 / 1000, p95: p95 / 1000, bytes: await bodyBytes(url) };
}

/** The fallback: keep-alive node:http requests from this process, bodies read as bytes. */
async function loadInProcess(url: string): Promise<Run> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies: number[] = [];
  let bytes = 0;
  const until = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        bytes = await bodyBytes(url, agent);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  agent.destroy();
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { rate: latencies.length / seconds, p50: at(0.5), p95: at(0.95), bytes };
}

const wrk = findWrk();
const wrkScript = join(tempDir('bench-reads-wrk'), 'report.lua');
writeFileSync(wrkScript, WRK_REPORT);
const load = (url: string) => (wrk ? loadWithWrk(wrk, wrkScript, url) : loadInProcess(url));

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
  const generator = wrk ? 'load from wrk' : 'load from node:http in this process (wrk not found)';
  console.log(`\n${label}, ${CONCURRENCY} at a time, ${SECONDS} s per run, ${generator}`);
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
