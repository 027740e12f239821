/**
 * Guards a PGlite data directory against a second process.
 *
 * PGlite takes no lock of its own: two processes on one directory both "work", and the
 * last to close silently overwrites the other's rows. This lock turns that into a clear error.
 *
 * The lock is one the operating system keeps: an exclusive SQLite transaction (Node's built-in
 * `node:sqlite`) on `podium-lock.sqlite` in the directory, which is a POSIX record lock
 * (fcntl) underneath. The kernel drops such a lock the moment its process ends, however it
 * ends — SIGKILL, out of memory, a power cut of the container. Nothing is ever left to judge
 * as stale, so there is no pid to trust: a restarted container whose server is pid 1 again,
 * exactly like the process that was killed, simply gets the lock. (An earlier version wrote
 * the pid into a file and had to guess whether it was stale.)
 *
 * Who holds the lock is written beside it (`podium.pid`), only to name the process in the
 * error; it decides nothing.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

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
  // timeout 0: a held lock is reported at once instead of waited for.
  const connection = new DatabaseSync(path, { timeout: 0 });
  try {
    // EXCLUSIVE locking mode keeps the lock after the transaction's first write lock and
    // the exclusive transaction takes it now; another connection, in this process or any
    // other, gets SQLITE_BUSY until this one is closed or its process is gone.
    connection.exec('PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE');
  } catch (error) {
    connection.close();
    if (isBusy(error)) throw new DataDirLockedError(dataDir, readOwner(ownerPath));
    throw error;
  }
  const owner = String(process.pid);
  writeFileSync(ownerPath, owner);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    if (readOwner(ownerPath) === process.pid) rmSync(ownerPath, { force: true });
    connection.close(); // ends the transaction and drops the lock
  };
  process.once('exit', release);
  return { path, release };
}

function isBusy(error: unknown): boolean {
  // SQLITE_BUSY (5) and SQLITE_LOCKED (6), with or without extended codes.
  const code = (error as { errcode?: number }).errcode;
  return code !== undefined && [5, 6].includes(code & 0xff);
}

function readOwner(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    return Number.isFinite(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}
