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
import { MAX_PASSKEY_NAME, type PasskeySummary } from '../../services/auth/passkeys.ts';
import type { SecondFactorState } from '../../services/auth/second-factor.ts';
import { errorSummary, fieldError, hiddenFields, notice, time } from '../kit/components.ts';
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
  value?: string | undefined;
  maxlength?: number;
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
    maxlength: options.maxlength,
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

/** The passkeys part of one's own page. */
export type PasskeysState = {
  list: readonly PasskeySummary[];
  /** `server`: the public address is an IP address, where no browser makes passkeys. */
  available: 'yes' | 'server';
  /** The name typed for a new passkey, kept when it was refused. */
  name?: string | undefined;
};

/** The id of the button that adds a passkey: where a ceremony's error is shown and linked. */
export const PASSKEY_ADD = 'passkey-add';

/**
 * The passkeys: the list, adding one (a form the script in kit/assets/passkeys.js shows only
 * where the browser can make passkeys, and completes with the ceremony; without it the page
 * says why), and removing one with the password (a plain form, no script needed).
 */
function passkeysSection(
  lang: Locale,
  session: PageSession | undefined,
  factor: SecondFactorState,
  required: boolean,
  passkeys: PasskeysState,
  errors: readonly (FieldError & { target?: string })[],
): Html {
  const m = textsFor(secondFactorTexts, lang).passkeys;
  const when = (date: Date) => time(date, formatDateTime(date, lang));
  const list =
    passkeys.list.length === 0
      ? html`<p>${m.none}</p>`
      : html`<ul class="staff-colleagues" aria-label="${m.listCaption}">${passkeys.list.map(
          (key) => html`<li class="staff-colleague"><h3>${key.name}</h3>
<dl>
<dt>${m.added}</dt><dd>${when(key.createdAt)}</dd>
<dt>${m.lastUsed}</dt><dd>${key.lastUsedAt ? when(key.lastUsedAt) : m.never}</dd>
</dl></li>`,
        )}</ul>`;
  // A ceremony that went wrong is the add button's error: the summary links there, and the
  // message stands next to it (WCAG 3.3.1), since the name typed was not what was wrong.
  const addError = errors.find((e) => e.target === PASSKEY_ADD);
  const addErrorText = addError ? fieldError(lang, `${PASSKEY_ADD}-error`, addError.message) : nothing;
  const add =
    passkeys.available === 'server'
      ? html`${addErrorText}<p${attrs({ id: addError ? PASSKEY_ADD : undefined, tabindex: addError ? '-1' : undefined })}>${m.unavailableHere}</p>`
      : html`<p data-passkey-unavailable>${m.unavailable}</p>
<form${attrs({
          method: 'post',
          action: secondFactorPaths.passkeyAdd,
          novalidate: true,
          class: 'staff-form',
          hidden: true,
          'data-passkey-register': true,
          'data-options-url': secondFactorPaths.passkeyAddOptions,
        })}>
${basics(lang, session)}
${hiddenFields({ response: '', ceremony: '' })}
${input(
  lang,
  {
    id: 'passkey-name',
    name: 'name',
    label: m.nameLabel,
    hint: m.nameHint,
    value: passkeys.name,
    maxlength: MAX_PASSKEY_NAME,
    autocomplete: 'off',
  },
  errors.filter((e) => e.target === 'passkey-name'),
)}
${addErrorText}
<button${attrs({ type: 'submit', id: PASSKEY_ADD, class: 'staff-button', 'aria-describedby': addError ? `${PASSKEY_ADD}-error` : undefined })}>${m.add}</button>
</form>`;
  const onlyFactor = factor.state !== 'active' && passkeys.list.length === 1;
  const removeError = errors.find((e) => e.field === 'passkey');
  const remove =
    passkeys.list.length === 0 || !session
      ? nothing
      : html`<h3>${m.removeHeading}</h3>
${
  required && onlyFactor
    ? html`<p>${m.removeRequired}</p>`
    : html`<p>${m.removeIntro}</p>
<form method="post" action="${secondFactorPaths.passkeyRemove}" novalidate class="staff-form">
${basics(lang, session)}
<fieldset${attrs({ class: removeError ? 'staff-field--invalid' : undefined })}><legend>${m.removeLegend}</legend>
${removeError ? fieldError(lang, 'passkey-error', removeError.message) : nothing}
${passkeys.list.map(
  (key, i) =>
    html`<div class="staff-radio"><input${attrs({
      type: 'radio',
      id: i === 0 ? 'passkey' : `passkey-${i}`,
      name: 'passkey',
      value: key.id,
      'aria-describedby': removeError ? 'passkey-error' : undefined,
    })}><label for="${i === 0 ? 'passkey' : `passkey-${i}`}">${key.name}</label></div>`,
)}
</fieldset>
${input(
  lang,
  {
    id: 'passkey-password',
    name: 'password',
    label: m.removePassword,
    type: 'password',
    autocomplete: 'current-password',
  },
  errors
    .filter((e) => e.field === 'password' && e.target === 'passkey-password')
    .map((e) => ({ field: e.field, message: e.message })),
)}
<button type="submit" class="staff-button staff-button--secondary">${m.remove}</button>
</form>`
}`;
  return html`<section aria-labelledby="passkeys-heading">
<h2 id="passkeys-heading">${m.heading}</h2>
<p>${m.intro}</p>
${list}
${factor.state !== 'active' && passkeys.list.length > 0 ? html`<p>${m.recoveryLeft(factor.recoveryCodesLeft)}</p>` : nothing}
<h3>${m.addHeading}</h3>
${add}
${remove}
</section>`;
}

