/**
 * Which identity-provider groups give which role, as JSON (api/staff/sign-in/api.ts): the
 * whole mapping read and replaced on the version seen through the page's service, so a save
 * is the one log-ins use and is audited as the page's; a stale save names who saved since;
 * rows the page would refuse are refused per row; only administrators.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditLog, departments, organisations } from '../../../../api/db/schema.ts';
import type { StaffRole } from '../../../../api/services/auth/roles.ts';
import { rolesForClaims } from '../../../../api/services/auth/sso-mappings.ts';
import { openTestApp, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, apiKeyFor, keysWithout, refusedToAll, refusals, withKey } from '../../../support/staff.ts';

type Mapping = { version: number; rows: Array<{ claim: string; role: string; departmentId: string | null }> };
type Refused = { title: string; detail?: string; errors?: Array<{ field: string; message: string }> };

const PATH = '/api/staff/sign-in/role-mappings';

for (const target of databaseTargets()) {
  describe(`the identity provider's role mapping as JSON (${target.name})`, () => {
    let t: TestApp;
    let key: string;
    let colleagueKey: string;
    let others: Map<StaffRole, string>;
    let orgId: string;
    let traffic: string;

    before(async () => {
      t = await openTestApp(target);
      key = await apiKeyFor(t, await addStaffUser(t, 'admin@sso-api.example', 'administrator'));
      colleagueKey = await apiKeyFor(t, await addStaffUser(t, 'anna@sso-api.example', 'administrator'));
      others = await keysWithout(t, 'admin', 'sso-api');
      const [org] = await t.db.select().from(organisations).where(eq(organisations.slug, 'demodam'));
      orgId = org!.id;
      const [department] = await t.db.select().from(departments).where(eq(departments.slug, 'verkeer'));
      traffic = department!.id;
    });
    after(() => t.close());

    const read = async () => (await (await withKey(t, key, 'GET', PATH)).json()) as Mapping;
    const save = async (body: unknown, who = key, lang = 'nl') => {
      const answer = await withKey(t, who, 'PUT', PATH, body, { 'Accept-Language': lang });
      return { status: answer.status, body: (await answer.json()) as Mapping & Refused };
    };

    it('replaces the whole mapping on the version seen, which log-ins then use, audited', async () => {
      const before = await read();
      assert.deepEqual(before.rows, []);
      const saved = await save({
        version: before.version,
        rows: [
          { claim: ' podium-beheer ', role: 'administrator', departmentId: null },
          { claim: 'team-verkeer', role: 'department_member', departmentId: traffic },
        ],
      });
      assert.equal(saved.status, 200);
      assert.equal(saved.body.version, before.version + 1);
      assert.deepEqual(
        saved.body.rows.map((row) => row.claim),
        ['podium-beheer', 'team-verkeer'],
      );
      assert.deepEqual(await rolesForClaims(t.db, orgId, ['team-verkeer']), [
        { role: 'department_member', departmentId: traffic },
      ]);
      const entries = await t.db.select().from(auditLog).where(eq(auditLog.action, 'sso_mapping.changed'));
      assert.equal(entries.length, 1);

      const emptied = await save({ version: saved.body.version, rows: [] });
      assert.equal(emptied.status, 200);
      assert.deepEqual(emptied.body.rows, []);
      assert.deepEqual(await rolesForClaims(t.db, orgId, ['podium-beheer']), []);
    });

    it('refuses a save on an older version, naming who saved since, and keeps the newer mapping', async () => {
      const seen = await read();
      const first = await save(
        { version: seen.version, rows: [{ claim: 'podium-webcare', role: 'webcare', departmentId: null }] },
        colleagueKey,
      );
      assert.equal(first.status, 200);
      const stale = await save({ version: seen.version, rows: [] }, key, 'en');
      assert.equal(stale.status, 409);
      assert.match(stale.body.title, /A colleague has changed which groups give which roles/);
      assert.match(stale.body.detail!, new RegExp(`version ${seen.version + 1}\\. Saved by: anna`));
      assert.deepEqual(
        (await read()).rows.map((row) => row.claim),
        ['podium-webcare'],
      );
    });

    it('refuses rows the page would refuse, per row, in the caller’s language', async () => {
      const { version } = await read();
      const row = { claim: 'groep', role: 'moderator', departmentId: null };
      const cases: Array<[unknown, string, RegExp]> = [
        [
          { version, rows: [row, { ...row, role: 'department_member' }] },
          'rows.1.departmentId',
          /Choose the department/,
        ],
        [{ version, rows: [{ ...row, departmentId: traffic }] }, 'rows.0.departmentId', /Only a department member/],
        [
          {
            version,
            rows: [{ ...row, role: 'department_member', departmentId: '00000000-0000-4000-8000-000000000000' }],
          },
          'rows',
          /department does not exist/,
        ],
        [{ version, rows: [{ ...row, claim: '  ' }] }, 'rows.0.claim', /fill this in/],
        [{ version, rows: [{ ...row, claim: 'x'.repeat(257) }] }, 'rows.0.claim', /at most 256 characters/],
        [{ version, rows: [{ ...row, role: 'mayor' }] }, 'rows.0.role', /.+/],
        [
          { version, rows: Array.from({ length: 201 }, (_, i) => ({ ...row, claim: `g${i}` })) },
          'rows',
          /too many rows/,
        ],
        [{ version, rows: [{ ...row, extra: true }] }, 'rows.0', /.+/],
        [{ rows: [] }, 'version', /fill this in/],
      ];
      for (const [input, field, message] of cases) {
        const answer = await save(input, key, 'en');
        assert.equal(answer.status, 422, JSON.stringify(input).slice(0, 200));
        assert.equal(answer.body.errors?.[0]?.field, field, JSON.stringify(input).slice(0, 200));
        assert.match(answer.body.errors![0]!.message, message, JSON.stringify(input).slice(0, 200));
      }
      assert.equal((await read()).version, version, 'nothing was saved');
    });

    it('refuses both operations anonymously (401) and to every role but administrators (403)', async () => {
      const { version } = await read();
      for (const [method, body] of [
        ['GET', undefined],
        ['PUT', { version, rows: [] }],
      ] as const) {
        assert.deepEqual(await refusals(t, others, method, PATH, body), refusedToAll(others), method);
      }
      assert.equal((await read()).version, version, 'nothing was saved');
    });
  });
}
