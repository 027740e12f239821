import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTestApp, postJson, validAnswers, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, logIn } from '../../../support/staff.ts';

const submitPath = '/api/consultations/fietsroute-stationsstraat/submissions';

for (const target of databaseTargets()) {
  describe(`new items in the inbox since it was shown (${target.name})`, () => {
    let t: TestApp;
    let webcare: { cookie: string; csrf: string };
    let moment = new Date('2026-11-27T10:00:00Z');

    before(async () => {
      // The app's clock moves on when a test says so: items arrive after the page was shown.
      t = await openTestApp(target, { now: () => moment });
      await addStaffUser(t, 'webcare@demodam.example', 'webcare');
      webcare = await logIn(t, 'webcare@demodam.example');
    });
    after(() => t.close());

    /** The address the inbox page gives its script, with the list's filters. */
    async function newItemsUrl(listQuery = ''): Promise<string> {
      const page = await (
        await t.app.request(`/beheer/${listQuery ? `?${listQuery}` : ''}`, { headers: { Cookie: webcare.cookie } })
      ).text();
      const url = /data-new-items data-url="([^"]+)"/.exec(page)?.[1];
      assert.ok(url, 'the inbox has the new-items region');
      return url.replaceAll('&amp;', '&');
    }
    const ask = async (url: string, headers: Record<string, string> = {}) =>
      t.app.request(url, { headers: { Cookie: webcare.cookie, ...headers } });

    async function submit(channel: 'portal' | 'widget') {
      const response = await postJson(t.app, submitPath, { answers: validAnswers, channel });
      assert.equal(response.status, 201);
    }

    it('counts the items that arrived in the list since the page was shown, in words', async () => {
      moment = new Date('2026-11-27T10:00:00Z');
      const all = await newItemsUrl();
      const widgetOnly = await newItemsUrl('channel=widget');
      assert.deepEqual(await (await ask(all)).json(), { count: 0, text: '' });
      moment = new Date('2026-11-27T10:05:00Z');
      await submit('portal');
      await submit('portal');
      assert.deepEqual(await (await ask(all)).json(), { count: 2, text: '2 nieuwe items' });
      assert.deepEqual(await (await ask(`${all.replace('lang=nl', 'lang=en')}`)).json(), {
        count: 2,
        text: '2 new items',
      });
      // The list's filters hold: portal input is not new in a list of widget input.
      assert.deepEqual(await (await ask(widgetOnly)).json(), { count: 0, text: '' });
      await submit('widget');
      assert.deepEqual(await (await ask(widgetOnly)).json(), { count: 1, text: '1 nieuw item' });
    });

    it('offers the newest items with the list’s filters, and leaves the list as it is', async () => {
      const page = await (
        await t.app.request('/beheer/?channel=widget', { headers: { Cookie: webcare.cookie } })
      ).text();
      assert.match(page, /<p role="status" data-new-items-text><\/p>/);
      assert.match(page, /<p data-new-items-link hidden><a href="\/beheer\/\?channel=widget&amp;sort=newest">/);
    });

    it('refuses a missing or malformed moment with a message in the caller’s language', async () => {
      for (const since of ['', 'since=yesterday', 'since=-5', `since=${'9'.repeat(21)}`]) {
        const response = await ask(`/api/staff/inbox/new?${since}`, { 'Accept-Language': 'en' });
        assert.equal(response.status, 400, since);
        const problem = await response.json();
        assert.equal(problem.errors[0].field, 'since');
        assert.match(problem.errors[0].message, /the moment the list was shown/);
      }
      const dutch = await ask('/api/staff/inbox/new?since=x', { 'Accept-Language': 'nl' });
      assert.match((await dutch.json()).errors[0].message, /het moment waarop de lijst getoond werd/);
    });

    it('answers nobody without a session', async () => {
      const response = await t.app.request('/api/staff/inbox/new?since=1');
      assert.equal(response.status, 401);
    });
  });
}
