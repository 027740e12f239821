import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTestApp, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, logIn, ORIGIN } from '../../../support/staff.ts';

type Login = { cookie: string; csrf: string };

for (const target of databaseTargets()) {
  describe(`readability API, consultation preview and shortcut help (${target.name})`, () => {
    let t: TestApp;
    let webcare: Login;
    let analyst: Login;

    before(async () => {
      t = await openTestApp(target);
      await addStaffUser(t, 'webcare@demodam.example', 'webcare');
      await addStaffUser(t, 'analyst@demodam.example', 'analyst');
      webcare = await logIn(t, 'webcare@demodam.example');
      analyst = await logIn(t, 'analyst@demodam.example');
    });
    after(() => t.close());

    const score = (body: unknown, headers: Record<string, string>) =>
      t.app.request('/api/staff/readability', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: ORIGIN, ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });

    it('scores text for the typing script, with the verdict in the staff member’s language', async () => {
      const response = await score(
        { text: 'The cat sat on the mat. The dog sat on the rug. The bird sat in the tree.', lang: 'en', uiLang: 'nl' },
        { Cookie: webcare.cookie, 'X-CSRF-Token': webcare.csrf },
      );
      assert.equal(response.status, 200);
      const result = await response.json();
      assert.deepEqual([result.score, result.verdict, result.meetsB1], [116.1, 'very_easy', true]);
      assert.equal(result.text, 'Flesch reading ease: 116,1. Zeer makkelijk te lezen. 18 woorden, 3 zinnen.');
    });

    it('gives no verdict on a fragment too short to judge, and says why', async () => {
      const response = await score(
        { text: 'Nieuwe fietsroute Stationsstraat', lang: 'nl', uiLang: 'en' },
        { Cookie: webcare.cookie, 'X-CSRF-Token': webcare.csrf },
      );
      const result = await response.json();
      assert.equal(result.verdict, null);
      assert.equal(result.tooShort, true);
      assert.equal(result.text, 'Too short to judge: 3 words, a verdict needs at least 15.');
    });

    it('refuses the readability API to anonymous requests, without a CSRF token, to analysts and with bad input', async () => {
      const body = { text: 'Hallo.', lang: 'nl' };
      assert.equal((await score(body, {})).status, 401);
      assert.equal((await score(body, { Cookie: webcare.cookie })).status, 403);
      assert.equal((await score(body, { Cookie: analyst.cookie, 'X-CSRF-Token': analyst.csrf })).status, 403);
      const auth = { Cookie: webcare.cookie, 'X-CSRF-Token': webcare.csrf };
      for (const bad of [
        '{not json',
        { text: 'Hallo.', lang: 'de' },
        { lang: 'nl' },
        { text: 'x'.repeat(20_001), lang: 'nl' },
      ]) {
        const response = await score(bad, auth);
        assert.equal(response.status, 400, JSON.stringify(bad).slice(0, 40));
        assert.match(response.headers.get('Content-Type') ?? '', /^application\/problem\+json/);
      }
    });

    it('lists the consultations to preview, drafts included, with their status', async () => {
      const html = await (await t.app.request('/beheer/consultaties', { headers: { Cookie: webcare.cookie } })).text();
      assert.match(html, /<h1>Consultaties<\/h1>/);
      assert.match(
        html,
        /<a href="\/beheer\/consultaties\/fietsroute-stationsstraat">Nieuwe fietsroute Stationsstraat \(Open\)<\/a>/,
      );
      assert.equal((await t.app.request('/en/manage/consultations')).status, 303);
      assert.equal((await t.app.request('/beheer/consultaties', { headers: { Cookie: analyst.cookie } })).status, 403);
    });

    it('previews a consultation with a readability hint for every text in both languages', async () => {
      const response = await t.app.request('/beheer/consultaties/fietsroute-stationsstraat', {
        headers: { Cookie: webcare.cookie },
      });
      assert.equal(response.status, 200);
      const html = await response.text();
      assert.match(html, /<h1>Voorbeeld: Nieuwe fietsroute Stationsstraat<\/h1>/);
      for (const key of ['summary', 'background', 'afterwards', 'whoDecides']) {
        for (const lang of ['nl', 'en']) {
          assert.match(html, new RegExp(`id="preview-${key}-${lang}"`), `${key} in ${lang}`);
        }
      }
      assert.match(html, /Flesch-Douma: /);
      assert.match(html, /Flesch reading ease: /);
      const unknown = await t.app.request('/beheer/consultaties/bestaat-niet', { headers: { Cookie: webcare.cookie } });
      assert.equal(unknown.status, 404);
      assert.equal((await t.app.request('/en/manage/consultations/fietsroute-stationsstraat')).status, 303);
      const refused = await t.app.request('/beheer/consultaties/fietsroute-stationsstraat', {
        headers: { Cookie: analyst.cookie },
      });
      assert.equal(refused.status, 403);
    });

    it('documents the keyboard shortcuts and offers a switch to turn them off', async () => {
      const html = await (await t.app.request('/beheer/sneltoetsen', { headers: { Cookie: webcare.cookie } })).text();
      assert.match(html, /<h1>Sneltoetsen<\/h1>/);
      for (const key of ['j', 'k', 'p', 'r', 'e', 'a', '\\?']) assert.match(html, new RegExp(`<kbd>${key}</kbd>`));
      assert.match(html, /<label for="shortcuts-enabled">Sneltoetsen gebruiken<\/label>/);
      assert.match(html, /<script type="module" src="\/beheer\/assets\/shortcuts\.js"><\/script>/);
      const english = await (
        await t.app.request('/en/manage/shortcuts', { headers: { Cookie: webcare.cookie } })
      ).text();
      assert.match(english, /<h1>Keyboard shortcuts<\/h1>/);
      assert.equal((await t.app.request('/beheer/sneltoetsen')).status, 303);
    });

    it('serves the readability and shortcut scripts from our own origin', async () => {
      for (const path of ['/beheer/assets/readability.js', '/beheer/assets/shortcuts.js']) {
        const response = await t.app.request(path);
        assert.equal(response.status, 200);
        assert.equal(response.headers.get('Content-Type'), 'text/javascript; charset=utf-8');
        assert.match(await response.text(), /addEventListener/);
      }
    });
  });
}
