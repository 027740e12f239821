/**
 * `Cache-Control: private, no-store` on every answer that shows a follow-up code or
 * personal data: the receipt of input (JSON, and the redirect and form pages of a browser
 * post), the confirmation and follow-up pages, the rights pages, exports and erasures, and
 * the pages an e-mail link opens, and the unsubscribe pages of a mail. A code is the only key to someone's input; a shared
 * cache, a proxy or the browser's history on a library computer must not keep it.
 */
import type { MiddlewareHandler } from 'hono';
import { routes } from '../../shared/urls.ts';

/** Every path (Hono patterns) whose answers are private; routes.ts keeps them in step with the portal. */
export const PRIVATE_PATHS: readonly string[] = [
  '/api/consultations/:slug/submissions',
  '/api/follow-up',
  '/api/follow-up/*',
  ...(['nl', 'en'] as const).flatMap((lang) => [
    `${routes.confirmation(lang)}*`,
    `${routes.followUp(lang)}*`,
    routes.myData(lang),
    `${routes.myData(lang)}*`,
  ]),
  // The unsubscribe pages: their token stands for someone's e-mail address.
  '/afmelden/*',
  '/en/unsubscribe/*',
];

/** Sets the header after the handler ran, so no route can forget it or weaken it. */
export function privateResponse(): MiddlewareHandler {
  return async function privateResponse(c, next) {
    await next();
    c.header('Cache-Control', 'private, no-store');
  };
}
