/**
 * The consultation form, rendered the same way by the static build (empty) and by the
 * API after a no-JavaScript post with errors (values kept, error summary, messages).
 * Pattern: GOV.UK error summary and error message, https://design-system.service.gov.uk/components/error-summary/
 */
import type { FieldMessage as FieldError } from '../contracts/field-error.ts';
import type { Consultation, Locale, Question } from '../contracts/public-content.ts';
import { textsFor } from '../i18n.ts';
import * as commonTexts from '../texts/common.ts';
import * as consultationTexts from '../texts/consultation.ts';
import * as formTexts from '../texts/form.ts';
import { routes } from '../urls.ts';
import {
  attrs,
  errorSummary,
  fieldError,
  hiddenField,
  html,
  idRefs,
  inlineText,
  join,
  localized,
  nothing,
  type Html,
} from '../html/index.ts';

/** Submitted values keyed by field name: `answers.<key>`, `name`, `email`, `consent`. */
export type FormValues = Record<string, string | string[] | undefined>;

/** One invalid field, as the API reports it (the field path and a message for people). */
export type { FieldError };

export interface ConsultationFormOptions {
  consultation: Consultation;
  lang: Locale;
  values?: FormValues | undefined;
  errors?: readonly FieldError[] | undefined;
}

export interface ErrorSummaryOptions {
  consultation: Consultation;
  lang: Locale;
  errors: readonly FieldError[];
}

const groupKinds = new Set<Question['kind']>(['single_choice', 'multiple_choice', 'scale']);

/** The name attribute of a question's field. */
export const answerField = (key: string) => `answers.${key}`;

/**
 * The id an error summary links to for a field path: the control itself, or the first
 * control of a radio or checkbox group. Undefined for a path the form does not have.
 *
 * @example fieldId('answers.route', consultation) // 'answer-route-0'
 */
export function fieldId(field: string, consultation: Consultation): string | undefined {
  if (field === 'name' || field === 'email' || field === 'consent') return `submitter-${field}`;
  if (!field.startsWith('answers.')) return undefined;
  const question = consultation.questions.find((q) => answerField(q.key) === field);
  if (!question) return undefined;
  return groupKinds.has(question.kind) ? `answer-${question.key}-0` : `answer-${question.key}`;
}

