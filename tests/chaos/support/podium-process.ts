/**
 * Podium as a real server process, started the way `npm start` starts it
 * (package.json's `start` script, Node's flags included), for the chaos tests: killed with
 * SIGKILL, restarted, several at once.
 *
 * Every process started here is remembered and killed by its own pid (its process group: the
 * server and the builds it started) by `killAll`, which each test file calls in an `after`
 * hook, so a failing test leaves nothing running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { startArguments } from '../../support/start-command.ts';

export const root = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * Ports 4430–4449 are the chaos tests' own; each test file takes its own range, so the files
 * can run side by side.
 */
export const PORTS = { burst: 4430, rebuild: 4435, threeAtOnce: 4440, behindProxy: 4445 } as const;

export function tempDir(name: string): string {
  return mkdtempSync(join('/tmp', `podium-chaos-${name}-`));
}

export type Where = { dataDir: string } | { databaseUrl: string };

export type PodiumProcess = {
  child: ChildProcess;
  port: number;
  baseUrl: string;
  /** Everything it printed so far. */
  output(): string;
  /** Resolves when it printed a line matching `pattern`; rejects when it exits first. */
  printed(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Resolves when /api/health answers 200; rejects when it exits first. */
  healthy(timeoutMs?: number): Promise<void>;
  /** SIGKILL to the server process alone, as a crash or `kill -9 <pid>` does. */
  kill9(): Promise<void>;
  /** SIGTERM, the orderly stop; waits for the exit. */
  stop(): Promise<void>;
  exited: Promise<void>;
};

const started = new Set<ChildProcess>();

export function startPodium(options: {
  where: Where;
  distDir: string;
  port: number;
  /** More settings, e.g. PODIUM_TRUST_PROXY behind a proxy. */
  env?: Record<string, string>;
  /**
   * Social sync and retention off and quick rebuilds (the default, for tests that want nothing
   * running beside them), or the background jobs with their configured defaults, as `npm start`
   * runs them (the memory benchmark).
   */
  backgroundJobs?: 'quiet' | 'as configured';
}): PodiumProcess {
  const port = options.port;
  const baseUrl = `http://127.0.0.1:${port}`;
  const quietJobs: Record<string, string> =
    options.backgroundJobs === 'as configured'
      ? {}
      : {
          PODIUM_SOCIAL_SYNC_SECONDS: '0',
          PODIUM_RETENTION_PURGE_MINUTES: '0',
          PODIUM_REBUILD_DEBOUNCE_MS: '500',
          PODIUM_REBUILD_POLL_MS: '500',
        };
  const env: Record<string, string> = {
    ...stripPodiumEnv(process.env),
    PORT: String(port),
    HOST: '127.0.0.1',
    PODIUM_PUBLIC_URL: baseUrl,
    PODIUM_DIST_DIR: options.distDir,
    PODIUM_RATE_LIMITS: 'submit=off,follow_up=off,rights=off,login=off,email_link=off',
    ...quietJobs,
    ...('dataDir' in options.where
      ? { PODIUM_DATA_DIR: options.where.dataDir }
      : { DATABASE_URL: options.where.databaseUrl, PODIUM_DATA_DIR: join(options.distDir, '..', 'unused-data') }),
    ...options.env,
  };
  // Its own process group, so the builds it started can be killed with it afterwards.
  const child = spawn(process.execPath, startArguments(), {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  let output = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    listeners.forEach((listener) => listener());
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const hasExited = () => child.exitCode !== null || child.signalCode !== null;

  const printed = (pattern: RegExp, timeoutMs = 600_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => finish(new Error(`no ${pattern} within ${timeoutMs} ms:\n${output}`)), timeoutMs);
      const check = () => {
        if (pattern.test(output)) finish();
        else if (hasExited()) finish(new Error(`the server exited before printing ${pattern}:\n${output}`));
      };
      const finish = (error?: Error) => {
        clearTimeout(timer);
        listeners.delete(check);
        if (error) reject(error);
        else resolve();
      };
      listeners.add(check);
      void exited.then(check);
      check();
    });

  const healthy = async (timeoutMs = 600_000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (hasExited()) throw new Error(`the server exited (${child.exitCode ?? child.signalCode}):\n${output}`);
      const response = await fetch(`${baseUrl}/api/health`).catch(() => undefined);
      if (response?.status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`not healthy within ${timeoutMs} ms:\n${output}`);
  };

  return {
    child,
    port,
    baseUrl,
    output: () => output,
    printed,
    healthy,
    exited,
    async kill9() {
      if (!hasExited()) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (!hasExited()) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Kills every process started here, with the process group it leads; for `after` hooks. */
export async function killAll(): Promise<void> {
  for (const child of started) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  started.clear();
}

/** The developer's own settings must not leak into the servers under test. */
function stripPodiumEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || /^(PODIUM_|DATABASE_URL$|PORT$|HOST$)/.test(name)) continue;
    kept[name] = value;
  }
  return kept;
}

/** A fresh database on the PostgreSQL server of TEST_DATABASE_URL, and a way to drop it. */
export async function scratchDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `podium_chaos_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
