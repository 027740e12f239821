/** The connected-accounts page: the registry of the municipality's accounts, and the form that connects one. */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { attrs, html } from '../../../shared/html/index.ts';
import type { ConnectedAccount } from '../../services/social/accounts.ts';
import type { ListeningSettings } from '../../services/social/listening.ts';
import { errorSummary, fieldError, hiddenFields, notice, time } from '../kit/components.ts';
import type { FieldError } from '../kit/form-errors.ts';
import { formatDateTime } from '../kit/format.ts';
import { staffPage, type PageSession } from '../kit/shell.ts';
import { accountPaths } from './paths.ts';
import * as accountTexts from './texts.ts';

/** What was typed, except the token or app password: they are never sent back to the browser. */
export type ConnectFormState =
  | { platform: 'mastodon'; values: { instance: string }; errors: FieldError[] }
  /** Connecting through OAuth: the instance typed, or the one whose answer was refused. */
  | { platform: 'oauth'; values: { instance: string }; errors: FieldError[] }
  | { platform: 'bluesky'; values: { pds: string; identifier: string }; errors: FieldError[] };

const PLATFORMS = { mastodon: 'Mastodon', bluesky: 'Bluesky' } as const;
/** The id prefix of each connect form's fields, and the form each prefix belongs to. */
const PREFIXES = { account: 'mastodon', mastodon: 'oauth', bluesky: 'bluesky' } as const;
const PREFIX_OF = { mastodon: 'account', oauth: 'mastodon', bluesky: 'bluesky' } as const;

/** The listening form of one account as it was sent, when it is shown again with an error or after a conflict. */
export type ListeningFormState = {
  accountId: string;
  enabled: boolean;
  terms: string;
  errors: FieldError[];
  stale?: boolean;
};