/** Values as a list, whether one or many were submitted. */
function valueList(values: FormValues, field: string): string[] {
  const value = values[field];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function firstValue(values: FormValues, field: string): string {
  return valueList(values, field)[0] ?? '';
}

function errorFor(errors: readonly FieldError[], field: string): FieldError | undefined {
  return errors.find((error) => error.field === field);
}

/** An error message next to its field, starting with a hidden "Fout:" for screen readers. */
function errorMessage(id: string | undefined, error: FieldError | undefined, lang: Locale): Html {
  if (!id || !error) return nothing;
  return fieldError({
    prefix: 'podium',
    id,
    errorPrefix: textsFor(commonTexts, lang).errorPrefix,
    message: error.message,
  });
}

function optionalMarker(required: boolean, lang: Locale): Html {
  return required ? nothing : html` <span class="podium-optional">${textsFor(formTexts, lang).optional}</span>`;
}

const fieldClass = (error: FieldError | undefined) =>
  error ? 'podium-form-field podium-form-field--invalid' : 'podium-form-field';

/**
 * The error summary: a heading and a link to each invalid field. It takes focus when the
 * page loads (autofocus works without JavaScript), so screen reader users hear it first.
 */
export function renderErrorSummary({ consultation, lang, errors }: ErrorSummaryOptions): Html {
  const m = textsFor(formTexts, lang);
  return errorSummary({
    prefix: 'podium',
    heading: m.errorSummaryHeading,
    intro: m.errorSummaryIntro,
    errors: errors.map((error) => ({ message: error.message, target: fieldId(error.field, consultation) })),
  });
}

function renderOpenText(question: Question, lang: Locale, values: FormValues, error: FieldError | undefined): Html {
  const m = textsFor(formTexts, lang);
  const id = `answer-${question.key}`;
  const hintId = question.hint ? `${id}-hint` : undefined;
  const limitId = question.maxLength ? `${id}-limit` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  // The limit is a hint and a data attribute, not maxlength: maxlength silently cuts off
  // pasted text, a counter tells people instead (GOV.UK character count pattern).
  return html`<div class="${fieldClass(error)}">
<label class="podium-form-label" for="${id}">${inlineText(question.prompt, lang)}${optionalMarker(question.required, lang)}</label>
${question.hint && hintId ? html`<p class="podium-form-hint" id="${hintId}">${inlineText(question.hint, lang)}</p>` : nothing}
${question.maxLength && limitId ? html`<p class="podium-form-hint" id="${limitId}">${m.maxLengthHint(question.maxLength)}</p>` : nothing}
${errorMessage(errorId, error, lang)}
<textarea${attrs({
    class: 'podium-textarea',
    id,
    name: answerField(question.key),
    rows: 6,
    'aria-describedby': idRefs(errorId, hintId, limitId),
    'aria-invalid': error ? 'true' : undefined,
    'aria-required': question.required ? 'true' : undefined,
    'data-maxlength': question.maxLength ?? undefined,
  })}>${firstValue(values, answerField(question.key))}</textarea>
</div>`;
}

/** Radio or checkbox group in a fieldset; the legend is the question. */
function renderChoiceGroup(question: Question, lang: Locale, values: FormValues, error: FieldError | undefined): Html {
  const m = textsFor(formTexts, lang);
  const name = answerField(question.key);
  const baseId = `answer-${question.key}`;
  const hintId = question.hint ? `${baseId}-hint` : undefined;
  const errorId = error ? `${baseId}-error` : undefined;
  const type = question.kind === 'multiple_choice' ? 'checkbox' : 'radio';
  const selected = new Set(valueList(values, name));

  let options: Array<{ value: string; label: Html | string }>;
  if (question.kind === 'scale') {
    const min = question.scaleMin ?? 1;
    const max = question.scaleMax ?? 5;
    options = [];
    for (let n = min; n <= max; n++) {
      const endLabel =
        n === min && question.scaleMinLabel
          ? question.scaleMinLabel
          : n === max && question.scaleMaxLabel
            ? question.scaleMaxLabel
            : null;
      options.push({ value: String(n), label: m.scaleOption(n, endLabel ? localized(endLabel, lang).value : null) });
    }
  } else {
    options = (question.options ?? []).map((option) => ({
      value: option.value,
      label: inlineText(option.label, lang),
    }));
  }

  const items = options.map(
    (option, index) => html`<div class="podium-choice">
<input${attrs({
      class: 'podium-choice__input',
      type,
      id: `${baseId}-${index}`,
      name,
      value: option.value,
      checked: selected.has(option.value),
      'aria-invalid': error ? 'true' : undefined,
    })}>
<label class="podium-choice__label" for="${baseId}-${index}">${option.label}</label>
</div>`,
  );

  return html`<div class="${fieldClass(error)}">
<fieldset${attrs({
    class: `podium-fieldset${question.kind === 'scale' ? ' podium-fieldset--scale' : ''}`,
    id: `${baseId}-group`,
    'aria-describedby': idRefs(errorId, hintId),
  })}>
<legend class="podium-fieldset__legend">${inlineText(question.prompt, lang)}${optionalMarker(question.required, lang)}</legend>
${question.hint && hintId ? html`<p class="podium-form-hint" id="${hintId}">${inlineText(question.hint, lang)}</p>` : nothing}
${errorMessage(errorId, error, lang)}
<div class="podium-choices">
${join(items, '\n')}
</div>
</fieldset>
</div>`;
}

function renderQuestion(question: Question, lang: Locale, values: FormValues, errors: readonly FieldError[]): Html {
  const error = errorFor(errors, answerField(question.key));
  return question.kind === 'open_text'
    ? renderOpenText(question, lang, values, error)
    : renderChoiceGroup(question, lang, values, error);
}

function renderTextInput(
  field: 'name' | 'email',
  lang: Locale,
  values: FormValues,
  errors: readonly FieldError[],
): Html {
  const m = textsFor(formTexts, lang);
  const id = `submitter-${field}`;
  const error = errorFor(errors, field);
  const hintId = field === 'email' ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return html`<div class="${fieldClass(error)}">
<label class="podium-form-label" for="${id}">${field === 'name' ? m.name : m.email}${optionalMarker(false, lang)}</label>
${hintId ? html`<p class="podium-form-hint" id="${hintId}">${m.emailHint}</p>` : nothing}
${errorMessage(errorId, error, lang)}
<input${attrs({
    class: 'podium-textbox',
    type: field === 'email' ? 'email' : 'text',
    id,
    name: field,
    autocomplete: field,
    spellcheck: field === 'email' ? 'false' : undefined,
    value: firstValue(values, field),
    'aria-describedby': idRefs(errorId, hintId),
    'aria-invalid': error ? 'true' : undefined,
  })}>
</div>`;
}

function renderConsent(lang: Locale, values: FormValues, errors: readonly FieldError[]): Html {
  const m = textsFor(formTexts, lang);
  const id = 'submitter-consent';
  const error = errorFor(errors, 'consent');
  const errorId = error ? `${id}-error` : undefined;
  return html`<div class="${fieldClass(error)}">
${errorMessage(errorId, error, lang)}
<div class="podium-choice">
<input${attrs({
    class: 'podium-choice__input',
    type: 'checkbox',
    id,
    name: 'consent',
    value: 'yes',
    checked: valueList(values, 'consent').includes('yes'),
    'aria-describedby': idRefs(errorId, `${id}-hint`),
    'aria-invalid': error ? 'true' : undefined,
  })}>
<label class="podium-choice__label" for="${id}">${m.consent}</label>
</div>
<p class="podium-form-hint podium-form-hint--choice" id="${id}-hint">${m.consentHint}</p>
</div>`;
}

/**
 * The whole form area of a consultation page: error summary (when there are errors),
 * heading, how and when the municipality answers, the questions, the optional contact
 * details and the submit button. Posts without JavaScript.
 *
 * @example
 * renderConsultationForm({ consultation, lang: 'nl', values: { 'answers.route': 'parklaan' },
 *   errors: [{ field: 'answers.toelichting', message: 'Vul een toelichting in.' }] })
 */
export function renderConsultationForm({
  consultation,
  lang,
  values = {},
  errors = [],
}: ConsultationFormOptions): Html {
  const m = { consultation: textsFor(consultationTexts, lang), form: textsFor(formTexts, lang) };
  const moderation = consultation.moderation === 'pre' ? m.consultation.moderationPre : m.consultation.moderationPost;
  return html`${renderErrorSummary({ consultation, lang, errors })}
<h2 id="podium-form-heading">${m.consultation.formHeading}</h2>
<p>${m.form.intro(consultation.responseDays)}</p>
<p>${moderation}</p>
<form class="podium-form" method="post" action="${routes.submissions(consultation.slug)}" novalidate aria-labelledby="podium-form-heading">
${hiddenField({ name: 'lang', value: lang })}
${join(
  consultation.questions.map((question) => renderQuestion(question, lang, values, errors)),
  '\n',
)}
<fieldset class="podium-fieldset podium-fieldset--about-you" aria-describedby="podium-about-you-hint">
<legend class="podium-fieldset__legend">${m.form.aboutYouHeading}</legend>
<p class="podium-form-hint" id="podium-about-you-hint">${m.form.aboutYouText}</p>
${renderTextInput('name', lang, values, errors)}
${renderTextInput('email', lang, values, errors)}
${renderConsent(lang, values, errors)}
</fieldset>
<button class="podium-button podium-button--primary" type="submit" data-submitting-text="${m.form.submitting}">${m.form.submit}</button>
</form>`;
}
