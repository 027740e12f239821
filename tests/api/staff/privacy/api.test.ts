/**
 * Privacy requests as JSON (api/staff/privacy/api.ts) with an administrator's key: search,
 * export and erase by e-mail address, audited as on the privacy page; bad input refused by field.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditLog, submissionContacts } from '../../../../api/db/schema.ts';
import { openTestApp, postJson, validAnswers, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, apiKeyFor, withKey } from '../../../support/staff.ts';

for (const target of databaseTargets()) {
  describe(`privacy requests as JSON with a key (${target.name})`, () => {
    let t: TestApp;
    let key: string;
    before(async () => {
      t = await openTestApp(target);
      key = await apiKeyFor(t, await addStaffUser(t, 'admin@privacy-api.example', 'administrator'));
      await postJson(t.app, '/api/consultations/fietsroute-stationsstraat/submissions', {
        answers: validAnswers,
        name: 'Daan de Wit',
        email: 'daan@example.nl',
        consent: true,
      });
    });
    after(() => t.close());

    it('finds, exports and erases what is held about an e-mail address, each step audited with the reference', async () => {
      const person = { email: 'Daan@example.nl', reference: 'ZAAK-2026-7' };
      const found = await withKey(t, key, 'POST', '/api/staff/privacy/search', person);
      assert.equal(found.status, 200);
      assert.equal(((await found.json()) as { submissions: unknown[] }).submissions.length, 1);
      const exported = await withKey(t, key, 'POST', '/api/staff/privacy/export', person);
      assert.equal(exported.status, 200);
      assert.match(JSON.stringify(await exported.json()), /Daan de Wit/);
      const erased = await withKey(t, key, 'POST', '/api/staff/privacy/erase', { ...person, confirm: true });
      assert.equal(erased.status, 200);
      assert.equal(((await erased.json()) as { submissions: number }).submissions, 1);
      const contacts = await t.db
        .select()
        .from(submissionContacts)
        .where(eq(submissionContacts.email, 'daan@example.nl'));
      assert.equal(contacts.length, 0);
      const searched = await t.db.select().from(auditLog).where(eq(auditLog.action, 'personal_data.searched'));
      assert.ok(searched.some((entry) => JSON.stringify(entry.details).includes('ZAAK-2026-7')));
    });

    it('refuses bad input by field, and an erasure without confirm: true, erasing nothing', async () => {
      await postJson(t.app, '/api/consultations/fietsroute-stationsstraat/submissions', {
        answers: validAnswers,
        email: 'eva@example.nl',
        consent: true,
      });
      const cases: Array<[string, unknown, string]> = [
        ['search', {}, 'email'],
        ['search', { email: 'eva@example.nl', handle: '@eva@social.example' }, 'email'],
        ['search', { email: 'ev' }, 'email'],
        ['export', { email: 'eva@example.nl', reference: 'zaak <script>' }, 'reference'],
        ['erase', { email: 'eva@example.nl' }, 'confirm'],
        ['erase', { email: 'eva@example.nl', confirm: false }, 'confirm'],
        ['erase', { email: 'eva@example.nl', confirm: 'ja' }, 'confirm'],
      ];
      for (const [action, body, field] of cases) {
        const response = await withKey(t, key, 'POST', `/api/staff/privacy/${action}`, body);
        assert.equal(response.status, 422, `${action} ${JSON.stringify(body)}`);
        const problem = (await response.json()) as { errors: Array<{ field: string; message: string }> };
        assert.ok(
          problem.errors.some((e) => e.field === field && e.message),
          JSON.stringify(problem.errors),
        );
      }
      const contacts = await t.db
        .select()
        .from(submissionContacts)
        .where(eq(submissionContacts.email, 'eva@example.nl'));
      assert.equal(contacts.length, 1, 'nothing was erased');
    });
  });
}
