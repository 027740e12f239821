/**
 * The personal API keys page: the person's keys (name, start of the key, state, dates, last
 * use) each with its own revoke button, the form to make one, and — once, right after
 * making it — the new key in a read-only field to copy. A list of sections rather than a
 * table, so it reflows to 320 px without scrolling.
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import type { FieldMessage as FieldError } from '../../../shared/contracts/field-error.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { attrs, html, idRefs, nothing } from '../../../shared/html/index.ts';
import { API_KEY_EXPIRY_DAYS, keyState, type ApiKey } from '../../services/auth/api-keys.ts';
import { errorSummary, fieldError, hiddenFields, notice, time } from '../kit/components.ts';
import { formatDateTime } from '../kit/format.ts';
import { staffPage, type PageSession } from '../kit/shell.ts';
import { apiKeyPaths } from './paths.ts';
import * as apiKeyTexts from './texts.ts';

export type NewKeyValues = { name: string; days: string };

export function renderApiKeysPage(state: {
  lang: Locale;
  session: PageSession;
  keys: readonly ApiKey[];
  now: Date;
  values?: NewKeyValues;
  /** The key just made: shown this once. */
  made?: { name: string; token: string } | undefined;
  status?: string | undefined;
  errors?: readonly FieldError[];
}): string {
  const { lang, session, now } = state;
  const m = textsFor(apiKeyTexts, lang);
  const errors = state.errors ?? [];
  const values = state.values ?? { name: '', days: '90' };
  const errorOf = (name: string) => errors.find((e) => e.field === name);
  const when = (date: Date) => time(date, formatDateTime(date, lang));
  const keys = state.keys.map((key) => {
    const keyState_ = keyState(key, now);
    return html`<li class="staff-colleague"><h3>${key.name}</h3>
<dl>
<dt>${m.state}</dt><dd>${m.states[keyState_]}</dd>
<dt>${m.created}</dt><dd>${when(key.createdAt)}</dd>
<dt>${m.expires}</dt><dd>${when(key.expiresAt)}</dd>
<dt>${m.lastUsed}</dt><dd>${key.lastUsedAt ? when(key.lastUsedAt) : m.never}</dd>
</dl>
<p><code>${key.prefix}…</code></p>
${
  keyState_ === 'active'
    ? html`<form method="post" action="${apiKeyPaths.revoke(key.id)}" class="staff-inline-form">
${hiddenFields({ csrf: session.csrfToken, lang })}
<button type="submit" class="staff-button staff-button--secondary">${m.revoke(key.name)}</button>
</form>`
    : nothing
}</li>`;
  });
  const made = state.made
    ? html`<section class="staff-notice" aria-labelledby="new-key-heading"><h2 id="new-key-heading">${m.shownOnce}</h2>
<p>${m.copyNow}</p>
<div class="staff-field"><label for="new-key">${m.keyLabel(state.made.name)}</label>
<input${attrs({ type: 'text', id: 'new-key', value: state.made.token, readonly: true, autofocus: true, spellcheck: 'false', autocomplete: 'off' })}></div>
<p>${m.usage} <code>Authorization: Bearer ${state.made.token.slice(0, 13)}…</code></p>
</section>`
    : nothing;
  const nameError = errorOf('name');
  const daysError = errorOf('days');
  const body = html`${errorSummary(
    lang,
    errors.map((e) => ({ ...e, target: e.field === 'days' ? 'key-days' : 'key-name' })),
  )}
${notice(state.status)}
${made}
<p>${m.intro}</p>
<p><a href="${apiKeyPaths.openApi}">${m.docs}</a></p>
<h2>${m.listHeading}</h2>
${keys.length > 0 ? html`<ul class="staff-colleagues">${keys}</ul>` : html`<p>${m.empty}</p>`}
<h2>${m.createHeading}</h2>
<form method="post" action="${apiKeyPaths.create}" novalidate class="staff-form">
${hiddenFields({ csrf: session.csrfToken, lang })}
<div class="staff-field${nameError ? ' staff-field--invalid' : ''}"><label for="key-name">${m.name}</label>
<p class="staff-hint" id="key-name-hint">${m.nameHint}</p>
${nameError ? fieldError(lang, 'key-name-error', nameError.message) : nothing}
<input${attrs({
    type: 'text',
    id: 'key-name',
    name: 'name',
    value: values.name,
    autocomplete: 'off',
    'aria-invalid': nameError ? 'true' : undefined,
    'aria-describedby': idRefs('key-name-hint', nameError ? 'key-name-error' : undefined),
  })}></div>
<div class="staff-field${daysError ? ' staff-field--invalid' : ''}"><label for="key-days">${m.expiry}</label>
${daysError ? fieldError(lang, 'key-days-error', daysError.message) : nothing}
<select${attrs({
    id: 'key-days',
    name: 'days',
    'aria-invalid': daysError ? 'true' : undefined,
    'aria-describedby': idRefs(daysError ? 'key-days-error' : undefined),
  })}>${API_KEY_EXPIRY_DAYS.map((n) => html`<option${attrs({ value: String(n), selected: values.days === String(n) })}>${m.days(n)}</option>`)}</select></div>
<button type="submit" class="staff-button">${m.make}</button>
</form>`;
  return staffPage({
    lang,
    title: m.title,
    body,
    session,
    path: apiKeyPaths.page(lang),
    hasErrors: errors.length > 0,
  });
}
