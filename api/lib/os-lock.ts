/**
 * A lock that the operating system keeps, and drops when its process ends however it ends
 * (SIGKILL, out of memory, a killed container): an exclusive transaction of Node's built-in
 * SQLite on a small file, which is a POSIX record lock (fcntl) underneath. So a lock is never
 * left behind to be judged stale, and no pid (which a restarted container reuses) is trusted.
 *
 * Another connection, in this process or any other, is refused until the holder releases or
 * dies. Child processes do not inherit the lock.
 */
import { DatabaseSync } from 'node:sqlite';

export type OsLock = { release(): void };

/**
 * How long a contended attempt may wait. Taking an exclusive lock passes through a shared
 * one, so two processes starting at the same moment briefly see each other's shared lock;
 * with no wait at all both gave up (about one race in ten), and a held lock was reported as
 * "in use" with nobody holding it. SQLite's busy handler lets the one that reached the
 * pending lock finish while the other backs off, so exactly one wins.
 */
const CONTENTION_WAIT_MS = 250;

/** Takes the lock on `path` (created when missing), or returns undefined within a moment when it is held. */
export function tryOsLock(path: string): OsLock | undefined {
  const connection = new DatabaseSync(path, { timeout: CONTENTION_WAIT_MS });
  try {
    // The exclusive transaction is never committed, so its lock lasts as long as the
    // connection. (Not `PRAGMA locking_mode = EXCLUSIVE`: in that mode the shared lock a
    // losing racer took is kept too, and the two deadlock until both give up.)
    connection.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    connection.close();
    if (isBusy(error)) return undefined;
    throw error;
  }
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      connection.close(); // ends the transaction and drops the lock
    },
  };
}

/** Waits (without blocking the event loop) until the lock on `path` is ours. */
export async function waitForOsLock(path: string, onWait?: () => void, pollMs = 200): Promise<OsLock> {
  for (let first = true; ; first = false) {
    const lock = tryOsLock(path);
    if (lock) return lock;
    if (first) onWait?.();
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

function isBusy(error: unknown): boolean {
  // SQLITE_BUSY (5) and SQLITE_LOCKED (6), with or without extended codes.
  const code = (error as { errcode?: number }).errcode;
  return code !== undefined && [5, 6].includes(code & 0xff);
}
