/**
 * The house-rules settings page (api/staff/settings/) and its service
 * (api/services/house-rule-settings.ts): adding, changing, reordering, retiring and bringing
 * back a rule, each one audited transaction on the version the page was opened on, with the
 * portal marked for a rebuild; a retired rule leaves the portal and the choices for new
 * decisions, while a decision that cited it keeps showing it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, desc, eq } from 'drizzle-orm';
import { auditLog, houseRules, organisations, submissions } from '../../../../api/db/schema.ts';
import { currentContentVersion } from '../../../../api/services/content-revision.ts';
import { newRuleCode } from '../../../../api/services/house-rule-settings.ts';
import { buildPublishedSnapshot } from '../../../../api/services/published-content.ts';
import * as auditTexts from '../../../../api/staff/audit/texts.ts';
import { NOW, openTestApp, postJson, validAnswers, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, logIn, saveItemForm, staffPost } from '../../../support/staff.ts';

type Who = { cookie: string; csrf: string };

describe('a new house rule’s code', () => {
  it('is made from the Dutch title, and differs from every code the organisation has', () => {
    assert.equal(newRuleCode('Geen scheldwoorden!', ['respect']), 'geen-scheldwoorden');
    assert.equal(newRuleCode('Respect', ['respect']), 'respect-2');
    assert.equal(newRuleCode('Respect', ['respect', 'respect-2']), 'respect-3');
    assert.equal(newRuleCode('Één regel voor iedereen', []), 'een-regel-voor-iedereen');
    assert.equal(newRuleCode('???', []), 'regel');
    assert.ok(newRuleCode('a'.repeat(80), []).length <= 40);
  });
});

for (const target of databaseTargets()) {
  describe(`the house-rules settings page (${target.name})`, () => {
    let t: TestApp;
    let admin: Who;
    let colleague: Who;
    let orgId: string;

    before(async () => {
      t = await openTestApp(target);
      await addStaffUser(t, 'admin@demodam.example', 'administrator');
      await addStaffUser(t, 'anna@demodam.example', 'administrator');
      await addStaffUser(t, 'mod@demodam.example', 'moderator');
      admin = await logIn(t, 'admin@demodam.example');
      colleague = await logIn(t, 'anna@demodam.example');
      const [org] = await t.db.select().from(organisations).where(eq(organisations.slug, 'demodam'));
      orgId = org!.id;
    });
    after(() => t.close());

    const path = '/beheer/instellingen/huisregels';
    const page = async (who: Who = admin, at = path) =>
      (await t.app.request(at, { headers: { Cookie: who.cookie } })).text();
    const version = async () =>
      String((await t.db.select().from(organisations).where(eq(organisations.id, orgId)))[0]!.houseRulesVersion);
    const rules = async () =>
      t.db.select().from(houseRules).where(eq(houseRules.organisationId, orgId)).orderBy(houseRules.position);
    const send = (who: Who, fields: Record<string, string>, lang = 'nl') =>
      staffPost(t, path, Object.entries({ csrf: who.csrf, lang, ...fields }), who.cookie);
    const texts = (titleNl: string, bodyNl: string, titleEn = '', bodyEn = '') => ({
      'title-nl': titleNl,
      'title-en': titleEn,
      'body-nl': bodyNl,
      'body-en': bodyEn,
    });
    const lastEntry = async () =>
      (
        await t.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.action, 'house_rule.changed'), eq(auditLog.organisationId, orgId)))
          .orderBy(desc(auditLog.id))
          .limit(1)
      )[0]!;
    const sentence = (entry: typeof auditLog.$inferSelect, lang: 'nl' | 'en') =>
      auditTexts[lang].sentences['house_rule.changed']({
        details: entry.details,
        subjectType: entry.subjectType,
        subjectId: entry.subjectId,
      });

    it('lists the rules in force with their code and fields, in Dutch and in English', async () => {
      const nl = await page();
      assert.match(nl, /<h1>Huisregels<\/h1>/);
      assert.match(nl, /<h3>1\. Respectvol<\/h3>|<h3>1\. [^<]+<\/h3>/);
      assert.match(nl, /Code: respect/);
      assert.match(nl, /<label for="respect-title-nl">Titel \(Nederlands\)<\/label>/);
      assert.match(nl, /id="respect-body-nl-readability"/);
      assert.match(nl, /<label for="new-title-nl">Titel \(Nederlands\)<\/label>/);
      const en = await page(admin, '/en/manage/settings/house-rules');
      assert.match(en, /<h1>House rules<\/h1>/);
      assert.match(en, /Add house rule/);
    });

    it('adds a rule at the end in one audited save, marks the portal for a rebuild, and the snapshot has it', async () => {
      const before = await version();
      const content = await currentContentVersion(t.db);
      const response = await send(admin, {
        action: 'add',
        version: before,
        code: '',
        ...texts('Geen scheldwoorden', 'Wij plaatsen geen berichten met scheldwoorden.', 'No swearing'),
      });
      assert.equal(response.status, 303);
      assert.equal(
        response.headers.get('Location'),
        '/beheer/instellingen/huisregels?gedaan=added&regel=geen-scheldwoorden#regel-geen-scheldwoorden',
      );
      const all = await rules();
      const added = all.at(-1)!;
      assert.equal(added.code, 'geen-scheldwoorden');
      assert.deepEqual(added.title, { nl: 'Geen scheldwoorden', en: 'No swearing' });
      assert.deepEqual(added.body, { nl: 'Wij plaatsen geen berichten met scheldwoorden.' });
      assert.equal(await version(), String(Number(before) + 1));
      assert.ok((await currentContentVersion(t.db)) > content, 'the portal is marked for a rebuild');
      const snapshot = await buildPublishedSnapshot(t.db, NOW);
      assert.equal(snapshot.houseRules.at(-1)?.code, 'geen-scheldwoorden');

      const entry = await lastEntry();
      assert.equal(entry.actorType, 'staff');
      assert.equal(entry.details['before'], null);
      assert.deepEqual((entry.details['after'] as { title: unknown }).title, added.title);
      assert.equal(sentence(entry, 'nl'), '{actor} voegde huisregel ‘Geen scheldwoorden’ toe');
      assert.equal(sentence(entry, 'en'), '{actor} added the house rule ‘No swearing’');

      const shown = await page(admin, response.headers.get('Location')!.split('#')[0]);
      assert.match(shown, /Huisregel ‘Geen scheldwoorden’ is toegevoegd\./);
    });

    it('changes a rule’s texts with before and after in the audit log; an unchanged save writes nothing', async () => {
      const [rule] = (await rules()).filter((r) => r.code === 'no-spam');
      const response = await send(admin, {
        action: 'save',
        version: await version(),
        code: 'no-spam',
        ...texts('Geen reclame of spam', rule!.body.nl, rule!.title.en, rule!.body.en),
      });
      assert.equal(response.status, 303);
      const [saved] = (await rules()).filter((r) => r.code === 'no-spam');
      assert.equal(saved!.title.nl, 'Geen reclame of spam');
      const entry = await lastEntry();
      assert.deepEqual(entry.details['before'], { title: rule!.title, body: rule!.body });
      assert.deepEqual((entry.details['after'] as { title: unknown }).title, saved!.title);
      assert.equal(sentence(entry, 'nl'), '{actor} wijzigde huisregel ‘Geen reclame of spam’');

      const entries = (await t.db.select().from(auditLog).where(eq(auditLog.action, 'house_rule.changed'))).length;
      const before = await version();
      const again = await send(admin, {
        action: 'save',
        version: before,
        code: 'no-spam',
        ...texts('Geen reclame of spam', rule!.body.nl, rule!.title.en, rule!.body.en),
      });
      assert.equal(again.headers.get('Location'), '/beheer/instellingen/huisregels?gedaan=niets');
      assert.equal(await version(), before);
      assert.equal(
        (await t.db.select().from(auditLog).where(eq(auditLog.action, 'house_rule.changed'))).length,
        entries,
      );
    });

    it('refuses an empty or too long text in the form’s language, keeping everything typed and saving nothing', async () => {
      const stored = await rules();
      const nl = await send(admin, {
        action: 'save',
        version: await version(),
        code: 'respect',
        ...texts('', 'Een nieuwe uitleg die bewaard moet blijven.', 'Respect typed'),
      });
      assert.equal(nl.status, 422);
      const html = await nl.text();
      assert.match(html, /<title>Fout: /);
      assert.match(html, /Vul een Nederlandse titel in\./);
      assert.match(html, /href="#respect-title-nl"/);
      assert.match(html, /id="respect-title-nl" name="title-nl" lang="nl" aria-invalid="true"/);
      assert.match(html, /Een nieuwe uitleg die bewaard moet blijven\./);
      assert.match(html, /value="Respect typed"/);

      const en = await send(
        admin,
        { action: 'add', version: await version(), code: '', ...texts('Te lang', 'x'.repeat(2001)) },
        'en',
      );
      assert.equal(en.status, 422);
      const english = await en.text();
      assert.match(english, /Make the explanation shorter: at most 2000 characters\./);
      assert.match(english, /value="Te lang"/);
      const noVersion = await send(admin, {
        action: 'add',
        version: '',
        code: '',
        ...texts('Zonder versie', 'Tekst.'),
      });
      assert.equal(noVersion.status, 422);
      assert.match(await noVersion.text(), /Deze pagina is te oud\./);
      assert.deepEqual(await rules(), stored, 'nothing was saved');
    });

    it('refuses a save on a page a colleague changed since, saying who changed which rule, the typed text kept', async () => {
      const seen = await version();
      const theirs = await send(colleague, { action: 'down', version: seen, code: 'respect' });
      assert.equal(theirs.status, 303);
      const stored = await rules();
      const mine = await send(admin, {
        action: 'save',
        version: seen,
        code: 'privacy',
        ...texts('Privacy van anderen', 'Mijn nieuwe uitleg over privacy.'),
      });
      assert.equal(mine.status, 409);
      const html = await mine.text();
      assert.match(html, /Een collega heeft de huisregels gewijzigd nadat u deze pagina opende\./);
      assert.match(html, /anna verplaatste ‘[^’]+’/);
      assert.match(html, /Mijn nieuwe uitleg over privacy\./);
      assert.match(html, /value="Privacy van anderen"/);
      assert.match(
        html,
        new RegExp(`name="version" value="${await version()}"`),
        'the next save is on the version now',
      );
      assert.deepEqual(await rules(), stored, 'nothing was saved');
      const en = await send(admin, { action: 'retire', version: seen, code: 'privacy' }, 'en');
      assert.equal(en.status, 409);
      assert.match(await en.text(), /A colleague changed the house rules after you opened this page\. .* anna moved ‘/);
    });

    it('moves a rule up and down with buttons, and refuses to move the first one further up', async () => {
      const order = async () => (await rules()).filter((r) => r.retiredAt === null).map((r) => r.code);
      const [first, second] = await order();
      const up = await send(admin, { action: 'up', version: await version(), code: second! });
      assert.equal(up.status, 303);
      assert.match(up.headers.get('Location')!, /gedaan=moved&regel=.*&richting=up$/);
      assert.deepEqual((await order()).slice(0, 2), [second, first]);
      const entry = await lastEntry();
      assert.match(sentence(entry, 'nl'), /^\{actor\} zette huisregel ‘[^’]+’ op plaats 1$/);
      const shown = await page(admin, up.headers.get('Location')!);
      assert.match(shown, /staat nu op plaats 1\./);
      assert.match(shown, new RegExp(`id="${second}-down" class="staff-button staff-button--secondary" autofocus`));
      const refused = await send(admin, { action: 'up', version: await version(), code: second! });
      assert.equal(refused.status, 422);
      assert.match(await refused.text(), /Deze regel kan niet verder die kant op\./);
    });

    it('retires a rule a decision cited: the portal and new decisions no longer offer it, the decision still shows it', async () => {
      // A resident's input, rejected by a moderator citing 'lawful'.
      await addStaffUser(t, 'mod2@demodam.example', 'moderator');
      const moderator = await logIn(t, 'mod2@demodam.example');
      const submit = async () => {
        const response = await postJson(t.app, '/api/consultations/fietsroute-stationsstraat/submissions', {
          answers: validAnswers,
          channel: 'portal',
        });
        const { code } = (await response.json()) as { code: string };
        return (await t.db.select().from(submissions).where(eq(submissions.followUpCode, code)))[0]!;
      };
      const cited = await submit();
      assert.equal(
        (
          await saveItemForm(t, moderator, cited.id, [
            ['decision', 'reject'],
            ['rule', 'lawful'],
          ])
        ).status,
        303,
      );
      const page1 = await page();
      assert.match(page1, /Code: lawful Genoemd bij 1 besluit\./);

      const retired = await send(admin, { action: 'retire', version: await version(), code: 'lawful' });
      assert.equal(retired.status, 303);
      const [rule] = (await rules()).filter((r) => r.code === 'lawful');
      assert.ok(rule!.retiredAt, 'kept, marked retired');
      assert.ok(!(await buildPublishedSnapshot(t.db, NOW)).houseRules.some((r) => r.code === 'lawful'));
      assert.match(sentence(await lastEntry(), 'nl'), /^\{actor\} liet huisregel ‘Binnen de wet’ vervallen$/);
      const shown = await page(admin, retired.headers.get('Location')!.split('#')[0]);
      assert.match(shown, /<h2>Vervallen regels<\/h2>/);
      assert.match(shown, /id="lawful-restore" class="staff-button staff-button--secondary" autofocus/);

      // The resident's follow-up page still names the rule the decision cited.
      const followUp = await t.app.request(`/api/follow-up/${cited.followUpCode}`);
      assert.equal(((await followUp.json()) as { houseRule: { code: string } | null }).houseRule?.code, 'lawful');
      // A new decision cannot cite it, and the item form does not offer it.
      const other = await submit();
      const itemPage = await (
        await t.app.request(`/beheer/items/${other.id}`, { headers: { Cookie: moderator.cookie } })
      ).text();
      assert.doesNotMatch(itemPage, /value="lawful"/);
      const refused = await saveItemForm(t, moderator, other.id, [
        ['decision', 'reject'],
        ['rule', 'lawful'],
      ]);
      assert.equal(refused.status, 422);

      // Brought back, it is at the end of the list again.
      const restored = await send(admin, { action: 'restore', version: await version(), code: 'lawful' });
      assert.equal(restored.status, 303);
      const active = (await rules()).filter((r) => r.retiredAt === null);
      assert.equal(active.at(-1)?.code, 'lawful');
      assert.match(sentence(await lastEntry(), 'en'), /^\{actor\} brought back the house rule ‘Within the law’$/);
    });

    it('is for administrators only: a moderator is refused the page and the save', async () => {
      const moderator = await logIn(t, 'mod@demodam.example');
      const response = await t.app.request(path, { headers: { Cookie: moderator.cookie } });
      assert.equal(response.status, 403);
      const post = await send(moderator, { action: 'add', version: await version(), ...texts('Nee', 'Nee.') });
      assert.equal(post.status, 403);
    });
  });
}
