/**
 * Every staff endpoint against every role and against anonymous requests. The table
 * below names what each route needs; the first test fails when a staff route exists that
 * the table does not name, so a new endpoint cannot skip this check.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { can, STAFF_ROLES, type Permission, type StaffRole } from '../../../api/services/auth/roles.ts';
import { openTestApp, type TestApp } from '../../support/app.ts';
import { databaseTargets } from '../../support/databases.ts';
import { addStaffUser, logIn, ORIGIN } from '../../support/staff.ts';

/**
 * What a route asks of its caller:
 * - `public`: anyone (log-in page, assets, redirects to the address with a slash);
 * - `session`: any logged-in staff member (log-out, extending a session, the landing page);
 * - a permission from api/services/auth/roles.ts.
 */
type Access = 'public' | 'session' | Permission;

const ROUTES: Record<string, Access> = {
  'GET /beheer/assets/staff.css': 'public',
  'GET /beheer/assets/session.js': 'public',
  'GET /beheer': 'public',
  'GET /en/manage': 'public',
  'GET /beheer/inloggen': 'public',
  'POST /beheer/inloggen': 'public',
  'GET /en/manage/login': 'public',
  'POST /en/manage/login': 'public',
  'POST /beheer/uitloggen': 'session',
  'POST /beheer/sessie/verlengen': 'session',
  'GET /beheer/': 'session',
  'GET /en/manage/': 'session',
  'POST /beheer/items/:id/decision': 'queue.decide',
  'POST /beheer/items/:id/sentiment': 'queue.decide',
  'POST /beheer/items/decision': 'queue.decide',
  // webcare (api/routes/webcare.ts)
  'GET /beheer/assets/readability.js': 'public',
  'GET /beheer/assets/shortcuts.js': 'public',
  'POST /api/staff/readability': 'queue.read',
  'POST /beheer/items/:id/toewijzing': 'queue.assign',
  'GET /beheer/items/:id/antwoord': 'queue.answer',
  'GET /en/manage/items/:id/answer': 'queue.answer',
  'POST /beheer/items/:id/antwoord': 'queue.answer',
  'GET /beheer/te-laat': 'queue.read',
  'GET /en/manage/overdue': 'queue.read',
  'GET /beheer/sjablonen': 'admin',
  'GET /en/manage/templates': 'admin',
  'POST /beheer/sjablonen': 'admin',
  'POST /beheer/sjablonen/:id/verwijderen': 'admin',
  'GET /beheer/routering': 'admin',
  'GET /en/manage/routing': 'admin',
  'POST /beheer/routering': 'admin',
  'POST /beheer/routering/:id/verwijderen': 'admin',
  'GET /beheer/consultaties': 'queue.read',
  'GET /en/manage/consultations': 'queue.read',
  'GET /beheer/consultaties/:slug': 'queue.read',
  'GET /en/manage/consultations/:slug': 'queue.read',
  'GET /beheer/sneltoetsen': 'queue.read',
  'GET /en/manage/shortcuts': 'queue.read',
  // insights and the audit log (api/routes/insights.ts, api/routes/audit.ts)
  'GET /beheer/inzichten': 'public',
  'GET /en/manage/insights': 'public',
  'GET /beheer/inzichten/': 'insights.read',
  'GET /en/manage/insights/': 'insights.read',
  'GET /beheer/inzichten/export/:file': 'insights.read',
  'GET /en/manage/insights/export/:file': 'insights.read',
  'GET /beheer/audit': 'public',
  'GET /en/manage/audit': 'public',
  'GET /beheer/audit/': 'admin',
  'GET /en/manage/audit/': 'admin',
  'GET /beheer/audit/export.csv': 'admin',
  'GET /beheer/audit/export.json': 'admin',
  'GET /en/manage/audit/export.csv': 'admin',
  'GET /en/manage/audit/export.json': 'admin',
  // mirrored threads (api/routes/staff-threads.ts)
  'GET /api/staff/threads': 'threads.manage',
  'POST /api/staff/threads': 'threads.manage',
  'POST /api/staff/threads/:id/sync': 'threads.manage',
  'DELETE /api/staff/threads/:id': 'threads.manage',
  'PUT /api/staff/threads/:id/media-descriptions': 'threads.manage',
  // privacy requests and retention (api/routes/staff-privacy.ts)
  'GET /beheer/privacy': 'privacy',
  'GET /en/manage/privacy': 'privacy',
  'GET /beheer/privacy/bewaartermijnen': 'privacy',
  'GET /en/manage/privacy/retention': 'privacy',
  'POST /beheer/privacy/zoeken': 'privacy',
  'POST /beheer/privacy/export': 'privacy',
  'POST /beheer/privacy/verwijderen': 'privacy',
  'POST /beheer/privacy/bewaartermijnen': 'privacy',
};

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
