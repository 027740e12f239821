/**
 * The web addresses that may embed widgets, as JSON (`/api/staff/embed-origins`; administrators).
 * The origin is checked and stored by services/embed-origins.ts, as on the embedding page.
 */
import { z } from '@hono/zod-openapi';
import { InputText } from '../../../shared/contracts/input-text.ts';
import { problem, invalidFields } from '../../http/problem.ts';
import { addOrigin, listOrigins, parseOrigin, removeOrigin } from '../../services/embed-origins.ts';
import { problemContent, STAFF_TAGS, staffOpenApi, staffRoute } from '../kit/openapi.ts';

const tags = [STAFF_TAGS.embedding.name];
const Origin = InputText.max(2000).openapi({ example: 'https://www.gemeente.nl' });
const Origins = z.object({ origins: z.array(InputText) });
const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

const listRoute = staffRoute('admin', {
  method: 'get',
  path: '/api/staff/embed-origins',
  tags,
  summary: 'The origins that may embed widgets',
  responses: { 200: { description: 'The list', content: json(Origins) } },
});

const addRoute = staffRoute('admin', {
  method: 'post',
  path: '/api/staff/embed-origins',
  tags,
  summary: 'Allow an origin (scheme, host and port; `:*` for any port)',
  request: { body: { required: true, content: json(z.object({ origin: Origin }).strict()) } },
  responses: {
    201: { description: 'Added', content: json(Origins.extend({ added: InputText })) },
    200: { description: 'It was in the list already', content: json(Origins.extend({ added: InputText })) },
    422: { description: 'Not a well-formed origin (the message says why)', content: problemContent },
  },
});

const removeRoute = staffRoute('admin', {
  method: 'delete',
  path: '/api/staff/embed-origins',
  tags,
  summary: 'Stop allowing an origin',
  request: { query: z.object({ origin: Origin }) },
  responses: {
    200: { description: 'Removed', content: json(Origins) },
    404: { description: 'Not in the list', content: problemContent },
  },
});

export function embeddingApi() {
  const app = staffOpenApi();

  app.openapi(listRoute, async (c) => {
    return c.json({ origins: await listOrigins(c.get('db'), c.get('session')!.user.organisationId) }, 200);
  });

  app.openapi(addRoute, async (c) => {
    const session = c.get('session')!;
    const parsed = parseOrigin(c.req.valid('json').origin);
    if ('problem' in parsed) {
      return invalidFields(c, [{ field: 'origin', code: `origin_${parsed.problem}` }]) as never;
    }
    const db = c.get('db');
    const changed = await addOrigin(db, {
      organisationId: session.user.organisationId,
      origin: parsed.origin,
      actorId: session.user.id,
    });
    // This process's CORS check reads the list again now; other processes within their cache time.
    c.get('origins').forget();
    const origins = await listOrigins(db, session.user.organisationId);
    return c.json({ origins, added: parsed.origin }, changed ? 201 : 200);
  });

  app.openapi(removeRoute, async (c) => {
    const session = c.get('session')!;
    const db = c.get('db');
    const removed = await removeOrigin(db, {
      organisationId: session.user.organisationId,
      origin: c.req.valid('query').origin,
      actorId: session.user.id,
    });
    c.get('origins').forget();
    if (!removed) return problem(c, 404, 'origin_not_listed') as never;
    return c.json({ origins: await listOrigins(db, session.user.organisationId) }, 200);
  });

  return app;
}
