/**
 * Every staff operation in /api/openapi.json, tried as a script would: anonymously (401), with
 * a key that is not valid (401), and with a personal API key of every role (403 exactly for the
 * roles the role table says may not use it). The document and the role table must name the same
 * /api/staff operations with the same permission, so neither can leave one out.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { can, STAFF_ROLES, type StaffRole } from '../../../api/services/auth/roles.ts';
import { openTestApp, type TestApp } from '../../support/app.ts';
import { databaseTargets } from '../../support/databases.ts';
import { addStaffUser, apiKeyFor, withKey } from '../../support/staff.ts';
import { ROUTES } from './role-table.ts';

type Operation = {
  security?: Array<Record<string, string[]>>;
  tags?: string[];
  description?: string;
  'x-podium-permission'?: string;
  requestBody?: unknown;
};
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes?: Record<string, { type: string; scheme?: string; in?: string }> };
};

/** `/api/staff/items/{id}` → `/api/staff/items/:id`, as Hono and the role table write it. */
const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');
const concrete = (path: string) => path.replace(/\{slug\}/g, 'no-such-slug').replace(/\{\w+\}/g, () => randomUUID());

function call(t: TestApp, method: string, path: string, key?: string): Promise<Response> | Response {
  const body = method === 'post' || method === 'put' ? {} : undefined;
  if (key) return withKey(t, key, method.toUpperCase(), concrete(path), body);
  return t.app.request(concrete(path), {
    method: method.toUpperCase(),
    ...(body ? { headers: { 'Content-Type': 'application/json' }, body: '{}' } : {}),
  });
}

for (const target of databaseTargets()) {
  describe(`the staff API in the OpenAPI document, as every role with a key (${target.name})`, () => {
    let t: TestApp;
    let document: Document;
    const keys = new Map<StaffRole, string>();
    const operations: Array<{ method: string; path: string; op: Operation }> = [];

    before(async () => {
      t = await openTestApp(target);
      for (const role of STAFF_ROLES) {
        const id = await addStaffUser(
          t,
          `${role.replaceAll('_', '-')}@openapi-test.example`,
          role,
          role === 'department_member' ? { department: 'verkeer' } : {},
        );
        keys.set(role, await apiKeyFor(t, id));
      }
      document = (await (await t.app.request('/api/openapi.json')).json()) as Document;
      for (const [path, item] of Object.entries(document.paths)) {
        if (!path.startsWith('/api/staff/')) continue;
        for (const [method, op] of Object.entries(item)) operations.push({ method, path, op });
      }
    });
    after(() => t.close());

    it('describes a bearer key and the session cookie as security schemes', () => {
      const schemes = document.components.securitySchemes ?? {};
      assert.deepEqual(schemes.staffKey && { type: schemes.staffKey.type, scheme: schemes.staffKey.scheme }, {
        type: 'http',
        scheme: 'bearer',
      });
      assert.equal(schemes.staffSession?.type, 'apiKey');
      assert.equal(schemes.staffSession?.in, 'cookie');
    });

    it('marks every staff operation with both schemes, its permission and a staff tag', () => {
      assert.ok(operations.length >= 30, `only ${operations.length} staff operations`);
      for (const { method, path, op } of operations) {
        const where = `${method.toUpperCase()} ${path}`;
        assert.deepEqual(op.security, [{ staffKey: [] }, { staffSession: [] }], where);
        assert.ok(op['x-podium-permission'], `${where} names no permission`);
        assert.ok(op.description?.includes(`\`${op['x-podium-permission']}\``), `${where} does not say its permission`);
        assert.ok(
          op.tags?.some((tag) => tag.startsWith('Staff: ')),
          `${where} has no staff tag`,
        );
      }
    });

    it('documents every /api/staff route of the role table with its permission, and no other', () => {
      const documented = new Map(
        operations.map(({ method, path, op }) => [
          `${method.toUpperCase()} ${honoPath(path)}`,
          op['x-podium-permission'],
        ]),
      );
      const inTable = Object.entries(ROUTES).filter(([key]) => key.split(' ')[1]!.startsWith('/api/staff/'));
      assert.deepEqual(
        inTable.filter(([key]) => !documented.has(key)).map(([key]) => key),
        [],
        'staff API routes missing from the document',
      );
      assert.deepEqual(
        [...documented.keys()].filter((key) => !(key in ROUTES)),
        [],
        'documented operations missing from the role table',
      );
      for (const [key, access] of inTable) assert.equal(documented.get(key), access, `${key}: permission differs`);
    });

    it('refuses every staff operation to an anonymous caller with a 401 problem', async () => {
      const wrong: string[] = [];
      for (const { method, path } of operations) {
        const response = await call(t, method, path);
        const type = response.headers.get('Content-Type') ?? '';
        if (response.status !== 401 || !type.startsWith('application/problem+json'))
          wrong.push(`${method} ${path}: ${response.status} ${type}`);
      }
      assert.deepEqual(wrong, []);
    });

    it('refuses every staff operation with a key Podium never made, with a 401 problem that says so', async () => {
      const wrong: string[] = [];
      for (const { method, path } of operations) {
        const response = await call(t, method, path, `podium_${'x'.repeat(43)}`);
        const body = (await response.json()) as { type?: string };
        if (response.status !== 401 || !body.type?.endsWith('/staff-key-invalid'))
          wrong.push(`${method} ${path}: ${response.status} ${body.type}`);
        assert.match(response.headers.get('WWW-Authenticate') ?? '', /^Bearer /);
      }
      assert.deepEqual(wrong, []);
    });

    for (const role of STAFF_ROLES) {
      it(`refuses a ${role}'s key exactly the operations the role table keeps from that role`, async () => {
        const wrong: string[] = [];
        for (const { method, path, op } of operations) {
          const permission = ROUTES[`${method.toUpperCase()} ${honoPath(path)}`];
          assert.ok(permission && permission !== 'public' && permission !== 'session');
          const allowed = can([{ role, departmentId: null }], permission);
          const response = await call(t, method, path, keys.get(role));
          const status = response.status;
          if (allowed ? [401, 403].includes(status) : status !== 403) {
            wrong.push(`${method} ${path} (${op['x-podium-permission']}): ${status}`);
          }
        }
        assert.deepEqual(wrong, [], `${role}: ${wrong.length} operations answered wrongly`);
      });
    }
  });
}
