/**
 * Input on a consultation: one route for the widget's JSON and the portal's HTML form.
 *
 * request ─▶ submissionBody (JSON that parses, or a form; else 415/400)
 *         ─▶ validation by the contract (SubmissionRequest; a form through SubmissionForm,
 *            which reads its fields into that shape) ─▶ submitInput, once
 *         ─▶ answer: problem+json and receipts for JSON clients; for a form post from a
 *            browser a 303 to the confirmation page, or the form again with its errors.
 * A failed validation and a refusal by the service take the same way out, so both channels
 * report the same fields with the same messages.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import {
  Problem,
  SubmissionHeaders,
  SubmissionReceipt,
  SubmissionRequest,
  type Locale,
} from '../../shared/contracts/public-content.ts';
import { SubmissionForm } from '../../shared/contracts/submission-form.ts';
import type { AppEnv } from '../http/app-env.ts';
import { fieldErrorsFromZod, problem, requestLocale } from '../http/problem.ts';
import { messageFor } from '../messages/texts.ts';
import { confirmationPath, submitInput, type SubmitResult } from '../services/submissions.ts';
import { formValues, messagePage, renderFormPage, type FormPageOptions } from '../views/submission-form-page.ts';
import { InputText } from '../../shared/contracts/input-text.ts';

const problemContent = { 'application/problem+json': { schema: Problem } };
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

export const submitRoute = createRoute({
  method: 'post',
  path: '/api/consultations/{slug}/submissions',
  tags: ['Public'],
  summary: 'Give input on a consultation',
  middleware: [submissionBody()] as const,
  description:
    'Send JSON with an `Idempotency-Key` header: a retry with the same key and content returns the first receipt ' +
    '(200, `Idempotent-Replayed: true`) and stores nothing new. An HTML form post ' +
    '(`application/x-www-form-urlencoded` or `multipart/form-data`, fields `answers.<key>`, `name`, `email`, ' +
    '`consent=yes`, `lang`, `altcha`, `idempotency_key`) is checked by the same rules; a browser gets a 303 to the ' +
    'confirmation page, or the form page with its errors (a client that accepts only JSON gets JSON). ' +
    'A body is required. Error messages follow `Accept-Language` (on the form page: the form’s `lang`).',
  request: {
    params: z.object({ slug: InputText.min(1).max(200).openapi({ example: 'fietsroute-stationsstraat' }) }),
    headers: SubmissionHeaders,
    // Not `required`: with it, @hono/zod-openapi runs the JSON and the form validator on every
    // request, whatever its type. submissionBody refuses a request without a usable body.
    body: {
      content: {
        'application/json': { schema: SubmissionRequest },
        'application/x-www-form-urlencoded': { schema: SubmissionForm },
        'multipart/form-data': { schema: SubmissionForm },
      },
    },
  },
  responses: {
    201: { description: 'Stored', content: { 'application/json': { schema: SubmissionReceipt } } },
    200: {
      description: 'Stored earlier with this idempotency key',
      content: { 'application/json': { schema: SubmissionReceipt } },
    },
    303: { description: 'HTML form: go to the confirmation page' },
    400: {
      description: 'Malformed JSON or form data; or a proof of work (`altcha`) that is invalid, expired or used before',
      content: problemContent,
    },
    404: { description: 'No such consultation', content: problemContent },
    409: { description: 'Consultation not open, or idempotency key used for other input', content: problemContent },
    413: { description: 'Body too large', content: problemContent },
    415: { description: 'Neither JSON nor a form', content: problemContent },
    422: {
      description: 'Invalid answers, contact details or idempotency key, per field (a form gets its page again)',
      content: { ...problemContent, 'text/html': { schema: InputText } },
    },
  },
});

export function submissionRoutes(options: FormPageOptions): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    submitRoute,
    async (c) => {
      const { slug } = c.req.valid('param');
      // The validated data is SubmissionForm's output; the route's types only know its input.
      const form = isFormPost(c) ? (c.req.valid('form') as unknown as SubmissionForm) : undefined;
      const body: SubmissionRequest = form ?? c.req.valid('json');
      const key = c.req.valid('header')['idempotency-key'] ?? form?.['idempotency-key'];
      const now = c.get('now')();
      const result = await submitInput(c.get('db'), {
        consultationSlug: slug,
        idempotencyKey: key,
        now,
        proof: await c.get('proofOfWork').check(body.altcha, now),
        input: {
          answers: body.answers,
          name: body.name,
          email: body.email,
          consent: body.consent,
          language: body.language ?? requestLocale(c),
          channel: body.channel ?? 'widget',
        },
      });
      return answer(c, options, result) as never;
    },
    (result, c) => {
      if (result.success) return undefined;
      return answer(c, options, { kind: 'invalid', errors: fieldErrorsFromZod(result.error) });
    },
  );
  return app;
}

/**
 * Sits in front of the validators: refuses content types that are neither form nor JSON,
 * and bodies that cannot be read, with a clear 415 or 400 instead of a validation error.
 */
