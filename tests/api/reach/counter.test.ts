/**
 * Visit counting (api/services/reach/counter.ts, api/http/visit-counting.ts): what counts as a
 * visit, a download and a widget view, and that batches from several processes add up.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { Db } from '../../../api/db/client.ts';
import { pageVisits, widgetViews } from '../../../api/db/schema.ts';
import { createVisitCounter, type VisitCounter } from '../../../api/services/reach/counter.ts';
import { isBot, widgetRead } from '../../../api/http/visit-counting.ts';
import { PORTAL_LIST_CACHE_CONTROL } from '../../../api/routes/portal-lists.ts';
import { NOW, openTestApp, type TestApp } from '../../support/app.ts';
import { databaseTargets } from '../../support/databases.ts';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36';
const DAY = '2026-11-27';

/**
 * A built portal as `npm start` serves it: a build directory of its own behind the `site`
 * link (api/build/builds.ts), so pages come from the in-memory copy (api/http/static-site.ts).
 */
function builtSite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'podium-reach-'));
  const build = join(dir, 'builds', 'one');
  const page = (path: string) => {
    mkdirSync(join(build, path), { recursive: true });
    writeFileSync(join(build, path, 'index.html'), '<!doctype html><title>t</title>');
  };
  page('');
  page('consultaties/fietsroute-stationsstraat');
  // A shell whose newest responses are filled in per request (routes/portal-lists.ts).
  page('en/consultations/fietsroute-stationsstraat');
  writeFileSync(
    join(build, 'en/consultations/fietsroute-stationsstraat/index.html'),
    '<!doctype html><title>t</title><!--podium:slot responses--><!--/podium:slot responses-->' +
      '<!--podium:slot responses-link--><!--/podium:slot responses-link-->',
  );
  mkdirSync(join(build, 'documenten'));
  writeFileSync(join(build, 'documenten', 'plan.pdf'), '%PDF-1.4');
  writeFileSync(join(build, 'style.css'), 'body{}');
  symlinkSync(join('builds', 'one'), join(dir, 'site'));
  return join(dir, 'site');
}

