/**
 * Pages that exist per submission and so cannot be static: the confirmation right after
 * input was sent, and the follow-up page of a code. Rendered into the built shells.
 *
 * They show a resident's own input: never cached, never indexed, and the code in the URL
 * is not passed on to other sites.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Locale } from '../../shared/contracts/public-content.ts';
import type { AppEnv } from '../http/app-env.ts';
import { messageFor, type MessageCode } from '../messages/texts.ts';
import { normalizeFollowUpCode } from '../services/follow-up-code.ts';
import { findFollowUp } from '../services/submissions.ts';
import { pageIntoShell } from '../views/page-shell.ts';
import { notice, type Html } from '../../shared/html/index.ts';
import { renderConfirmation, renderFollowUp } from '../../shared/render/index.ts';
import { routes } from '../../shared/urls.ts';
import { textsFor, type TextsModule } from '../../shared/i18n.ts';
import * as confirmationTexts from '../../shared/texts/confirmation.ts';
import * as followUpTexts from '../../shared/texts/follow-up.ts';

type PageKind = 'confirmation' | 'followUp';

// The same titles as the built pages, for when a shell is missing.
const pageTexts: Record<PageKind, TextsModule<{ title: string }>> = {
  confirmation: confirmationTexts,
  followUp: followUpTexts,
};

export function submissionPages(options: { siteDir: () => string }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const pages: Array<[PageKind, Locale]> = [
    ['confirmation', 'nl'],
    ['confirmation', 'en'],
    ['followUp', 'nl'],
    ['followUp', 'en'],
  ];
  for (const [kind, lang] of pages) {
    const base = routes[kind](lang);
    // Hono hands the parameter over decoded: encoded again, no character of it reaches the header raw.
    app.get(`${base}:code{[^/]+}`, (c) => c.redirect(`${base}${encodeURIComponent(c.req.param('code') ?? '')}/`, 301));
    app.get(`${base}:code{[^/]+}/`, (c) => renderPage(c, options, kind, lang, c.req.param('code') ?? ''));
  }
  return app;
}

async function renderPage(
  c: Context<AppEnv>,
  options: { siteDir: () => string },
  kind: PageKind,
  lang: Locale,
  rawCode: string,
): Promise<Response> {
  c.header('Cache-Control', 'private, no-store');
  c.header('X-Robots-Tag', 'noindex');
  c.header('Referrer-Policy', 'no-referrer');

  let decoded = '';
  try {
    decoded = decodeURIComponent(rawCode);
  } catch {
    // "%" without two hex digits: not a code, answered like any other malformed one.
  }
  const code = normalizeFollowUpCode(decoded);
  const followUp = code ? await findFollowUp(c.get('db'), code) : undefined;
  let content: Html;
  let status: 200 | 400 | 404 = 200;
  if (!code) {
    content = message(lang, 'invalid_follow_up_code');
    status = 400;
  } else if (!followUp) {
    content = message(lang, 'follow_up_not_found');
    status = 404;
  } else {
    content = kind === 'confirmation' ? renderConfirmation({ followUp, lang }) : renderFollowUp({ followUp, lang });
  }

  const page = await pageIntoShell({
    siteDir: options.siteDir(),
    shellPath: routes[kind](lang),
    slot: 'result',
    lang,
    title: textsFor(pageTexts[kind], lang).title,
    content,
  });
  return c.html(page, status);
}

function message(lang: Locale, code: MessageCode): Html {
  return notice({ tone: 'error', text: messageFor(lang, code) });
}
