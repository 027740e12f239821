/**
 * Which requests count as a visit, a download or a widget view (api/services/reach/counter.ts
 * keeps the numbers). Counted by the server from its own requests: no cookie, no script, no
 * third party, and nothing about the visitor is read beyond what decides whether to count.
 *
 * Counted: a successful GET (200; a 304 revisit is a 200 here, below the ETag middleware) of
 * an HTML page of the built portal, of a document in it or of a public archive, and a widget's
 * successful GET of the public API from an allowed embedding origin. Not counted: other
 * methods (HEAD, POST…), errors and redirects, prefetches, and clients whose user agent is
 * missing or names a bot, crawler or HTTP library. Headless browsers that pose as a browser are
 * not recognised.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';
import type { VisitCounter, VisitKind, WidgetKind } from '../services/reach/counter.ts';

const BOT =
  /bot|crawl|spider|slurp|archiver|curl|wget|python|java\/|go-http|httpclient|okhttp|axios|node-fetch|undici|libwww|scrapy|phantomjs|lighthouse|pingdom|uptime|monitor|facebookexternalhit|embedly|preview|feedfetcher|ahrefs|semrush|mj12|petal|yandex|baidu|duckduck|bingpreview/i;

/** Documents in the built portal that count as downloads rather than pages. */
const DOCUMENT = /\.(pdf|odt|ods|odp|docx?|xlsx?|pptx?|csv|zip|epub)$/i;

/** The longest path counted; longer ones are not portal pages. */
const MAX_PATH = 300;

export function isBot(userAgent: string | undefined): boolean {
  return !userAgent || BOT.test(userAgent);
}

/** A GET that a person's browser made for itself (not a prefetch, not a bot). */
function countableRequest(c: Context): boolean {
  if (c.req.method !== 'GET') return false;
  if (isBot(c.req.header('User-Agent'))) return false;
  const purpose = c.req.header('Sec-Purpose') ?? c.req.header('Purpose');
  return !purpose?.includes('prefetch');
}

/**
 * What a file of the built portal counts as: an HTML page a visit, a document a download,
 * anything else (styles, scripts, images, the 404 page) nothing.
 */
export function portalFileKind(path: string, contentType: string | null): VisitKind | undefined {
  if (DOCUMENT.test(path)) return 'download';
  if (contentType?.startsWith('text/html') && !path.endsWith('/404.html')) return 'page';
  return undefined;
}

/**
 * Counts the portal's pages and documents, whichever handler served them: the static files
 * (from memory or from disk) and the pages whose lists are filled in per request
 * (routes/portal-lists.ts) each say what they served with `c.set('countAs', …)`, and this
 * middleware, mounted once before them, counts it. A 304 is counted too: a visitor who looks
 * again counts again, whether or not their browser kept the page.
 */
export function portalPageCounting(counter: VisitCounter): MiddlewareHandler<AppEnv> {
  return async function portalPageCounting(c, next) {
    await next();
    const kind = c.get('countAs');
    if (!kind || (c.res.status !== 200 && c.res.status !== 304) || !countableRequest(c)) return;
    if (c.req.path.length > MAX_PATH) return;
    counter.page(c.req.path, kind, c.get('now')());
  };
}

/** Counts a successful download of a public archive (mounted on the archive routes). */
export function downloadCounting(counter: VisitCounter): MiddlewareHandler<AppEnv> {
  return async function downloadCounting(c, next) {
    await next();
    if (c.res.status === 200 && countableRequest(c) && c.req.path.length <= MAX_PATH)
      counter.page(c.req.path, 'download', c.get('now')());
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLUG = /^[a-z0-9-]{1,200}$/;

/**
 * What a widget's API request reads: the consultation, its answers or a thread. A later page
 * of answers or of a thread is the same view paged on, not another one; and so is the list a
 * `<podium-thread consultation=…>` reads first to find its thread (it was counted as a view of
 * its own beside the thread's, so every such widget counted twice).
 */
export function widgetRead(path: string, query: (name: string) => string | undefined): [WidgetKind, string] | null {
  const parts = path.split('/');
  const page = query('page');
  if (page !== undefined && page !== '1') return null;
  // ['', 'api', 'consultations', slug, 'answers'?]
  if (parts[2] === 'consultations' && parts[3] && SLUG.test(parts[3])) {
    if (parts.length === 4) return ['consultation', parts[3]];
    if (parts.length === 5 && parts[4] === 'answers') return ['answers', parts[3]];
    return null;
  }
  if (parts[2] === 'threads' && parts.length === 4 && parts[3] && UUID.test(parts[3])) {
    return ['thread', parts[3].toLowerCase()];
  }
  return null;
}

/**
 * Counts a widget's read of the public API per embedding origin. Only origins that an
 * organisation allowed are counted (anyone can send any Origin header; counting those would
 * let a script fill the table), and only reads that found something (200).
 */
export function widgetViewCounting(counter: VisitCounter): MiddlewareHandler<AppEnv> {
  return async function widgetViewCounting(c, next) {
    await next();
    const origin = c.req.header('Origin');
    if (!origin || c.res.status !== 200 || !countableRequest(c)) return;
    const read = widgetRead(c.req.path, (name) => c.req.query(name));
    if (!read || !(await c.get('origins').allows(origin))) return;
    counter.widget(origin, read[0], read[1], c.get('now')());
  };
}
