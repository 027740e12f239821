/**
 * The portal's consultation form (shared/render/form.ts) as the API reads it: the fields a
 * browser posts, turned into a `SubmissionRequest` and validated by that same contract, so
 * a form post and a JSON post meet the same limits and report the same field errors.
 */
import { z } from '@hono/zod-openapi';
import { SubmissionHeaders, SubmissionRequest } from './public-content.ts';
import { InputText } from './input-text.ts';

/** A field as a browser sends it: one value, or several under one name (checked boxes). */
const FormValue = z.union([InputText, z.array(InputText)]);

/** The prefix of an answer's field name: `answers.<question key>`. */
export const ANSWER_FIELD_PREFIX = 'answers.';

export const SubmissionFormFields = z
  .object({
    lang: FormValue.optional().openapi({
      description: '`nl` or `en`: the language of the input and of the page that answers',
    }),
    name: FormValue.optional(),
    email: FormValue.optional(),
    consent: FormValue.optional().openapi({ description: '`yes` when the box is checked' }),
    altcha: FormValue.optional().openapi({ description: 'The solved proof of work, as in SubmissionRequest' }),
    idempotency_key: FormValue.optional().openapi({ description: 'As the `Idempotency-Key` header' }),
  })
  .catchall(FormValue)
  .openapi('SubmissionForm', {
    description:
      'The HTML form: one field `answers.<key>` per question (repeated for several choices), the contact ' +
      'fields, and the hidden fields the portal adds. Validated as a SubmissionRequest.',
  });
export type SubmissionFormFields = z.infer<typeof SubmissionFormFields>;

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/**
 * The form's fields in the shape of a JSON submission (plus the idempotency key, under
 * the header's name so its error names the same field). Unchecked on purpose: the
 * contract it is piped into checks it.
 *
 * @example submissionFromForm({ 'answers.route': 'parklaan', consent: 'yes', lang: 'en' })
 * // { answers: { route: 'parklaan' }, consent: true, language: 'en', channel: 'portal' }
 */
export function submissionFromForm(fields: SubmissionFormFields): Record<string, unknown> {
  const answers = Object.fromEntries(
    Object.entries(fields)
      .filter(([name]) => name.startsWith(ANSWER_FIELD_PREFIX))
      .map(([name, value]) => [name.slice(ANSWER_FIELD_PREFIX.length), value]),
  );
  const language = first(fields.lang);
  const key = first(fields.idempotency_key);
  return {
    answers,
    name: first(fields.name),
    email: first(fields.email),
    consent: first(fields.consent) === 'yes',
    ...(language ? { language } : {}),
    channel: 'portal',
    altcha: first(fields.altcha),
    ...(key ? { 'idempotency-key': key } : {}),
  };
}

/** A form post, read into the submission contract. */
export const SubmissionForm = SubmissionFormFields.transform(submissionFromForm).pipe(
  SubmissionRequest.extend(SubmissionHeaders.shape),
);
export type SubmissionForm = z.output<typeof SubmissionForm>;
