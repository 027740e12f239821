/**
 * The open-data endpoint: aggregate figures per consultation, in the OpenAPI document,
 * without personal data or texts, with small numbers withheld.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { consultations, openDataFigures, submissionContacts, submissions } from '../../api/db/schema.ts';
import type { Db } from '../../api/db/client.ts';
import { markContentChanged } from '../../api/services/content-revision.ts';
import { openDataSnapshot } from '../../api/services/insights/open-data-cache.ts';
import { openDataConsultations } from '../../api/services/insights/open-data.ts';
import { NOW, openTestApp, postJson, validAnswers, type TestApp } from '../support/app.ts';
import { databaseTargets } from '../support/databases.ts';

for (const target of databaseTargets()) {
  describe(`open data per consultation (${target.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(target);
      const [open] = await t.db.select().from(consultations).where(eq(consultations.slug, 'fietsroute-stationsstraat'));
      await t.db.insert(consultations).values({
        ...open!,
        id: undefined,
        slug: 'concept-nog-geheim',
        status: 'draft',
      });
      for (let i = 0; i < 6; i++) {
        const response = await postJson(t.app, '/api/consultations/fietsroute-stationsstraat/submissions', {
          answers: { ...validAnswers, toelichting: `Open data proef ${i}: bel 06-12345678` },
          name: 'Jan Open',
          email: 'jan.open@example.org',
          consent: true,
          channel: 'widget',
        });
        assert.equal(response.status, 201);
      }
    });
    after(() => t.close());

    it('lists every published consultation with its figures, drafts left out', async () => {
      const response = await t.app.request('/api/open-data/consultations');
      assert.equal(response.status, 200);
      const body = await response.json();
      assert.equal(body.smallNumberThreshold, 5);
      assert.equal(body.licence, 'CC0-1.0');
      const drafts = await t.db.select().from(consultations).where(eq(consultations.status, 'draft'));
      assert.ok(drafts.length > 0);
      const slugs = body.consultations.map((c: { slug: string }) => c.slug);
      for (const draft of drafts) assert.ok(!slugs.includes(draft.slug), `${draft.slug} is a draft`);
      assert.ok(slugs.includes('fietsroute-stationsstraat'));
    });

    it('counts the contributions of a consultation as the database holds them', async () => {
      const body = await (await t.app.request('/api/open-data/consultations/fietsroute-stationsstraat')).json();
      const [consultation] = await t.db
        .select()
        .from(consultations)
        .where(eq(consultations.slug, 'fietsroute-stationsstraat'));
      const rows = await t.db.select().from(submissions).where(eq(submissions.consultationId, consultation!.id));
      const widget = rows.filter((r) => r.channel === 'widget' && !r.erasedAt).length;
      assert.ok(widget >= 6);
      assert.equal(body.consultation.perChannel.widget, widget);
      assert.ok(body.consultation.contributions >= widget);
    });

    it('holds no personal data and no texts', async () => {
      const text = await (await t.app.request('/api/open-data/consultations')).text();
      const [contact] = await t.db.select().from(submissionContacts).limit(1);
      assert.ok(contact?.email);
      for (const secret of [contact!.email!, 'Jan Open', '06-12345678', 'Open data proef'])
        assert.ok(!text.includes(secret), `the open data contains ${secret}`);
      const codes = await t.db.select({ code: submissions.followUpCode }).from(submissions);
      assert.ok(
        codes.every(({ code }) => !text.includes(code)),
        'no follow-up codes',
      );
    });

    it('withholds counts below 5 and says so', async () => {
      const body = await (await t.app.request('/api/open-data/consultations')).json();
      for (const c of body.consultations) {
        const counts = [c.contributions, ...Object.values(c.perChannel), ...Object.values(c.sentiment)] as Array<
          number | null
        >;
        assert.ok(
          counts.every((n) => n === null || n === 0 || n >= 5),
          `${c.slug}: ${JSON.stringify(counts)}`,
        );
      }
    });

    it('answers an unknown consultation with 404 and a malformed slug with 422, as problem details', async () => {
      const unknown = await t.app.request('/api/open-data/consultations/bestaat-niet', {
        headers: { 'Accept-Language': 'nl' },
      });
      assert.equal(unknown.status, 404);
      const draft = await t.app.request('/api/open-data/consultations/concept-nog-geheim');
      assert.equal(draft.status, 404, 'a draft is not published');
      assert.match(unknown.headers.get('Content-Type') ?? '', /problem\+json/);
      const bad = await t.app.request('/api/open-data/consultations/Not%20A%20Slug', {
        headers: { 'Accept-Language': 'en' },
      });
      assert.equal(bad.status, 422);
      assert.match(bad.headers.get('Content-Type') ?? '', /problem\+json/);
    });

    it('may be read by a page on any site', async () => {
      const response = await t.app.request('/api/open-data/consultations', {
        headers: { Origin: 'https://data.example.org' },
      });
      assert.equal(response.headers.get('Access-Control-Allow-Origin'), '*');
      assert.equal(response.headers.get('Access-Control-Allow-Credentials'), null);
    });

    it('is described in the OpenAPI document', async () => {
      const doc = await (await t.app.request('/api/openapi.json')).json();
      assert.ok(doc.paths['/api/open-data/consultations']?.get);
      assert.ok(doc.paths['/api/open-data/consultations/{slug}']?.get);
      assert.ok(doc.components.schemas.ConsultationOpenData);
    });
  });
}

/** The open data's count, counting its calls; slow as a count of a million items is when `delayMs` is given. */
function countingCount(delayMs = 0) {
  const counter = {
    calls: 0,
    count: async (db: Db) => {
      counter.calls += 1;
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      return openDataConsultations(db);
    },
  };
  return counter;
}

