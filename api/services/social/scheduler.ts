/**
 * Runs the thread re-sync in the background of an API process. Every process may run
 * it: `syncDueThreads` claims each due thread for one process only (SKIP LOCKED and a
 * lease), so a deployment reads each thread once per interval however far it scales out.
 * A pg-boss cron job calling `syncDueThreads` would do the same once pg-boss is in use.
 */
import type { Db } from '../../db/client.ts';
import { describeError } from '../../http/log-error.ts';
import { syncDueThreads, type SyncOptions } from './threads.ts';

export type ThreadSyncLoopOptions = Omit<SyncOptions, 'now'> & {
  /** Time between runs, in ms. */
  everyMs: number;
  log?: (message: string) => void;
  clock?: () => Date;
  /** Called after a pass that changed what the public sees (e.g. to rebuild the portal, debounced). */
  onChange?: (threadIds: string[]) => void;
};

/**
 * Starts the loop; the returned function stops it and waits for a running pass.
 *
 * @example
 * const stop = startThreadSyncLoop(db, { everyMs: 60_000, log: console.log })
 */
export function startThreadSyncLoop(db: Db, options: ThreadSyncLoopOptions): () => Promise<void> {
  const { everyMs, log = () => {}, clock = () => new Date(), onChange, ...syncOptions } = options;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  const pass = async () => {
    try {
      const results = await syncDueThreads(db, { ...syncOptions, now: clock() });
      const changed: string[] = [];
      for (const { threadId, result } of results) {
        if (result.kind === 'failed') log(`Thread ${threadId}: sync failed: ${result.error}`);
        if (result.kind === 'removed') log(`Thread ${threadId}: deleted at the source, mirror withdrawn`);
        if (result.kind === 'removed' || (result.kind === 'synced' && result.changed)) changed.push(threadId);
      }
      if (changed.length > 0) onChange?.(changed);
    } catch (error) {
      log(`Thread sync pass failed: ${describeError(error)}`);
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = pass().finally(schedule);
    }, everyMs);
    // The loop never keeps the process alive on its own.
    timer.unref?.();
  };
  schedule();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
}
