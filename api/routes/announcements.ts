/**
 * Images of published announcements, served by Podium so that reading the portal's news
 * tells no platform who reads it. Only images of published announcements; never a draft's.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env.ts';
import { publishedImage } from '../services/announcements/published.ts';

export function announcementImageRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/api/announcements/images/:id', async (c) => {
    const id = c.req.param('id');
    if (!z.uuid().safeParse(id).success) return c.notFound();
    const image = await publishedImage(c.get('db'), id);
    if (!image) return c.notFound();
    return c.body(image.bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': image.mime,
      'Cache-Control': 'public, max-age=300',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'",
    });
  });
  return app;
}
