/**
 * The portal's growing lists, served into the built pages (api/routes/portal-lists.ts):
 * paging, validators and 304s, a publication showing at once, and bad addresses answered
 * in the reader's language. The shells here are small stand-ins for the built pages, with
 * the same slots, title and language links.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { consultations, socialPosts, socialThreads, submissions } from '../../api/db/schema.ts';
import { markContentChanged } from '../../api/services/content-revision.ts';
import { findConsultation } from '../../api/services/consultations.ts';
import { buildPublishedSnapshot } from '../../api/services/published-content.ts';
import { readPublicThread } from '../../api/services/social/public-mirror.ts';
import { importThread, listThreads } from '../../api/services/social/threads.ts';
import type { Locale } from '../../shared/contracts/public-content.ts';
import { html } from '../../shared/html/index.ts';
import { responsesTitle } from '../../shared/render/published-lists.ts';
import { conversationTitle, renderThreadPosts } from '../../shared/render/thread.ts';
import { conversationListTitle } from '../../shared/render/conversation-list.ts';
import { textsFor } from '../../shared/i18n.ts';
import * as threadTexts from '../../shared/texts/thread.ts';
import { CONVERSATIONS_PER_PAGE } from '../../api/services/social/conversation-list.ts';
import { importMastodonThread } from '../../api/services/social/mastodon.ts';
import { MASTODON_ORIGIN, mastodonAccount, mastodonStatus } from '../fixtures/social/payloads.ts';
import { otherLocale, routes } from '../../shared/urls.ts';
import { NOW, openTestApp, type TestApp } from '../support/app.ts';
import { databaseTargets } from '../support/databases.ts';

const SLUG = 'parkeren-centrum';

async function writeShell(
  siteDir: string,
  route: (lang: Locale) => string,
  lang: Locale,
  title: string,
  slots: string[],
) {
  const path = route(lang);
  await mkdir(join(siteDir, path), { recursive: true });
  const other = otherLocale(lang);
  const counterpart = route(other);
  await writeFile(
    join(siteDir, path, 'index.html'),
    `<!doctype html><html lang="${lang}"><head><title>${title} – Podium – Gemeente Demodam</title>` +
      `<link rel="canonical" href="http://localhost${path}"></head><body>` +
      `<a class="podium-language-switch" href="${counterpart}" hreflang="${other}">${other}</a><main>` +
      slots.map((name) => `<!--podium:slot ${name}--><p>built</p><!--/podium:slot ${name}-->`).join('') +
      '</main></body></html>',
  );
}

const articleIds = (body: string) =>
  [...body.matchAll(/<article [^>]*aria-labelledby="submission-([^"]+)"/g)].map((m) => m[1]);

for (const target of databaseTargets()) {
  describe(`the portal's growing lists, served into the built pages (${target.name})`, () => {
    let t: TestApp;
    let siteDir: string;
    let total: number;
    before(async () => {
      siteDir = await mkdtemp(join(tmpdir(), 'podium-lists-'));
      t = await openTestApp(target, { siteDir });
      const consultation = (await findConsultation(t.db, SLUG, NOW))!;
      for (const lang of ['nl', 'en'] as const) {
        await writeShell(siteDir, routes.home, lang, 'Start', ['answers']);
        await writeShell(siteDir, (l) => routes.consultation(l, SLUG), lang, 'Parkeren', [
          'responses',
          'responses-link',
        ]);
        await writeShell(
          siteDir,
          (l) => routes.responses(l, SLUG),
          lang,
          String(html`${responsesTitle(consultation, lang, 1, 1)}`),
          ['responses'],
        );
        // The one page every conversation is served in.
        await writeShell(siteDir, routes.conversationShell, lang, textsFor(threadTexts, lang).conversationShellTitle, [
          'thread-head',
          'thread-posts',
        ]);
      }
      const [row] = await t.db
        .select({ n: sql<number>`count(*)::int` })
        .from(submissions)
        .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
        .where(and(eq(consultations.slug, SLUG), sql`${submissions.status} in ('published', 'answered')`));
      total = row!.n;
    });
    after(async () => {
      await t.close();
      await rm(siteDir, { recursive: true, force: true });
    });

    test('page 1 of the responses shows the newest ten with a pager, cacheable for a moment', async () => {
      assert.ok(total > 10, `the demo has ${total} published responses on ${SLUG}`);
      const response = await t.app.request(`/consultaties/${SLUG}/reacties/`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('Cache-Control'), 'public, max-age=2');
      assert.ok(response.headers.get('ETag'));
      assert.ok(Date.parse(response.headers.get('Last-Modified') ?? '') > 0);
      const body = await response.text();
      assert.equal(articleIds(body).length, 10);
      assert.match(body, new RegExp(`Reactie 1 tot en met 10 van ${total}`));
      assert.match(body, /<a href="\/consultaties\/parkeren-centrum\/reacties\/2\/" rel="next">/);
      assert.doesNotMatch(body, /<p>built<\/p>/);
    });

    test('every published response is on exactly one page, and later pages name their number', async () => {
      const pages = Math.ceil(total / 10);
      const seen: string[] = [];
      for (let n = 1; n <= pages; n += 1) {
        const response = await t.app.request(routes.responses('en', SLUG, n));
        assert.equal(response.status, 200, `page ${n}`);
        const body = await response.text();
        seen.push(...articleIds(body).map(String));
        if (n > 1) {
          assert.match(body, new RegExp(`<title>Responses to [^<]*, page ${n} of ${pages} – Podium`));
          // The language switch and the canonical address name this page, not page 1.
          assert.match(body, new RegExp(`href="/consultaties/${SLUG}/reacties/${n}/" hreflang="nl"`));
          assert.match(
            body,
            new RegExp(`rel="canonical" href="http://localhost/en/consultations/${SLUG}/responses/${n}/"`),
          );
        }
      }
      assert.equal(seen.length, total);
      assert.equal(new Set(seen).size, total);
    });

    test('every response stays on exactly one page when publication times have microseconds', async () => {
      // PostgreSQL keeps microseconds, a JavaScript date milliseconds: a page's first key must not be cut.
      await t.db.execute(sql`update submissions set published_at = published_at + interval '123 microseconds'
        where published_at is not null`);
      const seen: string[] = [];
      for (let n = 1; n <= Math.ceil(total / 10); n += 1) {
        seen.push(...articleIds(await (await t.app.request(routes.responses('en', SLUG, n))).text()).map(String));
      }
      assert.equal(seen.length, total);
      assert.equal(new Set(seen).size, total);
    });

    test('page 1 under a number redirects to the address without one', async () => {
      const response = await t.app.request(`/consultaties/${SLUG}/reacties/1/`);
      assert.equal(response.status, 301);
      assert.equal(response.headers.get('Location'), `/consultaties/${SLUG}/reacties/`);
    });

    test('a page number that is not one, or past the last page, is a 404 in the reader’s language', async () => {
      for (const page of ['0', '-1', 'abc', '01', '2.5', '1e3', '999999', '99999999999999999999']) {
        const nl = await t.app.request(`/consultaties/${SLUG}/reacties/${page}/`);
        assert.equal(nl.status, 404, page);
        const nlBody = await nl.text();
        assert.match(nlBody, /<html lang="nl">/);
        assert.match(nlBody, /Deze pagina met reacties bestaat niet/);
        assert.equal(nl.headers.get('ETag'), null);
        const en = await t.app.request(`/en/consultations/${SLUG}/responses/${page}/`);
        assert.equal(en.status, 404, page);
        const enBody = await en.text();
        assert.match(enBody, /<html lang="en">/);
        assert.match(enBody, /This page of responses does not exist/);
      }
    });

    test('an unknown consultation is a 404 in the reader’s language', async () => {
      const nl = await t.app.request('/consultaties/bestaat-niet/reacties/');
      assert.equal(nl.status, 404);
      assert.match(await nl.text(), /Deze consultatie bestaat niet \(meer\)\./);
      const en = await t.app.request('/en/consultations/does-not-exist/responses/3/');
      assert.equal(en.status, 404);
      const body = await en.text();
      assert.match(body, /<html lang="en">/);
      assert.match(body, /This consultation does not exist \(any more\)\./);
    });

    test('a browser that has the page gets a 304, by its tag or its date, until something is published', async () => {
      const path = routes.responses('nl', SLUG, 2);
      const first = await t.app.request(path);
      const etag = first.headers.get('ETag')!;
      const lastModified = first.headers.get('Last-Modified')!;
      const again = await t.app.request(path, { headers: { 'If-None-Match': etag } });
      assert.equal(again.status, 304);
      assert.equal(await again.text(), '');
      const weak = await t.app.request(path, { headers: { 'If-None-Match': `W/${etag}`, 'Accept-Encoding': 'gzip' } });
      assert.equal(weak.status, 304);
      const byDate = await t.app.request(path, { headers: { 'If-Modified-Since': lastModified } });
      assert.equal(byDate.status, 304);
      const other = await t.app.request(path, { headers: { 'If-None-Match': '"something-else"' } });
      assert.equal(other.status, 200);

      await markContentChanged(t.db);
      const changed = await t.app.request(path, { headers: { 'If-None-Match': etag } });
      assert.equal(changed.status, 200);
      assert.notEqual(changed.headers.get('ETag'), etag);
    });

    test('input published a moment ago is on the consultation page and page 1 at once, without a rebuild', async () => {
      const [waiting] = await t.db
        .select({ id: submissions.id })
        .from(submissions)
        .innerJoin(consultations, eq(consultations.id, submissions.consultationId))
        .where(and(eq(consultations.slug, SLUG), sql`${submissions.status} not in ('published', 'answered')`))
        .limit(1);
      assert.ok(waiting, 'the demo has unpublished input on this consultation');
      const before = await t.app.request(routes.consultation('nl', SLUG));
      const etag = before.headers.get('ETag')!;
      assert.doesNotMatch(await before.text(), new RegExp(waiting.id));

      await t.db
        .update(submissions)
        .set({ status: 'published', publishedAt: new Date(Date.now() + 60_000) })
        .where(eq(submissions.id, waiting.id));
      await markContentChanged(t.db);

      const page = await t.app.request(routes.consultation('nl', SLUG), { headers: { 'If-None-Match': etag } });
      assert.equal(page.status, 200);
      const body = await page.text();
      assert.equal(articleIds(body)[0], waiting.id, 'newest first');
      assert.equal(articleIds(body).length, 5);
      assert.match(body, new RegExp(`Gepubliceerde reacties \\(${total + 1}\\)`));
      assert.match(
        body,
        /<!--podium:slot responses-link--><p><a class="podium-link-target" href="\/consultaties\/parkeren-centrum\/reacties\/">/,
      );
      const responses = await (await t.app.request(routes.responses('nl', SLUG))).text();
      assert.equal(articleIds(responses)[0], waiting.id);
      total += 1;
    });

    test('the home page shows the most recently answered input in both languages', async () => {
      for (const lang of ['nl', 'en'] as const) {
        const response = await t.app.request(routes.home(lang));
        assert.equal(response.status, 200);
        const body = await response.text();
        const cards = body.match(/<li class="podium-card">/g) ?? [];
        assert.ok(cards.length > 0 && cards.length <= 5, `${cards.length} answered items`);
        assert.match(body, /#submission-[0-9a-f-]{36}"/);
      }
    });

    test('a consultation page that was not built is left to the static files (404)', async () => {
      const response = await t.app.request(routes.consultation('nl', 'fietsroute-stationsstraat'));
      assert.equal(response.status, 404);
    });

    test('a mirrored conversation’s page shows its posts as the public sees them, in the reader’s language', async () => {
      const [thread] = await listThreads(t.db);
      assert.ok(thread, 'the demo mirrors a thread');
      const mirrored = (await readPublicThread(t.db, thread.id))!;
      for (const lang of ['nl', 'en'] as const) {
        const response = await t.app.request(routes.conversation(lang, thread.id));
        assert.equal(response.status, 200);
        assert.equal(response.headers.get('Cache-Control'), 'public, max-age=2');
        const body = await response.text();
        assert.doesNotMatch(body, /<p>built<\/p>/);
        assert.ok(body.includes(String(renderThreadPosts(mirrored, lang, 3))), `${lang}: the thread as rendered`);
        // Its own head, title and addresses in the one page the build made for every conversation.
        const title = conversationTitle(thread, lang);
        assert.ok(body.includes(`<h1>${title}</h1>`), `${lang}: its heading`);
        assert.ok(body.includes(`<title>${title} – Podium`), `${lang}: its title`);
        assert.match(
          body,
          lang === 'nl'
            ? /href="\/consultaties\/fietsroute-stationsstraat\/">Nieuwe fietsroute/
            : /href="\/en\/consultations\/fietsroute-stationsstraat\/">/,
        );
        assert.ok(body.includes(`rel="canonical" href="http://localhost${routes.conversation(lang, thread.id)}"`));
        assert.ok(body.includes(`href="${routes.conversation(otherLocale(lang), thread.id)}" hreflang=`));
        assert.doesNotMatch(body, /\/_\//, `${lang}: nothing left of the shell's own address`);
        assert.match(body, lang === 'nl' ? /Inwoner A schreef op/ : /Resident A wrote on/);
        // Residents by letter only: no name, handle or address of theirs.
        assert.doesNotMatch(body, /Fietsfan|fietsfan@|@fietsfan|anna@|commuter@/i);
      }
    });

    test('the snapshot counts and dates each conversation as its page shows it, without its posts', async () => {
      const snapshot = await buildPublishedSnapshot(t.db, NOW);
      assert.ok(snapshot.threads.length > 0);
      for (const summary of snapshot.threads) {
        assert.equal('posts' in summary, false);
        const shown = (await readPublicThread(t.db, summary.id))!.posts.filter((post) => !post.placeholder);
        assert.equal(summary.postCount, shown.length, `${summary.id}: posts shown`);
        const first = shown.map((post) => post.createdAt).sort()[0] ?? null;
        assert.equal(summary.startedAt, first, `${summary.id}: its first post shown`);
      }
    });

    test('a post taken down after the build leaves the conversation’s page at once, and a 304 before it', async () => {
      const [thread] = await listThreads(t.db);
      const path = routes.conversation('nl', thread!.id);
      const first = await t.app.request(path);
      const etag = first.headers.get('ETag')!;
      assert.equal((await t.app.request(path, { headers: { 'If-None-Match': etag } })).status, 304);
      const [post] = await t.db
        .select({ id: socialPosts.id, text: socialPosts.contentText })
        .from(socialPosts)
        .where(
          and(
            eq(socialPosts.threadId, thread!.id),
            sql`${socialPosts.publishedAt} is not null`,
            sql`${socialPosts.parentExternalId} is not null`,
          ),
        )
        .orderBy(socialPosts.position)
        .limit(1);
      assert.ok((await first.text()).includes(post!.text.slice(0, 30)));
      await t.db.update(socialPosts).set({ publishedAt: null }).where(eq(socialPosts.id, post!.id));
      await markContentChanged(t.db);
      const after = await t.app.request(path, { headers: { 'If-None-Match': etag } });
      assert.equal(after.status, 200);
      assert.ok(!(await after.text()).includes(post!.text.slice(0, 30)), 'the post left the page');
    });

    test('a conversation removed after the build is a 404 in the reader’s language', async () => {
      const [thread] = await listThreads(t.db);
      await t.db.update(socialThreads).set({ removedAt: NOW }).where(eq(socialThreads.id, thread!.id));
      await markContentChanged(t.db);
      const response = await t.app.request(routes.conversation('en', thread!.id));
      assert.equal(response.status, 404);
      assert.match(await response.text(), /This conversation does not exist \(any more\)/);
      const unknown = await t.app.request('/gesprekken/niet-een-gesprek/');
      assert.equal(unknown.status, 404);
      // The page every conversation is served in is not a page of its own.
      for (const lang of ['nl', 'en'] as const) {
        for (const path of [routes.conversationShell(lang), `${routes.conversationShell(lang)}index.html`]) {
          const shell = await t.app.request(path);
          assert.equal(shell.status, 404, path);
          assert.doesNotMatch(await shell.text(), /podium:slot/, path);
        }
      }
    });

    test('a long conversation is read a hundred posts to a page, each post on one page as the whole thread shows it', async () => {
      const rootId = '880000';
      const residents = ['anna', 'bram', 'cees', 'dirk', 'eva', 'fien', 'gijs'];
      const descendants = Array.from({ length: 230 }, (_, index) => {
        const i = index + 1;
        // Hans writes once, on page 1; post 150, on page 2, names him. Joost (post 120, page 2)
        // and Ingrid (post 210, page 3) are only named, never writing.
        const who = i === 3 ? 'hans' : residents[i % residents.length]!;
        const mentioned = ({ 150: 'hans', 120: 'joost', 210: 'ingrid' } as Record<number, string>)[i];
        return mastodonStatus(`${rootId}${i}`, {
          // Every fifth answers the reply before it, the others the root.
          in_reply_to_id: i % 5 === 0 ? `${rootId}${i - 1}` : rootId,
          account: mastodonAccount(who),
          created_at: new Date(Date.UTC(2026, 10, 20, 9, i)).toISOString(),
          url: `${MASTODON_ORIGIN}/@${who}/${rootId}${i}`,
          content: mentioned
            ? `<p><a href="${MASTODON_ORIGIN}/@${mentioned}">@${mentioned}</a> eens, bericht ${i}.</p>`
            : `<p>Bericht ${i} van ${who}.</p>`,
          mentions: mentioned
            ? [
                {
                  id: `acc-${mentioned}`,
                  username: mentioned,
                  acct: mentioned,
                  url: `${MASTODON_ORIGIN}/@${mentioned}`,
                },
              ]
            : [],
        });
      });
      const imported = importMastodonThread(
        { status: mastodonStatus(rootId), context: { ancestors: [], descendants } },
        { ownAccounts: ['gemeente@social.gemeente.example'] },
      );
      const [consultation] = await t.db.select().from(consultations).where(eq(consultations.slug, SLUG));
      const { threadId } = await importThread(t.db, {
        organisationId: consultation!.organisationId,
        thread: imported,
        consultationId: consultation!.id,
        live: false,
        now: NOW,
      });
      // Published, but post 119 (whose reply 120 is published): it holds its place empty.
      await t.db
        .update(socialPosts)
        .set({ publishedAt: NOW, reviewState: 'published' })
        .where(
          and(
            eq(socialPosts.threadId, threadId),
            sql`${socialPosts.publishedAt} is null`,
            sql`${socialPosts.externalId} <> ${`${rootId}119`}`,
          ),
        );
      // A post kept from an earlier read keeps its old place: after its own reply (post 50).
      await t.db
        .update(socialPosts)
        .set({ position: 10_000 })
        .where(and(eq(socialPosts.threadId, threadId), eq(socialPosts.externalId, `${rootId}49`)));
      await markContentChanged(t.db);
      const summary = (await listThreads(t.db)).find((thread) => thread.id === threadId)!;
      assert.equal(summary.postCount, 230);
      const articles = (body: string) => body.match(/<article class="podium-post[^"]*">[\s\S]*?<\/article>/g) ?? [];

      // The last page read first: letters still go by the whole thread's reading order.
      const pages: string[] = [];
      for (const n of [3, 1, 2]) {
        const response = await t.app.request(routes.conversation('nl', threadId, n));
        assert.equal(response.status, 200, `page ${n}`);
        pages[n - 1] = await response.text();
      }
      assert.match(pages[0]!, /^(?:(?!Inwoner [B-Z] schreef)[\s\S])*Inwoner A schreef op/, 'the first resident is A');
      // Eight residents write (A to H); of those only named, Joost is named first in the thread.
      const named = (page: string, n: number) => page.match(new RegExp(`Inwoner ([A-Z]) eens, bericht ${n}\\.`))?.[1];
      assert.deepEqual([named(pages[1]!, 120), named(pages[2]!, 210)], ['I', 'J'], 'named in the order of the thread');
      const whole = String(renderThreadPosts((await readPublicThread(t.db, threadId))!, 'nl', 3));
      // Each post on exactly one page, written as the whole thread writes it (letters, whom it
      // answers); the moved post 49 makes the order differ at its place, as it does in the tree.
      assert.deepEqual(
        pages.flatMap(articles).sort(),
        articles(whole).sort(),
        'every post once, as the whole thread shows it',
      );
      assert.equal(articles(pages[2]!).length, 30);
      assert.match(pages[1]!, /<p class="podium-meta">Bericht 101 tot en met 200 van 230<\/p>/);
      assert.match(pages[2]!, /<p class="podium-meta">Bericht 201 tot en met 230 van 230<\/p>/);
      assert.match(pages[1]!, /Inwoner [A-G] schreef op/);
      assert.match(pages[1]!, /podium-post--placeholder/, 'the withheld post holds its place');
      assert.match(pages[0]!, /<title>Gesprek op Mastodon, pagina 1 van 3 – Podium/);
      assert.match(pages[1]!, /<title>Gesprek op Mastodon, pagina 2 van 3 – Podium/);
      assert.match(pages[1]!, new RegExp(`rel="canonical" href="http://localhost/gesprekken/${threadId}/2/"`));
      assert.match(pages[1]!, new RegExp(`href="/en/conversations/${threadId}/2/" hreflang="en"`));
      assert.match(pages[1]!, new RegExp(`<a href="/gesprekken/${threadId}/3/" rel="next">`));

      const english = await (await t.app.request(routes.conversation('en', threadId, 2))).text();
      assert.match(english, /<title>Conversation on Mastodon, page 2 of 3 – Podium/);
      assert.match(english, /Resident [A-G] wrote on/);

      const redirect = await t.app.request(`/gesprekken/${threadId}/1/`);
      assert.equal(redirect.status, 301);
      assert.equal(redirect.headers.get('Location'), `/gesprekken/${threadId}/`);
      for (const path of [
        `/gesprekken/${threadId}/4/`,
        `/gesprekken/${threadId}/0/`,
        `/gesprekken/${threadId}/twee/`,
      ]) {
        const response = await t.app.request(path);
        assert.equal(response.status, 404, path);
        assert.match(await response.text(), /Deze pagina van het gesprek bestaat niet/, path);
      }
    });
    test('the list of conversations is served a page at a time, the latest mirrored first, each counted as its page shows it', async () => {
      for (const lang of ['nl', 'en'] as const) {
        await writeShell(siteDir, routes.conversations, lang, conversationListTitle(lang, 1, 1), ['conversations']);
      }
      const [consultation] = await t.db.select().from(consultations).where(eq(consultations.slug, SLUG));
      const before = (await listThreads(t.db)).length;
      const listedBefore = (await t.app.request(routes.conversations('nl'))).headers.get('ETag')!;
      // Mirrored after everything the demo holds, one second apart.
      const start = Date.now() + 60_000;
      // Enough conversations for a second page, the last mirrored one titled.
      const added = CONVERSATIONS_PER_PAGE + 2 - before;
      for (let n = 0; n < added; n++) {
        const rootId = `77${String(n).padStart(4, '0')}`;
        const imported = importMastodonThread(
          {
            status: mastodonStatus(rootId),
            context: {
              ancestors: [],
              descendants: [mastodonStatus(`${rootId}1`, { in_reply_to_id: rootId, account: mastodonAccount('anna') })],
            },
          },
          { ownAccounts: ['gemeente@social.gemeente.example'] },
        );
        const { threadId } = await importThread(t.db, {
          organisationId: consultation!.organisationId,
          thread: imported,
          consultationId: consultation!.id,
          live: false,
          now: new Date(NOW.getTime() + n * 1000),
        });
        await t.db
          .update(socialThreads)
          .set({ createdAt: new Date(start + n * 1000) })
          .where(eq(socialThreads.id, threadId));
        if (n === added - 1) {
          await t.db
            .update(socialThreads)
            .set({ title: { nl: 'Het nieuwste gesprek', en: 'The newest conversation' } })
            .where(eq(socialThreads.id, threadId));
        }
      }
      const cards = (body: string) => body.match(/<li class="podium-card">/g)?.length ?? 0;
      // Importing moved the validators: a browser with the list from before gets the new one.
      assert.equal(
        (await t.app.request(routes.conversations('nl'), { headers: { 'If-None-Match': listedBefore } })).status,
        200,
      );

      const first = await t.app.request(routes.conversations('nl'));
      assert.equal(first.status, 200);
      assert.equal(first.headers.get('Cache-Control'), 'public, max-age=2');
      const page1 = await first.text();
      assert.doesNotMatch(page1, /<p>built<\/p>/);
      assert.equal(cards(page1), CONVERSATIONS_PER_PAGE);
      assert.match(page1, /<title>Gesprekken op sociale media, pagina 1 van 2 – Podium/);
      // The latest mirrored first, with its consultation; the root by the municipality is shown, Anna's reply waits.
      assert.match(
        page1,
        /<ul class="podium-card-list">\s*<li class="podium-card">\s*<h2><a href="\/gesprekken\/[0-9a-f-]{36}\/">Het nieuwste gesprek<\/a><\/h2>\s*<p class="podium-meta">Mastodon, 1 bericht · <time/,
      );
      assert.match(page1, new RegExp(`Over: <a href="/consultaties/${SLUG}/">`));
      assert.match(page1, /<a href="\/gesprekken\/2\/" rel="next">/);
      assert.equal(
        (await t.app.request(routes.conversations('nl'), { headers: { 'If-None-Match': first.headers.get('ETag')! } }))
          .status,
        304,
      );

      const page2 = await (await t.app.request(routes.conversations('nl', 2))).text();
      assert.equal(cards(page2), 2);
      assert.match(page2, /<title>Gesprekken op sociale media, pagina 2 van 2 – Podium/);
      assert.match(page2, /rel="canonical" href="http:\/\/localhost\/gesprekken\/2\/"/);
      assert.match(page2, /href="\/en\/conversations\/2\/" hreflang="en"/);
      const ids = (body: string) =>
        [...body.matchAll(/<h2><a href="\/gesprekken\/([0-9a-f-]{36})\/">/g)].map((m) => m[1]);
      assert.equal(new Set([...ids(page1), ...ids(page2)]).size, CONVERSATIONS_PER_PAGE + 2, 'each conversation once');

      const english = await (await t.app.request(routes.conversations('en', 2))).text();
      assert.match(english, /<title>Conversations on social media, page 2 of 2 – Podium/);

      const redirect = await t.app.request('/gesprekken/1/');
      assert.equal(redirect.status, 301);
      assert.equal(redirect.headers.get('Location'), '/gesprekken/');
      for (const path of ['/gesprekken/3/', '/gesprekken/0/', '/gesprekken/02/', '/en/conversations/3/']) {
        const response = await t.app.request(path);
        assert.equal(response.status, 404, path);
        assert.match(
          await response.text(),
          path.startsWith('/en/')
            ? /This page of conversations does not exist/
            : /Deze pagina met gesprekken bestaat niet/,
          path,
        );
      }
    });
  });
}
