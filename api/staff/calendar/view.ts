/**
 * The office-calendar screen: one form with the weekly opening hours, the holiday choices,
 * extra closed days and each channel's response promise. It shows what was typed, not what
 * is stored, after a refusal, so nothing typed is lost; errors follow the workbench pattern
 * (summary that takes focus, message at the field).
 */
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { attrs, html, join, nothing, type Html } from '../../../shared/html/index.ts';
import { idRefs } from '../../../shared/render/html.ts';
import { errorSummary, fieldError, hiddenFields, notice } from '../kit/components.ts';
import type { FieldError } from '../kit/form-errors.ts';
import { staffPage, type PageSession } from '../kit/shell.ts';
import { calendarPaths } from './paths.ts';
import * as calendarTexts from './texts.ts';

/** A message for a field, or for the whole form (`target`: where its summary link goes). */
export type FormError = FieldError & { target?: string };

export type DayValues = { from: string; to: string; from2: string; to2: string };

/** The form as typed (or as stored, when the page opens): strings, so a refusal shows them back. */
export type CalendarFormValues = {
  version: string;
  days: Record<0 | 1 | 2 | 3 | 4 | 5 | 6, DayValues>;
  goodFriday: boolean;
  liberationDay: string;
  closedDays: string;
  promises: Array<{ id: string; name: string; unit: string; amount: string }>;
};

