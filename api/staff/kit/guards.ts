/**
 * What every staff page and staff API route shares: the session on the request, form
 * fields, the pages that refuse a request (session ended, CSRF token wrong, role without
 * the right), and one guard per kind of request so no route forgets a check.
 *
 * The session comes from the `staffSession` middleware (./session.ts), which api/app.ts
 * mounts on every staff address before the workbench's routes.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { problem } from '../../http/problem.ts';
import { wellFormed } from '../../../shared/contracts/text.ts';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { textsFor } from '../../../shared/i18n.ts';
import * as queueTexts from '../queue/texts.ts';
import { can, type Permission } from '../../services/auth/roles.ts';
import { csrfTokenMatches, type ActiveSession } from '../../services/auth/sessions.ts';
import { staffPaths } from '../queue/paths.ts';
import { renderMessagePage, type PageSession } from './shell.ts';

export type StaffEnv = { Variables: AppEnv['Variables'] & { session: ActiveSession | undefined } };

/**
 * The session of someone allowed to see this staff page, or the answer that sends them
 * away: to the log-in page (returning here afterwards) or a 403 page.
 */
export function staffPage(c: Context<StaffEnv>, lang: Locale, permission: Permission): ActiveSession | Response {
  const session = c.get('session');
  if (!session) {
    const here = new URL(c.req.url);
    return c.redirect(`${staffPaths.login(lang)}?next=${encodeURIComponent(here.pathname + here.search)}`, 303);
  }
  if (!can(session.roles, permission)) return forbidden(c, lang, 'role', session);
  return session;
}

/**
 * The JSON staff API (`/api/staff/*`): the same session cookie as the staff pages, whose
 * unsafe requests also carry the session's CSRF token in `X-CSRF-Token` (staff pages
 * print it in `<meta name="csrf-token">`), or a personal API key (`Authorization: Bearer`),
 * which needs no token. Refusals are problem details: 401 without a session, 403 with a
 * missing token or a role without the permission.
 */
export function requireStaff(permission: Permission): MiddlewareHandler<StaffEnv> {
  return async function requireStaff(c, next) {
    const session = c.get('session');
    if (!session) return problem(c, 401, 'staff_login_required');
    const safe = c.req.method === 'GET' || c.req.method === 'HEAD';
    const byKey = session.apiKeyId !== undefined;
    if (!safe && !byKey && !csrfTokenMatches(session, c.req.header('X-CSRF-Token')))
      return problem(c, 403, 'staff_csrf');
    if (!can(session.roles, permission)) return problem(c, 403, 'staff_forbidden');
    await next();
  };
}

/**
 * A staff form post: its fields, or the page that refuses it (session ended, CSRF token
 * missing or wrong, role without the permission).
 */
export async function staffForm(
  c: Context<StaffEnv>,
  permission: Permission,
): Promise<Response | { body: FormBody; lang: Locale; session: ActiveSession }> {
  const body = await formBody(c);
  const lang = langOf(body);
  const session = c.get('session');
  if (!session) return expiredPage(c, lang);
  if (!csrfTokenMatches(session, field(body, 'csrf'))) return forbidden(c, lang, 'csrf', session);
  if (!can(session.roles, permission)) return forbidden(c, lang, 'role', session);
  return { body, lang, session };
}

export function expiredPage(c: Context<StaffEnv>, lang: Locale): Response {
  const m = textsFor(queueTexts, lang);
  return c.html(
    renderMessagePage({
      lang,
      title: m.login.title,
      message: m.login.expired,
      link: { href: staffPaths.login(lang), text: m.session.loginAgain },
    }),
    401,
  );
}

export function pageSession(session: ActiveSession): PageSession {
  return {
    displayName: session.user.displayName,
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
    roles: session.roles,
    unreadNotifications: session.unreadNotifications ?? 0,
  };
}

export function forbidden(c: Context<StaffEnv>, lang: Locale, why: 'csrf' | 'role', session?: ActiveSession): Response {
  const m = textsFor(queueTexts, lang).forbidden;
  return c.html(
    renderMessagePage({
      lang,
      title: m.title,
      message: why === 'csrf' ? m.csrf : m.body,
      session: session ? pageSession(session) : undefined,
    }),
    403,
  );
}

export function notFound(c: Context<StaffEnv>, lang: Locale, session: ActiveSession): Response {
  const m = textsFor(queueTexts, lang).notFound;
  return c.html(renderMessagePage({ lang, title: m.title, message: m.body, session: pageSession(session) }), 404);
}

export type FormBody = Record<string, string | File | (string | File)[]>;

/**
 * The fields of a staff form post, every name and value made well-formed (no lone
 * surrogate, no NUL: shared/contracts/text.ts) before a route, a check or the database
 * sees them. A null-prototype object, so a field named `constructor` or `__proto__` is
 * just a field.
 */
export async function formBody(c: Context): Promise<FormBody> {
  // JSON and other bodies parse to nothing, so they can never carry a CSRF token.
  // A body that cannot be read (broken multipart) is a form without fields: refused as such.
  const raw = (await c.req.parseBody({ all: true }).catch(() => ({}))) as FormBody;
  const body: FormBody = Object.create(null);
  for (const [name, value] of Object.entries(raw)) {
    body[wellFormed(name)] = Array.isArray(value) ? value.map(wellFormedValue) : wellFormedValue(value);
  }
  return body;
}

const wellFormedValue = (value: string | File): string | File =>
  typeof value === 'string' ? wellFormed(value) : value;

export function field(body: FormBody, name: string): string | undefined {
  const value = Object.hasOwn(body, name) ? body[name] : undefined;
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : undefined;
}

export function fields(body: FormBody, name: string): string[] {
  const value = Object.hasOwn(body, name) ? body[name] : undefined;
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((v): v is string => typeof v === 'string');
}

export function langOf(body: FormBody): Locale {
  return field(body, 'lang') === 'en' ? 'en' : 'nl';
}

/** Only our own staff pages: never another site ("//evil.example") after log-in. */
export function safeNext(next: string | undefined): string | undefined {
  if (!next || next.startsWith('//') || next.includes('\\')) return undefined;
  return /^\/(?:beheer|en\/manage)\/[\w\-/?=&%]*$/.test(next) ? next : undefined;
}
