/**
 * The accessibility-statement settings page: the general part in one form, then each audit
 * and each known deviation in its own form with buttons to move it up or down and to remove
 * it, and a form to add one of each. After a refusal the form that was sent shows what was
 * typed, so nothing typed is lost.
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { attrs, html, idRefs, join, nothing, type Html } from '../../../shared/html/index.ts';
import type { StatementSettings, StatementStatus } from '../../services/statement-settings.ts';
import { STATEMENT_STATUSES } from '../../services/statement-settings.ts';
import { errorSummary, fieldError, hiddenFields, notice } from '../kit/components.ts';
import type { FieldError } from '../kit/form-errors.ts';
import { staffPage, type PageSession } from '../kit/shell.ts';
import { readabilityHint } from '../webcare/view.ts';
import { webcarePaths } from '../webcare/paths.ts';
import { settingsPaths } from './paths.ts';
import * as statementTexts from './statement-texts.ts';
import type { FormError } from './view.ts';

/** Every form's fields as typed (or as stored): strings by field name. */
export type Values = Record<string, string>;

/** Which form the typed values belong to: `general`, `a<i>`/`anew` (audits) or `d<i>`/`dnew` (deviations). */
export type Typed = { form: string; values: Values };

type FieldSpec = {
  name: string;
  label: string;
  hint?: string;
  kind?: 'text' | 'textarea' | 'email' | 'number';
  inputLang?: Locale;
  readability?: Locale;
};

function field(lang: Locale, prefix: string, spec: FieldSpec, value: string, errors: readonly FieldError[]): Html {
  const id = `${prefix}-${spec.name}`;
  const error = errors.find((e) => e.field === id);
  const errorId = error ? `${id}-error` : undefined;
  const hintId = spec.hint ? `${id}-hint` : undefined;
  const readabilityId = spec.readability ? `${id}-readability` : undefined;
  const common = {
    id,
    name: spec.name,
    lang: spec.inputLang,
    'aria-invalid': error ? 'true' : undefined,
    'aria-describedby': idRefs(hintId, errorId, readabilityId),
  };
  const control =
    spec.kind === 'textarea'
      ? html`<textarea${attrs({ ...common, rows: 4 })}>${value}</textarea>${
          spec.readability
            ? readabilityHint({ text: value, textLang: spec.readability, lang, id: readabilityId!, forField: id })
            : nothing
        }`
      : html`<input${attrs({
          ...common,
          type: spec.kind === 'email' ? 'email' : 'text',
          inputmode: spec.kind === 'number' ? 'numeric' : undefined,
          autocomplete: spec.kind === 'email' ? 'email' : 'off',
          value,
        })}>`;
  return html`<div class="staff-field${error ? ' staff-field--invalid' : ''}"><label for="${id}">${spec.label}</label>
${spec.hint ? html`<p class="staff-hint" id="${hintId}">${spec.hint}</p>` : nothing}${error ? fieldError(lang, errorId!, error.message) : nothing}${control}</div>`;
}

export function auditFields(lang: Locale): FieldSpec[] {
  const m = textsFor(statementTexts, lang);
  return [
    { name: 'title-nl', label: m.auditTitleNl, inputLang: 'nl' },
    { name: 'title-en', label: m.auditTitleEn, inputLang: 'en' },
    { name: 'by', label: m.auditBy },
    { name: 'date', label: m.auditDate, hint: m.dateHint },
    { name: 'url', label: m.auditUrl },
  ];
}

export function deviationFields(lang: Locale): FieldSpec[] {
  const m = textsFor(statementTexts, lang);
  return [
    { name: 'criterion', label: m.criterion, hint: m.criterionHint },
    { name: 'description-nl', label: m.descriptionNl, kind: 'textarea', inputLang: 'nl', readability: 'nl' },
    { name: 'description-en', label: m.descriptionEn, kind: 'textarea', inputLang: 'en', readability: 'en' },
    { name: 'measure-nl', label: m.measureNl, kind: 'textarea', inputLang: 'nl', readability: 'nl' },
    { name: 'measure-en', label: m.measureEn, kind: 'textarea', inputLang: 'en', readability: 'en' },
    { name: 'resolve-by', label: m.resolveBy, hint: m.dateHint },
  ];
}

export function generalFields(lang: Locale): FieldSpec[] {
  const m = textsFor(statementTexts, lang);
  return [
    { name: 'scope-nl', label: m.scopeNl, kind: 'textarea', inputLang: 'nl', readability: 'nl' },
    { name: 'scope-en', label: m.scopeEn, kind: 'textarea', inputLang: 'en', readability: 'en' },
    { name: 'statement-date', label: m.statementDate, hint: m.dateHint },
    { name: 'contact-email', label: m.contactEmail, kind: 'email' },
    { name: 'response-days', label: m.responseDays, kind: 'number' },
  ];
}

/** The stored statement as the forms show it. */
export function storedValues(settings: StatementSettings): Map<string, Values> {
  const out = new Map<string, Values>();
  const g = settings.general;
  out.set('general', {
    status: g?.status ?? '',
    'scope-nl': g?.scope.nl ?? '',
    'scope-en': g?.scope.en ?? '',
    'statement-date': g?.statementDate ?? '',
    'contact-email': g?.contactEmail ?? '',
    'response-days': g ? String(g.responseDays) : '5',
  });
  settings.audits.forEach((a, i) => {
    out.set(`a${i}`, {
      'title-nl': a.title.nl,
      'title-en': a.title.en ?? '',
      by: a.by,
      date: a.date.slice(0, 10),
      url: a.url ?? '',
    });
  });
  settings.deviations.forEach((d, i) => {
    out.set(`d${i}`, {
      criterion: d.criterion,
      'description-nl': d.description.nl,
      'description-en': d.description.en ?? '',
      'measure-nl': d.measure.nl,
      'measure-en': d.measure.en ?? '',
      'resolve-by': d.resolveBy?.slice(0, 10) ?? '',
    });
  });
  return out;
}

