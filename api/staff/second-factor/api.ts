/**
 * Log-in security as JSON (administrators, as the requirement page and the reset button on a
 * colleague's page): whether every local account must use two-step verification, saved on the
 * version seen, and resetting a colleague's factor. The rules (no requirement without the key
 * that seals TOTP secrets; the colleague's sessions end with the reset) are
 * services/auth/second-factor.ts's. Nothing secret leaves: no TOTP secret, recovery code or
 * passkey, only counts.
 */
import { z } from '@hono/zod-openapi';
import { invalidFields, problem } from '../../http/problem.ts';
import { factorCounts, requirementOf, resetSecondFactor, setRequirement } from '../../services/auth/second-factor.ts';
import { changesSinceVersion } from '../../services/audit-log.ts';
import { IdParam, problemContent, STAFF_TAGS, staffOpenApi, staffRoute } from '../kit/openapi.ts';

const tags = [STAFF_TAGS.signIn.name];
const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

/** The most saves a stale refusal names; older ones are in the audit log. */
const MAX_CHANGES = 5;

const RequirementJson = z
  .object({
    required: z.boolean().openapi({ description: 'Every local account must use two-step verification' }),
    version: z.number().int(),
    accounts: z
      .object({ total: z.number().int(), withFactor: z.number().int() })
      .openapi({ description: 'Active accounts with a password, and how many of them have a factor' }),
    keyConfigured: z
      .boolean()
      .openapi({ description: 'Whether PODIUM_SECRET_KEY is set; without it the requirement cannot be turned on' }),
  })
  .openapi('StaffSecondFactorRequirement');

const RequirementInput = z
  .object({ version: z.number().int().min(1).max(2_147_483_647), required: z.boolean() })
  .strict()
  .openapi('StaffSecondFactorRequirementInput');

const readRoute = staffRoute('admin', {
  method: 'get',
  path: '/api/staff/sign-in/second-factor',
  tags,
  summary: 'Whether two-step verification is required, with the version and how many accounts have it',
  responses: { 200: { description: 'The requirement', content: json(RequirementJson) } },
});

const saveRoute = staffRoute('admin', {
  method: 'put',
  path: '/api/staff/sign-in/second-factor',
  tags,
  summary: 'Require (or stop requiring) two-step verification for every local account, on the version you saw',
  description:
    'Refused with 409 when someone changed it since (the detail says who and what it is now); 422 when turning ' +
    'it on without PODIUM_SECRET_KEY.',
  request: { body: { required: true, content: json(RequirementInput) } },
  responses: {
    200: { description: 'Saved (or nothing changed)', content: json(RequirementJson) },
    409: { description: 'Changed since your version', content: problemContent },
    422: { description: 'Invalid input', content: problemContent },
  },
});

const resetRoute = staffRoute('admin', {
  method: 'delete',
  path: '/api/staff/colleagues/{id}/second-factor',
  tags,
  summary: 'Reset a colleague’s two-step verification (app, recovery codes and passkeys); their sessions end',
  request: { params: IdParam },
  responses: {
    204: { description: 'Reset' },
    404: { description: 'No such colleague', content: problemContent },
    409: { description: 'The colleague has no second factor', content: problemContent },
    422: { description: 'Invalid input', content: problemContent },
  },
});

export function secondFactorApi(options: { secretKey: () => Buffer | undefined }) {
  const app = staffOpenApi();

  const requirementJson = async (db: Parameters<typeof requirementOf>[0], organisationId: string) => ({
    ...(await requirementOf(db, organisationId)),
    accounts: await factorCounts(db, organisationId),
    keyConfigured: !!options.secretKey(),
  });

  app.openapi(readRoute, async (c) => {
    return c.json(await requirementJson(c.get('db'), c.get('session')!.user.organisationId), 200);
  });

  app.openapi(saveRoute, async (c) => {
    const session = c.get('session')!;
    const db = c.get('db');
    const organisationId = session.user.organisationId;
    const input = c.req.valid('json');
    const result = await setRequirement(db, {
      organisationId,
      actorId: session.user.id,
      required: input.required,
      expectedVersion: input.version,
      sealingKey: !!options.secretKey(),
      now: c.get('now')(),
    });
    switch (result.kind) {
      case 'no_key':
        return invalidFields(c, [{ field: 'required', code: 'second_factor_no_key' }]) as never;
      case 'stale': {
        const changes = await changesSinceVersion(db, {
          organisationId,
          action: 'organisation.second_factor_requirement',
          since: input.version,
          limit: MAX_CHANGES,
        });
        return problem(c, 409, 'second_factor_policy_stale', {
          detail: result.required ? 'second_factor_policy_now_required' : 'second_factor_policy_now_optional',
          detailParams: {
            version: result.version,
            changes: changes.map((change) => change.by ?? '-').join(', ') || '-',
          },
        }) as never;
      }
      case 'saved':
        return c.json(await requirementJson(db, organisationId), 200);
    }
  });

  app.openapi(resetRoute, async (c) => {
    const session = c.get('session')!;
    const result = await resetSecondFactor(c.get('db'), {
      organisationId: session.user.organisationId,
      actorId: session.user.id,
      colleagueId: c.req.valid('param').id,
      now: c.get('now')(),
    });
    switch (result.kind) {
      case 'not_found':
        return problem(c, 404, 'colleague_not_found') as never;
      case 'none':
        return problem(c, 409, 'second_factor_none') as never;
      case 'reset':
        return c.body(null, 204);
    }
  });

  return app;
}
