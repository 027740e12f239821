/**
 * Announcements as JSON (`announcements.write`): recording where staff posted a published
 * announcement by hand on X, Facebook or Instagram, as the composer's copy form does
 * (services/announcements/copies.ts checks the address and mirrors the post as a thread).
 */
import { z } from '@hono/zod-openapi';
import { InputText } from '../../../shared/contracts/input-text.ts';
import { problem } from '../../http/problem.ts';
import { COPY_PLATFORMS, recordCopy } from '../../services/announcements/copies.ts';
import {
  IdParam,
  jsonBody,
  jsonContent,
  problemContent,
  STAFF_TAGS,
  staffOpenApi,
  staffRoute,
} from '../kit/openapi.ts';

const PLATFORM_NAMES = { x: 'X', facebook: 'Facebook', instagram: 'Instagram' } as const;

export const CopyBody = z
  .object({
    platform: z.enum(COPY_PLATFORMS),
    url: InputText.max(2000).openapi({
      description: "The address of the municipality's post on that platform",
      example: 'https://x.com/gemeente/status/1790000000000000000',
    }),
  })
  .strict();

export const CopyResult = z.object({
  platform: z.enum(COPY_PLATFORMS),
  url: InputText,
  externalId: InputText.openapi({
    description: "The post's id on the platform (X status id, Facebook post id, Instagram shortcode)",
  }),
  threadId: z.uuid().openapi({
    description:
      'The mirrored thread; import the replies from the export file into it with `POST /api/staff/threads` and `rootId` set to `externalId`',
  }),
});

const recordRoute = staffRoute('announcements.write', {
  method: 'post',
  path: '/api/staff/announcements/{id}/copies',
  tags: [STAFF_TAGS.announcements.name],
  summary: 'Record where a published announcement was posted by hand (X, Facebook, Instagram)',
  description:
    'The address must be one post on that platform (`x.com`/`twitter.com` status, `facebook.com` post, `instagram.com/p/…`). ' +
    "The portal's news item links to it, and the post becomes a mirrored thread (the municipality's own post, published) " +
    'into which residents’ replies can be imported from the platform’s export file.',
  request: { params: IdParam, body: jsonBody(CopyBody) },
  responses: {
    201: { description: 'Recorded and mirrored', content: jsonContent(CopyResult) },
    404: { description: 'No such announcement', content: problemContent },
    409: { description: 'The announcement is not published (yet)', content: problemContent },
    422: {
      description:
        'Not a web address, another platform, not one post, a post already in Podium, or this platform already recorded',
      content: problemContent,
    },
  },
});

export function announcementsApi(options: { publicUrl?: string | undefined } = {}) {
  const app = staffOpenApi();

  app.openapi(recordRoute, async (c) => {
    const session = c.get('session')!;
    const { platform, url } = c.req.valid('json');
    const result = await recordCopy(c.get('db'), {
      actor: { id: session.user.id, organisationId: session.user.organisationId },
      id: c.req.valid('param').id,
      platform,
      url,
      now: c.get('now')(),
      publicUrl: options.publicUrl || new URL(c.req.url).origin,
    });
    if (result.kind === 'not_found') return problem(c, 404, 'announcement_not_found') as never;
    if (result.kind === 'wrong_state') return problem(c, 409, 'announcement_not_published') as never;
    if (result.kind === 'invalid') {
      return problem(c, 422, 'validation_failed', {
        detail: 'validation_detail',
        errors: [{ field: 'url', code: `copy_${result.problem}`, params: { platform: PLATFORM_NAMES[platform] } }],
      }) as never;
    }
    return c.json({ platform, url: result.url, externalId: result.externalId, threadId: result.threadId }, 201);
  });

  return app;
}
