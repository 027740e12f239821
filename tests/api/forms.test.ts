import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { submissions } from '../../api/db/schema.ts';
import { openTestApp, postForm, postJson, validAnswers, type TestApp } from '../support/app.ts';
import { databaseTargets } from '../support/databases.ts';

const path = '/api/consultations/fietsroute-stationsstraat/submissions';
const validFields: Array<[string, string]> = [
  ['lang', 'nl'],
  ['answers.route', 'parklaan'],
  ['answers.veiligheid', '3'],
  ['answers.voorzieningen', 'verlichting'],
  ['answers.voorzieningen', 'bomen'],
  ['answers.toelichting', 'Meer licht in de winter, graag.'],
];

for (const target of databaseTargets()) {
  describe(`input through the HTML form, without JavaScript (${target.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(target);
    });
    after(() => t.close());

    it('redirects with 303 to the confirmation page, which shows the follow-up code', async () => {
      const response = await postForm(t.app, path, validFields);
      assert.equal(response.status, 303);
      const location = response.headers.get('Location') ?? '';
      const [, code] = location.match(/^\/bevestiging\/([A-Z0-9-]+)\/$/) ?? [];
      assert.ok(code, location);
      const page = await t.app.request(location);
      assert.equal(page.status, 200);
      assert.match(await page.text(), new RegExp(code));
    });

    it('stores several checked boxes as one list answer', async () => {
      const response = await postForm(t.app, path, validFields);
      const code = response.headers.get('Location')!.split('/')[2]!;
      const followUp = await (await t.app.request(`/api/follow-up/${code}`)).json();
      const facilities = followUp.answers.find((a: { question: string }) => a.question === 'voorzieningen');
      assert.deepEqual(facilities.value, ['verlichting', 'bomen']);
      assert.equal(followUp.answers.find((a: { question: string }) => a.question === 'veiligheid').value, 3);
    });

    it('sends English speakers to the English confirmation page', async () => {
      const fields = validFields.map(([k, v]): [string, string] => (k === 'lang' ? [k, 'en'] : [k, v]));
      const response = await postForm(t.app, path, fields);
      assert.match(response.headers.get('Location') ?? '', /^\/en\/confirmation\/[A-Z0-9-]+\/$/);
    });

    it('stores the form once when it is posted twice with the same idempotency key', async () => {
      const fields: Array<[string, string]> = [...validFields, ['idempotency_key', 'form-double-click-0001']];
      const count = await t.db.$count(submissions);
      const first = await postForm(t.app, path, fields);
      const second = await postForm(t.app, path, fields);
      assert.equal(first.headers.get('Location'), second.headers.get('Location'));
      assert.equal(await t.db.$count(submissions), count + 1);
    });

    it('returns the form with an error summary, messages next to the fields and the values kept', async () => {
      const response = await postForm(t.app, path, [
        ['lang', 'nl'],
        ['answers.route', ''],
        ['answers.toelichting', 'Mijn <b>verhaal</b>'],
        ['email', 'geen-adres'],
      ]);
      assert.equal(response.status, 422);
      assert.match(response.headers.get('Content-Type') ?? '', /text\/html/);
      const html = await response.text();
      assert.match(html, /Kies een antwoord\./);
      assert.match(html, /Vul een geldig e-mailadres in/);
      assert.match(html, /aria-invalid="true"/);
      assert.match(html, /Mijn &lt;b&gt;verhaal&lt;\/b&gt;/, 'the text is kept, escaped');
      assert.match(html, /value="geen-adres"/);
      assert.doesNotMatch(html, /<b>verhaal<\/b>/);
    });

    it('explains in English when the form was in English', async () => {
      const response = await postForm(t.app, path, [
        ['lang', 'en'],
        ['answers.toelichting', ''],
      ]);
      assert.equal(response.status, 422);
      const html = await response.text();
      assert.match(html, /<html[^>]*lang="en"/);
      assert.match(html, /Choose an answer\./);
    });

    it('refuses a name that is too long and keeps the rest', async () => {
      const response = await postForm(t.app, path, [...validFields, ['name', 'n'.repeat(201)]]);
      assert.equal(response.status, 422);
      const html = await response.text();
      assert.match(html, /Gebruik maximaal 200 tekens/);
      assert.match(html, /Meer licht in de winter, graag\./);
    });

    it('says the consultation is closed instead of storing input on it', async () => {
      const count = await t.db.$count(submissions);
      const response = await postForm(t.app, '/api/consultations/parkeren-centrum/submissions', [
        ['lang', 'nl'],
        ['answers.idee', 'Meer fietsenrekken'],
      ]);
      assert.equal(response.status, 409);
      assert.match(await response.text(), /Deze consultatie is gesloten/);
      assert.equal(await t.db.$count(submissions), count);
    });

    it('answers 404 with a page for a consultation that does not exist', async () => {
      const response = await postForm(t.app, '/api/consultations/bestaat-niet/submissions', validFields);
      assert.equal(response.status, 404);
      assert.match(await response.text(), /Deze consultatie bestaat niet/);
    });
  });

  describe(`the form post and the JSON post give the same field errors for the same bad input (${target.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(target);
    });
    after(() => t.close());

    type BadInput = {
      what: string;
      /** What a widget or script sends. */
      json: { body: Record<string, unknown>; headers?: Record<string, string> };
      /** The same, as the portal's form sends it (without `lang`). */
      form: Array<[string, string]>;
      field: string;
      code: string;
    };
    const formAnswers = validFields.filter(([name]) => name !== 'lang');
    const badInputs: BadInput[] = [
      {
        what: 'a name that is too long',
        json: { body: { answers: validAnswers, name: 'n'.repeat(201) } },
        form: [...formAnswers, ['name', 'n'.repeat(201)]],
        field: 'name',
        code: 'too_long',
      },
      {
        what: 'an e-mail address that is too long',
        json: { body: { answers: validAnswers, email: `${'a'.repeat(250)}@x.nl`, consent: true } },
        form: [...formAnswers, ['email', `${'a'.repeat(250)}@x.nl`], ['consent', 'yes']],
        field: 'email',
        code: 'too_long',
      },
      {
        what: 'a malformed e-mail address',
        json: { body: { answers: validAnswers, email: '<script>@x.nl', consent: true } },
        form: [...formAnswers, ['email', '<script>@x.nl'], ['consent', 'yes']],
        field: 'email',
        code: 'invalid_email',
      },
      {
        what: 'an idempotency key that is too short',
        json: { body: { answers: validAnswers }, headers: { 'Idempotency-Key': 'abc' } },
        form: [...formAnswers, ['idempotency_key', 'abc']],
        field: 'idempotency-key',
        code: 'idempotency_key_invalid',
      },
      {
        what: 'an answer to a question the consultation does not have',
        json: { body: { answers: { ...validAnswers, verzonnen: 'x' } } },
        form: [...formAnswers, ['answers.verzonnen', 'x']],
        field: 'answers.verzonnen',
        code: 'unknown_question',
      },
    ];

    for (const lang of ['nl', 'en'] as const) {
      for (const bad of badInputs) {
        it(`reports ${bad.what} on the same field with the same words, in ${lang === 'nl' ? 'Dutch' : 'English'}, and stores nothing`, async () => {
          const count = await t.db.$count(submissions);
          const language = { 'Accept-Language': lang };

          const json = await postJson(t.app, path, bad.json.body, { ...language, ...bad.json.headers });
          assert.equal(json.status, 422);
          const jsonErrors = (await json.json()).errors;
          assert.ok(
            jsonErrors.some((e: { field: string; code: string }) => e.field === bad.field && e.code === bad.code),
            JSON.stringify(jsonErrors),
          );

          // A script that posts the form and asks for JSON reads exactly the JSON client's errors.
          const formAsJson = await postForm(t.app, path, [['lang', lang], ...bad.form], {
            ...language,
            Accept: 'application/json',
          });
          assert.equal(formAsJson.status, 422);
          assert.match(formAsJson.headers.get('Content-Type') ?? '', /^application\/problem\+json/);
          assert.deepEqual((await formAsJson.json()).errors, jsonErrors);

          // A browser gets the form again, in the form's language, with the same messages and the values kept.
          const page = await postForm(t.app, path, [['lang', lang], ...bad.form]);
          assert.equal(page.status, 422);
          const html = await page.text();
          assert.match(html, new RegExp(`<html[^>]*lang="${lang}"`));
          // These messages hold no characters that HTML escapes, so they appear as they are.
          for (const error of jsonErrors) assert.ok(html.includes(error.message), error.message);
          assert.ok(html.includes('Meer licht in de winter, graag.'), 'what the resident typed is kept');

          assert.equal(await t.db.$count(submissions), count);
        });
      }
    }
  });
}
