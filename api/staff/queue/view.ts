/**
 * Server-rendered staff pages: the log-in page and the moderation queue, in the staff
 * page shell (kit/shell.ts): an error summary that takes focus, errors next to fields.
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { attrs, html, nothing, type Html } from '../../../shared/html/index.ts';
import { idRefs } from '../../../shared/render/html.ts';
import * as queueTexts from './texts.ts';
import type { HouseRule, QueueItem } from '../../services/moderation/index.ts';
import { DECISIONS } from '../../services/moderation/index.ts';
import type { Flag } from '../../services/screening/types.ts';
import {
  errorSummary,
  fieldError,
  hiddenField,
  hiddenFields,
  notice,
  pick,
  type FieldError,
} from '../kit/components.ts';
import { staffPage, staffPaths, type PageSession } from '../kit/shell.ts';

// ---------------------------------------------------------------------------------------

export function renderLoginPage(options: {
  lang: Locale;
  email?: string;
  next?: string | undefined;
  errors?: FieldError[];
  notice?: string | undefined;
  /** Signing in through the organisation's identity provider (auth/oidc-routes.ts): the link, and the words around it. */
  provider?: { href: string; label: string; orPassword: string; problem?: string } | undefined;
}): string {
  const { lang, errors = [], provider } = options;
  const m = textsFor(queueTexts, lang).login;
  const field = (name: 'email' | 'password', label: string, input: Record<string, string | boolean | undefined>) => {
    const error = errors.find((e) => e.field === name);
    const errorId = error ? `${name}-error` : undefined;
    return html`<div class="staff-field${error ? ' staff-field--invalid' : ''}">
<label for="${name}">${label}</label>
${error && errorId ? fieldError(lang, errorId, error.message) : ''}
<input${attrs({ id: name, name, ...input, 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': idRefs(errorId) })}>
</div>`;
  };
  const other: Locale = lang === 'en' ? 'nl' : 'en';
  const body = html`${notice(options.notice)}
${errorSummary(lang, errors)}
<p>${m.intro}</p>
${
  provider
    ? html`<p><a id="provider" class="staff-button" href="${provider.href}">${provider.label}</a></p>
${provider.problem ? html`<p class="staff-notice">${provider.problem}</p>` : nothing}
<p>${provider.orPassword}</p>`
    : nothing
}
<form method="post" action="${staffPaths.login(lang)}" novalidate class="staff-form">
${options.next ? hiddenField('next', options.next) : ''}
${field('email', m.email, { type: 'email', autocomplete: 'username', spellcheck: 'false', value: options.email ?? '', required: true })}
${field('password', m.password, { type: 'password', autocomplete: 'current-password', required: true })}
<button type="submit" class="staff-button">${m.submit}</button>
</form>
<p><a href="${staffPaths.login(other)}" lang="${other}" hreflang="${other}">${m.otherLanguage}</a></p>`;
  return staffPage({ lang, title: m.title, body, hasErrors: errors.length > 0, path: staffPaths.login(lang) });
}

// ---------------------------------------------------------------------------------------

export type DecisionFormState = {
  /** The item whose form was sent, or `bulk` for the form that decides on a selection. */
  itemId: string;
  values: {
    decision?: string | undefined;
    rule?: string | undefined;
    note?: string | undefined;
    items?: string[] | undefined;
  };
  errors: FieldError[];
};

/** The language of an item's text: a mirrored post's own (none when unknown), else the input's. */
export function itemLang(item: QueueItem): string | undefined {
  return (item.source ? item.source.lang : item.language) || undefined;
}

/** For a mirrored post: the platform and account, and a link to the post there. */
export function socialSource(item: QueueItem, lang: Locale): Html {
  if (!item.source) return nothing;
  const m = textsFor(queueTexts, lang).socialQueue;
  const heard = item.source.heardBy ? ` (${m.heard(item.source.heardBy)})` : '';
  const where = `: ${item.source.platform}${item.source.account ? `, @${item.source.account}` : ''}${heard}`;
  const link =
    item.source.postUrl &&
    html` <a href="${item.source.postUrl}" rel="noopener noreferrer">${m.original(item.source.platform)}</a>`;
  return html`${where}${link}`;
}

