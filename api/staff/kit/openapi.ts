/**
 * The staff JSON API in the OpenAPI document (`/api/openapi.json`): how a caller proves who
 * they are (a personal API key as a bearer token, or the workbench's session cookie with
 * its CSRF token), and one way to declare a staff operation so that it is guarded, described
 * and refused alike everywhere.
 *
 * `staffRoute(permission, …)` makes a `createRoute` config whose middleware is
 * `requireStaff(permission)`, marked with both security schemes, the permission in
 * `x-podium-permission` (and, in words, in its description with the roles that have it),
 * and the 401 and 403 problem answers. `documentStaffRoute` describes a route that is still
 * plain Hono (its handler validates with the same zod schema the document shows).
 */
import { createRoute, OpenAPIHono, z, type RouteConfig } from '@hono/zod-openapi';
import { InputText } from '../../../shared/contracts/input-text.ts';
import { Problem, type LocalizedText } from '../../../shared/contracts/public-content.ts';
import { problem, validationHook } from '../../http/problem.ts';
import type { MessageCode } from '../../messages/texts.ts';
import { can, STAFF_ROLES, type Permission } from '../../services/auth/roles.ts';
import type { Context } from 'hono';
import { requireStaff, type StaffEnv } from './guards.ts';

export const problemContent = { 'application/problem+json': { schema: Problem } };

/** The security schemes of the staff API, by name. */
export const STAFF_SECURITY_SCHEMES = {
  staffKey: {
    type: 'http',
    scheme: 'bearer',
    description:
      'A personal API key, made by a staff member at /beheer/api-sleutels (/en/manage/api-keys): ' +
      '`Authorization: Bearer podium_…`. It acts as that person with their roles at the moment of the ' +
      'request, needs no CSRF token, and is refused with 401 when unknown, expired, revoked or when its ' +
      'owner is deactivated.',
  },
  staffSession: {
    type: 'apiKey',
    in: 'cookie',
    name: 'podium_session',
    description:
      'The workbench session cookie (`__Host-podium_session` over HTTPS). Unsafe requests also send the ' +
      'session\'s CSRF token in `X-CSRF-Token` (staff pages print it in `<meta name="csrf-token">`).',
  },
} as const;

const STAFF_SECURITY: Array<Record<string, string[]>> = [{ staffKey: [] }, { staffSession: [] }];

/** The tag groups of the staff API, with what they are for: the document lists them in this order. */
export const STAFF_TAGS = {
  queue: { name: 'Staff: queue', description: 'The moderation queue: list, one item, decide, assign, answer, note.' },
  threads: {
    name: 'Staff: threads',
    description: 'Mirrored social-media threads: import, re-sync, remove, describe media.',
  },
  consultations: {
    name: 'Staff: consultations',
    description: 'Consultation authoring, lifecycle and outcome, and the topics they are filed under.',
  },
  announcements: {
    name: 'Staff: announcements',
    description: 'Announcements: where staff posted one by hand on X, Facebook or Instagram.',
  },
  privacy: { name: 'Staff: privacy', description: "Residents' privacy requests: search, export, erase." },
  colleagues: { name: 'Staff: colleagues', description: 'Staff accounts: list, invite, roles, deactivate.' },
  socialAccounts: {
    name: 'Staff: social accounts',
    description:
      "Listening per connected social-media account: the hashtags and keywords of the municipality's topics.",
  },
  embedding: { name: 'Staff: embedding', description: 'The web addresses (origins) that may embed widgets.' },
  webcare: {
    name: 'Staff: webcare',
    description: 'Reply templates and the routing rules that assign new items by topic and channel.',
  },
  calendar: {
    name: 'Staff: office calendar',
    description: 'Opening hours, holidays, extra closed days and each channel’s response promise.',
  },
  signIn: {
    name: 'Staff: sign-in',
    description:
      'Which identity-provider groups give which role, requiring two-step verification, resetting a colleague’s.',
  },
  settings: {
    name: 'Staff: settings',
    description:
      'What administrators set for the organisation: channel guidelines, house rules, the accessibility statement.',
  },
  organisation: {
    name: 'Staff: organisation',
    description: "The organisation's name, logo and settings for mirrored threads, and its departments.",
  },
  workbench: {
    name: 'Staff: workbench',
    description: "What the workbench's own pages call: presence, new items, readability.",
  },
} as const;

