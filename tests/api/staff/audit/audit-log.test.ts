/**
 * The audit-log viewer and its exports (administrators only), and the database's refusal
 * to change or delete an entry, which leaves room for the retention purge alone.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog, organisations } from '../../../../api/db/schema.ts';
import { recordAudit } from '../../../../api/services/audit.ts';
import { purgeExpired } from '../../../../api/services/retention.ts';
import { NOW, openTestApp, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, logIn } from '../../../support/staff.ts';

for (const target of databaseTargets()) {
  describe(`audit-log viewer (${target.name})`, () => {
    let t: TestApp;
    let admin: { cookie: string };
    let moderator: { cookie: string };
    let analyst: { cookie: string };
    let adminId: string;
    let organisationId: string;
    before(async () => {
      t = await openTestApp(target);
      organisationId = (await t.db.select({ id: organisations.id }).from(organisations))[0]!.id;
      adminId = await addStaffUser(t, 'beheerder@demodam.example', 'administrator');
      await addStaffUser(t, 'moderator@demodam.example', 'moderator');
      await addStaffUser(t, 'analist@demodam.example', 'analyst');
      admin = await logIn(t, 'beheerder@demodam.example');
      moderator = await logIn(t, 'moderator@demodam.example');
      analyst = await logIn(t, 'analist@demodam.example');
      for (let i = 0; i < 60; i++) {
        await recordAudit(t.db, {
          organisationId,
          actorType: 'staff',
          actorId: adminId,
          at: new Date(Date.UTC(2026, 10, 20, 9, i)),
          action: 'routing_rule.deleted',
          subjectType: 'routing_rule',
          subjectId: `bulk-${i}`,
        });
      }
      await recordAudit(t.db, {
        organisationId,
        actorType: 'staff',
        actorId: adminId,
        at: new Date('2026-11-21T10:00:00Z'),
        action: 'submission.decision',
        subjectType: 'submission',
        subjectId: '=HYPERLINK("http://evil.example")',
        details: { decision: 'publish', from: 'new', to: 'published' },
      });
    });
    after(() => t.close());

    const get = (path: string, cookie?: string) => t.app.request(path, { headers: cookie ? { Cookie: cookie } : {} });

    it('sends anonymous visitors to the log-in page and refuses roles without admin', async () => {
      for (const path of [
        '/beheer/audit/',
        '/en/manage/audit/',
        '/beheer/audit/export.csv',
        '/beheer/audit/export.json',
      ]) {
        assert.equal((await get(path)).status, 303, `anonymous ${path}`);
        for (const who of [moderator, analyst]) {
          const response = await get(path, who.cookie);
          assert.equal(response.status, 403, path);
          assert.doesNotMatch(await response.text(), /routing_rule\.deleted/);
        }
      }
    });

    it('shows administrators who did what to which subject and when, as a sentence', async () => {
      const response = await get('/beheer/audit/?action=submission.decision', admin.cookie);
      assert.equal(response.status, 200);
      const html = await response.text();
      assert.match(html, /<caption id="audit-caption">Regels 1 tot en met 1 van 1<\/caption>/);
      assert.match(
        html,
        new RegExp(
          `<a href="/beheer/audit/\\?actor=${adminId}" aria-describedby="audit-person-hint">Beheerder</a> publiceerde inbreng #=HYPERLI\\.`,
        ),
        'the person links to their entries; an item that does not exist is named without a link',
      );
      assert.match(
        html,
        /href="\/beheer\/audit\/"[^>]*>Auditlog</,
        'the nav links to the audit log for administrators',
      );
    });

    it('filters by actor, action prefix, subject and period', async () => {
      const count = async (query: string) => {
        const html = await (await get(`/en/manage/audit/${query}`, admin.cookie)).text();
        return Number(html.match(/ of (\d+)<\/caption>/)?.[1] ?? 0);
      };
      assert.equal(await count('?action=routing_rule'), 60);
      assert.equal(await count('?action=routing_rule.deleted&subject=bulk-7'), 1);
      assert.equal(await count(`?actor=${adminId}&action=routing_rule&from=2026-11-20&to=2026-11-20`), 60);
      assert.equal(await count('?action=routing_rule&from=2026-11-21'), 0);
      assert.equal(await count('?actor=system&action=routing_rule'), 0);
      assert.ok((await count('?actor=system')) > 0, 'the seed wrote system entries');
    });

    it('pages through the entries, fifty at a time', async () => {
      const first = await (await get('/beheer/audit/?action=routing_rule', admin.cookie)).text();
      assert.match(first, /Regels 1 tot en met 50 van 60/);
      assert.match(first, /href="\/beheer\/audit\/\?action=routing_rule&amp;page=2" rel="next"/);
      const second = await (await get('/beheer/audit/?action=routing_rule&page=2', admin.cookie)).text();
      assert.match(second, /Regels 51 tot en met 60 van 60/);
      assert.match(second, /rel="prev"/);
    });

    it('takes a period’s days in Amsterdam time, to the second at their edges', async () => {
      for (const at of [
        '2026-11-24T22:59:59Z',
        '2026-11-24T23:00:00Z',
        '2026-11-25T22:59:59Z',
        '2026-11-25T23:00:00Z',
      ]) {
        await recordAudit(t.db, {
          organisationId,
          actorType: 'system',
          at: new Date(at),
          action: 'embed_origin.added',
          subjectType: 'embed_origin',
          details: { mark: `edge-${at}` },
        });
      }
      const html = await (
        await get('/en/manage/audit/?action=embed_origin.added&from=2026-11-25&to=2026-11-25', admin.cookie)
      ).text();
      assert.match(html, / of 2<\/caption>/);
      assert.ok(html.includes('edge-2026-11-24T23:00:00Z') && html.includes('edge-2026-11-25T22:59:59Z'), html);
      assert.ok(!html.includes('edge-2026-11-24T22:59:59Z') && !html.includes('edge-2026-11-25T23:00:00Z'));
    });

    it('browses the newest ten thousand matching entries, says there are more, and how to reach them', async () => {
      // A log as large as a municipality's grows to: more than the viewer counts.
      await t.db.execute(sql`insert into audit_log (organisation_id, at, actor_type, action, subject_type, details)
        select ${organisationId}::uuid, timestamptz '2025-06-01T10:00:00Z' + g * interval '20 seconds', 'resident',
          'department.added', 'department', jsonb_build_object('mark', 'many-' || g)
        from generate_series(1, 10010) as g`);
      const first = await (await get('/beheer/audit/?action=department.added', admin.cookie)).text();
      assert.match(first, /Regels 1 tot en met 50 van meer dan 10\.000/);
      assert.match(first, /Pagina 1 van 200/);
      assert.match(
        first,
        /nieuwste 10\.000 regels die bij de filters passen\. Oudere regels vindt u door een periode te kiezen \(ook voor de download\)/,
      );
      assert.ok(first.includes('many-10010&quot;'), 'the newest first');
      const last = await (await get('/en/manage/audit/?action=department.added&page=500', admin.cookie)).text();
      assert.match(last, /Entries 9,951 to 10,000 of more than 10,000/);
      assert.match(last, /Page 200 of 200/);
      assert.ok(
        last.includes('many-11&quot;') && !last.includes('many-10&quot;'),
        'the 10,000th newest is the last shown',
      );
      // A period narrows the matches below the limit: counted exactly again.
      const narrowed = await (
        await get('/en/manage/audit/?action=department.added&from=2025-06-01&to=2025-06-01', admin.cookie)
      ).text();
      assert.match(
        narrowed,
        /Entries 1 to 50 of 2,159<\/caption>/,
        'until midnight in Amsterdam (22:00 UTC in summer), one every 20 seconds',
      );
      assert.ok(!narrowed.includes('newest 10,000'), 'no limit to mention');
    });

    it('refuses bad filters with a clear message in the page’s language', async () => {
      const dutch = await get(
        '/beheer/audit/?actor=00000000-0000-0000-0000-000000000000&from=31-12-2026',
        admin.cookie,
      );
      assert.equal(dutch.status, 400);
      const html = await dutch.text();
      assert.match(html, /Deze medewerker bestaat niet/);
      assert.match(html, /Vul de begindatum in als JJJJ-MM-DD/);
      const english = await get('/en/manage/audit/export.json?page=0&to=2026-02-30', admin.cookie);
      assert.equal(english.status, 400);
      const body = await english.json();
      assert.deepEqual(
        body.errors.map((e: { message: string }) => e.message),
        ['Enter the end date as YYYY-MM-DD, for example 2026-11-30.', 'The page number must be a whole number from 1.'],
      );
    });

    it('exports the filtered log as CSV, safe for spreadsheets, and as JSON, and logs the export', async () => {
      const csv = await get('/beheer/audit/export.csv?action=submission', admin.cookie);
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('Content-Type') ?? '', /^text\/csv/);
      const lines = (await csv.text()).trimEnd().split('\r\n');
      assert.equal(lines[0], 'Wanneer,Wat er gebeurde,Wie,Wie (id),Handeling,Onderwerp,Onderwerp (id),Voor,Na,Details');
      const decision = lines.find((line) => line.includes('submission.decision'))!;
      assert.ok(decision.includes(`"'=HYPERLINK(""http://evil.example"")"`), decision);
      assert.ok(decision.includes(',new,published,'));
      const json = await (await get('/en/manage/audit/export.json?action=routing_rule', admin.cookie)).json();
      assert.equal(json.count, 60, 'an export is not paged');
      assert.equal(json.entries[0].actor, 'beheerder');
      const logged = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'audit.exported'), eq(auditLog.actorId, adminId)));
      assert.equal(logged.length, 2);
    });
  });

  describe(`the audit log is append-only (${target.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(target);
    });
    after(() => t.close());

    it('refuses UPDATE, DELETE and TRUNCATE in the database', async () => {
      const [entry] = await t.db.select().from(auditLog).limit(1);
      assert.ok(entry);
      await assert.rejects(t.db.update(auditLog).set({ action: 'forged' }).where(eq(auditLog.id, entry!.id)));
      await assert.rejects(t.db.delete(auditLog).where(eq(auditLog.id, entry!.id)));
      await assert.rejects(t.db.execute(sql`truncate audit_log`));
      const [unchanged] = await t.db.select().from(auditLog).where(eq(auditLog.id, entry!.id));
      assert.equal(unchanged?.action, entry!.action);
    });

    it('still lets the retention purge remove entries past their period', async () => {
      const [org] = await t.db.select({ id: organisations.id }).from(organisations);
      await recordAudit(t.db, {
        organisationId: org!.id,
        actorType: 'system',
        at: new Date('2015-01-01T00:00:00Z'),
        action: 'staff.logout',
        subjectType: 'staff_user',
        subjectId: 'ancient',
      });
      const report = await purgeExpired(t.db, NOW);
      assert.ok(report.organisations[0]!.counts.auditEntries >= 1);
      assert.equal((await t.db.select().from(auditLog).where(eq(auditLog.subjectId, 'ancient'))).length, 0);
      // The permission ends with the purge's transaction.
      const [entry] = await t.db.select().from(auditLog).limit(1);
      await assert.rejects(t.db.delete(auditLog).where(eq(auditLog.id, entry!.id)));
    });
  });
}
