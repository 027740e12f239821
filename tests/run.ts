/**
 * `npm test`: everything CI checks, in the order that fails fastest.
 *
 * 1. Chromium for the browser tests and nginx for the proxy layout (Debian's packages;
 *    installed when missing and we can).
 * 2. A build of the portal and widgets from a scratch embedded database, which the type
 *    check of the Astro pages and the browser tests both use; beside it, formatting, lint
 *    and type checks.
 * 3. Browser tests with Playwright and axe; beside them, unit and API tests (on PGlite, and
 *    on the PostgreSQL server when TEST_DATABASE_URL is set) and then the chaos tests (real
 *    server processes killed with SIGKILL, restarted, started three at once).
 *
 * Steps that run side by side print their output in one piece when they end, with their
 * time. PODIUM_TEST_SERIAL=1 runs every step after the other, its output as it comes.
 * Ends with one line "N passed, N failed" over all test runners.
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserTestEnv, CHROMIUM_PATH } from './support/browser-env.ts';
import { NGINX_PATH } from './chaos/support/nginx.ts';
import { installMissingPackages, type DebianNeed } from './support/debian.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  ...browserTestEnv(root),
};
const node = process.execPath;
const bin = (path: string) => join(root, 'node_modules', path);
let passed = 0;
let failed = 0;
const failedSteps: string[] = [];

/** What the tests need from Debian: Chromium for the browser tests, nginx for the proxy layout. */
const DEBIAN_NEEDS: DebianNeed[] = [
  { path: CHROMIUM_PATH, pkg: 'chromium', for: 'the browser tests' },
  { path: NGINX_PATH, pkg: 'nginx', for: 'the test of three servers behind a proxy' },
];

function ensureDebianPackages(): void {
  if (DEBIAN_NEEDS.every((need) => existsSync(need.path))) return;
  console.log(`Installing what is missing of ${DEBIAN_NEEDS.map((need) => need.pkg).join(', ')} from Debian packages…`);
  const { missing, why } = installMissingPackages(DEBIAN_NEEDS);
  if (missing.length === 0) return;
  for (const need of missing) console.error(`${need.path} is missing; ${need.for} need it.`);
  const names = missing.map((need) => need.pkg).join(' ');
  console.error(
    `${why ?? 'apt-get did not install it'}: install it (Debian/Ubuntu: "sudo apt-get install -y ${names}") and run npm test again.`,
  );
  process.exit(1);
}

type Step = { name: string; command: string; args: string[]; env?: NodeJS.ProcessEnv };

/**
 * Runs one step and adds up the test counts it reports. Alone, its output is echoed as it
 * comes; beside other steps (`buffered`), it is held and printed in one piece when the step
 * ends, so the log reads step by step.
 */
function step({ name, command, args, env: stepEnv = env }: Step, buffered = false): Promise<void> {
  const started = Date.now();
  if (buffered) console.log(`\n--- started: ${name} (its output follows when it ends) ---`);
  else console.log(`\n=== ${name} ===`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: stepEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (target: NodeJS.WriteStream) => (chunk: Buffer) => {
      output += chunk.toString();
      if (!buffered) target.write(chunk);
    };
    child.stdout.on('data', collect(process.stdout));
    child.stderr.on('data', collect(process.stderr));
    child.on('exit', (code) => {
      const seconds = Math.round((Date.now() - started) / 1000);
      if (buffered) process.stdout.write(`\n=== ${name} ===\n${output}`);
      console.log(`=== ${name}: ${code === 0 ? 'done' : 'FAILED'} in ${seconds} s ===`);
      countTests(output);
      if (code !== 0) failedSteps.push(name);
      resolve();
    });
  });
}

/**
 * Lanes of steps: the steps of one lane run one after another, the lanes side by side
 * (PODIUM_TEST_SERIAL=1 runs everything one after another, as on a one-core machine).
 */
async function lanes(...all: Step[][]): Promise<void> {
  const serial = process.env.PODIUM_TEST_SERIAL === '1' || all.length === 1;
  if (serial) {
    for (const lane of all) for (const s of lane) await step(s);
    return;
  }
  await Promise.all(
    all.map(async (lane) => {
      for (const s of lane) await step(s, true);
    }),
  );
}

