/**
 * The pages of two-step verification: one's own (set up, status, turn off), the recovery
 * codes shown once, the log-in's second step, the administrators' requirement, and the
 * section on a colleague's page. No QR image: the key is shown as text in groups of four
 * (typed into the app, read out by a screen reader) and as an `otpauth://` link that opens
 * the app on the phone itself, so nobody depends on a camera or on seeing an image.
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import type { FieldMessage as FieldError } from '../../../shared/contracts/field-error.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { attrs, html, idRefs, nothing, type Html } from '../../../shared/html/index.ts';
import type { SecondFactorState } from '../../services/auth/second-factor.ts';
import { errorSummary, fieldError, hiddenFields, notice } from '../kit/components.ts';
import { formatDateTime } from '../kit/format.ts';
import { staffPage, staffPaths, type PageSession } from '../kit/shell.ts';
import { secondFactorPaths } from './paths.ts';
import * as secondFactorTexts from './texts.ts';

type InputOptions = {
  id: string;
  name: string;
  label: string;
  hint?: string | undefined;
  type?: string;
  autocomplete?: string;
  inputmode?: string;
  value?: string;
};

function input(lang: Locale, options: InputOptions, errors: readonly FieldError[]): Html {
  const error = errors.find((e) => e.field === options.name);
  const errorId = error ? `${options.id}-error` : undefined;
  const hintId = options.hint ? `${options.id}-hint` : undefined;
  return html`<div class="staff-field${error ? ' staff-field--invalid' : ''}">
<label for="${options.id}">${options.label}</label>
${options.hint ? html`<p class="staff-hint" id="${hintId}">${options.hint}</p>` : nothing}
${error && errorId ? fieldError(lang, errorId, error.message) : nothing}
<input${attrs({
    type: options.type ?? 'text',
    id: options.id,
    name: options.name,
    value: options.value,
    autocomplete: options.autocomplete,
    inputmode: options.inputmode,
    spellcheck: 'false',
    autocapitalize: 'off',
    'aria-invalid': error ? 'true' : undefined,
    'aria-describedby': idRefs(hintId, errorId),
  })}>
</div>`;
}

/** The form fields of a page reached during a log-in (no session, so no CSRF token) or with one. */
function basics(lang: Locale, session: PageSession | undefined): Html {
  return hiddenFields(session ? { csrf: session.csrfToken, lang } : { lang });
}

export type SetupKey = { grouped: string; uri: string; account: string };

export function renderOwnPage(state: {
  lang: Locale;
  /** Undefined during a log-in the organisation holds until a factor is set up. */
  session?: PageSession | undefined;
  factor: SecondFactorState;
  keyConfigured: boolean;
  required: boolean;
  /** The key being set up, once started. */
  setup?: SetupKey | undefined;
  notice?: string | undefined;
  errors?: readonly FieldError[];
  status?: number;
}): string {
  const { lang, session, factor } = state;
  const m = textsFor(secondFactorTexts, lang);
  const errors = state.errors ?? [];
  const enrolling = !session;
  let main: Html;
  if (factor.state === 'active') {
    main = html`<h2>${m.statusHeading}</h2>
<p>${m.active(formatDateTime(factor.confirmedAt!, lang))} ${m.recoveryLeft(factor.recoveryCodesLeft)}</p>
${factor.recoveryCodesLeft <= 2 ? html`<p>${m.recoveryLow}</p>` : nothing}
<h2>${m.disableHeading}</h2>
${
  state.required
    ? html`<p>${m.disableRequired}</p>`
    : html`<p>${m.disableIntro}</p>
<form method="post" action="${secondFactorPaths.disable}" novalidate class="staff-form">
${basics(lang, session)}
${input(lang, { id: 'disable-code', name: 'code', label: m.disableCode, autocomplete: 'one-time-code', inputmode: 'numeric' }, errors)}
${input(lang, { id: 'disable-password', name: 'password', label: m.disablePassword, type: 'password', autocomplete: 'current-password' }, errors)}
<button type="submit" class="staff-button staff-button--secondary">${m.disable}</button>
</form>`
}`;
  } else if (!state.keyConfigured) {
    main = html`<h2>${m.statusHeading}</h2><p>${m.off}</p><p>${m.noKey}</p>`;
  } else if (!state.setup) {
    main = html`<h2>${m.statusHeading}</h2><p>${m.off}</p>
<form method="post" action="${secondFactorPaths.start}">
${basics(lang, session)}
<button type="submit" class="staff-button">${m.start}</button>
</form>`;
  } else {
    main = html`<h2>${m.setupHeading}</h2>
<p>${m.setupIntro}</p>
<dl class="staff-setup-key">
<dt>${m.keyLabel}</dt><dd><code class="staff-secret">${state.setup.grouped}</code></dd>
<dt>${m.accountLabel}</dt><dd>${state.setup.account}</dd>
</dl>
<p>${m.linkIntro} <a href="${state.setup.uri}">${m.linkText}</a></p>
<h2>${m.confirmHeading}</h2>
<form method="post" action="${secondFactorPaths.confirm}" novalidate class="staff-form">
${basics(lang, session)}
${input(lang, { id: 'code', name: 'code', label: m.codeLabel, hint: m.codeHint, autocomplete: 'one-time-code', inputmode: 'numeric' }, errors)}
<button type="submit" class="staff-button">${m.confirm}</button>
</form>`;
  }
  const body = html`${notice(state.notice)}
${errorSummary(lang, errors)}
${enrolling ? html`<p>${m.requiredNotice}</p>` : nothing}
<p>${m.intro}</p>
${main}
${enrolling ? html`<p><a href="${staffPaths.login(lang)}">${m.cancelLogin}</a></p>` : nothing}`;
  return staffPage({
    lang,
    title: m.title,
    body,
    session,
    path: secondFactorPaths.own(lang),
    hasErrors: errors.length > 0,
  });
}

