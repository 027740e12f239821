/**
 * Colleagues as JSON (`/api/staff/colleagues`; administrators): the list with roles, state and
 * last log-in, inviting by e-mail (and sending the invitation again), one person's roles and
 * deactivating or reactivating them on the version seen. The rules (the last administrator stays, departments belong to the
 * organisation, the single-use invitation mail) are services/auth/colleagues.ts's.
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { EmailAddress } from '../../../shared/contracts/email-address.ts';
import { InputText } from '../../../shared/contracts/input-text.ts';
import { problem, invalidFields } from '../../http/problem.ts';
import {
  inviteColleague,
  listColleagues,
  resendInvitation,
  setColleagueActive,
  setColleagueRoles,
  type ChangeResult,
  type Colleague,
} from '../../services/auth/colleagues.ts';
import { STAFF_ROLES, type StaffRole } from '../../services/auth/roles.ts';
import { IdParam, problemContent, STAFF_TAGS, staffOpenApi, staffRoute } from '../kit/openapi.ts';

const tags = [STAFF_TAGS.colleagues.name];
const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const Version = z.number().int().min(1).max(2_147_483_647);

const Grant = z
  .object({
    role: z.enum(STAFF_ROLES as [StaffRole, ...StaffRole[]]),
    department: z.uuid().nullable().optional().openapi({ description: 'For department members: their department' }),
  })
  .strict()
  .refine((g) => g.role !== 'department_member' || !!g.department, { path: ['department'], message: 'required' });
const Grants = z.array(Grant).min(1).max(50);

const ColleagueJson = z
  .object({
    id: z.uuid(),
    email: InputText,
    displayName: InputText,
    version: z.number().int(),
    active: z.boolean(),
    invited: z.boolean().openapi({ description: 'Invited and not yet chosen a password' }),
    disabledAt: InputText.nullable(),
    lastSignInAt: InputText.nullable(),
    roles: z.array(z.object({ role: InputText, department: InputText.nullable() })),
  })
  .openapi('StaffColleague');

const InviteBody = z
  .object({
    email: EmailAddress,
    name: InputText.trim().min(1).max(200),
    roles: Grants,
    language: z.enum(['nl', 'en']).openapi({ description: 'The language of the invitation mail' }),
  })
  .strict();

const changeResponses = {
  200: { description: 'Changed', content: json(ColleagueJson) },
  404: { description: 'No such colleague', content: problemContent },
  409: { description: 'Changed since your version, or the last active administrator', content: problemContent },
  422: { description: 'Invalid input', content: problemContent },
};

const listRoute = staffRoute('admin', {
  method: 'get',
  path: '/api/staff/colleagues',
  tags,
  summary: 'Staff accounts with roles, state and last log-in',
  responses: {
    200: { description: 'The colleagues', content: json(z.object({ colleagues: z.array(ColleagueJson) })) },
  },
});

const inviteRoute = staffRoute('admin', {
  method: 'post',
  path: '/api/staff/colleagues',
  tags,
  summary: 'Invite a colleague by e-mail (a single-use link, valid 7 days)',
  request: { body: { required: true, content: json(InviteBody) } },
  responses: {
    201: { description: 'Invited', content: json(ColleagueJson) },
    409: { description: 'An account with this address exists', content: problemContent },
    422: { description: 'Invalid input', content: problemContent },
  },
});

const rolesRoute = staffRoute('admin', {
  method: 'put',
  path: '/api/staff/colleagues/{id}/roles',
  tags,
  summary: "Replace a colleague's roles",
  request: {
    params: IdParam,
    body: { required: true, content: json(z.object({ version: Version, roles: Grants }).strict()) },
  },
  responses: changeResponses,
});

const activeRoute = staffRoute('admin', {
  method: 'put',
  path: '/api/staff/colleagues/{id}/active',
  tags,
  summary: 'Deactivate (their sessions and keys stop at once) or reactivate a colleague',
  request: {
    params: IdParam,
    body: { required: true, content: json(z.object({ version: Version, active: z.boolean() }).strict()) },
  },
  responses: changeResponses,
});

const resendRoute = staffRoute('admin', {
  method: 'post',
  path: '/api/staff/colleagues/{id}/invitation',
  tags,
  summary: 'Send the invitation again, with a new link; the links of earlier invitations stop working',
  request: {
    params: IdParam,
    body: {
      required: true,
      content: json(
        z
          .object({
            language: z
              .enum(['nl', 'en'])
              .optional()
              .openapi({ description: 'The language of the mail; by default that of the previous invitation' }),
          })
          .strict(),
      ),
    },
  },
  responses: {
    200: { description: 'A new invitation is queued', content: json(ColleagueJson) },
    404: { description: 'No such colleague', content: problemContent },
    409: {
      description: 'They chose a password already (or sign in through the identity provider), or are deactivated',
      content: problemContent,
    },
    422: { description: 'Invalid input', content: problemContent },
  },
});

function colleagueJson(c: Colleague) {
  return {
    id: c.id,
    email: c.email,
    displayName: c.displayName,
    version: c.version,
    active: !c.disabledAt,
    invited: c.invited,
    disabledAt: c.disabledAt?.toISOString() ?? null,
    lastSignInAt: c.lastSignInAt?.toISOString() ?? null,
    roles: c.roles.map((g) => ({ role: g.role, department: g.departmentId })),
  };
}

const grantsOf = (grants: z.infer<typeof Grants>) =>
  grants.map((g) => ({ role: g.role, departmentId: g.role === 'department_member' ? (g.department ?? null) : null }));

const refused = (
  c: Context,
  field: string,
  code: 'role_required' | 'unknown_department' | 'invalid_email' | 'required',
) => invalidFields(c, [{ field, code }]);

async function answerChange(c: Context, organisationId: string, id: string, result: ChangeResult): Promise<Response> {
  switch (result.kind) {
    case 'changed': {
      const found = (await listColleagues(c.get('db'), organisationId)).find((p) => p.id === id)!;
      return c.json(colleagueJson(found), 200);
    }
    case 'not_found':
      return problem(c, 404, 'colleague_not_found');
    case 'stale':
      return problem(c, 409, 'colleague_stale');
    case 'last_administrator':
      return problem(c, 409, 'colleague_last_administrator');
    case 'invalid':
      return refused(c, 'roles', result.problem);
  }
}

export function colleaguesApi() {
  const app = staffOpenApi();

  app.openapi(listRoute, async (c) => {
    const colleagues = await listColleagues(c.get('db'), c.get('session')!.user.organisationId);
    return c.json({ colleagues: colleagues.map(colleagueJson) }, 200);
  });

  app.openapi(inviteRoute, async (c) => {
    const session = c.get('session')!;
    const body = c.req.valid('json');
    const result = await inviteColleague(c.get('db'), {
      organisationId: session.user.organisationId,
      email: body.email,
      displayName: body.name,
      roles: grantsOf(body.roles),
      invitedBy: session.user.id,
      lang: body.language,
      now: c.get('now')(),
    });
    if (result.kind === 'exists') return problem(c, 409, 'colleague_exists') as never;
    if (result.kind === 'invalid') {
      const field =
        result.problem === 'invalid_email' ? 'email' : result.problem === 'name_required' ? 'name' : 'roles';
      const code = result.problem === 'name_required' ? 'required' : result.problem;
      return refused(c, field, code) as never;
    }
    const found = (await listColleagues(c.get('db'), session.user.organisationId)).find(
      (p) => p.id === result.staffUserId,
    )!;
    return c.json(colleagueJson(found), 201);
  });

  app.openapi(rolesRoute, async (c) => {
    const session = c.get('session')!;
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const result = await setColleagueRoles(c.get('db'), {
      organisationId: session.user.organisationId,
      staffUserId: id,
      roles: grantsOf(body.roles),
      expectedVersion: body.version,
      actorId: session.user.id,
      now: c.get('now')(),
    });
    return (await answerChange(c, session.user.organisationId, id, result)) as never;
  });

  app.openapi(activeRoute, async (c) => {
    const session = c.get('session')!;
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const result = await setColleagueActive(c.get('db'), {
      organisationId: session.user.organisationId,
      staffUserId: id,
      active: body.active,
      expectedVersion: body.version,
      actorId: session.user.id,
      now: c.get('now')(),
    });
    return (await answerChange(c, session.user.organisationId, id, result)) as never;
  });

  app.openapi(resendRoute, async (c) => {
    const session = c.get('session')!;
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const result = await resendInvitation(c.get('db'), {
      organisationId: session.user.organisationId,
      staffUserId: id,
      actorId: session.user.id,
      lang: body.language,
      now: c.get('now')(),
    });
    if (result.kind === 'not_found') return problem(c, 404, 'colleague_not_found') as never;
    if (result.kind === 'not_invited') return problem(c, 409, 'colleague_not_invited') as never;
    if (result.kind === 'deactivated') return problem(c, 409, 'colleague_deactivated') as never;
    const found = (await listColleagues(c.get('db'), session.user.organisationId)).find((p) => p.id === id)!;
    return c.json(colleagueJson(found), 200);
  });

  return app;
}
