import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTestApp, postJson, validAnswers, type TestApp } from '../support/app.ts';
import { databaseTargets } from '../support/databases.ts';

for (const target of databaseTargets()) {
  describe(`following up input by its code (${target.name})`, () => {
    let t: TestApp;
    let code: string;
    before(async () => {
      t = await openTestApp(target);
      const response = await postJson(t.app, '/api/consultations/fietsroute-stationsstraat/submissions', {
        answers: validAnswers,
        email: 'geheim@example.nl',
        consent: true,
      });
      code = (await response.json()).code;
    });
    after(() => t.close());

    it('shows the status, the answers and when an answer is due', async () => {
      const response = await t.app.request(`/api/follow-up/${code}`);
      assert.equal(response.status, 200);
      const followUp = await response.json();
      assert.equal(followUp.status, 'received');
      assert.equal(followUp.consultation.slug, 'fietsroute-stationsstraat');
      // 27 November 2026 is a Friday: ten working days later is Friday 11 December.
      assert.equal(followUp.answerDueAt.slice(0, 10), '2026-12-11');
      assert.equal(followUp.answers.length, 4);
    });

    it('never shows the contact details', async () => {
      const text = await (await t.app.request(`/api/follow-up/${code}`)).text();
      assert.doesNotMatch(text, /geheim@example\.nl/);
    });

    it('accepts the code as a person types it', async () => {
      const typed = ` ${code.toLowerCase().replaceAll('-', ' ')} `;
      const response = await t.app.request(`/api/follow-up/${encodeURIComponent(typed)}`);
      assert.equal(response.status, 200);
    });

    it('answers 400 for something that cannot be a code and 404 for an unknown code', async () => {
      const malformed = await t.app.request('/api/follow-up/abc');
      assert.equal(malformed.status, 400);
      assert.match((await malformed.json()).title, /drie groepen van vier/);
      const unknown = await t.app.request('/api/follow-up/AAAA-AAAA-AAAA');
      assert.equal(unknown.status, 404);
      const tooLong = await t.app.request(`/api/follow-up/${'A'.repeat(300)}`);
      assert.equal(tooLong.status, 422);
    });

    it('sends the lookup form to the page of the code, in the right language', async () => {
      const nl = await t.app.request(`/api/follow-up?code=${code.toLowerCase()}`);
      assert.equal(nl.status, 303);
      assert.equal(nl.headers.get('Location'), `/volg/${code}/`);
      const en = await t.app.request(`/api/follow-up?code=${code}&lang=en`);
      assert.equal(en.headers.get('Location'), `/en/follow-up/${code}/`);
      const bad = await t.app.request('/api/follow-up?code=&lang=fr');
      assert.equal(bad.status, 422);
    });

    it('renders the follow-up page without caching or indexing it', async () => {
      const response = await t.app.request(`/volg/${code}/`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('Cache-Control'), 'private, no-store');
      assert.equal(response.headers.get('X-Robots-Tag'), 'noindex');
      assert.match(await response.text(), new RegExp(code));
    });

    it('explains on the page when a code is unknown or malformed', async () => {
      const unknown = await t.app.request('/volg/AAAA-AAAA-AAAA/');
      assert.equal(unknown.status, 404);
      assert.match(await unknown.text(), /Er is geen inbreng met deze code/);
      const malformed = await t.app.request('/en/follow-up/nonsense/');
      assert.equal(malformed.status, 400);
      assert.match(await malformed.text(), /three groups of four/);
    });
  });
}
