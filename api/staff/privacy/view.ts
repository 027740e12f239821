/**
 * The staff privacy screens: search for what Podium holds about a person (by e-mail
 * address or social-media handle), export it, erase it after a confirmation, and the
 * retention period per kind of data. Every form posts without script; errors follow the
 * workbench pattern (summary that takes focus, message at the field).
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { attrs, html, join, nothing, type Html } from '../../../shared/html/index.ts';
import { idRefs } from '../../../shared/render/html.ts';
import * as privacyTexts from './texts.ts';
import type { ErasureReport, PersonalDataFound } from '../../services/personal-data.ts';
import type { RetentionKind } from '../../services/retention.ts';
import { errorSummary, fieldError, hiddenFields, notice, time } from '../kit/components.ts';
import type { FieldError } from '../kit/form-errors.ts';
import { formatDate, formatTime } from '../kit/format.ts';
import { staffPage, type PageSession } from '../kit/shell.ts';
import { privacyPaths } from './paths.ts';

export { privacyPaths };

export type PrivacyQuery = { by: string; value: string; reference: string };

/** The error for a field, if any, and the id its field points at with aria-describedby. */
function errorAt(lang: Locale, errors: readonly FieldError[], field: string): { html: Html; id?: string } {
  const error = errors.find((e) => e.field === field);
  if (!error) return { html: nothing };
  const id = `${field}-error`;
  return { id, html: fieldError(lang, id, error.message) };
}

const queryFields = (query: PrivacyQuery, session: PageSession, lang: Locale) =>
  hiddenFields({ csrf: session.csrfToken, lang, by: query.by, value: query.value, reference: query.reference });

function dateTime(iso: string, lang: Locale): Html {
  const date = new Date(iso);
  return time(iso, `${formatDate(date, lang)} ${formatTime(date, lang)}`);
}

function searchForm(lang: Locale, session: PageSession, query: PrivacyQuery, errors: readonly FieldError[]): Html {
  const m = textsFor(privacyTexts, lang);
  const by = errorAt(lang, errors, 'by-email');
  const value = errorAt(lang, errors, 'value');
  const reference = errorAt(lang, errors, 'reference');
  const radio = (option: 'email' | 'handle', label: string) =>
    html`<div class="staff-radio"><input${attrs({
      type: 'radio',
      id: `by-${option}`,
      name: 'by',
      value: option,
      checked: query.by === option || (option === 'email' && query.by !== 'handle'),
      'aria-describedby': idRefs(by.id),
    })}><label for="by-${option}">${label}</label></div>`;
  return html`<h2>${m.searchHeading}</h2>
<form method="post" action="${privacyPaths.search}" novalidate class="staff-form">
${hiddenFields({ csrf: session.csrfToken, lang })}
<fieldset class="staff-field${by.id ? ' staff-field--invalid' : ''}"><legend>${m.by}</legend>
${by.html}${radio('email', m.byEmail)}${radio('handle', m.byHandle)}
</fieldset>
<div class="staff-field${value.id ? ' staff-field--invalid' : ''}">
<label for="value">${m.value}</label>
<p id="value-hint">${m.valueHint}</p>
${value.html}
<input${attrs({
    id: 'value',
    name: 'value',
    type: 'text',
    value: query.value,
    spellcheck: 'false',
    autocomplete: 'off',
    'aria-describedby': idRefs('value-hint', value.id),
    'aria-invalid': value.id ? 'true' : undefined,
  })}>
</div>
<div class="staff-field${reference.id ? ' staff-field--invalid' : ''}">
<label for="reference">${m.reference}</label>
<p id="reference-hint">${m.referenceHint}</p>
${reference.html}
<input${attrs({
    id: 'reference',
    name: 'reference',
    type: 'text',
    value: query.reference,
    autocomplete: 'off',
    'aria-describedby': idRefs('reference-hint', reference.id),
    'aria-invalid': reference.id ? 'true' : undefined,
  })}>
</div>
<button type="submit" class="staff-button">${m.search}</button>
</form>`;
}

function results(lang: Locale, session: PageSession, query: PrivacyQuery, found: PersonalDataFound): Html {
  const m = textsFor(privacyTexts, lang);
  if (found.submissions.length === 0 && found.socialAuthors.length === 0) {
    return html`<h2 id="results">${m.resultsHeading}</h2>\n<p role="status">${m.nothingFound}</p>`;
  }
  const input =
    query.by === 'email' &&
    html`<h3>${m.inputHeading}</h3>
${
  found.submissions.length === 0
    ? html`<p>${m.noInput}</p>`
    : html`<ul>${found.submissions.map(
        (s) =>
          html`<li><span translate="no">${s.code}</span> – ${s.consultation} – ${m.submittedAt} ${dateTime(s.submittedAt, lang)}${
            s.erasedAt && html` – ${m.erasedAt} ${dateTime(s.erasedAt, lang)}`
          }</li>`,
      )}</ul>`
}`;
  const accounts =
    query.by === 'handle' &&
    html`<h3>${m.accountsHeading}</h3>
${
  found.socialAuthors.length === 0
    ? html`<p>${m.noAccounts}</p>`
    : html`<ul>${found.socialAuthors.map(
        (a) => html`<li>${a.platform}: ${a.handle ?? a.displayName ?? ''} – ${m.posts}: ${a.posts}</li>`,
      )}</ul>`
}`;
  return html`<h2 id="results">${m.resultsHeading}</h2>
${input}${accounts}
<div class="staff-actions">
<form method="post" action="${privacyPaths.export}">${queryFields(query, session, lang)}<button type="submit" class="staff-button">${m.export}</button></form>
<form method="post" action="${privacyPaths.erase}">${queryFields(query, session, lang)}${hiddenFields({ step: 'ask' })}<button type="submit" class="staff-button staff-button--secondary">${m.erase}</button></form>
</div>`;
}

