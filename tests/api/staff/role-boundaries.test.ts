/**
 * Every staff endpoint against every role and against anonymous requests. The role table
 * (./role-table.ts) names what each route needs; the first test fails when a staff route
 * exists that the table does not name, so a new endpoint cannot skip this check.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { can, STAFF_ROLES, type StaffRole } from '../../../api/services/auth/roles.ts';
import { openTestApp, type TestApp } from '../../support/app.ts';
import { databaseTargets } from '../../support/databases.ts';
import { addStaffUser, logIn, ORIGIN } from '../../support/staff.ts';
import { ROUTES } from './role-table.ts';

const STAFF_PATH = /^\/(?:beheer|en\/manage|api\/staff)(?:\/|$)/;

/** A concrete path for a route pattern: parameters become ids that exist nowhere. */
function concrete(pattern: string): string {
  return pattern.replace(/:(\w+)(\{[^}]*\})?/g, () => randomUUID());
}

type Caller = { cookie: string; csrf: string };

async function call(t: TestApp, method: string, path: string, caller?: Caller): Promise<Response> {
  const headers: Record<string, string> = { Origin: ORIGIN };
  if (caller) {
    headers.Cookie = caller.cookie;
    headers['X-CSRF-Token'] = caller.csrf;
  }
  if (method === 'GET' || method === 'HEAD') return t.app.request(path, { method, headers });
  const isApi = path.startsWith('/api/');
  return t.app.request(path, {
    method,
    headers: { ...headers, 'Content-Type': isApi ? 'application/json' : 'application/x-www-form-urlencoded' },
    body: isApi ? '{}' : new URLSearchParams(caller ? [['csrf', caller.csrf]] : []).toString(),
  });
}

/** Refused for want of a session: a 401 (API and form posts) or a redirect to the log-in page. */
function isLoginRefusal(response: Response): boolean {
  if (response.status === 401) return true;
  const location = response.headers.get('Location') ?? '';
  return response.status === 303 && /\/(?:beheer\/inloggen|en\/manage\/login)/.test(location);
}

for (const target of databaseTargets()) {
  describe(`staff role boundaries (${target.name})`, () => {
    let t: TestApp;
    const callers = new Map<StaffRole, Caller>();
    before(async () => {
      t = await openTestApp(target);
      for (const role of STAFF_ROLES) {
        const email = `${role.replaceAll('_', '-')}@role-test.example`;
        await addStaffUser(t, email, role, role === 'department_member' ? { department: 'verkeer' } : {});
        callers.set(role, await logIn(t, email));
      }
    });
    after(() => t.close());

    it('names every staff route in the access table, and no route that does not exist', () => {
      const registered = new Set(
        t.app.routes
          .filter((route) => route.method !== 'ALL' && STAFF_PATH.test(route.path))
          .map((route) => `${route.method} ${route.path}`),
      );
      assert.deepEqual(
        [...registered].filter((key) => !(key in ROUTES)),
        [],
        'routes missing from the table',
      );
      assert.deepEqual(
        Object.keys(ROUTES).filter((key) => !registered.has(key)),
        [],
        'table entries without a route',
      );
    });

    for (const [key, access] of Object.entries(ROUTES)) {
      if (access === 'public') continue;
      const [method, pattern] = key.split(' ') as [string, string];

      it(`refuses an anonymous ${key}`, async () => {
        const response = await call(t, method, concrete(pattern));
        assert.ok(isLoginRefusal(response), `${key} answered ${response.status} to an anonymous request`);
      });

      if (access === 'session') continue;
      for (const role of STAFF_ROLES) {
        const allowed = can([{ role, departmentId: null }], access);
        it(`${allowed ? 'lets' : 'refuses'} a ${role} ${allowed ? 'use' : ''} ${key}`.replace('  ', ' '), async () => {
          const response = await call(t, method, concrete(pattern), callers.get(role));
          if (allowed) {
            assert.ok(![401, 403].includes(response.status), `${key} refused a ${role}: ${response.status}`);
          } else {
            assert.equal(response.status, 403, `${key} answered ${response.status} to a ${role}`);
          }
        });
      }
    }
  });
}
