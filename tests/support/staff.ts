/** Staff accounts and log-in for API tests. */
import { eq } from 'drizzle-orm';
import { departments, organisations, staffUsers } from '../../api/db/schema.ts';
import { createApiKey } from '../../api/services/auth/api-keys.ts';
import { can, STAFF_ROLES, type Permission, type StaffRole } from '../../api/services/auth/roles.ts';
import { createStaffUser } from '../../api/services/auth/users.ts';
import { NOW, postForm, type TestApp } from './app.ts';

export const STAFF_PASSWORD = 'correct horse battery staple';
/** The origin `app.request()` uses for relative URLs; same-origin form posts send it. */
export const ORIGIN = 'http://localhost';

export async function addStaffUser(
  t: Pick<TestApp, 'db'>,
  email: string,
  role: StaffRole,
  options: { department?: string } = {},
): Promise<string> {
  const [org] = await t.db.select().from(organisations).where(eq(organisations.slug, 'demodam'));
  let departmentId: string | null = null;
  if (options.department) {
    const [department] = await t.db.select().from(departments).where(eq(departments.slug, options.department));
    departmentId = department?.id ?? null;
  }
  const result = await createStaffUser(t.db, {
    organisationId: org!.id,
    email,
    displayName: email.split('@')[0]!,
    password: STAFF_PASSWORD,
    roles: [{ role, departmentId }],
  });
  if (result.kind !== 'created') throw new Error(`Could not create ${email}: ${result.kind}`);
  return result.user.id;
}

export function staffPost(t: Pick<TestApp, 'app'>, path: string, fields: Array<[string, string]>, cookie?: string) {
  return postForm(t.app, path, fields, { Origin: ORIGIN, ...(cookie ? { Cookie: cookie } : {}) });
}

/** Logs in and returns the cookie to send and the CSRF token from the queue page. */
export async function logIn(t: Pick<TestApp, 'app'>, email: string): Promise<{ cookie: string; csrf: string }> {
  const response = await staffPost(t, '/beheer/inloggen', [
    ['email', email],
    ['password', STAFF_PASSWORD],
  ]);
  if (response.status !== 303) throw new Error(`Log-in failed with ${response.status}`);
  const cookie = (response.headers.get('Set-Cookie') ?? '').split(';')[0]!;
  let page = await t.app.request('/beheer/', { headers: { Cookie: cookie } });
  // Roles without a queue (analysts) are sent on to the page their role is for.
  const elsewhere = page.status === 303 ? page.headers.get('Location') : null;
  if (elsewhere) page = await t.app.request(elsewhere, { headers: { Cookie: cookie } });
  const csrf = (await page.text()).match(/name="csrf" value="([^"]+)"/)?.[1];
  if (!csrf) throw new Error('No CSRF token on the queue page');
  return { cookie, csrf };
}

/**
 * Sends an item's one form (`/beheer/items/<id>`: decision, assignment, sentiment, answer
 * and note in one save) as a staff member would from the item's page: the version is the
 * one the page shows now.
 */
export async function saveItemForm(
  t: Pick<TestApp, 'app'>,
  who: { cookie: string; csrf: string },
  id: string,
  fields: Array<[string, string]>,
) {
  const page = await t.app.request(`/beheer/items/${id}`, { headers: { Cookie: who.cookie } });
  const version = /<input type="hidden" name="version" value="(\d+)">/.exec(await page.text())?.[1] ?? '1';
  return staffPost(t, `/beheer/items/${id}`, [['csrf', who.csrf], ['version', version], ...fields], who.cookie);
}

/** A personal API key for a staff member, made through the service as the keys page makes it. */
export async function apiKeyFor(
  t: Pick<TestApp, 'db'>,
  staffUserId: string,
  options: { days?: number; now?: Date } = {},
): Promise<string> {
  const [user] = await t.db.select().from(staffUsers).where(eq(staffUsers.id, staffUserId));
  const made = await createApiKey(t.db, {
    owner: { id: user!.id, organisationId: user!.organisationId },
    name: 'test script',
    days: options.days ?? 90,
    now: options.now ?? NOW,
  });
  if (made.kind !== 'created') throw new Error(`Could not make a key: ${made.problem}`);
  return made.token;
}

/** A JSON request to the staff API with a key: no cookie, no CSRF token, no Origin, as a script sends it. */
export function withKey(
  t: Pick<TestApp, 'app'>,
  key: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> | Response {
  return t.app.request(path, {
    method,
    headers: {
      Authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/**
 * A personal API key for a new colleague of each role that lacks `permission` (their e-mail
 * addresses start with `prefix`), to try an operation as every role that may not use it.
 */
export async function keysWithout(t: TestApp, permission: Permission, prefix: string): Promise<Map<StaffRole, string>> {
  const keys = new Map<StaffRole, string>();
  for (const role of STAFF_ROLES.filter((r) => !can([{ role: r, departmentId: null }], permission))) {
    const id = await addStaffUser(
      t,
      `${prefix}-${role.replaceAll('_', '-')}@keys.example`,
      role,
      role === 'department_member' ? { department: 'verkeer' } : {},
    );
    keys.set(role, await apiKeyFor(t, id));
  }
  return keys;
}

/**
 * The statuses a staff operation answers anonymously and with each key of `keys`, by caller:
 * `{ anonymous: 401, moderator: 403, … }` when it is refused as it should be.
 */
export async function refusals(
  t: TestApp,
  keys: ReadonlyMap<StaffRole, string>,
  method: string,
  path: string,
  body?: unknown,
): Promise<Record<string, number>> {
  const anonymous = await t.app.request(path, {
    method,
    ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const statuses: Record<string, number> = { anonymous: anonymous.status };
  for (const [role, key] of keys) statuses[role] = (await withKey(t, key, method, path, body)).status;
  return statuses;
}

/** What `refusals` answers for an operation only others may use: 401 anonymously, 403 for each key. */
export function refusedToAll(keys: ReadonlyMap<StaffRole, string>): Record<string, number> {
  return { anonymous: 401, ...Object.fromEntries([...keys.keys()].map((role) => [role, 403])) };
}
