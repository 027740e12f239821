/**
 * Builds the static portal and the widget bundle when their inputs changed.
 *
 * The portal is built from the published snapshot into a fresh directory, then the
 * `dist/site` symlink is switched to it with one atomic rename: a request is always
 * served from a complete build, never from a half-written one.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, readlink, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { projectRoot } from '../config.ts';

const STAMP = '.podium-build';

export const sitePath = (distDir: string) => join(distDir, 'site');
export const widgetsPath = (distDir: string) => join(distDir, 'widgets');
export const snapshotPath = (distDir: string) => join(distDir, 'snapshot.json');
export const openApiPath = (distDir: string) => join(distDir, 'openapi.json');

export type BuildLog = (message: string) => void;

/** Builds the widget bundle unless its sources are unchanged since the last build. */
export async function ensureWidgetsBuilt(
  distDir: string,
  options: { force?: boolean; log?: BuildLog } = {},
): Promise<boolean> {
  const outDir = widgetsPath(distDir);
  const hash = await hashInputs([
    join(projectRoot, 'widgets'),
    join(projectRoot, 'shared'),
    join(projectRoot, 'package-lock.json'),
  ]);
  if (!options.force && (await readStamp(outDir)) === hash) return false;
  options.log?.('Building the widgets…');
  await run(['node_modules/vite/bin/vite.js', 'build', '--config', 'widgets/vite.config.ts', '--logLevel', 'warn'], {
    PODIUM_WIDGETS_OUT_DIR: outDir,
  });
  await writeFile(join(outDir, STAMP), hash);
  return true;
}

/**
 * Builds the portal from the snapshot unless neither the snapshot's content nor the
 * portal's sources changed; swaps the new build in atomically.
 */
export async function ensureSiteBuilt(
  distDir: string,
  options: { force?: boolean; log?: BuildLog; publicUrl?: string; previousBuildGraceMs?: number } = {},
): Promise<boolean> {
  const link = sitePath(distDir);
  const snapshot = await readFile(snapshotPath(distDir), 'utf8');
  // generatedAt changes on every write; only the content decides whether to rebuild.
  const content = snapshot.replace(/"generatedAt":\s*"[^"]*"/, '');
  const hash = await hashInputs(
    [
      join(projectRoot, 'site'),
      // The embed page is generated from the widgets' examples files.
      join(projectRoot, 'widgets'),
      join(projectRoot, 'astro.config.mjs'),
      join(projectRoot, 'shared'),
      join(projectRoot, 'package-lock.json'),
      openApiPath(distDir),
    ],
    content + (options.publicUrl ?? ''),
  );
  if (!options.force && existsSync(link) && (await readStamp(link)) === hash) {
    // Nothing to build, but a process that stopped during a grace period left its previous
    // build behind: it goes now, before anyone could read it (no request started on it here).
    const live = await readlink(link).catch(() => undefined);
    if (live) await removeOldBuilds(join(distDir, 'site-builds'), join(link, '..', live), 0);
    return false;
  }

  options.log?.('Building the portal…');
  const buildsDir = join(distDir, 'site-builds');
  await mkdir(buildsDir, { recursive: true });
  const outDir = join(buildsDir, `${Date.now()}-${process.pid}`);
  await run(['node_modules/astro/bin/astro.mjs', 'build', '--silent'], {
    PODIUM_SNAPSHOT: snapshotPath(distDir),
    PODIUM_OPENAPI: openApiPath(distDir),
    PODIUM_SITE_OUT_DIR: outDir,
    ...(options.publicUrl ? { PODIUM_PUBLIC_URL: options.publicUrl } : {}),
  });
  await writeFile(join(outDir, STAMP), hash);
  await switchLink(link, outDir);
  await removeOldBuilds(buildsDir, outDir, options.previousBuildGraceMs);
  return true;
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

/** Runs a Node script of a dependency with the same Node binary as this process. */
function run(args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: projectRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolvePromise() : reject(new Error(`${args[0]} ${args[1]} failed with exit code ${code}`)),
    );
  });
}
