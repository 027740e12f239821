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
import { VisitsOpenData } from '../../shared/contracts/open-data-reach.ts';
import { visitsOpenData, VISITS_MAX_DAYS } from '../services/reach/open-data.ts';
import { addDays, amsterdamDate, daysBetween, isCalendarDate } from '../services/insights/weeks.ts';

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

const VisitDay = InputText.max(10).refine(isCalendarDate, { error: 'period_date' });

const visitsRoute = createRoute({
  method: 'get',
  path: '/api/open-data/visits',
  tags: ['Open data'],
  summary: 'Page visits, downloads and widget views per day',
  description:
    'Per day (Europe/Amsterdam) the visits of each portal page and download, and per published consultation its ' +
    'page visits, downloads and widget views. Counted by the server without cookies or anything about the ' +
    `visitor; bots are not counted. Default: the last 30 days; at most ${VISITS_MAX_DAYS} days. Licence: CC0-1.0.`,
  request: {
    query: z
      .object({
        from: VisitDay.optional().openapi({ example: '2026-11-01', description: 'First day, inclusive' }),
        to: VisitDay.optional().openapi({ example: '2026-11-30', description: 'Last day, inclusive' }),
      })
      .superRefine((q, ctx) => {
        if (!q.from || !q.to) return;
        if (q.from > q.to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'period_order' });
        else if (daysBetween(q.from, q.to) >= VISITS_MAX_DAYS)
          ctx.addIssue({ code: 'custom', path: ['from'], message: 'period_span' });
      }),
  },
  responses: {
    200: { description: 'Visits per day', content: { 'application/json': { schema: VisitsOpenData } } },
    422: { description: 'Not a valid period', content: problemContent },
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

  app.openapi(visitsRoute, async (c) => {
    const query = c.req.valid('query');
    const today = amsterdamDate(c.get('now')());
    const to = query.to ?? (query.from && addDays(query.from, 29) < today ? addDays(query.from, 29) : today);
    const from = query.from ?? addDays(to, -29);
    if (from > to || daysBetween(from, to) >= VISITS_MAX_DAYS)
      return problem(c, 422, 'validation_failed', {
        detail: 'validation_detail',
        errors: [{ field: 'from', code: from > to ? 'period_order' : 'period_span' }],
      }) as never;
    const body = await visitsOpenData(c.get('db'), from, to, c.get('now')());
    return c.json({ ...body, licence: OPEN_DATA_LICENCE }, 200, headers);
  });

  return app;
}
