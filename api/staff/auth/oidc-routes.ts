/**
 * Signing in through the organisation's identity provider (services/auth/oidc.ts): the link on
 * the log-in page starts here, the provider sends the browser back to the callback, and a
 * refusal shows the log-in page with the reason in its error summary. Without a configured
 * provider these addresses answer 404.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { clientAddress } from '../../http/rate-limit.ts';
import {
  beginSignIn,
  completeSignIn,
  OIDC_CALLBACK_PATH,
  OIDC_COOKIE,
  OIDC_SIGN_IN_TTL_MS,
  oidcStartPath,
  type OidcProvider,
} from '../../services/auth/oidc.ts';
import { safeNext, type StaffEnv } from '../kit/guards.ts';
import { sessionCookie, type StaffSessionOptions } from '../kit/session.ts';
import { staffPaths } from '../queue/paths.ts';
import { renderLoginPage } from '../queue/view.ts';
import { providerLink } from './oidc-link.ts';
import * as oidcTexts from './oidc-texts.ts';

/** The cookie lives on the sign-in addresses only: nothing else ever reads it. */
const COOKIE_PATH = oidcStartPath('nl');

export function oidcRoutes(options: StaffSessionOptions & { oidc?: OidcProvider | undefined } = {}): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();
  const configured = options.oidc;

  for (const lang of ['nl', 'en'] as const) {
    app.get(oidcStartPath(lang), async (c) => {
      if (!configured) return c.notFound();
      const provider = configured;
      const next = safeNext(c.req.query('next'));
      if (c.get('session')) return c.redirect(next ?? staffPaths.queue(lang), 303);
      const begun = await beginSignIn(c.get('db'), provider, { lang, next, now: c.get('now')() });
      if (begun.kind === 'unavailable') {
        const message = textsFor(oidcTexts, lang).unavailable(provider.settings.name);
        return refusal(c, provider, lang, message, 503, next);
      }
      setCookie(c, OIDC_COOKIE, begun.cookie, {
        path: COOKIE_PATH,
        httpOnly: true,
        secure: sessionCookie(c, options).secure,
        // Lax: the provider's redirect back is a top-level GET from its site, which Lax lets through.
        sameSite: 'Lax',
        maxAge: OIDC_SIGN_IN_TTL_MS / 1000,
      });
      return c.redirect(begun.url, 303);
    });
  }

  app.get(OIDC_CALLBACK_PATH, async (c) => {
    if (!configured) return c.notFound();
    const provider = configured;
    const url = new URL(c.req.url);
    const secure = sessionCookie(c, options).secure;
    const result = await completeSignIn(c.get('db'), provider, {
      cookie: getCookie(c, OIDC_COOKIE),
      search: url.search,
      address: clientAddress(c, options.trustProxyHops ?? 0),
      now: c.get('now')(),
    });
    deleteCookie(c, OIDC_COOKIE, { path: COOKIE_PATH, secure });
    if (result.kind === 'refused') {
      const message = textsFor(oidcTexts, result.lang).refused[result.reason];
      const status = result.reason === 'expired' ? 400 : result.reason === 'unavailable' ? 503 : 403;
      return refusal(c, provider, result.lang, message, status, undefined);
    }
    const cookie = sessionCookie(c, options);
    // The same cookie as a password log-in (auth/routes.ts): Lax, HttpOnly, gone when the browser closes.
    setCookie(c, cookie.name, result.session.token, {
      path: '/',
      httpOnly: true,
      secure: cookie.secure,
      sameSite: 'Lax',
    });
    return c.redirect(result.next ?? staffPaths.queue(result.lang), 303);
  });

  return app;
}

/** The log-in page with the reason in its error summary (which links to the provider's button). */
function refusal(
  c: Context<StaffEnv>,
  provider: OidcProvider,
  lang: Locale,
  message: string,
  status: 400 | 403 | 503,
  next: string | undefined,
) {
  // The error summary says what is wrong; the line under the button would only repeat it.
  const { problem: _said, ...link } = providerLink(provider, lang, next)!;
  return c.html(renderLoginPage({ lang, next, errors: [{ field: 'provider', message }], provider: link }), status);
}
