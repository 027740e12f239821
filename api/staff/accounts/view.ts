/** The connected-accounts page: the registry of the municipality's accounts, and the form that connects one. */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { attrs, html } from '../../../shared/html/index.ts';
import type { ConnectedAccount } from '../../services/social/accounts.ts';
import { errorSummary, fieldError, hiddenFields, notice, time } from '../kit/components.ts';
import type { FieldError } from '../kit/form-errors.ts';
import { formatDateTime } from '../kit/format.ts';
import { staffPage, type PageSession } from '../kit/shell.ts';
import { accountPaths } from './paths.ts';
import * as accountTexts from './texts.ts';

/** What was typed, except the token: it is never sent back to the browser. */
export type ConnectFormState = { values: { instance: string }; errors: FieldError[] };

const PLATFORMS = { mastodon: 'Mastodon', bluesky: 'Bluesky' } as const;

export function renderAccountsPage(options: {
  lang: Locale;
  session: PageSession;
  accounts: ConnectedAccount[];
  canStoreTokens: boolean;
  form?: ConnectFormState | undefined;
  notice?: string | undefined;
}): string {
  const { lang, session, form } = options;
  const m = textsFor(accountTexts, lang);
  const basics = { csrf: session.csrfToken, lang };
  const table =
    options.accounts.length === 0
      ? html`<p>${m.empty}</p>`
      : html`<div class="staff-table-wrap" role="region" aria-labelledby="accounts-caption" tabindex="0"><table class="staff-table">
<caption id="accounts-caption">${m.listHeading}</caption>
<thead><tr><th scope="col">${m.handle}</th><th scope="col">${m.platform}</th><th scope="col">${m.server}</th><th scope="col">${m.since}</th><th scope="col">${m.status}</th><td></td></tr></thead>
<tbody>${options.accounts.map(
          (
            a,
          ) => html`<tr><th scope="row">${a.handle}</th><td>${PLATFORMS[a.platform]}</td><td>${a.instanceUrl}</td><td>${time(a.createdAt, formatDateTime(a.createdAt, lang))}</td>
<td>${a.revokedAt ? m.revoked(formatDateTime(a.revokedAt, lang)) : m.active}</td>
<td>${a.revokedAt ? '' : html`<form method="post" action="${accountPaths.revoke(a.id)}">${hiddenFields(basics)}<button type="submit" class="staff-button staff-button--secondary">${m.revoke(a.handle)}</button></form>`}</td></tr>`,
        )}</tbody></table></div>`;
  const field = (name: 'instance' | 'token', label: string, hint: string) => {
    const id = `account-${name}`;
    const error = form?.errors.find((e) => e.field === name);
    const describedBy = `${id}-hint${error ? ` ${id}-error` : ''}`;
    const input = html`<input${attrs({
      id,
      name,
      type: name === 'token' ? 'password' : 'text',
      // The token is never filled in again; the address is what was typed.
      value: name === 'instance' ? (form?.values.instance ?? '') : undefined,
      autocomplete: 'off',
      spellcheck: 'false',
      inputmode: name === 'instance' ? 'url' : undefined,
      'aria-invalid': error ? 'true' : undefined,
      'aria-describedby': describedBy,
    })}>`;
    return html`<div class="staff-field${error ? ' staff-field--invalid' : ''}"><label for="${id}">${label}</label>
<p class="staff-hint" id="${id}-hint">${hint}</p>${error && fieldError(lang, `${id}-error`, error.message)}${input}</div>`;
  };
  const errors = (form?.errors ?? []).map((e) => ({ ...e, target: `account-${e.field}` }));
  const body = html`${notice(options.notice)}
${errorSummary(lang, errors)}
<p>${m.intro}</p>
${options.canStoreTokens ? '' : html`<p class="staff-notice">${m.noKey}</p>`}
<h2>${m.listHeading}</h2>
${table}
<h2>${m.addHeading}</h2>
<p>${m.addIntro}</p>
<form method="post" action="${accountPaths.connect}" class="staff-form" novalidate>
${hiddenFields(basics)}
${field('instance', m.instance, m.instanceHint)}
${field('token', m.token, m.tokenHint)}
<button type="submit" class="staff-button">${m.connect}</button>
</form>`;
  return staffPage({
    lang,
    title: m.title,
    body,
    session,
    path: accountPaths.page(lang),
    hasErrors: errors.length > 0,
  });
}
