/**
 * The notifications page (/beheer/meldingen, /en/manage/notifications) for everyone who
 * logs in: their notifications, marking them read, and how they want to be notified.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import type { FieldMessage as FieldError } from '../../../shared/contracts/field-error.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { can } from '../../services/auth/roles.ts';
import type { ActiveSession } from '../../services/auth/sessions.ts';
import { csrfTokenMatches } from '../../services/auth/sessions.ts';
import {
  NOTIFICATION_KINDS,
  preferencesOf,
  savePreferences,
  type NotificationKind,
  type Preferences,
} from '../../services/notifications/preferences.ts';
import { listNotifications, markRead, unreadCount } from '../../services/notifications/staff.ts';
import { expiredPage, field, fields, forbidden, formBody, langOf, pageSession, type StaffEnv } from '../kit/guards.ts';
import { staffPaths } from '../kit/shell.ts';
import { notificationPaths } from './paths.ts';
import * as notificationTexts from './texts.ts';
import { renderNotificationsPage } from './view.ts';

/**
 * Security alerts are for administrators only, the weekly summary for who reads insights, a
 * sent-back answer for who writes answers; the others for everyone.
 */
const kindsFor = (session: ActiveSession): NotificationKind[] =>
  NOTIFICATION_KINDS.filter(
    (kind) =>
      (kind !== 'security_alert' || can(session.roles, 'admin')) &&
      (kind !== 'answer_returned' || can(session.roles, 'queue.answer')) &&
      (kind !== 'weekly_summary' || can(session.roles, 'insights.read')),
  );

const Checkbox = z.union([z.literal('yes'), z.undefined()]);
const NotificationId = z.uuid();

export function notificationRoutes(): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();
  for (const lang of ['nl', 'en'] as const) {
    app.get(notificationPaths.page(lang), async (c) => {
      const session = c.get('session');
      if (!session) return c.redirect(`${staffPaths.login(lang)}?next=${encodeURIComponent(c.req.path)}`, 303);
      const m = textsFor(notificationTexts, lang);
      const query = c.req.query();
      const marked = Number(query.gelezen);
      const status =
        query.opgeslagen !== undefined
          ? m.saved
          : Number.isInteger(marked) && marked >= 0 && query.gelezen !== undefined
            ? m.markedRead(marked)
            : undefined;
      return page(c, lang, session, { status });
    });
  }

  app.post(notificationPaths.markRead, async (c) => {
    const form = await sessionForm(c);
    if (form instanceof Response) return form;
    const { body, lang, session } = form;
    const ids = fields(body, 'id');
    const all = field(body, 'all') === 'yes';
    if (!all && (ids.length === 0 || ids.some((id) => !NotificationId.safeParse(id).success))) {
      return page(
        c,
        lang,
        session,
        { errors: [{ field: 'id', message: textsFor(notificationTexts, lang).errors.ids }] },
        422,
      );
    }
    const count = await markRead(c.get('db'), session.user.id, all ? 'all' : ids, c.get('now')());
    return c.redirect(`${notificationPaths.page(lang)}?gelezen=${count}`, 303);
  });

  app.post(notificationPaths.preferences, async (c) => {
    const form = await sessionForm(c);
    if (form instanceof Response) return form;
    const { body, lang, session } = form;
    const m = textsFor(notificationTexts, lang).errors;
    const errors: FieldError[] = [];
    const language = field(body, 'language');
    if (language !== 'nl' && language !== 'en') errors.push({ field: 'language', message: m.language });
    const current = await preferencesOf(c.get('db'), session.user.id);
    const channels = { ...current.channels };
    for (const kind of kindsFor(session)) {
      const chosen = { workbench: false, email: false };
      for (const channel of ['workbench', 'email'] as const) {
        const name = `${kind}-${channel}`;
        const value = field(body, name);
        if (!Checkbox.safeParse(value).success) errors.push({ field: name, message: m.choice });
        chosen[channel] = value === 'yes';
      }
      channels[kind] = chosen;
    }
    const preferences: Preferences = { language: language === 'en' ? 'en' : 'nl', channels };
    if (errors.length > 0) return page(c, lang, session, { errors, preferences }, 422);
    await savePreferences(c.get('db'), session.user.id, preferences, c.get('now')());
    return c.redirect(`${notificationPaths.page(lang)}?opgeslagen`, 303);
  });
  return app;
}

/** A form post from anyone logged in, with the session's CSRF token. */
async function sessionForm(c: Context<StaffEnv>) {
  const body = await formBody(c);
  const lang = langOf(body);
  const session = c.get('session');
  if (!session) return expiredPage(c, lang);
  if (!csrfTokenMatches(session, field(body, 'csrf'))) return forbidden(c, lang, 'csrf', session);
  return { body, lang, session };
}

async function page(
  c: Context<StaffEnv>,
  lang: Locale,
  session: ActiveSession,
  extra: { status?: string | undefined; errors?: FieldError[]; preferences?: Preferences },
  status: 200 | 422 = 200,
) {
  const db = c.get('db');
  const unread = await unreadCount(db, session.user.id);
  return c.html(
    renderNotificationsPage({
      lang,
      session: { ...pageSession(session), unreadNotifications: unread },
      notifications: await listNotifications(db, session.user.id),
      unread,
      kinds: kindsFor(session),
      preferences: extra.preferences ?? (await preferencesOf(db, session.user.id)),
      status: extra.status,
      errors: extra.errors ?? [],
    }),
    status,
  );
}