for (const target of databaseTargets()) {
  describe(`counting visits (${target.name})`, () => {
    let t: TestApp;
    let counter: VisitCounter;
    let site: string;
    const get = (path: string, headers: Record<string, string> = { 'User-Agent': BROWSER }, method = 'GET') =>
      t.app.request(path, { method, headers });
    const stored = async () =>
      (await t.db.select().from(pageVisits)).map((r) => `${r.day} ${r.kind} ${r.path} ${r.visits}`).sort();

    before(async () => {
      site = builtSite();
      t = await openTestApp(target, { siteDir: site, visits: (db) => (counter = createVisitCounter(db)) });
    });
    after(async () => {
      await t.close();
      rmSync(join(site, '..'), { recursive: true, force: true });
    });
    beforeEach(async () => {
      await counter.flush();
      await t.db.delete(pageVisits);
      await t.db.delete(widgetViews);
    });

    it('counts a browser’s GET of a portal page and of a document, per day and path, without its query', async () => {
      assert.equal((await get('/consultaties/fietsroute-stationsstraat/?code=GEHEIM')).status, 200);
      assert.equal((await get('/consultaties/fietsroute-stationsstraat/')).status, 200);
      assert.equal((await get('/')).status, 200);
      assert.equal((await get('/documenten/plan.pdf')).status, 200);
      assert.equal(counter.pending(), 4);
      assert.equal(await counter.flush(), 3);
      assert.deepEqual(await stored(), [
        `${DAY} download /documenten/plan.pdf 1`,
        `${DAY} page / 1`,
        `${DAY} page /consultaties/fietsroute-stationsstraat/ 2`,
      ]);
    });

    it('counts a page whose lists are filled in per request, also when the browser revalidates it', async () => {
      const page = '/en/consultations/fietsroute-stationsstraat/';
      const first = await get(page);
      assert.equal(first.status, 200);
      assert.equal(first.headers.get('Cache-Control'), PORTAL_LIST_CACHE_CONTROL, 'served by the lists route');
      const etag = first.headers.get('ETag');
      assert.ok(etag, 'the filled-in page has a validator');
      assert.equal((await get(page, { 'User-Agent': BROWSER, 'If-None-Match': etag })).status, 304);
      await get(page, { 'User-Agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' });
      await counter.flush();
      assert.deepEqual(await stored(), [`${DAY} page ${page} 2`]);
    });

    it('counts nothing but portal pages: staff pages, the API and the follow-up form are not visits', async () => {
      await get('/beheer/inloggen');
      await get('/api/consultations/fietsroute-stationsstraat');
      await get('/api/health');
      assert.equal(counter.pending(), 0);
    });

    it('ignores bots, clients without a user agent, prefetches, other methods, errors and assets', async () => {
      const page = '/consultaties/fietsroute-stationsstraat/';
      await get(page, { 'User-Agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' });
      await get(page, { 'User-Agent': 'curl/8.5.0' });
      await get(page, {});
      await get(page, { 'User-Agent': BROWSER, 'Sec-Purpose': 'prefetch' });
      await get(page, { 'User-Agent': BROWSER }, 'HEAD');
      await get(page, { 'User-Agent': BROWSER }, 'POST');
      assert.equal((await get('/bestaat-niet/')).status, 404);
      assert.equal((await get('/style.css')).status, 200);
      assert.equal((await get('/api/consultations/bestaat-niet/archive')).status, 404);
      assert.equal(counter.pending(), 0);
      await counter.flush();
      assert.deepEqual(await stored(), []);
    });

    it('counts a successful archive download and not a failed one', async () => {
      assert.equal((await get('/api/consultations/fietsroute-stationsstraat/archive')).status, 200);
      await counter.flush();
      assert.deepEqual(await stored(), [`${DAY} download /api/consultations/fietsroute-stationsstraat/archive 1`]);
    });

    it('adds up the batches of two processes flushing into the same rows at once', async () => {
      const first = createVisitCounter(t.db);
      const second = createVisitCounter(t.db);
      for (let i = 0; i < 3; i++) first.page('/', 'page', NOW);
      for (let i = 0; i < 2; i++) second.page('/', 'page', NOW);
      second.widget('https://www.gemeente.nl', 'consultation', 'fietsroute-stationsstraat', NOW);
      first.widget('https://www.gemeente.nl', 'consultation', 'fietsroute-stationsstraat', NOW);
      await Promise.all([first.flush(), second.flush()]);
      first.page('/', 'page', NOW);
      await first.flush();
      assert.deepEqual(await stored(), [`${DAY} page / 6`]);
      const [views] = await t.db.select().from(widgetViews);
      assert.equal(views?.views, 2);
      assert.equal(await first.flush(), 0, 'an empty batch writes nothing');
    });

    it('flushes the same rows from two processes at once without a deadlock, whatever order they were visited in', async () => {
      // Each flush upserts its rows in one transaction: visited in opposite orders, they would
      // take the rows' locks in opposite orders, and the server would end one of them.
      const paths = Array.from({ length: 300 }, (_, i) => `/onderwerpen/${String(i).padStart(3, '0')}/`);
      const failures: unknown[] = [];
      for (let round = 0; round < 5; round++) {
        const first = createVisitCounter(t.db);
        const second = createVisitCounter(t.db);
        for (const path of paths) first.page(path, 'page', NOW);
        for (const path of [...paths].reverse()) second.page(path, 'page', NOW);
        const results = await Promise.allSettled([first.flush(), second.flush()]);
        failures.push(...results.filter((result) => result.status === 'rejected'));
      }
      assert.deepEqual(failures, []);
      const counted = (await stored()).filter((row) => row.includes('/onderwerpen/'));
      assert.equal(counted.length, paths.length);
      assert.ok(counted.every((row) => row.endsWith(' 10')));
    });

    it('keeps a batch whose flush failed, for the next flush', async () => {
      let down = true;
      // A database that is away for the first flush.
      const flaky = {
        transaction: (work: (tx: Db) => Promise<number>) =>
          down ? Promise.reject(new Error('connection lost')) : t.db.transaction(work),
      } as unknown as Db;
      const counter = createVisitCounter(flaky);
      counter.page('/', 'page', NOW);
      counter.page('/', 'page', NOW);
      await assert.rejects(counter.flush(), /connection lost/);
      assert.equal(counter.pending(), 2);
      counter.page('/', 'page', NOW);
      down = false;
      await counter.flush();
      assert.deepEqual(await stored(), [`${DAY} page / 3`]);
    });

    it('counts a widget’s read per allowed embedding origin, widget and subject', async () => {
      const widget = (path: string, origin?: string) =>
        get(path, { 'User-Agent': BROWSER, ...(origin ? { Origin: origin } : {}) });
      assert.equal((await widget('/api/consultations/fietsroute-stationsstraat', 'http://localhost:8080')).status, 200);
      await widget('/api/consultations/fietsroute-stationsstraat', 'http://localhost:8080');
      await widget('/api/consultations/fietsroute-stationsstraat/answers', 'http://127.0.0.1:3000');
      // A thread widget given its consultation reads the list first, then the thread: one view.
      const [thread] = await (
        await widget('/api/threads?consultation=fietsroute-stationsstraat', 'http://localhost:8080')
      ).json();
      assert.equal((await widget(`/api/threads/${thread.id}`, 'http://localhost:8080')).status, 200);
      // Not counted: an origin nobody allowed, no origin (the portal itself), a consultation that does not exist.
      await widget('/api/consultations/fietsroute-stationsstraat', 'https://kwaadwillend.example');
      await widget('/api/consultations/fietsroute-stationsstraat');
      assert.equal((await widget('/api/consultations/bestaat-niet', 'http://localhost:8080')).status, 404);
      await counter.flush();
      const rows = (await t.db.select().from(widgetViews)).map(
        (r) => `${r.origin} ${r.widget} ${r.subject} ${r.views}`,
      );
      assert.deepEqual(rows.sort(), [
        'http://127.0.0.1:3000 answers fietsroute-stationsstraat 1',
        'http://localhost:8080 consultation fietsroute-stationsstraat 2',
        `http://localhost:8080 thread ${thread.id} 1`,
      ]);
      assert.deepEqual(await stored(), [], 'API reads are no page visits');
    });
  });
}

