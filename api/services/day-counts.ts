/**
 * Upkeep of the roll-ups (`submission_day_counts`, `response_time_counts`, schema.ts): their
 * triggers only insert changes (+n, −n), so that writers on one key never wait for each
 * other's rows (migration 0056). Every reader sums the rows of a key; this folds each key's
 * rows into one now and then, and drops keys whose changes cancel out, so each table stays
 * about one row per key whatever the number of writes.
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
    const report = { folded: 0, kept: 0 };
    for (const rollUp of ROLL_UPS) {
      const [part] = rowsOf<FoldReport>(await tx.execute(foldSql(rollUp)));
      report.folded += part?.folded ?? 0;
      report.kept += part?.kept ?? 0;
    }
    return report;
  });
}

/**
 * A roll-up whose rows are changes: its key columns, the counts summed per key, and bounds
 * kept as the lowest and the highest of the key's rows.
 */
type RollUp = { table: string; key: readonly string[]; counts: readonly string[]; min?: string; max?: string };

const ROLL_UPS: readonly RollUp[] = [
  { table: 'submission_day_counts', key: ['consultation_id', 'day', 'channel', 'label', 'state'], counts: ['n'] },
  {
    table: 'response_time_counts',
    key: ['organisation_id', 'day', 'channel', 'bucket'],
    counts: ['answered', 'promised', 'on_time'],
    min: 'min_ms',
    max: 'max_ms',
  },
];

/** Folds one roll-up (fixed identifiers only: nothing here comes from outside). */
function foldSql({ table, key, counts, min, max }: RollUp) {
  const values = [...counts, ...(min ? [min] : []), ...(max ? [max] : [])];
  const folded = [
    ...counts.map((count) => `sum(${count})`),
    ...(min ? [`min(${min})`] : []),
    ...(max ? [`max(${max})`] : []),
  ];
  const keys = key.join(', ');
  const positions = key.map((_, i) => i + 1).join(', ');
  const zero = counts.map((count) => `sum(${count}) = 0`).join(' and ');
  return sql.raw(`
    with keys as (
      select ${keys} from ${table} group by ${positions} having count(*) > 1 or (${zero})
    ),
    gone as (
      delete from ${table} d using keys k
      where ${key.map((column) => `d.${column} = k.${column}`).join(' and ')}
      returning ${[...key, ...values].map((column) => `d.${column}`).join(', ')}
    ),
    kept as (
      insert into ${table} (${[...key, ...values].join(', ')})
      select ${keys}, ${folded.join(', ')} from gone group by ${positions} having not (${zero})
      returning 1
    )
    select (select count(*) from gone)::int as folded, (select count(*) from kept)::int as kept`);
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
