/**
 * Mirrored social-media threads, read-only for the public: the shape the portal and the
 * `podium-thread` widget render. Posts deleted at the source are not served.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { Problem } from '../../shared/contracts/public-content.ts';
import { SocialThread, SocialThreadSummary } from '../../shared/contracts/social-thread.ts';
import type { AppEnv } from '../http/app-env.ts';
import { problem, validationHook } from '../http/problem.ts';
import { readPublicThread } from '../services/social/public-mirror.ts';
import { listThreads } from '../services/social/threads.ts';
import { InputText } from '../../shared/contracts/input-text.ts';

const problemContent = { 'application/problem+json': { schema: Problem } };

const Slug = InputText.min(1).max(200);

const listThreadsRoute = createRoute({
  method: 'get',
  path: '/api/threads',
  tags: ['Public'],
  summary: 'List mirrored social-media threads, newest first',
  request: { query: z.object({ consultation: Slug.optional(), topic: Slug.optional() }) },
  responses: {
    200: { description: 'Threads', content: { 'application/json': { schema: z.array(SocialThreadSummary) } } },
  },
});

const getThreadRoute = createRoute({
  method: 'get',
  path: '/api/threads/{id}',
  tags: ['Public'],
  summary: 'One mirrored social-media thread',
  description:
    'The post and its replies in reading order (root first, depth first), with `parentId` and `depth` for nesting. ' +
    '`lang` is omitted when the platform declared no plausible language; `media[].alt` is null when there is no ' +
    'description. Posts deleted at the source are left out, or shown as an empty placeholder while replies hang under them.',
  request: { params: z.object({ id: z.uuid().openapi({ description: "Podium's id of the thread" }) }) },
  responses: {
    200: { description: 'The thread', content: { 'application/json': { schema: SocialThread } } },
    404: { description: 'No such thread, or withdrawn because it was deleted at the source', content: problemContent },
    422: { description: 'Not a thread id', content: problemContent },
  },
});

export function threadRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(listThreadsRoute, async (c) => c.json(await listThreads(c.get('db'), c.req.valid('query')), 200));

  app.openapi(getThreadRoute, async (c) => {
    const thread = await readPublicThread(c.get('db'), c.req.valid('param').id);
    if (!thread) return problem(c, 404, 'thread_not_found') as never;
    // Mirrors change with every sync; a short cache keeps widgets cheap and deletions quick.
    return c.json(thread, 200, { 'Cache-Control': 'public, max-age=60' });
  });

  return app;
}
