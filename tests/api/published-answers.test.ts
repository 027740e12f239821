import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import type { PublishedAnswersPage } from '../../shared/contracts/public-content.ts';
import { consultations, staffReplies, submissions } from '../../api/db/schema.ts';
import { listPublishedAnswers } from '../../api/services/published-answers.ts';
import { NOW, openTestApp, postJson, type TestApp, validAnswers } from '../support/app.ts';
import { databaseTargets } from '../support/databases.ts';

const SLUG = 'fietsroute-stationsstraat';

for (const target of databaseTargets()) {
  describe(`published answers (${target.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(target);
      // Input that is not published (yet) must never show up.
      const response = await postJson(t.app, `/api/consultations/${SLUG}/submissions`, { answers: validAnswers });
      assert.equal(response.status, 201);
    });
    after(() => t.close());

    it('lists only published and answered input, newest first, with the total and the questions', async () => {
      const page = await listPublishedAnswers(t.db, { consultationSlug: SLUG, pageSize: 50 });
      assert.ok(page);
      assert.equal(page.total, 6);
      assert.equal(page.items.length, 6);
      assert.equal(page.pageCount, 1);
      const dates = page.items.map((item) => item.publishedAt);
      assert.deepEqual(dates, [...dates].sort().reverse());
      assert.ok(page.items.every((item) => item.consultation === SLUG));
      assert.deepEqual(
        page.consultation.questions.map((q) => q.key),
        ['route', 'veiligheid', 'voorzieningen', 'toelichting'],
      );
      const [newest] = page.items;
      assert.equal(newest?.answers.find((a) => a.question === 'route')?.value, 'parklaan');
      assert.match(newest?.replies[0]?.body ?? '', /Verlichting langs de Parklaan/);
      assert.deepEqual(newest?.replies[0]?.department, { nl: 'Team Verkeer', en: 'Traffic team' });
    });

    it('pages without overlap or gaps, and a page past the end is empty but keeps the total', async () => {
      const first = await listPublishedAnswers(t.db, { consultationSlug: SLUG, page: 1, pageSize: 4 });
      const second = await listPublishedAnswers(t.db, { consultationSlug: SLUG, page: 2, pageSize: 4 });
      const beyond = await listPublishedAnswers(t.db, { consultationSlug: SLUG, page: 3, pageSize: 4 });
      assert.equal(first?.items.length, 4);
      assert.equal(second?.items.length, 2);
      assert.equal(first?.pageCount, 2);
      const ids = [...first!.items, ...second!.items].map((item) => item.id);
      assert.equal(new Set(ids).size, 6);
      assert.deepEqual(beyond?.items, []);
      assert.equal(beyond?.total, 6);
    });

    it('pages without losing an item whose publication time has microseconds', async () => {
      // PostgreSQL keeps microseconds, a JavaScript date milliseconds: a page's first key must not be cut.
      await t.db.execute(sql`update submissions set published_at = published_at + interval '123 microseconds'
        where published_at is not null`);
      const ids: string[] = [];
      for (let page = 1; page <= 3; page++) {
        const result = await listPublishedAnswers(t.db, { consultationSlug: SLUG, page, pageSize: 2 });
        ids.push(...result!.items.map((item) => item.id));
      }
      assert.equal(ids.length, 6);
      assert.equal(new Set(ids).size, 6);
    });

    it('shows only published replies, and puts replies in the reader’s language first', async () => {
      const [english] = await t.db
        .select()
        .from(submissions)
        .where(eq(submissions.idempotencyKey, 'seed:fietsroute:4'));
      assert.ok(english);
      await t.db.insert(staffReplies).values([
        { submissionId: english.id, language: 'nl', body: 'Concept, nog niet gepubliceerd.' },
        {
          submissionId: english.id,
          language: 'nl',
          body: 'Dank u wel. Beide ontwerpen scheiden het fietspad van de bussen.',
          publishedAt: new Date(NOW.getTime() + 1000),
        },
      ]);
      const find = (page: PublishedAnswersPage | undefined) => page?.items.find((item) => item.id === english.id);
      const inDutch = find(await listPublishedAnswers(t.db, { consultationSlug: SLUG, pageSize: 50, lang: 'nl' }));
      const inEnglish = find(await listPublishedAnswers(t.db, { consultationSlug: SLUG, pageSize: 50, lang: 'en' }));
      assert.deepEqual(
        inDutch?.replies.map((r) => r.language),
        ['nl', 'en'],
      );
      assert.deepEqual(
        inEnglish?.replies.map((r) => r.language),
        ['en', 'nl'],
      );
      assert.ok(inDutch?.replies.every((r) => !r.body.startsWith('Concept')));
    });

    it('returns nothing for an unknown or draft consultation', async () => {
      assert.equal(await listPublishedAnswers(t.db, { consultationSlug: 'bestaat-niet' }), undefined);
      await t.db.update(consultations).set({ status: 'draft' }).where(eq(consultations.slug, 'parkeren-centrum'));
      try {
        assert.equal(await listPublishedAnswers(t.db, { consultationSlug: 'parkeren-centrum' }), undefined);
      } finally {
        await t.db.update(consultations).set({ status: 'decided' }).where(eq(consultations.slug, 'parkeren-centrum'));
      }
    });

    it('serves GET /api/consultations/{slug}/answers with paging, 404 for unknown and 422 for a bad page', async () => {
      const response = await t.app.request(`/api/consultations/${SLUG}/answers?page=2&pageSize=5`);
      assert.equal(response.status, 200);
      const body = (await response.json()) as PublishedAnswersPage;
      assert.equal(body.page, 2);
      assert.equal(body.pageSize, 5);
      assert.equal(body.total, 6);
      assert.equal(body.items.length, 1);
      assert.equal(JSON.stringify(body).includes('@'), false, 'no e-mail addresses in public output');

      const defaults = (await (
        await t.app.request(`/api/consultations/${SLUG}/answers`)
      ).json()) as PublishedAnswersPage;
      assert.equal(defaults.page, 1);
      assert.equal(defaults.pageSize, 10);

      assert.equal((await t.app.request('/api/consultations/bestaat-niet/answers')).status, 404);
      for (const query of ['page=0', 'page=abc', 'pageSize=51']) {
        const bad = await t.app.request(`/api/consultations/${SLUG}/answers?${query}`);
        assert.equal(bad.status, 422, query);
        assert.match(bad.headers.get('Content-Type') ?? '', /problem\+json/);
      }
    });

    it('publishes personal data that screening found redacted, never as given', async () => {
      const response = await postJson(t.app, '/api/consultations/fietsroute-stationsstraat/submissions', {
        answers: { ...validAnswers, toelichting: 'Mail mij op jan.jansen@example.org over de route.' },
      });
      assert.equal(response.status, 201);
      const { code } = (await response.json()) as { code: string };
      await t.db
        .update(submissions)
        .set({ status: 'published', publishedAt: NOW })
        .where(eq(submissions.followUpCode, code));
      const body = await (await t.app.request('/api/consultations/fietsroute-stationsstraat/answers')).text();
      assert.doesNotMatch(body, /jan\.jansen@example\.org/);
      assert.match(body, /Mail mij op .+ over de route\./);
    });
  });
}