export function renderPrivacyPage(options: {
  lang: Locale;
  session: PageSession;
  query?: PrivacyQuery | undefined;
  found?: PersonalDataFound | undefined;
  errors?: FieldError[];
  erased?: ErasureReport | undefined;
}): string {
  const { lang, session, errors = [] } = options;
  const m = textsFor(privacyTexts, lang);
  const query = options.query ?? { by: 'email', value: '', reference: '' };
  const body = html`${notice(options.erased && m.erased(options.erased))}
${errorSummary(lang, errors)}
<p>${m.intro}</p>
<p><a href="${privacyPaths.retention(lang)}">${m.retentionLink}</a></p>
${searchForm(lang, session, query, errors)}
${options.found && options.query && results(lang, session, options.query, options.found)}`;
  return staffPage({
    lang,
    title: m.title,
    body,
    session,
    path: privacyPaths.home(lang),
    hasErrors: errors.length > 0,
  });
}

export function renderEraseConfirmPage(options: {
  lang: Locale;
  session: PageSession;
  query: PrivacyQuery;
  found: PersonalDataFound;
  error?: boolean;
}): string {
  const { lang, session, query } = options;
  const m = textsFor(privacyTexts, lang);
  const errors = options.error ? [{ field: 'confirm', message: m.errors.confirm }] : [];
  const confirm = errorAt(lang, errors, 'confirm');
  const summary = `${options.found.submissions.length} × ${m.inputHeading.toLowerCase()}, ${options.found.socialAuthors.length} × ${m.accountsHeading.toLowerCase()}`;
  const body = html`${errorSummary(lang, errors)}
<p>${m.eraseExplain}</p>
<p><strong>${query.value}</strong>: ${summary}</p>
<form method="post" action="${privacyPaths.erase}" class="staff-form">
${queryFields(query, session, lang)}${hiddenFields({ step: 'erase' })}
<div class="staff-field${confirm.id ? ' staff-field--invalid' : ''}">
${confirm.html}
<div class="staff-checkbox"><input${attrs({
    type: 'checkbox',
    id: 'confirm',
    name: 'confirm',
    value: 'yes',
    'aria-describedby': idRefs(confirm.id),
    'aria-invalid': confirm.id ? 'true' : undefined,
  })}><label for="confirm">${m.eraseConfirm}</label></div>
</div>
<button type="submit" class="staff-button">${m.eraseSubmit}</button>
</form>
<p><a href="${privacyPaths.home(lang)}">${m.cancel}</a></p>`;
  return staffPage({ lang, title: m.eraseHeading, body, session, hasErrors: errors.length > 0 });
}

export type RetentionRow = { kind: RetentionKind; days: number; defaultDays: number; value?: string };

export function renderRetentionPage(options: {
  lang: Locale;
  session: PageSession;
  rows: RetentionRow[];
  errors?: FieldError[];
  saved?: number | undefined;
}): string {
  const { lang, session, errors = [] } = options;
  const m = textsFor(privacyTexts, lang);
  const fields = options.rows.map((row) => {
    const id = `days-${row.kind}`;
    const error = errorAt(lang, errors, id);
    return html`<div class="staff-field${error.id ? ' staff-field--invalid' : ''}">
<label for="${id}">${m.kinds[row.kind]} (${m.days.toLowerCase()})</label>
<p id="${id}-hint">${m.from}: ${m.starts[row.kind]}. ${m.defaultIs(row.defaultDays)}</p>
${error.html}
<input${attrs({
      id,
      name: row.kind,
      type: 'text',
      inputmode: 'numeric',
      value: row.value ?? String(row.days),
      autocomplete: 'off',
      'aria-describedby': idRefs(`${id}-hint`, error.id),
      'aria-invalid': error.id ? 'true' : undefined,
    })}>
</div>`;
  });
  const body = html`${notice(options.saved !== undefined ? m.saved(options.saved) : undefined)}
${errorSummary(lang, errors)}
<p>${m.retentionIntro}</p>
<form method="post" action="${privacyPaths.saveRetention}" novalidate class="staff-form">
${hiddenFields({ csrf: session.csrfToken, lang })}
${join(fields, '\n')}
<button type="submit" class="staff-button">${m.save}</button>
</form>
<p><a href="${privacyPaths.home(lang)}">${m.backToRequests}</a></p>`;
  return staffPage({
    lang,
    title: m.retentionTitle,
    body,
    session,
    path: privacyPaths.retention(lang),
    hasErrors: errors.length > 0,
  });
}
