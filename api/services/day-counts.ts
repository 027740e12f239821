/**
 * Upkeep of the day roll-up (`submission_day_counts`, schema.ts): its triggers only insert
 * changes (+n, −n), so that writers on one consultation day never wait for each other's rows
 * (migration 0056). Every reader sums the rows of a key; this folds each key's rows into one
 * now and then, and drops keys whose changes cancel out, so the table stays about one row per
 * key whatever the number of writes.
 *
 * One fold at a time per deployment (a transaction's advisory lock; another process's pass
 * skips). Rows a trigger inserts while a fold runs are not in its snapshot and stay as they
 * are, so nothing is counted twice or lost.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';
import { describeError } from '../lib/log-error.ts';
import { startBackgroundLoop } from './background-loop.ts';

/** The advisory lock's key: any 64-bit number no other part of Podium uses ("podium d" in ASCII). */
const FOLD_LOCK_KEY = 0x706f6469756d2064n;

/** How often each process offers to fold: a key gathers at most a few minutes of changes. */
export const FOLD_EVERY_MS = 5 * 60_000;

export type FoldReport = { folded: number; kept: number };

/**
 * Folds every key with more than one row (or a sum of zero) into one row (none for zero).
 * @returns how many rows were folded into how many, or null when another process is folding
 */
export async function foldDayCounts(db: Db): Promise<FoldReport | null> {
  return db.transaction(async (tx) => {
    const [lock] = rowsOf<{ ok: boolean }>(
      await tx.execute(sql`select pg_try_advisory_xact_lock(${FOLD_LOCK_KEY.toString()}::bigint) as ok`),
    );
    if (!lock?.ok) return null;
    const [report] = rowsOf<FoldReport>(
      await tx.execute(sql`
        with keys as (
          select consultation_id, day, channel, label, state from submission_day_counts
          group by 1, 2, 3, 4, 5 having count(*) > 1 or sum(n) = 0
        ),
        gone as (
          delete from submission_day_counts d using keys k
          where d.consultation_id = k.consultation_id and d.day = k.day and d.channel = k.channel
            and d.label = k.label and d.state = k.state
          returning d.consultation_id, d.day, d.channel, d.label, d.state, d.n
        ),
        kept as (
          insert into submission_day_counts (consultation_id, day, channel, label, state, n)
          select consultation_id, day, channel, label, state, sum(n) from gone
          group by 1, 2, 3, 4, 5 having sum(n) <> 0
          returning 1
        )
        select (select count(*) from gone)::int as folded, (select count(*) from kept)::int as kept`),
    );
    return report ?? { folded: 0, kept: 0 };
  });
}

/** Offers to fold every `everyMs` in this process; `foldDayCounts` lets one process at a time do it. */
export function startDayCountsFolding(
  db: Db,
  options: { everyMs?: number; log?: (message: string) => void } = {},
): () => Promise<void> {
  const { everyMs = FOLD_EVERY_MS, log = () => {} } = options;
  return startBackgroundLoop(
    'day-counts-fold',
    async () => {
      try {
        await foldDayCounts(db);
      } catch (error) {
        log(`Folding the day counts failed: ${describeError(error)}`);
        throw error;
      }
    },
    everyMs,
  );
}
