/**
 * Announcements posted by hand on X, Facebook and Instagram: the composer gives each
 * platform its text with a copy button and the images' alternative texts; the address staff
 * paste back is checked (a post on that platform, not a profile, not another platform, not a
 * post already in Podium), recorded on the announcement for the portal's "also on", and
 * mirrored as a thread whose root is the municipality's own post, published and without a
 * response clock, into which residents' replies from the platform's export file land.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { announcementCopies, auditLog, organisations, socialPosts, socialThreads } from '../../../api/db/schema.ts';
import { saveAnnouncement, scheduleAnnouncement } from '../../../api/services/announcements/compose.ts';
import { copyAddress } from '../../../api/services/announcements/copies.ts';
import { releaseDue } from '../../../api/services/announcements/outbox.ts';
import { listPublishedAnnouncements } from '../../../api/services/announcements/published.ts';
import { importThreadFrom } from '../../../api/services/social/thread-admin.ts';
import { tweet, X_USERS } from '../../fixtures/social/payloads.ts';
import { NOW, openTestApp, type TestApp } from '../../support/app.ts';
import { databaseTargets } from '../../support/databases.ts';
import { addStaffUser, logIn, ORIGIN } from '../../support/staff.ts';
import { PNG_40x30 } from '../../support/image-fixtures.ts';

const PUBLIC_URL = 'https://podium.demodam.example';
// A real image: announcement images are read and stripped of their metadata (image-metadata.ts).
const PNG = PNG_40x30;
const MONDAY = new Date('2026-11-30T09:00:00Z');
const X_POST = 'https://x.com/gemeente/status/1790000000000000001';

describe('reading a pasted post address', () => {
  it('takes a post on the platform of the field, from every form the platform uses', () => {
    assert.deepEqual(copyAddress('x', ' https://twitter.com/gemeente/status/1790000000000000001?s=20#top '), {
      externalId: '1790000000000000001',
      url: 'https://twitter.com/gemeente/status/1790000000000000001?s=20',
    });
    assert.equal(
      (copyAddress('facebook', 'https://www.facebook.com/gemeente/posts/pfbid02abc') as { externalId: string })
        .externalId,
      'pfbid02abc',
    );
    assert.equal(
      (copyAddress('instagram', 'http://instagram.com/p/C1a2b3c4d5e/') as { url: string }).url,
      'https://instagram.com/p/C1a2b3c4d5e/',
    );
  });

  it('refuses what is no address, another platform, and a profile instead of a post', () => {
    assert.deepEqual(copyAddress('x', 'gemeente op X'), { problem: 'not_a_url' });
    assert.deepEqual(copyAddress('x', 'javascript:alert(1)'), { problem: 'not_a_url' });
    assert.deepEqual(copyAddress('x', 'https://www.instagram.com/p/C1a2b3c4d5e/'), { problem: 'wrong_platform' });
    assert.deepEqual(copyAddress('facebook', 'https://example.org/gemeente/posts/1'), { problem: 'wrong_platform' });
    assert.deepEqual(copyAddress('x', 'https://x.com/gemeente'), { problem: 'not_a_post' });
    assert.deepEqual(copyAddress('facebook', 'https://www.facebook.com/gemeente'), { problem: 'not_a_post' });
    assert.deepEqual(copyAddress('instagram', 'https://www.instagram.com/gemeente/'), { problem: 'not_a_post' });
  });
});

for (const target of databaseTargets()) {
  describe(`announcements posted by hand (${target.name})`, () => {
    let t: TestApp;
    let poster: { cookie: string; csrf: string };
    let actor: { id: string; organisationId: string };

    before(async () => {
      t = await openTestApp(target, { publicUrl: PUBLIC_URL });
      const organisationId = (await t.db.select({ id: organisations.id }).from(organisations))[0]!.id;
      actor = { id: await addStaffUser(t, 'poster@demodam.example', 'poster'), organisationId };
      poster = await logIn(t, 'poster@demodam.example');
    });
    after(() => t.close());

    async function announcement(title: string, publish = true) {
      const saved = await saveAnnouncement(t.db, {
        actor,
        values: {
          kind: 'roadworks',
          title,
          body: `Van 1 tot 5 december werken we aan de Dorpsstraat. (${title})`,
          language: 'nl',
          contentWarning: null,
          accountIds: [],
        },
        newImages: [{ bytes: PNG, mime: 'image/png', description: 'Kaart van de omleiding' }],
        imageChanges: [],
        now: NOW,
        publicUrl: PUBLIC_URL,
      });
      const { id, version } = saved as { id: string; version: number };
      if (!publish) return id;
      const step = await scheduleAnnouncement(t.db, {
        actor,
        id,
        version,
        scheduledAt: MONDAY,
        now: NOW,
        publicUrl: PUBLIC_URL,
      });
      assert.equal(step.kind, 'scheduled');
      await releaseDue(t.db, MONDAY);
      return id;
    }
    const paste = (id: string, fields: Record<string, string>) => {
      const form = new FormData();
      form.append('csrf', poster.csrf);
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      return t.app.request(`/beheer/aankondigingen/${id}/elders`, {
        method: 'POST',
        body: form,
        headers: { Cookie: poster.cookie, Origin: ORIGIN },
      });
    };
    const api = (id: string, body: unknown, lang = 'nl') =>
      t.app.request(`/api/staff/announcements/${id}/copies`, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: {
          Cookie: poster.cookie,
          'X-CSRF-Token': poster.csrf,
          'Content-Type': 'application/json',
          'Accept-Language': lang,
          Origin: ORIGIN,
        },
      });

    it('gives each platform its text to copy with its count, a copy button and the images’ alternative texts', async () => {
      const id = await announcement('Omleiding Dorpsstraat');
      const html = await (
        await t.app.request(`/beheer/aankondigingen/${id}`, { headers: { Cookie: poster.cookie } })
      ).text();
      for (const [platform, name] of [
        ['x', 'X'],
        ['facebook', 'Facebook'],
        ['instagram', 'Instagram'],
      ]) {
        assert.match(html, new RegExp(`<textarea id="copy-${platform}" readonly`));
        assert.match(html, new RegExp(`data-copy-for="copy-${platform}"[^>]*>Kopieer de tekst voor ${name}<`));
        assert.match(html, new RegExp(`Zet op ${name} bij elke afbeelding deze alternatieve tekst:`));
        assert.match(
          html,
          new RegExp(`<label for="announcement-copy-url-${platform}">Adres van het bericht op ${name}`),
        );
      }
      assert.match(html, /van 280 tekens/);
      assert.match(html, /van 2200 tekens/);
      assert.match(html, /Afbeelding 1: Kaart van de omleiding/);
      assert.match(html, /aria-live="polite" data-copy-status/);
      assert.match(html, /src="\/beheer\/assets\/copy-text.js"/);
      const script = await t.app.request('/beheer/assets/copy-text.js');
      assert.equal(script.status, 200);
      assert.match(await script.text(), /navigator\.clipboard\.writeText/);
    });

    it('refuses a bad address with the reason in Dutch and English, keeping what was pasted', async () => {
      const id = await announcement('Werk aan de Molenweg');
      const cases: Array<[Record<string, string>, RegExp]> = [
        [{ lang: 'nl', platform: 'x', url: 'gemeente op X' }, /Dit is geen webadres/],
        [{ lang: 'en', platform: 'x', url: 'https://www.instagram.com/p/C1a2b3c4d5e/' }, /does not belong to X/],
        [{ lang: 'nl', platform: 'facebook', url: 'https://www.facebook.com/gemeente' }, /niet naar één bericht/],
        [{ lang: 'en', platform: 'instagram', url: 'https://www.instagram.com/gemeente/' }, /not lead to one post/],
      ];
      for (const [fields, message] of cases) {
        const response = await paste(id, fields);
        assert.equal(response.status, 422, fields.url);
        const html = await response.text();
        assert.match(html, message);
        assert.ok(html.includes(`value="${fields.url}"`), 'the pasted address is kept');
        assert.match(html, new RegExp(`id="announcement-copy-url-${fields.platform}"[^>]*aria-invalid="true"`));
      }
      assert.equal((await t.db.select().from(announcementCopies)).length, 0);
    });

    it('records the post, mirrors it as the municipality’s own published post, and shows it on the portal', async () => {
      const id = await announcement('Afsluiting Kerkplein');
      const response = await paste(id, { lang: 'nl', platform: 'x', url: X_POST });
      assert.equal(response.status, 303);
      assert.match(response.headers.get('Location') ?? '', /klaar=vastgelegd-x/);
      const [copy] = await t.db.select().from(announcementCopies).where(eq(announcementCopies.announcementId, id));
      assert.deepEqual([copy!.platform, copy!.externalId, copy!.url], ['x', '1790000000000000001', X_POST]);
      const [thread] = await t.db.select().from(socialThreads).where(eq(socialThreads.id, copy!.threadId!));
      assert.deepEqual([thread!.platform, thread!.externalId, thread!.nextSyncAt], ['x', '1790000000000000001', null]);
      const [root] = await t.db.select().from(socialPosts).where(eq(socialPosts.threadId, thread!.id));
      assert.equal(root!.reviewState, 'published');
      assert.equal(root!.responseDueAt, null, 'no response clock on our own post');
      assert.match(root!.contentText, /Afsluiting Kerkplein/);
      assert.match(root!.contentText, /https:\/\/podium\.demodam\.example\/nieuws\//);

      const page = await (
        await t.app.request(`/beheer/aankondigingen/${id}?klaar=vastgelegd-x`, { headers: { Cookie: poster.cookie } })
      ).text();
      assert.match(page, /Het adres op X is vastgelegd/);
      assert.ok(page.includes(`Staat op X: <a href="${X_POST}">`));

      const [news] = (await listPublishedAnnouncements(t.db, actor.organisationId)).filter((a) =>
        a.title.includes('Kerkplein'),
      );
      assert.deepEqual(news!.alsoOn, [{ platform: 'x', url: X_POST }]);
      const audit = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.subjectId, id), eq(auditLog.action, 'announcement.copy_recorded')));
      assert.equal(audit.length, 1);

      // The export file's replies land in the same thread, waiting for a moderator; our post stays published.
      const imported = await importThreadFrom(t.db, {
        organisationId: actor.organisationId,
        platform: 'x',
        payload: {
          data: [
            tweet('1790000000000000002', 'Hoe lang duurt de afsluiting?', {
              conversation_id: '1790000000000000001',
              in_reply_to_user_id: 'u-gemeente',
              referenced_tweets: [{ type: 'replied_to', id: '1790000000000000001' }],
            }),
          ],
          includes: { users: X_USERS },
        },
        settings: { allowPrivateHosts: false },
        now: new Date(MONDAY.getTime() + 3_600_000),
      } as Parameters<typeof importThreadFrom>[1]);
      assert.equal(imported.kind, 'imported');
      assert.equal((imported as { threadId: string }).threadId, thread!.id);
      const posts = await t.db.select().from(socialPosts).where(eq(socialPosts.threadId, thread!.id));
      const reply = posts.find((p) => p.externalId === '1790000000000000002');
      assert.equal(reply!.reviewState, 'new');
      assert.equal(posts.find((p) => p.externalId === '1790000000000000001')!.reviewState, 'published');
    });

    it('takes the comments of a Facebook export into the thread by the post’s id, keeping our own post', async () => {
      const id = await announcement('Snoeiwerk in het park');
      const url = 'https://www.facebook.com/gemeente/posts/998877';
      assert.equal((await paste(id, { lang: 'nl', platform: 'facebook', url })).status, 303);
      const [copy] = await t.db.select().from(announcementCopies).where(eq(announcementCopies.announcementId, id));
      // A complete comments file (no next page), without the post itself.
      const imported = await importThreadFrom(t.db, {
        organisationId: actor.organisationId,
        platform: 'facebook',
        rootId: '998877',
        payload: {
          data: [
            {
              id: '998877_1',
              message: 'Worden de bomen ook gekapt?',
              created_time: '2026-11-30T10:00:00+0000',
              from: { id: 'fb-anna', name: 'Anna' },
            },
          ],
        },
        settings: { allowPrivateHosts: false },
        now: new Date(MONDAY.getTime() + 3_600_000),
      } as Parameters<typeof importThreadFrom>[1]);
      assert.equal((imported as { threadId: string }).threadId, copy!.threadId);
      const posts = await t.db.select().from(socialPosts).where(eq(socialPosts.threadId, copy!.threadId!));
      const root = posts.find((p) => p.externalId === '998877')!;
      assert.equal(root.deletedAt, null, 'our own post is not taken as deleted');
      assert.match(root.contentText, /Snoeiwerk in het park/);
      assert.equal(root.reviewState, 'published');
      assert.equal(posts.find((p) => p.externalId === '998877_1')!.reviewState, 'new');
    });

    it('refuses a post already in Podium and a second address for the same platform', async () => {
      const first = await announcement('Markt op het Plein');
      const second = await announcement('Kermis op het Plein');
      assert.equal(
        (await paste(first, { lang: 'nl', platform: 'facebook', url: 'https://www.facebook.com/gemeente/posts/111' }))
          .status,
        303,
      );
      const twice = await paste(second, {
        lang: 'nl',
        platform: 'facebook',
        url: 'https://m.facebook.com/gemeente/posts/111',
      });
      assert.equal(twice.status, 422);
      assert.match(await twice.text(), /Dit bericht staat al in Podium/);
      // The thread of a resident's post, imported before, is not the municipality's post.
      await importThreadFrom(t.db, {
        organisationId: actor.organisationId,
        platform: 'x',
        payload: {
          data: [tweet('1800000000000000000', 'Wanneer gaat de brug weer open?', { author_id: 'u-anna' })],
          includes: { users: X_USERS },
        },
        settings: { allowPrivateHosts: false },
        now: MONDAY,
      } as Parameters<typeof importThreadFrom>[1]);
      const resident = await paste(second, {
        lang: 'en',
        platform: 'x',
        url: 'https://x.com/anna_nl/status/1800000000000000000',
      });
      assert.equal(resident.status, 422);
      assert.match(await resident.text(), /This post is already in Podium/);
      const again = await paste(first, {
        lang: 'nl',
        platform: 'facebook',
        url: 'https://www.facebook.com/gemeente/posts/222',
      });
      assert.equal(again.status, 422);
      assert.match(await again.text(), /Bij deze aankondiging staat het adres op Facebook al/);
    });

    it('does the same through the JSON staff API, with problems in the asked language', async () => {
      const id = await announcement('Brug dicht');
      const draft = await announcement('Concept over de brug', false);
      const wrong = await api(id, { platform: 'instagram', url: 'https://x.com/gemeente/status/1' }, 'en');
      assert.equal(wrong.status, 422);
      const problem = (await wrong.json()) as { errors: Array<{ field: string; code: string; message: string }> };
      assert.deepEqual(
        problem.errors.map((e) => [e.field, e.code]),
        [['url', 'copy_wrong_platform']],
      );
      assert.match(problem.errors[0]!.message, /does not belong to Instagram/);
      assert.equal((await api(id, { platform: 'mastodon', url: X_POST })).status, 422, 'not a platform to paste for');
      assert.equal((await api(id, { platform: 'x' })).status, 422, 'no url');
      const early = await api(draft, { platform: 'x', url: 'https://x.com/gemeente/status/1790000000000000009' });
      assert.equal(early.status, 409);
      assert.match(((await early.json()) as { title: string }).title, /nog niet gepubliceerd/);
      assert.equal((await api('00000000-0000-4000-8000-000000000000', { platform: 'x', url: X_POST })).status, 404);
      const created = await api(id, { platform: 'instagram', url: 'https://www.instagram.com/p/C1a2b3c4d5e/' });
      assert.equal(created.status, 201);
      const body = (await created.json()) as { platform: string; externalId: string; threadId: string };
      assert.deepEqual([body.platform, body.externalId], ['instagram', 'C1a2b3c4d5e']);
      const [thread] = await t.db.select().from(socialThreads).where(eq(socialThreads.id, body.threadId));
      assert.equal(thread!.platform, 'instagram');
    });

    describe('importing replies from the announcement page', () => {
      let admin: { cookie: string; csrf: string };
      before(async () => {
        await addStaffUser(t, 'beheer@demodam.example', 'administrator');
        admin = await logIn(t, 'beheer@demodam.example');
      });
      const upload = (
        who: { cookie: string; csrf: string },
        id: string,
        platform: string,
        file: { name: string; content: string } | null,
        lang = 'nl',
      ) => {
        const form = new FormData();
        form.append('csrf', who.csrf);
        form.append('lang', lang);
        form.append('platform', platform);
        form.append(
          'files',
          file
            ? new File([file.content], file.name, { type: 'application/json' })
            : new File([], '', { type: 'application/octet-stream' }),
        );
        return t.app.request(`/beheer/aankondigingen/${id}/elders/reacties`, {
          method: 'POST',
          body: form,
          headers: { Cookie: who.cookie, Origin: ORIGIN },
        });
      };
      // A complete comments file as Facebook exports it: the comments only, their ids without the post's.
      const comments = JSON.stringify({
        data: [
          {
            id: '7001',
            message: 'Gaat de speeltuin ook dicht?',
            created_time: '2026-11-30T10:00:00+0000',
            from: { id: 'fb-anna', name: 'Anna' },
          },
          {
            id: '7002',
            message: 'Fijn dat het gebeurt, bel me gerust op 06-12345678.',
            created_time: '2026-11-30T11:00:00+0000',
            from: { id: 'fb-ben', name: 'Ben' },
          },
        ],
      });
      const FB_POST = 'https://www.facebook.com/gemeente/posts/445566';

      it('takes a Facebook comments file without the post id into the copy’s thread, our post kept and the comments waiting', async () => {
        const id = await announcement('Speeltuin Vondelhof');
        assert.equal((await paste(id, { lang: 'nl', platform: 'facebook', url: FB_POST })).status, 303);
        const [copy] = await t.db.select().from(announcementCopies).where(eq(announcementCopies.announcementId, id));
        const threadsBefore = (await t.db.select().from(socialThreads)).length;

        const page = await (
          await t.app.request(`/beheer/aankondigingen/${id}`, { headers: { Cookie: admin.cookie } })
        ).text();
        assert.match(page, /<legend>Reacties importeren van Facebook<\/legend>/);
        assert.match(
          page,
          /<label for="announcement-copy-replies-facebook">Exportbestand van Facebook met de reacties/,
        );
        assert.doesNotMatch(page, /copy-replies-x/, 'only beside a recorded copy');

        const response = await upload(admin, id, 'facebook', { name: 'comments.json', content: comments });
        assert.equal(response.status, 200);
        const html = await response.text();
        assert.match(
          html,
          /<p class="staff-notice" role="status">De reacties van Facebook zijn ingelezen: 2 nieuwe berichten/,
        );
        assert.match(html, /Resultaat van de import/);
        assert.match(html, /2 reacties wachten in de wachtrij/);
        assert.match(html, /<h3>1 bericht bevat mogelijk persoonsgegevens<\/h3>/);

        assert.equal((await t.db.select().from(socialThreads)).length, threadsBefore, 'no separate thread');
        const posts = await t.db.select().from(socialPosts).where(eq(socialPosts.threadId, copy!.threadId!));
        const root = posts.find((p) => p.externalId === '445566')!;
        assert.equal(root.deletedAt, null);
        assert.equal(root.reviewState, 'published');
        assert.match(root.contentText, /Speeltuin Vondelhof/);
        for (const comment of ['7001', '7002']) {
          const post = posts.find((p) => p.externalId === comment);
          assert.equal(post?.reviewState, 'new', comment);
          assert.equal(post?.parentExternalId, '445566', 'a reply to our own post');
        }
      });

      it('refuses a wrong file, an unreadable one, none at all and a copy not recorded, in Dutch and English, changing nothing', async () => {
        const id = await announcement('Bomen Parklaan');
        assert.equal(
          (await paste(id, { lang: 'nl', platform: 'facebook', url: FB_POST.replace('445566', '445577') })).status,
          303,
        );
        const [copy] = await t.db.select().from(announcementCopies).where(eq(announcementCopies.announcementId, id));
        const count = async () => (await t.db.select().from(socialPosts)).length;
        const before = await count();
        const xFile = JSON.stringify({
          data: [tweet('1790000000000000077', 'Wanneer begint het?', { conversation_id: '1790000000000000070' })],
          includes: { users: X_USERS },
        });
        const cases: Array<[string, { name: string; content: string } | null, string, number, RegExp]> = [
          ['facebook', { name: 'x.json', content: xFile }, 'nl', 422, /Dit is een bestand van X, niet van Facebook/],
          ['facebook', { name: 'x.json', content: xFile }, 'en', 422, /This is a file from X, not from Facebook/],
          [
            'facebook',
            { name: 'kapot.json', content: '{"data": [' },
            'nl',
            422,
            /kapot\.json is geen geldig JSON-bestand/,
          ],
          [
            'facebook',
            { name: 'leeg.json', content: '{"hello": 1}' },
            'en',
            422,
            /does not recognise this file as an export of Facebook/,
          ],
          ['facebook', null, 'nl', 422, /Kies het exportbestand van Facebook/],
          ['x', { name: 'x.json', content: xFile }, 'en', 409, /Record the address of the post on X first/],
          [
            'facebook',
            { name: 'groot.json', content: JSON.stringify({ data: [], pad: 'a'.repeat(2 * 1024 * 1024) }) },
            'nl',
            422,
            /te groot/,
          ],
        ];
        for (const [platform, file, lang, status, message] of cases) {
          const response = await upload(admin, id, platform, file, lang);
          assert.equal(response.status, status, String(message));
          const html = await response.text();
          assert.match(html, message);
          assert.ok(
            html.includes(`<a href="#announcement-copy-${status === 409 ? 'url' : 'replies'}-${platform}">`),
            'the summary leads to the field',
          );
          if (platform === 'facebook')
            assert.match(html, /id="announcement-copy-replies-facebook"[^>]*aria-invalid="true"/);
          if (file) assert.match(html, lang === 'en' ? /Choose the file again/ : /Kies het bestand opnieuw/);
        }
        assert.equal(await count(), before, 'nothing taken in');
        const thread = await t.db.select().from(socialPosts).where(eq(socialPosts.threadId, copy!.threadId!));
        assert.deepEqual(
          thread.map((p) => [p.externalId, p.reviewState, p.deletedAt]),
          [['445577', 'published', null]],
        );
      });

      it('shows the form only to those who may import threads, and refuses the post of a poster', async () => {
        const id = await announcement('Parkeren Stationsplein');
        assert.equal(
          (await paste(id, { lang: 'nl', platform: 'facebook', url: FB_POST.replace('445566', '445588') })).status,
          303,
        );
        const page = await (
          await t.app.request(`/beheer/aankondigingen/${id}`, { headers: { Cookie: poster.cookie } })
        ).text();
        assert.match(page, /Staat op Facebook:/);
        assert.doesNotMatch(page, /Reacties importeren van/);
        assert.doesNotMatch(page, /elders\/reacties/);
        const before = (await t.db.select().from(socialPosts)).length;
        const response = await upload(poster, id, 'facebook', { name: 'comments.json', content: comments });
        assert.equal(response.status, 403);
        // Webcare imports threads but does not write announcements: the page's answer is not theirs.
        await addStaffUser(t, 'webcare@demodam.example', 'webcare');
        const webcare = await logIn(t, 'webcare@demodam.example');
        const fromWebcare = await upload(webcare, id, 'facebook', { name: 'comments.json', content: comments });
        assert.equal(fromWebcare.status, 403);
        assert.equal((await t.db.select().from(socialPosts)).length, before);
      });
    });

    it('refuses the form for an announcement not yet published', async () => {
      const draft = await announcement('Nog een concept', false);
      const html = await (
        await t.app.request(`/beheer/aankondigingen/${draft}`, { headers: { Cookie: poster.cookie } })
      ).text();
      assert.match(html, /Zodra de aankondiging gepubliceerd is/);
      const response = await paste(draft, {
        lang: 'nl',
        platform: 'x',
        url: 'https://x.com/gemeente/status/1790000000000000010',
      });
      assert.equal(response.status, 422);
      assert.match(await response.text(), /nog niet gepubliceerd/);
    });
  });
}
