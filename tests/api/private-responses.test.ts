/**
 * Every answer that shows a follow-up code or personal data says `Cache-Control: no-store`
 * (api/http/private-response.ts): a shared cache or a library computer's browser must not
 * keep someone's code, answers or e-mail address.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../api/app.ts';
import { memoryTransport } from '../../api/services/mail.ts';
import { sendDueMail } from '../../api/services/notifications/outbox.ts';
import { NOW, openTestApp, postForm, postJson, validAnswers, type TestApp } from '../support/app.ts';
import { databaseTargets } from '../support/databases.ts';

const SUBMIT = '/api/consultations/fietsroute-stationsstraat/submissions';

function assertNoStore(response: Response, what: string) {
  const header = response.headers.get('Cache-Control') ?? '';
  assert.match(header, /(^|,\s*)no-store(\s*,|$)/, `${what} (${response.status}): Cache-Control is "${header}"`);
}

for (const target of databaseTargets()) {
  describe(`no answer that shows a code or personal data may be stored by a cache (${target.name})`, () => {
    let t: TestApp;
    const mail = memoryTransport();
    let code: string;
    before(async () => {
      const opened = await openTestApp(target);
      t = {
        ...opened,
        app: createApp({
          db: opened.db,
          databaseKind: opened.database.kind,
          now: () => NOW,
          publicUrl: 'https://podium.example.nl',
          rateLimits: { submit: null, follow_up: null, rights: null, login: null, email_link: null },
        }),
      };
    });
    after(() => t.close());

    it('the receipt of input sent as JSON, the first time and on a retry', async () => {
      const body = { answers: validAnswers, name: 'Cas', email: 'cas@example.nl', consent: true };
      const first = await postJson(t.app, SUBMIT, body, { 'Idempotency-Key': 'no-store-receipt-1' });
      assert.equal(first.status, 201);
      assertNoStore(first, 'the 201 receipt');
      code = (await first.json()).code;
      const retry = await postJson(t.app, SUBMIT, body, { 'Idempotency-Key': 'no-store-receipt-1' });
      assert.equal(retry.status, 200);
      assertNoStore(retry, 'the replayed receipt');
    });

    it('the redirect to the confirmation page and the form again with its values after a browser post', async () => {
      const sent = await postForm(t.app, SUBMIT, [
        ['lang', 'nl'],
        ['answers.route', 'parklaan'],
        ['answers.veiligheid', '2'],
        ['answers.toelichting', 'Graag licht.'],
      ]);
      assert.equal(sent.status, 303);
      assertNoStore(sent, 'the 303 to the confirmation page');
      const refused = await postForm(t.app, SUBMIT, [
        ['lang', 'nl'],
        ['answers.toelichting', 'Zonder route.'],
        ['email', 'dirk@example.nl'],
      ]);
      assert.equal(refused.status, 422);
      assert.match(await refused.text(), /dirk@example\.nl/, 'the form keeps the address');
      assertNoStore(refused, 'the form with its errors and values');
    });

    it('the confirmation and follow-up pages, in both languages, and their short addresses', async () => {
      for (const path of [
        `/bevestiging/${code}/`,
        `/en/confirmation/${code}/`,
        `/volg/${code}/`,
        `/en/follow-up/${code}/`,
        `/volg/${code}`,
      ]) {
        const response = await t.app.request(path);
        assert.ok([200, 301].includes(response.status), `${path}: ${response.status}`);
        assertNoStore(response, path);
      }
    });

    it('the follow-up JSON, the code lookup and the export', async () => {
      const followUp = await t.app.request(`/api/follow-up/${code}`);
      assert.equal(followUp.status, 200);
      assertNoStore(followUp, 'the follow-up JSON');
      const lookup = await t.app.request(`/api/follow-up?code=${code}`);
      assert.equal(lookup.status, 303);
      assertNoStore(lookup, 'the code lookup');
      const exported = await t.app.request(`/api/follow-up/${code}/export`);
      assert.equal(exported.status, 200);
      assertNoStore(exported, 'the export');
    });

    it('the e-mail link: asking for it, the page it opens and the list of input', async () => {
      const asked = await postForm(t.app, '/gegevens/', [
        ['lang', 'nl'],
        ['email', 'cas@example.nl'],
      ]);
      assert.equal(asked.status, 200);
      assertNoStore(asked, 'asking for a link');
      // The link leaves through the outbox, like every mail.
      await sendDueMail(t.db, mail, { now: () => NOW });
      const linkMail = mail.sent.findLast((message) => /\/gegevens\/[A-Za-z0-9_-]{43}\//.test(message.text));
      const token = /\/gegevens\/([A-Za-z0-9_-]{43})\//.exec(linkMail?.text ?? '')?.[1];
      assert.ok(token, 'a link was mailed');
      const opened = await t.app.request(`/gegevens/${token}/`);
      assert.equal(opened.status, 200);
      assertNoStore(opened, 'the page the link opens');
      const list = await postForm(t.app, `/gegevens/${token}/`, [['lang', 'nl']]);
      assert.equal(list.status, 200);
      assert.match(await list.text(), new RegExp(code));
      assertNoStore(list, 'the list of input with its codes');
    });

    it('the erasure page, the erasure by form and by JSON', async () => {
      const ask = await t.app.request(`/volg/${code}/verwijderen/`);
      assert.equal(ask.status, 200);
      assertNoStore(ask, 'the erasure page');
      const second = (await (await postJson(t.app, SUBMIT, { answers: validAnswers })).json()).code as string;
      const erasedByForm = await postForm(t.app, `/volg/${code}/verwijderen/`, [
        ['lang', 'nl'],
        ['confirm', 'yes'],
      ]);
      assert.equal(erasedByForm.status, 200);
      assertNoStore(erasedByForm, 'the erasure by form');
      const erasedByJson = await postJson(t.app, `/api/follow-up/${second}/erase`, { confirm: true });
      assert.equal(erasedByJson.status, 200);
      assertNoStore(erasedByJson, 'the erasure by JSON');
    });

    it('the unsubscribe pages of a mail, in Dutch and English', async () => {
      for (const path of ['/afmelden/', '/en/unsubscribe/']) {
        const page = await t.app.request(`${path}${'a'.repeat(43)}`);
        assert.ok(page.status < 500, `${path}: ${page.status}`);
        assertNoStore(page, `the unsubscribe page ${path}`);
      }
    });
  });
}