function countTests(output: string): void {
  const node = (label: string) => [...output.matchAll(new RegExp(`^ℹ ${label} (\\d+)$`, 'gm'))];
  for (const m of node('pass')) passed += Number(m[1]);
  for (const m of node('fail')) failed += Number(m[1]);
  const playwright = (label: string) => output.match(new RegExp(`^\\s+(\\d+) ${label}`, 'm'));
  passed += Number(playwright('passed')?.[1] ?? 0);
  failed += Number(playwright('failed')?.[1] ?? 0) + Number(playwright('flaky')?.[1] ?? 0);
}

// The node tests run beside the browser tests, so they get a directory and port of their own:
// a CLI test that rebuilds the portal must not rebuild the one the browser tests are reading.
const nodeTestDir = join(env.PODIUM_DIST_DIR!, '..', 'node-tests');
const nodeTestPort = String(Number(env.PORT) + 1);
const nodeTestEnv = {
  ...env,
  PODIUM_DATA_DIR: join(nodeTestDir, 'data'),
  PODIUM_DIST_DIR: join(nodeTestDir, 'dist'),
  PODIUM_SNAPSHOT: join(nodeTestDir, 'dist', 'snapshot.json'),
  PODIUM_OPENAPI: join(nodeTestDir, 'dist', 'openapi.json'),
  PORT: nodeTestPort,
  PODIUM_PUBLIC_URL: `http://127.0.0.1:${nodeTestPort}`,
};

ensureDebianPackages();
rmSync(env.PODIUM_DATA_DIR!, { recursive: true, force: true });
rmSync(nodeTestDir, { recursive: true, force: true });
const suiteStarted = Date.now();
// Two lanes fill the two cores of a small CI machine: the build (which astro check reads)
// beside the static checks, each of which runs on one core.
await lanes(
  [
    { name: 'Build the portal and widgets for the tests', command: node, args: ['api/cli.ts', 'build'] },
    {
      name: 'Type check (astro check)',
      command: node,
      args: [bin('astro/bin/astro.mjs'), 'check', '--minimumSeverity', 'warning'],
    },
  ],
  [
    {
      name: 'Formatting (prettier)',
      command: node,
      args: [bin('prettier/bin/prettier.cjs'), '--check', '--log-level', 'warn', '.'],
    },
    { name: 'Lint (eslint)', command: node, args: [bin('eslint/bin/eslint.js'), '--max-warnings', '0', '.'] },
    { name: 'Type check (tsc)', command: node, args: [bin('typescript/bin/tsc'), '--noEmit', '-p', '.'] },
  ],
);
// Then the browser tests (one Playwright worker, which keeps about one core busy) beside the
// node tests (node --test runs one file at a time on two cores) and the chaos tests.
await lanes(
  [{ name: 'Browser tests (Playwright + axe)', command: node, args: [bin('@playwright/test/cli.js'), 'test'] }],
  [
    {
      name: 'Unit and API tests',
      command: node,
      args: ['--test', '--test-reporter=spec', 'tests/unit/**/*.test.ts', 'tests/api/**/*.test.ts'],
      env: nodeTestEnv,
    },
    {
      // Side by side: each file has its own ports and directories, and the builds they cause
      // wait for each other under the installation's build lock anyway.
      name: 'Chaos tests (kill -9, restarts, three servers at once)',
      command: node,
      args: ['--test', '--test-reporter=spec', '--test-concurrency=3', 'tests/chaos/**/*.test.ts'],
      env: nodeTestEnv,
    },
  ],
);
console.log(`\nAll steps took ${Math.round((Date.now() - suiteStarted) / 1000)} s.`);

console.log(`\n=== Summary ===`);
if (!process.env.TEST_DATABASE_URL)
  console.log('API tests ran on PGlite only (set TEST_DATABASE_URL to add a PostgreSQL server).');
if (failedSteps.length > 0) console.log(`Failed steps: ${failedSteps.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedSteps.length > 0 || failed > 0 ? 1 : 0);
