/**
 * The baselines the read benchmark (../reads.ts) holds Podium against, run as their own
 * process so each side has a process of its own, as Podium does:
 *
 * - a bare Hono app with one route that runs the same service (and so the same SQL) as
 *   Podium's public `GET /api/consultations/{slug}`, with no middleware at all;
 * - a bare Node static server that reads the file from the built portal and sends it,
 *   with no compression, no validators and no caching of its own.
 *
 *   node tests/bench/support/bare-servers.ts <database url> <dist dir> <hono port> <static port>
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join, normalize } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { openDatabase } from '../../../api/db/client.ts';
import { findConsultation } from '../../../api/services/consultations.ts';

const [databaseUrl, distDir, honoPort, staticPort] = process.argv.slice(2);
if (!databaseUrl || !distDir || !honoPort || !staticPort) {
  console.error('usage: bare-servers.ts <database url> <dist dir> <hono port> <static port>');
  process.exit(2);
}

const database = await openDatabase({ url: databaseUrl });
const app = new Hono();
app.get('/api/consultations/:slug', async (c) => {
  const consultation = await findConsultation(database.db, c.req.param('slug'), new Date());
  return consultation ? c.json(consultation) : c.json({ error: 'not found' }, 404);
});
serve({ fetch: app.fetch, port: Number(honoPort), hostname: '127.0.0.1' });

const siteDir = join(distDir, 'site');
createServer(async (request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
  const file = join(siteDir, path.endsWith('/') ? `${path}index.html` : path);
  try {
    const body = await readFile(file);
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
    response.end(body);
  } catch {
    response.writeHead(404).end();
  }
}).listen(Number(staticPort), '127.0.0.1', () => console.log('bare servers ready'));
