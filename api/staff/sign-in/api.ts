/**
 * Which groups at the identity provider give which Podium role, as JSON
 * (`/api/staff/sign-in/role-mappings`; administrators, as the page): the rows saved as a whole
 * on the version seen by services/auth/sso-mappings.ts, which also says which rows need a
 * department (`mappingRowProblem`) and how long a value and the list may be.
 */
import { z } from '@hono/zod-openapi';
import { InputText } from '../../../shared/contracts/input-text.ts';
import { invalidFields, problem } from '../../http/problem.ts';
import { STAFF_ROLES } from '../../services/auth/roles.ts';
import {
  CLAIM_VALUE_MAX,
  loadSsoMapping,
  MAPPING_ROWS_MAX,
  mappingRowProblem,
  saveSsoMapping,
  type SsoMapping,
} from '../../services/auth/sso-mappings.ts';
import { problemContent, STAFF_TAGS, staffOpenApi, staffRoute } from '../kit/openapi.ts';

const tags = [STAFF_TAGS.signIn.name];
const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

const Row = z
  .object({
    claim: InputText.trim().min(1).max(CLAIM_VALUE_MAX).openapi({
      description: 'A value of the provider’s roles claim: a group or role name',
      example: 'podium-beheer',
    }),
    role: z.enum(STAFF_ROLES),
    departmentId: z.uuid().nullable().openapi({ description: 'Only, and always, for `department_member`' }),
  })
  .strict();

const MappingJson = z.object({ version: z.number().int(), rows: z.array(Row) }).openapi('StaffRoleMapping');

const MappingInput = z
  .object({
    version: z.number().int().min(1).max(2_147_483_647),
    rows: z.array(Row).max(MAPPING_ROWS_MAX, { error: 'sso_too_many' }),
  })
  .strict()
  .openapi('StaffRoleMappingInput');

const readRoute = staffRoute('admin', {
  method: 'get',
  path: '/api/staff/sign-in/role-mappings',
  tags,
  summary: 'Which group or role at the identity provider gives which Podium role, with the version',
  responses: { 200: { description: 'The mapping', content: json(MappingJson) } },
});

const saveRoute = staffRoute('admin', {
  method: 'put',
  path: '/api/staff/sign-in/role-mappings',
  tags,
  summary: 'Replace the whole mapping on the version you saw (an empty list maps nothing)',
  description: 'Refused with 409 when someone saved since (the detail says who), 422 with a message per row.',
  request: { body: { required: true, content: json(MappingInput) } },
  responses: {
    200: { description: 'Saved (or nothing changed)', content: json(MappingJson) },
    409: { description: 'Changed since your version', content: problemContent },
    422: { description: 'Invalid input', content: problemContent },
  },
});

const mappingJson = (mapping: SsoMapping) => ({
  version: mapping.version,
  rows: mapping.rows.map((row) => ({ claim: row.claimValue, role: row.role, departmentId: row.departmentId })),
});

export function signInApi() {
  const app = staffOpenApi();

  app.openapi(readRoute, async (c) => {
    return c.json(mappingJson(await loadSsoMapping(c.get('db'), c.get('session')!.user.organisationId)), 200);
  });

  app.openapi(saveRoute, async (c) => {
    const session = c.get('session')!;
    const db = c.get('db');
    const input = c.req.valid('json');
    const errors = input.rows.flatMap((row, i) => {
      const refused = mappingRowProblem(row);
      return refused ? [{ field: `rows.${i}.departmentId`, code: `sso_${refused}` as const }] : [];
    });
    if (errors.length > 0) return invalidFields(c, errors) as never;
    const result = await saveSsoMapping(db, {
      organisationId: session.user.organisationId,
      actorId: session.user.id,
      expectedVersion: input.version,
      rows: input.rows.map((row) => ({ claimValue: row.claim, role: row.role, departmentId: row.departmentId })),
      now: c.get('now')(),
    });
    switch (result.kind) {
      case 'unknown_department':
        // The service does not say which row: the list as a whole is refused.
        return invalidFields(c, [{ field: 'rows', code: 'sso_unknown_department' }]) as never;
      case 'stale':
        return problem(c, 409, 'sso_mapping_stale', {
          detail: 'sso_mapping_stale_detail',
          detailParams: {
            version: result.version,
            changes: result.changes.map((change) => change.by ?? '-').join(', ') || '-',
          },
        }) as never;
      case 'saved':
        return c.json(mappingJson(await loadSsoMapping(db, session.user.organisationId)), 200);
    }
  });

  return app;
}
