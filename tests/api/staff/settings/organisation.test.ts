/**
 * The organisation settings page and the departments page (api/staff/settings/), their JSON
 * staff API and their services (api/services/organisation-settings.ts,
 * api/services/department-settings.ts): each change one audited transaction on the version
 * the page was opened on, the portal marked for a rebuild, bad input refused in the page's
 * language with what was typed kept; a logo recognised by its bytes (SVG refused) and served
 * by Podium with caching headers; a department removed only when nothing refers to it.
 * (Every role against every route: role-boundaries.test.ts and openapi-staff.test.ts.)
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, desc, eq, sql } from 'drizzle-orm';
import { auditLog, consultations, departments, organisationLogos, organisations } from '../../../../api/db/schema.ts';
import type { AuditAction } from '../../../../api/services/audit-actions.ts';
import { currentContentVersion } from '../../../../api/services/content-revision.ts';
import { inspectLogo, MAX_LOGO_BYTES } from '../../../../api/services/organisation-settings.ts';
import { buildPublishedSnapshot } from '../../../../api/services/published-content.ts';
import * as auditTexts from '../../../../api/staff/audit/texts.ts';
import { NOW, openTestApp, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { JPEG_40x30 } from '../../../support/image-fixtures.ts';
import { exifData, jpegSegment, jpegWith, png, pngChunk, pngWith } from '../../../support/images.ts';
import { addStaffUser, apiKeyFor, logIn, ORIGIN, staffPost, withKey } from '../../../support/staff.ts';

type Who = { cookie: string; csrf: string };

const SVG = new TextEncoder().encode(
  '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
);

describe('an uploaded logo', () => {
  it('is recognised as PNG or JPEG by its bytes, with its size in pixels', () => {
    const image = png(240, 80);
    assert.deepEqual(inspectLogo(image), { mime: 'image/png', width: 240, height: 80, bytes: image });
    assert.deepEqual(inspectLogo(JPEG_40x30), { mime: 'image/jpeg', width: 40, height: 30, bytes: JPEG_40x30 });
  });

  it('is kept without its metadata: a JPEG without EXIF and its GPS position, a PNG without text chunks', () => {
    const photo = inspectLogo(jpegWith(JPEG_40x30, jpegSegment(0xe1, exifData(1)), jpegSegment(0xfe, 'made at home')));
    assert.deepEqual(photo, { mime: 'image/jpeg', width: 40, height: 30, bytes: JPEG_40x30 });
    const image = png(24, 8);
    const tagged = inspectLogo(pngWith(image, pngChunk('tEXt', 'Author\0Jan Jansen')));
    assert.deepEqual(tagged, { mime: 'image/png', width: 24, height: 8, bytes: image });
  });

  it('is refused as SVG, as another type, empty, too large or too many pixels', () => {
    assert.deepEqual(inspectLogo(SVG), { problem: 'svg' });
    assert.deepEqual(inspectLogo(new TextEncoder().encode('\uFEFF  <svg viewBox="0 0 1 1"></svg>')), {
      problem: 'svg',
    });
    assert.deepEqual(inspectLogo(new TextEncoder().encode('GIF89a……')), { problem: 'type' });
    assert.deepEqual(inspectLogo(new TextEncoder().encode('<html><body>no</body></html>')), { problem: 'type' });
    assert.deepEqual(inspectLogo(new Uint8Array()), { problem: 'empty' });
    assert.deepEqual(inspectLogo(new Uint8Array(MAX_LOGO_BYTES + 1).fill(0x89)), { problem: 'too_large' });
    assert.deepEqual(inspectLogo(png(4001, 10)), { problem: 'dimensions' });
    assert.deepEqual(inspectLogo(new Uint8Array([0xff, 0xd8, 0xff, 0x00, 0x01])), { problem: 'type' });
  });

  it('is refused when its header claims more than 2³¹ pixels or none, or when its rest is cut off', () => {
    const claiming = (width: number, height: number) => {
      const bytes = png(10, 10);
      new DataView(bytes.buffer).setUint32(16, width);
      new DataView(bytes.buffer).setUint32(20, height);
      return bytes;
    };
    assert.deepEqual(inspectLogo(claiming(2 ** 31 + 1, 10)), { problem: 'dimensions' });
    assert.deepEqual(inspectLogo(claiming(10, 0)), { problem: 'dimensions' });
    assert.deepEqual(inspectLogo(png(10, 10).subarray(0, 40)), { problem: 'damaged' });
    assert.deepEqual(inspectLogo(JPEG_40x30.subarray(0, 200)), { problem: 'damaged' });
  });
});

for (const target of databaseTargets()) {
  describe(`the organisation and departments settings (${target.name})`, () => {
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

    const organisationPath = '/beheer/instellingen/organisatie';
    const departmentsPath = '/beheer/instellingen/afdelingen';
    const org = async () => (await t.db.select().from(organisations).where(eq(organisations.id, orgId)))[0]!;
    const page = async (at: string, who: Who = admin) =>
      (await t.app.request(at, { headers: { Cookie: who.cookie } })).text();
    const send = (path: string, who: Who, fields: Record<string, string>, lang = 'nl') =>
      staffPost(t, path, Object.entries({ csrf: who.csrf, lang, ...fields }), who.cookie);
    const upload = (
      who: Who,
      fields: Record<string, string>,
      file?: { bytes: Uint8Array; name: string; type: string },
    ) => {
      const form = new FormData();
      for (const [name, value] of Object.entries({ csrf: who.csrf, lang: 'nl', action: 'logo', ...fields }))
        form.append(name, value);
      form.append(
        'logo',
        file ? new File([file.bytes as Uint8Array<ArrayBuffer>], file.name, { type: file.type }) : new File([], ''),
      );
      return t.app.request(organisationPath, {
        method: 'POST',
        headers: { Origin: ORIGIN, Cookie: who.cookie },
        body: form,
      });
    };
    const general = (fields: Partial<Record<string, string>> = {}) => ({
      action: 'general',
      'name-nl': 'Gemeente Demodam',
      'name-en': 'Municipality of Demodam',
      'author-display': 'pseudonym',
      'auto-publish': 'own',
      ...fields,
    });
    const lastAudit = async (action: AuditAction) =>
      (
        await t.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.organisationId, orgId), eq(auditLog.action, action)))
          .orderBy(desc(auditLog.id))
          .limit(1)
      )[0]!;
    const sentence = (entry: typeof auditLog.$inferSelect, lang: 'nl' | 'en') =>
      auditTexts[lang].sentences[entry.action as AuditAction]({
        details: entry.details,
        subjectType: entry.subjectType,
        subjectId: entry.subjectId,
      });

    it('shows the organisation page with the stored values, in Dutch and in English', async () => {
      const nl = await page(organisationPath);
      assert.match(nl, /<h1>Organisatie<\/h1>/);
      assert.match(nl, /<label for="name-nl">Naam \(Nederlands\)<\/label>/);
      assert.match(nl, /id="author-display-pseudonym"[^>]*checked/);
      assert.match(nl, /id="auto-publish-own"[^>]*checked/);
      assert.match(nl, /type="file" id="logo-file" name="logo" accept="image\/png,image\/jpeg"/);
      assert.match(nl, /Er is nog geen logo/);
      const en = await page('/en/manage/settings/organisation');
      assert.match(en, /<h1>Organisation<\/h1>/);
      assert.match(en, /With a pseudonym/);
      const index = await page('/beheer/instellingen');
      assert.match(index, /href="\/beheer\/instellingen\/organisatie">Organisatie</);
      assert.match(index, /href="\/beheer\/instellingen\/afdelingen">Afdelingen</);
    });

    it('saves the names and the mirror settings in one audited change and marks the portal for a rebuild', async () => {
      const before = await org();
      const content = await currentContentVersion(t.db);
      const response = await send(
        organisationPath,
        admin,
        general({
          version: String(before.settingsVersion),
          'name-nl': 'Gemeente Nieuw-Demodam',
          'author-display': 'initials',
          'auto-publish': 'official',
        }),
      );
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('Location'), '/beheer/instellingen/organisatie?gedaan=general');
      const after = await org();
      assert.equal(after.name, 'Gemeente Nieuw-Demodam');
      assert.equal(after.nameEn, 'Municipality of Demodam');
      assert.equal(after.socialAuthorDisplay, 'initials');
      assert.equal(after.socialAutoPublish, 'official');
      assert.equal(after.settingsVersion, before.settingsVersion + 1);
      assert.ok((await currentContentVersion(t.db)) > content, 'the portal is marked for a rebuild');
      const snapshot = await buildPublishedSnapshot(t.db, NOW);
      assert.equal(snapshot.organisation.name, 'Gemeente Nieuw-Demodam');
      assert.equal(snapshot.organisation.nameEn, 'Municipality of Demodam');
      const entry = await lastAudit('organisation.settings_changed');
      assert.equal(entry.actorType, 'staff');
      assert.deepEqual((entry.details['before'] as { name: unknown }).name, { nl: before.name });
      assert.equal((entry.details['after'] as { authorDisplay: string }).authorDisplay, 'initials');
      assert.match(sentence(entry, 'nl'), /wijzigde de naam/);
      assert.match(sentence(entry, 'en'), /changed the organisation's name/);
      const shown = await page(`${organisationPath}?gedaan=general`);
      assert.match(shown, /role="status">De naam en de instellingen zijn opgeslagen\./);

      const again = await send(
        organisationPath,
        admin,
        general({
          'name-nl': 'Gemeente Nieuw-Demodam',
          'author-display': 'initials',
          'auto-publish': 'official',
          version: String(after.settingsVersion),
        }),
      );
      assert.equal(again.headers.get('Location'), '/beheer/instellingen/organisatie?gedaan=niets');
      assert.equal((await org()).settingsVersion, after.settingsVersion, 'an unchanged save raises nothing');
    });

    it('refuses an empty name, a name too long and unknown choices in the page’s language, with what was typed kept', async () => {
      const version = String((await org()).settingsVersion);
      const response = await send(
        organisationPath,
        admin,
        general({
          version,
          'name-nl': '  ',
          'name-en': 'x'.repeat(121),
          'author-display': 'everyone',
          'auto-publish': '',
        }),
      );
      assert.equal(response.status, 422);
      const html = await response.text();
      assert.match(html, /<title>Fout: /);
      assert.match(html, /Vul de Nederlandse naam in\./);
      assert.match(html, /Maak de naam korter: hoogstens 120 tekens\./);
      assert.match(html, /href="#author-display-pseudonym">Kies hoe inwoners/);
      assert.match(html, /Kies welke berichten zonder moderator/);
      assert.match(html, new RegExp(`value="${'x'.repeat(121)}"`));
      assert.equal((await org()).settingsVersion, Number(version), 'nothing saved');
      const en = await send(organisationPath, admin, general({ version, 'name-nl': '' }), 'en');
      assert.match(await en.text(), /Enter the Dutch name\./);
      const noVersion = await send(organisationPath, admin, general());
      assert.equal(noVersion.status, 422);
      assert.match(await noVersion.text(), /Deze pagina is te oud/);
    });

    it('refuses a save made on an older page, saying who changed what, with the typed name kept', async () => {
      const old = String((await org()).settingsVersion);
      assert.equal(
        (await send(organisationPath, colleague, general({ version: old, 'name-nl': 'Gemeente Anna' }))).status,
        303,
      );
      const response = await send(organisationPath, admin, general({ version: old, 'name-nl': 'Gemeente Ad' }));
      assert.equal(response.status, 409);
      const html = await response.text();
      assert.match(html, /Een collega heeft de instellingen van de organisatie gewijzigd/);
      assert.match(html, /anna wijzigde de naam of de gespiegelde gesprekken/);
      assert.match(html, /value="Gemeente Ad"/);
      assert.equal((await org()).name, 'Gemeente Anna');
    });

    it('takes a PNG logo with its text, serves it with caching headers, and puts it in the snapshot', async () => {
      const version = String((await org()).settingsVersion);
      const image = png(240, 80);
      const content = await currentContentVersion(t.db);
      const response = await upload(
        admin,
        { version, 'alt-nl': 'Logo van Gemeente Anna', 'alt-en': 'Logo of the municipality' },
        { bytes: image, name: 'logo.png', type: 'image/png' },
      );
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('Location'), '/beheer/instellingen/organisatie?gedaan=logo');
      assert.ok((await currentContentVersion(t.db)) > content);
      const snapshot = await buildPublishedSnapshot(t.db, NOW);
      const logo = snapshot.organisation.logo!;
      assert.deepEqual(logo.alt, { nl: 'Logo van Gemeente Anna', en: 'Logo of the municipality' });
      assert.equal(logo.width, 240);
      assert.match(logo.url, /^\/api\/organisation\/logo\/[0-9a-f]{32}\.png$/);
      const served = await t.app.request(logo.url);
      assert.equal(served.status, 200);
      assert.equal(served.headers.get('Content-Type'), 'image/png');
      assert.equal(served.headers.get('Cache-Control'), 'public, max-age=31536000, immutable');
      assert.equal(served.headers.get('X-Content-Type-Options'), 'nosniff');
      assert.deepEqual(new Uint8Array(await served.arrayBuffer()), image);
      const etag = served.headers.get('ETag')!;
      assert.equal((await t.app.request(logo.url, { headers: { 'If-None-Match': etag } })).status, 304);
      assert.equal((await t.app.request(logo.url.replace('.png', '.jpg'))).status, 404);
      assert.equal((await t.app.request('/api/organisation/logo/../../etc')).status, 404);
      const shown = await page(organisationPath);
      assert.match(shown, new RegExp(`<img src="${logo.url}" alt="Logo van Gemeente Anna" width="240" height="80">`));
      const entry = await lastAudit('organisation.settings_changed');
      assert.equal(entry.details['part'], 'logo');
      assert.equal((entry.details['after'] as { bytes: number }).bytes, image.length);
      assert.ok(!JSON.stringify(entry.details).includes('iVBOR'), 'the bytes stay out of the audit log');
    });

    it('refuses an SVG, a renamed file and a logo without text, saying why and asking for the file again', async () => {
      const version = String((await org()).settingsVersion);
      const svg = await upload(
        admin,
        { version, 'alt-nl': 'Logo' },
        { bytes: SVG, name: 'logo.svg', type: 'image/svg+xml' },
      );
      assert.equal(svg.status, 422);
      assert.match(await svg.text(), /SVG-bestanden nemen we niet aan, omdat ze code kunnen bevatten/);
      const renamed = await upload(
        admin,
        { version, 'alt-nl': 'Logo' },
        { bytes: new TextEncoder().encode('not an image'), name: 'logo.png', type: 'image/png' },
      );
      assert.match(await renamed.text(), /Dit is geen PNG- of JPEG-bestand/);
      const large = await upload(
        admin,
        { version, 'alt-nl': 'Logo' },
        { bytes: new Uint8Array(MAX_LOGO_BYTES + 10).fill(1), name: 'big.png', type: 'image/png' },
      );
      assert.match(await large.text(), /Het bestand is te groot/);
      const hostile = png(10, 10);
      new DataView(hostile.buffer).setUint32(16, 2 ** 31 + 1);
      const huge = await upload(
        admin,
        { version, 'alt-nl': 'Logo' },
        { bytes: hostile, name: 'logo.png', type: 'image/png' },
      );
      assert.equal(huge.status, 422);
      assert.match(await huge.text(), /Het logo is te groot of heeft geen afmetingen/);
      const noText = await upload(
        admin,
        { version, 'alt-nl': ' ', 'alt-en': 'Kept' },
        {
          bytes: png(10, 10),
          name: 'logo.png',
          type: 'image/png',
        },
      );
      assert.equal(noText.status, 422);
      const html = await noText.text();
      assert.match(html, /Vul de tekst bij het logo in/);
      assert.match(html, /Kies het bestand opnieuw/);
      assert.match(html, /id="alt-en"[^>]*value="Kept"/);
      assert.equal((await org()).settingsVersion, Number(version), 'nothing saved');
    });

    it('changes only the text without a new file, and removes the logo', async () => {
      let version = String((await org()).settingsVersion);
      const [before] = await t.db.select().from(organisationLogos).where(eq(organisationLogos.organisationId, orgId));
      assert.equal((await upload(admin, { version, 'alt-nl': 'Wapen van Demodam' })).status, 303);
      const [after] = await t.db.select().from(organisationLogos).where(eq(organisationLogos.organisationId, orgId));
      assert.equal(after!.sha256, before!.sha256);
      assert.deepEqual(after!.alt, { nl: 'Wapen van Demodam' });
      version = String((await org()).settingsVersion);
      const removed = await send(organisationPath, admin, { action: 'remove-logo', version });
      assert.equal(removed.headers.get('Location'), '/beheer/instellingen/organisatie?gedaan=logo_removed');
      assert.equal((await buildPublishedSnapshot(t.db, NOW)).organisation.logo, null);
      version = String((await org()).settingsVersion);
      const textOnly = await upload(admin, { version, 'alt-nl': 'Tekst' });
      assert.equal(textOnly.status, 422);
      assert.match(await textOnly.text(), /Kies een bestand met het logo\./);
    });

    it('answers the JSON API with the settings, and saves, refuses and removes like the page', async () => {
      const read = await withKey(t, adminKey, 'GET', '/api/staff/organisation');
      assert.equal(read.status, 200);
      const settings = (await read.json()) as { version: number; name: { nl: string }; logo: unknown };
      assert.equal(settings.name.nl, 'Gemeente Anna');
      assert.equal(settings.logo, null);

      const saved = await withKey(t, adminKey, 'PUT', '/api/staff/organisation', {
        version: settings.version,
        name: { nl: 'Gemeente Demodam', en: 'Demodam' },
        authorDisplay: 'pseudonym',
        autoPublish: 'own',
      });
      assert.equal(saved.status, 200);
      const afterSave = (await saved.json()) as { version: number; name: unknown };
      assert.deepEqual(afterSave.name, { nl: 'Gemeente Demodam', en: 'Demodam' });
      const stale = await withKey(t, adminKey, 'PUT', '/api/staff/organisation', {
        version: settings.version,
        name: { nl: 'Oud' },
        authorDisplay: 'pseudonym',
        autoPublish: 'own',
      });
      assert.equal(stale.status, 409);
      assert.match(((await stale.json()) as { title: string }).title, /intussen gewijzigd/);
      const bad = await withKey(t, adminKey, 'PUT', '/api/staff/organisation', {
        version: afterSave.version,
        name: { nl: '' },
        authorDisplay: 'everyone',
        autoPublish: 'own',
        extra: 1,
      });
      assert.equal(bad.status, 422);

      const logo = await withKey(t, adminKey, 'PUT', '/api/staff/organisation/logo', {
        version: afterSave.version,
        data: Buffer.from(JPEG_40x30).toString('base64'),
        alt: { nl: 'Logo van Demodam' },
      });
      assert.equal(logo.status, 200);
      const withLogo = (await logo.json()) as { version: number; logo: { mime: string; width: number; url: string } };
      assert.equal(withLogo.logo.mime, 'image/jpeg');
      assert.equal(withLogo.logo.width, 40);
      assert.match(withLogo.logo.url, /\.jpg$/);
      const svg = await withKey(
        t,
        adminKey,
        'PUT',
        '/api/staff/organisation/logo',
        { version: withLogo.version, data: Buffer.from(SVG).toString('base64'), alt: { nl: 'Logo' } },
        { 'Accept-Language': 'en' },
      );
      assert.equal(svg.status, 422);
      const svgProblem = (await svg.json()) as { errors: Array<{ code: string; message: string }> };
      assert.equal(svgProblem.errors[0]!.code, 'logo_svg');
      assert.match(svgProblem.errors[0]!.message, /SVG files are not accepted/);
      const notBase64 = await withKey(t, adminKey, 'PUT', '/api/staff/organisation/logo', {
        version: withLogo.version,
        data: '***',
        alt: { nl: 'Logo' },
      });
      assert.equal(((await notBase64.json()) as { errors: Array<{ code: string }> }).errors[0]!.code, 'logo_base64');
      const noAlt = await withKey(t, adminKey, 'PUT', '/api/staff/organisation/logo', {
        version: withLogo.version,
        data: Buffer.from(png(2, 2)).toString('base64'),
        alt: { nl: '  ' },
      });
      assert.equal(noAlt.status, 422);

      const removed = await withKey(t, adminKey, 'DELETE', `/api/staff/organisation/logo?version=${withLogo.version}`);
      assert.equal(removed.status, 200);
      const next = ((await removed.json()) as { version: number }).version;
      const none = await withKey(t, adminKey, 'DELETE', `/api/staff/organisation/logo?version=${next}`);
      assert.equal(none.status, 404);
      const noVersion = await withKey(t, adminKey, 'DELETE', '/api/staff/organisation/logo');
      assert.equal(noVersion.status, 422);
    });

    it('lists the departments with what refers to them, adds, renames and refuses a name taken, on the page', async () => {
      const nl = await page(departmentsPath);
      assert.match(nl, /<h1>Afdelingen<\/h1>/);
      assert.match(nl, /<h3>Team Verkeer<\/h3>/);
      assert.match(nl, /Code: verkeer In gebruik bij [^<]*consultatie/);
      const version = String((await org()).departmentsVersion);
      const added = await send(departmentsPath, admin, {
        action: 'add',
        version,
        slug: '',
        'name-nl': 'Groen en Water',
        'name-en': 'Parks and water',
      });
      assert.equal(added.status, 303);
      assert.equal(
        added.headers.get('Location'),
        '/beheer/instellingen/afdelingen?gedaan=added&afdeling=groen-en-water#d-groen-en-water',
      );
      const [row] = await t.db.select().from(departments).where(eq(departments.slug, 'groen-en-water'));
      assert.deepEqual(row!.name, { nl: 'Groen en Water', en: 'Parks and water' });
      const entry = await lastAudit('department.added');
      assert.equal(sentence(entry, 'nl'), '{actor} voegde de afdeling ‘Groen en Water’ toe');
      assert.match(
        await page(`${departmentsPath}?gedaan=added&afdeling=groen-en-water`),
        /Afdeling ‘Groen en Water’ is toegevoegd\./,
      );

      const next = String((await org()).departmentsVersion);
      const taken = await send(departmentsPath, admin, {
        action: 'add',
        version: next,
        slug: '',
        'name-nl': 'team verkeer',
        'name-en': '',
      });
      assert.equal(taken.status, 422);
      assert.match(await taken.text(), /Er is al een afdeling met deze naam/);
      const empty = await send(
        departmentsPath,
        admin,
        { action: 'add', version: next, slug: '', 'name-nl': '', 'name-en': 'Typed' },
        'en',
      );
      assert.equal(empty.status, 422);
      const emptyHtml = await empty.text();
      assert.match(emptyHtml, /Enter the department(&#39;|')s Dutch name\./);
      assert.match(emptyHtml, /id="new-name-en"[^>]*value="Typed"/);

      const renamed = await send(departmentsPath, admin, {
        action: 'rename',
        version: next,
        slug: 'groen-en-water',
        'name-nl': 'Groen, Water en Bomen',
        'name-en': 'Parks, water and trees',
      });
      assert.equal(renamed.status, 303);
      const [after] = await t.db.select().from(departments).where(eq(departments.slug, 'groen-en-water'));
      assert.equal(after!.name.nl, 'Groen, Water en Bomen');
      const renamedEntry = await lastAudit('department.renamed');
      assert.equal(
        sentence(renamedEntry, 'en'),
        '{actor} renamed the department ‘Parks and water’ to ‘Parks, water and trees’',
      );
      const staleRename = await send(departmentsPath, colleague, {
        action: 'rename',
        version: next,
        slug: 'groen-en-water',
        'name-nl': 'Anders',
        'name-en': '',
      });
      assert.equal(staleRename.status, 409);
      const staleHtml = await staleRename.text();
      assert.match(staleHtml, /Een collega heeft de afdelingen gewijzigd/);
      assert.match(staleHtml, /admin wijzigde de naam van ‘Groen, Water en Bomen’/);
      assert.match(staleHtml, /value="Anders"/);
    });

    it('removes a department only when nothing refers to it, saying what still does', async () => {
      const version = String((await org()).departmentsVersion);
      const refused = await send(departmentsPath, admin, { action: 'remove', version, slug: 'verkeer' });
      assert.equal(refused.status, 409);
      assert.match(await refused.text(), /Deze afdeling is nog in gebruik bij [^.]*consultatie/);
      assert.equal((await t.db.select().from(departments).where(eq(departments.slug, 'verkeer'))).length, 1);
      const removed = await send(departmentsPath, admin, { action: 'remove', version, slug: 'groen-en-water' });
      assert.equal(removed.status, 303);
      assert.equal(removed.headers.get('Location'), '/beheer/instellingen/afdelingen?gedaan=removed');
      assert.equal((await t.db.select().from(departments).where(eq(departments.slug, 'groen-en-water'))).length, 0);
      assert.equal(
        sentence(await lastAudit('department.removed'), 'nl'),
        '{actor} verwijderde de afdeling ‘Groen, Water en Bomen’',
      );
      const next = String((await org()).departmentsVersion);
      const unknown = await send(departmentsPath, admin, { action: 'remove', version: next, slug: 'groen-en-water' });
      assert.equal(unknown.status, 404);
    });

    it('counts items routed to a department no further than a thousand, and says "more than"', async () => {
      const [verkeer] = await t.db.select().from(departments).where(eq(departments.slug, 'verkeer'));
      const [consultation] = await t.db.select({ id: consultations.id }).from(consultations).limit(1);
      await t.db.execute(sql`insert into submissions (consultation_id, channel, language, follow_up_code, screening,
          assigned_department_id)
        select ${consultation!.id}::uuid, 'portal', 'nl', 'ROUTED-' || g, '{"version":1,"fields":[]}'::jsonb,
          ${verkeer!.id}::uuid
        from generate_series(1, 1005) as g`);
      try {
        assert.match(await page(departmentsPath), /meer dan 1\.000 toegewezen bijdragen of berichten/);
        const version = String((await org()).departmentsVersion);
        const refused = await send(departmentsPath, admin, { action: 'remove', version, slug: 'verkeer' });
        assert.equal(refused.status, 409);
        assert.match(await refused.text(), /meer dan 1\.000 toegewezen bijdragen of berichten/);
      } finally {
        await t.db.execute(sql`delete from submissions where follow_up_code like 'ROUTED-%'`);
      }
      assert.doesNotMatch(await page(departmentsPath), /toegewezen bijdragen of berichten/);
    });

    it('does the same through the JSON API: list, add, rename, refuse a department in use, remove', async () => {
      const list = (await (await withKey(t, adminKey, 'GET', '/api/staff/departments')).json()) as {
        version: number;
        departments: Array<{ slug: string; use: { consultations: number } }>;
      };
      assert.ok(list.departments.find((d) => d.slug === 'verkeer')!.use.consultations > 0);
      const added = await withKey(t, adminKey, 'POST', '/api/staff/departments', {
        version: list.version,
        name: { nl: 'Sport', en: 'Sports' },
      });
      assert.equal(added.status, 201);
      let version = ((await added.json()) as { version: number }).version;
      const taken = await withKey(t, adminKey, 'POST', '/api/staff/departments', { version, name: { nl: 'sport' } });
      assert.equal(taken.status, 422);
      const renamed = await withKey(t, adminKey, 'PUT', '/api/staff/departments/sport', {
        version,
        name: { nl: 'Sport en Spel' },
      });
      assert.equal(renamed.status, 200);
      version = ((await renamed.json()) as { version: number }).version;
      const missing = await withKey(t, adminKey, 'PUT', '/api/staff/departments/nergens', {
        version,
        name: { nl: 'X' },
      });
      assert.equal(missing.status, 404);
      const inUse = await withKey(t, adminKey, 'DELETE', `/api/staff/departments/verkeer?version=${version}`);
      assert.equal(inUse.status, 409);
      assert.match(((await inUse.json()) as { detail: string }).detail, /consultations \d+/);
      const stale = await withKey(t, adminKey, 'DELETE', `/api/staff/departments/sport?version=${version - 1}`);
      assert.equal(stale.status, 409);
      const removed = await withKey(t, adminKey, 'DELETE', `/api/staff/departments/sport?version=${version}`);
      assert.equal(removed.status, 200);
      const badSlug = await withKey(t, adminKey, 'DELETE', `/api/staff/departments/NOT_A_SLUG?version=${version}`);
      assert.equal(badSlug.status, 422);
      const badBody = await withKey(t, adminKey, 'POST', '/api/staff/departments', {
        version,
        name: { nl: 'x'.repeat(121) },
      });
      assert.equal(badBody.status, 422);
    });
  });
}
