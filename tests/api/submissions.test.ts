import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { submissionContacts, submissions } from '../../api/db/schema.ts';
import { NOW, openTestApp, postJson, validAnswers, type TestApp } from '../support/app.ts';
import { databaseTargets } from '../support/databases.ts';

const path = '/api/consultations/fietsroute-stationsstraat/submissions';

for (const target of databaseTargets()) {
  describe(`JSON input on a consultation (${target.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(target);
    });
    after(() => t.close());

    it('stores valid input and returns a readable follow-up code', async () => {
      const response = await postJson(t.app, path, { answers: validAnswers }, { 'Idempotency-Key': 'test-key-0001' });
      assert.equal(response.status, 201);
      const receipt = await response.json();
      assert.match(receipt.code, /^[ACDEFGHJKMNPQRTVWXY2345679]{4}(-[ACDEFGHJKMNPQRTVWXY2345679]{4}){2}$/);
      assert.equal(receipt.status, 'received');
      assert.equal(receipt.followUpUrl, `/volg/${receipt.code}/`);
      assert.equal(response.headers.get('Location'), receipt.followUpUrl);
      const [row] = await t.db.select().from(submissions).where(eq(submissions.followUpCode, receipt.code));
      assert.equal(row?.channel, 'widget');
    });

    it('stores nothing new when the same idempotency key is sent again', async () => {
      const headers = { 'Idempotency-Key': 'retry-after-timeout-42' };
      const first = await postJson(t.app, path, { answers: validAnswers }, headers);
      const before = await t.db.$count(submissions);
      const second = await postJson(t.app, path, { answers: validAnswers }, headers);
      assert.equal(first.status, 201);
      assert.equal(second.status, 200);
      assert.equal(second.headers.get('Idempotent-Replayed'), 'true');
      assert.equal((await second.json()).code, (await first.json()).code);
      assert.equal(await t.db.$count(submissions), before);
    });

    it('refuses an idempotency key that was used for other input', async () => {
      const headers = { 'Idempotency-Key': 'reused-key-for-other-input' };
      assert.equal((await postJson(t.app, path, { answers: validAnswers }, headers)).status, 201);
      const other = await postJson(t.app, path, { answers: { ...validAnswers, route: 'stationsstraat' } }, headers);
      assert.equal(other.status, 409);
      assert.equal((await other.json()).type, 'https://podium.nl/problems/idempotency-conflict');
    });

    it('keeps contact details apart from the input and records the consent', async () => {
      const response = await postJson(t.app, path, {
        answers: validAnswers,
        name: 'Sanne de Vries',
        email: 'sanne@example.nl',
        consent: true,
      });
      const { code } = await response.json();
      const [row] = await t.db
        .select({ contact: submissionContacts })
        .from(submissions)
        .innerJoin(submissionContacts, eq(submissionContacts.submissionId, submissions.id))
        .where(eq(submissions.followUpCode, code));
      assert.equal(row?.contact.email, 'sanne@example.nl');
      assert.equal(row?.contact.consentToContact, true);
      assert.deepEqual(row?.contact.consentGivenAt, NOW);
    });

    it('answers with a problem per field, in Dutch by default', async () => {
      const response = await postJson(t.app, path, {
        answers: { route: 'snelweg', veiligheid: 9, toelichting: '' },
        email: 'geen-adres',
      });
      assert.equal(response.status, 422);
      assert.match(response.headers.get('Content-Type') ?? '', /^application\/problem\+json/);
      const problem = await response.json();
      const byField = Object.fromEntries(problem.errors.map((e: { field: string; code: string }) => [e.field, e.code]));
      assert.deepEqual(byField, {
        'answers.route': 'invalid_choice',
        'answers.veiligheid': 'out_of_range',
        'answers.toelichting': 'required',
        email: 'invalid_email',
        consent: 'consent_required',
      });
      assert.equal(problem.title, 'Niet alles is goed ingevuld');
      assert.match(problem.errors[0].message, /Kies een van de antwoorden/);
    });

    it('answers in English when the request asks for English', async () => {
      const response = await postJson(
        t.app,
        path,
        { answers: { route: 'parklaan' } },
        { 'Accept-Language': 'en-GB,en;q=0.9,nl;q=0.5' },
      );
      const problem = await response.json();
      assert.equal(problem.title, 'Some answers need your attention');
      assert.equal(problem.errors[0].message, 'Please fill this in.');
      assert.equal(response.headers.get('Content-Language'), 'en');
    });

    it('refuses text longer than the question allows and says how long it was', async () => {
      const response = await postJson(t.app, path, { answers: { ...validAnswers, toelichting: 'a'.repeat(2001) } });
      assert.equal(response.status, 422);
      const [error] = (await response.json()).errors;
      assert.equal(error.code, 'too_long');
      assert.equal(error.message, 'Gebruik maximaal 2000 tekens. U gebruikte er 2001.');
    });

    it('refuses answers of the wrong type and questions that do not exist', async () => {
      const response = await postJson(t.app, path, {
        answers: { ...validAnswers, route: ['parklaan'], verzonnen: 'x' },
      });
      assert.equal(response.status, 422);
      const codes = (await response.json()).errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`);
      assert.deepEqual(codes.sort(), ['answers.route:invalid_type', 'answers.verzonnen:unknown_question']);
    });

    it('refuses a body that is not an object of answers', async () => {
      for (const body of [{}, { answers: 'ja' }, [], { answers: validAnswers, consent: 'yes' }, null]) {
        const response = await postJson(t.app, path, body);
        assert.equal(response.status, 422, JSON.stringify(body));
        assert.ok((await response.json()).errors.length > 0);
      }
    });

    it('refuses malformed JSON with a clear 400', async () => {
      const response = await postJson(t.app, path, '{"answers": {');
      assert.equal(response.status, 400);
      assert.equal((await response.json()).title, 'Het verzoek bevat geen geldige JSON.');
    });

    it('refuses content types that are neither JSON nor a form', async () => {
      const response = await t.app.request(path, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: 'hallo',
      });
      assert.equal(response.status, 415);
      assert.match(response.headers.get('Content-Type') ?? '', /problem\+json/);
    });

    it('refuses an oversized body without reading it all', async () => {
      const response = await postJson(t.app, path, { answers: { toelichting: 'x'.repeat(70 * 1024) } });
      assert.equal(response.status, 413);
      assert.equal((await response.json()).title, 'Het verzoek is te groot. Maak uw tekst korter.');
    });

    it('refuses an idempotency key that is too short, and says how long it must be', async () => {
      const response = await postJson(t.app, path, { answers: validAnswers }, { 'Idempotency-Key': 'abc' });
      assert.equal(response.status, 422);
      const [error] = (await response.json()).errors;
      assert.equal(error.field, 'idempotency-key');
      assert.equal(error.code, 'idempotency_key_invalid');
      assert.equal(error.message, 'De Idempotency-Key moet 8 tot 200 tekens lang zijn.');
    });

    it('refuses an e-mail address longer than mail can be delivered to (254 characters)', async () => {
      const email = `${'a'.repeat(249)}@x.nl`;
      assert.equal(email.length, 254);
      const accepted = await postJson(t.app, path, { answers: validAnswers, email, consent: true });
      assert.equal(accepted.status, 201);
      const before = await t.db.$count(submissions);
      const response = await postJson(t.app, path, { answers: validAnswers, email: `a${email}`, consent: true });
      assert.equal(response.status, 422);
      assert.deepEqual(
        (await response.json()).errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`),
        ['email:too_long'],
      );
      assert.equal(await t.db.$count(submissions), before);
    });

    it('answers 404 for a consultation that does not exist', async () => {
      const response = await postJson(t.app, '/api/consultations/bestaat-niet/submissions', { answers: validAnswers });
      assert.equal(response.status, 404);
      assert.equal((await response.json()).title, 'Deze consultatie bestaat niet (meer).');
    });

    it('refuses input on a closed consultation and stores nothing', async () => {
      const before = await t.db.$count(submissions);
      const response = await postJson(t.app, '/api/consultations/parkeren-centrum/submissions', {
        answers: { idee: 'Meer fietsenrekken' },
      });
      assert.equal(response.status, 409);
      assert.equal((await response.json()).title, 'Deze consultatie is gesloten. U kunt geen inbreng meer geven.');
      assert.equal(await t.db.$count(submissions), before);
    });
  });
}
