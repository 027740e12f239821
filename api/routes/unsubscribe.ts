/**
 * One-click unsubscribe (RFC 8058) from Podium's mails: `/afmelden/<token>` and
 * `/en/unsubscribe/<token>`. The mail's `List-Unsubscribe` header names this address and
 * `List-Unsubscribe-Post: List-Unsubscribe=One-Click`, so a mail program POSTs
 * `List-Unsubscribe=One-Click` here; a person who follows the link in the mail gets a page
 * with a button that sends the same (a GET changes nothing, because mail scanners fetch
 * links). The token counts as a secret like a follow-up code: rate-limited, not cached,
 * not passed on as a referrer.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Locale } from '../../shared/contracts/public-content.ts';
import type { AppEnv } from '../http/app-env.ts';
import { rateLimit, type RateLimitOptions } from '../http/rate-limit.ts';
import { findUnsubscribe, unsubscribe, UNSUBSCRIBE_TOKEN } from '../services/notifications/unsubscribe.ts';
import { unsubscribeConfirmPage, unsubscribeOutcomePage } from '../views/unsubscribe-page.ts';

export const UNSUBSCRIBE_PATHS = { nl: '/afmelden/:token', en: '/en/unsubscribe/:token' } as const;

export function unsubscribeRoutes(options: { limits: Omit<RateLimitOptions, 'group' | 'methods'> }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  for (const lang of ['nl', 'en'] as const) {
    const path = UNSUBSCRIBE_PATHS[lang];
    app.use(path, rateLimit({ group: 'follow_up', ...options.limits }));
    app.use(path, bodyLimit({ maxSize: 4 * 1024, onError: (c) => c.text('Request body too large', 413) }));
    app.use(path, async function privatePage(c, next) {
      await next();
      // Cache-Control: the path is in api/http/private-response.ts.
      c.header('Referrer-Policy', 'no-referrer');
      c.header('X-Robots-Tag', 'noindex');
    });
    app.get(path, async (c) => {
      const token = c.req.param('token') ?? '';
      if (!UNSUBSCRIBE_TOKEN.test(token)) return page(c, lang, 'badRequest', 400);
      if (!(await findUnsubscribe(c.get('db'), token))) return page(c, lang, 'unknown', 404);
      return c.html(unsubscribeConfirmPage(lang, c.req.path));
    });
    app.post(path, async (c) => {
      const token = c.req.param('token') ?? '';
      const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      // RFC 8058: the POST carries exactly this field; anything else is not a one-click request.
      if (!UNSUBSCRIBE_TOKEN.test(token) || body['List-Unsubscribe'] !== 'One-Click') {
        return page(c, lang, 'badRequest', 400);
      }
      const result = await unsubscribe(c.get('db'), token, c.get('now')());
      return result.kind === 'unsubscribed' ? page(c, lang, 'done', 200) : page(c, lang, 'unknown', 404);
    });
  }
  return app;
}

function page(c: Context<AppEnv>, lang: Locale, what: 'done' | 'unknown' | 'badRequest', status: 200 | 400 | 404) {
  return c.html(unsubscribeOutcomePage(lang, what), status);
}
