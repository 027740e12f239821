/**
 * Open data: aggregate figures per consultation, without personal data or texts, for
 * anyone to reuse (CC0). Declared like the other public routes, so they are in the
 * OpenAPI document.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { OpenDataList, OpenDataOne } from '../../shared/contracts/open-data.ts';
import { Problem } from '../../shared/contracts/public-content.ts';
import { InputText } from '../../shared/contracts/input-text.ts';
import type { AppEnv } from '../http/app-env.ts';
import { problem, validationHook } from '../http/problem.ts';
import { OPEN_DATA_LICENCE, SMALL_NUMBER_THRESHOLD } from '../services/insights/open-data.ts';
import { openDataSnapshot } from '../services/insights/open-data-cache.ts';

const problemContent = { 'application/problem+json': { schema: Problem } };
const description =
  'Counts of input per channel and sentiment, the share answered and the median answer time. No personal data ' +
  `and no texts. Counts from 1 to ${SMALL_NUMBER_THRESHOLD - 1} are withheld (null), and so is one more cell when a ` +
  'single withheld cell could be worked out from the total. Licence: CC0-1.0.';

const listRoute = createRoute({
  method: 'get',
  path: '/api/open-data/consultations',
  tags: ['Open data'],
  summary: 'Aggregate figures of every published consultation',
  description,
  responses: {
    200: { description: 'Figures per consultation', content: { 'application/json': { schema: OpenDataList } } },
  },
});

const oneRoute = createRoute({
  method: 'get',
  path: '/api/open-data/consultations/{slug}',
  tags: ['Open data'],
  summary: 'Aggregate figures of one consultation',
  description,
  request: {
    params: z.object({
      slug: InputText.min(1)
        .max(200)
        .regex(/^[a-z0-9-]+$/)
        .openapi({ example: 'fietsroute-stationsstraat' }),
    }),
  },
  responses: {
    200: { description: 'Figures of the consultation', content: { 'application/json': { schema: OpenDataOne } } },
    404: { description: 'No published consultation with this slug', content: problemContent },
    422: { description: 'Not a valid slug', content: problemContent },
  },
});

export function openDataRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  // Open data is for anyone to read from any site: no credentials are involved, so any origin may.
  const headers = { 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' };
  const meta = (now: Date) => ({
    generatedAt: now.toISOString(),
    smallNumberThreshold: SMALL_NUMBER_THRESHOLD,
    licence: OPEN_DATA_LICENCE,
  });

  // Figures counted once per change of the data (open-data-cache.ts); `generatedAt` is when,
  // so the same figures make the same body and the ETag middleware answers 304 to a revisit.
  app.openapi(listRoute, async (c) => {
    const snapshot = await openDataSnapshot(c.get('db'), c.get('now'));
    return c.json({ ...meta(snapshot.generatedAt), consultations: snapshot.consultations }, 200, headers);
  });

  app.openapi(oneRoute, async (c) => {
    const snapshot = await openDataSnapshot(c.get('db'), c.get('now'));
    const slug = c.req.valid('param').slug;
    const consultation = snapshot.consultations.find((one) => one.slug === slug);
    if (!consultation) return problem(c, 404, 'consultation_not_found') as never;
    return c.json({ ...meta(snapshot.generatedAt), consultation }, 200, headers);
  });

  return app;
}
