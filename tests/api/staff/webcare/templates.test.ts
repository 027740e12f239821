import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { auditLog, replyTemplates } from '../../../../api/db/schema.ts';
import { openTestApp, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, logIn, staffPost } from '../../../support/staff.ts';

type Login = { cookie: string; csrf: string };

for (const target of databaseTargets()) {
  describe(`answer templates (${target.name})`, () => {
    let t: TestApp;
    let admin: Login;
    let webcare: Login;

    before(async () => {
      t = await openTestApp(target);
      await addStaffUser(t, 'admin@demodam.example', 'administrator');
      await addStaffUser(t, 'webcare@demodam.example', 'webcare');
      admin = await logIn(t, 'admin@demodam.example');
      webcare = await logIn(t, 'webcare@demodam.example');
    });
    after(() => t.close());

    /** The templates this test made; the demo seed brings its own. */
    const ours = () =>
      t.db
        .select()
        .from(replyTemplates)
        .where(sql`${replyTemplates.title}->>'en' = 'Thanks'`);
    const save = (fields: Array<[string, string]>, who: Login = admin) =>
      staffPost(t, '/beheer/sjablonen', [['csrf', who.csrf], ...fields], who.cookie);
    const template = (
      titleNl: string,
      bodyNl: string,
      extra: Array<[string, string]> = [],
    ): Array<[string, string]> => [
      ['titleNl', titleNl],
      ['titleEn', 'Thanks'],
      ['bodyNl', bodyNl],
      ['bodyEn', 'Thank you for your input on {consultation}.'],
      ...extra,
    ];

    it('starts a fresh installation with two demo templates', async () => {
      const html = await (await t.app.request('/beheer/sjablonen', { headers: { Cookie: admin.cookie } })).text();
      assert.match(html, /Sjabloon bewerken: Dank voor uw inbreng<\/h2>/);
      assert.match(html, /Sjabloon bewerken: Doorgestuurd naar de afdeling<\/h2>/);
    });

    it('lets an administrator add a template in Dutch and English, audited', async () => {
      const response = await save(template('Bedankt', 'Dank voor uw inbreng op {consultatie}.'));
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('Location'), '/beheer/sjablonen?klaar=opgeslagen');
      const [row] = await ours();
      assert.deepEqual(row!.body, {
        nl: 'Dank voor uw inbreng op {consultatie}.',
        en: 'Thank you for your input on {consultation}.',
      });
      const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'reply_template.created'));
      assert.equal(entry!.subjectId, row!.id);
      const page = await (
        await t.app.request('/beheer/sjablonen?klaar=opgeslagen', { headers: { Cookie: admin.cookie } })
      ).text();
      assert.match(page, /<p class="staff-notice" role="status">Het sjabloon is opgeslagen\.<\/p>/);
      assert.match(page, /<h2 id="template-[^"]+-heading">Sjabloon bewerken: Bedankt<\/h2>/);
      assert.match(page, /Leesbaarheid:<\/strong> <span data-readability-output>Flesch-Douma: /);
    });

    it('edits a template, audited with before and after', async () => {
      const [row] = await ours();
      const response = await save(template('Bedankt', 'Dank u wel voor uw reactie.', [['id', row!.id]]));
      assert.equal(response.status, 303);
      const [updated] = await t.db.select().from(replyTemplates).where(eq(replyTemplates.id, row!.id));
      assert.equal(updated!.body.nl, 'Dank u wel voor uw reactie.');
      const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'reply_template.updated'));
      const details = entry!.details as { before: { body: { nl: string } }; after: { body: { nl: string } } };
      assert.deepEqual(
        [details.before.body.nl, details.after.body.nl],
        ['Dank voor uw inbreng op {consultatie}.', 'Dank u wel voor uw reactie.'],
      );
    });

    it('refuses a template without a Dutch name or text, or that is too long, keeping the input', async () => {
      const response = await save(template('', '', [['titleEn', 'Only English']]));
      assert.equal(response.status, 422);
      const html = await response.text();
      assert.match(html, /<a href="#template-new-titleNl">Geef het sjabloon een Nederlandse naam\.<\/a>/);
      assert.match(html, /<a href="#template-new-bodyNl">Schrijf de Nederlandse tekst\.<\/a>/);
      const long = await save(template('x'.repeat(201), 'Tekst.'));
      assert.equal(long.status, 422);
      assert.match(await long.text(), /Dit is te lang\./);
      const english = await staffPost(
        t,
        '/beheer/sjablonen',
        [['csrf', admin.csrf], ['lang', 'en'], ...template('', 'Tekst.')],
        admin.cookie,
      );
      assert.match(await english.text(), /Give the template a Dutch name\./);
      assert.equal((await ours()).length, 1);
    });

    it('answers 404 for an unknown template id', async () => {
      const unknown = await save(template('Naam', 'Tekst.', [['id', '00000000-0000-4000-8000-000000000000']]));
      assert.equal(unknown.status, 404);
      const malformed = await save(template('Naam', 'Tekst.', [['id', 'geen-uuid']]));
      assert.equal(malformed.status, 404);
    });

    it('refuses the template pages and forms to anonymous requests, webcare and a missing CSRF token', async () => {
      assert.equal((await t.app.request('/beheer/sjablonen')).status, 303);
      assert.equal((await t.app.request('/en/manage/templates', { headers: { Cookie: webcare.cookie } })).status, 403);
      const fields = template('Naam', 'Tekst.');
      assert.equal((await staffPost(t, '/beheer/sjablonen', fields)).status, 401);
      assert.equal((await save(fields, webcare)).status, 403);
      assert.equal((await staffPost(t, '/beheer/sjablonen', fields, admin.cookie)).status, 403);
      const [row] = await ours();
      const remove = `/beheer/sjablonen/${row!.id}/verwijderen`;
      assert.equal((await staffPost(t, remove, [['csrf', webcare.csrf]], webcare.cookie)).status, 403);
      assert.equal((await ours()).length, 1);
    });

    it('deletes a template, audited, and answers 404 the second time', async () => {
      const [row] = await ours();
      const remove = `/beheer/sjablonen/${row!.id}/verwijderen`;
      const response = await staffPost(t, remove, [['csrf', admin.csrf]], admin.cookie);
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('Location'), '/beheer/sjablonen?klaar=verwijderd');
      assert.equal((await ours()).length, 0);
      const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'reply_template.deleted'));
      assert.equal(entry!.subjectId, row!.id);
      assert.equal((await staffPost(t, remove, [['csrf', admin.csrf]], admin.cookie)).status, 404);
    });
  });
}