export function renderAccountsPage(options: {
  lang: Locale;
  session: PageSession;
  accounts: ConnectedAccount[];
  canStoreTokens: boolean;
  form?: ConnectFormState | undefined;
  notice?: string | undefined;
  listening?: Map<string, ListeningSettings>;
  listeningForm?: ListeningFormState | undefined;
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
<td>${a.revokedAt ? m.revoked(formatDateTime(a.revokedAt, lang)) : a.attentionSince ? html`<strong>${m.attention(formatDateTime(a.attentionSince, lang))}</strong>` : m.active}</td>
<td>${a.revokedAt ? '' : html`<form method="post" action="${accountPaths.revoke(a.id)}">${hiddenFields(basics)}<button type="submit" class="staff-button staff-button--secondary">${m.revoke(a.handle)}</button></form>`}</td></tr>`,
        )}</tbody></table></div>`;
  const field = (
    prefix: keyof typeof PREFIXES,
    name: string,
    label: string,
    hint: string,
    options: { secret?: boolean; value?: string | undefined; inputmode?: 'url' } = {},
  ) => {
    const id = `${prefix}-${name}`;
    const ours = PREFIXES[prefix] === form?.platform;
    const error = ours ? form?.errors.find((e) => e.field === name) : undefined;
    const describedBy = `${id}-hint${error ? ` ${id}-error` : ''}`;
    const input = html`<input${attrs({
      id,
      name,
      type: options.secret ? 'password' : 'text',
      // A token or app password is never filled in again; an address or name is what was typed.
      value: options.secret ? undefined : (options.value ?? ''),
      // Not the administrator's own log-in: a password manager must not offer it here.
      autocomplete: 'off',
      spellcheck: 'false',
      inputmode: options.inputmode,
      'aria-invalid': error ? 'true' : undefined,
      'aria-describedby': describedBy,
    })}>`;
    return html`<div class="staff-field${error ? ' staff-field--invalid' : ''}"><label for="${id}">${label}</label>
<p class="staff-hint" id="${id}-hint">${hint}</p>${error && fieldError(lang, `${id}-error`, error.message)}${input}</div>`;
  };
  const prefix = form ? PREFIX_OF[form.platform] : 'account';
  const listenForm = options.listeningForm;
  const errors = [
    ...(form?.errors ?? []).map((e) => ({ ...e, target: `${prefix}-${e.field}` })),
    ...(listenForm?.errors ?? []).map((e) => ({ ...e, target: `listen-${listenForm!.accountId}-${e.field}` })),
  ];
  const l = m.listening;
  const listeningForms = [...(options.listening?.values() ?? [])].map((settings) => {
    const id = `listen-${settings.accountId}`;
    const sent = listenForm?.accountId === settings.accountId ? listenForm : undefined;
    const error = sent?.errors.find((e) => e.field === 'terms');
    const enabled = sent ? sent.enabled : settings.enabled;
    const terms = sent ? sent.terms : settings.terms.join('\n');
    const describedBy = `${id}-terms-hint${error ? ` ${id}-terms-error` : ''}`;
    return html`<form method="post" action="${accountPaths.listening(settings.accountId)}" class="staff-form" novalidate>
${hiddenFields({ ...basics, version: String(settings.version) })}
<fieldset><legend>${l.legend(settings.handle, PLATFORMS[settings.platform])}</legend>
${sent?.stale ? html`<p class="staff-notice" id="${id}-stale">${l.stale(settings.enabled, settings.terms.join(', '))}</p>` : ''}
<div class="staff-checkbox"><input${attrs({ type: 'checkbox', id: `${id}-enabled`, name: 'enabled', value: 'on', checked: enabled })}><label for="${id}-enabled">${l.enabled}</label></div>
<div class="staff-field${error ? ' staff-field--invalid' : ''}"><label for="${id}-terms">${l.terms}</label>
<p class="staff-hint" id="${id}-terms-hint">${l.termsHint[settings.platform]}</p>${error && fieldError(lang, `${id}-terms-error`, error.message)}
<textarea${attrs({ id: `${id}-terms`, name: 'terms', rows: 4, spellcheck: 'false', 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': describedBy })}>${terms}</textarea></div>
</fieldset>
<button type="submit" class="staff-button">${l.save(settings.handle)}</button>
</form>`;
  });
  const mastodonValues = form?.platform === 'mastodon' ? form.values : undefined;
  const oauthValues = form?.platform === 'oauth' ? form.values : undefined;
  const o = m.oauth;
  const blueskyValues = form?.platform === 'bluesky' ? form.values : undefined;
  const body = html`${notice(options.notice)}
${errorSummary(lang, errors)}
<p>${m.intro}</p>
<p>${m.whyOne}</p>
${options.canStoreTokens ? '' : html`<p class="staff-notice">${m.noKey}</p>`}
<h2>${m.listHeading}</h2>
${table}
<h2>${l.heading}</h2>
<p>${l.intro}</p>
${listeningForms.length === 0 ? html`<p>${l.none}</p>` : listeningForms}
<h2>${o.heading}</h2>
<p>${o.intro}</p>
<form method="post" action="${accountPaths.connectMastodon}" class="staff-form" novalidate>
${hiddenFields(basics)}
${field('mastodon', 'instance', o.instance, o.instanceHint, { value: oauthValues?.instance, inputmode: 'url' })}
<button type="submit" class="staff-button">${o.start}</button>
</form>
<h3>${m.addHeading}</h3>
<p>${m.addIntro}</p>
<form method="post" action="${accountPaths.connect}" class="staff-form" novalidate>
${hiddenFields(basics)}
${field('account', 'instance', m.instance, m.instanceHint, { value: mastodonValues?.instance, inputmode: 'url' })}
${field('account', 'token', m.token, m.tokenHint, { secret: true })}
<button type="submit" class="staff-button">${m.connect}</button>
</form>
<h2>${m.blueskyHeading}</h2>
<p>${m.blueskyIntro}</p>
<form method="post" action="${accountPaths.connectBluesky}" class="staff-form" novalidate>
${hiddenFields(basics)}
${field('bluesky', 'identifier', m.identifier, m.identifierHint, { value: blueskyValues?.identifier })}
${field('bluesky', 'appPassword', m.appPassword, m.appPasswordHint, { secret: true })}
${field('bluesky', 'pds', m.pds, m.pdsHint, { value: blueskyValues?.pds, inputmode: 'url' })}
<button type="submit" class="staff-button">${m.connectBluesky}</button>
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

/**
 * Between the form and the instance: where the administrator gives consent. A link rather than
 * a redirect, because the staff pages' `form-action 'self'` holds a form's redirects too and the
 * instance is not known when the accounts page is drawn; it also says what Podium asks for before
 * the administrator leaves for another site.
 */
export function renderAuthorizePage(options: {
  lang: Locale;
  session: PageSession;
  instanceUrl: string;
  authorizeUrl: string;
}): string {
  const { lang } = options;
  const o = textsFor(accountTexts, lang).oauth;
  const host = new URL(options.instanceUrl).host;
  const body = html`<p>${o.continueIntro(host)}</p>
<p>${o.scopesIntro}</p>
<ul>${o.scopes.map((scope) => html`<li>${scope}</li>`)}</ul>
<p>${o.expires}</p>
<p><a class="staff-button" href="${options.authorizeUrl}">${o.go(host)}</a></p>
<p><a href="${accountPaths.page(lang)}">${o.cancel}</a></p>`;
  return staffPage({ lang, title: o.title(host), body, session: options.session, path: accountPaths.page(lang) });
}
