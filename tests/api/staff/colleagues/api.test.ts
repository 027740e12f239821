/**
 * Colleagues as JSON (api/staff/colleagues/api.ts) with an administrator's key: invite, change
 * roles and deactivate on the version seen (the deactivated colleague's keys stop), the last
 * administrator kept; bad input refused by field.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { outboxMessages, staffUsers } from '../../../../api/db/schema.ts';
import { NOW, openTestApp, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, apiKeyFor, withKey } from '../../../support/staff.ts';

type Colleague = { id: string; version: number; active: boolean; invited: boolean; roles: Array<{ role: string }> };

for (const target of databaseTargets()) {
  describe(`colleagues as JSON with a key (${target.name})`, () => {
    let t: TestApp;
    let key: string;
    let adminId: string;
    let clock = NOW;
    before(async () => {
      t = await openTestApp(target, { now: () => clock });
      adminId = await addStaffUser(t, 'admin@colleagues-api.example', 'administrator');
      key = await apiKeyFor(t, adminId);
    });
    after(() => t.close());

    it('invites a colleague, changes their roles and deactivates them, whose key then stops', async () => {
      const outboxBefore = (await t.db.select().from(outboxMessages)).length;
      const invited = await withKey(t, key, 'POST', '/api/staff/colleagues', {
        email: 'nieuw@colleagues-api.example',
        name: 'Nieuwe Collega',
        roles: [{ role: 'webcare' }],
        language: 'nl',
      });
      assert.equal(invited.status, 201);
      const person = (await invited.json()) as Colleague;
      assert.equal(person.invited, true);
      assert.equal((await t.db.select().from(outboxMessages)).length, outboxBefore + 1, 'the invitation is mailed');

      const changed = await withKey(t, key, 'PUT', `/api/staff/colleagues/${person.id}/roles`, {
        version: person.version,
        roles: [{ role: 'moderator' }],
      });
      assert.equal(changed.status, 200);
      const afterRoles = (await changed.json()) as Colleague;
      assert.deepEqual(
        afterRoles.roles.map((g) => g.role),
        ['moderator'],
      );
      const stale = await withKey(t, key, 'PUT', `/api/staff/colleagues/${person.id}/active`, {
        version: person.version,
        active: false,
      });
      assert.equal(stale.status, 409);

      await t.db.update(staffUsers).set({ passwordHash: 'x' }).where(eq(staffUsers.id, person.id));
      const theirKey = await apiKeyFor(t, person.id);
      assert.equal((await withKey(t, theirKey, 'GET', '/api/staff/queue')).status, 200);
      const off = await withKey(t, key, 'PUT', `/api/staff/colleagues/${person.id}/active`, {
        version: afterRoles.version,
        active: false,
      });
      assert.equal(off.status, 200);
      assert.equal(((await off.json()) as Colleague).active, false);
      assert.equal((await withKey(t, theirKey, 'GET', '/api/staff/queue')).status, 401);

      const list = (await (await withKey(t, key, 'GET', '/api/staff/colleagues')).json()) as {
        colleagues: Colleague[];
      };
      assert.ok(list.colleagues.some((c) => c.id === person.id && !c.active));
    });

    it('sends an invitation again in the language asked, while the colleague has no password', async () => {
      const invited = await withKey(t, key, 'POST', '/api/staff/colleagues', {
        email: 'opnieuw@colleagues-api.example',
        name: 'Opnieuw Uitgenodigd',
        roles: [{ role: 'analyst' }],
        language: 'nl',
      });
      const person = (await invited.json()) as Colleague;
      const mails = () =>
        t.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, 'opnieuw@colleagues-api.example'));
      clock = new Date(NOW.getTime() + 30_000);
      const resent = await withKey(t, key, 'POST', `/api/staff/colleagues/${person.id}/invitation`, { language: 'en' });
      assert.equal(resent.status, 200);
      assert.equal(((await resent.json()) as Colleague).invited, true);
      const queued = await mails();
      assert.equal(queued.length, 2);
      assert.deepEqual(queued.map((mail) => mail.locale).sort(), ['en', 'nl']);
      // Without a language: that of the previous mail (the newest, a minute later).
      clock = new Date(NOW.getTime() + 60_000);
      assert.equal((await withKey(t, key, 'POST', `/api/staff/colleagues/${person.id}/invitation`, {})).status, 200);
      assert.equal((await mails()).filter((mail) => mail.locale === 'en').length, 2);

      await t.db.update(staffUsers).set({ passwordHash: 'x' }).where(eq(staffUsers.id, person.id));
      const refused = await withKey(t, key, 'POST', `/api/staff/colleagues/${person.id}/invitation`, {});
      assert.equal(refused.status, 409);
      assert.match(((await refused.json()) as { title: string }).title, /al een wachtwoord gekozen/);
      assert.equal((await mails()).length, 3, 'no mail once a password is chosen');
      clock = NOW;
    });

    it('keeps the last active administrator', async () => {
      const list = (await (await withKey(t, key, 'GET', '/api/staff/colleagues')).json()) as {
        colleagues: Colleague[];
      };
      const admins = list.colleagues.filter((c) => c.active && c.roles.some((g) => g.role === 'administrator'));
      // The demo's own administrator is active too: switch every other administrator off first.
      for (const other of admins.filter((c) => c.id !== adminId)) {
        const off = await withKey(t, key, 'PUT', `/api/staff/colleagues/${other.id}/active`, {
          version: other.version,
          active: false,
        });
        assert.equal(off.status, 200);
      }
      const self = admins.find((c) => c.id === adminId)!;
      const response = await withKey(t, key, 'PUT', `/api/staff/colleagues/${adminId}/roles`, {
        version: self.version,
        roles: [{ role: 'analyst' }],
      });
      assert.equal(response.status, 409);
      assert.match(((await response.json()) as { title: string }).title, /laatste beheerder/);
    });

    it('refuses bad input to every colleagues operation by field, inviting no one', async () => {
      const before = (await t.db.select().from(staffUsers)).length;
      const valid = { email: 'x@colleagues-api.example', name: 'X', roles: [{ role: 'webcare' }], language: 'nl' };
      const cases: Array<[string, string, unknown, number, string]> = [
        ['POST', '/api/staff/colleagues', { ...valid, email: 'geen-adres' }, 422, 'email'],
        ['POST', '/api/staff/colleagues', { ...valid, name: '  ' }, 422, 'name'],
        ['POST', '/api/staff/colleagues', { ...valid, roles: [] }, 422, 'roles'],
        ['POST', '/api/staff/colleagues', { ...valid, roles: [{ role: 'koning' }] }, 422, 'roles.0.role'],
        [
          'POST',
          '/api/staff/colleagues',
          { ...valid, roles: [{ role: 'department_member' }] },
          422,
          'roles.0.department',
        ],
        [
          'POST',
          '/api/staff/colleagues',
          { ...valid, roles: [{ role: 'department_member', department: '00000000-0000-4000-8000-000000000000' }] },
          422,
          'roles',
        ],
        ['POST', '/api/staff/colleagues', { ...valid, language: 'fr' }, 422, 'language'],
        ['POST', '/api/staff/colleagues', { ...valid, email: 'admin@colleagues-api.example' }, 409, ''],
        ['PUT', `/api/staff/colleagues/${adminId}/roles`, { roles: [{ role: 'webcare' }] }, 422, 'version'],
        ['PUT', `/api/staff/colleagues/${adminId}/active`, { version: 1, active: 'nee' }, 422, 'active'],
        ['PUT', '/api/staff/colleagues/niemand/active', { version: 1, active: true }, 422, 'id'],
        ['POST', `/api/staff/colleagues/${adminId}/invitation`, { language: 'de' }, 422, 'language'],
        ['POST', `/api/staff/colleagues/${adminId}/invitation`, { taal: 'nl' }, 422, ''],
        ['POST', '/api/staff/colleagues/niemand/invitation', {}, 422, 'id'],
        ['POST', '/api/staff/colleagues/00000000-0000-4000-8000-000000000000/invitation', {}, 404, ''],
        ['POST', `/api/staff/colleagues/${adminId}/invitation`, {}, 409, ''],
        [
          'PUT',
          '/api/staff/colleagues/00000000-0000-4000-8000-000000000000/active',
          { version: 1, active: true },
          404,
          '',
        ],
      ];
      for (const [method, path, body, status, field] of cases) {
        const response = await withKey(t, key, method, path, body);
        assert.equal(response.status, status, `${method} ${path} ${JSON.stringify(body)}`);
        const problem = (await response.json()) as {
          title: string;
          errors?: Array<{ field: string; message: string }>;
        };
        assert.ok(problem.title);
        if (field)
          assert.ok(
            problem.errors?.some((e) => e.field === field && e.message),
            JSON.stringify(problem.errors),
          );
      }
      assert.equal((await t.db.select().from(staffUsers)).length, before, 'no one was invited');
    });
  });
}
