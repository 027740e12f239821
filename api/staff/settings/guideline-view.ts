/**
 * The channel-guidelines settings page: one form per channel with its Dutch and English
 * name, whether residents may reply, the moderating department, and its posting hours as a
 * start and end per weekday (text fields, so a time reads and types the same in every
 * browser). After a refusal the form that was sent shows what was typed, not what is stored.
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { attrs, html, idRefs, join, nothing, type Html } from '../../../shared/html/index.ts';
import {
  MAX_NAME,
  weekFromHours,
  type ChannelGuidelineRow,
  type DepartmentChoice,
} from '../../services/channel-guideline-settings.ts';
import { calendarPaths } from '../calendar/paths.ts';
import { errorSummary, fieldError, hiddenFields, labelOfRow, notice, pick } from '../kit/components.ts';
import type { FieldError } from '../kit/form-errors.ts';
import { staffPage, type PageSession } from '../kit/shell.ts';
import * as guidelineTexts from './guideline-texts.ts';
import { settingsPaths } from './paths.ts';
import type { FormError } from './view.ts';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** One channel's form as typed (or as stored). */
export type GuidelineValues = {
  nameNl: string;
  nameEn: string;
  repliesAllowed: boolean;
  answersNeedApproval: boolean;
  announcementsNeedApproval: boolean;
  /** A department's id, or empty for the central desk. */
  department: string;
  hours: Record<number, { from: string; to: string }>;
};

/** The ids of a channel's fields: `g<n>-name-nl`, `g<n>-1-from`…, `n` its place on the page. */
export const guidelineFieldId = (prefix: string, name: string) => `${prefix}-${name}`;

export function storedGuidelineValues(row: ChannelGuidelineRow): GuidelineValues {
  const week = weekFromHours(row.postingHours);
  return {
    nameNl: row.name.nl,
    nameEn: row.name.en ?? '',
    repliesAllowed: row.repliesAllowed,
    answersNeedApproval: row.answersNeedApproval,
    announcementsNeedApproval: row.announcementsNeedApproval,
    department: row.moderatedByDepartmentId ?? '',
    hours: Object.fromEntries(WEEKDAYS.map((d) => [d, week.get(d) ?? { from: '', to: '' }])),
  };
}

function errorAt(lang: Locale, errors: readonly FieldError[], id: string): { html: Html; id?: string } {
  const error = errors.find((e) => e.field === id);
  if (!error) return { html: nothing };
  return { id: `${id}-error`, html: fieldError(lang, `${id}-error`, error.message) };
}

function textInput(
  lang: Locale,
  errors: readonly FieldError[],
  options: {
    id: string;
    name: string;
    label: string;
    /** The channel's name, for screen readers: each channel's form has the same fields. */
    row: string;
    value: string;
    inputLang?: Locale;
    short?: boolean;
    hint?: string;
  },
): Html {
  const error = errorAt(lang, errors, options.id);
  return html`<div class="staff-field${options.short ? ' staff-field--short' : ''}${error.id ? ' staff-field--invalid' : ''}"><label for="${options.id}">${labelOfRow(options.label, options.row)}</label>
${error.html}<input${attrs({
    id: options.id,
    name: options.name,
    type: 'text',
    value: options.value,
    lang: options.inputLang,
    autocomplete: 'off',
    spellcheck: options.short ? 'false' : undefined,
    size: options.short ? 6 : undefined,
    maxlength: options.short ? 20 : MAX_NAME + 100,
    'aria-invalid': error.id ? 'true' : undefined,
    'aria-describedby': idRefs(options.hint, error.id),
  })}></div>`;
}

