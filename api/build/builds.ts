/**
 * Builds the static portal and the widget bundle when their inputs changed.
 *
 * The portal is built from the published snapshot into a fresh directory, then the
 * `dist/site` symlink is switched to it with one atomic rename: a request is always
 * served from a complete build, never from a half-written one.
 *
 * Several processes may run from one installation (API processes on one PostgreSQL
 * database, or servers on separate embedded databases and dist directories), and each
 * rebuilds in the background. Astro keeps state in the installation, whatever the output
 * directory: `.astro/` under the project root (generated types and content modules, written
 * on every build), and the prerendered server chunks in `<cwd>/.astro/.prerender/` when the
 * output lies outside the working directory, removed at the end of every build. Two builds
 * at once overwrite and delete each other's files. So:
 *
 * - Builds of one installation run one at a time, under an operating-system lock on the
 *   installation (lib/os-lock.ts: released when its holder dies, so a build killed with
 *   SIGKILL never blocks the next). A process that waited checks again whether its build is
 *   still needed: processes sharing a dist directory find the build that another one just
 *   made and use it, so N processes started at once build once.
 * - Every build gets a private working directory (its cwd, Astro's and Vite's caches, and
 *   a copy of its inputs), removed afterwards, and removed with any left by a killed build
 *   before the next one starts: nothing half-written is reused, and no cache keeps published
 *   text that has been erased since.
 *
 * Not a database lock: what is shared is this installation's files, and the database cannot
 * tell which processes share them. Processes on other machines (one PostgreSQL database)
 * each build into their own disk and must not wait for each other; processes on separate
 * embedded databases share no database at all but do share the installation.
 */
import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, readlink, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { projectRoot } from '../config.ts';
import { waitForOsLock } from '../lib/os-lock.ts';
import { precompressDirectory } from './precompress.ts';

const STAMP = '.podium-build';

export const sitePath = (distDir: string) => join(distDir, 'site');
export const widgetsPath = (distDir: string) => join(distDir, 'widgets');
export const snapshotPath = (distDir: string) => join(distDir, 'snapshot.json');
export const openApiPath = (distDir: string) => join(distDir, 'openapi.json');

export type BuildLog = (message: string) => void;

/** What one portal build cost: wall time, and the peak resident memory of the Astro process. */
export type SiteBuildReport = { ms: number; peakRssBytes: number | undefined };

/** The installation's build lock and the parent of the builds' working directories. */
const BUILD_WORK_ROOT = join(projectRoot, '.astro', 'podium-builds');
const BUILD_LOCK = join(projectRoot, '.astro', 'podium-build-lock.sqlite');

type BuildWork = { dir: string; cacheDir: string };

/**
 * Runs `build` alone among this installation's builds, in a fresh private working directory.
 * Working directories left by killed builds go first: with the lock held, none is in use.
 */
