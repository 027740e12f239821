/**
 * Security headers on every response, chosen by what the response is:
 *
 * - HTML (portal pages, form answers, the follow-up pages, 404): a strict
 *   Content-Security-Policy. The Astro build inlines neither scripts nor styles
 *   (`inlineStylesheets: 'never'`, `assetsInlineLimit: 0`), so `'self'` is enough and no
 *   `'unsafe-inline'` is needed. Nobody may frame these pages (clickjacking on forms).
 * - Everything else (JSON, problem+json, assets): `default-src 'none'`, so a JSON body
 *   that a browser is tricked into rendering can run nothing.
 * - `/widgets/*` and `/api/*`: `Cross-Origin-Resource-Policy: cross-origin`, because the
 *   municipality's own site loads the widget bundle and calls the API from its origin.
 *   The widget files get no CSP: it would not apply to a script, only confuse.
 *
 * HSTS only over HTTPS: sent over plain HTTP it is ignored, and on localhost it would pin
 * a developer's browser to HTTPS. Behind a TLS-terminating proxy the scheme comes from
 * `X-Forwarded-Proto`, trusted only when the operator says a proxy is in front.
 */
import type { Context, MiddlewareHandler } from 'hono';

export type SecurityHeadersOptions = {
  /** Trust `X-Forwarded-Proto` (set when a proxy or load balancer terminates TLS). */
  trustProxy?: boolean;
  /** HSTS max-age in seconds. */
  hstsMaxAge?: number;
};

/** The portal's policy; exported so tests and docs show the one source. */
export const PORTAL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // Mirrored social posts may show media from the platforms' HTTPS hosts.
  "img-src 'self' data: https:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const NON_HTML_CSP = "default-src 'none'; frame-ancestors 'none'";

const CROSS_ORIGIN_PATHS = /^\/(widgets|api)\//;

/**
 * @example
 * app.use(securityHeaders({ trustProxy: config.trustProxy }))
 */
export const securityHeaders = ({
  trustProxy = false,
  hstsMaxAge = 31_536_000,
}: SecurityHeadersOptions = {}): MiddlewareHandler => {
  return async function securityHeaders(c, next) {
    await next();
    const headers = c.res.headers;
    const path = c.req.path;
    const isWidget = path.startsWith('/widgets/');
    const isHtml = (headers.get('Content-Type') ?? '').toLowerCase().startsWith('text/html');

    headers.set('X-Content-Type-Options', 'nosniff');
    // Pages that set a stricter policy themselves (the follow-up pages: no-referrer) keep it.
    if (!headers.has('Referrer-Policy')) headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
    // A 304 has no body to judge, and the browser copies its headers onto the page it kept
    // (RFC 9111 4.3.4): a JSON policy sent with it turned a cached portal page into one that
    // may load no stylesheet. Content-dependent headers go only with a body.
    const notModified = c.res.status === 304;
    // A route may set a policy of its own only to be stricter (the archive's HTML: one hashed style, no script).
    if (!isWidget && !notModified && !headers.has('Content-Security-Policy'))
      headers.set('Content-Security-Policy', isHtml ? PORTAL_CSP : NON_HTML_CSP);
    if (isHtml) {
      headers.set('X-Frame-Options', 'DENY');
      headers.set('Cross-Origin-Opener-Policy', 'same-origin');
      headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
    }
    headers.set('Cross-Origin-Resource-Policy', CROSS_ORIGIN_PATHS.test(path) ? 'cross-origin' : 'same-origin');
    if (isHttpsRequest(c, trustProxy)) {
      headers.set('Strict-Transport-Security', `max-age=${hstsMaxAge}; includeSubDomains`);
    }
  };
};

/**
 * Whether the browser reached us over HTTPS: the request's own scheme, or behind a trusted
 * TLS-terminating proxy its `X-Forwarded-Proto`. Without `trustProxy` the header is
 * ignored, since any client can send it. HSTS and Secure cookies both ask this.
 *
 * @example
 * setCookie(c, name, value, { secure: isHttpsRequest(c, options.trustProxy) })
 */
export function isHttpsRequest(c: Context, trustProxy: boolean): boolean {
  const forwardedProto = trustProxy ? c.req.header('X-Forwarded-Proto') : undefined;
  // With several proxies, the first value is the scheme the browser used.
  if (forwardedProto) return forwardedProto.split(',')[0]!.trim().toLowerCase() === 'https';
  return c.req.url.startsWith('https:');
}
