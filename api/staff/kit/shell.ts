/**
 * The page around every staff view. Staff pages are not part of the static portal
 * (nothing to build, everything personal), so they carry a small layout of their own,
 * with the same accessibility rules as the portal: skip link, landmarks, a labelled
 * navigation with aria-current, one h1, and a session warning (WCAG 2.2.1).
 *
 * A view builds its body as `Html` and hands it to `staffPage`, which returns the finished
 * document as a plain string. A document is sent, never nested, and it must be a
 * primitive string: Hono's `c.html()` answers an `Html` object with a Promise<Response>,
 * which the guards (`forbidden`, `notFound`) could not return as a Response.
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { attrs, html, nothing, type Html } from '../../../shared/html/index.ts';
import type { RoleGrant } from '../../services/auth/roles.ts';
import * as queueTexts from '../queue/texts.ts';
import { staffPaths } from '../queue/paths.ts';
import { staffNav } from './registry.ts';
import { NOTIFICATIONS_SCREEN_ID } from '../notifications/paths.ts';
import * as notificationTexts from '../notifications/texts.ts';
import { hiddenFields, navLinks, type NavEntry } from './components.ts';
import { formatTime } from './format.ts';

export { staffPaths };

/** How long before the end of a session the warning appears (WCAG 2.2.1: at least 20 s to react). */
export const SESSION_WARNING_MS = 2 * 60 * 1000;

export type PageSession = {
  displayName: string;
  csrfToken: string;
  expiresAt: Date;
  /** Which nav links to show; the routes check permissions themselves. */
  roles?: readonly RoleGrant[];
  /** Shown in the notifications entry of the navigation, in words. */
  unreadNotifications?: number;
};

/** The links in the staff navigation for these roles (kit/registry.ts), the page at `path` marked current. */
export function staffNavEntries(
  lang: Locale,
  path: string | undefined,
  roles: readonly RoleGrant[] = [],
  unreadNotifications = 0,
): NavEntry[] {
  return staffNav(lang, roles, path).map(({ id, href, text, current }) => ({
    href,
    label:
      id === NOTIFICATIONS_SCREEN_ID && unreadNotifications > 0
        ? textsFor(notificationTexts, lang).navUnread(unreadNotifications)
        : text,
    current,
  }));
}

function header(lang: Locale, session: PageSession | undefined, path: string | undefined): Html {
  const m = textsFor(queueTexts, lang);
  if (!session) return html`<header class="staff-header"><p class="staff-product">${m.product}</p></header>`;
  const basics = { csrf: session.csrfToken, lang };
  return html`<header class="staff-header">
<p class="staff-product">${m.product}</p>
<nav aria-label="${m.header.navLabel}">${navLinks(staffNavEntries(lang, path, session.roles, session.unreadNotifications), 'staff-nav')}</nav>
<div class="staff-account">
<p>${m.header.signedInAs(session.displayName)}</p>
<form method="post" action="${staffPaths.extend}" class="staff-session" data-session-form>
${hiddenFields({ ...basics, next: path ?? staffPaths.queue(lang) })}
<p>${m.header.sessionEnds} <time datetime="${session.expiresAt.toISOString()}" data-session-expires>${formatTime(session.expiresAt, lang)}</time></p>
<button type="submit" class="staff-button staff-button--secondary">${m.header.extend}</button>
</form>
<form method="post" action="${staffPaths.logout}">${hiddenFields(basics)}<button type="submit" class="staff-button staff-button--secondary">${m.header.logout}</button></form>
</div>
</header>
<div class="staff-session-alert" role="alert" data-session-alert></div>`;
}

/** The page around every staff view, as the finished document. */
export function staffPage(page: {
  lang: Locale;
  title: string;
  body: Html;
  session?: PageSession | undefined;
  /** The path of this page, to come back to after extending the session without script. */
  path?: string;
  hasErrors?: boolean;
  /** Page scripts besides the session script: modules, so each has its own scope (the CSP allows no inline script). */
  scripts?: readonly string[];
}): string {
  const m = textsFor(queueTexts, page.lang);
  const { session } = page;
  const title = `${page.hasErrors ? `${m.errorPrefix} ` : ''}${page.title} – ${m.product}`;
  // The session script reads its texts and timings from data attributes: no inline script,
  // so a strict Content-Security-Policy (script-src 'self') holds.
  const data = session
    ? attrs({
        'data-lang': page.lang,
        'data-warn-before': SESSION_WARNING_MS,
        'data-extend-url': staffPaths.extend,
        'data-login-url': staffPaths.login(page.lang),
        'data-text-warning': m.session.warning('{time}'),
        'data-text-extended': m.session.extended('{time}'),
        'data-text-expired': m.session.expired,
        'data-text-extend': m.header.extend,
        'data-text-login': m.session.loginAgain,
      })
    : nothing;
  return html`<!doctype html>
<html lang="${page.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${title}</title>
<link rel="stylesheet" href="${staffPaths.stylesheet}">
${session && html`<script src="${staffPaths.sessionScript}" defer></script>`}
${(page.scripts ?? []).map((src) => html`<script type="module" src="${src}"></script>`)}
</head>
<body${data}>
<a class="staff-skip-link" href="#inhoud">${m.skipLink}</a>
${header(page.lang, session, page.path)}
<main id="inhoud" tabindex="-1">
<h1>${page.title}</h1>
${page.body}
</main>
</body>
</html>
`.toString();
}

/** A page with one message and an optional link: refusals, an ended session. */
export function renderMessagePage(options: {
  lang: Locale;
  title: string;
  message: string;
  session?: PageSession | undefined;
  link?: { href: string; text: string };
}): string {
  const link = options.link && html`<p><a href="${options.link.href}">${options.link.text}</a></p>`;
  return staffPage({
    lang: options.lang,
    title: options.title,
    body: html`<p>${options.message}</p>${link}`,
    session: options.session,
  });
}
