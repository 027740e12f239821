/**
 * The embedding page (api/staff/embedding/) and its rules (api/services/embed-origins.ts):
 * only well-formed origins are added, the browser's CORS check follows the list, and every
 * change is audited.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog, organisations, widgetViews } from '../../../../api/db/schema.ts';
import { parseOrigin } from '../../../../api/services/embed-origins.ts';
import { openTestApp, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, logIn, staffPost } from '../../../support/staff.ts';

describe('reading an embedding origin', () => {
  it('accepts a scheme, a host and an optional port, in one spelling', () => {
    assert.deepEqual(parseOrigin(' HTTPS://www.Gemeente.nl/ '), { origin: 'https://www.gemeente.nl' });
    assert.deepEqual(parseOrigin('https://www.gemeente.nl:443'), { origin: 'https://www.gemeente.nl' });
    assert.deepEqual(parseOrigin('http://localhost:8080'), { origin: 'http://localhost:8080' });
    assert.deepEqual(parseOrigin('http://localhost:*'), { origin: 'http://localhost:*' });
  });

  it('refuses a path, another scheme, credentials and what is no address, saying which', () => {
    assert.deepEqual(parseOrigin('https://www.gemeente.nl/participatie'), { problem: 'path' });
    assert.deepEqual(parseOrigin('https://www.gemeente.nl?x=1'), { problem: 'path' });
    assert.deepEqual(parseOrigin('https://www.gemeente.nl#top'), { problem: 'path' });
    assert.deepEqual(parseOrigin('www.gemeente.nl'), { problem: 'scheme' });
    assert.deepEqual(parseOrigin('ftp://www.gemeente.nl'), { problem: 'scheme' });
    assert.deepEqual(parseOrigin('javascript://alert(1)'), { problem: 'scheme' });
    assert.deepEqual(parseOrigin('https://user:pw@www.gemeente.nl'), { problem: 'host' });
    assert.deepEqual(parseOrigin('https://'), { problem: 'host' });
    assert.deepEqual(parseOrigin('https://www.gemeente.nl:8080:*'), { problem: 'host' });
    assert.deepEqual(parseOrigin('   '), { problem: 'empty' });
    assert.deepEqual(parseOrigin(`https://${'a'.repeat(300)}.nl`), { problem: 'too_long' });
  });
});

for (const target of databaseTargets()) {
  describe(`the embedding page (${target.name})`, () => {
    let t: TestApp;
    let admin: { cookie: string; csrf: string };
    before(async () => {
      t = await openTestApp(target);
      await addStaffUser(t, 'beheer@demodam.example', 'administrator');
      admin = await logIn(t, 'beheer@demodam.example');
    });
    after(() => t.close());

    const stored = async () =>
      (
        await t.db
          .select({ o: organisations.embedOrigins })
          .from(organisations)
          .where(eq(organisations.slug, 'demodam'))
      )[0]!.o;
    const add = (origin: string, lang = 'nl') =>
      staffPost(
        t,
        '/beheer/insluiten',
        [
          ['csrf', admin.csrf],
          ['lang', lang],
          ['origin', origin],
        ],
        admin.cookie,
      );

    it('adds a well-formed origin once, after which widgets on that site may call the API', async () => {
      const preflight = () =>
        t.app.request('/api/consultations/fietsroute-stationsstraat/submissions', {
          method: 'OPTIONS',
          headers: { Origin: 'https://www.demodam.nl', 'Access-Control-Request-Method': 'POST' },
        });
      assert.equal((await preflight()).headers.get('Access-Control-Allow-Origin'), null, 'not allowed before');

      const response = await add('https://www.Demodam.nl/');
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('Location'), '/beheer/insluiten?toegevoegd=https%3A%2F%2Fwww.demodam.nl');
      assert.ok((await stored()).includes('https://www.demodam.nl'));
      const page = await t.app.request(response.headers.get('Location')!, { headers: { Cookie: admin.cookie } });
      assert.match(await page.text(), /https:\/\/www\.demodam\.nl is toegevoegd\./);
      assert.equal((await preflight()).headers.get('Access-Control-Allow-Origin'), 'https://www.demodam.nl');

      const again = await add('https://www.demodam.nl');
      assert.equal(again.headers.get('Location'), '/beheer/insluiten?bestond=https%3A%2F%2Fwww.demodam.nl');
      assert.equal((await stored()).filter((o) => o === 'https://www.demodam.nl').length, 1, 'listed once');
      const [entry] = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'embed_origin.added')));
      assert.deepEqual(entry?.details, { origin: 'https://www.demodam.nl' });
    });

    it('refuses an address with a path or without https://, in the form’s language, keeping what was typed', async () => {
      const before = await stored();
      const path = await add('https://www.demodam.nl/meedoen');
      assert.equal(path.status, 422);
      const html = await path.text();
      assert.match(html, /Laat alles na de naam van de website weg/);
      assert.match(html, /value="https:\/\/www\.demodam\.nl\/meedoen"/);
      assert.match(html, /aria-describedby="origin-hint origin-error"/);
      const english = await add('www.demodam.nl', 'en');
      assert.equal(english.status, 422);
      assert.match(await english.text(), /Start the web address with https:\/\//);
      assert.equal((await add('')).status, 422);
      assert.deepEqual(await stored(), before, 'nothing was added');
    });

    it('removes an origin, and says so when it was not in the list', async () => {
      await add('https://wijk.demodam.nl');
      const removed = await staffPost(
        t,
        '/beheer/insluiten/verwijderen',
        [
          ['csrf', admin.csrf],
          ['origin', 'https://wijk.demodam.nl'],
        ],
        admin.cookie,
      );
      assert.equal(removed.status, 303);
      assert.ok(!(await stored()).includes('https://wijk.demodam.nl'));
      const page = await t.app.request(removed.headers.get('Location')!, { headers: { Cookie: admin.cookie } });
      assert.match(await page.text(), /https:\/\/wijk\.demodam\.nl is verwijderd\./);
      const missing = await staffPost(
        t,
        '/beheer/insluiten/verwijderen',
        [
          ['csrf', admin.csrf],
          ['origin', 'https://wijk.demodam.nl'],
        ],
        admin.cookie,
      );
      assert.equal(missing.status, 404);
      assert.match(await missing.text(), /Dit webadres staat niet \(meer\) in de lijst\./);
      const actions = await t.db
        .select({ a: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.action, 'embed_origin.removed'));
      assert.equal(actions.length, 1);
    });

    it('names no origin in the status that the list does not back', async () => {
      const page = await t.app.request('/beheer/insluiten?toegevoegd=https%3A%2F%2Fevil.example', {
        headers: { Cookie: admin.cookie },
      });
      assert.doesNotMatch(await page.text(), /evil\.example is toegevoegd/);
    });

    it('lists where each widget is used: per embedding site, what it shows and how often, in the last 90 days', async () => {
      // NOW is 2026-11-27: 2026-08-30 is the first of the 90 days, 2026-08-29 falls outside.
      await t.db.insert(widgetViews).values([
        {
          day: '2026-11-20',
          origin: 'https://www.gemeente.nl',
          widget: 'consultation',
          subject: 'fietsroute-stationsstraat',
          views: 7,
        },
        {
          day: '2026-11-25',
          origin: 'https://www.gemeente.nl',
          widget: 'consultation',
          subject: 'fietsroute-stationsstraat',
          views: 2,
        },
        {
          day: '2026-08-30',
          origin: 'https://wijkkrant.nl',
          widget: 'answers',
          subject: 'fietsroute-stationsstraat',
          views: 1,
        },
        {
          day: '2026-08-29',
          origin: 'https://oud.example',
          widget: 'answers',
          subject: 'fietsroute-stationsstraat',
          views: 5,
        },
        // Another organisation's consultation (or one that no longer exists) is not listed.
        {
          day: '2026-11-25',
          origin: 'https://anders.example',
          widget: 'consultation',
          subject: 'bestaat-niet',
          views: 3,
        },
      ]);
      const html = await (await t.app.request('/beheer/insluiten', { headers: { Cookie: admin.cookie } })).text();
      const rows = [
        ...html.matchAll(
          /<tr><th scope="row">([^<]+)<\/th><td>([^<]+)<\/td><td>([^<]+)<\/td><td[^>]*>(\d+)<\/td><td>([^<]+)<\/td><\/tr>/g,
        ),
      ].map((m) => m.slice(1).join(' | '));
      assert.deepEqual(rows, [
        'https://wijkkrant.nl | Reacties | Nieuwe fietsroute Stationsstraat | 1 | 2026-08-30',
        'https://www.gemeente.nl | Consultatie of reactieformulier | Nieuwe fietsroute Stationsstraat | 9 | 2026-11-25',
      ]);
      assert.match(html, /Widgetweergaven per website, laatste 90 dagen/);
      const english = await (await t.app.request('/en/manage/embedding', { headers: { Cookie: admin.cookie } })).text();
      assert.match(english, /Where widgets are used/);
    });
  });
}
