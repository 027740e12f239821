/**
 * The thread-import page (api/staff/threads/page-routes.ts) and its JSON counterpart: webcare
 * imports a thread from the files a platform exports or from a post's address, under a
 * consultation and a title, sees what was taken in and what screening flagged, lists the
 * threads and re-syncs one; bad input is refused in the page's language with what was typed
 * kept; every step is audited. Against the local Mastodon and Bluesky servers.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog, socialThreads } from '../../../../api/db/schema.ts';
import type { ImportSettings } from '../../../../api/services/social/thread-admin.ts';
import { mastodonThread } from '../../../fixtures/social/payloads.ts';
import { openTestApp, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { seedMastodonThread, startPlatformServer, type PlatformServer } from '../../../support/platform-server.ts';
import { addStaffUser, logIn, ORIGIN } from '../../../support/staff.ts';

type Who = { cookie: string; csrf: string };
type Upload = { name: string; content: string };

/** A Mastodon status and its context, as two files, with a reply that names a health matter. */
function mastodonExport(rootId: string) {
  const { status, context } = mastodonThread();
  (status as { id: string }).id = rootId;
  const descendants = context.descendants as Array<{ id: string; in_reply_to_id: string; content: string }>;
  for (const d of descendants) {
    d.id = `${rootId}${d.id}`;
    d.in_reply_to_id = d.in_reply_to_id === '100' ? rootId : `${rootId}${d.in_reply_to_id}`;
  }
  descendants[0]!.content = '<p>Met mijn scootmobiel kom ik daar niet langs. Bel 06-12345678.</p>';
  return [
    { name: 'status.json', content: JSON.stringify(status) },
    { name: 'context.json', content: JSON.stringify(context) },
  ];
}

