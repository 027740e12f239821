/**
 * Input through the portal's plain HTML form, so giving input works without JavaScript.
 *
 * Success is a 303 to the confirmation page (post/redirect/get: a reload never posts twice).
 * Errors return the consultation page itself with an error summary, the messages next to
 * the fields and every value kept, rendered into the shell of the built page.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { Locale } from '../../shared/contracts/public-content.ts';
import type { AppEnv } from '../http/app-env.ts';
import { problem } from '../http/problem.ts';
import { t, type MessageCode } from '../i18n/messages.ts';
import { findConsultation } from '../services/consultations.ts';
import { confirmationPath, submitInput, type FieldError } from '../services/submissions.ts';
import { fillSlot, loadShell, minimalPage, prefixTitle } from '../views/page-shell.ts';
import { renderConsultationForm } from '../../shared/render/index.ts';
import { routes } from '../../shared/urls.ts';
import { escapeHtml } from '../../shared/render/html.ts';

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

export type FormOptions = { siteDir: () => string };

/**
 * Sits in front of the JSON submission route: answers form posts itself, refuses content
 * types that are neither form nor JSON, and turns unreadable JSON into a clear 400.
 */
export const submissionBodies = (options: FormOptions): MiddlewareHandler<AppEnv> => {
  return async function submissionBodies(c, next) {
    const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (FORM_TYPES.includes(type)) return handleFormPost(c, options);
    if (type !== 'application/json' && !type.endsWith('+json')) return problem(c, 415, 'unsupported_media_type');
    try {
      await c.req.json(); // cached by Hono, the validator reads it again for free
    } catch {
      return problem(c, 400, 'malformed_json');
    }
    await next();
  };
};

async function handleFormPost(c: Context<AppEnv>, options: FormOptions): Promise<Response> {
  const slug = c.req.param('slug') ?? '';
  // A browser never sends a broken multipart body; a client that does gets a 400, not a 500.
  const body = await c.req.parseBody({ all: true }).catch(() => undefined);
  if (!body) return problem(c, 400, 'bad_request');
  const fields = textFields(body);
  const lang: Locale = fields.get('lang') === 'en' ? 'en' : 'nl';

  const answers: Record<string, string | string[]> = {};
  for (const [name, value] of fields) {
    if (name.startsWith('answers.')) answers[name.slice('answers.'.length)] = value;
  }
  const single = (name: string) => {
    const value = fields.get(name);
    return Array.isArray(value) ? value[0] : value;
  };
  const tooLong = (['name', 'email'] as const).filter(
    (name) => (single(name)?.length ?? 0) > (name === 'name' ? 200 : 320),
  );
  const idempotencyKey = c.req.header('Idempotency-Key') ?? single('idempotency_key');
  const now = c.get('now')();

  const result =
    tooLong.length > 0
      ? {
          kind: 'invalid' as const,
          errors: tooLong.map((field): FieldError => ({
            field,
            code: 'too_long',
            params: { max: field === 'name' ? 200 : 320, actual: single(field)!.length },
          })),
        }
      : await submitInput(c.get('db'), {
          consultationSlug: slug,
          idempotencyKey:
            idempotencyKey && idempotencyKey.length >= 8 && idempotencyKey.length <= 200 ? idempotencyKey : undefined,
          now,
          proof: await c.get('proofOfWork').check(single('altcha'), now),
          input: {
            answers,
            name: single('name'),
            email: single('email'),
            consent: single('consent') === 'yes',
            language: lang,
            channel: 'portal',
          },
        });

  switch (result.kind) {
    case 'created':
    case 'replayed':
      return c.redirect(confirmationPath(result.receipt.code, lang), 303);
    case 'invalid': {
      const values = formValues(fields);
      const errors = result.errors.map((e) => ({ field: e.field, message: t(lang, e.code, e.params) }));
      return renderFormPage(c, options, { slug, lang, status: 422, values, errors });
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
      const message = `${t(lang, `proof_of_work_${result.reason}`)} ${t(lang, 'proof_of_work_detail')}`;
      return renderFormPage(c, options, {
        slug,
        lang,
        status: 422,
        values: formValues(fields),
        errors: [{ field: '', message }],
      });
    }
  }
}

async function renderFormPage(
  c: Context<AppEnv>,
  options: FormOptions,
  page: {
    slug: string;
    lang: Locale;
    status: 409 | 422;
    values?: Record<string, string | string[]>;
    errors?: Array<{ field: string; message: string }>;
    message?: MessageCode;
  },
): Promise<Response> {
  const consultation = await findConsultation(c.get('db'), page.slug, c.get('now')());
  if (!consultation) return messagePage(c, options, page.lang, 404, 'consultation_not_found');
  const content = page.message
    ? `<p class="podium-notice" role="status">${escapeHtml(t(page.lang, page.message))}</p>`
    : renderConsultationForm({ consultation, lang: page.lang, values: page.values ?? {}, errors: page.errors ?? [] });
  const shell = await loadShell(options.siteDir(), routes.consultation(page.lang, page.slug));
  const title = page.lang === 'en' ? (consultation.title.en ?? consultation.title.nl) : consultation.title.nl;
  const html = shell
    ? prefixTitle(fillSlot(shell, 'form', content), page.lang === 'en' ? 'Error:' : 'Fout:')
    : minimalPage(page.lang, title, content);
  return c.html(html, page.status);
}

async function messagePage(
  c: Context<AppEnv>,
  options: FormOptions,
  lang: Locale,
  status: 404 | 409,
  code: MessageCode,
): Promise<Response> {
  const notFound = await loadShell(options.siteDir(), '/404.html');
  const body = `<p>${escapeHtml(t(lang, code))}</p><p><a href="${routes.home(lang)}">${lang === 'en' ? 'To the home page' : 'Naar de startpagina'}</a></p>`;
  return c.html(notFound && status === 404 ? notFound : minimalPage(lang, t(lang, code), body), status);
}

/** What the resident typed, to fill the form in again: not the key or the proof of work. */
function formValues(fields: Map<string, string | string[]>): Record<string, string | string[]> {
  return Object.fromEntries([...fields].filter(([name]) => name !== 'idempotency_key' && name !== 'altcha'));
}

function textFields(body: Record<string, unknown>): Map<string, string | string[]> {
  const fields = new Map<string, string | string[]>();
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === 'string') fields.set(name, value);
    else if (Array.isArray(value))
      fields.set(
        name,
        value.filter((v): v is string => typeof v === 'string'),
      );
  }
  return fields;
}