/** Monday first, as a Dutch week is read. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

function errorAt(lang: Locale, errors: readonly FieldError[], field: string): { html: Html; id?: string } {
  const error = errors.find((e) => e.field === field);
  if (!error) return { html: nothing };
  const id = `${field}-error`;
  return { id, html: fieldError(lang, id, error.message) };
}

function textInput(options: {
  id: string;
  label: string;
  value: string;
  invalid: boolean;
  describedBy?: string | undefined;
  size?: number;
}): Html {
  return html`<div class="staff-field staff-field--short"><label for="${options.id}">${options.label}</label><input${attrs(
    {
      id: options.id,
      name: options.id,
      type: 'text',
      value: options.value,
      autocomplete: 'off',
      spellcheck: 'false',
      size: options.size ?? 6,
      'aria-describedby': options.describedBy,
      'aria-invalid': options.invalid ? 'true' : undefined,
    },
  )}></div>`;
}

function dayFieldset(
  lang: Locale,
  day: 0 | 1 | 2 | 3 | 4 | 5 | 6,
  values: DayValues,
  errors: readonly FieldError[],
): Html {
  const m = textsFor(calendarTexts, lang);
  const error = errorAt(lang, errors, `d${day}-from`);
  const describedBy = idRefs('hours-hint', error.id);
  const input = (part: keyof DayValues, label: string) =>
    textInput({ id: `d${day}-${part}`, label, value: values[part], invalid: Boolean(error.id), describedBy });
  return html`<fieldset class="staff-hours${error.id ? ' staff-field--invalid' : ''}"><legend>${m.days[day]}</legend>
${error.html}<div class="staff-hours__spans">${input('from', m.from)}${input('to', m.to)}${input('from2', m.secondFrom)}${input('to2', m.secondTo)}</div>
</fieldset>`;
}

function promiseFieldset(
  lang: Locale,
  promise: CalendarFormValues['promises'][number],
  errors: readonly FieldError[],
): Html {
  const m = textsFor(calendarTexts, lang);
  const unitError = errorAt(lang, errors, `unit-${promise.id}`);
  const amountError = errorAt(lang, errors, `amount-${promise.id}`);
  const invalid = Boolean(unitError.id || amountError.id);
  const radio = (unit: 'working_days' | 'hours') =>
    html`<div class="staff-radio"><input${attrs({
      type: 'radio',
      id: `unit-${promise.id}${unit === 'hours' ? '-hours' : ''}`,
      name: `unit-${promise.id}`,
      value: unit,
      checked: promise.unit === unit,
      'aria-describedby': idRefs(unitError.id),
    })}><label for="unit-${promise.id}${unit === 'hours' ? '-hours' : ''}">${m.units[unit]}</label></div>`;
  return html`<fieldset class="staff-promise${invalid ? ' staff-field--invalid' : ''}"><legend>${promise.name}</legend>
${unitError.html}
<fieldset><legend>${m.unit}</legend>${radio('working_days')}${radio('hours')}</fieldset>
${amountError.html}
${textInput({ id: `amount-${promise.id}`, label: m.amount, value: promise.amount, invalid: Boolean(amountError.id), describedBy: amountError.id, size: 4 })}
</fieldset>`;
}

export function renderCalendarPage(options: {
  lang: Locale;
  session: PageSession;
  values: CalendarFormValues;
  errors?: FormError[];
  /** After a save: how many waiting items got a new due time (undefined: nothing changed). */
  saved?: { recomputed: number } | 'unchanged';
}): string {
  const { lang, session, values, errors = [] } = options;
  const m = textsFor(calendarTexts, lang);
  const liberationError = errorAt(lang, errors, 'liberation-every_year');
  const closedError = errorAt(lang, errors, 'closed-days');
  const savedText =
    options.saved === 'unchanged' ? m.unchanged : options.saved ? m.saved(options.saved.recomputed) : undefined;
  const liberation = (rule: 'every_year' | 'lustrum' | 'never') =>
    html`<div class="staff-radio"><input${attrs({
      type: 'radio',
      id: `liberation-${rule}`,
      name: 'liberation-day',
      value: rule,
      checked: values.liberationDay === rule,
      'aria-describedby': idRefs(liberationError.id),
    })}><label for="liberation-${rule}">${m.liberation[rule]}</label></div>`;
  const body = html`${notice(savedText)}
${errorSummary(lang, errors)}
<p>${m.intro}</p>
<form method="post" action="${calendarPaths.save}" novalidate class="staff-form staff-form--wide">
${hiddenFields({ csrf: session.csrfToken, lang, version: values.version })}
<h2>${m.hoursHeading}</h2>
<p id="hours-hint">${m.hoursHint}</p>
${join(
  WEEK_ORDER.map((day) => dayFieldset(lang, day, values.days[day], errors)),
  '\n',
)}
<h2>${m.holidaysHeading}</h2>
<p>${m.holidaysHint}</p>
<div class="staff-checkbox"><input${attrs({ type: 'checkbox', id: 'good-friday', name: 'good-friday', value: 'yes', checked: values.goodFriday })}><label for="good-friday">${m.goodFriday}</label></div>
<fieldset class="${liberationError.id ? 'staff-field--invalid' : ''}"><legend>${m.liberationDay}</legend>
${liberationError.html}${liberation('every_year')}${liberation('lustrum')}${liberation('never')}
</fieldset>
<h2>${m.closedDaysHeading}</h2>
<div class="staff-field${closedError.id ? ' staff-field--invalid' : ''}">
<label for="closed-days">${m.closedDays}</label>
<p id="closed-days-hint">${m.closedDaysHint}</p>
${closedError.html}
<textarea${attrs({
    id: 'closed-days',
    name: 'closed-days',
    rows: 6,
    spellcheck: 'false',
    'aria-describedby': idRefs('closed-days-hint', closedError.id),
    'aria-invalid': closedError.id ? 'true' : undefined,
  })}>${values.closedDays}</textarea>
</div>
<h2>${m.promisesHeading}</h2>
${
  values.promises.length === 0
    ? html`<p>${m.noChannels}</p>`
    : join(
        values.promises.map((p) => promiseFieldset(lang, p, errors)),
        '\n',
      )
}
<div><button type="submit" class="staff-button">${m.save}</button></div>
</form>`;
  return staffPage({
    lang,
    title: m.title,
    body,
    session,
    path: calendarPaths.home(lang),
    hasErrors: errors.length > 0,
  });
}
