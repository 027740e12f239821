/**
 * Images of public consultations, at an address made of the image's own SHA-256: the bytes
 * behind an address never change, so browsers and caches may keep them for a year without
 * asking again. A draft's images are not served here (the workbench's preview has its own,
 * signed-in address).
 */
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import { publicImage } from '../services/consultations.ts';
import { EXTENSION, type ImageType } from '../services/image-facts.ts';

export function consultationImageRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/api/consultation-images/:file', async (c) => {
    const match = /^([0-9a-f]{64})\.(png|jpg|webp)$/.exec(c.req.param('file'));
    if (!match) return c.notFound();
    const image = await publicImage(c.get('db'), match[1]!);
    // The extension is part of the address: a PNG is not also served as .jpg.
    if (!image || EXTENSION[image.mime as ImageType] !== match[2]) return c.notFound();
    return c.body(image.bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': image.mime,
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'",
    });
  });
  return app;
}