function submissionBody(): MiddlewareHandler<AppEnv> {
  return async function submissionBody(c, next) {
    if (isFormPost(c)) {
      // A browser never sends a broken multipart body; a client that does gets a 400, not a 500.
      const body = await c.req.parseBody({ all: true }).catch(() => undefined);
      if (!body) return problem(c, 400, 'bad_request');
      return next();
    }
    const type = mediaType(c);
    if (type !== 'application/json' && !type.endsWith('+json')) return problem(c, 415, 'unsupported_media_type');
    try {
      await c.req.json(); // cached by Hono, the validator reads it again for free
    } catch {
      return problem(c, 400, 'malformed_json');
    }
    await next();
  };
}

function mediaType(c: Context): string {
  return (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
}

function isFormPost(c: Context): boolean {
  return FORM_TYPES.includes(mediaType(c));
}

/** A person in a browser: a form post from a client that does not ask for JSON only. */
function wantsPage(c: Context): boolean {
  if (!isFormPost(c)) return false;
  const accept = c.req.header('Accept') ?? '';
  return !/json/i.test(accept) || /text\/html/i.test(accept);
}

/** The output adapter: one outcome, answered as the client asked. */
async function answer(c: Context<AppEnv>, options: FormPageOptions, outcome: SubmitResult): Promise<Response> {
  return wantsPage(c) ? answerWithPage(c, options, outcome) : answerWithJson(c, outcome);
}

function answerWithJson(c: Context<AppEnv>, result: SubmitResult): Response {
  switch (result.kind) {
    case 'created':
      return c.json(result.receipt, 201, { Location: result.receipt.followUpUrl });
    case 'replayed':
      return c.json(result.receipt, 200, { 'Idempotent-Replayed': 'true' });
    case 'invalid':
      return problem(c, 422, 'validation_failed', { detail: 'validation_detail', errors: result.errors });
    case 'not_found':
      return problem(c, 404, 'consultation_not_found');
    case 'closed':
      return problem(c, 409, 'consultation_closed');
    case 'not_open_yet':
      return problem(c, 409, 'consultation_not_open_yet');
    case 'idempotency_conflict':
      return problem(c, 409, 'idempotency_conflict');
    case 'proof_refused':
      return problem(c, 400, `proof_of_work_${result.reason}`, { detail: 'proof_of_work_detail' });
  }
}

/**
 * Post/redirect/get on success (a reload never posts twice); otherwise the consultation
 * page again, in the form's language, with what the resident typed still in it.
 */
async function answerWithPage(c: Context<AppEnv>, options: FormPageOptions, result: SubmitResult): Promise<Response> {
  const slug = c.req.param('slug') ?? '';
  const body = await c.req.parseBody({ all: true }); // cached: read by submissionBody
  const lang = formLanguage(c, body);
  switch (result.kind) {
    case 'created':
    case 'replayed':
      return c.redirect(confirmationPath(result.receipt.code, lang), 303);
    case 'invalid': {
      const errors = result.errors.map((e) => ({ field: e.field, message: messageFor(lang, e.code, e.params) }));
      return renderFormPage(c, options, { slug, lang, status: 422, values: formValues(body), errors });
    }
    case 'not_found':
      return messagePage(c, options, lang, 404, 'consultation_not_found');
    case 'closed':
    case 'not_open_yet':
      return renderFormPage(c, options, {
        slug,
        lang,
        status: 409,
        message: result.kind === 'closed' ? 'consultation_closed' : 'consultation_not_open_yet',
      });
    case 'idempotency_conflict':
      return messagePage(c, options, lang, 409, 'idempotency_conflict');
    case 'proof_refused': {
      // The form comes back as the resident filled it in, with one message above it.
      const message = `${messageFor(lang, `proof_of_work_${result.reason}`)} ${messageFor(lang, 'proof_of_work_detail')}`;
      return renderFormPage(c, options, {
        slug,
        lang,
        status: 422,
        values: formValues(body),
        errors: [{ field: '', message }],
      });
    }
  }
}

/** The form's own language (its hidden `lang` field), else the browser's. */
function formLanguage(c: Context, body: Record<string, unknown>): Locale {
  const lang = Array.isArray(body.lang) ? body.lang[0] : body.lang;
  return lang === 'nl' || lang === 'en' ? lang : requestLocale(c);
}
