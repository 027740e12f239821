/**
 * What the server reports about itself, published on Node's diagnostics channels so the
 * code doing the work needs to know nothing about logs or metrics: the background loops,
 * the portal builder and the rate limiter publish; `observe()` (logs and metrics, wired by
 * the server) subscribes. Publishing with no subscriber costs a property check.
 *
 * Events carry names, durations and outcomes only — never an address, text or identifier
 * of a person: they end up in logs that outlive every retention period.
 */
import { channel } from 'node:diagnostics_channel';

/** One pass of a background job (retention purge, mail sender, thread sync, late check…). */
export type JobEvent = { job: string; ms: number; ok: boolean };
/** One build of the portal by the rebuilder. */
export type BuildEvent = { ms: number; ok: boolean };
/** One request refused by a rate limit. */
export type RateLimitEvent = { group: string };
/**
 * A roll-up that disagreed with the items it counts, so a figure was counted from the items
 * instead (right, but slow): a roll-up that should never drift has, and an operator should know.
 */
export type RollUpMismatchEvent = { rollUp: string };

const jobs = channel('podium:job');
const builds = channel('podium:build');
const rateLimits = channel('podium:rate-limit');
const rollUpMismatches = channel('podium:roll-up-mismatch');

export const publishJob = (event: JobEvent): void => {
  if (jobs.hasSubscribers) jobs.publish(event);
};
export const publishBuild = (event: BuildEvent): void => {
  if (builds.hasSubscribers) builds.publish(event);
};
export const publishRateLimit = (event: RateLimitEvent): void => {
  if (rateLimits.hasSubscribers) rateLimits.publish(event);
};
export const publishRollUpMismatch = (event: RollUpMismatchEvent): void => {
  if (rollUpMismatches.hasSubscribers) rollUpMismatches.publish(event);
};

export type Observers = {
  job?: (event: JobEvent) => void;
  build?: (event: BuildEvent) => void;
  rateLimit?: (event: RateLimitEvent) => void;
  rollUpMismatch?: (event: RollUpMismatchEvent) => void;
};

/**
 * Subscribes to the events.
 * @returns a function that unsubscribes again
 * @example const stop = observe({ job: (e) => console.log(e.job, e.ms) })
 */
export function observe(observers: Observers): () => void {
  const pairs = [
    [jobs, observers.job],
    [builds, observers.build],
    [rateLimits, observers.rateLimit],
    [rollUpMismatches, observers.rollUpMismatch],
  ] as const;
  const subscribed: Array<[typeof jobs, (message: unknown) => void]> = [];
  for (const [ch, observer] of pairs) {
    if (!observer) continue;
    const listener = (message: unknown) => (observer as (event: unknown) => void)(message);
    ch.subscribe(listener);
    subscribed.push([ch, listener]);
  }
  return () => {
    for (const [ch, listener] of subscribed) ch.unsubscribe(listener);
  };
}
