/**
 * Residents' privacy requests as JSON (`/api/staff/privacy/…`, permission `privacy`): search,
 * export and erase by e-mail address or social handle, with the case's reference for the audit
 * log. POSTs, so an address never lands in a query string (logs, history). The work and the
 * audit entries are services/personal-data.ts's, as on the privacy page.
 */
import { z } from '@hono/zod-openapi';
import { InputText } from '../../../shared/contracts/input-text.ts';
import { invalidFields } from '../../http/problem.ts';
import {
  erasePersonalData,
  exportPersonalData,
  findPersonalData,
  type PersonQuery,
} from '../../services/personal-data.ts';
import type { ActiveSession } from '../../services/auth/sessions.ts';
import { actorOf } from '../kit/actor.ts';
import { problemContent, STAFF_TAGS, staffOpenApi, staffRoute } from '../kit/openapi.ts';

const tags = [STAFF_TAGS.privacy.name];

/** The same limits as the privacy page's search form. */
const Person = z
  .object({
    email: InputText.trim().min(3).max(254).optional(),
    handle: InputText.trim().min(3).max(254).optional().openapi({ example: '@anna@social.example' }),
    reference: InputText.trim()
      .max(100)
      .regex(/^[\p{L}\p{N} ./_:-]*$/u)
      .optional()
      .openapi({ description: "The case's reference, for the audit log" }),
  })
  .strict()
  .refine((body) => (body.email === undefined) !== (body.handle === undefined), {
    path: ['email'],
    message: 'required',
  });

const EraseBody = z
  .object({
    email: InputText.trim().min(3).max(254).optional(),
    handle: InputText.trim().min(3).max(254).optional(),
    reference: InputText.trim()
      .max(100)
      .regex(/^[\p{L}\p{N} ./_:-]*$/u)
      .optional(),
    confirm: z.boolean().openapi({ description: 'Must be true: an erasure cannot be undone' }),
  })
  .strict()
  .refine((body) => (body.email === undefined) !== (body.handle === undefined), {
    path: ['email'],
    message: 'required',
  });

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const invalid = {
  422: { description: 'Neither or both of email and handle, or invalid input', content: problemContent },
};

const searchRoute = staffRoute('privacy', {
  method: 'post',
  path: '/api/staff/privacy/search',
  tags,
  summary: 'What Podium holds about a person: their input and social accounts (audited)',
  request: { body: { required: true, content: json(Person) } },
  responses: { 200: { description: 'What was found', content: json(z.unknown()) }, ...invalid },
});

const exportRoute = staffRoute('privacy', {
  method: 'post',
  path: '/api/staff/privacy/export',
  tags,
  summary: 'Everything held about a person, to hand to them (audited)',
  request: { body: { required: true, content: json(Person) } },
  responses: { 200: { description: 'The export', content: json(z.unknown()) }, ...invalid },
});

const eraseRoute = staffRoute('privacy', {
  method: 'post',
  path: '/api/staff/privacy/erase',
  tags,
  summary: "Erase a person's input and social accounts; the portal is rebuilt (audited)",
  request: { body: { required: true, content: json(EraseBody) } },
  responses: {
    200: {
      description: 'What was erased',
      content: json(z.object({ submissions: z.number(), socialAuthors: z.number(), socialPosts: z.number() })),
    },
    ...invalid,
  },
});

const personOf = (body: { email?: string | undefined; handle?: string | undefined }): PersonQuery =>
  body.email !== undefined ? { email: body.email } : { handle: body.handle! };

const requester = (session: ActiveSession, reference: string | undefined) => ({
  ...actorOf(session),
  ...(reference ? { reference } : {}),
});

export function privacyApi() {
  const app = staffOpenApi();

  app.openapi(searchRoute, async (c) => {
    const body = c.req.valid('json');
    const found = await findPersonalData(c.get('db'), personOf(body), requester(c.get('session')!, body.reference));
    return c.json(found, 200);
  });

  app.openapi(exportRoute, async (c) => {
    const body = c.req.valid('json');
    const data = await exportPersonalData(c.get('db'), personOf(body), {
      now: c.get('now')(),
      actor: requester(c.get('session')!, body.reference),
    });
    return c.json(data as unknown, 200);
  });

  app.openapi(eraseRoute, async (c) => {
    const body = c.req.valid('json');
    if (body.confirm !== true) {
      return invalidFields(c, [{ field: 'confirm', code: 'privacy_confirm_required' }]) as never;
    }
    const erased = await erasePersonalData(c.get('db'), personOf(body), {
      now: c.get('now')(),
      actor: requester(c.get('session')!, body.reference),
    });
    return c.json(erased, 200);
  });

  return app;
}
