/**
 * Metrics an operator scrapes (Prometheus text format, `GET /metrics`): request rates and
 * latencies per route, background jobs, portal builds, rate-limit refusals — counted in this
 * process — and, read from the database at each scrape, the sizes the whole deployment
 * shares: items waiting in the queue and mail waiting in the outbox. Behind a load balancer
 * every process is scraped on its own; the database gauges are the same in each.
 *
 * Labels are route patterns (`/volg/:code`, never the code), job names and states: their
 * number is bounded, and none carries personal data.
 *
 * prom-client does the exposition format, histograms and the process figures (memory,
 * CPU, event-loop lag), which we would otherwise write and test ourselves.
 */
import { count, inArray } from 'drizzle-orm';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Db } from '../db/client.ts';
import { outboxMessages, socialPosts, submissions } from '../db/schema.ts';
import { WAITING_STATES } from '../services/office-hours/due-times.ts';
import { observe } from './events.ts';

export type Metrics = {
  registry: Registry;
  /** Counts one answered request. */
  request(labels: { method: string; route: string; status: number }, seconds: number): void;
  /** Stops listening to the job, build and rate-limit events. */
  close(): void;
};

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * @example
 * const metrics = createMetrics(db);
 * const text = await metrics.registry.metrics(); // '# HELP podium_http_requests_total …'
 */
export function createMetrics(db: Db): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'podium_' });

  const requests = new Counter({
    name: 'podium_http_requests_total',
    help: 'Requests answered, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'podium_http_request_duration_seconds',
    help: 'Time from request to response, by method and route pattern.',
    labelNames: ['method', 'route'] as const,
    buckets: SECONDS,
    registers: [registry],
  });
  const jobs = new Histogram({
    name: 'podium_job_duration_seconds',
    help: 'Passes of background jobs in this process, by job and outcome.',
    labelNames: ['job', 'outcome'] as const,
    buckets: SECONDS,
    registers: [registry],
  });
  const builds = new Histogram({
    name: 'podium_portal_build_duration_seconds',
    help: 'Portal rebuilds by this process, by outcome.',
    labelNames: ['outcome'] as const,
    buckets: [1, 2.5, 5, 10, 20, 40, 80, 160],
    registers: [registry],
  });
  const refusals = new Counter({
    name: 'podium_rate_limit_refusals_total',
    help: 'Requests refused by a rate limit in this process, by route group.',
    labelNames: ['group'] as const,
    registers: [registry],
  });
  for (const group of ['submit', 'follow_up', 'rights', 'login', 'email_link']) refusals.inc({ group }, 0);
  const mismatches = new Counter({
    name: 'podium_roll_up_mismatches_total',
    help: 'Figures counted from the items because a roll-up disagreed with them (should stay 0), by roll-up.',
    labelNames: ['roll_up'] as const,
    registers: [registry],
  });
  mismatches.inc({ roll_up: 'response_time_counts' }, 0);

  new Gauge({
    name: 'podium_queue_items',
    help: 'Items waiting for the municipality in the moderation queue (all processes), by source and state.',
    labelNames: ['source', 'state'] as const,
    registers: [registry],
    async collect() {
      // Each count is a range of the (review_state, created_at) index.
      const waitingIn = async (table: typeof submissions | typeof socialPosts) =>
        db
          .select({ state: table.reviewState, count: count() })
          .from(table)
          .where(inArray(table.reviewState, [...WAITING_STATES]))
          .groupBy(table.reviewState);
      const [input, social] = await Promise.all([waitingIn(submissions), waitingIn(socialPosts)]);
      for (const [source, rows] of [
        ['input', input],
        ['social', social],
      ] as const) {
        for (const state of WAITING_STATES) {
          this.set({ source, state }, rows.find((row) => row.state === state)?.count ?? 0);
        }
      }
    },
  });
  const undelivered = ['pending', 'sending', 'failed'] as const;
  new Gauge({
    name: 'podium_mail_outbox_messages',
    help: 'Mail not yet delivered in the outbox (all processes), by state.',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      const rows = await db
        .select({ state: outboxMessages.state, count: count() })
        .from(outboxMessages)
        .where(inArray(outboxMessages.state, [...undelivered]))
        .groupBy(outboxMessages.state);
      for (const state of undelivered) this.set({ state }, rows.find((row) => row.state === state)?.count ?? 0);
    },
  });

  const stop = observe({
    job: (event) => jobs.observe({ job: event.job, outcome: event.ok ? 'ok' : 'failed' }, event.ms / 1000),
    build: (event) => builds.observe({ outcome: event.ok ? 'ok' : 'failed' }, event.ms / 1000),
    rateLimit: (event) => refusals.inc({ group: event.group }),
    rollUpMismatch: (event) => mismatches.inc({ roll_up: event.rollUp }),
  });

  return {
    registry,
    request({ method, route, status }, seconds) {
      requests.inc({ method, route, status: String(status) });
      latency.observe({ method, route }, seconds);
    },
    close: stop,
  };
}
