/**
 * Request body limits by path: most bodies are small, a few routes take files (a platform's
 * whole thread, images in base64, a logo) and get a larger limit of their own, so a file that
 * is too large gets that route's clear error rather than the general one.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

export type BodyLimitRule = {
  matches: (path: string) => boolean;
  maxSize: number;
  /** The route's own refusal (a page in the form's language, say); else the general one. */
  onError?: (c: Context) => Response | Promise<Response>;
};

/**
 * @example
 * app.use('/api/*', bodyLimits(64 * 1024, (c) => c.text('Too large', 413), [
 *   { matches: (path) => path === '/api/staff/threads', maxSize: 8 * 1024 * 1024 },
 * ]));
 */
export function bodyLimits(
  defaultMaxSize: number,
  onError: (c: Context) => Response | Promise<Response>,
  rules: BodyLimitRule[],
): MiddlewareHandler {
  const limited = rules.map((rule) => ({
    matches: rule.matches,
    limit: bodyLimit({ maxSize: rule.maxSize, onError: rule.onError ?? onError }),
  }));
  const fallback = bodyLimit({ maxSize: defaultMaxSize, onError });
  return async function bodyLimits(c, next) {
    const limit = limited.find((rule) => rule.matches(c.req.path))?.limit ?? fallback;
    return limit(c, next);
  };
}
