/**
 * Staff rename and merge the automatic themes of the demo on the insights page: the
 * correction is kept, applied to the themes the insights compute, audited, refused on bad
 * input (in the page's language) and on a stale form, and open only to the roles that may.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditLog, themeCorrections } from '../../../../api/db/schema.ts';
import { computeInsights, filterOptions, parseFilter, rawFilter } from '../../../../api/services/insights/index.ts';
import { NOW, openTestApp, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, logIn, staffPost } from '../../../support/staff.ts';

type Login = { cookie: string; csrf: string };

for (const target of databaseTargets()) {
  describe(`theme corrections (${target.name})`, () => {
    let t: TestApp;
    let analyst: Login;
    let moderator: Login;
    let webcare: Login;
    let organisationId: string;

    before(async () => {
      t = await openTestApp(target);
      await addStaffUser(t, 'analyst@demodam.example', 'analyst');
      await addStaffUser(t, 'moderator@demodam.example', 'moderator');
      await addStaffUser(t, 'webcare@demodam.example', 'webcare');
      analyst = await logIn(t, 'analyst@demodam.example');
      moderator = await logIn(t, 'moderator@demodam.example');
      webcare = await logIn(t, 'webcare@demodam.example');
      const [org] = await t.db.query.organisations.findMany({ limit: 1 });
      organisationId = org!.id;
    });
    after(() => t.close());

    const themes = async () => {
      const parsed = parseFilter(rawFilter({}), await filterOptions(t.db, organisationId), NOW);
      assert.ok(parsed.ok);
      return (await computeInsights(t.db, organisationId, parsed.filter, NOW)).themes;
    };
    /** The first topic with two themes or more: its two largest. */
    const twoThemes = async () => {
      const entry = (await themes()).find((e) => e.themes.length >= 2);
      assert.ok(entry, 'the demo has a topic with two themes');
      return entry.themes.slice(0, 2) as [(typeof entry.themes)[0], (typeof entry.themes)[0]];
    };
    const get = (path: string, who: Login) => t.app.request(path, { headers: { Cookie: who.cookie } });
    const save = (fields: Record<string, string>, who: Login = analyst) =>
      staffPost(
        t,
        '/beheer/inzichten/thema',
        // The form's fields with their defaults, those given replacing them.
        Object.entries({
          csrf: who.csrf,
          lang: 'nl',
          version: '0',
          labelNl: '',
          labelEn: '',
          mergeInto: '',
          ...fields,
        }),
        who.cookie,
      );

    it('links every theme on the insights page to its form for an analyst, and the form opens', async () => {
      const [first] = await twoThemes();
      const page = await (await get('/beheer/inzichten/', analyst)).text();
      const href = `/beheer/inzichten/thema?key=${encodeURIComponent(first.key)}`.replaceAll('&', '&amp;');
      assert.ok(page.includes(`<a href="${href}">Thema aanpassen`), 'the theme links to its form');
      const form = await get(`/beheer/inzichten/thema?key=${encodeURIComponent(first.key)}`, analyst);
      assert.equal(form.status, 200);
      assert.match(await form.text(), new RegExp(`<h1[^>]*>Thema ‘${first.label.nl}’ aanpassen</h1>`));
    });

    it('keeps a new name, shows it in the insights and audits it', async () => {
      const [first] = await twoThemes();
      const response = await save({ key: first.key, labelNl: 'Fietsen in de binnenstad', labelEn: 'Cycling downtown' });
      assert.equal(response.status, 303);
      assert.equal(
        response.headers.get('Location'),
        `/beheer/inzichten/thema?key=${encodeURIComponent(first.key)}&klaar=opgeslagen`,
      );
      const renamed = (await themes()).flatMap((e) => e.themes).find((theme) => theme.key === first.key)!;
      assert.deepEqual(renamed.label, { nl: 'Fietsen in de binnenstad', en: 'Cycling downtown' });
      assert.equal(renamed.corrected, true);
      const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'insights.theme_corrected'));
      assert.equal(entry!.subjectId, first.key);
      assert.deepEqual((entry!.details as { after: unknown }).after, {
        label: { nl: 'Fietsen in de binnenstad', en: 'Cycling downtown' },
        mergeInto: null,
      });
      const english = await (await get('/en/manage/insights/', analyst)).text();
      assert.match(english, /Cycling downtown <span class="insights-corrected">\(adjusted\)<\/span>/);
    });

    it('counts a merged theme under its target, so both sets of contributions are together', async () => {
      const [first, second] = await twoThemes();
      const response = await save({ key: second.key, mergeInto: first.key }, moderator);
      assert.equal(response.status, 303);
      const all = (await themes()).flatMap((e) => e.themes);
      assert.equal(
        all.find((theme) => theme.key === second.key),
        undefined,
        'the merged theme is no longer its own',
      );
      assert.equal(all.find((theme) => theme.key === first.key)!.count, first.count + second.count);
    });

    it('refuses a merge back into a theme that was merged into this one, in Dutch and in English', async () => {
      const [first] = await twoThemes();
      const stored = await t.db.select().from(themeCorrections).where(eq(themeCorrections.themeKey, first.key));
      const fields = { key: first.key, version: String(stored[0]!.version), labelNl: 'Fietsen', mergeInto: '' };
      const merged = await t.db
        .select()
        .from(themeCorrections)
        .where(eq(themeCorrections.organisationId, organisationId));
      const other = merged.find((r) => r.mergeInto === first.key)!;
      const nl = await save({ ...fields, mergeInto: other.themeKey });
      assert.equal(nl.status, 422);
      assert.match(await nl.text(), /Dat thema is al samengevoegd met dit thema\. Kies een ander thema\./);
      const en = await save({ ...fields, lang: 'en', mergeInto: other.themeKey });
      assert.equal(en.status, 422);
      assert.match(await en.text(), /That theme has already been merged into this one\. Choose another theme\./);
      const after = await t.db.select().from(themeCorrections).where(eq(themeCorrections.themeKey, first.key));
      assert.equal(after[0]!.mergeInto, null, 'nothing was stored');
    });

    it('refuses bad input with a message by the field, keeping what was typed', async () => {
      const key = 'c:unknown-theme';
      const cases: Array<[Record<string, string>, RegExp]> = [
        [{ key, labelNl: 'x'.repeat(81) }, /Een naam is hoogstens 80 tekens\./],
        [{ key, labelEn: 'Only English' }, /Geef ook een Nederlandse naam, of maak de Engelse naam leeg\./],
        [{ key, mergeInto: 'Not a key!' }, /Kies een thema uit de lijst\./],
        [{ key, mergeInto: key }, /Een thema kan niet met zichzelf worden samengevoegd\./],
        [{ key }, /Geef een eigen naam of kies een thema om mee samen te voegen\./],
      ];
      for (const [fields, message] of cases) {
        const response = await save(fields);
        assert.equal(response.status, 422, JSON.stringify(fields));
        const html = await response.text();
        assert.match(html, message);
        assert.match(html, /aria-invalid="true"/);
        if (fields.labelEn) assert.match(html, /value="Only English"/);
      }
      const bad = await save({ key: 'NOT A KEY', labelNl: 'x' });
      assert.equal(bad.status, 404);
      const rows = await t.db.select().from(themeCorrections).where(eq(themeCorrections.themeKey, key));
      assert.equal(rows.length, 0);
    });

    it('refuses a save made on a stale form, keeping the colleague’s change and the typed text', async () => {
      const [first] = await twoThemes();
      const [row] = await t.db.select().from(themeCorrections).where(eq(themeCorrections.themeKey, first.key));
      const stale = await save({ key: first.key, version: String(row!.version - 1 || 0), labelNl: 'Mijn naam' });
      assert.equal(stale.status, 409);
      const html = await stale.text();
      assert.match(html, /Een collega heeft dit thema intussen aangepast\./);
      assert.match(html, /value="Mijn naam"/);
      assert.match(html, new RegExp(`name="version" value="${row!.version}"`), 'a second save can succeed');
      const [kept] = await t.db.select().from(themeCorrections).where(eq(themeCorrections.themeKey, first.key));
      assert.deepEqual(kept!.label, row!.label);
    });

    it('removes a correction saved empty, so the automatic theme comes back', async () => {
      const [first] = await twoThemes();
      const [row] = await t.db.select().from(themeCorrections).where(eq(themeCorrections.themeKey, first.key));
      const response = await save({ key: first.key, version: String(row!.version) });
      assert.equal(response.status, 303);
      assert.match(response.headers.get('Location')!, /klaar=verwijderd$/);
      const rows = await t.db.select().from(themeCorrections).where(eq(themeCorrections.themeKey, first.key));
      assert.equal(rows.length, 0);
      const page = await (await get(response.headers.get('Location')!, analyst)).text();
      assert.match(page, /De aanpassing is verwijderd: het automatische thema is terug\./);
    });

    it('does not let webcare staff adjust themes, nor show them the link', async () => {
      const [first] = await twoThemes();
      const form = await get(`/beheer/inzichten/thema?key=${encodeURIComponent(first.key)}`, webcare);
      assert.equal(form.status, 403);
      const post = await save({ key: first.key, labelNl: 'Niet van mij' }, webcare);
      assert.equal(post.status, 403);
      const page = await (await get('/beheer/inzichten/', webcare)).text();
      assert.ok(!page.includes('Thema aanpassen'));
    });
  });
}
