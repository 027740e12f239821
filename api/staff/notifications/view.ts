/**
 * The notifications page: the signed-in person's notifications, newest first, with the
 * unread ones marked in words (not only by style), a form to mark them all read, and the
 * preferences form (per kind: in the workbench and/or by e-mail; the e-mails' language).
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { attrs, html, idRefs, nothing, type Html } from '../../../shared/html/index.ts';
import type { FieldMessage as FieldError } from '../../../shared/contracts/field-error.ts';
import type { NotificationKind, Preferences } from '../../services/notifications/preferences.ts';
import { itemPath, type StaffNotification } from '../../services/notifications/staff.ts';
import * as staffTexts from '../../services/notifications/staff-texts.ts';
import { errorSummary, fieldError, hiddenFields, notice, time } from '../kit/components.ts';
import { formatDateTime } from '../kit/format.ts';
import { staffPage, type PageSession } from '../kit/shell.ts';
import { notificationPaths } from './paths.ts';
import * as notificationTexts from './texts.ts';

export type NotificationsPageState = {
  lang: Locale;
  session: PageSession;
  notifications: readonly StaffNotification[];
  unread: number;
  kinds: readonly NotificationKind[];
  preferences: Preferences;
  status?: string | undefined;
  errors?: readonly FieldError[];
};

export function renderNotificationsPage(state: NotificationsPageState): string {
  const { lang, session } = state;
  const m = textsFor(notificationTexts, lang);
  const s = textsFor(staffTexts, lang);
  const errors = state.errors ?? [];
  const errorOf = (field: string) => errors.find((e) => e.field === field);
  const items = state.notifications.map((n) => {
    const itemId = typeof n.params.itemId === 'string' ? n.params.itemId : undefined;
    return html`<li${attrs({ class: n.readAt ? 'staff-notification' : 'staff-notification staff-notification--unread' })}>
${n.readAt ? nothing : html`<strong>${m.unread}:</strong> `}${s.sentence[n.kind as NotificationKind]?.(n.params) ?? n.kind}
${time(n.createdAt.toISOString(), formatDateTime(n.createdAt, lang))}
${itemId ? html` <a href="${itemPath(lang, itemId)}">${m.openItem}</a>` : nothing}
</li>`;
  });
  const languageError = errorOf('language');
  const choice = (kind: NotificationKind, channel: 'workbench' | 'email') => {
    const id = `${kind}-${channel}`;
    const error = errorOf(id);
    return html`<div class="staff-checkbox"><input${attrs({
      type: 'checkbox',
      id,
      name: id,
      value: 'yes',
      checked: state.preferences.channels[kind][channel],
      'aria-describedby': idRefs(error ? `${id}-error` : undefined),
      'aria-invalid': error ? 'true' : undefined,
    })}><label for="${id}">${channel === 'workbench' ? m.workbench : m.email}</label>${error ? fieldError(lang, `${id}-error`, error.message) : nothing}</div>`;
  };
  const body: Html = html`${errorSummary(lang, errors)}
${notice(state.status)}
<h2>${m.listHeading}</h2>
<p>${m.unreadCount(state.unread)}</p>
${items.length ? html`<ul class="staff-notifications">${items}</ul>` : html`<p>${m.empty}</p>`}
${
  state.unread > 0
    ? html`<form method="post" action="${notificationPaths.markRead}">
${hiddenFields({ csrf: session.csrfToken, lang, all: 'yes' })}
<button type="submit" class="staff-button staff-button--secondary">${m.markAllRead}</button>
</form>`
    : nothing
}
<h2>${m.preferencesHeading}</h2>
<form method="post" action="${notificationPaths.preferences}" novalidate class="staff-form">
${hiddenFields({ csrf: session.csrfToken, lang })}
<p>${m.preferencesIntro}</p>
${state.kinds.map(
  (kind) => html`<fieldset class="staff-field"><legend>${s.kinds[kind]}</legend>
${choice(kind, 'workbench')}${choice(kind, 'email')}
</fieldset>`,
)}
<fieldset class="staff-field${languageError ? ' staff-field--invalid' : ''}"><legend>${m.language}</legend>
${languageError ? fieldError(lang, 'language-error', languageError.message) : nothing}
${(['nl', 'en'] as const).map(
  (option) =>
    html`<div class="staff-radio"><input${attrs({
      type: 'radio',
      id: `language-${option}`,
      name: 'language',
      value: option,
      checked: state.preferences.language === option,
      'aria-describedby': idRefs(languageError ? 'language-error' : undefined),
    })}><label for="language-${option}" lang="${option}">${m.languages[option]}</label></div>`,
)}
</fieldset>
<button type="submit" class="staff-button">${m.save}</button>
</form>`;
  return staffPage({
    lang,
    title: m.title,
    body,
    session,
    path: notificationPaths.page(lang),
    hasErrors: errors.length > 0,
  });
}
