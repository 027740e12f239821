/**
 * `npm test`: everything CI checks, in the order that fails fastest.
 *
 * 1. Chromium for the browser tests (Debian's package; installed when missing and we can).
 * 2. A build of the portal and widgets from a scratch embedded database, which the type
 *    check of the Astro pages and the browser tests both use.
 * 3. Formatting, lint and type checks; unit and API tests (on PGlite, and on the PostgreSQL
 *    server when TEST_DATABASE_URL is set); chaos tests (real server processes killed with
 *    SIGKILL, restarted, started three at once); browser tests with Playwright and axe.
 *
 * Ends with one line "N passed, N failed" over all test runners.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserTestEnv, CHROMIUM_PATH } from './support/browser-env.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = { ...process.env, ...browserTestEnv(root) };
let passed = 0;
let failed = 0;
const failedSteps: string[] = [];

function ensureChromium(): void {
  if (existsSync(CHROMIUM_PATH)) return;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || spawnSync('which', ['apt-get']).status !== 0) {
    console.error(
      `Chromium is missing at ${CHROMIUM_PATH}. Install it (Debian/Ubuntu: "sudo apt-get install -y chromium") and run npm test again.`,
    );
    process.exit(1);
  }
  console.log('Installing Chromium from Debian packages for the browser tests…');
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
    const result = spawnSync('apt-get', args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0) {
      console.error(`apt-get ${args.join(' ')} failed; install chromium by hand and run npm test again.`);
      process.exit(1);
    }
  }
}

/** Runs one step, echoing its output, and adds up the test counts it reports. */
function step(name: string, command: string, args: string[]): Promise<void> {
  console.log(`\n=== ${name} ===`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (target: NodeJS.WriteStream) => (chunk: Buffer) => {
      output += chunk.toString();
      target.write(chunk);
    };
    child.stdout.on('data', collect(process.stdout));
    child.stderr.on('data', collect(process.stderr));
    child.on('exit', (code) => {
      countTests(output);
      if (code !== 0) failedSteps.push(name);
      resolve();
    });
  });
}

function countTests(output: string): void {
  const node = (label: string) => [...output.matchAll(new RegExp(`^ℹ ${label} (\\d+)$`, 'gm'))];
  for (const m of node('pass')) passed += Number(m[1]);
  for (const m of node('fail')) failed += Number(m[1]);
  const playwright = (label: string) => output.match(new RegExp(`^\\s+(\\d+) ${label}`, 'm'));
  passed += Number(playwright('passed')?.[1] ?? 0);
  failed += Number(playwright('failed')?.[1] ?? 0) + Number(playwright('flaky')?.[1] ?? 0);
}

const node = process.execPath;
const bin = (path: string) => join(root, 'node_modules', path);

ensureChromium();
rmSync(env.PODIUM_DATA_DIR!, { recursive: true, force: true });
await step('Build the portal and widgets for the tests', node, ['api/cli.ts', 'build']);
await step('Formatting (prettier)', node, [bin('prettier/bin/prettier.cjs'), '--check', '--log-level', 'warn', '.']);
await step('Lint (eslint)', node, [bin('eslint/bin/eslint.js'), '--max-warnings', '0', '.']);
await step('Type check (tsc)', node, [bin('typescript/bin/tsc'), '--noEmit', '-p', '.']);
await step('Type check (astro check)', node, [bin('astro/bin/astro.mjs'), 'check', '--minimumSeverity', 'warning']);
await step('Unit and API tests', node, [
  '--test',
  '--test-reporter=spec',
  'tests/unit/**/*.test.ts',
  'tests/api/**/*.test.ts',
]);
// Side by side: each file has its own ports and directories, and the builds they cause wait
// for each other under the installation's build lock anyway.
const chaosStarted = Date.now();
await step('Chaos tests (kill -9, restarts, three servers at once)', node, [
  '--test',
  '--test-reporter=spec',
  '--test-concurrency=3',
  'tests/chaos/**/*.test.ts',
]);
console.log(`Chaos tests took ${Math.round((Date.now() - chaosStarted) / 1000)} s.`);
await step('Browser tests (Playwright + axe)', node, [bin('@playwright/test/cli.js'), 'test']);

console.log(`\n=== Summary ===`);
if (!process.env.TEST_DATABASE_URL)
  console.log('API tests ran on PGlite only (set TEST_DATABASE_URL to add a PostgreSQL server).');
if (failedSteps.length > 0) console.log(`Failed steps: ${failedSteps.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedSteps.length > 0 || failed > 0 ? 1 : 0);
