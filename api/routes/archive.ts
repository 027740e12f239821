/**
 * Archive exports of public records: a consultation with its published input, and a
 * mirrored thread, as JSON or as one self-contained HTML file (`?format=html`).
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { Problem } from '../../shared/contracts/public-content.ts';
import type { AppEnv } from '../http/app-env.ts';
import { problem, requestLocale, validationHook } from '../http/problem.ts';
import { consultationArchive, threadArchive, type ArchiveRecord } from '../services/archive.ts';
import { ARCHIVE_STYLE_HASH, renderArchiveHtml } from '../views/archive.ts';
import { InputText } from '../../shared/contracts/input-text.ts';

const problemContent = { 'application/problem+json': { schema: Problem } };
const Format = z.object({
  format: z.enum(['json', 'html']).optional().openapi({ description: 'json (default) or a self-contained HTML file' }),
  lang: z.enum(['nl', 'en']).optional().openapi({ description: 'Language of the HTML; default from Accept-Language' }),
});
const ArchiveJson = z.record(InputText, z.unknown()).openapi('ArchiveRecord', {
  description: 'format "podium.archive/1": metadata (what, who, when, retention) and the record itself',
});
const responses = {
  200: {
    description: 'The archive record',
    content: { 'application/json': { schema: ArchiveJson }, 'text/html': { schema: InputText } },
  },
  404: { description: 'Unknown or not public', content: problemContent },
  422: { description: 'Invalid parameters', content: problemContent },
};

const consultationArchiveRoute = createRoute({
  method: 'get',
  path: '/api/consultations/{slug}/archive',
  tags: ['Archive'],
  summary: 'A consultation and its published input as a public record',
  request: { params: z.object({ slug: InputText.min(1).max(200) }), query: Format },
  responses,
});

const threadArchiveRoute = createRoute({
  method: 'get',
  path: '/api/threads/{id}/archive',
  tags: ['Archive'],
  summary: 'A mirrored thread as a public record, residents pseudonymised',
  request: { params: z.object({ id: z.uuid() }), query: Format },
  responses,
});

export function archiveRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  const answer = (
    c: Parameters<Parameters<OpenAPIHono<AppEnv>['openapi']>[1]>[0],
    record: ArchiveRecord,
    query: z.infer<typeof Format>,
  ): Response => {
    const name = record.metadata.identifier.replace(/[^a-z0-9-]+/gi, '-');
    if (query.format !== 'html') {
      return c.json(record, 200, { 'Content-Disposition': `attachment; filename="${name}.json"` });
    }
    // Its own policy: the one inline style block, by hash, and nothing else at all.
    return c.html(renderArchiveHtml(record, query.lang ?? requestLocale(c)), 200, {
      'Content-Security-Policy': `default-src 'none'; style-src '${ARCHIVE_STYLE_HASH}'; frame-ancestors 'none'`,
      'Content-Disposition': `inline; filename="${name}.html"`,
    });
  };

  app.openapi(consultationArchiveRoute, async (c) => {
    const record = await consultationArchive(c.get('db'), c.req.valid('param').slug, c.get('now')());
    if (!record) return problem(c, 404, 'consultation_not_found') as never;
    return answer(c, record, c.req.valid('query')) as never;
  });

  app.openapi(threadArchiveRoute, async (c) => {
    const record = await threadArchive(c.get('db'), c.req.valid('param').id, c.get('now')());
    if (!record) return problem(c, 404, 'thread_not_found') as never;
    return answer(c, record, c.req.valid('query')) as never;
  });

  return app;
}