export function renderOwnPage(state: {
  lang: Locale;
  /** Undefined during a log-in the organisation holds until a factor is set up. */
  session?: PageSession | undefined;
  factor: SecondFactorState;
  keyConfigured: boolean;
  required: boolean;
  /** The key being set up, once started. */
  setup?: SetupKey | undefined;
  passkeys: PasskeysState;
  notice?: string | undefined;
  errors?: readonly (FieldError & { target?: string })[];
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
${input(
  lang,
  {
    id: 'disable-password',
    name: 'password',
    label: m.disablePassword,
    type: 'password',
    autocomplete: 'current-password',
  },
  errors.filter((e) => e.target !== 'passkey-password'),
)}
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
${passkeysSection(lang, session, factor, state.required, state.passkeys, errors)}
${enrolling ? html`<p><a href="${staffPaths.login(lang)}">${m.cancelLogin}</a></p>` : nothing}`;
  return staffPage({
    lang,
    title: m.title,
    body,
    session,
    path: secondFactorPaths.own(lang),
    hasErrors: errors.length > 0,
    scripts: state.passkeys.available === 'yes' ? PASSKEY_SCRIPTS : [],
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

/** The scripts of a page with a passkey ceremony: the WebAuthn library, then ours. */
const PASSKEY_SCRIPTS = [secondFactorPaths.webauthnScript, secondFactorPaths.passkeyScript];

/**
 * The log-in's second step: with a passkey (a button the script shows where the browser can
 * use one), and a code from the app or a recovery code in one field.
 */
export function renderStepPage(state: {
  lang: Locale;
  errors?: readonly FieldError[];
  /** Which factors the account has: the page offers those. */
  totp?: boolean;
  passkeys?: 'yes' | 'server' | 'none';
}): string {
  const { lang } = state;
  const t = textsFor(secondFactorTexts, lang);
  const m = t.step;
  const errors = state.errors ?? [];
  const totp = state.totp ?? true;
  const passkeys = state.passkeys ?? 'none';
  const passkeyError = errors.find((e) => e.field === 'passkey');
  const passkeyForm =
    passkeys === 'none'
      ? nothing
      : passkeys === 'server'
        ? html`${passkeyError ? fieldError(lang, 'passkey-error', passkeyError.message) : nothing}<p${attrs({ id: passkeyError ? 'passkey' : undefined, tabindex: passkeyError ? '-1' : undefined })}>${t.passkeys.unavailableHere}</p>`
        : html`<p data-passkey-unavailable>${t.passkeys.unavailable}</p>
<form${attrs({
            method: 'post',
            action: secondFactorPaths.passkeyStep(lang),
            novalidate: true,
            hidden: true,
            'data-passkey-sign-in': true,
            'data-options-url': secondFactorPaths.passkeyStepOptions,
          })}>
${hiddenFields({ lang, response: '', ceremony: '' })}
${passkeyError ? fieldError(lang, 'passkey-error', passkeyError.message) : nothing}
<button${attrs({ type: 'submit', id: 'passkey', class: 'staff-button', 'aria-describedby': passkeyError ? 'passkey-error' : undefined })}>${m.passkeyButton}</button>
</form>`;
  const intro = passkeys === 'none' ? m.intro : totp ? m.passkeyOrCodeIntro : m.passkeyIntro;
  const body = html`${notice(undefined)}
${errorSummary(lang, errors)}
<p>${intro}</p>
${passkeyForm}
${passkeys === 'none' ? nothing : html`<h2>${m.codeHeading}</h2>`}
<form method="post" action="${secondFactorPaths.step(lang)}" novalidate class="staff-form">
${hiddenFields({ lang })}
${input(lang, { id: 'code', name: 'code', label: m.codeLabel, hint: totp ? m.codeHint : m.recoveryOnlyHint, autocomplete: 'one-time-code' }, errors)}
<button type="submit" class="staff-button${passkeys === 'yes' ? ' staff-button--secondary' : ''}">${m.submit}</button>
</form>
<p><a href="${staffPaths.login(lang)}">${t.cancelLogin}</a></p>`;
  return staffPage({
    lang,
    title: m.title,
    body,
    path: secondFactorPaths.step(lang),
    hasErrors: errors.length > 0,
    scripts: passkeys === 'yes' ? PASSKEY_SCRIPTS : [],
  });
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
<p>${state}${factor.passkeys > 0 ? html` ${m.passkeys(factor.passkeys)}` : nothing}</p>
${
  factor.state === 'none' && factor.passkeys === 0
    ? nothing
    : html`<p>${m.resetIntro}</p>
<form method="post" action="${secondFactorPaths.reset(colleagueId)}">
${hiddenFields({ csrf: csrfToken, lang })}
<button type="submit" class="staff-button staff-button--secondary">${m.reset}</button>
</form>`
}`;
}
