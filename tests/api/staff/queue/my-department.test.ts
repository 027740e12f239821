import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { departments, organisations, submissions } from '../../../../api/db/schema.ts';
import { openTestApp, postJson, validAnswers, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, logIn } from '../../../support/staff.ts';

const submitPath = '/api/consultations/fietsroute-stationsstraat/submissions';
type Login = { cookie: string; csrf: string };

for (const target of databaseTargets()) {
  describe(`the inbox's "my department" (${target.name})`, () => {
    let t: TestApp;
    let member: Login;
    let webcareInTraffic: Login;
    let moderator: Login;
    const ids: Record<'traffic' | 'parks' | 'nobody', string> = { traffic: '', parks: '', nobody: '' };

    before(async () => {
      t = await openTestApp(target);
      const [org] = await t.db.select().from(organisations).where(eq(organisations.slug, 'demodam'));
      const [parks] = await t.db
        .insert(departments)
        .values({ organisationId: org!.id, slug: 'groen', name: { nl: 'Team Groen', en: 'Parks team' } })
        .returning();
      const [traffic] = await t.db.select().from(departments).where(eq(departments.slug, 'verkeer'));
      for (const [key, departmentId] of [
        ['traffic', traffic!.id],
        ['parks', parks!.id],
        ['nobody', null],
      ] as const) {
        const response = await postJson(t.app, submitPath, {
          answers: { ...validAnswers, toelichting: `Afdelingstest ${key}: de route is te smal.` },
        });
        assert.equal(response.status, 201);
        const { code } = await response.json();
        const [row] = await t.db
          .update(submissions)
          .set({ assignedDepartmentId: departmentId, assignedStaffUserId: null })
          .where(eq(submissions.followUpCode, code))
          .returning();
        ids[key] = row!.id;
      }
      await addStaffUser(t, 'lid@demodam.example', 'department_member', { department: 'verkeer' });
      await addStaffUser(t, 'webcare-verkeer@demodam.example', 'webcare', { department: 'verkeer' });
      await addStaffUser(t, 'moderator@demodam.example', 'moderator');
      member = await logIn(t, 'lid@demodam.example');
      webcareInTraffic = await logIn(t, 'webcare-verkeer@demodam.example');
      moderator = await logIn(t, 'moderator@demodam.example');
    });
    after(() => t.close());

    const page = async (path: string, who: Login) => {
      const response = await t.app.request(path, { headers: { Cookie: who.cookie } });
      return { status: response.status, html: await response.text() };
    };
    const listed = (html: string) =>
      (Object.keys(ids) as Array<keyof typeof ids>).filter((key) => html.includes(`/beheer/items/${ids[key]}`));

    it('lists only items routed to a department the person belongs to, whatever their role', async () => {
      const webcare = await page('/beheer/?view=department', webcareInTraffic);
      assert.equal(webcare.status, 200);
      assert.deepEqual(listed(webcare.html), ['traffic']);
      assert.deepEqual(listed((await page('/beheer/?view=all', webcareInTraffic)).html).sort(), [
        'nobody',
        'parks',
        'traffic',
      ]);
      const memberPage = await page('/beheer/?view=department', member);
      assert.deepEqual(listed(memberPage.html), ['traffic']);
    });

    it('offers "Mijn afdeling" with its explanation to members of a department, in Dutch and English', async () => {
      const { html } = await page('/beheer/?view=department', webcareInTraffic);
      assert.match(html, /<option value="department" selected>Mijn afdeling<\/option>/);
      assert.match(html, /‘Mijn afdeling’: items die naar uw afdeling zijn doorgestuurd\./);
      const english = await page('/en/manage/?view=department', webcareInTraffic);
      assert.match(english.html, /<option value="department" selected>My department<\/option>/);
    });

    it('does not offer it to someone in no department, and explains an address that asks for it', async () => {
      const plain = await page('/beheer/', moderator);
      assert.doesNotMatch(plain.html, /Mijn afdeling/);
      assert.doesNotMatch(plain.html, /value="department"/);
      const asked = await page('/beheer/?view=department', moderator);
      assert.equal(asked.status, 200);
      assert.match(asked.html, /U hoort bij geen afdeling, dus ‘Mijn afdeling’ laat geen items zien\./);
      assert.deepEqual(listed(asked.html), [], 'no department: no items, rather than all of them');
    });

    it('keeps a department filter and "my department" apart: both must hold', async () => {
      const { html } = await page('/beheer/?view=department&department=groen', webcareInTraffic);
      assert.deepEqual(listed(html), []);
    });
  });
}
