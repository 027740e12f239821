/**
 * Errors in one shape: RFC 9457 problem details (`application/problem+json`), with a
 * message per invalid field, in Dutch or English.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import type { FieldError as FieldErrorOf } from '../../shared/contracts/field-error.ts';
import type { Locale, Problem } from '../../shared/contracts/public-content.ts';
import { localeFromAcceptLanguage } from '../messages/locale.ts';
import { isMessageCode, messageFor, type MessageCode } from '../messages/texts.ts';

type FieldError = FieldErrorOf<MessageCode>;
type ProblemOptions = {
  detail?: MessageCode;
  /** Values for the detail's placeholders. */
  detailParams?: Record<string, string | number>;
  errors?: FieldError[];
  /** More headers for the response, e.g. `Retry-After`. */
  headers?: Record<string, string>;
};

const PROBLEM_BASE = 'https://podium.nl/problems/';

export function requestLocale(c: Context): Locale {
  return localeFromAcceptLanguage(c.req.header('Accept-Language'));
}

export function problemBody(
  locale: Locale,
  status: number,
  code: MessageCode,
  options: Omit<ProblemOptions, 'headers'> = {},
): Problem {
  return {
    type: PROBLEM_BASE + code.replaceAll('_', '-'),
    title: messageFor(locale, code),
    status,
    ...(options.detail ? { detail: messageFor(locale, options.detail, options.detailParams) } : {}),
    ...(options.errors
      ? {
          errors: options.errors.map((e) => ({
            field: e.field,
            code: e.code,
            message: messageFor(locale, e.code, e.params),
          })),
        }
      : {}),
  };
}

export function problem(
  c: Context,
  status: ContentfulStatusCode,
  code: MessageCode,
  options: ProblemOptions = {},
): Response {
  const locale = requestLocale(c);
  return c.body(JSON.stringify(problemBody(locale, status, code, options)), status, {
    ...options.headers,
    'Content-Type': 'application/problem+json; charset=utf-8',
    'Content-Language': locale,
  });
}

/** Refused input (422): the usual title and detail, and a message per field. */
export function invalidFields(c: Context, errors: FieldError[]): Response {
  return problem(c, 422, 'validation_failed', { detail: 'validation_detail', errors });
}

/** Maps zod's issues to Podium's field errors, so residents read our words, not zod's. */
export function fieldErrorsFromZod(error: ZodError): FieldError[] {
  return error.issues.map((issue): FieldError => {
    const field = issue.path.map(String).join('.') || 'body';
    // A contract that names its own message (zod's `error` option) is explained in those words.
    if (isMessageCode(issue.message)) return { field, code: issue.message };
    switch (issue.code) {
      // A number out of range (a page, a page size) is not a text that is too long.
      case 'too_big':
        if (issue.origin === 'number') return { field, code: 'number_too_big', params: { max: Number(issue.maximum) } };
        return {
          field,
          code: 'too_long' as const,
          params: { max: Number(issue.maximum), actual: lengthOf(issue.input) },
        };
      case 'invalid_format':
        return { field, code: issue.format === 'email' ? ('invalid_email' as const) : ('invalid_type' as const) };
      case 'invalid_type':
        return { field, code: issue.input === undefined ? ('required' as const) : ('invalid_type' as const) };
      case 'too_small':
        if (issue.origin === 'number')
          return { field, code: 'number_too_small', params: { min: Number(issue.minimum) } };
        return { field, code: 'required' as const };
      default:
        return { field, code: 'invalid_type' as const };
    }
  });
}

function lengthOf(input: unknown): number {
  if (typeof input === 'string') return [...input].length;
  if (Array.isArray(input)) return input.length;
  return 0;
}

/** The zod-openapi hook for failed validation: a 422 in the resident's language. */
export function validationHook(
  result: { success: true } | { success: false; error: ZodError },
  c: Context,
): Response | undefined {
  if (result.success) return undefined;
  return invalidFields(c, fieldErrorsFromZod(result.error));
}
