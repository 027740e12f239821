/**
 * Residents' rights as pages, for everyone and without JavaScript: erasure with a
 * confirmation step under the follow-up page (/volg/<CODE>/verwijderen/), and the e-mail
 * link for a resident who lost their code (/gegevens/, /gegevens/<TOKEN>/). The JSON
 * download is the API's (/api/follow-up/<CODE>/export), linked from the follow-up page.
 *
 * Like the follow-up page these show a resident's own input: never cached, never indexed,
 * and the code or token in the address is not passed on to other sites.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { EMAIL_MAX_LENGTH } from '../../shared/contracts/email.ts';
import { EmailAddress } from '../../shared/contracts/email-address.ts';
import type { Locale } from '../../shared/contracts/public-content.ts';
import type { AppEnv } from '../http/app-env.ts';
import { rateLimit, type RateLimitOptions } from '../http/rate-limit.ts';
import { messageFor, type MessageCode } from '../messages/texts.ts';
import { emailLinkIsValid, openEmailLink, requestEmailLink } from '../services/email-links.ts';
import { normalizeFollowUpCode } from '../services/follow-up-code.ts';
import { eraseSubmission } from '../services/residents-rights.ts';
import { findFollowUp } from '../services/submissions.ts';
import { textsFor } from '../../shared/i18n.ts';
import * as commonTexts from '../../shared/texts/common.ts';
import * as rightsTexts from '../../shared/texts/rights.ts';
import { pageIntoShell } from '../views/page-shell.ts';
import { notice as noticeBox, type Html } from '../../shared/html/index.ts';
import {
  renderDataRequestForm,
  renderDataRequestSent,
  renderErased,
  renderEraseConfirmation,
  renderLinkedInput,
  renderLinkInvalid,
  renderLinkOpen,
} from '../../shared/render/rights.ts';
import { routes } from '../../shared/urls.ts';

export type RightsPagesOptions = {
  siteDir: () => string;
  /** Where links in e-mails point; never taken from the request's Host header. */
  publicUrl: string;
  limits: Omit<RateLimitOptions, 'group' | 'methods'>;
};

const EmailForm = z.object({ email: EmailAddress });

export function rightsPages(options: RightsPagesOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  for (const lang of ['nl', 'en'] as const) {
    const erasePath = routes.erase(lang, 'CODE').replace('CODE', ':code{[^/]+}');
    const dataPath = routes.myData(lang);
    const linkPath = `${dataPath}:token{[^/]+}/`;
    for (const path of [erasePath, dataPath, linkPath]) {
      app.use(path, bodyLimit({ maxSize: 16 * 1024, onError: (c) => c.text('Request body too large', 413) }));
      app.use(path, async function privatePage(c, next) {
        await next();
        c.header('Cache-Control', 'private, no-store');
        c.header('X-Robots-Tag', 'noindex');
        c.header('Referrer-Policy', 'no-referrer');
      });
    }
    // The follow-up paths are limited in app.ts already; asking for mail has a group of its own.
    app.use(dataPath, rateLimit({ group: 'email_link', methods: ['POST'], ...options.limits }));
    app.use(linkPath, rateLimit({ group: 'follow_up', ...options.limits }));

    app.get(erasePath, (c) => eraseStep(c, options, lang, 'ask'));
    app.post(erasePath, (c) => eraseStep(c, options, lang, 'do'));
    app.post(dataPath, (c) => askForLink(c, options, lang));
    app.get(linkPath, (c) => linkStep(c, options, lang, 'ask'));
    app.post(linkPath, (c) => linkStep(c, options, lang, 'open'));
  }
  return app;
}

async function eraseStep(
  c: Context<AppEnv>,
  options: RightsPagesOptions,
  lang: Locale,
  step: 'ask' | 'do',
): Promise<Response> {
  const code = normalizeFollowUpCode(safeDecode(c.req.param('code') ?? ''));
  const followUp = code ? await findFollowUp(c.get('db'), code) : undefined;
  const shell = (content: Html, status: 200 | 400 | 404 | 422, error = false) =>
    page(c, options, routes.followUp(lang), lang, textsFor(rightsTexts, lang).eraseTitle, content, status, error);
  if (!code) return shell(notice(lang, 'invalid_follow_up_code'), 400, true);
  if (!followUp) return shell(notice(lang, 'follow_up_not_found'), 404, true);
  if (followUp.erasedAt) return shell(renderErased({ code, lang, already: true }), 200);

  const form = { code, lang, consultationTitle: followUp.consultation.title };
  if (step === 'ask') return shell(renderEraseConfirmation(form), 200);
  const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  if (body.confirm !== 'yes') return shell(renderEraseConfirmation({ ...form, error: true }), 422, true);
  const result = await eraseSubmission(c.get('db'), { code, now: c.get('now')() });
  if (result.kind === 'not_found') return shell(notice(lang, 'follow_up_not_found'), 404, true);
  return shell(renderErased({ code, lang, already: result.kind === 'already_erased' }), 200);
}

async function askForLink(c: Context<AppEnv>, options: RightsPagesOptions, lang: Locale): Promise<Response> {
  const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  const m = textsFor(rightsTexts, lang);
  const title = m.requestTitle;
  const parsed = EmailForm.safeParse(body);
  const email = typeof body.email === 'string' ? body.email.slice(0, EMAIL_MAX_LENGTH) : '';
  if (!parsed.success) {
    const error = email.trim() ? m.emailInvalid : m.emailRequired;
    return page(c, options, routes.myData(lang), lang, title, renderDataRequestForm({ lang, email, error }), 422, true);
  }
  await requestEmailLink(c.get('db'), {
    email: parsed.data.email,
    lang,
    now: c.get('now')(),
    publicUrl: options.publicUrl,
  });
  return page(c, options, routes.myData(lang), lang, title, renderDataRequestSent(lang), 200);
}

async function linkStep(
  c: Context<AppEnv>,
  options: RightsPagesOptions,
  lang: Locale,
  step: 'ask' | 'open',
): Promise<Response> {
  const token = safeDecode(c.req.param('token') ?? '');
  const db = c.get('db');
  const now = c.get('now')();
  const title = textsFor(rightsTexts, lang).listHeading;
  const shell = (content: Html, status: 200 | 410, error = false) =>
    page(c, options, routes.myData(lang), lang, title, content, status, error);
  if (step === 'ask') {
    return (await emailLinkIsValid(db, token, now))
      ? shell(renderLinkOpen({ lang, token }), 200)
      : shell(renderLinkInvalid(lang), 410, true);
  }
  const items = await openEmailLink(db, token, now);
  return items ? shell(renderLinkedInput({ lang, items }), 200) : shell(renderLinkInvalid(lang), 410, true);
}

/** The content in the `result` slot of a built page, or a bare page without a built site. */
async function page(
  c: Context<AppEnv>,
  options: RightsPagesOptions,
  shellPath: string,
  lang: Locale,
  title: string,
  content: Html,
  status: 200 | 400 | 404 | 410 | 422,
  error = false,
): Promise<Response> {
  const errorPrefix = error ? textsFor(commonTexts, lang).errorPrefix : undefined;
  const html = await pageIntoShell({
    siteDir: options.siteDir(),
    shellPath,
    slot: 'result',
    lang,
    title,
    content,
    errorPrefix,
  });
  return c.html(html, status);
}

function notice(lang: Locale, code: MessageCode): Html {
  return noticeBox({ tone: 'error', text: messageFor(lang, code) });
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '';
  }
}
