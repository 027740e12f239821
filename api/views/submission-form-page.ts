/**
 * The pages that answer a resident's HTML form post when it cannot go to the confirmation
 * page: the consultation page itself with an error summary, the messages next to the
 * fields and every value kept, rendered into the shell of the built page; or a short page
 * with one message. The submission route (routes/submissions.ts) decides which.
 */
import type { Context } from 'hono';
import type { Locale } from '../../shared/contracts/public-content.ts';
import type { FieldMessage } from '../../shared/contracts/field-error.ts';
import type { AppEnv } from '../http/app-env.ts';
import { messageFor, type MessageCode } from '../messages/texts.ts';
import { textsFor } from '../../shared/i18n.ts';
import * as commonTexts from '../../shared/texts/common.ts';
import { findConsultation } from '../services/consultations.ts';
import { messagePage as messagePageView } from './message-page.ts';
import { fillSlot, loadShell, pageIntoShell } from './page-shell.ts';
import { readNewestResponses } from '../services/portal-lists.ts';
import { renderAllResponsesLink, renderNewestResponses } from '../../shared/render/published-lists.ts';
import { localized, notice } from '../../shared/html/index.ts';
import { renderConsultationForm } from '../../shared/render/index.ts';
import { routes } from '../../shared/urls.ts';

export type FormPageOptions = { siteDir: () => string };

export async function renderFormPage(
  c: Context<AppEnv>,
  options: FormPageOptions,
  page: {
    slug: string;
    lang: Locale;
    status: 409 | 422;
    values?: Record<string, string | string[]>;
    errors?: FieldMessage[];
    message?: MessageCode;
  },
): Promise<Response> {
  const consultation = await findConsultation(c.get('db'), page.slug, c.get('now')());
  if (!consultation) return messagePage(c, options, page.lang, 404, 'consultation_not_found');
  const content = page.message
    ? notice({ role: 'status', text: messageFor(page.lang, page.message) })
    : renderConsultationForm({ consultation, lang: page.lang, values: page.values ?? {}, errors: page.errors ?? [] });
  const filled = await pageIntoShell({
    siteDir: options.siteDir(),
    shellPath: routes.consultation(page.lang, page.slug),
    slot: 'form',
    lang: page.lang,
    title: localized(consultation.title, page.lang).value,
    content,
    errorPrefix: textsFor(commonTexts, page.lang).errorPrefix,
  });
  // The page's newest responses, as a GET of it shows them (routes/portal-lists.ts).
  const newest = await readNewestResponses(c.get('db'), { slug: page.slug, now: c.get('now')(), lang: page.lang });
  const html =
    newest && filled.includes('<!--podium:slot responses-->')
      ? fillSlot(
          fillSlot(filled, 'responses', renderNewestResponses({ ...newest, lang: page.lang })),
          'responses-link',
          renderAllResponsesLink(page.lang, page.slug, newest.total),
        )
      : filled;
  return c.html(html, page.status);
}

export async function messagePage(
  c: Context<AppEnv>,
  options: FormPageOptions,
  lang: Locale,
  status: 404 | 409,
  code: MessageCode,
): Promise<Response> {
  const notFound = await loadShell(options.siteDir(), '/404.html');
  const page =
    notFound && status === 404
      ? notFound
      : messagePageView({ lang, title: messageFor(lang, code), text: messageFor(lang, code) });
  return c.html(page, status);
}

/** What the resident typed, to fill the form in again: not the key or the proof of work. */
export function formValues(body: Record<string, unknown>): Record<string, string | string[]> {
  return Object.fromEntries(
    Object.entries(body).flatMap(([name, value]): Array<[string, string | string[]]> => {
      if (name === 'idempotency_key' || name === 'altcha') return [];
      if (typeof value === 'string') return [[name, value]];
      if (Array.isArray(value)) return [[name, value.filter((v): v is string => typeof v === 'string')]];
      return [];
    }),
  );
}
