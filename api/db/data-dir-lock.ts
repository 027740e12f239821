/**
 * Guards a PGlite data directory against a second process.
 *
 * PGlite takes no lock of its own: two processes on one directory both "work", and the
 * last to close silently overwrites the other's rows. A lock file with the owner's pid
 * turns that into a clear error. A lock left by a process that no longer runs is taken over.
 *
 * A pid alone cannot prove that: in a container the restarted server is often pid 1 again,
 * exactly the pid in the lock it left when it was killed. So the lock records the owner's
 * start time as well (Linux: /proc/<pid>/stat), and a lock is stale when its pid is ours,
 * no longer runs, or now belongs to a process that started at another moment.
 */
import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
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

type Owner = { pid: number; startedAt: string | undefined };

/** The lock files this process holds: our own pid in one of these is no previous life. */
const held = new Set<string>();

export function acquireDataDirLock(dataDir: string): DataDirLock {
  const path = join(dataDir, 'podium.lock');
  const content = lockContent(process.pid);
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, content);
      closeSync(fd);
      held.add(path);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        held.delete(path);
        // Only our own lock: after a takeover race the file may be someone else's.
        if (readText(path) === content) rmSync(path, { force: true });
      };
      process.once('exit', release);
      return { path, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const seen = readText(path);
      if (seen === undefined) continue; // removed meanwhile: try again
      const owner = parseOwner(seen);
      if (owner && isHeldBy(owner, path)) throw new DataDirLockedError(dataDir, owner.pid);
      removeStaleLock(path, seen);
    }
  }
  throw new Error(`Could not lock the data directory ${dataDir}.`);
}

/** `<pid> <start time>`; the start time is left out where the system does not tell it. */
function lockContent(pid: number): string {
  const startedAt = startTimeOf(pid);
  return startedAt === undefined ? String(pid) : `${pid} ${startedAt}`;
}

function parseOwner(text: string): Owner | undefined {
  const [pid, startedAt] = text.trim().split(/\s+/);
  const number = Number.parseInt(pid ?? '', 10);
  return Number.isFinite(number) ? { pid: number, startedAt } : undefined;
}

function isHeldBy(owner: Owner, path: string): boolean {
  // Our own pid in a lock we did not take: a previous life of this pid (a restarted container).
  if (owner.pid === process.pid) return held.has(path);
  if (!isRunning(owner.pid)) return false;
  if (owner.startedAt === undefined) return true;
  const now = startTimeOf(owner.pid);
  return now === undefined || now === owner.startedAt;
}

/**
 * Removes a stale lock without removing a fresh one that a racing process put in its place:
 * the file is renamed away first (atomic, only one process gets it), and put back when it
 * turns out not to be the stale lock that was judged.
 */
function removeStaleLock(path: string, stale: string): void {
  const grave = `${path}.${process.pid}.stale`;
  try {
    renameSync(path, grave);
  } catch {
    return; // someone else took it away first
  }
  if (readText(grave) !== stale) {
    try {
      linkSync(grave, path);
    } catch {
      // A third process locked meanwhile; its lock stands, ours is gone with the grave.
    }
  }
  rmSync(grave, { force: true });
}

/** The process's start time in clock ticks since boot (field 22 of /proc/<pid>/stat), on Linux. */
function startTimeOf(pid: number): string | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  if (stat === undefined) return undefined;
  // The command name (field 2) is in parentheses and may contain spaces: count after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19];
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
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