/** The roles that have a permission, for the words of the document. */
export function rolesWith(permission: Permission): string[] {
  return STAFF_ROLES.filter((role) => can([{ role, departmentId: null }], permission));
}

function staffOperation<R extends RouteConfig>(permission: Permission, route: R) {
  const needs = `Needs the permission \`${permission}\` (roles: ${rolesWith(permission).join(', ')}).`;
  return {
    ...route,
    description: route.description ? `${route.description}\n\n${needs}` : needs,
    security: STAFF_SECURITY,
    'x-podium-permission': permission,
    responses: {
      ...route.responses,
      401: { description: 'No session, or an unknown, expired or revoked key', content: problemContent },
      403: {
        description: 'A role without the permission (or, with the cookie, no CSRF token)',
        content: problemContent,
      },
    },
  };
}

/**
 * A staff operation: guarded by `requireStaff(permission)` before its input is validated, so
 * an anonymous or unauthorised caller learns nothing about the input it would need.
 *
 * @example
 * const listRoute = staffRoute('queue.read', { method: 'get', path: '/api/staff/queue', tags: [STAFF_TAGS.queue.name], … })
 * app.openapi(listRoute, async (c) => c.json(…))
 */
export function staffRoute<R extends RouteConfig>(permission: Permission, route: R) {
  return createRoute({ ...staffOperation(permission, route), middleware: [requireStaff(permission)] as const });
}

/** Describes a staff route that is still plain Hono, from the zod schemas its handler validates with. */
export function documentStaffRoute(
  registry: OpenAPIHono['openAPIRegistry'],
  permission: Permission,
  route: RouteConfig,
): void {
  registry.registerPath(staffOperation(permission, route));
}

/** An OpenAPIHono for staff routes: refused input answers as every other API error (422 problem+json). */
export function staffOpenApi(): OpenAPIHono<StaffEnv> {
  const app = new OpenAPIHono<StaffEnv>({ defaultHook: validationHook });
  for (const [name, scheme] of Object.entries(STAFF_SECURITY_SCHEMES)) {
    app.openAPIRegistry.registerComponent('securitySchemes', name, scheme);
  }
  return app;
}

/** A uuid in a path, as the staff API names items, threads and people. */
export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

/** A JSON request body or answer of one zod schema. */
export const jsonContent = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ required: true, content: jsonContent(schema) });

/** The version a caller read, in the body of a save. */
export const Version = z.number().int().min(1).max(999_999_999);
/** The version a caller read, in the query of a DELETE. */
export const VersionQuery = z.object({
  version: InputText.regex(/^\d{1,9}$/).openapi({ description: 'The version you read' }),
});

/** A text in Dutch (required) and English (empty or left out: none), each at most `max` characters. */
export const LocalizedInput = (max: number) =>
  z
    .object({
      nl: InputText.trim().min(1).max(max),
      en: InputText.trim().max(max).optional().openapi({ description: 'Empty or left out: none' }),
    })
    .strict();

/** A LocalizedInput as it is stored: without an empty English text. */
export const localized = (text: { nl: string; en?: string | undefined }): LocalizedText =>
  text.en ? { nl: text.nl, en: text.en } : { nl: text.nl };

/** Who saves and when, as the settings services take it (`organisationId`, `actorId`, `now`). */
export function settingsCaller(c: Context<StaffEnv>) {
  const session = c.get('session')!;
  return { organisationId: session.user.organisationId, actorId: session.user.id, now: c.get('now')() };
}

/** A save on an older version: 409, with the version now and who changed what since (sentences of the page). */
export function staleProblem(c: Context, title: MessageCode, version: number, changes: readonly string[]): Response {
  return problem(c, 409, title, {
    detail: 'changed_since_detail',
    detailParams: { version, changes: changes.join(' ') },
  });
}
