/**
 * The accessibility-statement settings page (api/staff/settings/statement-*.ts) and its
 * service (api/services/statement-settings.ts): the general part and the rows (audits, known
 * deviations), each change one audited transaction on the statement's version, the portal
 * marked for a rebuild, and a save on an older page refused with who changed what.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, desc, eq } from 'drizzle-orm';
import { accessibilityStatements, auditLog, organisations } from '../../../../api/db/schema.ts';
import { currentContentVersion } from '../../../../api/services/content-revision.ts';
import { buildPublishedSnapshot } from '../../../../api/services/published-content.ts';
import * as auditTexts from '../../../../api/staff/audit/texts.ts';
import { NOW, openTestApp, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, logIn, staffPost } from '../../../support/staff.ts';

type Who = { cookie: string; csrf: string };

for (const target of databaseTargets()) {
  describe(`the accessibility-statement settings page (${target.name})`, () => {
    let t: TestApp;
    let admin: Who;
    let colleague: Who;
    let orgId: string;

    before(async () => {
      t = await openTestApp(target);
      await addStaffUser(t, 'admin@demodam.example', 'administrator');
      await addStaffUser(t, 'anna@demodam.example', 'administrator');
      admin = await logIn(t, 'admin@demodam.example');
      colleague = await logIn(t, 'anna@demodam.example');
      const [org] = await t.db.select().from(organisations).where(eq(organisations.slug, 'demodam'));
      orgId = org!.id;
    });
    after(() => t.close());

    const path = '/beheer/instellingen/toegankelijkheidsverklaring';
    const stored = async () =>
      (await t.db.select().from(accessibilityStatements).where(eq(accessibilityStatements.organisationId, orgId)))[0]!;
    const send = (who: Who, fields: Record<string, string>, lang = 'nl') =>
      staffPost(t, path, Object.entries({ csrf: who.csrf, lang, ...fields }), who.cookie);
    const lastEntry = async () =>
      (
        await t.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.action, 'accessibility_statement.changed'), eq(auditLog.organisationId, orgId)))
          .orderBy(desc(auditLog.id))
          .limit(1)
      )[0]!;
    const sentence = (entry: typeof auditLog.$inferSelect, lang: 'nl' | 'en') =>
      auditTexts[lang].sentences['accessibility_statement.changed']({
        details: entry.details,
        subjectType: entry.subjectType,
        subjectId: entry.subjectId,
      });
    const deviation = {
      criterion: '1.4.3',
      'description-nl': 'Sommige grafieken hebben te weinig contrast.',
      'description-en': '',
      'measure-nl': 'Wij passen de kleuren aan.',
      'measure-en': '',
      'resolve-by': '2027-03-01',
    };

    it('shows the general part and every row, in Dutch and in English', async () => {
      const nl = await (await t.app.request(path, { headers: { Cookie: admin.cookie } })).text();
      assert.match(nl, /<h1>Toegankelijkheidsverklaring<\/h1>/);
      assert.match(nl, /<label for="general-scope-nl">Bereik \(Nederlands\)<\/label>/);
      assert.match(nl, /id="general-scope-nl-readability"/);
      assert.match(nl, /<h2>Bekende afwijkingen<\/h2>/);
      assert.match(nl, /Afwijking toevoegen/);
      const en = await (
        await t.app.request('/en/manage/settings/accessibility-statement', { headers: { Cookie: admin.cookie } })
      ).text();
      assert.match(en, /<h1>Accessibility statement<\/h1>/);
      assert.match(en, /Add deviation/);
    });

    it('adds a known deviation in one audited save, and the portal snapshot has it after the rebuild mark', async () => {
      const before = await stored();
      const content = await currentContentVersion(t.db);
      const response = await send(admin, {
        action: 'add-deviation',
        version: String(before.version),
        row: '',
        ...deviation,
      });
      assert.equal(response.status, 303);
      assert.match(response.headers.get('Location')!, /\?gedaan=deviation_added&plaats=\d+$/);
      const after = await stored();
      assert.equal(after.version, before.version + 1);
      assert.deepEqual(after.deviations.at(-1), {
        criterion: '1.4.3',
        description: { nl: 'Sommige grafieken hebben te weinig contrast.' },
        measure: { nl: 'Wij passen de kleuren aan.' },
        resolveBy: '2027-03-01',
      });
      assert.ok((await currentContentVersion(t.db)) > content);
      const snapshot = await buildPublishedSnapshot(t.db, NOW);
      assert.equal(snapshot.accessibilityStatement?.deviations.at(-1)?.criterion, '1.4.3');
      const entry = await lastEntry();
      assert.equal(entry.details['before'], null);
      assert.equal(sentence(entry, 'nl'), '{actor} voegde een afwijking toe aan de toegankelijkheidsverklaring');
      assert.equal(sentence(entry, 'en'), '{actor} added a deviation to the accessibility statement');
    });

    it('changes the general part with before and after in the audit log; an unchanged save writes nothing', async () => {
      const before = await stored();
      const general = {
        status: 'B',
        'scope-nl': 'Deze verklaring geldt voor het participatieportaal.',
        'scope-en': '',
        'statement-date': '01-12-2026',
        'contact-email': 'toegankelijkheid@demodam.example',
        'response-days': '10',
      };
      const response = await send(admin, { action: 'general', version: String(before.version), row: '', ...general });
      assert.equal(response.status, 303);
      const after = await stored();
      assert.equal(after.status, 'B');
      assert.equal(after.statementDate.toISOString().slice(0, 10), '2026-12-01');
      assert.equal(after.responseDays, 10);
      const entry = await lastEntry();
      assert.equal((entry.details['before'] as { contactEmail: string }).contactEmail, before.contactEmail);
      assert.equal(
        (entry.details['after'] as { contactEmail: string }).contactEmail,
        'toegankelijkheid@demodam.example',
      );
      const again = await send(admin, { action: 'general', version: String(after.version), row: '', ...general });
      assert.match(again.headers.get('Location')!, /gedaan=niets$/);
      assert.equal((await stored()).version, after.version);
    });

    it('refuses bad input in the form’s language, keeping what was typed and saving nothing', async () => {
      const before = await stored();
      const nl = await send(admin, {
        action: 'add-deviation',
        version: String(before.version),
        row: '',
        ...deviation,
        criterion: 'contrast',
        'resolve-by': '31-02-2027',
        'measure-nl': '',
      });
      assert.equal(nl.status, 422);
      const html = await nl.text();
      assert.match(html, /Vul het nummer van een succescriterium in, bijvoorbeeld 1\.4\.3\./);
      assert.match(html, /Opgelost vóór \(niet verplicht\): vul een datum in als jjjj-mm-dd/);
      assert.match(html, /Vul in: wat doen we eraan \(nederlands\)\./);
      assert.match(html, /Sommige grafieken hebben te weinig contrast\./);
      assert.match(html, /id="dnew-criterion" name="criterion" aria-invalid="true"[^>]*value="contrast"/);
      const en = await send(
        admin,
        {
          action: 'general',
          version: String(before.version),
          row: '',
          status: 'Z',
          'scope-nl': 'x',
          'scope-en': '',
          'statement-date': '2026-12-01',
          'contact-email': 'not an address',
          'response-days': '0',
        },
        'en',
      );
      assert.equal(en.status, 422);
      const english = await en.text();
      assert.match(english, /Choose a status\./);
      assert.match(english, /Enter an e-mail address such as name@municipality\.nl\./);
      assert.match(english, /Enter a whole number of working days, from 1 to 60\./);
      assert.match(english, /value="not an address"/);
      const audit = await send(admin, {
        action: 'add-audit',
        version: String(before.version),
        row: '',
        'title-nl': 'Rapport',
        'title-en': '',
        by: 'Keurmerk',
        date: '2026-10-01',
        url: 'javascript:alert(1)',
      });
      assert.equal(audit.status, 422);
      assert.match(await audit.text(), /Vul een webadres in dat begint met https:\/\//);
      assert.deepEqual(await stored(), before, 'nothing was saved');
    });

    it('refuses a save on a page a colleague changed since, saying who changed what, the typed text kept', async () => {
      const seen = String((await stored()).version);
      const theirs = await send(colleague, {
        action: 'add-audit',
        version: seen,
        row: '',
        'title-nl': 'Toegankelijkheidsonderzoek portaal',
        'title-en': '',
        by: 'Stichting Accessibility',
        date: '2026-10-01',
        url: 'https://example.org/rapport.pdf',
      });
      assert.equal(theirs.status, 303);
      const before = await stored();
      const mine = await send(admin, {
        action: 'add-deviation',
        version: seen,
        row: '',
        ...deviation,
        criterion: '2.4.7',
      });
      assert.equal(mine.status, 409);
      const html = await mine.text();
      assert.match(html, /Een collega heeft de toegankelijkheidsverklaring gewijzigd nadat u deze pagina opende\./);
      assert.match(html, /anna wijzigde de onderzoeken/);
      assert.match(html, /value="2\.4\.7"/);
      assert.match(html, new RegExp(`name="version" value="${before.version}"`));
      assert.deepEqual(await stored(), before, 'nothing was saved');
      const en = await send(admin, { action: 'remove-audit', version: seen, row: '0' }, 'en');
      assert.equal(en.status, 409);
      assert.match(await en.text(), /anna changed the audits/);
    });

    it('moves a row with its buttons, keeps focus on the moved row, and removes one', async () => {
      const start = await stored();
      assert.ok(start.deviations.length >= 2, 'the demo and the test added deviations');
      const [first, second] = start.deviations;
      const up = await send(admin, { action: 'up-deviation', version: String(start.version), row: '1' });
      assert.equal(up.status, 303);
      assert.match(up.headers.get('Location')!, /gedaan=deviation_moved&plaats=1&richting=up$/);
      const moved = await stored();
      assert.deepEqual(moved.deviations.slice(0, 2), [second, first]);
      const shown = await (
        await t.app.request(up.headers.get('Location')!, { headers: { Cookie: admin.cookie } })
      ).text();
      assert.match(shown, /De afwijking staat nu op plaats 1\./);
      assert.match(shown, /id="d0-down" class="staff-button staff-button--secondary" autofocus/);
      assert.match(
        sentence(await lastEntry(), 'nl'),
        /zette een afwijking in de toegankelijkheidsverklaring op plaats 1$/,
      );
      const refused = await send(admin, { action: 'up-deviation', version: String(moved.version), row: '0' });
      assert.equal(refused.status, 422);
      const removed = await send(admin, { action: 'remove-deviation', version: String(moved.version), row: '0' });
      assert.equal(removed.status, 303);
      assert.equal((await stored()).deviations.length, moved.deviations.length - 1);
      const gone = await send(admin, {
        action: 'remove-deviation',
        version: String((await stored()).version),
        row: '99',
      });
      assert.equal(gone.status, 404);
      assert.match(await gone.text(), /Deze regel bestaat niet meer\./);
    });
  });
}
