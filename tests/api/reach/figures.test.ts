/**
 * Reach on the insights page and in open data, on generated data with known answers: page
 * visits per consultation, widget views, the platforms' counts over time (a snapshot only
 * when they change) and this period beside the previous one.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import {
  consultations,
  organisations,
  pageVisits,
  socialPostMetrics,
  socialPosts,
  submissions,
  widgetViews,
} from '../../../api/db/schema.ts';
import { computeInsights } from '../../../api/services/insights/index.ts';
import { loadItems } from '../../../api/services/insights/items.ts';
import { importMastodonThread } from '../../../api/services/social/mastodon.ts';
import { importThread } from '../../../api/services/social/threads.ts';
import { mastodonThread } from '../../fixtures/social/payloads.ts';
import { NOW, openTestApp, type TestApp } from '../../support/app.ts';
import { databaseTargets } from '../../support/databases.ts';
import { addStaffUser, logIn } from '../../support/staff.ts';

const SLUG = 'fietsroute-stationsstraat';
/** A week with no demo data, and the week before it. */
const THIS = { from: '2025-03-10', to: '2025-03-16' };
const PREVIOUS = { from: '2025-03-03', to: '2025-03-09' };

for (const target of databaseTargets()) {
  describe(`reach figures (${target.name})`, () => {
    let t: TestApp;
    let organisationId: string;
    let consultationId: string;
    before(async () => {
      t = await openTestApp(target);
      const [org] = await t.db.select().from(organisations).where(eq(organisations.slug, 'demodam'));
      organisationId = org!.id;
      const [consultation] = await t.db.select().from(consultations).where(eq(consultations.slug, SLUG));
      consultationId = consultation!.id;
      // This week: 12 visits to the consultation over two days (Dutch and English page), 3 to
      // the home page, 2 downloads of its archive; 4 widget views from one site, 1 from another.
      // The week before: 10 visits to the consultation, 1 widget view.
      await t.db.insert(pageVisits).values([
        { day: '2025-03-10', path: `/consultaties/${SLUG}/`, kind: 'page', visits: 7 },
        { day: '2025-03-16', path: `/en/consultations/${SLUG}/`, kind: 'page', visits: 5 },
        { day: '2025-03-12', path: '/', kind: 'page', visits: 3 },
        { day: '2025-03-12', path: `/api/consultations/${SLUG}/archive`, kind: 'download', visits: 2 },
        { day: '2025-03-09', path: `/consultaties/${SLUG}/`, kind: 'page', visits: 10 },
        // Outside both periods.
        { day: '2025-03-17', path: `/consultaties/${SLUG}/`, kind: 'page', visits: 100 },
      ]);
      await t.db.insert(widgetViews).values([
        { day: '2025-03-11', origin: 'https://www.gemeente.nl', widget: 'consultation', subject: SLUG, views: 4 },
        { day: '2025-03-11', origin: 'https://wijkkrant.nl', widget: 'answers', subject: SLUG, views: 1 },
        { day: '2025-03-05', origin: 'https://www.gemeente.nl', widget: 'consultation', subject: SLUG, views: 1 },
      ]);
      // Input: 11 from the portal this week, 10 the week before, 2 by widget this week.
      const add = (n: number, channel: 'portal' | 'widget', at: string) =>
        t.db.insert(submissions).values(
          Array.from({ length: n }, (_, i) => ({
            consultationId,
            channel,
            language: 'nl' as const,
            followUpCode: `R${channel}${at}${i}`,
            createdAt: new Date(at),
          })),
        );
      await add(11, 'portal', '2025-03-12T10:00:00Z');
      await add(2, 'widget', '2025-03-13T10:00:00Z');
      await add(10, 'portal', '2025-03-04T10:00:00Z');
    });
    after(() => t.close());

    it('counts page visits, downloads and widget views per consultation in the period, by hand', async () => {
      const insights = await computeInsights(t.db, organisationId, THIS, NOW);
      const row = insights.reach.perConsultation.find((r) => r.consultation?.slug === SLUG);
      assert.equal(row?.pageVisits, 12);
      assert.equal(row?.downloads, 2);
      assert.equal(row?.widgetViews, 5);
      const other = insights.reach.perConsultation.find((r) => r.consultation === null);
      assert.equal(other?.pageVisits, 3);
      assert.deepEqual(
        insights.reach.perChannel.filter((r) => r.channel === 'widget'),
        [
          { channel: 'widget', origin: 'https://www.gemeente.nl', visits: 4 },
          { channel: 'widget', origin: 'https://wijkkrant.nl', visits: 1 },
        ],
      );
    });

    it('compares the period with the previous one of equal length, naming a change only above the minimum', async () => {
      const { comparison } = await computeInsights(t.db, organisationId, THIS, NOW);
      assert.deepEqual(comparison.previous, PREVIOUS);
      const of = (measure: string) => comparison.measures.find((m) => m.measure === measure)!;
      assert.deepEqual(of('pageVisits'), {
        measure: 'pageVisits',
        current: 15,
        previous: 10,
        change: 5,
        verdict: 'rose',
      });
      assert.deepEqual(of('portal'), { measure: 'portal', current: 11, previous: 10, change: 1, verdict: 'rose' });
      assert.deepEqual(of('items'), { measure: 'items', current: 13, previous: 10, change: 3, verdict: 'rose' });
      // 2 against 0, and 5 against 1: below the minimum of 10, so no sentence, only the numbers.
      assert.equal(of('widget').verdict, 'too_few');
      assert.deepEqual(of('widgetViews'), {
        measure: 'widgetViews',
        current: 5,
        previous: 1,
        change: 4,
        verdict: 'too_few',
      });
    });

    it('narrows reach to a chosen consultation and leaves other pages out', async () => {
      const insights = await computeInsights(t.db, organisationId, { ...THIS, consultation: 'parkeren-centrum' }, NOW);
      assert.ok(insights.reach.perConsultation.every((r) => r.consultation?.slug !== SLUG && r.consultation !== null));
      assert.equal(insights.reach.totals.pageVisits, 0);
    });

    it('keeps a snapshot of a post’s counts at a sync only when they changed', async () => {
      const thread = () => mastodonThread();
      const { threadId } = await importThread(t.db, {
        organisationId,
        thread: importMastodonThread(thread(), { ownAccounts: ['gemeente@social.gemeente.example'] }),
        consultationId,
        now: new Date('2025-03-01T10:00:00Z'),
      });
      const snapshots = async () =>
        t.db
          .select({ post: socialPosts.externalId, likes: socialPostMetrics.likes, at: socialPostMetrics.at })
          .from(socialPostMetrics)
          .innerJoin(socialPosts, eq(socialPosts.id, socialPostMetrics.postId))
          .where(eq(socialPosts.threadId, threadId));
      const first = await snapshots();
      assert.ok(first.length > 0, 'the first read keeps the counts');
      // The same counts again: nothing new.
      await importThread(t.db, {
        organisationId,
        thread: importMastodonThread(thread(), { ownAccounts: ['gemeente@social.gemeente.example'] }),
        now: new Date('2025-03-11T10:00:00Z'),
      });
      assert.equal((await snapshots()).length, first.length);
      // The root gained 5 likes: one snapshot more, for that post only.
      const changed = thread();
      const root = changed.status as Record<string, unknown>;
      const likesBefore = Number(root.favourites_count ?? 0);
      changed.status = { ...root, favourites_count: likesBefore + 5 };
      await importThread(t.db, {
        organisationId,
        thread: importMastodonThread(changed, { ownAccounts: ['gemeente@social.gemeente.example'] }),
        now: new Date('2025-03-12T10:00:00Z'),
      });
      const after = await snapshots();
      assert.equal(after.length, first.length + 1);
      const added = after.find((s) => s.at.getTime() === new Date('2025-03-12T10:00:00Z').getTime());
      assert.equal(added?.likes, likesBefore + 5);
      // In the insights: 5 likes gained this week, on the consultation and on Mastodon.
      const insights = await computeInsights(t.db, organisationId, THIS, NOW);
      assert.equal(insights.reach.perConsultation.find((r) => r.consultation?.slug === SLUG)?.likes, 5);
      const mastodon = insights.reach.perChannel.find((r) => r.channel === 'social');
      assert.ok(mastodon && 'likes' in mastodon && mastodon.likes === 5);
    });

    it('shows reach and the comparison on the insights page, with what each number counts', async () => {
      await addStaffUser(t, 'analist.bereik@demodam.example', 'analyst');
      const { cookie } = await logIn(t, 'analist.bereik@demodam.example');
      const page = await t.app.request(`/beheer/inzichten/?from=${THIS.from}&to=${THIS.to}`, {
        headers: { Cookie: cookie },
      });
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, /Bereik per consultatie/);
      assert.match(html, /zonder cookies/);
      assert.match(html, /Deze periode en de vorige vergeleken/);
      assert.match(html, /Paginabezoeken op het portaal steeg van 10 naar 15/);
      assert.doesNotMatch(html, /Widgetweergaven op andere sites steeg/);
      const csv = await t.app.request(`/beheer/inzichten/export/compare.csv?from=${THIS.from}&to=${THIS.to}`, {
        headers: { Cookie: cookie },
      });
      assert.equal(csv.status, 200);
      assert.match(await csv.text(), /Paginabezoeken op het portaal,15,10,5/);
      const english = await t.app.request(
        `/en/manage/insights/export/reach-channel.json?from=${THIS.from}&to=${THIS.to}`,
        {
          headers: { Cookie: cookie },
        },
      );
      const body = await english.json();
      assert.deepEqual(
        body.rows.find((r: { channel: string }) => r.channel === 'Widget on https://www.gemeente.nl'),
        {
          channel: 'Widget on https://www.gemeente.nl',
          visits: 4,
          replies: null,
          likes: null,
          reposts: null,
          quotes: null,
        },
      );
    });

    it('drills down from an item count to an inbox that lists exactly the items counted', async () => {
      // An erased item in the period is not counted, and must not be listed either.
      await t.db.insert(submissions).values({
        consultationId,
        channel: 'portal',
        language: 'nl',
        followUpCode: 'RERASED1',
        createdAt: new Date('2025-03-12T11:00:00Z'),
        erasedAt: new Date('2025-03-13T11:00:00Z'),
        reviewState: 'erased',
      });
      await addStaffUser(t, 'moderator.bereik@demodam.example', 'moderator');
      const { cookie } = await logIn(t, 'moderator.bereik@demodam.example');
      const html = await (
        await t.app.request(`/beheer/inzichten/?from=${THIS.from}&to=${THIS.to}`, { headers: { Cookie: cookie } })
      ).text();
      const links = [...html.matchAll(/<a href="(\/beheer\/\?from=[^"]+)">(\d+)</g)].map((m) => ({
        href: m[1]!.replaceAll('&amp;', '&'),
        count: Number(m[2]),
      }));
      assert.ok(links.length >= 4, 'the item counts of both periods link to the inbox');
      const insights = await computeInsights(t.db, organisationId, THIS, NOW);
      const previous = await computeInsights(t.db, organisationId, PREVIOUS, NOW);
      assert.ok(insights.items > 0 && previous.items > 0);
      for (const link of links) {
        const url = new URL(link.href, 'http://localhost');
        const channel = url.searchParams.get('channel');
        const period = { from: url.searchParams.get('from')!, to: url.searchParams.get('to')! };
        const expected = (
          await loadItems(t.db, organisationId, { ...period, ...(channel ? { channel: channel as 'portal' } : {}) })
        )
          .map((item) => item.id)
          .sort();
        const listed = new Set<string>();
        const page = await (await t.app.request(link.href, { headers: { Cookie: cookie } })).text();
        for (const m of page.matchAll(/\/beheer\/items\/([0-9a-f-]{36})/g)) listed.add(m[1]!);
        assert.deepEqual([...listed].sort(), expected, link.href);
        assert.equal(link.count, expected.length, link.href);
        assert.match(
          page,
          new RegExp(`Alleen de items die de inzichten tellen van ${period.from} tot en met ${period.to}`),
        );
      }
    });

    it('ignores a broken period in the inbox address instead of failing', async () => {
      const { cookie } = await logIn(t, 'moderator.bereik@demodam.example');
      for (const query of [
        'from=2025-02-30&to=2025-03-01',
        'from=2025-03-10&to=2025-03-01',
        'from=x',
        `to=${'9'.repeat(300)}`,
      ]) {
        const response = await t.app.request(`/beheer/?${query}`, { headers: { Cookie: cookie } });
        assert.equal(response.status, 200, query);
        assert.doesNotMatch(await response.text(), /Alleen de items die de inzichten tellen/, query);
      }
    });

    it('publishes visits per day and page and per consultation as open data, with an ETag', async () => {
      const response = await t.app.request(`/api/open-data/visits?from=${THIS.from}&to=${THIS.to}`);
      assert.equal(response.status, 200);
      const body = await response.json();
      assert.equal(body.licence, 'CC0-1.0');
      assert.deepEqual(
        body.consultations.filter((c: { slug: string }) => c.slug === SLUG),
        [
          { slug: SLUG, day: '2025-03-10', pageVisits: 7, downloads: 0, widgetViews: 0 },
          { slug: SLUG, day: '2025-03-11', pageVisits: 0, downloads: 0, widgetViews: 5 },
          { slug: SLUG, day: '2025-03-12', pageVisits: 0, downloads: 2, widgetViews: 0 },
          { slug: SLUG, day: '2025-03-16', pageVisits: 5, downloads: 0, widgetViews: 0 },
        ],
      );
      assert.deepEqual(
        body.pages.find((p: { path: string }) => p.path === '/'),
        { day: '2025-03-12', path: '/', kind: 'page', consultation: null, visits: 3 },
      );
      assert.doesNotMatch(JSON.stringify(body), /gemeente\.nl|wijkkrant/, 'embedding sites are not named');
      const etag = response.headers.get('ETag');
      assert.ok(etag);
      const again = await t.app.request(`/api/open-data/visits?from=${THIS.from}&to=${THIS.to}`, {
        headers: { 'If-None-Match': etag },
      });
      assert.equal(again.status, 304);
    });

    it('refuses a bad period for the visits open data with the field and a message', async () => {
      for (const [query, code] of [
        ['from=2025-02-30&to=2025-03-01', 'period_date'],
        ['from=gisteren', 'period_date'],
        ['from=2025-03-10&to=2025-03-01', 'period_order'],
        ['from=2024-01-01&to=2025-03-01', 'period_span'],
      ] as const) {
        const response = await t.app.request(`/api/open-data/visits?${query}`, {
          headers: { 'Accept-Language': 'en' },
        });
        assert.equal(response.status, 422, query);
        const problem = await response.json();
        assert.equal(problem.errors[0].field, 'from', query);
        assert.equal(problem.errors[0].code, code, query);
        assert.ok(problem.errors[0].message.length > 10, query);
      }
    });
  });
}