function guidelineForm(options: {
  lang: Locale;
  csrf: string;
  prefix: string;
  row: ChannelGuidelineRow;
  values: GuidelineValues;
  departments: readonly DepartmentChoice[];
  errors: readonly FieldError[];
}): Html {
  const { lang, prefix, row, values, errors } = options;
  const m = textsFor(guidelineTexts, lang);
  const id = (name: string) => guidelineFieldId(prefix, name);
  const name = pick(row.name, lang);
  const departmentError = errorAt(lang, errors, id('department'));
  const hintId = id('hours-hint');
  const day = (d: number) => {
    const dayName = m.weekdays[d - 1]!;
    const typed = values.hours[d] ?? { from: '', to: '' };
    const input = (part: 'from' | 'to') =>
      textInput(lang, errors, {
        id: id(`${d}-${part}`),
        name: `${part}-${d}`,
        label: part === 'from' ? m.from(dayName) : m.to(dayName),
        row: name,
        value: typed[part],
        short: true,
        hint: hintId,
      });
    return html`<div class="staff-hours__spans">${input('from')}${input('to')}</div>`;
  };
  const option = (value: string, label: string) =>
    html`<option${attrs({ value, selected: values.department === value })}>${label}</option>`;
  return html`<section class="staff-rule" id="${prefix}" aria-labelledby="${prefix}-heading">
<h2 id="${prefix}-heading">${name}</h2>
<p class="staff-hint">${m.key(row.key)} ${m.promise(row.responseDays, row.responseHours)} <a href="${calendarPaths.home(lang)}">${m.promiseWhere}</a></p>
<form method="post" action="${settingsPaths.guidelinesSave}" novalidate class="staff-form">
${hiddenFields({ csrf: options.csrf, lang, version: String(row.version), id: row.id })}
${textInput(lang, errors, { id: id('name-nl'), name: 'name-nl', label: m.nameNl, row: name, value: values.nameNl, inputLang: 'nl' })}
${textInput(lang, errors, { id: id('name-en'), name: 'name-en', label: m.nameEn, row: name, value: values.nameEn, inputLang: 'en' })}
<div class="staff-checkbox"><input${attrs({ type: 'checkbox', id: id('replies'), name: 'replies', value: 'ja', checked: values.repliesAllowed })}><label for="${id('replies')}">${labelOfRow(m.repliesAllowed, name)}</label></div>
${
  row.channel === 'social' &&
  html`<div class="staff-checkbox"><input${attrs({ type: 'checkbox', id: id('answers-approval'), name: 'answers-approval', value: 'ja', checked: values.answersNeedApproval, 'aria-describedby': `${id('answers-approval')}-hint` })}><label for="${id('answers-approval')}">${labelOfRow(m.answersNeedApproval, name)}</label></div>
<p class="staff-hint" id="${id('answers-approval')}-hint">${m.answersNeedApprovalHint}</p>`
}
${
  row.channel !== 'widget' &&
  html`<div class="staff-checkbox"><input${attrs({ type: 'checkbox', id: id('announcements-approval'), name: 'announcements-approval', value: 'ja', checked: values.announcementsNeedApproval })}><label for="${id('announcements-approval')}">${labelOfRow(m.announcementsNeedApproval, name)}</label></div>`
}
<div class="staff-field${departmentError.id ? ' staff-field--invalid' : ''}"><label for="${id('department')}">${labelOfRow(m.moderatedBy, name)}</label>
${departmentError.html}<select${attrs({ id: id('department'), name: 'department', 'aria-invalid': departmentError.id ? 'true' : undefined, 'aria-describedby': departmentError.id })}>${option('', m.centralDesk)}${join(
    options.departments.map((d) => option(d.id, pick(d.name, lang))),
  )}</select></div>
<fieldset class="staff-fieldset"><legend>${labelOfRow(m.hoursLegend, name)}</legend>
<p class="staff-hint" id="${hintId}">${m.hoursHint}</p>
${join(WEEKDAYS.map(day), '\n')}
</fieldset>
<button type="submit" class="staff-button">${m.save(name)}</button>
</form>
</section>`;
}

export function renderGuidelinesPage(options: {
  lang: Locale;
  session: PageSession;
  guidelines: readonly ChannelGuidelineRow[];
  departments: readonly DepartmentChoice[];
  /** What was typed into one channel's form (its id), shown instead of what is stored. */
  typed?: { id: string; values: GuidelineValues; version?: number } | undefined;
  errors?: FormError[];
  status?: string | undefined;
}): string {
  const { lang, session, errors = [] } = options;
  const m = textsFor(guidelineTexts, lang);
  const forms = options.guidelines.map((row, index) => {
    const typed = options.typed?.id === row.id ? options.typed : undefined;
    return guidelineForm({
      lang,
      csrf: session.csrfToken,
      prefix: `g${index + 1}`,
      // A refused save keeps the version it was made on, unless the refusal said which is current.
      row: typed?.version !== undefined ? { ...row, version: typed.version } : row,
      values: typed?.values ?? storedGuidelineValues(row),
      departments: options.departments,
      errors: typed ? errors : [],
    });
  });
  const body = html`${notice(options.status)}
${errorSummary(lang, errors)}
<p>${m.intro}</p>
${forms.length > 0 ? join(forms, '\n') : html`<p>${m.none}</p>`}`;
  return staffPage({
    lang,
    title: m.title,
    body,
    session,
    path: settingsPaths.guidelines(lang),
    hasErrors: errors.length > 0,
  });
}
