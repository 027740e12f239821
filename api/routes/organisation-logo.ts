/**
 * The organisation's logo, served by Podium (never by a third party) at an address named by
 * its bytes (`/api/organisation/logo/<hash>.png`): a new logo gets a new address, so browsers
 * and CDNs may keep this one for a year. An old address answers 404 once the logo changed.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import { logoByName } from '../services/organisation-settings.ts';

export function organisationLogoRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/api/organisation/logo/:name', async (c) => {
    const name = c.req.param('name');
    const etag = `"${name.slice(0, 32)}"`;
    if (c.req.header('If-None-Match') === etag) return c.body(null, 304, { ETag: etag });
    const logo = await logoByName(c.get('db'), name);
    if (!logo) return c.notFound();
    return c.body(logo.bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': logo.mime,
      'Cache-Control': 'public, max-age=31536000, immutable',
      ETag: etag,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'",
    });
  });
  return app;
}
