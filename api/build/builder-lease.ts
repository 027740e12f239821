/**
 * One portal builder at a time for the whole deployment. API processes on one PostgreSQL
 * database each run a rebuilder (site-rebuilder.ts); without this, every one of them would
 * build on every change. The lease is a PostgreSQL advisory lock held by a transaction for
 * as long as the build runs: the database drops it when the holder's connection ends, so a
 * builder that dies (SIGKILL, a lost machine) never leaves it taken.
 *
 * A process that finds the lease taken does not build now; it tries again later, and then
 * usually finds the build already made:
 * - with a dist directory shared by all processes (one disk, or a network file system with
 *   atomic rename and symlinks, such as NFSv4), the holder's build is switched in with one
 *   rename and `ensureSiteBuilt` sees it is current: the others serve it and build nothing;
 * - with a dist directory per machine, each builds its own in turn, never two at once.
 *
 * The embedded database (PGlite) admits one process only (its directory is locked), so
 * there the lease is that process's by definition and no lock is taken: a transaction would
 * hold PGlite's only connection for the length of the build.
 *
 * Builds of one installation also take an operating-system lock (builds.ts): that one
 * guards the installation's files, this one the deployment's work.
 */
import { sql } from 'drizzle-orm';
import type { Db, DatabaseKind } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';

/** The advisory lock's key: any 64-bit number no other part of Podium uses ("podium b" in ASCII). */
export const BUILDER_LOCK_KEY = 0x706f6469756d2062n;

export type LeaseResult<T> = { built: true; value: T } | { built: false };

/**
 * Runs `work` while holding the deployment's builder lease, or returns `{ built: false }` at
 * once when another process holds it. With `waitMs`, tries again until then (start-up: a
 * server waits for the build another one is making rather than serving nothing).
 */
export async function withBuilderLease<T>(
  db: Db,
  kind: DatabaseKind,
  work: () => Promise<T>,
  options: { waitMs?: number; retryMs?: number; onWait?: () => void } = {},
): Promise<LeaseResult<T>> {
  if (kind === 'pglite') return { built: true, value: await work() };
  const deadline = Date.now() + (options.waitMs ?? 0);
  let waited = false;
  for (;;) {
    const outcome = await db.transaction(async (tx): Promise<LeaseResult<T>> => {
      const [row] = rowsOf<{ ok: boolean }>(
        await tx.execute(sql`select pg_try_advisory_xact_lock(${BUILDER_LOCK_KEY.toString()}::bigint) as ok`),
      );
      if (!row?.ok) return { built: false };
      return { built: true, value: await work() };
    });
    if (outcome.built || Date.now() >= deadline) return outcome;
    if (!waited) options.onWait?.();
    waited = true;
    await new Promise((resolve) => setTimeout(resolve, options.retryMs ?? 500));
  }
}
