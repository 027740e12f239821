import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { savedViews, staffUsers, submissions } from '../../../../api/db/schema.ts';
import { openTestApp, postJson, validAnswers, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, logIn, staffPost } from '../../../support/staff.ts';

type Login = { cookie: string; csrf: string };

for (const target of databaseTargets()) {
  describe(`saved inbox views, each person's own (${target.name})`, () => {
    let t: TestApp;
    let fatima: Login;
    let noor: Login;
    let fatimaId: string;

    before(async () => {
      t = await openTestApp(target);
      fatimaId = await addStaffUser(t, 'fatima@demodam.example', 'moderator');
      await addStaffUser(t, 'noor@demodam.example', 'moderator');
      fatima = await logIn(t, 'fatima@demodam.example');
      noor = await logIn(t, 'noor@demodam.example');
    });
    after(() => t.close());

    const page = async (path: string, who: Login = fatima) => {
      const response = await t.app.request(path, { headers: { Cookie: who.cookie } });
      return { status: response.status, html: await response.text() };
    };
    const save = (fields: Array<[string, string]>, who: Login = fatima) =>
      staffPost(t, '/beheer/weergaven', [['csrf', who.csrf], ['lang', 'nl'], ...fields], who.cookie);
    const viewsOf = (staffUserId: string) =>
      t.db.select().from(savedViews).where(eq(savedViews.staffUserId, staffUserId));
    const viewNamed = async (name: string) => (await viewsOf(fatimaId)).find((v) => v.name === name)!;

    it('saves the inbox filters under a name, keeping only the list parameters, and lists it as a link', async () => {
      const response = await save([
        ['name', '  Mijn   nieuwste  '],
        ['query', 'view=mine&sort=newest&na=123.00000000-0000-0000-0000-000000000000&opgeslagen=item&bogus=1'],
        ['next', '/beheer/?view=mine&sort=newest'],
      ]);
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('Location'), '/beheer/?view=mine&sort=newest&weergave=opgeslagen');
      const view = await viewNamed('Mijn nieuwste');
      assert.equal(view.query, 'view=mine&sort=newest', 'no page cursor, notice or unknown parameter');
      const { html } = await page(response.headers.get('Location')!);
      assert.match(html, /role="status">Weergave opgeslagen\./);
      assert.match(
        html,
        /<a href="\/beheer\/\?view=mine&amp;sort=newest" aria-current="page">Mijn nieuwste <span class="staff-visually-hidden">\(nu getoond\)<\/span><\/a>/,
      );
      const other = await page('/beheer/?view=waiting');
      assert.match(other.html, /<a href="\/beheer\/\?view=mine&amp;sort=newest">Mijn nieuwste<\/a>/);
    });

    it('refuses a missing, too long or duplicate name with a clear error and keeps what was typed', async () => {
      const cases: Array<[string, RegExp]> = [
        ['   ', /Geef de weergave een naam\./],
        ['x'.repeat(81), /Maak de naam korter dan 80 tekens\./],
        ['MIJN nieuwste', /U heeft al een weergave met deze naam\. Kies een andere naam\./],
      ];
      for (const [name, message] of cases) {
        const response = await save([
          ['name', name],
          ['query', 'channel=widget'],
          ['next', '/beheer/?channel=widget'],
        ]);
        assert.equal(response.status, 422, name);
        const html = await response.text();
        assert.match(html, /<title>Fout: /);
        assert.match(html, message);
        assert.match(html, /href="#saved-view-name"/, 'the error summary links to the field');
        assert.match(html, /id="saved-view-name" name="name" value="[^"]*"[^>]*aria-invalid="true"/);
        if (name.trim()) assert.ok(html.includes(`value="${name}"`), 'the name is kept');
        assert.match(html, /<option value="widget" selected>/, 'the filters stay as they were');
      }
      assert.equal((await viewsOf(fatimaId)).length, 1, 'nothing was saved');
    });

    it('comes back to the item that was open when a save from its page is refused', async () => {
      const submitted = await postJson(t.app, '/api/consultations/fietsroute-stationsstraat/submissions', {
        answers: { ...validAnswers, toelichting: 'Weergave vanaf een item.' },
      });
      const { code } = await submitted.json();
      const [row] = await t.db.select().from(submissions).where(eq(submissions.followUpCode, code));
      const response = await save([
        ['name', ''],
        ['query', 'sort=newest'],
        ['next', `/beheer/items/${row!.id}?sort=newest`],
      ]);
      assert.equal(response.status, 422);
      assert.match(await response.text(), /<h2 id="item-detail-heading" tabindex="-1">/);
    });

    it("renames and deletes only the person's own views; another person's is not found", async () => {
      const view = await viewNamed('Mijn nieuwste');
      const rename = (name: string, who: Login = fatima, id = view.id) =>
        staffPost(
          t,
          `/beheer/weergaven/${id}/naam`,
          [
            ['csrf', who.csrf],
            ['lang', 'nl'],
            ['name', name],
          ],
          who.cookie,
        );
      const remove = (who: Login = fatima, id = view.id) =>
        staffPost(
          t,
          `/beheer/weergaven/${id}/verwijderen`,
          [
            ['csrf', who.csrf],
            ['lang', 'nl'],
          ],
          who.cookie,
        );

      assert.equal((await rename('Van Noor', noor)).status, 404);
      assert.equal((await remove(noor)).status, 404);
      assert.equal((await rename('Ander', fatima, 'geen-id')).status, 404);
      assert.equal((await rename('Ander', fatima, randomUUID())).status, 404);
      assert.equal((await remove(fatima, 'geen-id')).status, 404);
      assert.equal((await viewNamed('Mijn nieuwste')).id, view.id, 'untouched by the refusals');
      const noorsInbox = await page('/beheer/', noor);
      assert.doesNotMatch(noorsInbox.html, /Mijn nieuwste/, "nobody else sees a person's views");

      await save([
        ['name', 'Widgets'],
        ['query', 'channel=widget'],
      ]);
      const duplicate = await rename('widgets');
      assert.equal(duplicate.status, 422);
      const html = await duplicate.text();
      assert.match(html, /U heeft al een weergave met deze naam\./);
      assert.match(html, new RegExp(`href="#rename-${view.id}"`));
      assert.match(html, /value="widgets"/, 'what was typed stays');
      assert.equal((await rename('')).status, 422);

      const renamed = await rename('Nieuwste eerst');
      assert.equal(renamed.status, 303);
      assert.equal(renamed.headers.get('Location'), '/beheer/weergaven?gedaan=hernoemd');
      assert.match((await page('/beheer/weergaven?gedaan=hernoemd')).html, /role="status">Weergave hernoemd\./);
      assert.equal((await viewNamed('Nieuwste eerst')).id, view.id);

      const removed = await remove();
      assert.equal(removed.status, 303);
      assert.ok(!(await viewsOf(fatimaId)).some((v) => v.id === view.id));
      assert.equal((await remove()).status, 404, 'deleting twice finds nothing the second time');
    });

    it('refuses a save without the CSRF token, and a list longer than thirty views', async () => {
      const forged = await staffPost(
        t,
        '/beheer/weergaven',
        [
          ['lang', 'nl'],
          ['name', 'Vervalst'],
          ['query', ''],
        ],
        fatima.cookie,
      );
      assert.equal(forged.status, 403);
      const have = (await viewsOf(fatimaId)).length;
      await t.db.insert(savedViews).values(
        Array.from({ length: 30 - have }, (_, i) => ({
          staffUserId: fatimaId,
          name: `Vol ${i}`,
          query: `q=vol${i}`,
          position: 100 + i,
        })),
      );
      const full = await save([
        ['name', 'Eén te veel'],
        ['query', ''],
      ]);
      assert.equal(full.status, 422);
      assert.match(await full.text(), /U heeft al 30 weergaven\. Verwijder er eerst een\./);
      await t.db.delete(savedViews).where(eq(savedViews.staffUserId, fatimaId));
    });

    it('opens a saved view whose filters no longer exist with a notice instead of an error', async () => {
      await save([
        ['name', 'Oude afdeling'],
        ['query', 'department=opgeheven&status=verdwenen&view=nergens'],
      ]);
      const view = await viewNamed('Oude afdeling');
      const { status, html } = await page(`/beheer/?${view.query}`);
      assert.equal(status, 200);
      assert.match(html, /Het filter ‘Afdeling: opgeheven’ bestaat niet meer/);
      assert.match(html, /<option value="all" selected>|<option value="all">/, 'the unknown view value is dropped');
      const manage = await page('/beheer/weergaven');
      assert.equal(manage.status, 200);
      assert.match(manage.html, /<h2 id="view-[^"]+">Oude afdeling<\/h2>/);
      assert.match(manage.html, /Afdeling: opgeheven/);
      const english = await page('/en/manage/views');
      assert.match(english.html, /<html lang="en">/);
      assert.match(english.html, /Rename ‘Oude afdeling’/);
    });

    it('goes with the staff account: erasing the person erases their views', async () => {
      const id = await addStaffUser(t, 'tijdelijk@demodam.example', 'webcare');
      const temporary = await logIn(t, 'tijdelijk@demodam.example');
      assert.equal(
        (
          await save(
            [
              ['name', 'Even'],
              ['query', 'view=mine'],
            ],
            temporary,
          )
        ).status,
        303,
      );
      assert.equal((await viewsOf(id)).length, 1);
      await t.db.delete(staffUsers).where(eq(staffUsers.id, id));
      assert.equal((await viewsOf(id)).length, 0);
    });
  });
}
