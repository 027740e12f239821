/**
 * The public side of moderation: the house rules, the guidelines of each channel, and
 * residents reporting published input that breaks a house rule. What happens after a
 * report lives in services/reports.ts.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { LocalizedText, Problem } from '../../shared/contracts/public-content.ts';
import type { AppEnv } from '../http/app-env.ts';
import { problem, validationHook } from '../http/problem.ts';
import { listChannelGuidelines, listHouseRulesPublic } from '../services/guidelines.ts';
import { reportSubmission } from '../services/reports.ts';
import { InputText } from '../../shared/contracts/input-text.ts';

const ReportRequest = z
  .object({
    reason: InputText.min(1).max(100).openapi({
      description: 'The code of the house rule the input breaks (e.g. `respect`), or `other`',
      example: 'respect',
    }),
    note: InputText.max(500).optional().openapi({ description: 'What is wrong, in a few words' }),
  })
  .openapi('ReportRequest');

const ReportReceipt = z.object({ status: z.literal('received') }).openapi('ReportReceipt');

const HouseRule = z
  .object({
    code: InputText.openapi({ example: 'respect', description: 'Cite this as `reason` in a report' }),
    position: z.number().int(),
    title: LocalizedText,
    body: LocalizedText,
  })
  .openapi('HouseRule');

const ChannelGuideline = z
  .object({
    key: InputText.openapi({ example: 'mastodon:@demodam@social.demodam.example' }),
    channel: z.enum(['portal', 'widget', 'social']),
    platform: InputText.nullable(),
    name: LocalizedText,
    responseDays: z.number().int().openapi({ description: 'The promised response time, in working days' }),
    repliesAllowed: z.boolean(),
    moderatedBy: LocalizedText.nullable().openapi({
      description: 'The department that moderates; null: the central desk',
    }),
    postingHours: z.array(
      z.object({
        days: z.array(z.number().int().min(1).max(7)).openapi({ description: 'ISO weekdays, 1 is Monday' }),
        from: InputText.openapi({ example: '08:30' }),
        to: InputText.openapi({ example: '17:00' }),
      }),
    ),
    houseRules: z.array(InputText).openapi({ description: 'Codes of the house rules that apply' }),
  })
  .openapi('ChannelGuideline');

const houseRulesRoute = createRoute({
  method: 'get',
  path: '/api/house-rules',
  tags: ['Public'],
  summary: 'The house rules residents agree to, in order',
  responses: {
    200: { description: 'House rules', content: { 'application/json': { schema: z.array(HouseRule) } } },
  },
});

const channelsRoute = createRoute({
  method: 'get',
  path: '/api/channels',
  tags: ['Public'],
  summary: 'The guidelines of each channel: response time, replies, posting hours, house rules',
  responses: {
    200: { description: 'Channel guidelines', content: { 'application/json': { schema: z.array(ChannelGuideline) } } },
  },
});

const reportRoute = createRoute({
  method: 'post',
  path: '/api/submissions/{id}/reports',
  tags: ['Public'],
  summary: 'Report published input that breaks a house rule',
  description:
    'The input goes offline for review once the organisation’s number of reports is reached. The answer is the ' +
    'same either way, so a reporter cannot tell how many others reported it.',
  request: {
    params: z.object({ id: z.uuid() }),
    body: { required: true, content: { 'application/json': { schema: ReportRequest } } },
  },
  responses: {
    202: { description: 'Report received', content: { 'application/json': { schema: ReportReceipt } } },
    404: {
      description: 'No published input with this id',
      content: { 'application/problem+json': { schema: Problem } },
    },
    422: {
      description: 'Unknown reason or invalid note',
      content: { 'application/problem+json': { schema: Problem } },
    },
  },
});

export function moderationPublicRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('/api/submissions/:id/reports', async function jsonOnly(c, next) {
    const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (c.req.method === 'POST' && type !== 'application/json') return problem(c, 415, 'unsupported_media_type');
    await next();
  });
  app.openapi(houseRulesRoute, async (c) => c.json(await listHouseRulesPublic(c.get('db')), 200));
  app.openapi(channelsRoute, async (c) => c.json(await listChannelGuidelines(c.get('db')), 200));
  app.openapi(reportRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const result = await reportSubmission(c.get('db'), {
      submissionId: id,
      reason: body.reason,
      note: body.note,
      now: c.get('now')(),
    });
    switch (result.kind) {
      case 'received':
        return c.json({ status: 'received' as const }, 202);
      case 'not_found':
        return problem(c, 404, 'submission_not_published') as never;
      case 'unknown_reason':
        return problem(c, 422, 'validation_failed', {
          detail: 'validation_detail',
          errors: [{ field: 'reason', code: 'report_reason_unknown' }],
        }) as never;
    }
  });
  return app;
}
