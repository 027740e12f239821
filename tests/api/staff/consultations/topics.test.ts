import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { asc, eq } from 'drizzle-orm';
import { auditLog, topics } from '../../../../api/db/schema.ts';
import { currentContentVersion } from '../../../../api/services/content-revision.ts';
import { listTopics } from '../../../../api/services/consultations.ts';
import { openTestApp, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, logIn, staffPost } from '../../../support/staff.ts';

type Login = { cookie: string; csrf: string };
const BASE = '/beheer/onderwerpen';

const newTopic = (slug: string, overrides: Record<string, string> = {}): Array<[string, string]> =>
  Object.entries({
    slug,
    titleNl: 'Groen en spelen',
    titleEn: 'Green and play',
    descriptionNl: 'Parken, speelplekken en bomen in de wijk.',
    descriptionEn: '',
    ...overrides,
  });

for (const target of databaseTargets()) {
  describe(`topics in the workbench (${target.name})`, () => {
    let t: TestApp;
    let admin: Login;
    let colleague: Login;
    let analyst: Login;
    const post = (path: string, fields: Array<[string, string]>, who: Login = admin) =>
      staffPost(t, path, [['csrf', who.csrf], ...fields], who.cookie);
    const page = async (path: string, who: Login = admin) =>
      (await t.app.request(path, { headers: { Cookie: who.cookie } })).text();
    const row = async (slug: string) => (await t.db.select().from(topics).where(eq(topics.slug, slug)))[0];
    const order = async () =>
      (await t.db.select({ slug: topics.slug }).from(topics).orderBy(asc(topics.position))).map((r) => r.slug);

    before(async () => {
      t = await openTestApp(target);
      await addStaffUser(t, 'admin@topics.example', 'administrator');
      await addStaffUser(t, 'colleague@topics.example', 'administrator');
      await addStaffUser(t, 'analyst@topics.example', 'analyst');
      admin = await logIn(t, 'admin@topics.example');
      colleague = await logIn(t, 'colleague@topics.example');
      analyst = await logIn(t, 'analyst@topics.example');
    });
    after(() => t.close());

    it('creates a topic last in the order, public at once, audited, and the portal marked for a rebuild', async () => {
      const revision = await currentContentVersion(t.db);
      const response = await post(BASE, newTopic('groen-en-spelen'));
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('Location'), `${BASE}?gedaan=gemaakt&onderwerp=groen-en-spelen`);
      assert.equal((await order()).at(-1), 'groen-en-spelen');
      const listed = (await listTopics(t.db)).find((topic) => topic.slug === 'groen-en-spelen');
      assert.deepEqual(listed?.title, { nl: 'Groen en spelen', en: 'Green and play' });
      assert.deepEqual(listed?.description, { nl: 'Parken, speelplekken en bomen in de wijk.' });
      assert.notEqual(await currentContentVersion(t.db), revision);
      const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'topic.created'));
      assert.equal((entry!.details as { slug: string }).slug, 'groen-en-spelen');
      assert.match(await page(response.headers.get('Location')!), /Onderwerp ‘Groen en spelen’ is gemaakt\./);
    });

    it('refuses bad input in the page language, keeping what was typed, and stores nothing', async () => {
      const before_ = (await order()).length;
      const nl = await post(BASE, newTopic('Groen!', { titleNl: '', descriptionNl: 'x'.repeat(2001) }));
      assert.equal(nl.status, 422);
      const html = await nl.text();
      assert.match(html, /Geef een adres van 3 tot 80 tekens/);
      assert.match(html, /Geef een Nederlandse titel/);
      assert.match(html, /Geef een Nederlandse beschrijving van hoogstens 2000 tekens/);
      assert.match(html, /value="Groen!"/);
      const en = await post(BASE, [...newTopic('groen-en-spelen'), ['lang', 'en']]);
      assert.equal(en.status, 409);
      assert.match(await en.text(), /A topic with this address exists already/);
      assert.equal((await order()).length, before_);
    });

    it('saves texts on the version seen, and refuses a stale save naming who changed what, keeping the typing', async () => {
      const edit = `${BASE}/groen-en-spelen`;
      assert.match(await page(edit), /name="version" value="1"/);
      const first = await post(
        edit,
        [['version', '1'], ...newTopic('x', { titleNl: 'Groen, spelen en bomen' })],
        colleague,
      );
      assert.equal(first.status, 303);
      assert.equal((await row('groen-en-spelen'))!.version, 2);
      const late = await post(edit, [
        ['version', '1'],
        ...newTopic('x', { descriptionNl: 'Mijn eigen beschrijving.' }),
      ]);
      assert.equal(late.status, 409);
      const html = await late.text();
      assert.match(html, /heeft dit onderwerp intussen opgeslagen \(titel\)/);
      assert.match(html, /Mijn eigen beschrijving\./);
      assert.match(html, /name="version" value="2"/);
      assert.equal((await row('groen-en-spelen'))!.title.nl, 'Groen, spelen en bomen');
      const again = await post(edit, [
        ['version', '2'],
        ...newTopic('x', { descriptionNl: 'Mijn eigen beschrijving.' }),
      ]);
      assert.equal(again.status, 303);
      assert.equal((await row('groen-en-spelen'))!.description.nl, 'Mijn eigen beschrijving.');
      const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'topic.updated'));
      assert.deepEqual((entry!.details as { fields: string[] }).fields, ['title']);
    });

    it('moves a topic one place with buttons, and says so at the edge', async () => {
      const start = await order();
      const response = await post(`${BASE}/groen-en-spelen/verplaatsen`, [['direction', 'up']]);
      assert.equal(response.status, 303);
      const moved = await order();
      assert.equal(moved.indexOf('groen-en-spelen'), start.indexOf('groen-en-spelen') - 1);
      await post(`${BASE}/groen-en-spelen/verplaatsen`, [['direction', 'down']]);
      const edge = await post(`${BASE}/groen-en-spelen/verplaatsen`, [['direction', 'down']]);
      assert.equal(edge.headers.get('Location'), `${BASE}?gedaan=rand`);
      const bad = await post(`${BASE}/groen-en-spelen/verplaatsen`, [['direction', 'sideways']]);
      assert.equal(bad.status, 404);
    });

    it('never removes a topic that holds consultations; removes an empty one', async () => {
      const held = await post(`${BASE}/mobiliteit/verwijderen`, []);
      assert.equal(held.status, 409);
      assert.match(await held.text(), /kan daarom niet weg/);
      assert.ok(await row('mobiliteit'));
      const removed = await post(`${BASE}/groen-en-spelen/verwijderen`, []);
      assert.equal(removed.status, 303);
      assert.equal(await row('groen-en-spelen'), undefined);
      assert.equal((await post(`${BASE}/groen-en-spelen/verwijderen`, [])).status, 404);
    });

    it('is only for those who author consultations', async () => {
      assert.equal((await t.app.request(BASE, { headers: { Cookie: analyst.cookie } })).status, 403);
      assert.equal((await post(BASE, newTopic('van-de-analist'), analyst)).status, 403);
      assert.equal(await row('van-de-analist'), undefined);
    });
  });
}
