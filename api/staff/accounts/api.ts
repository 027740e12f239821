/**
 * Listening per connected account as JSON (`/api/staff/social-accounts/{id}/listening`;
 * administrators): whether the intake also takes in public posts with the municipality's
 * hashtags or keywords, and which. Saved on the version seen; the rules are
 * services/social/listening.ts's, and every change is audited there.
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { InputText } from '../../../shared/contracts/input-text.ts';
import { problem, invalidFields } from '../../http/problem.ts';
import {
  getListening,
  MAX_TERMS,
  saveListening,
  type ListeningSettings,
  type TermProblem,
} from '../../services/social/listening.ts';
import { IdParam, problemContent, STAFF_TAGS, staffOpenApi, staffRoute } from '../kit/openapi.ts';

const tags = [STAFF_TAGS.socialAccounts.name];
const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

const ListeningJson = z
  .object({
    account: z.uuid(),
    platform: z.enum(['mastodon', 'bluesky']),
    handle: InputText,
    enabled: z.boolean().openapi({ description: 'Whether the intake listens; off by default' }),
    terms: z.array(InputText).openapi({
      description: 'Hashtags (`#fietspad`) and, on Bluesky, keywords (`fietspad Dorpsstraat`)',
    }),
    version: z.number().int(),
    updatedAt: InputText.nullable(),
  })
  .openapi('StaffListening');

export const ListeningBody = z
  .object({
    version: z.number().int().min(1).max(2_147_483_647).openapi({ description: 'The version you saw' }),
    enabled: z.boolean(),
    terms: z
      .array(InputText.max(200))
      .max(MAX_TERMS * 2)
      .openapi({ description: `At most ${MAX_TERMS} after duplicates are left out` }),
  })
  .strict();

const getRoute = staffRoute('admin', {
  method: 'get',
  path: '/api/staff/social-accounts/{id}/listening',
  tags,
  summary: "A connected account's listening: on or off, and its hashtags and keywords",
  request: { params: IdParam },
  responses: {
    200: { description: 'The listening settings', content: json(ListeningJson) },
    404: { description: 'No such active account', content: problemContent },
  },
});

const putRoute = staffRoute('admin', {
  method: 'put',
  path: '/api/staff/social-accounts/{id}/listening',
  tags,
  summary: 'Switch listening on or off and set its terms, on the version you saw',
  description:
    'Mastodon listens by hashtag only (its tag timeline); Bluesky by hashtag or keyword (searchPosts). ' +
    'Switching on takes in what is posted from then on.',
  request: { params: IdParam, body: { required: true, content: json(ListeningBody) } },
  responses: {
    200: { description: 'Saved (or unchanged)', content: json(ListeningJson) },
    404: { description: 'No such active account', content: problemContent },
    409: { description: 'Changed since your version', content: problemContent },
    422: { description: 'Invalid input', content: problemContent },
  },
});

const listeningJson = (l: ListeningSettings) => ({
  account: l.accountId,
  platform: l.platform,
  handle: l.handle,
  enabled: l.enabled,
  terms: l.terms,
  version: l.version,
  updatedAt: l.updatedAt?.toISOString() ?? null,
});

const CODES: Record<TermProblem, `listening_${TermProblem}`> = {
  too_many: 'listening_too_many',
  too_long: 'listening_too_long',
  invalid: 'listening_invalid',
  keyword_on_mastodon: 'listening_keyword_on_mastodon',
  required: 'listening_required',
};

export const refusedTerms = (c: Context, problemCode: TermProblem, term?: string) =>
  invalidFields(c, [{ field: 'terms', code: CODES[problemCode], ...(term ? { params: { term } } : {}) }]);

export function accountsApi() {
  const app = staffOpenApi();

  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    const found = await getListening(c.get('db'), c.get('session')!.user.organisationId, id);
    if (!found) return problem(c, 404, 'social_account_not_found') as never;
    return c.json(listeningJson(found), 200);
  });

  app.openapi(putRoute, async (c) => {
    const session = c.get('session')!;
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const result = await saveListening(c.get('db'), {
      organisationId: session.user.organisationId,
      staffUserId: session.user.id,
      accountId: id,
      enabled: body.enabled,
      terms: body.terms,
      expectedVersion: body.version,
      now: c.get('now')(),
    });
    switch (result.kind) {
      case 'saved':
      case 'unchanged':
        return c.json(listeningJson(result.settings), 200);
      case 'not_found':
        return problem(c, 404, 'social_account_not_found') as never;
      case 'stale':
        return problem(c, 409, 'listening_stale') as never;
      case 'invalid':
        return refusedTerms(c, result.problem, result.term) as never;
    }
  });

  return app;
}
