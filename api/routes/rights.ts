/**
 * Residents' rights with the follow-up code: a copy of everything held about the input
 * (JSON), and erasure. The code is the secret: these routes are rate-limited (app.ts), the
 * answers are never cached, and nothing logs the code.
 *
 * No HTML form yet: the follow-up page does not link here, so a resident without a script
 * or an API client asks the municipality (the privacy statement says how).
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { Problem } from '../../shared/contracts/public-content.ts';
import type { AppEnv } from '../http/app-env.ts';
import { problem, validationHook } from '../http/problem.ts';
import { normalizeFollowUpCode } from '../services/follow-up-code.ts';
import { eraseSubmission, exportSubmission } from '../services/residents-rights.ts';
import { InputText } from '../../shared/contracts/input-text.ts';

const problemContent = { 'application/problem+json': { schema: Problem } };
const CodeParam = z.object({ code: InputText.max(100).openapi({ example: 'K7QM-4XPR-9TWD' }) });

const SubmissionExport = z
  .object({
    format: z.literal('podium.submission-export/1'),
    exportedAt: InputText,
    submission: z.record(InputText, z.unknown()),
    consultation: z.record(InputText, z.unknown()),
    answers: z.array(z.record(InputText, z.unknown())),
    contact: z.record(InputText, z.unknown()).nullable(),
    replies: z.array(z.record(InputText, z.unknown())),
    history: z.array(z.object({ at: InputText, action: InputText, by: InputText })),
    retention: z.array(z.object({ kind: InputText, days: z.number(), from: InputText })),
  })
  .openapi('SubmissionExport', {
    description: 'Everything Podium holds about one piece of input, including contact details',
  });

const ErasureReceipt = z
  .object({
    code: InputText,
    erasedAt: InputText,
    alreadyErased: z.boolean(),
  })
  .openapi('ErasureReceipt');

const exportRoute = createRoute({
  method: 'get',
  path: '/api/follow-up/{code}/export',
  tags: ['Residents’ rights'],
  summary: 'Download everything held about input, by its follow-up code (GDPR art. 15 and 20)',
  request: { params: CodeParam },
  responses: {
    200: { description: 'The export', content: { 'application/json': { schema: SubmissionExport } } },
    400: { description: 'Not a valid code', content: problemContent },
    404: { description: 'No input with this code', content: problemContent },
    429: { description: 'Too many requests', content: problemContent },
  },
});

const eraseRoute = createRoute({
  method: 'post',
  path: '/api/follow-up/{code}/erase',
  tags: ['Residents’ rights'],
  summary: 'Erase input and contact details, by its follow-up code (GDPR art. 17)',
  description:
    'Removes the answers and the contact details and withdraws published input from the portal. ' +
    'A tombstone (status, dates) and the municipality’s replies stay as its record. Idempotent.',
  request: {
    params: CodeParam,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            confirm: z.literal(true).openapi({ description: 'Must be true: erasure cannot be undone' }),
          }),
        },
      },
    },
  },
  responses: {
    200: { description: 'Erased (now or earlier)', content: { 'application/json': { schema: ErasureReceipt } } },
    400: { description: 'Not a valid code', content: problemContent },
    404: { description: 'No input with this code', content: problemContent },
    422: { description: 'Confirmation missing', content: problemContent },
    429: { description: 'Too many requests', content: problemContent },
  },
});

export function rightsRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(exportRoute, async (c) => {
    c.header('Cache-Control', 'private, no-store');
    const code = normalizeFollowUpCode(c.req.valid('param').code);
    if (!code) return problem(c, 400, 'invalid_follow_up_code') as never;
    const data = await exportSubmission(c.get('db'), code, c.get('now')());
    if (!data) return problem(c, 404, 'follow_up_not_found') as never;
    return c.json(data, 200, { 'Content-Disposition': `attachment; filename="podium-${code}.json"` });
  });

  app.openapi(eraseRoute, async (c) => {
    c.header('Cache-Control', 'private, no-store');
    const code = normalizeFollowUpCode(c.req.valid('param').code);
    if (!code) return problem(c, 400, 'invalid_follow_up_code') as never;
    const result = await eraseSubmission(c.get('db'), { code, now: c.get('now')() });
    if (result.kind === 'not_found') return problem(c, 404, 'follow_up_not_found') as never;
    return c.json(
      { code, erasedAt: result.erasedAt.toISOString(), alreadyErased: result.kind === 'already_erased' },
      200,
    );
  });

  return app;
}