async function buildAlone<T>(log: BuildLog | undefined, build: (work: BuildWork) => Promise<T>): Promise<T> {
  await mkdir(BUILD_WORK_ROOT, { recursive: true });
  const lock = await waitForOsLock(BUILD_LOCK, () => log?.('Waiting for another build of this installation…'));
  try {
    // Leftovers only: a removal that fails (a file still being written into a finished
    // build's directory: ENOTEMPTY, once in CI with three servers starting at once) is tried
    // again, and after that left for the next build, never a reason not to build.
    await rm(BUILD_WORK_ROOT, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch(
      (error: unknown) => log?.(`Left earlier build directories in place: ${(error as Error).message}`),
    );
    const dir = join(BUILD_WORK_ROOT, `${process.pid}-${randomUUID()}`);
    const work = { dir, cacheDir: join(dir, 'cache') };
    await mkdir(work.cacheDir, { recursive: true });
    try {
      return await build(work);
    } finally {
      await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch(() => undefined);
    }
  } finally {
    lock.release();
  }
}

const widgetSources = () => [
  join(projectRoot, 'widgets'),
  join(projectRoot, 'shared'),
  join(projectRoot, 'package-lock.json'),
];

/** Builds the widget bundle unless its sources are unchanged since the last build. */
export async function ensureWidgetsBuilt(
  distDir: string,
  options: { force?: boolean; log?: BuildLog } = {},
): Promise<boolean> {
  const outDir = widgetsPath(distDir);
  const isCurrent = async () => (await readStamp(outDir)) === (await hashInputs(widgetSources()));
  if (!options.force && (await isCurrent())) return false;
  return buildAlone(options.log, async (work) => {
    // Another process of this installation may have built them while we waited.
    if (!options.force && (await isCurrent())) return false;
    const hash = await hashInputs(widgetSources());
    options.log?.('Building the widgets…');
    // Beside its final place (a rename across file systems would fail).
    const built = `${outDir}.${process.pid}.new`;
    await rm(built, { recursive: true, force: true });
    await run(
      [
        'node_modules/vite/bin/vite.js',
        'build',
        '--config',
        join(projectRoot, 'widgets/vite.config.ts'),
        '--logLevel',
        'warn',
      ],
      { PODIUM_WIDGETS_OUT_DIR: built, PODIUM_BUILD_CACHE_DIR: work.cacheDir },
      work.dir,
    );
    await precompressDirectory(built);
    await writeFile(join(built, STAMP), hash);
    await replaceDirectory(outDir, built);
    return true;
  });
}

/**
 * Builds the portal from the snapshot unless neither the snapshot's content nor the
 * portal's sources changed; swaps the new build in atomically.
 */
export async function ensureSiteBuilt(
  distDir: string,
  options: {
    force?: boolean;
    log?: BuildLog;
    publicUrl?: string;
    previousBuildGraceMs?: number;
    /** Called after a build with its time and the Astro process's peak memory. */
    report?: (report: SiteBuildReport) => void;
  } = {},
): Promise<boolean> {
  const link = sitePath(distDir);
  const siteHash = async (snapshot: string, openApi: string) =>
    hashInputs(
      [
        join(projectRoot, 'site'),
        // The embed page is generated from the widgets' examples files.
        join(projectRoot, 'widgets'),
        join(projectRoot, 'astro.config.mjs'),
        join(projectRoot, 'shared'),
        join(projectRoot, 'package-lock.json'),
      ],
      // generatedAt changes on every write; only the content decides whether to rebuild.
      [
        (await readFile(snapshot, 'utf8')).replace(/"generatedAt":\s*"[^"]*"/, ''),
        await readFile(openApi, 'utf8'),
        options.publicUrl ?? '',
      ].join('\0'),
    );
  const isCurrent = async (hash: string) => existsSync(link) && (await readStamp(link)) === hash;
  if (!options.force && (await isCurrent(await siteHash(snapshotPath(distDir), openApiPath(distDir))))) {
    // Nothing to build, but a process that stopped during a grace period left its previous
    // build behind: it goes now, before anyone could read it (no request started on it here).
    const live = await readlink(link).catch(() => undefined);
    if (live) await removeOldBuilds(join(distDir, 'site-builds'), join(link, '..', live), 0);
    return false;
  }

  return buildAlone(options.log, async (work) => {
    // The build reads a private copy of its inputs, so the stamp describes exactly what was
    // built even when another process writes a newer snapshot meanwhile.
    const snapshot = join(work.dir, 'snapshot.json');
    const openApi = join(work.dir, 'openapi.json');
    await copyFile(snapshotPath(distDir), snapshot);
    await copyFile(openApiPath(distDir), openApi);
    const hash = await siteHash(snapshot, openApi);
    // A process sharing this dist directory may have built the same content while we waited.
    if (!options.force && (await isCurrent(hash))) return false;

    options.log?.('Building the portal…');
    const buildsDir = join(distDir, 'site-builds');
    await mkdir(buildsDir, { recursive: true });
    const outDir = join(buildsDir, `${Date.now()}-${process.pid}`);
    const started = performance.now();
    const usage = await run(
      ['node_modules/astro/bin/astro.mjs', 'build', '--silent', '--root', projectRoot],
      {
        PODIUM_SNAPSHOT: snapshot,
        PODIUM_OPENAPI: openApi,
        PODIUM_SITE_OUT_DIR: outDir,
        PODIUM_BUILD_CACHE_DIR: work.cacheDir,
        ...(options.publicUrl ? { PODIUM_PUBLIC_URL: options.publicUrl } : {}),
      },
      // Astro puts its prerendered chunks under the cwd when the output lies outside it.
      work.dir,
    );
    await precompressDirectory(outDir);
    await writeFile(join(outDir, STAMP), hash);
    await switchLink(link, outDir);
    options.report?.({ ms: performance.now() - started, peakRssBytes: usage.peakRssBytes });
    await removeOldBuilds(buildsDir, outDir, options.previousBuildGraceMs);
    return true;
  });
}

/**
 * Puts a finished directory in the place of the current one. Two renames: between them
 * (microseconds) the directory is missing, which only the widget files ever see, and only
 * when the installation's widget sources changed.
 */
async function replaceDirectory(target: string, built: string): Promise<void> {
  const old = `${target}.${process.pid}.old`;
  await rm(old, { recursive: true, force: true });
  await rename(target, old).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await rename(built, target);
  await rm(old, { recursive: true, force: true });
}

async function switchLink(link: string, target: string): Promise<void> {
  const temporary = `${link}.${process.pid}.tmp`;
  await rm(temporary, { force: true, recursive: true });
  await symlink(relative(join(link, '..'), target), temporary, 'dir');
  const current = await stat(link).catch(() => undefined);
  if (current && !(await readlink(link).catch(() => undefined))) {
    // A real directory from an older layout: move it aside, a symlink cannot replace it.
    await rm(link, { recursive: true, force: true });
  }
  await rename(temporary, link);
}

/**
 * How long the previous build stays after a switch, for requests that started on it. A file
 * a request has open survives its removal (POSIX), so this only covers a request that found
 * a path in the old build and has not opened it yet: a moment, not minutes. Erased or
 * taken-down text must not outlive its rebuild by more than that.
 */
export const PREVIOUS_BUILD_GRACE_MS = 2_000;

/** Removals waiting out their grace period, so a caller can wait until the text is gone. */
const pendingRemovals = new Set<Promise<void>>();

/** Resolves when every previous build that was due to go is gone (tests, shutdown). */
export async function previousBuildsRemoved(): Promise<void> {
  while (pendingRemovals.size > 0) await Promise.all([...pendingRemovals]);
}

/**
 * Removes every build older than the live one. The one just before it is kept for a short
 * grace period (requests that started on it may still read it) and then removed too: it
 * may hold text that was erased or taken down since, which must not wait for the next
 * rebuild to go. Builds newer than the live one are another process's, still being written.
 */
export async function removeOldBuilds(
  buildsDir: string,
  keep: string,
  graceMs: number = PREVIOUS_BUILD_GRACE_MS,
): Promise<void> {
  const old = (await readdir(buildsDir).catch(() => [] as string[]))
    .filter((name) => name < basename(keep))
    .sort()
    .map((name) => join(buildsDir, name));
  for (const path of old.slice(0, -1)) await rm(path, { recursive: true, force: true });
  const previous = old.at(-1);
  if (previous === undefined) return;
  const removePrevious = () => rm(previous, { recursive: true, force: true }).catch(() => undefined);
  if (graceMs <= 0) return removePrevious();
  const removal = new Promise<void>((resolvePromise) => {
    setTimeout(() => void removePrevious().then(resolvePromise), graceMs).unref();
  });
  pendingRemovals.add(removal);
  void removal.then(() => pendingRemovals.delete(removal));
}

async function readStamp(dir: string): Promise<string | undefined> {
  return readFile(join(dir, STAMP), 'utf8').catch(() => undefined);
}

async function hashInputs(paths: string[], extra = ''): Promise<string> {
  const hash = createHash('sha256');
  for (const path of paths) {
    for (const file of await listFiles(path)) {
      hash.update(relative(projectRoot, file));
      hash.update(await readFile(file));
    }
  }
  hash.update(extra);
  return hash.digest('hex');
}

async function listFiles(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return [];
  if (info.isFile()) return [path];
  const entries = await readdir(path, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

const exitWithParent = join(projectRoot, 'api', 'build', 'exit-with-parent.ts');

/**
 * V8's heap for a build process. Left to its defaults, V8 grows the heap long before it has to
 * (a demo build peaked at 504 MB resident); a smaller young generation and a ceiling on the old
 * one make it collect instead, for 441–454 MB at a slightly longer build. The portal's build
 * holds no input (the growing lists are served into its pages, routes/portal-lists.ts), so
 * its live heap stays far below the ceiling: the demo's build runs within 128 MB.
 */
const BUILD_HEAP_FLAGS = ['--max-semi-space-size=4', '--max-old-space-size=320'];

/**
 * Runs a Node script of a dependency with the same Node binary as this process, in a child
 * process (a build never shares the API's heap or event loop); the child ends when this
 * process dies (exit-with-parent.ts), so no orphaned build outlives a SIGKILL. Answers the
 * child's peak resident memory, which exit-with-parent.ts writes to a file as it exits.
 */
async function run(
  args: string[],
  env: Record<string, string>,
  cwd: string,
): Promise<{ peakRssBytes: number | undefined }> {
  const usageFile = join(cwd, `usage-${randomUUID()}.json`);
  await new Promise<void>((resolvePromise, reject) => {
    const script = join(projectRoot, args[0]!);
    const child = spawn(process.execPath, [...BUILD_HEAP_FLAGS, '--import', exitWithParent, script, ...args.slice(1)], {
      cwd,
      env: { ...process.env, ...env, PODIUM_BUILD_USAGE_FILE: usageFile },
      stdio: ['pipe', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolvePromise() : reject(new Error(`${args[0]} ${args[1]} failed with exit code ${code}`)),
    );
  });
  const usage = await readFile(usageFile, 'utf8')
    .then((text) => JSON.parse(text) as { maxRssBytes?: number })
    .catch(() => ({}) as { maxRssBytes?: number });
  await rm(usageFile, { force: true });
  return { peakRssBytes: usage.maxRssBytes };
}