describe('what counts', () => {
  it('calls missing user agents, crawlers and HTTP libraries bots, and browsers not', () => {
    assert.equal(isBot(undefined), true);
    assert.equal(isBot('Mozilla/5.0 (compatible; bingbot/2.0)'), true);
    assert.equal(isBot('python-requests/2.32'), true);
    assert.equal(isBot(BROWSER), false);
  });

  it('reads which widget asked for what from the API path', () => {
    const none = () => undefined;
    assert.deepEqual(widgetRead('/api/consultations/a-b', none), ['consultation', 'a-b']);
    assert.deepEqual(widgetRead('/api/consultations/a-b/answers', none), ['answers', 'a-b']);
    assert.equal(widgetRead('/api/consultations/a-b/archive', none), null);
    assert.equal(widgetRead('/api/consultations/A%20B', none), null);
    assert.deepEqual(widgetRead('/api/threads/0F0A9C2E-1B2C-4D3E-8F9A-0B1C2D3E4F5A', none), [
      'thread',
      '0f0a9c2e-1b2c-4d3e-8f9a-0b1c2d3e4f5a',
    ]);
    assert.equal(widgetRead('/api/threads/niet-een-id', none), null);
    const consultation = (name: string) => (name === 'consultation' ? 'a-b' : undefined);
    assert.equal(widgetRead('/api/threads', consultation), null, 'the list a thread widget reads first');
  });

  it('counts a widget paging through answers or a thread as the one view it is', () => {
    const page = (n: string) => (name: string) => (name === 'page' ? n : undefined);
    const id = '0f0a9c2e-1b2c-4d3e-8f9a-0b1c2d3e4f5a';
    assert.deepEqual(widgetRead('/api/consultations/a-b/answers', page('1')), ['answers', 'a-b']);
    assert.equal(widgetRead('/api/consultations/a-b/answers', page('2')), null);
    assert.deepEqual(widgetRead(`/api/threads/${id}`, page('1')), ['thread', id]);
    assert.equal(widgetRead(`/api/threads/${id}`, page('13')), null);
  });
});
