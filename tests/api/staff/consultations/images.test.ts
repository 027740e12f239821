import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { and, desc, eq } from 'drizzle-orm';
import {
  auditLog,
  consultationImages,
  consultationRevisions,
  consultations,
  staffUsers,
} from '../../../../api/db/schema.ts';
import { currentContentVersion } from '../../../../api/services/content-revision.ts';
import { openTestApp, postJson, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { GIF_1x1, JPEG_40x30, PNG_40x30, WEBP_40x30 } from '../../../support/image-fixtures.ts';
import { exifData, jpegSegment, jpegWith } from '../../../support/images.ts';
import { addStaffUser, apiKeyFor, logIn, ORIGIN, withKey } from '../../../support/staff.ts';

type Login = { cookie: string; csrf: string };
const BASE = '/beheer/consultaties-opstellen';
const DRAFT = 'bomen-plein';
const PUBLIC = 'fietsroute-stationsstraat';
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
/** A PNG whose header claims 2³¹ + 1 pixels a side: more than a PostgreSQL integer holds. */
const PNG_HUGE = PNG_40x30.slice();
new DataView(PNG_HUGE.buffer).setUint32(16, 2 ** 31 + 1);

for (const target of databaseTargets()) {
  describe(`consultation images (${target.name})`, () => {
    let t: TestApp;
    let admin: Login;
    let webcare: Login;
    let key: string;
    const version = async (slug: string) =>
      (await t.db.select().from(consultations).where(eq(consultations.slug, slug)))[0]!.version;
    const images = async (slug: string) => {
      const [row] = await t.db.select().from(consultations).where(eq(consultations.slug, slug));
      return t.db
        .select()
        .from(consultationImages)
        .where(eq(consultationImages.consultationId, row!.id))
        .orderBy(consultationImages.position);
    };
    /** The image form as the edit page sends it: multipart, with the file when one is chosen. */
    const imageForm = async (
      slug: string,
      fields: Record<string, string>,
      file?: { bytes: Uint8Array; name: string; type?: string },
      who: Login = admin,
    ) => {
      const form = new FormData();
      form.set('csrf', who.csrf);
      form.set('version', String(await version(slug)));
      for (const [name, value] of Object.entries(fields)) form.set(name, value);
      const image = fields.image ?? 'new';
      if (file)
        form.set(
          `image-${image}-file`,
          new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.type ?? 'image/png' }),
          file.name,
        );
      return t.app.request(`${BASE}/${slug}/afbeeldingen`, {
        method: 'POST',
        body: form,
        headers: { Origin: ORIGIN, Cookie: who.cookie },
      });
    };
    const newTexts = (alt: { nl: string; en: string }, caption = { nl: '', en: '' }) => ({
      'image-new-alt-nl': alt.nl,
      'image-new-alt-en': alt.en,
      'image-new-caption-nl': caption.nl,
      'image-new-caption-en': caption.en,
    });
    const api = (method: string, path: string, body?: unknown) =>
      withKey(t, key, method, path, body, { 'Accept-Language': 'nl' });

    before(async () => {
      t = await openTestApp(target);
      await addStaffUser(t, 'admin@images.example', 'administrator');
      await addStaffUser(t, 'webcare@images.example', 'webcare');
      admin = await logIn(t, 'admin@images.example');
      webcare = await logIn(t, 'webcare@images.example');
      const [user] = await t.db.select().from(staffUsers).where(eq(staffUsers.email, 'admin@images.example'));
      key = await apiKeyFor(t, user!.id);
      const created = await postJson(
        t.app,
        '/api/staff/consultations',
        { slug: DRAFT, topic: 'mobiliteit', title: { nl: 'Bomen op het plein', en: '' } },
        { Cookie: admin.cookie, 'X-CSRF-Token': admin.csrf, Origin: ORIGIN },
      );
      assert.equal(created.status, 201);
    });
    after(() => t.close());

    it('adds an image with its alternative text to a draft, reading type and size from the bytes, and audits it', async () => {
      const response = await imageForm(
        DRAFT,
        newTexts(
          { nl: 'Kaart van het plein met de zes nieuwe bomen', en: 'Map of the square with the six new trees' },
          { nl: 'Zo komt het plein eruit te zien.', en: '' },
        ),
        // A WebP declared as PNG: the bytes decide.
        { bytes: WEBP_40x30, name: 'plein.png', type: 'image/png' },
      );
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('Location'), `${BASE}/${DRAFT}?klaar=afbeelding-toegevoegd`);
      const [image] = await images(DRAFT);
      assert.deepEqual([image!.mime, image!.width, image!.height, image!.position], ['image/webp', 40, 30, 0]);
      assert.deepEqual(image!.alt, {
        nl: 'Kaart van het plein met de zes nieuwe bomen',
        en: 'Map of the square with the six new trees',
      });
      assert.deepEqual(image!.caption, { nl: 'Zo komt het plein eruit te zien.', en: '' });
      assert.equal(await version(DRAFT), 2);
      const [entry] = await t.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'consultation.images_changed'))
        .orderBy(desc(auditLog.at));
      const details = entry!.details as { change: string; fields: string[]; before: { images: unknown } };
      assert.equal(details.change, 'added');
      assert.deepEqual(details.fields, ['images']);
      assert.equal(details.before.images, null);
      const [revision] = await t.db
        .select()
        .from(consultationRevisions)
        .where(eq(consultationRevisions.version, 2))
        .orderBy(desc(consultationRevisions.createdAt));
      assert.equal((revision!.snapshot.images as unknown[]).length, 1);
    });

    it("keeps a draft's image off the public address, and shows it to staff in the preview with its alt text and size", async () => {
      const [image] = await images(DRAFT);
      const publicUrl = `/api/consultation-images/${image!.sha256}.webp`;
      assert.equal((await t.app.request(publicUrl)).status, 404);
      const page = await (await t.app.request(`${BASE}/${DRAFT}`, { headers: { Cookie: admin.cookie } })).text();
      const preview = page.slice(page.indexOf('id="preview-heading"'));
      assert.match(
        preview,
        new RegExp(
          `<img src="${BASE}/${DRAFT}/afbeeldingen/${image!.id}" alt="Kaart van het plein met de zes nieuwe bomen" width="40" height="30" loading="lazy" decoding="async">`,
        ),
      );
      assert.match(preview, /<figcaption>Zo komt het plein eruit te zien\.<\/figcaption>/);
      // A short alternative text gets no readability score, only that it is too short to judge.
      const hint = page.slice(page.indexOf(`id="image-${image!.id}-alt-nl-readability"`));
      assert.match(hint.slice(0, 600), /Te kort om te beoordelen: 9 woorden/);
      const staffCopy = await t.app.request(`${BASE}/${DRAFT}/afbeeldingen/${image!.id}`, {
        headers: { Cookie: admin.cookie },
      });
      assert.equal(staffCopy.status, 200);
      assert.equal(staffCopy.headers.get('Content-Type'), 'image/webp');
      assert.equal(staffCopy.headers.get('X-Content-Type-Options'), 'nosniff');
      assert.deepEqual(new Uint8Array(await staffCopy.arrayBuffer()), WEBP_40x30);
      // Signed in without the permission: refused; not signed in: to the log-in.
      const refused = await t.app.request(`${BASE}/${DRAFT}/afbeeldingen/${image!.id}`, {
        headers: { Cookie: webcare.cookie },
      });
      assert.equal(refused.status, 403);
      const anonymous = await t.app.request(`${BASE}/${DRAFT}/afbeeldingen/${image!.id}`);
      assert.notEqual(anonymous.status, 200);
    });

    it('refuses an image without alternative text, keeping what was typed', async () => {
      const before = await version(DRAFT);
      const response = await imageForm(
        DRAFT,
        newTexts({ nl: '', en: 'A drawing of the bench' }, { nl: 'Mijn onderschrift', en: '' }),
        { bytes: PNG_40x30, name: 'bank.png' },
      );
      assert.equal(response.status, 422);
      const html = await response.text();
      assert.match(html, /Vul de alternatieve tekst in: wat is er op de afbeelding te zien\?/);
      assert.match(html, /id="image-new-alt-nl"[^>]*aria-invalid="true"/);
      assert.match(html, /A drawing of the bench<\/textarea>/);
      assert.match(html, /value="Mijn onderschrift"/);
      assert.match(html, /kies het bestand opnieuw/);
      assert.equal(await version(DRAFT), before);
    });

    it('refuses a file that is not PNG, JPEG or WebP by its bytes, whatever its name, in English on an English page', async () => {
      for (const file of [
        { bytes: GIF_1x1, name: 'kaart.png' },
        { bytes: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'), name: 'kaart.webp' },
      ]) {
        const response = await imageForm(
          DRAFT,
          { ...newTexts({ nl: 'Kaart van de wijk', en: 'Map of the area' }), lang: 'en' },
          file,
        );
        assert.equal(response.status, 422);
        const html = await response.text();
        assert.match(html, /This file is not a PNG, JPEG or WebP image/);
        assert.match(html, /Map of the area<\/textarea>/);
      }
    });

    it('refuses a file over 2 MB and a missing file, with the texts kept', async () => {
      const big = new Uint8Array(2 * 1024 * 1024 + 1);
      big.set(PNG_40x30);
      const tooBig = await imageForm(DRAFT, newTexts({ nl: 'Luchtfoto van het plein', en: 'Aerial photo' }), {
        bytes: big,
        name: 'luchtfoto.png',
      });
      assert.equal(tooBig.status, 422);
      const html = await tooBig.text();
      assert.match(html, /groter dan 2 MB/);
      assert.match(html, /Luchtfoto van het plein<\/textarea>/);
      const none = await imageForm(DRAFT, newTexts({ nl: 'Luchtfoto', en: 'Aerial photo' }));
      assert.equal(none.status, 422);
      assert.match(await none.text(), /Kies een afbeelding \(PNG, JPEG of WebP\)/);
    });

    it('refuses a PNG whose header claims more than 2³¹ pixels, none, or whose rest is cut off, as a form error in Dutch and English', async () => {
      const claiming = (width: number, height: number) => {
        const bytes = PNG_40x30.slice();
        new DataView(bytes.buffer).setUint32(16, width);
        new DataView(bytes.buffer).setUint32(20, height);
        return bytes;
      };
      const before = await version(DRAFT);
      const cases: Array<[Uint8Array, string, RegExp]> = [
        [
          claiming(2 ** 31 + 1, 30),
          'nl',
          /Deze afbeelding is te groot of heeft geen afmetingen: hoogstens 8192 pixels/,
        ],
        [claiming(40, 0xffffffff), 'en', /This image is too large or has no size: at most 8192 pixels/],
        [claiming(0, 30), 'nl', /Deze afbeelding is te groot of heeft geen afmetingen/],
        [PNG_40x30.subarray(0, 60), 'en', /This file is damaged or incomplete/],
      ];
      for (const [bytes, lang, message] of cases) {
        const response = await imageForm(
          DRAFT,
          { ...newTexts({ nl: 'Kaart van de wijk', en: 'Map of the area' }), lang },
          { bytes, name: 'kaart.png' },
        );
        assert.equal(response.status, 422, String(message));
        const html = await response.text();
        assert.match(html, message);
        assert.match(html, /id="image-new-file"[^>]*aria-invalid="true"/);
        assert.match(html, /Map of the area<\/textarea>/);
      }
      assert.equal(await version(DRAFT), before);
    });

    it('stores a phone photo without its EXIF metadata and GPS position, keeping its orientation', async () => {
      const photo = jpegWith(JPEG_40x30, jpegSegment(0xe1, exifData(6)), jpegSegment(0xfe, 'Dam Square'));
      const response = await imageForm(
        DRAFT,
        { ...newTexts({ nl: 'Foto van de bank op het plein', en: 'Photo of the bench on the square' }) },
        { bytes: photo, name: 'foto.jpg', type: 'image/jpeg' },
      );
      assert.equal(response.status, 303);
      const stored = (await images(DRAFT)).at(-1)!;
      const bytes = Buffer.from(stored.bytes);
      assert.equal(bytes.includes('PhoneMaker'), false, 'the EXIF fields are gone');
      assert.equal(bytes.includes(Buffer.from([0x88, 0x25])), false, 'the GPS directory is gone');
      assert.equal(bytes.includes('Dam Square'), false, 'the comment is gone');
      assert.equal(stored.bytes.length, JPEG_40x30.length + 36);
      assert.deepEqual([stored.width, stored.height], [30, 40], 'shown turned, as the browser does');
      assert.equal(stored.sha256, createHash('sha256').update(stored.bytes).digest('hex'));
      assert.equal((await imageForm(DRAFT, { image: stored.id, action: 'remove' })).status, 303);
    });

    it('refuses an alternative text that is only the file name', async () => {
      const response = await imageForm(DRAFT, newTexts({ nl: 'IMG_2041', en: 'img-2041.jpg' }), {
        bytes: JPEG_40x30,
        name: 'IMG_2041.jpg',
        type: 'image/jpeg',
      });
      assert.equal(response.status, 422);
      const html = await response.text();
      assert.match(html, /id="image-new-alt-nl"[^>]*aria-invalid="true"/);
      assert.match(html, /id="image-new-alt-en"[^>]*aria-invalid="true"/);
      assert.match(html, /De alternatieve tekst is nu de bestandsnaam/);
    });

    it('refuses a change made on an older version, with the colleague named and the texts kept', async () => {
      const form = new FormData();
      form.set('csrf', admin.csrf);
      form.set('version', '1');
      for (const [name, value] of Object.entries(newTexts({ nl: 'Schets van het fietspad', en: 'Sketch' })))
        form.set(name, value);
      form.set('image-new-file', new Blob([PNG_40x30 as Uint8Array<ArrayBuffer>], { type: 'image/png' }), 'schets.png');
      const response = await t.app.request(`${BASE}/${DRAFT}/afbeeldingen`, {
        method: 'POST',
        body: form,
        headers: { Origin: ORIGIN, Cookie: admin.cookie },
      });
      assert.equal(response.status, 409);
      const html = await response.text();
      assert.match(html, /id="stale"/);
      assert.match(html, /Een collega heeft deze consultatie intussen gewijzigd/);
      assert.match(html, /Gewijzigd door de collega: images\./);
      assert.match(html, /Schets van het fietspad<\/textarea>/);
      assert.equal((await images(DRAFT)).length, 1);
    });

    it('refuses an image form that names no version, adding nothing', async () => {
      const before = await images(DRAFT);
      const form = new FormData();
      form.set('csrf', admin.csrf);
      for (const [name, value] of Object.entries(newTexts({ nl: 'Schets zonder versie', en: 'Sketch' })))
        form.set(name, value);
      form.set('image-new-file', new Blob([PNG_40x30 as Uint8Array<ArrayBuffer>], { type: 'image/png' }), 'schets.png');
      const response = await t.app.request(`${BASE}/${DRAFT}/afbeeldingen`, {
        method: 'POST',
        body: form,
        headers: { Origin: ORIGIN, Cookie: admin.cookie },
      });
      assert.equal(response.status, 400);
      const html = await response.text();
      assert.match(html, /dus is er niets opgeslagen/);
      assert.match(html, /Schets zonder versie<\/textarea>/);
      assert.equal((await images(DRAFT)).length, before.length);
    });

    it('edits the texts, replaces the file, reorders and removes, each on the version seen', async () => {
      const added = await imageForm(DRAFT, newTexts({ nl: 'Foto van de oude bank', en: 'Photo of the old bench' }), {
        bytes: PNG_40x30,
        name: 'bank.png',
      });
      assert.equal(added.status, 303);
      const [first, second] = await images(DRAFT);
      // The second image moves up; focus comes back to its button.
      const moved = await imageForm(DRAFT, { image: second!.id, action: 'up' });
      assert.equal(moved.status, 303);
      // It is first now, so it has no "up" button: focus goes to its "down" button.
      assert.match(moved.headers.get('Location') ?? '', new RegExp(`focus=image-${second!.id}-down`));
      assert.deepEqual(
        (await images(DRAFT)).map((i) => i.id),
        [second!.id, first!.id],
      );
      const page = await (
        await t.app.request(moved.headers.get('Location')!, { headers: { Cookie: admin.cookie } })
      ).text();
      assert.match(page, /De afbeelding is verplaatst/);
      assert.match(page, new RegExp(`id="image-${second!.id}-down"[^>]*autofocus`));
      assert.doesNotMatch(page, new RegExp(`id="image-${second!.id}-up"`));
      // New texts and a new file in its place.
      const replaced = await imageForm(
        DRAFT,
        {
          image: second!.id,
          action: 'save',
          [`image-${second!.id}-alt-nl`]: 'Foto van de nieuwe bank van hout',
          [`image-${second!.id}-alt-en`]: 'Photo of the new wooden bench',
          [`image-${second!.id}-caption-nl`]: '',
          [`image-${second!.id}-caption-en`]: '',
        },
        { bytes: JPEG_40x30, name: 'nieuwe-bank.jpg', type: 'image/jpeg' },
      );
      assert.equal(replaced.status, 303);
      const [now] = await images(DRAFT);
      assert.deepEqual([now!.id, now!.mime, now!.fileName], [second!.id, 'image/jpeg', 'nieuwe-bank.jpg']);
      assert.equal(now!.alt.nl, 'Foto van de nieuwe bank van hout');
      const removed = await imageForm(DRAFT, { image: second!.id, action: 'remove' });
      assert.equal(removed.status, 303);
      const left = await images(DRAFT);
      assert.deepEqual(
        left.map((i) => [i.id, i.position]),
        [[first!.id, 0]],
      );
      const changes = await t.db
        .select({ details: auditLog.details })
        .from(auditLog)
        .where(eq(auditLog.action, 'consultation.images_changed'));
      // With the phone photo added and removed again by an earlier test.
      assert.deepEqual(changes.map((c) => (c.details as { change: string }).change).sort(), [
        'added',
        'added',
        'added',
        'moved',
        'removed',
        'removed',
        'replaced',
      ]);
    });

    it('refuses the image form to a role without the permission', async () => {
      const response = await imageForm(
        DRAFT,
        newTexts({ nl: 'Kaart', en: 'Map' }),
        { bytes: PNG_40x30, name: 'x.png' },
        webcare,
      );
      assert.equal(response.status, 403);
    });

    it('adds an image to a public consultation through the JSON API, serves it by its hash for good, and shows it on the public API', async () => {
      const rebuilt = await currentContentVersion(t.db);
      const response = await api('POST', `/api/staff/consultations/${PUBLIC}/images`, {
        version: await version(PUBLIC),
        fileName: 'route.png',
        content: base64(PNG_40x30),
        alt: { nl: 'Kaart van de nieuwe fietsroute door de Stationsstraat', en: 'Map of the new cycle route' },
        caption: { nl: '', en: '' },
      });
      assert.equal(response.status, 201);
      // The portal is rebuilt with the image.
      assert.ok((await currentContentVersion(t.db)) > rebuilt);
      const body = (await response.json()) as { image: string; images: Array<{ id: string; url: string }> };
      const url = body.images.find((i) => i.id === body.image)!.url;
      assert.match(url, /^\/api\/consultation-images\/[0-9a-f]{64}\.png$/);
      const served = await t.app.request(url);
      assert.equal(served.status, 200);
      assert.equal(served.headers.get('Content-Type'), 'image/png');
      assert.equal(served.headers.get('Cache-Control'), 'public, max-age=31536000, immutable');
      assert.equal(served.headers.get('X-Content-Type-Options'), 'nosniff');
      assert.deepEqual(new Uint8Array(await served.arrayBuffer()), PNG_40x30);
      assert.equal((await t.app.request(url.replace('.png', '.jpg'))).status, 404);
      const consultation = (await (await t.app.request(`/api/consultations/${PUBLIC}`)).json()) as {
        images: Array<{ url: string; width: number; height: number; alt: { nl: string } }>;
      };
      // After the demo's route map.
      assert.equal(consultation.images.length, 2);
      assert.deepEqual(consultation.images.slice(1), [
        {
          url,
          width: 40,
          height: 30,
          alt: { nl: 'Kaart van de nieuwe fietsroute door de Stationsstraat', en: 'Map of the new cycle route' },
          caption: null,
        },
      ]);
    });

    it('answers bad JSON input with a problem per field, in the caller’s language', async () => {
      const v = await version(PUBLIC);
      const send = (body: Record<string, unknown>) =>
        api('POST', `/api/staff/consultations/${PUBLIC}/images`, {
          version: v,
          fileName: 'kaart.png',
          content: base64(PNG_40x30),
          alt: { nl: 'Kaart van de wijk', en: 'Map of the area' },
          ...body,
        });
      const cases: Array<[Record<string, unknown>, string, string]> = [
        [{ alt: { nl: '', en: 'Map' } }, 'alt.nl', 'image_alt_missing'],
        [{ alt: { nl: 'kaart', en: 'Map' } }, 'alt.nl', 'image_alt_file_name'],
        [{ content: base64(GIF_1x1) }, 'file', 'image_file_type'],
        [{ content: base64(new Uint8Array(2 * 1024 * 1024 + 1)) }, 'file', 'image_file_size'],
        [{ content: base64(PNG_HUGE) }, 'file', 'image_file_dimensions'],
        [{ content: base64(PNG_40x30.subarray(0, 60)) }, 'file', 'image_file_damaged'],
      ];
      for (const [body, field, code] of cases) {
        const response = await send(body);
        assert.equal(response.status, 422, code);
        const problem = (await response.json()) as { errors: Array<{ field: string; code: string; message: string }> };
        const error = problem.errors.find((e) => e.field === field);
        assert.equal(error?.code, code);
        assert.ok(error!.message.length > 10);
      }
      const notBase64 = await send({ content: 'dit is geen base64!' });
      assert.equal(notBase64.status, 422);
      const noVersion = await send({ version: undefined });
      assert.equal(noVersion.status, 422);
      const stale = await send({ version: 1 });
      assert.equal(stale.status, 409);
      const unknown = await api(
        'PUT',
        `/api/staff/consultations/${PUBLIC}/images/00000000-0000-4000-8000-000000000000`,
        {
          version: v,
          alt: { nl: 'Kaart', en: 'Map' },
        },
      );
      assert.equal(unknown.status, 404);
      const halfFile = await api(
        'PUT',
        `/api/staff/consultations/${PUBLIC}/images/00000000-0000-4000-8000-000000000000`,
        {
          version: v,
          alt: { nl: 'Kaart', en: 'Map' },
          fileName: 'kaart.png',
        },
      );
      assert.equal(halfFile.status, 422);
      assert.equal(await version(PUBLIC), v);
    });

    it('edits, moves and removes an image through the JSON API; the public address stops serving a removed image', async () => {
      const [image] = await images(PUBLIC);
      const edited = await api('PUT', `/api/staff/consultations/${PUBLIC}/images/${image!.id}`, {
        version: await version(PUBLIC),
        alt: {
          nl: 'Kaart van de fietsroute met de nieuwe oversteek',
          en: 'Map of the cycle route with the new crossing',
        },
        caption: { nl: 'Ontwerp, november 2026', en: 'Design, November 2026' },
      });
      assert.equal(edited.status, 200);
      const added = await api('POST', `/api/staff/consultations/${PUBLIC}/images`, {
        version: await version(PUBLIC),
        fileName: 'oversteek.webp',
        content: base64(WEBP_40x30),
        alt: { nl: 'Tekening van de oversteek bij het station', en: 'Drawing of the crossing at the station' },
      });
      assert.equal(added.status, 201);
      const addedBody = (await added.json()) as { image: string; images: Array<{ id: string; url: string }> };
      const second = addedBody.image;
      const secondUrl = addedBody.images.find((i) => i.id === second)!.url;
      assert.equal((await t.app.request(secondUrl)).status, 200);
      const moved = await api('PUT', `/api/staff/consultations/${PUBLIC}/images/${second}/position`, {
        version: await version(PUBLIC),
        position: 1,
      });
      assert.equal(moved.status, 200);
      assert.deepEqual(
        ((await moved.json()) as { images: Array<{ id: string }> }).images.map((i) => i.id).slice(0, 2),
        [second, image!.id],
      );
      const noVersion = await api('DELETE', `/api/staff/consultations/${PUBLIC}/images/${second}`);
      assert.equal(noVersion.status, 422);
      const removed = await api(
        'DELETE',
        `/api/staff/consultations/${PUBLIC}/images/${second}?version=${await version(PUBLIC)}`,
      );
      assert.equal(removed.status, 200);
      const [left] = await images(PUBLIC);
      assert.deepEqual(left!.caption, { nl: 'Ontwerp, november 2026', en: 'Design, November 2026' });
      const rows = await t.db
        .select()
        .from(consultationImages)
        .where(and(eq(consultationImages.id, second)));
      assert.equal(rows.length, 0);
      assert.equal((await t.app.request(secondUrl)).status, 404);
    });
  });
}
