/**
 * The embedding origins as JSON (api/staff/embedding/api.ts) with an administrator's key:
 * list, add (checked, audited, at once in this process's CORS check), remove; bad input refused.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditLog } from '../../../../api/db/schema.ts';
import { openTestApp, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, apiKeyFor, withKey } from '../../../support/staff.ts';

for (const target of databaseTargets()) {
  describe(`embedding origins as JSON with a key (${target.name})`, () => {
    let t: TestApp;
    let key: string;
    before(async () => {
      t = await openTestApp(target);
      key = await apiKeyFor(t, await addStaffUser(t, 'admin@embed-api.example', 'administrator'));
    });
    after(() => t.close());

    it('adds an origin that then may embed, and removes it again, both audited', async () => {
      const added = await withKey(t, key, 'POST', '/api/staff/embed-origins', { origin: 'https://www.Gemeente.nl/' });
      assert.equal(added.status, 201);
      assert.equal(((await added.json()) as { added: string }).added, 'https://www.gemeente.nl');
      const again = await withKey(t, key, 'POST', '/api/staff/embed-origins', { origin: 'https://www.gemeente.nl' });
      assert.equal(again.status, 200);
      const preflight = await t.app.request('/api/consultations', { headers: { Origin: 'https://www.gemeente.nl' } });
      assert.equal(preflight.headers.get('Access-Control-Allow-Origin'), 'https://www.gemeente.nl');
      const list = (await (await withKey(t, key, 'GET', '/api/staff/embed-origins')).json()) as { origins: string[] };
      assert.ok(list.origins.includes('https://www.gemeente.nl'));
      const removed = await withKey(t, key, 'DELETE', '/api/staff/embed-origins?origin=https%3A%2F%2Fwww.gemeente.nl');
      assert.equal(removed.status, 200);
      assert.ok(!((await removed.json()) as { origins: string[] }).origins.includes('https://www.gemeente.nl'));
      const actions = (await t.db.select().from(auditLog).where(eq(auditLog.subjectType, 'organisation'))).map(
        (entry) => entry.action,
      );
      assert.ok(actions.includes('embed_origin.added') && actions.includes('embed_origin.removed'));
    });

    it('refuses an origin that is not well-formed, saying why, and removing one not in the list', async () => {
      const cases: Array<[unknown, RegExp]> = [
        [{ origin: '' }, /Vul een webadres in/],
        [{ origin: 'ftp://www.gemeente.nl' }, /Begin het webadres met https/],
        [{ origin: 'https://www.gemeente.nl/pagina' }, /Laat alles na de naam/],
        [{ origin: 'https://' }, /geen geldig webadres|Vul een webadres in/],
        [{}, /.+/],
        [{ origin: 'https://a.nl', extra: true }, /.+/],
      ];
      const before = (await (await withKey(t, key, 'GET', '/api/staff/embed-origins')).json()) as { origins: string[] };
      for (const [body, message] of cases) {
        const response = await withKey(t, key, 'POST', '/api/staff/embed-origins', body);
        assert.equal(response.status, 422, JSON.stringify(body));
        const problem = (await response.json()) as { errors: Array<{ field: string; message: string }> };
        assert.match(problem.errors[0]?.message ?? '', message, JSON.stringify(body));
      }
      const after = (await (await withKey(t, key, 'GET', '/api/staff/embed-origins')).json()) as { origins: string[] };
      assert.deepEqual(after.origins, before.origins);
      const missing = await withKey(t, key, 'DELETE', '/api/staff/embed-origins?origin=https%3A%2F%2Fnergens.nl');
      assert.equal(missing.status, 404);
      assert.equal((await withKey(t, key, 'DELETE', '/api/staff/embed-origins')).status, 422);
    });
  });
}
