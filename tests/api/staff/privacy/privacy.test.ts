import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog, retentionPolicies, submissionContacts } from '../../../../api/db/schema.ts';
import { currentContentVersion } from '../../../../api/services/content-revision.ts';
import { openTestApp, postJson, validAnswers, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, logIn, staffPost } from '../../../support/staff.ts';

for (const target of databaseTargets()) {
  describe(`staff privacy requests and retention settings (${target.name})`, () => {
    let t: TestApp;
    let admin: { cookie: string; csrf: string };
    let moderator: { cookie: string; csrf: string };
    before(async () => {
      t = await openTestApp(target);
      await addStaffUser(t, 'admin@demodam.example', 'administrator');
      await addStaffUser(t, 'mod@demodam.example', 'moderator');
      admin = await logIn(t, 'admin@demodam.example');
      moderator = await logIn(t, 'mod@demodam.example');
      await postJson(t.app, '/api/consultations/fietsroute-stationsstraat/submissions', {
        answers: validAnswers,
        name: 'Carla Jansen',
        email: 'carla@example.nl',
        consent: true,
      });
    });
    after(() => t.close());

    const query = (csrf: string, extra: Array<[string, string]> = []): Array<[string, string]> => [
      ['csrf', csrf],
      ['by', 'email'],
      ['value', 'Carla@example.nl'],
      ['reference', 'Z-2026/117'],
      ...extra,
    ];

    it('shows the screen to administrators, in Dutch and English, with a link in the navigation', async () => {
      const nl = await t.app.request('/beheer/privacy', { headers: { Cookie: admin.cookie } });
      assert.equal(nl.status, 200);
      const html = await nl.text();
      assert.match(html, /<h1>Privacyverzoeken<\/h1>/);
      assert.match(html, /<a href="\/beheer\/privacy" aria-current="page">Privacy<\/a>/);
      const en = await t.app.request('/en/manage/privacy', { headers: { Cookie: admin.cookie } });
      assert.match(await en.text(), /<h1>Privacy requests<\/h1>/);
    });

    it('sends anonymous visitors to the log-in and refuses other roles', async () => {
      const anonymous = await t.app.request('/beheer/privacy');
      assert.equal(anonymous.status, 303);
      assert.match(anonymous.headers.get('Location') ?? '', /^\/beheer\/inloggen\?next=/);
      assert.equal((await t.app.request('/beheer/privacy/bewaartermijnen')).status, 303);
      const forbidden = await t.app.request('/en/manage/privacy', { headers: { Cookie: moderator.cookie } });
      assert.equal(forbidden.status, 403);
      for (const path of [
        '/beheer/privacy/zoeken',
        '/beheer/privacy/export',
        '/beheer/privacy/verwijderen',
        '/beheer/privacy/bewaartermijnen',
      ]) {
        assert.equal((await staffPost(t, path, query(moderator.csrf), moderator.cookie)).status, 403, path);
        assert.equal((await staffPost(t, path, query('x'))).status, 401, `${path} anonymous`);
      }
    });

    it('refuses posts without the CSRF token and changes nothing', async () => {
      const before = await t.db.select().from(auditLog);
      for (const path of ['/beheer/privacy/zoeken', '/beheer/privacy/verwijderen', '/beheer/privacy/bewaartermijnen']) {
        const fields = query('wrong', [
          ['step', 'erase'],
          ['confirm', 'yes'],
          ['input_text', '10'],
        ]);
        const response = await staffPost(t, path, fields, admin.cookie);
        assert.equal(response.status, 403, path);
        const missing = await staffPost(t, path, fields.slice(1), admin.cookie);
        assert.equal(missing.status, 403, `${path} without token`);
      }
      assert.equal((await t.db.select().from(auditLog)).length, before.length);
      assert.equal((await t.db.select().from(retentionPolicies)).length, 0);
    });

    it('explains bad search input at the field and searches nothing', async () => {
      const cases: Array<[Array<[string, string]>, RegExp]> = [
        [
          [
            ['by', 'phone'],
            ['value', 'carla@example.nl'],
          ],
          /Kies waarop u zoekt/,
        ],
        [
          [
            ['by', 'email'],
            ['value', ' a '],
          ],
          /minstens 3 tekens/,
        ],
        [
          [
            ['by', 'email'],
            ['value', 'x'.repeat(300)],
          ],
          /te lang/,
        ],
        [
          [
            ['by', 'email'],
            ['value', 'carla@example.nl'],
            ['reference', '<script>alert(1)</script>'],
          ],
          /zaaknummer/i,
        ],
      ];
      for (const [fields, message] of cases) {
        const response = await staffPost(t, '/beheer/privacy/zoeken', [['csrf', admin.csrf], ...fields], admin.cookie);
        assert.equal(response.status, 422);
        const html = await response.text();
        assert.match(html, message);
        assert.match(html, /<title>Fout: /);
        assert.doesNotMatch(html, /<script>alert/);
      }
      assert.equal((await t.db.select().from(auditLog).where(eq(auditLog.action, 'personal_data.searched'))).length, 0);
    });

    it('finds the input of an e-mail address and logs the search without the address', async () => {
      const response = await staffPost(t, '/beheer/privacy/zoeken', query(admin.csrf), admin.cookie);
      assert.equal(response.status, 200);
      const html = await response.text();
      assert.match(html, /fietsroute-stationsstraat/);
      assert.match(html, /Download alles \(JSON\)/);
      const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'personal_data.searched'));
      assert.equal(entry!.details.reference, 'Z-2026/117');
      assert.doesNotMatch(JSON.stringify(entry), /carla/i);
    });

    it('exports everything as a JSON download', async () => {
      const response = await staffPost(t, '/beheer/privacy/export', query(admin.csrf), admin.cookie);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('Content-Disposition') ?? '', /attachment; filename="podium-personal-data-/);
      assert.match(response.headers.get('Cache-Control') ?? '', /no-store/);
      const data = await response.json();
      assert.equal(data.format, 'podium.personal-data-export/1');
      assert.equal(data.submissions.length, 1);
      assert.equal(data.submissions[0].contact.name, 'Carla Jansen');
    });

    it('asks for a confirmation before erasing, and erases only with the box ticked', async () => {
      const ask = await staffPost(t, '/beheer/privacy/verwijderen', query(admin.csrf, [['step', 'ask']]), admin.cookie);
      assert.equal(ask.status, 200);
      assert.match(await ask.text(), /Dit kan niet ongedaan worden/);
      const unticked = await staffPost(
        t,
        '/beheer/privacy/verwijderen',
        query(admin.csrf, [['step', 'erase']]),
        admin.cookie,
      );
      assert.equal(unticked.status, 422);
      assert.match(await unticked.text(), /Vink aan/);
      assert.equal(
        (await t.db.select().from(submissionContacts)).filter((c) => c.email === 'carla@example.nl').length,
        1,
      );

      const erased = await staffPost(
        t,
        '/beheer/privacy/verwijderen',
        query(admin.csrf, [
          ['step', 'erase'],
          ['confirm', 'yes'],
        ]),
        admin.cookie,
      );
      assert.equal(erased.status, 200);
      assert.match(await erased.text(), /Verwijderd: 1 reactie/);
      assert.equal(
        (await t.db.select().from(submissionContacts)).filter((c) => c.email === 'carla@example.nl').length,
        0,
      );
      const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'submission.erased'));
      assert.equal(entry!.actorType, 'staff');
      assert.equal(entry!.details.reference, 'Z-2026/117');
    });

    it('shows the retention periods with their defaults', async () => {
      const response = await t.app.request('/en/manage/privacy/retention', { headers: { Cookie: admin.cookie } });
      assert.equal(response.status, 200);
      const html = await response.text();
      assert.match(html, /id="days-contact_details"[^>]*value="90"/);
      assert.match(html, /id="days-audit_log"[^>]*value="1826"/);
    });

    it('refuses periods that are not whole days from 1 to 36500, keeping what was typed', async () => {
      for (const bad of ['0', '-5', '1.5', 'abc', '', '36501', '9'.repeat(60)]) {
        const response = await staffPost(
          t,
          '/beheer/privacy/bewaartermijnen',
          [
            ['csrf', admin.csrf],
            ['contact_details', bad],
            ['input_text', '365'],
            ['social_posts', '365'],
            ['audit_log', '1826'],
            ['staff_sessions', '30'],
          ],
          admin.cookie,
        );
        assert.equal(response.status, 422, bad);
        const html = await response.text();
        assert.match(html, /Vul een heel aantal dagen in/);
        assert.match(html, /href="#days-contact_details"/);
      }
      assert.equal((await t.db.select().from(retentionPolicies)).length, 0);
    });

    it('saves a changed period, audits it before and after, and has the privacy statement rebuilt', async () => {
      const version = await currentContentVersion(t.db);
      const response = await staffPost(
        t,
        '/beheer/privacy/bewaartermijnen',
        [
          ['csrf', admin.csrf],
          ['lang', 'en'],
          ['contact_details', '60'],
          ['input_text', '365'],
          ['social_posts', '365'],
          ['audit_log', '1826'],
          ['staff_sessions', '30'],
        ],
        admin.cookie,
      );
      assert.equal(response.status, 200);
      assert.match(await response.text(), /1 retention period saved/);
      const rows = await t.db.select().from(retentionPolicies);
      assert.deepEqual(
        rows.map((r) => [r.kind, r.days]),
        [['contact_details', 60]],
      );
      const [entry] = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'retention.policy_set'), eq(auditLog.subjectId, 'contact_details')));
      assert.deepEqual(entry!.details, { days: 60, before: 90 });
      assert.equal(entry!.actorType, 'staff');
      assert.ok((await currentContentVersion(t.db)) > version);
    });
  });
}
