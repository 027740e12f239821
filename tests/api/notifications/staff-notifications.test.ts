/**
 * Staff are told when an item is assigned to them, nearly late or escalated, and
 * administrators of security alerts: in the workbench and by e-mail, as each chooses.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import {
  organisations,
  outboxMessages,
  staffNotificationPreferences,
  staffNotifications,
  submissions,
} from '../../../api/db/schema.ts';
import { notifyAdministrators } from '../../../api/services/notifications/staff.ts';
import { isNearlyLate, notifyNearlyLate } from '../../../api/services/notifications/nearly-late.ts';
import { DEFAULT_CALENDAR } from '../../../api/services/office-hours/calendar.ts';
import { NOW, openTestApp, postJson, validAnswers, type TestApp } from '../../support/app.ts';
import { databaseTargets } from '../../support/databases.ts';
import { addStaffUser, logIn, saveItemForm, staffPost } from '../../support/staff.ts';

const submitPath = '/api/consultations/fietsroute-stationsstraat/submissions';
type Login = { cookie: string; csrf: string };

for (const target of databaseTargets()) {
  describe(`staff notifications (${target.name})`, () => {
    let t: TestApp;
    let moderator: Login;
    let webcare: Login;
    let admin: Login;
    let webcareId: string;
    let adminId: string;
    before(async () => {
      t = await openTestApp(target, { publicUrl: 'https://podium.demodam.example' });
      await addStaffUser(t, 'moderator@demodam.example', 'moderator');
      webcareId = await addStaffUser(t, 'webcare@demodam.example', 'webcare');
      adminId = await addStaffUser(t, 'admin@demodam.example', 'administrator');
      moderator = await logIn(t, 'moderator@demodam.example');
      webcare = await logIn(t, 'webcare@demodam.example');
      admin = await logIn(t, 'admin@demodam.example');
    });
    after(() => t.close());
    beforeEach(async () => {
      await t.db.delete(staffNotifications);
      await t.db.delete(outboxMessages);
      await t.db.delete(staffNotificationPreferences);
    });

    async function submit() {
      const response = await postJson(t.app, submitPath, { answers: validAnswers });
      const { code } = (await response.json()) as { code: string };
      const [row] = await t.db.select().from(submissions).where(eq(submissions.followUpCode, code));
      return row!;
    }
    const assign = (id: string, person: string, who: Login = moderator) =>
      saveItemForm(t, who, id, [
        ['department', ''],
        ['person', person],
      ]);
    const page = async (who: Login, path = '/beheer/meldingen') =>
      (await t.app.request(path, { headers: { Cookie: who.cookie } })).text();

    it('tells the person an item is assigned to, in the workbench with an unread count and by e-mail', async () => {
      const row = await submit();
      assert.equal((await assign(row.id, webcareId)).status, 303);
      const html = await page(webcare);
      assert.match(html, /<a href="\/beheer\/meldingen" aria-current="page">Meldingen \(1 ongelezen\)<\/a>/);
      assert.match(
        html,
        /<strong>Ongelezen:<\/strong> Een item over &quot;Nieuwe fietsroute Stationsstraat&quot; is aan u toegewezen\./,
      );
      assert.ok(html.includes(`<a href="/beheer/items/${row.id}">Open het item</a>`));
      const [mail] = await t.db.select().from(outboxMessages).where(eq(outboxMessages.staffUserId, webcareId));
      assert.equal(mail!.recipient, 'webcare@demodam.example');
      assert.equal(mail!.kind, 'staff.item_assigned');
      assert.ok(mail!.text.includes(`https://podium.demodam.example/beheer/items/${row.id}`));
      assert.equal(mail!.headers['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click');
      // Someone who assigns an item to themselves is not told.
      const own = await submit();
      await assign(own.id, webcareId, webcare);
      assert.equal(
        (await t.db.select().from(staffNotifications).where(eq(staffNotifications.staffUserId, webcareId))).length,
        1,
      );
    });

    it('marks all read, and the count leaves the navigation', async () => {
      await assign((await submit()).id, webcareId);
      const response = await staffPost(
        t,
        '/beheer/meldingen/gelezen',
        [
          ['csrf', webcare.csrf],
          ['all', 'yes'],
        ],
        webcare.cookie,
      );
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('Location'), '/beheer/meldingen?gelezen=1');
      const html = await page(webcare, '/beheer/meldingen?gelezen=1');
      assert.match(html, /<p class="staff-notice" role="status">1 melding als gelezen gemarkeerd\.<\/p>/);
      assert.match(html, /aria-current="page">Meldingen<\/a>/);
      assert.match(html, /U hebt geen ongelezen meldingen\./);
    });

    it('follows each person’s choice: only e-mail, in English', async () => {
      const saved = await staffPost(
        t,
        '/beheer/meldingen/voorkeuren',
        [
          ['csrf', webcare.csrf],
          ['lang', 'en'],
          ['item_assigned-email', 'yes'],
          ['language', 'en'],
        ],
        webcare.cookie,
      );
      assert.equal(saved.status, 303);
      assert.equal(saved.headers.get('Location'), '/en/manage/notifications?opgeslagen');
      await assign((await submit()).id, webcareId);
      assert.equal(
        (await t.db.select().from(staffNotifications).where(eq(staffNotifications.staffUserId, webcareId))).length,
        0,
      );
      const [mail] = await t.db.select().from(outboxMessages).where(eq(outboxMessages.staffUserId, webcareId));
      assert.equal(mail!.locale, 'en');
      assert.equal(mail!.subject, 'Item assigned to you');
      assert.match(mail!.html, /<html lang="en">/);
      const html = await page(webcare, '/en/manage/notifications');
      assert.match(
        html,
        /<input type="checkbox" id="item_assigned-email" name="item_assigned-email" value="yes" checked>/,
      );
      assert.match(
        html,
        /<input type="checkbox" id="item_assigned-workbench" name="item_assigned-workbench" value="yes">/,
      );
      assert.doesNotMatch(html, /security_alert/); // administrators only
    });

    it('refuses bad preferences and bad ids with a clear message in the form’s language, saving nothing', async () => {
      const bad = await staffPost(
        t,
        '/beheer/meldingen/voorkeuren',
        [
          ['csrf', moderator.csrf],
          ['language', 'fr'],
          ['item_escalated-email', 'ja'],
        ],
        moderator.cookie,
      );
      assert.equal(bad.status, 422);
      const html = await bad.text();
      assert.match(html, /Kies de taal van de e-mails: Nederlands of English\./);
      assert.match(html, /Deze keuze bestaat niet\. Vink het vakje aan of laat het leeg\./);
      const badEn = await staffPost(
        t,
        '/beheer/meldingen/gelezen',
        [
          ['csrf', moderator.csrf],
          ['lang', 'en'],
          ['id', 'nope'],
        ],
        moderator.cookie,
      );
      assert.equal(badEn.status, 422);
      assert.match(await badEn.text(), /One of the notifications does not exist\./);
      const noToken = await staffPost(t, '/beheer/meldingen/voorkeuren', [['language', 'nl']], moderator.cookie);
      assert.equal(noToken.status, 403);
    });

    it('tells the assignee when their item is escalated', async () => {
      const row = await submit();
      await assign(row.id, webcareId);
      await t.db.delete(staffNotifications);
      const response = await saveItemForm(t, moderator, row.id, [['decision', 'escalate']]);
      assert.ok([200, 303].includes(response.status));
      const rows = await t.db.select().from(staffNotifications).where(eq(staffNotifications.staffUserId, webcareId));
      assert.deepEqual(
        rows.map((r) => r.kind),
        ['item_escalated'],
      );
    });

    it('tells the assignee once when their item has less than a working day left', async () => {
      const row = await submit();
      await assign(row.id, webcareId);
      await t.db.delete(staffNotifications);
      // The demo consultation promises an answer in 10 working days: on the last day it is nearly late.
      const early = new Date(NOW.getTime() + 86_400_000);
      assert.equal(await notifyNearlyLate(t.db, early), 0);
      const lastDay = new Date(NOW.getTime() + 13 * 86_400_000 + 3_600_000);
      assert.ok(await notifyNearlyLate(t.db, lastDay));
      await notifyNearlyLate(t.db, lastDay);
      const rows = await t.db.select().from(staffNotifications).where(eq(staffNotifications.staffUserId, webcareId));
      // Earlier tests' items are theirs too: each is told once, this one included.
      const items = rows.map((r) => r.params.itemId);
      assert.ok(rows.every((r) => r.kind === 'item_nearly_late'));
      assert.equal(new Set(items).size, items.length);
      assert.equal(items.filter((id) => id === row.id).length, 1);
      assert.equal(
        isNearlyLate(DEFAULT_CALENDAR, new Date(lastDay.getTime() - 1), lastDay),
        false,
        'late is not nearly late',
      );
      assert.equal(isNearlyLate(DEFAULT_CALENDAR, new Date(lastDay.getTime() + 60_000), lastDay), true);
    });

    it('alerts every administrator once per event (for the log-in throttling)', async () => {
      const [org] = await t.db.select().from(organisations).where(eq(organisations.slug, 'demodam'));
      const alert = {
        organisationId: org!.id,
        message: { nl: 'veel mislukte inlogpogingen op één account.', en: 'many failed log-ins on one account.' },
        dedupeKey: 'login-attack:2026-11-27T10',
        now: NOW,
      };
      assert.equal(await notifyAdministrators(t.db, alert), 1);
      await notifyAdministrators(t.db, alert);
      const rows = await t.db.select().from(staffNotifications).where(eq(staffNotifications.kind, 'security_alert'));
      assert.deepEqual(
        rows.map((r) => r.staffUserId),
        [adminId],
      );
      assert.match(await page(admin), /Beveiliging: veel mislukte inlogpogingen op één account\./);
      assert.equal(
        (await t.db.select().from(outboxMessages).where(eq(outboxMessages.kind, 'staff.security_alert'))).length,
        1,
      );
    });
  });
}
