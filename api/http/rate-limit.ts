/**
 * The rate-limit middleware: counts the request in the shared table before the route runs,
 * so a refused request has stored nothing. The answer is problem+json for API clients and
 * a readable page for people (HTML form posts and page visits), both with `Retry-After`.
 */
import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import type { Locale } from '../../shared/contracts/public-content.ts';
import { type RateLimitGroup, type RateLimitRules } from '../services/rate-limit.ts';
import { databaseRateLimitStore, type RateLimitStore } from '../services/rate-limit-stores.ts';
import { publishRateLimit } from '../observability/events.ts';
import type { AppEnv } from './app-env.ts';
import { problem, requestLocale } from './problem.ts';

export type RateLimitOptions = {
  group: RateLimitGroup;
  rules: RateLimitRules;
  /** Proxies in front of Podium whose `X-Forwarded-For` entries are trusted (0: none). */
  trustProxyHops: number;
  /** Limit only these methods (e.g. only POST on a path that also serves GET). */
  methods?: string[];
  /** Where the counters live; the database when not given. */
  store?: RateLimitStore;
  /**
   * The page a person in a browser gets instead of problem+json. Given by the app (a view),
   * because middleware renders no pages; without it, browsers get problem+json too.
   */
  refusalPage?: ((lang: Locale, minutes: number) => string) | undefined;
};

/**
 * @example
 * app.use('/api/follow-up/*', rateLimit({ group: 'follow_up', rules, trustProxyHops: 1 }))
 */
export const rateLimit = (options: RateLimitOptions): MiddlewareHandler<AppEnv> => {
  return async function rateLimit(c, next) {
    const rule = options.rules[options.group];
    // A CORS preflight is the browser asking, not the client acting: it does not count.
    if (!rule || c.req.method === 'OPTIONS' || (options.methods && !options.methods.includes(c.req.method)))
      return next();
    const verdict = await (options.store ?? databaseRateLimitStore).hit(c.get('db'), {
      group: options.group,
      client: clientAddress(c, options.trustProxyHops),
      rule,
      now: c.get('now')(),
    });
    if (verdict.allowed) return next();
    publishRateLimit({ group: options.group });
    return tooManyRequests(c, verdict.retryAfterSeconds, options.refusalPage);
  };
};

/**
 * The client's address. `X-Forwarded-For` is read only behind trusted proxies, and then
 * from the right: each proxy appends the address it saw, so the entry `hops` from the end
 * was written by our own outermost proxy; anything left of it the client could forge.
 */
export function clientAddress(c: Context, trustProxyHops: number): string {
  if (trustProxyHops > 0) {
    const forwarded = (c.req.header('X-Forwarded-For') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const entry = forwarded[Math.max(0, forwarded.length - trustProxyHops)];
    if (entry) return entry;
  }
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}

async function tooManyRequests(
  c: Context,
  retryAfterSeconds: number,
  refusalPage: RateLimitOptions['refusalPage'],
): Promise<Response> {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  const headers = { 'Retry-After': String(retryAfterSeconds), 'Cache-Control': 'no-store' };
  if (refusalPage && wantsHtml(c)) return c.html(refusalPage(await htmlLocale(c), minutes), 429, headers);
  return problem(c, 429, 'rate_limited', { detail: 'rate_limited_detail', detailParams: { minutes }, headers });
}

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/** A person in a browser: a form post, or a page visit that asks for HTML. */
function wantsHtml(c: Context): boolean {
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (c.req.method === 'POST') return FORM_TYPES.includes(type);
  return (c.req.header('Accept') ?? '').includes('text/html');
}

/** The language of the form (its `lang` field), of the page's path, or of the browser. */
async function htmlLocale(c: Context): Promise<Locale> {
  if (c.req.method === 'POST') {
    // Hono caches the parsed body, so reading it here costs the refused request only.
    const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    if (body.lang === 'en' || body.lang === 'nl') return body.lang;
  }
  if (c.req.path.startsWith('/en/')) return 'en';
  // Pages outside /en/ are the Dutch ones (/volg/, /gegevens/, /beheer/): their language wins over the browser's.
  if (!c.req.path.startsWith('/api/')) return 'nl';
  return requestLocale(c);
}
