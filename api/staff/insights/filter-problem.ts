/**
 * Refusing the filter parameters of an insights or audit-log export: problem details in
 * the page's language, naming each bad parameter. Shared by ./routes.ts and the audit
 * log's routes, which take the same kind of filter.
 */
import type { Context } from 'hono';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { textsFor } from '../../../shared/i18n.ts';
import * as insightsTexts from './texts.ts';

/** A refusal in the page's language, as problem details, naming each bad parameter. */
export function badRequest(
  c: Context,
  lang: Locale,
  errors: Array<{ field: string; message: string }>,
  status: 400 | 404,
): Response {
  const body = {
    type: 'https://podium.nl/problems/invalid-filter',
    title: textsFor(insightsTexts, lang).errors.badFilters,
    status,
    errors,
  };
  return c.body(JSON.stringify(body), status, {
    'Content-Type': 'application/problem+json; charset=utf-8',
    'Content-Language': lang,
  });
}
