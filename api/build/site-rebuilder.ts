/**
 * Keeps the static portal current. Polls the content revision (one cheap query), and when
 * it moved — or a consultation opened or closed — waits until changes settle (debounce,
 * with a maximum wait so a steady stream of changes still gets built), then rebuilds in
 * the background. The build itself swaps its output in atomically (builds.ts), and skips
 * when the published content did not really change.
 */
import type { Db } from '../db/client.ts';
import { publishBuild } from '../observability/events.ts';
import { currentContentVersion, nextStatusChange } from '../services/content-revision.ts';

export type RebuilderOptions = {
  db: Db;
  /**
   * Writes the snapshot and builds the portal; must not throw for "nothing to do". Answers
   * `'busy'` when another process of the deployment holds the builder lease
   * (builder-lease.ts): the change stays pending and is tried again after the debounce.
   */
  rebuild: () => Promise<void | 'busy'>;
  pollMs?: number;
  /** Quiet time after the last change before building. */
  debounceMs?: number;
  /** Longest a change waits while more keep coming. */
  maxWaitMs?: number;
  now?: () => Date;
  log?: (message: string) => void;
};

export type SiteRebuilder = {
  /** Checks once; the timer calls this, tests call it directly. */
  tick(): Promise<void>;
  start(): void;
  stop(): Promise<void>;
  /** Rebuilds so far (successful ones). */
  readonly builds: number;
};

export async function createSiteRebuilder(options: RebuilderOptions): Promise<SiteRebuilder> {
  const now = options.now ?? (() => new Date());
  const debounceMs = options.debounceMs ?? 5_000;
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  const pollMs = options.pollMs ?? 2_000;

  let builtVersion = await currentContentVersion(options.db);
  let nextBoundary = await nextStatusChange(options.db, now());
  let seenVersion = builtVersion;
  let firstChangeAt: number | undefined;
  let lastChangeAt: number | undefined;
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let builds = 0;

  async function tick(): Promise<void> {
    if (running) return running;
    const at = now().getTime();
    const version = await currentContentVersion(options.db);
    const boundaryPassed = nextBoundary !== undefined && at >= nextBoundary.getTime();
    if (version !== seenVersion || boundaryPassed) {
      seenVersion = version;
      firstChangeAt ??= at;
      lastChangeAt = boundaryPassed && version === builtVersion ? at - debounceMs : at;
      if (boundaryPassed) nextBoundary = undefined;
    }
    if (firstChangeAt === undefined || lastChangeAt === undefined) return;
    const settled = at - lastChangeAt >= debounceMs;
    const waitedLongEnough = at - firstChangeAt >= maxWaitMs;
    if (!settled && !waitedLongEnough) return;

    firstChangeAt = undefined;
    lastChangeAt = undefined;
    const target = version;
    running = (async () => {
      const started = performance.now();
      try {
        if ((await options.rebuild()) === 'busy') {
          // Another process builds; on a shared dist directory the retry finds its build current.
          firstChangeAt = now().getTime();
          lastChangeAt = firstChangeAt;
          return;
        }
        builtVersion = target;
        builds += 1;
        publishBuild({ ms: performance.now() - started, ok: true });
      } catch (error) {
        publishBuild({ ms: performance.now() - started, ok: false });
        // Try again on a later tick; the old build keeps being served meanwhile.
        options.log?.(`Rebuilding the portal failed, the previous build stays online: ${String(error)}`);
        firstChangeAt = now().getTime();
        lastChangeAt = firstChangeAt;
      } finally {
        nextBoundary = await nextStatusChange(options.db, now()).catch(() => nextBoundary);
        running = undefined;
      }
    })();
    return running;
  }

  return {
    tick,
    start() {
      timer ??= setInterval(() => void tick().catch((error) => options.log?.(String(error))), pollMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
    get builds() {
      return builds;
    },
  };
}
