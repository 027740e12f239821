/**
 * Input that contains JavaScript's own property names ("De constructor van de brug") is
 * ordinary input: stored, screened and shown like any other (it once gave a 500 and was lost).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { submissions } from '../../api/db/schema.ts';
import { openTestApp, postJson, validAnswers, type TestApp } from '../support/app.ts';
import { databaseTargets } from '../support/databases.ts';

const path = '/api/consultations/fietsroute-stationsstraat/submissions';
const SPECIAL_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'prototype'];

for (const target of databaseTargets()) {
  describe(`input with JavaScript special names (${target.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(target);
    });
    after(() => t.close());

    for (const name of SPECIAL_NAMES) {
      it(`stores "De ${name} van de brug" as JSON and as a form post`, async () => {
        const text = `De ${name} van de brug`;
        const json = await postJson(t.app, path, { answers: { ...validAnswers, toelichting: text } });
        assert.equal(json.status, 201);
        const { code } = await json.json();
        const [row] = await t.db.select().from(submissions).where(eq(submissions.followUpCode, code));
        assert.ok(row, 'stored');

        const form = new URLSearchParams({ 'answers.route': 'parklaan', 'answers.toelichting': text, lang: 'nl' });
        const posted = await t.app.request(path, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
          body: form,
        });
        assert.equal(posted.status, 303, await posted.text());
      });
    }
  });
}
