/**
 * The sign-in settings page: what the server says about the identity provider (and the
 * addresses to register there), and the mapping of groups to roles as one form, a fieldset
 * per row, with empty rows to add to. No JavaScript needed: a row goes when its group is emptied.
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { attrs, html, nothing, type Html } from '../../../shared/html/index.ts';
import { idRefs } from '../../../shared/render/html.ts';
import { STAFF_ROLES } from '../../services/auth/roles.ts';
import * as colleagueTexts from '../colleagues/texts.ts';
import { errorSummary, fieldError, hiddenFields, notice } from '../kit/components.ts';
import type { FieldError } from '../kit/form-errors.ts';
import { staffPage, type PageSession } from '../kit/shell.ts';
import { signInPaths } from './paths.ts';
import * as signInTexts from './texts.ts';

export type RowValues = { claim: string; role: string; department: string };

export type ProviderFacts = {
  name: string | undefined;
  issuer: string;
  claim: string;
  redirectUri: string;
  logoutRedirectUris: string[];
};

export type FormError = FieldError & { target?: string };

/** Empty rows offered after the stored ones, to add to the list. */
export const NEW_ROWS = 3;

export function renderSignInPage(state: {
  lang: Locale;
  session: PageSession;
  provider: ProviderFacts | undefined;
  version: string;
  rows: readonly RowValues[];
  /** How many of `rows` were stored (the rest are new). */
  storedRows: number;
  departments: ReadonlyArray<{ id: string; name: string }>;
  status?: string | undefined;
  errors?: readonly FormError[];
}): string {
  const { lang, session } = state;
  const m = textsFor(signInTexts, lang);
  const roleNames = textsFor(colleagueTexts, lang).roles;
  const errors = state.errors ?? [];
  const errorFor = (id: string) => errors.find((e) => e.field === id);

  const providerPart = state.provider
    ? html`<h2>${m.providerHeading}</h2>
<dl class="staff-facts">
<dt>${m.provider}</dt><dd>${state.provider.name ?? m.noName}</dd>
<dt>${m.issuer}</dt><dd><code>${state.provider.issuer}</code></dd>
<dt>${m.claim}</dt><dd><code>${state.provider.claim}</code></dd>
<dt>${m.redirect}</dt><dd><code>${state.provider.redirectUri}</code></dd>
<dt>${m.logoutRedirect}</dt><dd>${state.provider.logoutRedirectUris.map((uri, i) => html`${i > 0 ? html`<br>` : nothing}<code>${uri}</code>`)}</dd>
</dl>`
    : html`<p class="staff-notice">${m.notConfigured}</p>`;

  const select = (id: string, label: string, hint: Html, options: Html[], invalid: FieldError | undefined) => {
    const hintId = hint === nothing ? undefined : `${id}-hint`;
    return html`<div class="staff-field${invalid ? ' staff-field--invalid' : ''}"><label for="${id}">${label}</label>
${hintId ? html`<p class="staff-hint" id="${hintId}">${hint}</p>` : nothing}
${invalid ? fieldError(lang, `${id}-error`, invalid.message) : nothing}
<select${attrs({
      id,
      name: id,
      'aria-invalid': invalid ? 'true' : undefined,
      'aria-describedby': idRefs(hintId, invalid ? `${id}-error` : undefined),
    })}>${options}</select></div>`;
  };
  const option = (value: string, text: string, chosen: string) =>
    html`<option${attrs({ value, selected: value === chosen })}>${text}</option>`;

  const rows = state.rows.map((row, i) => {
    const claimError = errorFor(`c${i}`);
    return html`<fieldset class="staff-fieldset"><legend>${i < state.storedRows ? m.row(i + 1) : m.newRow(i + 1 - state.storedRows)}</legend>
<div class="staff-field${claimError ? ' staff-field--invalid' : ''}"><label for="c${i}">${m.claimValue}</label>
<p class="staff-hint" id="c${i}-hint">${m.claimHint}</p>
${claimError ? fieldError(lang, `c${i}-error`, claimError.message) : nothing}
<input${attrs({
      type: 'text',
      id: `c${i}`,
      name: `c${i}`,
      value: row.claim,
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-invalid': claimError ? 'true' : undefined,
      'aria-describedby': idRefs(`c${i}-hint`, claimError ? `c${i}-error` : undefined),
    })}></div>
${select(
  `r${i}`,
  m.role,
  nothing,
  [option('', m.chooseRole, row.role), ...STAFF_ROLES.map((role) => option(role, roleNames[role], row.role))],
  errorFor(`r${i}`),
)}
${select(
  `d${i}`,
  m.department,
  html`${m.departmentHint}`,
  [option('', m.noDepartment, row.department), ...state.departments.map((d) => option(d.id, d.name, row.department))],
  errorFor(`d${i}`),
)}
</fieldset>`;
  });

  const body = html`${errorSummary(lang, errors)}
${notice(state.status)}
<p>${m.intro}</p>
${providerPart}
<h2>${m.mappingHeading}</h2>
${state.storedRows === 0 ? html`<p>${m.empty}</p>` : nothing}
<form method="post" action="${signInPaths.save}" novalidate class="staff-form">
${hiddenFields({ csrf: session.csrfToken, lang, version: state.version, rows: String(state.rows.length) })}
${rows}
<button type="submit" class="staff-button">${m.save}</button>
</form>`;
  return staffPage({
    lang,
    title: m.title,
    body,
    session,
    path: signInPaths.page(lang),
    hasErrors: errors.length > 0,
  });
}
