/**
 * The organisation's house colours and languages (api/services/organisation-settings.ts, the
 * organisation settings page and `/api/staff/organisation/theme|languages`): colours refused
 * below WCAG 2.2 contrast with the measured and required ratio, malformed colours refused at
 * the edge, Dutch never switched off, every save audited on the page's version and the portal
 * marked for a rebuild. (The built portal: tests/unit/build/theme-languages.test.ts.)
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, desc, eq } from 'drizzle-orm';
import { auditLog, organisations } from '../../../../api/db/schema.ts';
import { currentContentVersion } from '../../../../api/services/content-revision.ts';
import { LOOKS_KEPT_MS, organisationLooks } from '../../../../api/services/organisation-settings.ts';
import { buildPublishedSnapshot } from '../../../../api/services/published-content.ts';
import * as auditTexts from '../../../../api/staff/audit/texts.ts';
import { NOW, openTestApp, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, apiKeyFor, logIn, staffPost, withKey } from '../../../support/staff.ts';

type Who = { cookie: string; csrf: string };
type Problem = { title: string; errors: Array<{ field: string; code: string; message: string }> };

for (const target of databaseTargets()) {
  describe(`the organisation's house colours and languages (${target.name})`, () => {
    let t: TestApp;
    let admin: Who;
    let colleague: Who;
    let orgId: string;
    let adminKey: string;

    before(async () => {
      t = await openTestApp(target);
      const adminId = await addStaffUser(t, 'admin@demodam.example', 'administrator');
      await addStaffUser(t, 'anna@demodam.example', 'administrator');
      admin = await logIn(t, 'admin@demodam.example');
      colleague = await logIn(t, 'anna@demodam.example');
      adminKey = await apiKeyFor(t, adminId);
      const [org] = await t.db.select().from(organisations).where(eq(organisations.slug, 'demodam'));
      orgId = org!.id;
    });
    after(() => t.close());

    const path = '/beheer/instellingen/organisatie';
    const org = async () => (await t.db.select().from(organisations).where(eq(organisations.id, orgId)))[0]!;
    const version = async () => String((await org()).settingsVersion);
    const page = async (at: string) => (await t.app.request(at, { headers: { Cookie: admin.cookie } })).text();
    const send = (who: Who, fields: Array<[string, string]>, lang = 'nl') =>
      staffPost(t, path, [['csrf', who.csrf], ['lang', lang], ...fields], who.cookie);
    const colours = (v: string, accent: string, onAccent: string, focus: string): Array<[string, string]> => [
      ['version', v],
      ['action', 'theme'],
      ['accent', accent],
      ['on-accent', onAccent],
      ['focus', focus],
    ];
    const lastAudit = async () =>
      (
        await t.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.organisationId, orgId), eq(auditLog.action, 'organisation.settings_changed')))
          .orderBy(desc(auditLog.id))
          .limit(1)
      )[0]!;

    it('shows Podium’s own colours with the contrast each reaches, and the languages, Dutch always on', async () => {
      const html = await page(path);
      assert.match(html, /<h2>Huisstijlkleuren<\/h2>/);
      assert.match(html, /<label for="accent">Accentkleur \(links, knoppen, randen\)<\/label>/);
      assert.match(html, /id="accent" name="accent" value="#00588a"/);
      assert.match(html, /id="on-accent" name="on-accent" value="#ffffff"/);
      assert.match(html, /aria-describedby="accent-hint accent-ratio"/);
      // #00588a on white: 7.37:1, rounded down.
      assert.match(html, /Contrast met de witte achtergrond: 7,\d\d : 1 \(nodig: 4,5 : 1\)\./);
      assert.match(html, /<script type="module" src="\/beheer\/assets\/theme-preview\.js"/);
      assert.match(html, /id="language-nl"[^>]*checked[^>]*disabled|id="language-nl"[^>]*disabled[^>]*checked/);
      assert.match(html, /id="language-en" name="languages" value="en" checked/);
      const en = await page('/en/manage/settings/organisation');
      assert.match(en, /Contrast with the white background: 7\.\d\d:1 \(required: 4\.5:1\)\./);
      const script = await t.app.request('/beheer/assets/theme-preview.js');
      assert.equal(script.status, 200);
      assert.match(await script.text(), /data-theme-form/);
    });

    it('saves accessible colours in one audited change with before and after, and marks the portal for a rebuild', async () => {
      const before = await version();
      const content = await currentContentVersion(t.db);
      const response = await send(admin, colours(before, '#0066CC', '#ffffff', '#1b1b1b'));
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('Location'), '/beheer/instellingen/organisatie?gedaan=theme');
      const stored = await org();
      assert.deepEqual(stored.theme, { accent: '#0066cc', onAccent: '#ffffff', focus: '#1b1b1b' });
      assert.equal(stored.settingsVersion, Number(before) + 1);
      assert.ok((await currentContentVersion(t.db)) > content, 'the portal is marked for a rebuild');
      assert.deepEqual((await buildPublishedSnapshot(t.db, NOW)).organisation.theme, stored.theme);
      const entry = await lastAudit();
      assert.equal(entry.details['part'], 'theme');
      assert.deepEqual(entry.details['before'], { accent: '#00588a', onAccent: '#ffffff', focus: '#1b1b1b' });
      assert.deepEqual(entry.details['after'], stored.theme);
      const sentence = (lang: 'nl' | 'en') =>
        auditTexts[lang].sentences['organisation.settings_changed']({
          details: entry.details,
          subjectType: entry.subjectType,
          subjectId: entry.subjectId,
        });
      assert.match(sentence('nl'), /wijzigde de huisstijlkleuren/);
      assert.match(sentence('en'), /changed the portal's house colours/);
      assert.match(await page(`${path}?gedaan=theme`), /De huisstijlkleuren zijn opgeslagen\./);
      const same = await send(admin, colours(String(stored.settingsVersion), '#0066cc', '#ffffff', '#1b1b1b'));
      assert.equal(same.headers.get('Location'), '/beheer/instellingen/organisatie?gedaan=niets');
    });

    it('refuses a colour below the contrast it needs, naming the measured and the required ratio, with what was typed kept', async () => {
      const v = await version();
      const response = await send(admin, colours(v, '#ffcc00', '#000000', '#aaaaaa'));
      assert.equal(response.status, 422);
      const html = await response.text();
      assert.match(html, /<title>Fout: /);
      assert.match(
        html,
        /Het contrast van de accentkleur met de witte achtergrond is 1,51 : 1; nodig is minstens 4,5 : 1\. Kies een donkerder kleur\./,
      );
      assert.match(
        html,
        /Het contrast van de focusrand met de witte achtergrond is 2,32 : 1; nodig is minstens 3 : 1\./,
      );
      assert.match(html, /href="#accent"/);
      assert.match(html, /id="accent" name="accent" value="#ffcc00"[^>]*aria-invalid="true"/);
      assert.match(html, /id="focus" name="focus" value="#aaaaaa"/);
      assert.equal(await version(), v, 'nothing saved');
      const en = await send(admin, colours(v, '#0066cc', '#3399ff', '#1b1b1b'), 'en');
      assert.match(
        await en.text(),
        /The contrast of the text colour on the accent with the accent colour is 1\.89:1; at least 4\.5:1 is required\./,
      );
    });

    it('refuses a colour that is not #rrggbb at the edge, keeping the other colours typed', async () => {
      const v = await version();
      const response = await send(admin, colours(v, 'blue', '#ffffff', '#1b1b1b;}body{display:none'));
      assert.equal(response.status, 422);
      const html = await response.text();
      assert.match(html, /Vul een kleur in als # met zes tekens 0-9 of a-f, bijvoorbeeld #0066cc\./);
      assert.match(html, /id="accent" name="accent" value="blue"/);
      assert.match(html, /id="on-accent" name="on-accent" value="#ffffff"/);
      assert.match(html, /href="#focus">Vul een kleur in/, 'a colour with more after it is refused too');
      assert.equal(await version(), v);
    });

    it('refuses colours saved on an older page, saying who changed them since', async () => {
      const old = await version();
      assert.equal((await send(colleague, colours(old, '#004080', '#ffffff', '#1b1b1b'))).status, 303);
      const response = await send(admin, colours(old, '#0066cc', '#ffffff', '#8a2be2'));
      assert.equal(response.status, 409);
      const html = await response.text();
      assert.match(html, /anna wijzigde de huisstijlkleuren/);
      assert.match(html, /value="#8a2be2"/);
      assert.equal((await org()).theme?.accent, '#004080');
    });

    it('puts Podium’s own colours back as none, so the portal has no theme of its own', async () => {
      const response = await send(admin, [
        ['version', await version()],
        ['action', 'reset-theme'],
      ]);
      assert.equal(response.status, 303);
      assert.equal((await org()).theme, null);
      assert.deepEqual((await buildPublishedSnapshot(t.db, NOW)).organisation.theme, {
        accent: '#00588a',
        onAccent: '#ffffff',
        focus: '#1b1b1b',
      });
    });

    it('switches English off and on, audited, and refuses a list without Dutch', async () => {
      const off = await send(admin, [
        ['version', await version()],
        ['action', 'languages'],
        ['languages', 'nl'],
      ]);
      assert.equal(off.status, 303);
      assert.equal(off.headers.get('Location'), '/beheer/instellingen/organisatie?gedaan=languages');
      assert.deepEqual((await org()).locales, ['nl']);
      assert.deepEqual((await buildPublishedSnapshot(t.db, NOW)).organisation.locales, ['nl']);
      const entry = await lastAudit();
      assert.deepEqual(
        [entry.details['part'], entry.details['before'], entry.details['after']],
        ['languages', ['nl', 'en'], ['nl']],
      );
      assert.match(await page(path), /id="language-en" name="languages" value="en">/);

      const v = await version();
      const noDutch = await send(admin, [
        ['version', v],
        ['action', 'languages'],
        ['languages', 'en'],
      ]);
      assert.equal(noDutch.status, 422);
      assert.match(await noDutch.text(), /Nederlands blijft altijd aan\./);
      assert.equal(await version(), v);

      const on = await send(admin, [
        ['version', v],
        ['action', 'languages'],
        ['languages', 'nl'],
        ['languages', 'en'],
      ]);
      assert.equal(on.status, 303);
      assert.deepEqual((await org()).locales, ['nl', 'en']);
    });

    it('tells the widgets the colours and languages in the headers of the JSON they load, with an entity tag that follows them', async () => {
      const consultation = (await (await t.app.request('/api/consultations')).json()) as Array<{ slug: string }>;
      const path = `/api/consultations/${consultation[0]!.slug}`;
      const plain = await t.app.request(path, { headers: { Origin: 'http://localhost:8080' } });
      assert.equal(plain.status, 200);
      assert.equal(plain.headers.get('Podium-Theme'), null, 'no colours of its own: the widgets keep theirs');
      assert.equal(plain.headers.get('Podium-Languages'), 'nl, en');
      // The demo lets localhost embed; CORS shows the headers to its scripts.
      assert.match(plain.headers.get('Access-Control-Expose-Headers') ?? '', /Podium-Theme.*Podium-Languages/i);
      const tag = plain.headers.get('ETag')!;

      assert.equal((await send(admin, colours(await version(), '#0066cc', '#ffffff', '#8a2be2'))).status, 303);
      const themed = await t.app.request(path, { headers: { 'If-None-Match': tag } });
      assert.equal(themed.status, 200, 'changed colours are never answered with 304');
      assert.match(
        themed.headers.get('Podium-Theme')!,
        /^accent=#0066cc; on-accent=#ffffff; accent-hover=#[0-9a-f]{6}; focus=#8a2be2$/,
      );
      const again = await t.app.request(path, { headers: { 'If-None-Match': themed.headers.get('ETag')! } });
      assert.equal(again.status, 304);

      assert.equal(
        (
          await send(admin, [
            ['version', await version()],
            ['action', 'languages'],
            ['languages', 'nl'],
          ])
        ).status,
        303,
      );
      assert.equal((await t.app.request('/api/threads')).headers.get('Podium-Languages'), 'nl');
      await send(admin, [
        ['version', await version()],
        ['action', 'languages'],
        ['languages', 'nl'],
        ['languages', 'en'],
      ]);
      await send(admin, [
        ['version', await version()],
        ['action', 'reset-theme'],
      ]);
    });

    it('keeps the looks it read for a few seconds, so a change saved through another process reaches the widgets within them', async () => {
      const read = await organisationLooks(t.db, 1_000_000);
      // Another process saves English off: this one's database sees it, its memory not yet.
      await t.db
        .update(organisations)
        .set({ locales: ['nl'] })
        .where(eq(organisations.id, orgId));
      try {
        assert.equal(await organisationLooks(t.db, 1_000_000 + LOOKS_KEPT_MS - 1), read);
        assert.deepEqual((await organisationLooks(t.db, 1_000_000 + LOOKS_KEPT_MS)).languages, ['nl']);
      } finally {
        await t.db
          .update(organisations)
          .set({ locales: ['nl', 'en'] })
          .where(eq(organisations.id, orgId));
        await organisationLooks(t.db, 2_000_000);
      }
      assert.deepEqual((await organisationLooks(t.db, 2_000_000 + 1)).languages, ['nl', 'en']);
    });

    it('does the same through the JSON API, refusing malformed colours, low contrast, no Dutch and a stale version', async () => {
      const read = (await (await withKey(t, adminKey, 'GET', '/api/staff/organisation')).json()) as {
        version: number;
        theme: unknown;
        languages: string[];
      };
      assert.deepEqual(read.theme, { accent: '#00588a', onAccent: '#ffffff', focus: '#1b1b1b' });
      assert.deepEqual(read.languages, ['nl', 'en']);

      const saved = await withKey(t, adminKey, 'PUT', '/api/staff/organisation/theme', {
        version: read.version,
        accent: '#0066CC',
        onAccent: '#ffffff',
        focus: '#1b1b1b',
      });
      assert.equal(saved.status, 200);
      const afterTheme = (await saved.json()) as { version: number; theme: { accent: string } };
      assert.equal(afterTheme.theme.accent, '#0066cc');

      const malformed = await withKey(t, adminKey, 'PUT', '/api/staff/organisation/theme', {
        version: afterTheme.version,
        accent: 'blue',
        onAccent: '#ffffff',
        focus: '#1b1b1b',
      });
      assert.equal(malformed.status, 422);
      const malformedProblem = (await malformed.json()) as Problem;
      assert.deepEqual(
        malformedProblem.errors.map((e) => [e.field, e.code]),
        [['accent', 'theme_colour']],
      );

      const low = await withKey(
        t,
        adminKey,
        'PUT',
        '/api/staff/organisation/theme',
        { version: afterTheme.version, accent: '#ffcc00', onAccent: '#000000', focus: '#1b1b1b' },
        { 'Accept-Language': 'en' },
      );
      assert.equal(low.status, 422);
      const lowProblem = (await low.json()) as Problem;
      assert.equal(lowProblem.errors[0]!.code, 'theme_contrast');
      assert.equal(
        lowProblem.errors[0]!.message,
        'The contrast with the white background is 1.51:1; at least 4.5:1 is required (WCAG 2.2).',
      );
      const lowNl = await withKey(t, adminKey, 'PUT', '/api/staff/organisation/theme', {
        version: afterTheme.version,
        accent: '#0066cc',
        onAccent: '#3399ff',
        focus: '#1b1b1b',
      });
      assert.match(
        ((await lowNl.json()) as Problem).errors[0]!.message,
        /^Het contrast met de accentkleur is 1,89 : 1; nodig is minstens 4,5 : 1/,
      );

      const stale = await withKey(t, adminKey, 'PUT', '/api/staff/organisation/theme', {
        version: read.version,
        accent: '#004080',
        onAccent: '#ffffff',
        focus: '#1b1b1b',
      });
      assert.equal(stale.status, 409);
      const extra = await withKey(t, adminKey, 'PUT', '/api/staff/organisation/theme', {
        version: afterTheme.version,
        accent: '#004080',
        onAccent: '#ffffff',
        focus: '#1b1b1b',
        background: '#000000',
      });
      assert.equal(extra.status, 422);

      const noDutch = await withKey(t, adminKey, 'PUT', '/api/staff/organisation/languages', {
        version: afterTheme.version,
        languages: ['en'],
      });
      assert.equal(noDutch.status, 422);
      assert.equal(((await noDutch.json()) as Problem).errors[0]!.code, 'languages_dutch');
      const unknown = await withKey(t, adminKey, 'PUT', '/api/staff/organisation/languages', {
        version: afterTheme.version,
        languages: ['nl', 'fr'],
      });
      assert.equal(unknown.status, 422);
      const off = await withKey(t, adminKey, 'PUT', '/api/staff/organisation/languages', {
        version: afterTheme.version,
        languages: ['nl'],
      });
      assert.equal(off.status, 200);
      assert.deepEqual(((await off.json()) as { languages: string[] }).languages, ['nl']);
      const staleLanguages = await withKey(t, adminKey, 'PUT', '/api/staff/organisation/languages', {
        version: afterTheme.version,
        languages: ['nl', 'en'],
      });
      assert.equal(staleLanguages.status, 409);
      assert.equal(await version(), String(afterTheme.version + 1), 'nothing refused was saved');
    });
  });
}