for (const target of databaseTargets()) {
  describe(`the thread-import page (${target.name})`, () => {
    let t: TestApp;
    let platform: PlatformServer;
    let webcare: Who;
    let webcareId: string;
    let analyst: Who;
    let poster: Who;
    const settings: ImportSettings = { allowPrivateHosts: true };
    before(async () => {
      t = await openTestApp(target, { threadImports: () => settings });
      platform = await startPlatformServer();
      settings.blueskyAppView = platform.origin;
      webcareId = await addStaffUser(t, 'webcare@import-page.example', 'webcare');
      await addStaffUser(t, 'analyst@import-page.example', 'analyst');
      await addStaffUser(t, 'poster@import-page.example', 'poster');
      webcare = await logIn(t, 'webcare@import-page.example');
      analyst = await logIn(t, 'analyst@import-page.example');
      poster = await logIn(t, 'poster@import-page.example');
    });
    after(async () => {
      await platform.close();
      await t.close();
    });

    function submit(
      who: Who | null,
      fields: Record<string, string>,
      files: Upload[] = [],
      options: { lang?: 'nl' | 'en'; csrf?: string } = {},
    ) {
      const lang = options.lang ?? 'nl';
      const form = new FormData();
      form.set('csrf', options.csrf ?? who?.csrf ?? '');
      form.set('lang', lang);
      for (const [name, value] of Object.entries(fields)) form.set(name, value);
      // A browser sends an empty file part when no file was chosen.
      if (files.length === 0) form.append('files', new File([], '', { type: 'application/octet-stream' }));
      for (const file of files) form.append('files', new File([file.content], file.name, { type: 'application/json' }));
      return t.app.request(`/beheer/gesprekken/importeren?lang=${lang}`, {
        method: 'POST',
        headers: { Origin: ORIGIN, ...(who ? { Cookie: who.cookie } : {}) },
        body: form,
      });
    }

    const get = (who: Who | null, path = '/beheer/gesprekken') =>
      t.app.request(path, { headers: who ? { Cookie: who.cookie } : {} });

    it('lets webcare import a Mastodon status and its context as exported, showing what was taken in and what was flagged', async () => {
      const response = await submit(
        webcare,
        {
          url: '',
          consultation: 'fietsroute-stationsstraat',
          titleNl: 'Gesprek op Mastodon over het viaduct',
          titleEn: '',
        },
        mastodonExport('7100'),
      );
      assert.equal(response.status, 201);
      const page = await response.text();
      assert.match(page, /Het gesprek ‘Gesprek op Mastodon over het viaduct’ is geïmporteerd: 3 berichten opgenomen\./);
      assert.match(page, /1 bericht bevat mogelijk persoonsgegevens/);
      assert.match(page, /telefoonnummer, gezondheid|gezondheid[^<]*, telefoonnummer/);
      // The flagged post links to its item in the queue, which webcare may open.
      const item = /href="\/beheer\/items\/([0-9a-f-]{36})">Open in de wachtrij/.exec(page);
      assert.ok(item, 'the flagged post links to its queue item');
      assert.equal((await get(webcare, `/beheer/items/${item[1]}`)).status, 200);
      // In the list, under its consultation, from a file (nothing to re-sync).
      assert.match(page, /<th scope="row">Gesprek op Mastodon over het viaduct<\/th><td>Mastodon<\/td>/);
      assert.match(page, /Uit een bestand; wordt niet bijgehouden/);
      const [thread] = await t.db.select().from(socialThreads).where(eq(socialThreads.externalId, '7100'));
      assert.deepEqual(thread?.title, { nl: 'Gesprek op Mastodon over het viaduct' });
      assert.ok(thread?.consultationId);
      const audit = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.subjectId, thread!.id), eq(auditLog.action, 'social_thread.imported')));
      assert.deepEqual(
        audit.map((a) => [a.actorType, a.actorId]),
        [['staff', webcareId]],
      );
    });

    it('imports a Bluesky getPostThread answer as the AppView gives it, in English', async () => {
      const root = 'at://did:plc:gemeente/app.bsky.feed.post/3pageroot';
      const answer = 'at://did:plc:anna/app.bsky.feed.post/3pageanswer';
      const { blueskyPost, reply } = await import('../../../fixtures/social/payloads.ts');
      platform.bskyPosts.set(root, { post: blueskyPost(root, 'Waar moet het bankje komen?'), parent: null });
      platform.bskyPosts.set(answer, {
        post: blueskyPost(answer, 'Bij het park.', {}, reply(answer, root, root)),
        parent: root,
      });
      const exported = await (
        await fetch(`${platform.origin}/xrpc/app.bsky.feed.getPostThread?uri=${encodeURIComponent(root)}`)
      ).text();
      const response = await submit(
        webcare,
        { url: '', consultation: '', titleNl: 'Bankje', titleEn: 'Bench' },
        [{ name: 'thread.json', content: exported }],
        { lang: 'en' },
      );
      assert.equal(response.status, 201);
      const page = await response.text();
      assert.match(page, /The conversation ‘Bench’ has been imported: 2 posts taken in\./);
      assert.match(page, /No post contains personal data/);
    });

    it('imports live from a post address and re-syncs on request, audited with who asked', async () => {
      seedMastodonThread(platform, '7200');
      const imported = await submit(webcare, {
        url: platform.mastodonUrl('7200'),
        consultation: '',
        titleNl: 'Live gesprek',
        titleEn: '',
      });
      assert.equal(imported.status, 201, await imported.clone().text());
      const [thread] = await t.db.select().from(socialThreads).where(eq(socialThreads.externalId, '7200'));
      platform.statuses.get('72001')!.content = '<p>Langs het park, met licht.</p>';
      const form = new URLSearchParams({ csrf: webcare.csrf, lang: 'nl' });
      const synced = await t.app.request(`/beheer/gesprekken/${thread!.id}/bijwerken`, {
        method: 'POST',
        headers: { Origin: ORIGIN, Cookie: webcare.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      });
      assert.equal(synced.status, 200);
      assert.match(await synced.text(), /‘Live gesprek’ is bijgewerkt: 0 nieuw, 1 bewerkt, 0 verwijderd\./);
      const audit = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.subjectId, thread!.id), eq(auditLog.action, 'social_thread.sync_requested')));
      assert.deepEqual(
        audit.map((a) => [a.actorId, a.details.result]),
        [[webcareId, 'synced']],
      );

      // A thread from a file cannot be re-synced; an unknown one is not found.
      const [fromFile] = await t.db.select().from(socialThreads).where(eq(socialThreads.externalId, '7100'));
      const post = (id: string) =>
        t.app.request(`/beheer/gesprekken/${id}/bijwerken`, {
          method: 'POST',
          headers: { Origin: ORIGIN, Cookie: webcare.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
          body: form.toString(),
        });
      const refused = await post(fromFile!.id);
      assert.equal(refused.status, 409);
      assert.match(await refused.text(), /komt uit een bestand en kan niet worden bijgewerkt/);
      assert.equal((await post('00000000-0000-4000-8000-000000000000')).status, 404);
      assert.equal((await post('not-a-uuid')).status, 404);
    });

    it('refuses bad input in the page’s language, keeping what was typed', async () => {
      const typed = { consultation: 'fietsroute-stationsstraat', titleNl: 'Mijn titel', titleEn: 'My title' };
      const cases: Array<[Record<string, string>, Upload[], 'nl' | 'en', number, RegExp]> = [
        [{ ...typed, url: '' }, [], 'nl', 422, /Vul het adres van een bericht in, of kies een exportbestand\./],
        [
          { ...typed, url: platform.mastodonUrl('1') },
          mastodonExport('7300'),
          'nl',
          422,
          /Kies één van beide: een adres of een bestand\..*Kies het bestand opnieuw/s,
        ],
        [
          { ...typed, url: 'https://example.org/niets' },
          [],
          'nl',
          422,
          /geen adres van een bericht dat Podium kan lezen/,
        ],
        [{ ...typed, url: 'javascript:alert(1)' }, [], 'en', 422, /not the address of a post Podium can read/],
        [{ ...typed, url: 'x'.repeat(2050) }, [], 'nl', 422, /te lang \(hoogstens 2000 tekens\)/],
        [
          { ...typed, url: '' },
          [{ name: 'kapot.json', content: '{"status": ' }],
          'nl',
          422,
          /kapot\.json is geen geldig JSON-bestand/,
        ],
        [
          { ...typed, url: '' },
          [{ name: 'x.json', content: '{"hallo": 1}' }],
          'en',
          422,
          /does not recognise this file/,
        ],
        [
          { ...typed, url: '' },
          [mastodonExport('7301')[1]!],
          'nl',
          422,
          /de context van Mastodon \(de reacties\) zonder de status zelf/,
        ],
        [
          { ...typed, url: '' },
          [mastodonExport('7302')[0]!, mastodonExport('7303')[0]!, mastodonExport('7304')[0]!],
          'nl',
          422,
          /Kies hoogstens twee bestanden/,
        ],
        [
          { ...typed, url: '' },
          [{ name: 'groot.json', content: JSON.stringify({ x: 'a'.repeat(2 * 1024 * 1024) }) }],
          'nl',
          422,
          /te groot: hoogstens 2 MB/,
        ],
        [
          { ...typed, url: '' },
          [{ name: 'status.json', content: JSON.stringify({ content: 1, account: {}, in_reply_to_id: null }) }],
          'nl',
          422,
          /.+/,
        ],
        [{ ...typed, titleNl: '', url: platform.mastodonUrl('1') }, [], 'nl', 422, /Vul een Nederlandse titel in\./],
        [{ ...typed, titleNl: 'x'.repeat(201), url: platform.mastodonUrl('1') }, [], 'en', 422, /title is too long/],
        [
          { ...typed, consultation: 'bestaat-niet', url: platform.mastodonUrl('1') },
          [],
          'nl',
          422,
          /Deze consultatie bestaat niet/,
        ],
        // Unreachable (nothing listens there) and a post the platform does not know.
        [{ ...typed, url: 'http://127.0.0.1:9/@gemeente/1' }, [], 'nl', 502, /niet bereikbaar of gaf een fout/],
        [
          { ...typed, url: platform.mastodonUrl('99999') },
          [],
          'en',
          422,
          /does not exist \(any more\) on the platform/,
        ],
      ];
      const before = (await t.db.select({ id: socialThreads.id }).from(socialThreads)).length;
      for (const [fields, files, lang, status, message] of cases) {
        const label = `${JSON.stringify(fields).slice(0, 120)} ${files.map((f) => f.name).join(',')} ${lang}`;
        const response = await submit(webcare, fields, files, { lang });
        assert.equal(response.status, status, label);
        const page = await response.text();
        assert.match(page, message, label);
        assert.match(page, /class="staff-error-summary|role="alert"/, `${label}: an error summary`);
        assert.match(page, new RegExp(`<html lang="${lang}"`), label);
        // What was typed is still there.
        if (fields.titleNl) assert.ok(page.includes(`value="${fields.titleNl}"`), `${label}: the title kept`);
        if (fields.url && fields.url.length < 100)
          assert.ok(page.includes(`value="${fields.url.replace(/&/g, '&amp;')}"`), `${label}: the address kept`);
        if (fields.consultation === 'fietsroute-stationsstraat')
          assert.match(page, /<option value="fietsroute-stationsstraat" selected>/, `${label}: the consultation kept`);
      }
      assert.equal(
        (await t.db.select({ id: socialThreads.id }).from(socialThreads)).length,
        before,
        'nothing imported',
      );
    });

    it('refuses a form larger than the transport allows with a page in the form’s language', async () => {
      const big = [{ name: 'enorm.json', content: 'x'.repeat(9 * 1024 * 1024) }];
      const english = await submit(webcare, { url: '', titleNl: 'x' }, big, { lang: 'en' });
      assert.equal(english.status, 413);
      assert.match(await english.text(), /too large together: at most 2 MB/);
      const dutch = await submit(webcare, { url: '', titleNl: 'x' }, big);
      assert.equal(dutch.status, 413);
      assert.match(await dutch.text(), /te groot: hoogstens 2 MB/);
    });

    it('refuses anonymous callers, roles without the permission, and a post without the form’s token', async () => {
      for (const path of ['/beheer/gesprekken', '/en/manage/conversations']) {
        const anonymous = await get(null, path);
        assert.equal(anonymous.status, 303);
        assert.match(anonymous.headers.get('Location') ?? '', /inloggen|login/);
        assert.equal((await get(analyst, path)).status, 403, `${path} analyst`);
        assert.equal((await get(poster, path)).status, 403, `${path} poster`);
        assert.equal((await get(webcare, path)).status, 200, `${path} webcare`);
      }
      const fields = { url: platform.mastodonUrl('7200'), titleNl: 'x' };
      assert.equal((await submit(null, fields)).status, 401);
      assert.equal((await submit(analyst, fields)).status, 403);
      assert.equal((await submit(webcare, fields, [], { csrf: 'wrong' })).status, 403);
      // Webcare imports and re-syncs, but neither removes a thread nor describes its media.
      const [thread] = await t.db.select({ id: socialThreads.id }).from(socialThreads).limit(1);
      const removal = await t.app.request(`/api/staff/threads/${thread!.id}`, {
        method: 'DELETE',
        headers: { Origin: ORIGIN, Cookie: webcare.cookie, 'X-CSRF-Token': webcare.csrf },
      });
      assert.equal(removal.status, 403);
    });
  });
}
