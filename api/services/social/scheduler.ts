/**
 * Runs the thread re-sync in the background of an API process. Every process may run
 * it: `syncDueThreads` claims each due thread for one process only (SKIP LOCKED and a
 * lease), so a deployment reads each thread once per interval however far it scales out.
 * A pg-boss cron job calling `syncDueThreads` would do the same once pg-boss is in use.
 */
import type { Db } from '../../db/client.ts';
import { describeError } from '../../lib/log-error.ts';
import { startBackgroundLoop } from '../background-loop.ts';
import { syncDueThreads, type SyncOptions } from './threads.ts';

export type ThreadSyncLoopOptions = Omit<SyncOptions, 'now'> & {
  /** Time between runs, in ms. */
  everyMs: number;
  log?: (message: string) => void;
  clock?: () => Date;
};

/**
 * Starts the loop; the returned function stops it and waits for a running pass.
 *
 * @example
 * const stop = startThreadSyncLoop(db, { everyMs: 60_000, log: console.log })
 */
export function startThreadSyncLoop(db: Db, options: ThreadSyncLoopOptions): () => Promise<void> {
  const { everyMs, log = () => {}, clock = () => new Date(), ...syncOptions } = options;
  // Changes reach the portal through the content revision that syncThread bumps.
  return startBackgroundLoop(
    'thread-sync',
    async () => {
      try {
        for (const { threadId, result } of await syncDueThreads(db, { ...syncOptions, now: clock() })) {
          if (result.kind === 'failed') log(`Thread ${threadId}: sync failed: ${result.error}`);
          if (result.kind === 'removed') log(`Thread ${threadId}: deleted at the source, mirror withdrawn`);
        }
      } catch (error) {
        log(`Thread sync pass failed: ${describeError(error)}`);
        throw error;
      }
    },
    everyMs,
  );
}
