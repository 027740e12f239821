/**
 * Resident memory of one Podium process (issue 18, item 6), started as `npm start` starts it
 * (package.json's `start` script, Node's flags included): idle a while after start, then
 * under a read load, on the embedded database and on a PostgreSQL server.
 *
 * The background jobs run as `npm start` runs them (social sync, retention purge, rebuild polling).
 *
 * - idle: the API process's resident set (VmRSS) BENCH_MEMORY_IDLE_SECONDS (default 60) after
 *   it answered its first health check; the portal build runs in a child process and is not
 *   counted (tests/bench/publish.ts measures it). Targets: < 200 MB on PostgreSQL, < 400 MB
 *   on PGlite.
 * - loaded: the highest resident set (sampled every 50 ms) during BENCH_MEMORY_LOAD_SECONDS
 *   (default 20) of reads at 16 at a time, spread over the public JSON, the consultation page, its answers and
 *   the open data. Target: < 512 MB.
 *
 * With BENCH_MEMORY_DATABASE_URL the PostgreSQL side runs on that database as it is (for
 * example one filled by `podium generate --items 1000000`), else on a scratch database with the
 * demo. Figures to read, never an assertion.
 *
 *   node tests/bench/memory.ts
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { killAll, scratchDatabase, startPodium, tempDir, type Where } from '../chaos/support/podium-process.ts';

const IDLE_SECONDS = Number(process.env.BENCH_MEMORY_IDLE_SECONDS ?? 60);
const LOAD_SECONDS = Number(process.env.BENCH_MEMORY_LOAD_SECONDS ?? 20);
const CONCURRENCY = 16;
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PORT = 4494;
const MB = 1024 * 1024;

/** The resident set of a process now, in bytes (Linux). */
function residentBytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB$/m);
  if (!line) throw new Error(`no VmRSS for process ${pid}`);
  return Number(line[1]) * 1024;
}

async function readLoad(baseUrl: string, paths: string[]): Promise<number> {
  let requests = 0;
  const until = performance.now() + LOAD_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, worker) => {
      for (let i = worker; performance.now() < until; i++) {
        const response = await fetch(`${baseUrl}${paths[i % paths.length]}`, {
          headers: { 'Accept-Encoding': 'br, gzip' },
        });
        await response.arrayBuffer();
        requests++;
      }
    }),
  );
  return requests;
}

async function measure(label: string, where: Where, idleTarget: number): Promise<void> {
  const distDir = `${tempDir('bench-memory')}/dist`;
  const podium = startPodium({ where, distDir, port: PORT, backgroundJobs: 'as configured' });
  try {
    await podium.healthy(600_000);
    const pid = podium.child.pid!;
    await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
    const idle = residentBytes(pid);
    const list = (await (await fetch(`${podium.baseUrl}/api/consultations`)).json()) as Array<{ slug: string }>;
    const slug = list[0]!.slug;
    // The highest resident set while the reads run (VmHWM would also hold the start's peak).
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, residentBytes(pid))), 50);
    const requests = await readLoad(podium.baseUrl, [
      `/api/consultations/${slug}`,
      `/consultaties/${slug}/`,
      `/consultaties/${slug}/reacties/`,
      '/api/open-data/consultations',
    ]);
    clearInterval(sampler);
    const after = residentBytes(pid);
    console.log(`\n${label}`);
    console.log(
      `  idle ${IDLE_SECONDS} s after start   ${(idle / MB).toFixed(0).padStart(5)} MB   ` +
        `${(idle / (idleTarget * MB)).toFixed(2)} × the ${idleTarget} MB target`,
    );
    console.log(
      `  peak with ${LOAD_SECONDS} s of reads   ${(peak / MB).toFixed(0).padStart(5)} MB   ` +
        `${(peak / (512 * MB)).toFixed(2)} × the 512 MB target   (${requests} requests; ${(after / MB).toFixed(0)} MB after)`,
    );
  } finally {
    await podium.stop();
  }
}

try {
  // Its first start creates the data directory (initdb, migrations, the demo); a restart opens it.
  const dataDir = `${tempDir('bench-memory-data')}/data`;
  await measure('PGlite (embedded), the demo, first start', { dataDir }, 400);
  await measure('PGlite (embedded), the demo, started again', { dataDir }, 400);
  const given = process.env.BENCH_MEMORY_DATABASE_URL;
  const scratch = given ? undefined : await scratchDatabase(serverUrl);
  try {
    await measure(
      given ? `PostgreSQL server, ${new URL(given).pathname.slice(1)} as it is` : 'PostgreSQL server, the demo',
      { databaseUrl: given ?? scratch!.url },
      200,
    );
  } finally {
    await scratch?.drop();
  }
} finally {
  await killAll();
}
