import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, desc, eq } from 'drizzle-orm';
import { auditLog, departments, organisations, routingRules, submissions, topics } from '../../../../api/db/schema.ts';
import { routeFor } from '../../../../api/services/webcare/routing.ts';
import { openTestApp, postJson, validAnswers, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, logIn, saveItemForm, staffPost } from '../../../support/staff.ts';

const submitPath = '/api/consultations/fietsroute-stationsstraat/submissions';

for (const target of databaseTargets()) {
  describe(`webcare routing and assignment (${target.name})`, () => {
    let t: TestApp;
    let admin: { cookie: string; csrf: string };
    let webcare: { cookie: string; csrf: string };
    let webcareId: string;
    let orgId: string;
    let mobility: string;
    let traffic: string;
    let parks: string;

    before(async () => {
      t = await openTestApp(target);
      await addStaffUser(t, 'admin@demodam.example', 'administrator');
      webcareId = await addStaffUser(t, 'webcare@demodam.example', 'webcare');
      await addStaffUser(t, 'analyst@demodam.example', 'analyst');
      admin = await logIn(t, 'admin@demodam.example');
      webcare = await logIn(t, 'webcare@demodam.example');
      const [org] = await t.db.select().from(organisations).where(eq(organisations.slug, 'demodam'));
      orgId = org!.id;
      const [topic] = await t.db.select().from(topics).where(eq(topics.slug, 'mobiliteit'));
      mobility = topic!.id;
      const [department] = await t.db.select().from(departments).where(eq(departments.slug, 'verkeer'));
      traffic = department!.id;
      const [park] = await t.db
        .insert(departments)
        .values({ organisationId: orgId, slug: 'groen', name: { nl: 'Team Groen', en: 'Parks team' } })
        .returning();
      parks = park!.id;
    });
    after(() => t.close());

    async function submit(channel: 'portal' | 'widget' = 'portal') {
      const response = await postJson(t.app, submitPath, { answers: validAnswers, channel });
      assert.equal(response.status, 201);
      const { code } = await response.json();
      const [row] = await t.db.select().from(submissions).where(eq(submissions.followUpCode, code));
      return row!;
    }

    const addRule = (fields: Array<[string, string]>, who = admin) =>
      staffPost(t, '/beheer/routering', [['csrf', who.csrf], ...fields], who.cookie);

    it('routes nobody when there is no rule', async () => {
      const row = await submit();
      assert.equal(row.assignedDepartmentId, null);
      assert.equal(row.assignedStaffUserId, null);
    });

    it('lets an administrator add a rule per topic, audited, and routes new portal input by it', async () => {
      const response = await addRule([
        ['topic', 'mobiliteit'],
        ['channel', ''],
        ['department', parks],
        ['person', ''],
      ]);
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('Location'), '/beheer/routering?klaar=opgeslagen');
      const row = await submit('portal');
      assert.equal(row.assignedDepartmentId, parks);
      const [entry] = await t.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'routing_rule.created'))
        .orderBy(desc(auditLog.at));
      assert.equal((entry!.details as { topic: string }).topic, 'mobiliteit');
      const page = await (await t.app.request('/beheer/routering', { headers: { Cookie: admin.cookie } })).text();
      assert.match(page, /<th scope="row">Mobiliteit en vervoer<\/th><td>Alle kanalen<\/td><td>Team Groen<\/td>/);
    });

    it('prefers a rule for the topic and channel over the rule for the whole topic', async () => {
      const response = await addRule([
        ['topic', 'mobiliteit'],
        ['channel', 'widget'],
        ['department', traffic],
        ['person', webcareId],
      ]);
      assert.equal(response.status, 303);
      const widget = await submit('widget');
      assert.deepEqual([widget.assignedDepartmentId, widget.assignedStaffUserId], [traffic, webcareId]);
      const portal = await submit('portal');
      assert.deepEqual([portal.assignedDepartmentId, portal.assignedStaffUserId], [parks, null]);
      // Social posts (another module) call the same function with their own channel.
      assert.deepEqual(await routeFor(t.db, { organisationId: orgId, topicId: mobility, channel: 'social' }), {
        departmentId: parks,
        staffUserId: null,
      });
    });

    it('refuses a second rule for the same topic and channel, and a rule that routes to nobody', async () => {
      const duplicate = await addRule([
        ['topic', 'mobiliteit'],
        ['channel', 'widget'],
        ['department', parks],
        ['person', ''],
      ]);
      assert.equal(duplicate.status, 409);
      assert.match(await duplicate.text(), /Er is al een regel voor dit onderwerp en kanaal/);
      const nobody = await addRule([
        ['topic', 'mobiliteit'],
        ['channel', 'portal'],
        ['department', ''],
        ['person', ''],
      ]);
      assert.equal(nobody.status, 422);
      assert.match(await nobody.text(), /Kies een afdeling, een medewerker of allebei\./);
    });

    it('refuses bad input on the rule form with errors next to the fields', async () => {
      const cases: Array<[Array<[string, string]>, RegExp]> = [
        [
          [
            ['topic', 'bestaat-niet'],
            ['channel', ''],
            ['department', parks],
            ['person', ''],
          ],
          /Kies een onderwerp uit de lijst\./,
        ],
        [
          [
            ['topic', 'mobiliteit'],
            ['channel', 'fax'],
            ['department', parks],
            ['person', ''],
          ],
          /Kies een onderwerp uit de lijst\./,
        ],
        [
          [
            ['topic', 'mobiliteit'],
            ['channel', ''],
            ['department', 'geen-uuid'],
            ['person', ''],
          ],
          /Kies een afdeling uit de lijst\./,
        ],
        [
          [
            ['topic', 'mobiliteit'],
            ['channel', 'portal'],
            ['department', ''],
            ['person', '00000000-0000-4000-8000-000000000000'],
          ],
          /Kies een medewerker uit de lijst\./,
        ],
      ];
      for (const [fields, message] of cases) {
        const response = await addRule(fields);
        assert.equal(response.status, 422, JSON.stringify(fields));
        const html = await response.text();
        assert.match(html, message);
        assert.match(html, /aria-invalid="true"/);
      }
      assert.equal((await t.db.select().from(routingRules)).length, 2, 'nothing stored');
    });

    it('refuses the routing pages and forms to anonymous requests, other roles and missing CSRF tokens', async () => {
      const anonymous = await t.app.request('/beheer/routering');
      assert.equal(anonymous.status, 303);
      assert.match(anonymous.headers.get('Location') ?? '', /^\/beheer\/inloggen\?next=/);
      const english = await t.app.request('/en/manage/routing', { headers: { Cookie: webcare.cookie } });
      assert.equal(english.status, 403);
      const fields: Array<[string, string]> = [
        ['topic', 'mobiliteit'],
        ['channel', 'portal'],
        ['department', traffic],
        ['person', ''],
      ];
      assert.equal((await staffPost(t, '/beheer/routering', fields)).status, 401);
      assert.equal((await addRule(fields, webcare)).status, 403);
      assert.equal((await staffPost(t, '/beheer/routering', fields, admin.cookie)).status, 403, 'no CSRF token');
      const [rule] = await t.db.select().from(routingRules).limit(1);
      assert.equal(
        (await staffPost(t, `/beheer/routering/${rule!.id}/verwijderen`, [['csrf', webcare.csrf]], webcare.cookie))
          .status,
        403,
      );
      assert.equal((await t.db.select().from(routingRules)).length, 2);
    });

    it('deletes a rule, audited with what it was', async () => {
      const [rule] = await t.db
        .select()
        .from(routingRules)
        .where(and(eq(routingRules.topicId, mobility), eq(routingRules.channel, 'widget')));
      const response = await staffPost(
        t,
        `/beheer/routering/${rule!.id}/verwijderen`,
        [['csrf', admin.csrf]],
        admin.cookie,
      );
      assert.equal(response.status, 303);
      const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'routing_rule.deleted'));
      assert.equal((entry!.details as { before: { staffUserId: string } }).before.staffUserId, webcareId);
      const again = await staffPost(
        t,
        `/beheer/routering/${rule!.id}/verwijderen`,
        [['csrf', admin.csrf]],
        admin.cookie,
      );
      assert.equal(again.status, 404);
    });

    // ---- assignment from the queue ----------------------------------------------------------
    const assign = (id: string, fields: Array<[string, string]>, who = webcare) =>
      saveItemForm(t, who, id, [['next', '/beheer/?status=new'], ...fields]);

    it("assigns an item with the item's one form, audited with before and after, and says so", async () => {
      const row = await submit('portal');
      const response = await assign(row.id, [
        ['department', traffic],
        ['person', webcareId],
      ]);
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('Location'), '/beheer/?status=new&opgeslagen=item');
      const [stored] = await t.db.select().from(submissions).where(eq(submissions.id, row.id));
      assert.deepEqual([stored!.assignedDepartmentId, stored!.assignedStaffUserId], [traffic, webcareId]);
      const [entry] = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'submission.assigned'), eq(auditLog.subjectId, row.id)));
      assert.deepEqual(entry!.details, {
        before: { departmentId: parks, staffUserId: null },
        after: { departmentId: traffic, staffUserId: webcareId },
      });
      const page = await (
        await t.app.request('/beheer/?opgeslagen=item', { headers: { Cookie: webcare.cookie } })
      ).text();
      assert.match(page, /<p class="staff-notice" role="status">Opgeslagen\.<\/p>/);
      assert.match(page, /<dt class="staff-visually-hidden">Toegewezen aan<\/dt><dd>webcare<\/dd>/);
      const same = await assign(row.id, [
        ['department', traffic],
        ['person', webcareId],
      ]);
      assert.equal(same.headers.get('Location'), '/beheer/?status=new&opgeslagen=niets', 'nothing to save');
    });

    it("refuses an unknown department or person on the item's one form, next to the field", async () => {
      const row = await submit('portal');
      const badDepartment = await assign(row.id, [
        ['department', '00000000-0000-4000-8000-000000000000'],
        ['person', ''],
      ]);
      assert.equal(badDepartment.status, 422);
      const html = await badDepartment.text();
      assert.match(html, /Deze afdeling bestaat niet\. Kies er een uit de lijst\./);
      assert.match(html, /href="#detail-department"/, "shown in the item's one form");
      const badPerson = await assign(row.id, [
        ['department', ''],
        ['person', 'niemand'],
      ]);
      assert.equal(badPerson.status, 422);
      assert.match(await badPerson.text(), /<a href="#detail-person">Deze persoon bestaat niet/);
      const [stored] = await t.db.select().from(submissions).where(eq(submissions.id, row.id));
      assert.equal(stored!.assignedDepartmentId, parks, 'unchanged');
    });

    it('refuses assignment to anonymous requests, a role that may not and a missing CSRF token', async () => {
      const row = await submit('portal');
      const analyst = await logIn(t, 'analyst@demodam.example');
      const fields: Array<[string, string]> = [
        ['department', traffic],
        ['person', ''],
      ];
      const withVersion: Array<[string, string]> = [['version', String(row.version)], ...fields];
      assert.equal((await staffPost(t, `/beheer/items/${row.id}`, withVersion)).status, 401);
      assert.equal((await staffPost(t, `/beheer/items/${row.id}`, withVersion, webcare.cookie)).status, 403);
      assert.equal((await assign(row.id, fields, analyst)).status, 403, 'analysts may not assign');
      const [stored] = await t.db.select().from(submissions).where(eq(submissions.id, row.id));
      assert.equal(stored!.assignedDepartmentId, parks);
    });

    it('shows department members what is routed to their department, and nothing else', async () => {
      await addStaffUser(t, 'groen@demodam.example', 'department_member', { department: 'groen' });
      const member = await logIn(t, 'groen@demodam.example');
      const routed = await submit('portal');
      const [other] = await t.db
        .update(submissions)
        .set({ assignedDepartmentId: traffic })
        .where(eq(submissions.id, (await submit('portal')).id))
        .returning();
      const html = await (await t.app.request('/beheer/', { headers: { Cookie: member.cookie } })).text();
      assert.match(html, new RegExp(`href="/beheer/items/${routed.id}"`));
      assert.doesNotMatch(html, new RegExp(`href="/beheer/items/${other!.id}"`));
      const item = await (
        await t.app.request(`/beheer/items/${routed.id}`, { headers: { Cookie: member.cookie } })
      ).text();
      assert.match(item, /id="item-detail-heading"/, 'the item is open');
      assert.doesNotMatch(item, /<select id="detail-department"/, 'department members do not reassign');
    });
  });
}