export function decisionForm(options: {
  lang: Locale;
  /** Prefix of every id in the form, unique on the page. */
  prefix: string;
  formId?: string;
  action: string;
  rules: HouseRule[];
  session: PageSession;
  here: string;
  state: DecisionFormState | undefined;
  submit: string;
}): Html {
  const { lang, prefix, state } = options;
  const m = textsFor(queueTexts, lang).queue;
  const errorFor = (field: string) => state?.errors.find((e) => e.field === field);
  const id = (field: string) => `${prefix}-${field}`;
  const errorAt = (field: string) => {
    const error = errorFor(field);
    return error && fieldError(lang, `${id(field)}-error`, error.message);
  };
  const invalid = (field: string) =>
    errorFor(field) ? { 'aria-invalid': 'true', 'aria-describedby': `${id(field)}-error` } : {};

  const radios = DECISIONS.map((decision, index) => {
    // The first radio carries the id the error summary links to.
    const inputId = index === 0 ? id('decision') : `${id('decision')}-${decision}`;
    return html`<div class="staff-radio"><input${attrs({ type: 'radio', id: inputId, name: 'decision', value: decision, checked: state?.values.decision === decision })}><label for="${inputId}">${m.decisions[decision]}</label></div>`;
  });

  const ruleOptions = [
    html`<option value="">${m.ruleNone}</option>`,
    ...options.rules.map(
      (rule) =>
        html`<option${attrs({ value: rule.code, selected: state?.values.rule === rule.code })}>${rule.position}. ${pick(rule.title, lang)}</option>`,
    ),
  ];

  return html`<form method="post" action="${options.action}" class="staff-form staff-decision"${attrs({ id: options.formId })}>
${hiddenFields({ csrf: options.session.csrfToken, lang, next: options.here })}
${errorAt('items')}
<fieldset${attrs({ 'aria-describedby': errorFor('decision') ? `${id('decision')}-error` : undefined })}>
<legend>${m.decision}</legend>
${errorAt('decision')}
${radios}
</fieldset>
<div class="staff-field${errorFor('rule') ? ' staff-field--invalid' : ''}">
<label for="${id('rule')}">${m.rule}</label>
${errorAt('rule')}
<select${attrs({ id: id('rule'), name: 'rule', ...invalid('rule') })}>${ruleOptions}</select>
</div>
<div class="staff-field${errorFor('note') ? ' staff-field--invalid' : ''}">
<label for="${id('note')}">${m.note}</label>
${errorAt('note')}
<textarea${attrs({ id: id('note'), name: 'note', rows: 2, ...invalid('note') })}>${state?.values.note ?? ''}</textarea>
</div>
<button type="submit" class="staff-button">${options.submit}</button>
</form>`;
}

/** A choice shown by its label, as the resident saw it; a scale answer as its number. */
export function answerText(answer: QueueItem['answers'][number], lang: Locale): string {
  const label = (value: string) => {
    const option = answer.options.find((o) => o.value === value);
    return option ? pick(option.label, lang) : value;
  };
  if (Array.isArray(answer.value)) return answer.value.map(label).join(', ');
  return typeof answer.value === 'string' ? label(answer.value) : String(answer.value);
}

/** The text with each flagged span in a <mark>, everything else escaped. */
export function highlight(text: string, flags: Flag[]): Html {
  const parts: Html[] = [];
  let at = 0;
  const spans = flags.filter((f) => f.span).sort((a, b) => a.span!.start - b.span!.start);
  for (const flag of spans) {
    const { start, end } = flag.span!;
    if (start < at || end > text.length) continue;
    parts.push(
      html`${text.slice(at, start)}<mark class="staff-mark staff-mark--${flag.category}">${text.slice(start, end)}</mark>`,
    );
    at = end;
  }
  return html`${parts}${text.slice(at)}`;
}
