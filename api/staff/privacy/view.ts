/**
 * The staff privacy screens: search for what Podium holds about a person (by e-mail
 * address or social-media handle), export it, erase it after a confirmation, and the
 * retention period per kind of data. Every form posts without script; errors follow the
 * workbench pattern (summary that takes focus, message at the field).
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import * as queueTexts from '../queue/texts.ts';
import * as privacyTexts from './texts.ts';
import type { ErasureReport, PersonalDataFound } from '../../services/personal-data.ts';
import type { RetentionKind } from '../../services/retention.ts';
import { attrs, escapeHtml, idRefs } from '../../../shared/render/html.ts';
import { privacyPaths } from './paths.ts';
import { formatTime, staffPage, type FieldError, type PageSession } from '../queue/view.ts';

export { privacyPaths };

export type PrivacyQuery = { by: string; value: string; reference: string };

const hidden = (name: string, value: string) =>
  `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`;

function errorSummary(lang: Locale, errors: readonly FieldError[]): string {
  if (errors.length === 0) return '';
  const items = errors.map((e) => `<li><a href="#${escapeHtml(e.field)}">${escapeHtml(e.message)}</a></li>`).join('');
  return `<div class="staff-error-summary" id="staff-error-summary" tabindex="-1" autofocus aria-labelledby="staff-error-summary-heading">
<h2 id="staff-error-summary-heading">${escapeHtml(textsFor(queueTexts, lang).errorSummaryHeading)}</h2>
<ul>${items}</ul>
</div>`;
}

function fieldError(lang: Locale, errors: readonly FieldError[], field: string): { html: string; id?: string } {
  const error = errors.find((e) => e.field === field);
  if (!error) return { html: '' };
  const id = `${field}-error`;
  return {
    id,
    html: `<p class="staff-error-message" id="${id}"><span class="staff-visually-hidden">${escapeHtml(textsFor(queueTexts, lang).errorPrefix)} </span>${escapeHtml(error.message)}</p>`,
  };
}

const queryFields = (query: PrivacyQuery, session: PageSession, lang: Locale) =>
  `${hidden('csrf', session.csrfToken)}${hidden('lang', lang)}${hidden('by', query.by)}${hidden('value', query.value)}${hidden('reference', query.reference)}`;

function dateTime(iso: string, lang: Locale): string {
  const date = new Date(iso);
  const day = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', {
    timeZone: 'Europe/Amsterdam',
    dateStyle: 'medium',
  }).format(date);
  return `<time datetime="${escapeHtml(iso)}">${escapeHtml(day)} ${escapeHtml(formatTime(date, lang))}</time>`;
}

function searchForm(lang: Locale, session: PageSession, query: PrivacyQuery, errors: readonly FieldError[]): string {
  const m = textsFor(privacyTexts, lang);
  const by = fieldError(lang, errors, 'by-email');
  const value = fieldError(lang, errors, 'value');
  const reference = fieldError(lang, errors, 'reference');
  const radio = (option: 'email' | 'handle', label: string) =>
    `<div class="staff-radio"><input${attrs({
      type: 'radio',
      id: `by-${option}`,
      name: 'by',
      value: option,
      checked: query.by === option || (option === 'email' && query.by !== 'handle'),
      'aria-describedby': idRefs(by.id),
    })}><label for="by-${option}">${escapeHtml(label)}</label></div>`;
  return `<h2>${escapeHtml(m.searchHeading)}</h2>
<form method="post" action="${privacyPaths.search}" novalidate class="staff-form">
${hidden('csrf', session.csrfToken)}${hidden('lang', lang)}
<fieldset class="staff-field${by.id ? ' staff-field--invalid' : ''}"><legend>${escapeHtml(m.by)}</legend>
${by.html}${radio('email', m.byEmail)}${radio('handle', m.byHandle)}
</fieldset>
<div class="staff-field${value.id ? ' staff-field--invalid' : ''}">
<label for="value">${escapeHtml(m.value)}</label>
<p id="value-hint">${escapeHtml(m.valueHint)}</p>
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
<label for="reference">${escapeHtml(m.reference)}</label>
<p id="reference-hint">${escapeHtml(m.referenceHint)}</p>
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
<button type="submit" class="staff-button">${escapeHtml(m.search)}</button>
</form>`;
}

function results(lang: Locale, session: PageSession, query: PrivacyQuery, found: PersonalDataFound): string {
  const m = textsFor(privacyTexts, lang);
  if (found.submissions.length === 0 && found.socialAuthors.length === 0) {
    return `<h2 id="results">${escapeHtml(m.resultsHeading)}</h2>\n<p role="status">${escapeHtml(m.nothingFound)}</p>`;
  }
  const input =
    query.by === 'email'
      ? `<h3>${escapeHtml(m.inputHeading)}</h3>
${
  found.submissions.length === 0
    ? `<p>${escapeHtml(m.noInput)}</p>`
    : `<ul>${found.submissions
        .map(
          (s) =>
            `<li><span translate="no">${escapeHtml(s.code)}</span> – ${escapeHtml(s.consultation)} – ${escapeHtml(m.submittedAt)} ${dateTime(s.submittedAt, lang)}${
              s.erasedAt ? ` – ${escapeHtml(m.erasedAt)} ${dateTime(s.erasedAt, lang)}` : ''
            }</li>`,
        )
        .join('')}</ul>`
}`
      : '';
  const accounts =
    query.by === 'handle'
      ? `<h3>${escapeHtml(m.accountsHeading)}</h3>
${
  found.socialAuthors.length === 0
    ? `<p>${escapeHtml(m.noAccounts)}</p>`
    : `<ul>${found.socialAuthors
        .map(
          (a) =>
            `<li>${escapeHtml(a.platform)}: ${escapeHtml(a.handle ?? a.displayName ?? '')} – ${escapeHtml(m.posts)}: ${a.posts}</li>`,
        )
        .join('')}</ul>`
}`
      : '';
  return `<h2 id="results">${escapeHtml(m.resultsHeading)}</h2>
${input}${accounts}
<div class="staff-actions">
<form method="post" action="${privacyPaths.export}">${queryFields(query, session, lang)}<button type="submit" class="staff-button">${escapeHtml(m.export)}</button></form>
<form method="post" action="${privacyPaths.erase}">${queryFields(query, session, lang)}${hidden('step', 'ask')}<button type="submit" class="staff-button staff-button--secondary">${escapeHtml(m.erase)}</button></form>
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
  const notice = options.erased
    ? `<p class="staff-notice" role="status">${escapeHtml(m.erased(options.erased))}</p>`
    : '<div role="status"></div>';
  const body = `${notice}
${errorSummary(lang, errors)}
<p>${escapeHtml(m.intro)}</p>
<p><a href="${privacyPaths.retention(lang)}">${escapeHtml(m.retentionLink)}</a></p>
${searchForm(lang, session, query, errors)}
${options.found && options.query ? results(lang, session, options.query, options.found) : ''}`;
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
  const confirm = fieldError(lang, errors, 'confirm');
  const summary = `${options.found.submissions.length} × ${m.inputHeading.toLowerCase()}, ${options.found.socialAuthors.length} × ${m.accountsHeading.toLowerCase()}`;
  const body = `${errorSummary(lang, errors)}
<p>${escapeHtml(m.eraseExplain)}</p>
<p><strong>${escapeHtml(query.value)}</strong>: ${escapeHtml(summary)}</p>
<form method="post" action="${privacyPaths.erase}" class="staff-form">
${queryFields(query, session, lang)}${hidden('step', 'erase')}
<div class="staff-field${confirm.id ? ' staff-field--invalid' : ''}">
${confirm.html}
<div class="staff-checkbox"><input${attrs({
    type: 'checkbox',
    id: 'confirm',
    name: 'confirm',
    value: 'yes',
    'aria-describedby': idRefs(confirm.id),
    'aria-invalid': confirm.id ? 'true' : undefined,
  })}><label for="confirm">${escapeHtml(m.eraseConfirm)}</label></div>
</div>
<button type="submit" class="staff-button">${escapeHtml(m.eraseSubmit)}</button>
</form>
<p><a href="${privacyPaths.home(lang)}">${escapeHtml(m.cancel)}</a></p>`;
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
  const notice =
    options.saved !== undefined
      ? `<p class="staff-notice" role="status">${escapeHtml(m.saved(options.saved))}</p>`
      : '<div role="status"></div>';
  const fields = options.rows
    .map((row) => {
      const id = `days-${row.kind}`;
      const error = fieldError(lang, errors, id);
      return `<div class="staff-field${error.id ? ' staff-field--invalid' : ''}">
<label for="${id}">${escapeHtml(m.kinds[row.kind])} (${escapeHtml(m.days.toLowerCase())})</label>
<p id="${id}-hint">${escapeHtml(m.from)}: ${escapeHtml(m.starts[row.kind])}. ${escapeHtml(m.defaultIs(row.defaultDays))}</p>
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
    })
    .join('\n');
  const body = `${notice}
${errorSummary(lang, errors)}
<p>${escapeHtml(m.retentionIntro)}</p>
<form method="post" action="${privacyPaths.saveRetention}" novalidate class="staff-form">
${hidden('csrf', session.csrfToken)}${hidden('lang', lang)}
${fields}
<button type="submit" class="staff-button">${escapeHtml(m.save)}</button>
</form>
<p><a href="${privacyPaths.home(lang)}">${escapeHtml(m.backToRequests)}</a></p>`;
  return staffPage({
    lang,
    title: m.retentionTitle,
    body,
    session,
    path: privacyPaths.retention(lang),
    hasErrors: errors.length > 0,
  });
}