export function renderStatementPage(options: {
  lang: Locale;
  session: PageSession;
  settings: StatementSettings;
  version: string;
  typed?: Typed | undefined;
  errors?: FormError[];
  status?: string | undefined;
  focus?: string | undefined;
}): string {
  const { lang, session, settings, version, errors = [] } = options;
  const m = textsFor(statementTexts, lang);
  const stored = storedValues(settings);
  const valuesOf = (form: string): Values =>
    options.typed?.form === form ? options.typed.values : (stored.get(form) ?? {});
  const common = { csrf: session.csrfToken, lang, version };
  const fieldsOf = (form: string, specs: FieldSpec[]) =>
    join(
      specs.map((spec) => field(lang, form, spec, valuesOf(form)[spec.name] ?? '', errors)),
      '\n',
    );
  const button = (action: string, row: number, label: string, id: string) =>
    html`<form method="post" action="${settingsPaths.statementSave}" class="staff-inline-form">
${hiddenFields({ ...common, row: String(row) })}
<button${attrs({ type: 'submit', name: 'action', value: action, id, class: 'staff-button staff-button--secondary', autofocus: options.focus === id })}>${label}</button>
</form>`;

  const general = valuesOf('general');
  const statusError = errors.find((e) => e.field === 'general-status');
  // A select rather than radios: one Tab stop whatever is chosen.
  const statusOption = (status: StatementStatus) =>
    html`<option${attrs({ value: status, selected: general['status'] === status })}>${m.statuses[status]}</option>`;
  const generalForm = html`<h2>${m.generalHeading}</h2>
${settings.general ? nothing : html`<p>${m.noStatement}</p>`}
<form method="post" action="${settingsPaths.statementSave}" novalidate class="staff-form">
${hiddenFields({ ...common, row: '' })}
<div class="staff-field${statusError ? ' staff-field--invalid' : ''}"><label for="general-status">${m.status}</label>
${statusError ? fieldError(lang, 'general-status-error', statusError.message) : nothing}<select${attrs({
    id: 'general-status',
    name: 'status',
    'aria-invalid': statusError ? 'true' : undefined,
    'aria-describedby': statusError ? 'general-status-error' : undefined,
  })}>${STATEMENT_STATUSES.includes(general['status'] as StatementStatus) ? nothing : html`<option value="" selected></option>`}${join(STATEMENT_STATUSES.map(statusOption), '\n')}</select></div>
${fieldsOf('general', generalFields(lang))}
<button type="submit" name="action" value="general" class="staff-button">${m.saveGeneral}</button>
</form>`;

  const rowSection = (kind: 'audit' | 'deviation') => {
    const rows = kind === 'audit' ? settings.audits : settings.deviations;
    const letter = kind === 'audit' ? 'a' : 'd';
    const specs = kind === 'audit' ? auditFields(lang) : deviationFields(lang);
    const items = rows.map((row, i) => {
      const heading =
        kind === 'audit' ? m.auditHeading(i + 1) : m.deviationHeading(i + 1, (row as { criterion: string }).criterion);
      const buttons = [
        i > 0 ? button(`up-${kind}`, i, m.up(heading), `${letter}${i}-up`) : nothing,
        i < rows.length - 1 ? button(`down-${kind}`, i, m.down(heading), `${letter}${i}-down`) : nothing,
        button(`remove-${kind}`, i, m.remove(heading), `${letter}${i}-remove`),
      ];
      return html`<li class="staff-rule" id="${letter}${i}">
<h3>${heading}</h3>
<form method="post" action="${settingsPaths.statementSave}" novalidate class="staff-form">
${hiddenFields({ ...common, row: String(i) })}
${fieldsOf(`${letter}${i}`, specs)}
<button type="submit" name="action" value="save-${kind}" class="staff-button">${m.save}</button>
</form>
<div class="staff-rule__actions">${buttons}</div>
</li>`;
    });
    const add = settings.general
      ? html`<h3>${kind === 'audit' ? m.addAuditHeading : m.addDeviationHeading}</h3>
<form method="post" action="${settingsPaths.statementSave}" novalidate class="staff-form">
${hiddenFields({ ...common, row: '' })}
${fieldsOf(`${letter}new`, specs)}
<button type="submit" name="action" value="add-${kind}" class="staff-button">${kind === 'audit' ? m.addAudit : m.addDeviation}</button>
</form>`
      : nothing;
    return html`<h2>${kind === 'audit' ? m.auditsHeading : m.deviationsHeading}</h2>
${items.length > 0 ? html`<ol class="staff-rules">${join(items, '\n')}</ol>` : html`<p>${kind === 'audit' ? m.noAudits : m.noDeviations}</p>`}
${add}`;
  };

  const body = html`${notice(options.status)}
${errorSummary(lang, errors)}
<p>${m.intro}</p>
${generalForm}
${rowSection('audit')}
${rowSection('deviation')}`;
  return staffPage({
    lang,
    title: m.title,
    body,
    session,
    path: settingsPaths.statement(lang),
    hasErrors: errors.length > 0,
    scripts: [webcarePaths.readabilityScript],
  });
}
