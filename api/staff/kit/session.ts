/**
 * The middleware every staff address runs behind, mounted explicitly in api/app.ts on
 * `/beheer/*`, `/en/manage/*` and `/api/staff/*`:
 *
 * - `staffHeaders`: pages are never cached, framed or indexed, and load only our own scripts;
 * - `sameOrigin`: every unsafe request comes from our own origin (Hono's csrf middleware:
 *   Origin or Sec-Fetch-Site), refused with a page in the staff member's language;
 * - `staffSession`: the session from the cookie on `c.get('session')` (or `undefined`); on
 *   `/api/staff/*` a request with `Authorization: Bearer <key>` gets its personal API key's
 *   session instead (services/auth/api-keys.ts), and never the cookie's.
 *
 * The guards in ./guards.ts then decide per route what the session may do. The cookie is
 * HttpOnly and SameSite=Lax, and `__Host-` prefixed and Secure over HTTPS (also when a trusted
 * proxy says the browser used HTTPS); once logged in, forms also carry the session's CSRF token.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { isHttpsRequest } from '../../http/security-headers.ts';
import { findSession } from '../../services/auth/sessions.ts';
import { findKeySession } from '../../services/auth/api-keys.ts';
import { problem } from '../../http/problem.ts';
import { forbidden, type StaffEnv } from './guards.ts';
import { presencePaths, staffPaths } from '../queue/paths.ts';

export type StaffSessionOptions = {
  /** The public address (PODIUM_PUBLIC_URL); an `https:` address makes the cookie Secure and `__Host-` prefixed. */
  publicUrl?: string | undefined;
  /**
   * Proxies in front whose headers are trusted (PODIUM_TRUST_PROXY): their `X-Forwarded-Proto: https`
   * makes the cookie Secure too, and the log-in throttle reads the client's address from `X-Forwarded-For`.
   */
  trustProxyHops?: number | undefined;
};

const COOKIE = { secure: '__Host-podium_session', plain: 'podium_session' };

/**
 * The key of a script calling the staff JSON API, or `undefined` when the request carries no
 * `Authorization` header (a browser with its cookie). `null`: a header that is not a bearer key.
 */
export function bearerKey(c: Context): string | null | undefined {
  if (!c.req.path.startsWith('/api/staff/')) return undefined;
  const header = c.req.header('Authorization');
  if (header === undefined) return undefined;
  const match = /^Bearer +(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

/** Cached for five minutes and shared by everyone: no session needed, and the idle timer does not restart. */
const isAsset = (path: string) => path.startsWith('/beheer/assets/');

/**
 * The session cookie's name and whether it is Secure, for this request: the log-in and
 * log-out routes set and clear the same cookie the middleware reads.
 */
export function sessionCookie(
  c: Context,
  { publicUrl, trustProxyHops = 0 }: StaffSessionOptions = {},
): { name: string; secure: boolean } {
  const secure =
    (publicUrl ? new URL(publicUrl).protocol === 'https:' : false) || isHttpsRequest(c, trustProxyHops > 0);
  return { name: secure ? COOKIE.secure : COOKIE.plain, secure };
}

/**
 * Puts the staff session named by the cookie on the request, or `undefined`. Every request
 * but a presence heartbeat is activity, so the idle timer restarts; an ended session's cookie is cleared.
 *
 * @example
 * app.use('/beheer/*', staffSession({ publicUrl: 'https://podium.example' }))
 * app.get('/beheer/', (c) => c.text(c.get('session')?.user.displayName ?? 'not logged in'))
 */
export const staffSession = (options: StaffSessionOptions = {}): MiddlewareHandler<StaffEnv> => {
  return async function staffSession(c, next) {
    const key = bearerKey(c);
    if (key !== undefined) {
      // A script's key stands alone: a cookie sent beside it is not looked at, so a key
      // request never carries a browser's ambient session (and needs no CSRF token).
      const session = key ? await findKeySession(c.get('db'), key, c.get('now')()) : undefined;
      if (!session) {
        return problem(c, 401, 'staff_key_invalid', {
          headers: { 'WWW-Authenticate': 'Bearer realm="podium-staff", error="invalid_token"' },
        });
      }
      c.set('session', session);
      await next();
      return;
    }
    const cookie = sessionCookie(c, options);
    const token = getCookie(c, cookie.name);
    const asset = isAsset(c.req.path);
    // A presence heartbeat or the inbox asking for new items is the page polling, not the
    // person working: it must not keep an open page's session alive past its idle time
    // (WCAG 2.2.1 warns before it ends).
    const touch = !presencePaths.isHeartbeat(c.req.path) && c.req.path !== staffPaths.newItems;
    const session = token && !asset ? await findSession(c.get('db'), token, c.get('now')(), { touch }) : undefined;
    if (token && !session && !asset) deleteCookie(c, cookie.name, { path: '/', secure: cookie.secure });
    c.set('session', session);
    await next();
  };
};

/**
 * @example
 * app.use('/beheer/*', staffHeaders())
 */
export const staffHeaders = (
  options: {
    /**
     * Origins a form may lead to besides our own: the identity provider, where logging out
     * continues (browsers hold a form's redirects to `form-action` too).
     */
    formActions?: () => readonly string[];
  } = {},
): MiddlewareHandler => {
  return async function staffHeaders(c, next) {
    await next();
    if (isAsset(c.req.path)) return;
    c.header('Cache-Control', 'no-store');
    c.header('X-Robots-Tag', 'noindex, nofollow');
    c.header('Referrer-Policy', 'same-origin');
    c.header('X-Content-Type-Options', 'nosniff');
    c.header(
      'Content-Security-Policy',
      `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action ${["'self'", ...(options.formActions?.() ?? [])].join(' ')}; base-uri 'none'`,
    );
  };
};

/**
 * Hono's csrf middleware, with our own origin and the public address allowed, and a
 * page in the staff member's language instead of a bare "Forbidden".
 *
 * @example
 * app.use('/beheer/*', sameOrigin({ publicUrl: 'https://podium.example' }))
 */
export const sameOrigin = ({ publicUrl }: StaffSessionOptions = {}): MiddlewareHandler<StaffEnv> => {
  const publicOrigin = publicUrl ? new URL(publicUrl).origin : undefined;
  const check = csrf({
    origin: (origin, c) => origin === new URL(c.req.url).origin || origin === publicOrigin,
  });
  return async function sameOrigin(c, next) {
    // A bearer key is no ambient credential: a browser never adds it to a cross-site request,
    // and such a request gets the key's session only (staffSession), never the cookie's.
    if (bearerKey(c) !== undefined) return next();
    // Without a session cookie the JSON API has nothing to forge: requireStaff answers 401.
    // (With one, the check below holds, answered as a problem.)
    const api = c.req.path.startsWith('/api/staff/');
    if (api && getCookie(c, COOKIE.secure) === undefined && getCookie(c, COOKIE.plain) === undefined) return next();
    let passed = false;
    try {
      await check(c, () => {
        passed = true;
        return next();
      });
    } catch (error) {
      if (!passed && error instanceof HTTPException && error.status === 403) {
        if (api) {
          c.res = problem(c, 403, 'staff_csrf');
          return;
        }
        const lang: Locale = c.req.path.startsWith('/en/') ? 'en' : 'nl';
        c.res = forbidden(c, lang, 'csrf');
        return;
      }
      throw error;
    }
  };
};
