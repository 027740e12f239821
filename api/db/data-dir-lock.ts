/**
 * Guards a PGlite data directory against a second process.
 *
 * PGlite takes no lock of its own: two processes on one directory both "work", and the
 * last to close silently overwrites the other's rows. This lock turns that into a clear error.
 *
 * The lock is one the operating system keeps (lib/os-lock.ts) on `podium-lock.sqlite` in the
 * directory: the kernel drops it the moment its process ends, however it ends. Nothing is
 * ever left to judge as stale, so there is no pid to trust: a restarted container whose
 * server is pid 1 again, exactly like the process that was killed, simply gets the lock.
 * (An earlier version wrote the pid into a file and had to guess whether it was stale.)
 *
 * Who holds the lock is written beside it (`podium.pid`), only to name the process in the
 * error; it decides nothing.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tryOsLock } from '../lib/os-lock.ts';

export type DataDirLock = { path: string; release(): void };

export class DataDirLockedError extends Error {
  /** The holder's pid as it wrote it down; undefined when it had not yet (or not here). */
  readonly pid: number | undefined;
  constructor(dataDir: string, pid: number | undefined) {
    super(
      `The data directory ${dataDir} is in use by another Podium process${pid === undefined ? '' : ` (pid ${pid})`}. ` +
        'Only one process may open an embedded database: stop that process, point PODIUM_DATA_DIR ' +
        'elsewhere, or use a PostgreSQL server through DATABASE_URL.',
    );
    this.name = 'DataDirLockedError';
    this.pid = pid;
  }
}

export const LOCK_FILE = 'podium-lock.sqlite';
export const OWNER_FILE = 'podium.pid';

/** Takes the lock on `dataDir` or throws DataDirLockedError at once (it never waits). */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const path = join(dataDir, LOCK_FILE);
  const ownerPath = join(dataDir, OWNER_FILE);
  const lock = tryOsLock(path);
  if (!lock) throw new DataDirLockedError(dataDir, readOwner(ownerPath));
  const owner = String(process.pid);
  writeFileSync(ownerPath, owner);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    if (readOwner(ownerPath) === process.pid) rmSync(ownerPath, { force: true });
    lock.release();
  };
  process.once('exit', release);
  return { path, release };
}

function readOwner(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    return Number.isFinite(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}
