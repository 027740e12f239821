/**
 * The HTTP side of observability: a middleware that gives every request one log line and
 * its metrics, and the `/metrics` route for the operator's scraper.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Logger } from './log.ts';
import type { Metrics } from './metrics.ts';

export type RequestObserverOptions = {
  /** Gets one `request` record per request (in JSON format only: a terminal is not flooded). */
  log?: Logger | undefined;
  metrics?: Metrics | undefined;
};

/**
 * Measures each request from arrival to response. The route is the pattern that answered
 * (`/volg/:code`), never the path: paths and query strings carry follow-up codes, search
 * words and item addresses, which stay out of logs and metric labels.
 *
 * @example app.use(requestObserver({ log, metrics }))
 */
export const requestObserver = ({ log, metrics }: RequestObserverOptions): MiddlewareHandler => {
  const logRequests = log?.format === 'json';
  return async function requestObserver(c, next) {
    const started = performance.now();
    try {
      await next();
    } finally {
      const ms = performance.now() - started;
      // An error not yet turned into a response is answered 500 by the error handler.
      const status = c.error && c.res.status < 500 ? 500 : c.res.status;
      const route = routePath(c) || 'unmatched';
      metrics?.request({ method: c.req.method, route, status }, ms / 1000);
      if (logRequests) {
        log!.record(status >= 500 ? 'error' : 'info', 'request', {
          method: c.req.method,
          route,
          status,
          ms: Math.round(ms * 10) / 10,
        });
      }
    }
  };
};

/**
 * `GET /metrics` in Prometheus text format, for a scraper holding the token
 * (`Authorization: Bearer <PODIUM_METRICS_TOKEN>`); anyone else gets 404, as if there were
 * no such address.
 */
export const metricsHandler = (metrics: Metrics, token: string): MiddlewareHandler => {
  const expected = digest(token);
  return async function metricsHandler(c) {
    const given = /^Bearer\s+(.+)$/i.exec(c.req.header('Authorization') ?? '')?.[1]?.trim() ?? '';
    // Compared as digests: equal length, and no timing hint about the token.
    if (!timingSafeEqual(digest(given), expected)) return c.text('Not found', 404);
    const body = await metrics.registry.metrics();
    return c.body(body, 200, { 'Content-Type': metrics.registry.contentType, 'Cache-Control': 'no-store' });
  };
};

const digest = (value: string) => createHash('sha256').update(value).digest();
