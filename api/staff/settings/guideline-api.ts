/**
 * Channel guidelines as JSON (`/api/staff/channel-guidelines`; administrators): the list with
 * each channel's version, and one channel's guidelines saved whole on the version seen. The
 * rules (well-formed posting hours, a Dutch name, the organisation's departments) and the
 * optimistic locking are services/channel-guideline-settings.ts's, as on the settings page.
 */
import { z } from '@hono/zod-openapi';
import { InputText } from '../../../shared/contracts/input-text.ts';
import { problem } from '../../http/problem.ts';
import type { MessageCode } from '../../messages/texts.ts';
import {
  listGuidelinesForSettings,
  saveChannelGuideline,
  type ChannelGuidelineRow,
} from '../../services/channel-guideline-settings.ts';
import { IdParam, problemContent, STAFF_TAGS, staffOpenApi, staffRoute } from '../kit/openapi.ts';

const tags = [STAFF_TAGS.settings.name];
const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

const Name = z.object({ nl: InputText.max(1000), en: InputText.max(1000).optional() }).strict();
const Span = z
  .object({
    days: z.array(z.number().int()).max(7).openapi({ description: 'ISO weekdays: 1 = Monday … 7 = Sunday' }),
    from: InputText.max(10).openapi({ example: '09:00' }),
    to: InputText.max(10).openapi({ example: '17:00' }),
  })
  .strict();
const PostingHours = z
  .array(Span)
  .max(14)
  .openapi({ description: 'Local times in the organisation’s time zone; empty: posting at any moment' });

const GuidelineJson = z
  .object({
    id: z.uuid(),
    key: InputText.openapi({ example: 'mastodon:@demodam@social.demodam.example' }),
    channel: z.enum(['portal', 'widget', 'social']),
    platform: InputText.nullable(),
    name: Name,
    version: z.number().int(),
    responseDays: z.number().int().openapi({ description: 'Set in the office calendar (read-only here)' }),
    responseHours: z.number().int().nullable().openapi({ description: 'Set in the office calendar (read-only here)' }),
    repliesAllowed: z.boolean(),
    moderatedByDepartmentId: z.uuid().nullable().openapi({ description: 'Null: the central desk' }),
    postingHours: PostingHours,
    answersNeedApproval: z.boolean().openapi({
      description: "Webcare's answers to posts on this channel wait for a colleague's approval (social channels)",
    }),
    announcementsNeedApproval: z.boolean().openapi({
      description: "Announcements on this channel wait for a second person's approval",
    }),
  })
  .openapi('StaffChannelGuideline');

const GuidelineInput = z
  .object({
    version: z.number().int().min(1).max(2_147_483_647),
    name: Name,
    repliesAllowed: z.boolean(),
    moderatedByDepartmentId: z.uuid().nullable(),
    postingHours: PostingHours,
    answersNeedApproval: z.boolean().optional().openapi({ description: 'Left out: stays as it is' }),
    announcementsNeedApproval: z.boolean().optional().openapi({ description: 'Left out: stays as it is' }),
  })
  .strict();

const listRoute = staffRoute('admin', {
  method: 'get',
  path: '/api/staff/channel-guidelines',
  tags,
  summary: 'Every channel’s guidelines with its version, and the departments that can moderate',
  responses: {
    200: {
      description: 'The guidelines',
      content: json(
        z.object({
          guidelines: z.array(GuidelineJson),
          departments: z.array(z.object({ id: z.uuid(), name: Name })),
        }),
      ),
    },
  },
});

const saveRoute = staffRoute('admin', {
  method: 'put',
  path: '/api/staff/channel-guidelines/{id}',
  tags,
  summary:
    'Save one channel’s name, replies, moderating department, posting hours and approvals on the version you saw',
  description:
    'Refused with 409 when someone saved since (the detail says who changed what), 422 with a message per field.',
  request: { params: IdParam, body: { required: true, content: json(GuidelineInput) } },
  responses: {
    200: { description: 'Saved (or nothing changed)', content: json(GuidelineJson) },
    404: { description: 'No such channel', content: problemContent },
    409: { description: 'Changed since your version', content: problemContent },
    422: { description: 'Invalid input', content: problemContent },
  },
});

const guidelineJson = (row: ChannelGuidelineRow) => ({
  ...row,
  name: row.name.en ? { nl: row.name.nl, en: row.name.en } : { nl: row.name.nl },
});

export function guidelinesApi() {
  const app = staffOpenApi();

  app.openapi(listRoute, async (c) => {
    const { guidelines, departments } = await listGuidelinesForSettings(
      c.get('db'),
      c.get('session')!.user.organisationId,
    );
    return c.json({ guidelines: guidelines.map(guidelineJson), departments }, 200);
  });

  app.openapi(saveRoute, async (c) => {
    const session = c.get('session')!;
    const db = c.get('db');
    const { id } = c.req.valid('param');
    const { version, ...input } = c.req.valid('json');
    const result = await saveChannelGuideline(db, {
      organisationId: session.user.organisationId,
      actorId: session.user.id,
      id,
      expectedVersion: version,
      input: { ...input, name: { nl: input.name.nl, en: input.name.en ?? '' } },
      now: c.get('now')(),
    });
    switch (result.kind) {
      case 'not_found':
        return problem(c, 404, 'guideline_not_found') as never;
      case 'invalid':
        return problem(c, 422, 'validation_failed', {
          detail: 'validation_detail',
          errors: result.problems.map((p) => ({ field: p.field, code: `guideline_${p.code}` as MessageCode })),
        }) as never;
      case 'stale':
        return problem(c, 409, 'guideline_stale', {
          detail: 'guideline_stale_detail',
          detailParams: {
            version: result.version,
            changes:
              result.changes.map((change) => `${change.fields.join(', ')} (${change.by ?? '-'})`).join('; ') || '-',
          },
        }) as never;
      case 'saved': {
        const { guidelines } = await listGuidelinesForSettings(db, session.user.organisationId);
        return c.json(guidelineJson(guidelines.find((g) => g.id === id)!), 200);
      }
    }
  });

  return app;
}
