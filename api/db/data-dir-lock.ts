/**
 * Guards a PGlite data directory against a second process.
 *
 * PGlite takes no lock of its own: two processes on one directory both "work", and the
 * last to close silently overwrites the other's rows. A lock file with the owner's pid
 * turns that into a clear error. A lock left by a process that no longer runs is taken over.
 */
import { openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';

export type DataDirLock = { path: string; release(): void };

export class DataDirLockedError extends Error {
  readonly pid: number;
  constructor(dataDir: string, pid: number) {
    super(
      `The data directory ${dataDir} is in use by another Podium process (pid ${pid}). ` +
        'Only one process may open an embedded database: stop that process, point PODIUM_DATA_DIR ' +
        'elsewhere, or use a PostgreSQL server through DATABASE_URL.',
    );
    this.name = 'DataDirLockedError';
    this.pid = pid;
  }
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  const path = join(dataDir, 'podium.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
      process.once('exit', release);
      return { path, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(path);
      if (owner !== undefined && isRunning(owner)) {
        throw new DataDirLockedError(dataDir, owner);
      }
      // Stale lock from a process that crashed: take it over.
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Could not lock the data directory ${dataDir}.`);
}

function readOwner(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    return Number.isFinite(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
