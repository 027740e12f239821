/**
 * Logging in and out of the staff workbench, and extending a session, over plain HTML
 * forms. The session itself is read by the kit's `staffSession` middleware
 * (api/staff/kit/session.ts), which sets and clears the same cookie.
 */
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { csrfTokenMatches, endSession } from '../../services/auth/sessions.ts';
import { passwordStep, PENDING_CODE_MS, PENDING_ENROL_MS } from '../../services/auth/second-factor.ts';
import { setPendingCookie } from '../second-factor/pending-cookie.ts';
import { secondFactorPaths } from '../second-factor/paths.ts';
import { formErrors } from '../kit/form-errors.ts';
import { field, forbidden, formBody, langOf, safeNext, type StaffEnv } from '../kit/guards.ts';
import { sessionCookie, type StaffSessionOptions } from '../kit/session.ts';
import { textsFor } from '../../../shared/i18n.ts';
import * as queueTexts from '../queue/texts.ts';
import { staffPaths } from '../queue/paths.ts';
import { renderLoginPage } from '../queue/view.ts';
import { formatTime } from '../kit/format.ts';
import { clientAddress } from '../../http/rate-limit.ts';
import { InputText } from '../../../shared/contracts/input-text.ts';
import { providerLogoutUrl, type OidcProvider } from '../../services/auth/oidc.ts';
import { providerLink } from './oidc-link.ts';

const LoginForm = z.object({
  email: InputText.trim().min(1).max(320),
  password: InputText.min(1).max(1024),
  next: InputText.max(500).optional(),
});

export function authRoutes(options: StaffSessionOptions & { oidc?: OidcProvider | undefined } = {}): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();

  // ---- log-in -------------------------------------------------------------------------
  for (const lang of ['nl', 'en'] as const) {
    app.get(staffPaths.login(lang), (c) => {
      if (c.get('session')) return c.redirect(staffPaths.queue(lang), 303);
      const m = textsFor(queueTexts, lang).login;
      const notice =
        c.req.query('uitgelogd') !== undefined
          ? m.loggedOut
          : c.req.query('verlopen') !== undefined
            ? m.expired
            : undefined;
      const next = safeNext(c.req.query('next'));
      return c.html(renderLoginPage({ lang, next, notice, provider: providerLink(options.oidc, lang, next) }));
    });

    app.post(staffPaths.login(lang), async (c) => {
      const m = textsFor(queueTexts, lang).login;
      const body = await formBody(c);
      const parsed = LoginForm.safeParse(body);
      const email = typeof body.email === 'string' ? body.email.trim().slice(0, 320) : '';
      const next = safeNext(typeof body.next === 'string' ? body.next : undefined);
      if (!parsed.success) {
        const errors = formErrors(parsed.error.issues, {
          email: (issue) => (isMissing(issue) ? m.emailRequired : m.tooLong),
          password: (issue) => (isMissing(issue) ? m.passwordRequired : m.tooLong),
        });
        return c.html(
          renderLoginPage({ lang, email, next, errors, provider: providerLink(options.oidc, lang, next) }),
          422,
        );
      }

      const now = c.get('now')();
      const result = await passwordStep(c.get('db'), {
        email: parsed.data.email,
        password: parsed.data.password,
        address: clientAddress(c, options.trustProxyHops ?? 0),
        now,
        next,
      });
      // A second factor is asked (or must be set up first): no session yet (api/staff/second-factor/).
      if (result.kind === 'second_factor' || result.kind === 'enrol') {
        const code = result.kind === 'second_factor';
        setPendingCookie(c, result.pendingToken, code ? PENDING_CODE_MS : PENDING_ENROL_MS, options);
        return c.redirect(code ? secondFactorPaths.step(lang) : secondFactorPaths.own(lang), 303);
      }
      if (result.kind !== 'ok') {
        // The wait is said in the error summary, which takes focus: a screen reader announces it.
        const wait = result.retryAt && {
          time: formatTime(result.retryAt, lang),
          minutes: Math.max(1, Math.ceil((result.retryAt.getTime() - now.getTime()) / 60_000)),
        };
        if (wait)
          c.header('Retry-After', String(Math.max(1, Math.ceil((result.retryAt!.getTime() - now.getTime()) / 1000))));
        const message =
          result.kind === 'throttled'
            ? m.throttled(wait!.time, wait!.minutes)
            : wait
              ? `${m.invalid} ${m.waitBeforeNext(wait.time, wait.minutes)}`
              : m.invalid;
        return c.html(
          renderLoginPage({
            lang,
            email,
            next,
            errors: [{ field: 'email', message }],
            provider: providerLink(options.oidc, lang, next),
          }),
          result.kind === 'throttled' ? 429 : 401,
        );
      }
      const cookie = sessionCookie(c, options);
      setCookie(c, cookie.name, result.session.token, {
        path: '/',
        httpOnly: true,
        secure: cookie.secure,
        // Lax, not Strict: a link to the queue in an e-mail should open it logged in. Forms
        // are protected by the origin check and the token instead.
        sameSite: 'Lax',
        // No Expires: the cookie goes when the browser closes (shared desks at the town hall);
        // the server ends the session after idle time or its maximum in any case.
      });
      return c.redirect(next ?? staffPaths.queue(lang), 303);
    });
  }

  // ---- log-out and session ------------------------------------------------------------
  app.post(staffPaths.logout, async (c) => {
    const body = await formBody(c);
    const lang = langOf(body);
    const session = c.get('session');
    if (!session) return c.redirect(`${staffPaths.login(lang)}?verlopen`, 303);
    if (!csrfTokenMatches(session, field(body, 'csrf'))) return forbidden(c, lang, 'csrf');
    // Asked before the session row goes: whether it started at the identity provider.
    const atProvider = await providerLogoutUrl(c.get('db'), options.oidc, session.id, lang);
    await endSession(c.get('db'), session);
    const cookie = sessionCookie(c, options);
    deleteCookie(c, cookie.name, { path: '/', secure: cookie.secure });
    return c.redirect(atProvider ?? `${staffPaths.login(lang)}?uitgelogd`, 303);
  });

  app.post(staffPaths.extend, async (c) => {
    const body = await formBody(c);
    const lang = langOf(body);
    const session = c.get('session');
    const wantsJson = (c.req.header('Accept') ?? '').includes('application/json');
    if (!session) {
      return wantsJson ? c.json({ status: 'expired' }, 401) : c.redirect(`${staffPaths.login(lang)}?verlopen`, 303);
    }
    if (!csrfTokenMatches(session, field(body, 'csrf'))) {
      return wantsJson ? c.json({ status: 'forbidden' }, 403) : forbidden(c, lang, 'csrf');
    }
    // The staffSession middleware already restarted the idle timer: the session now ends at session.expiresAt.
    if (wantsJson) return c.json({ status: 'extended', expiresAt: session.expiresAt.toISOString() });
    return c.redirect(safeNext(field(body, 'next')) ?? staffPaths.queue(lang), 303);
  });

  return app;
}

/** An empty field, as opposed to one that is too long. */
const isMissing = (issue: { code: string }) => issue.code === 'too_small' || issue.code === 'invalid_type';
