import { publishJob } from '../observability/events.ts';

/**
 * A pass of background work repeated on a timer in each API process: the pass itself
 * decides (through a lease or a claimed row in the database) whether this process does
 * the work, so the loop stays the same everywhere. A pass never overlaps the previous one,
 * and the timer never keeps the process alive on its own.
 *
 * Each pass is reported under `job` (api/observability/events.ts: a log line and metrics);
 * a pass that throws counts as failed and the loop goes on.
 *
 * @returns a function that stops the loop and waits for a running pass
 */
export function startBackgroundLoop(job: string, pass: () => Promise<void>, everyMs: number): () => Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = timed(job, pass).finally(schedule);
    }, everyMs);
    timer.unref?.();
  };
  schedule();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
}

async function timed(job: string, pass: () => Promise<void>): Promise<void> {
  const started = performance.now();
  let ok = false;
  try {
    await pass();
    ok = true;
  } catch {
    // The passes log their own failures without personal data; the loop must not die of one.
  } finally {
    publishJob({ job, ms: performance.now() - started, ok });
  }
}
