/**
 * A pass of background work repeated on a timer in each API process: the pass itself
 * decides (through a lease or a claimed row in the database) whether this process does
 * the work, so the loop stays the same everywhere. A pass never overlaps the previous one,
 * and the timer never keeps the process alive on its own.
 *
 * @returns a function that stops the loop and waits for a running pass
 */
export function startBackgroundLoop(pass: () => Promise<void>, everyMs: number): () => Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = pass().finally(schedule);
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