/** New input on the demo's open consultation. */
async function sendInput(t: TestApp) {
  const response = await postJson(t.app, '/api/consultations/fietsroute-stationsstraat/submissions', {
    answers: validAnswers,
  });
  assert.equal(response.status, 201);
}

for (const target of databaseTargets()) {
  describe(`open data counted again after a change (${target.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(target);
    });
    after(() => t.close());

    it('counts a slow count again no sooner than ten times its duration, serving the previous figures meanwhile', async () => {
      const counter = countingCount(300);
      const slowCount = counter.count;
      let clock = NOW.getTime();
      const now = () => new Date(clock);

      const first = await openDataSnapshot(t.db, now, slowCount);
      assert.equal(counter.calls, 1);
      assert.ok(first.buildMs >= 300);
      await sendInput(t);
      clock += 1_000;
      assert.equal(await openDataSnapshot(t.db, now, slowCount), first, 'a second after a slow count: its figures');
      assert.equal(counter.calls, 1, 'and no count started');
      clock += Math.ceil(first.buildMs * 10);
      assert.equal(
        await openDataSnapshot(t.db, now, slowCount),
        first,
        'ten times its duration later: still its figures…',
      );
      assert.equal(counter.calls, 2, '…while the count runs');
      // The count in the background ends within seconds even on a busy machine.
      let next = first;
      for (let tries = 0; next === first && tries < 100; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        next = await openDataSnapshot(t.db, now, slowCount);
      }
      assert.notEqual(next, first, 'then the new figures');
      assert.equal(counter.calls, 2);
    });
  });
}

for (const target of databaseTargets()) {
  describe(`open data kept across processes (${target.name})`, () => {
    let t: TestApp;
    let clock = NOW.getTime();
    const now = () => new Date(clock);
    /** Another process on the same database: a handle the figures in memory do not belong to. */
    const anotherProcess = () => Object.create(t.db) as Db;
    before(async () => {
      t = await openTestApp(target);
    });
    after(() => t.close());

    it('serves a process that starts the figures counted before, without waiting for a count', async () => {
      const counter = countingCount(300);
      const slowCount = counter.count;
      const first = await openDataSnapshot(t.db, now, slowCount);
      assert.equal(counter.calls, 1);
      assert.deepEqual(await openDataSnapshot(anotherProcess(), now, slowCount), first, 'the same data: its figures');
      assert.equal(counter.calls, 1, 'and no count');
      await sendInput(t);
      clock += 1_000;
      const afterInput = await openDataSnapshot(anotherProcess(), now, slowCount);
      assert.deepEqual(afterInput, first, 'new input: the figures from before, at once');
      assert.equal(counter.calls, 1, 'a second after a slow count, no count started yet');
    });

    it('takes up the figures another process counted from the same data instead of counting them again', async () => {
      const counter = countingCount();
      const quickCount = counter.count;
      // Quick counts are made while the caller waits: none kept from the slow one above.
      await t.db.delete(openDataFigures);
      const [one, two] = [anotherProcess(), anotherProcess()];
      const counted = await openDataSnapshot(one, now, quickCount);
      assert.equal(counter.calls, 1);
      assert.deepEqual(await openDataSnapshot(two, now, quickCount), counted);
      assert.equal(counter.calls, 1, 'the second process counted nothing');
      // Published content changed (the test app's clock stands still, so new input would not show).
      await markContentChanged(t.db);
      const again = await openDataSnapshot(two, now, quickCount);
      assert.equal(counter.calls, 2, 'new input: counted once more…');
      assert.notDeepEqual(again.fingerprint, counted.fingerprint);
      assert.deepEqual(await openDataSnapshot(one, now, quickCount), again, '…and taken up by the other process');
      assert.equal(counter.calls, 2);
    });
  });
}