/** The recovery codes, once, right after the first code was confirmed. */
export function renderRecoveryCodesPage(state: {
  lang: Locale;
  session?: PageSession | undefined;
  codes: readonly string[];
  continueTo: string;
}): string {
  const { lang } = state;
  const m = textsFor(secondFactorTexts, lang);
  const body = html`<p>${m.codesIntro}</p>
<h2 id="recovery-codes-heading">${m.codesListLabel}</h2>
<ol class="staff-recovery-codes" aria-labelledby="recovery-codes-heading">
${state.codes.map((code) => html`<li><code class="staff-secret">${code}</code></li>`)}
</ol>
<p><a class="staff-button" href="${state.continueTo}">${m.continue}</a></p>`;
  return staffPage({ lang, title: m.codesTitle, body, session: state.session });
}

/** The log-in's second step: a code from the app, or a recovery code, in one field. */
export function renderStepPage(state: { lang: Locale; errors?: readonly FieldError[] }): string {
  const { lang } = state;
  const m = textsFor(secondFactorTexts, lang).step;
  const errors = state.errors ?? [];
  const body = html`${notice(undefined)}
${errorSummary(lang, errors)}
<p>${m.intro}</p>
<form method="post" action="${secondFactorPaths.step(lang)}" novalidate class="staff-form">
${hiddenFields({ lang })}
${input(lang, { id: 'code', name: 'code', label: m.codeLabel, hint: m.codeHint, autocomplete: 'one-time-code' }, errors)}
<button type="submit" class="staff-button">${m.submit}</button>
</form>
<p><a href="${staffPaths.login(lang)}">${textsFor(secondFactorTexts, lang).cancelLogin}</a></p>`;
  return staffPage({ lang, title: m.title, body, path: secondFactorPaths.step(lang), hasErrors: errors.length > 0 });
}

/** The administrators' page: a second factor optional or required for every local account. */
export function renderPolicyPage(state: {
  lang: Locale;
  session: PageSession;
  /** What the form shows: the stored choice, or what was sent when it was refused. */
  required: boolean | undefined;
  version: number;
  counts: { withFactor: number; total: number };
  keyConfigured: boolean;
  notice?: string | undefined;
  errors?: readonly FieldError[];
}): string {
  const { lang, session } = state;
  const m = textsFor(secondFactorTexts, lang).policy;
  const errors = state.errors ?? [];
  const error = errors.find((e) => e.field === 'required');
  const errorId = error ? 'required-error' : undefined;
  const radio = (value: 'optional' | 'required') => {
    const id = value === 'optional' ? 'required' : 'required-yes';
    const hintId = value === 'required' ? 'required-yes-hint' : undefined;
    return html`<div class="staff-radio"><input${attrs({
      type: 'radio',
      id,
      name: 'required',
      value: value === 'required' ? 'yes' : 'no',
      checked: state.required === undefined ? false : state.required === (value === 'required'),
      'aria-describedby': idRefs(hintId, errorId),
    })}><label for="${id}">${m[value]}</label>${hintId ? html`<p class="staff-hint" id="${hintId}">${m.requiredHint}</p>` : nothing}</div>`;
  };
  const body = html`${notice(state.notice)}
${errorSummary(lang, errors)}
<p>${m.intro}</p>
<p>${m.counts(state.counts.withFactor, state.counts.total)}</p>
${state.keyConfigured ? nothing : html`<p>${m.noKey}</p>`}
<form method="post" action="${secondFactorPaths.policySave}" novalidate class="staff-form">
${hiddenFields({ csrf: session.csrfToken, lang, version: String(state.version) })}
<fieldset${attrs({ class: error ? 'staff-field--invalid' : undefined })}><legend>${m.legend}</legend>
${error && errorId ? fieldError(lang, errorId, error.message) : nothing}
${radio('optional')}${radio('required')}
</fieldset>
<button type="submit" class="staff-button">${m.save}</button>
</form>`;
  return staffPage({
    lang,
    title: m.title,
    body,
    session,
    path: secondFactorPaths.policy(lang),
    hasErrors: errors.length > 0,
  });
}

/** The section on a colleague's page (api/staff/colleagues/view.ts): state, and the reset. */
export function colleagueSecondFactorSection(
  lang: Locale,
  csrfToken: string,
  colleagueId: string,
  factor: SecondFactorState,
): Html {
  const m = textsFor(secondFactorTexts, lang).colleague;
  const state =
    factor.state === 'active'
      ? m.active(formatDateTime(factor.confirmedAt!, lang))
      : factor.state === 'pending'
        ? m.pending
        : m.off;
  return html`<h2>${m.heading}</h2>
<p>${state}</p>
${
  factor.state === 'none'
    ? nothing
    : html`<p>${m.resetIntro}</p>
<form method="post" action="${secondFactorPaths.reset(colleagueId)}">
${hiddenFields({ csrf: csrfToken, lang })}
<button type="submit" class="staff-button staff-button--secondary">${m.reset}</button>
</form>`
}`;
}
