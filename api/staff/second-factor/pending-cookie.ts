/**
 * The cookie of a log-in halfway (password right, second factor still to come): it binds
 * the pending log-in to the browser that typed the password. HttpOnly, SameSite=Strict (it
 * is only ever sent back by our own forms and redirects), `__Host-` and Secure over HTTPS as
 * the session cookie, and no longer than the pending log-in itself.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { sessionCookie, type StaffSessionOptions } from '../kit/session.ts';

const NAME = { secure: '__Host-podium_login_step', plain: 'podium_login_step' };

function cookieOf(c: Context, options: StaffSessionOptions): { name: string; secure: boolean } {
  const { secure } = sessionCookie(c, options);
  return { name: secure ? NAME.secure : NAME.plain, secure };
}

export function setPendingCookie(c: Context, token: string, maxAgeMs: number, options: StaffSessionOptions): void {
  const cookie = cookieOf(c, options);
  setCookie(c, cookie.name, token, {
    path: '/',
    httpOnly: true,
    secure: cookie.secure,
    sameSite: 'Strict',
    maxAge: Math.ceil(maxAgeMs / 1000),
  });
}

export function pendingToken(c: Context, options: StaffSessionOptions): string | undefined {
  return getCookie(c, cookieOf(c, options).name);
}

export function clearPendingCookie(c: Context, options: StaffSessionOptions): void {
  const cookie = cookieOf(c, options);
  deleteCookie(c, cookie.name, { path: '/', secure: cookie.secure });
}
