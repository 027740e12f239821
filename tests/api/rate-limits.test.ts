import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { count, eq } from 'drizzle-orm';
import { createApp } from '../../api/app.ts';
import { rateLimits, submissions } from '../../api/db/schema.ts';
import { DEFAULT_RATE_LIMITS, hitRateLimit, purgeRateLimitWindows } from '../../api/services/rate-limit.ts';
import { NOW, openTestApp, postForm, postJson, validAnswers, type TestApp } from '../support/app.ts';
import { databaseTargets } from '../support/databases.ts';

const SUBMIT = '/api/consultations/fietsroute-stationsstraat/submissions';

for (const target of databaseTargets()) {
  describe(`rate limits shared by every API process (${target.name})`, () => {
    let t: TestApp;
    let first: ReturnType<typeof createApp>;
    let second: ReturnType<typeof createApp>;
    before(async () => {
      t = await openTestApp(target);
      // Two processes on one database: both count against the same limit.
      const options = {
        db: t.db,
        databaseKind: t.database.kind,
        now: () => NOW,
        trustProxyHops: 1,
        rateLimits: {
          ...DEFAULT_RATE_LIMITS,
          submit: { limit: 3, windowSeconds: 600 },
          follow_up: { limit: 2, windowSeconds: 60 },
          rights: { limit: 1, windowSeconds: 3600 },
          login: { limit: 2, windowSeconds: 600 },
        },
      };
      first = createApp(options);
      second = createApp(options);
    });
    after(() => t.close());

    const from = (address: string, extra: Record<string, string> = {}) => ({ 'X-Forwarded-For': address, ...extra });
    const stored = async () => (await t.db.select({ n: count() }).from(submissions))[0]!.n;

    it('limits staff log-in attempts per client, in both languages, before any password is checked', async () => {
      const attempt = (app: typeof first, path: string) =>
        app.request(path, {
          method: 'POST',
          headers: from('203.0.113.77', {
            'Content-Type': 'application/x-www-form-urlencoded',
            Origin: 'http://localhost',
          }),
          body: new URLSearchParams({ email: 'nobody@demodam.example', password: 'wrong' }).toString(),
        });
      assert.notEqual((await attempt(first, '/beheer/inloggen')).status, 429);
      assert.notEqual((await attempt(second, '/en/manage/login')).status, 429);
      const refused = await attempt(first, '/beheer/inloggen');
      assert.equal(refused.status, 429);
      assert.ok(Number(refused.headers.get('Retry-After')) > 0);
    });

    it('refuses the request over the limit across two app instances, and stores nothing for it', async () => {
      const before = await stored();
      const statuses = [];
      for (const app of [first, second, first, second]) {
        const response = await postJson(app, SUBMIT, { answers: validAnswers }, from('198.51.100.1'));
        statuses.push(response.status);
      }
      assert.deepEqual(statuses, [201, 201, 201, 429]);
      assert.equal(await stored(), before + 3);
    });

    it('answers 429 as problem+json in the reader’s language, with Retry-After', async () => {
      const nl = await postJson(first, SUBMIT, { answers: validAnswers }, from('198.51.100.1'));
      assert.equal(nl.status, 429);
      assert.match(nl.headers.get('Content-Type') ?? '', /application\/problem\+json/);
      const retryAfter = Number(nl.headers.get('Retry-After'));
      // NOW is 10:00:00, a window edge: the whole 600-second window remains.
      assert.equal(retryAfter, 600);
      const body = await nl.json();
      assert.equal(body.status, 429);
      assert.equal(body.title, 'Te veel verzoeken');
      assert.match(body.detail, /Wacht 10 minuten/);
      const en = await postJson(
        first,
        SUBMIT,
        { answers: validAnswers },
        from('198.51.100.1', { 'Accept-Language': 'en' }),
      );
      assert.equal((await en.json()).title, 'Too many requests');
    });

    it('answers a refused HTML form post with a readable page in the form’s language', async () => {
      const response = await postForm(
        second,
        SUBMIT,
        [
          ['lang', 'en'],
          ['answers.route', 'parklaan'],
        ],
        from('198.51.100.1'),
      );
      assert.equal(response.status, 429);
      assert.match(response.headers.get('Content-Type') ?? '', /text\/html/);
      assert.ok(response.headers.get('Retry-After'));
      const html = await response.text();
      assert.match(html, /<html lang="en">/);
      assert.match(html, /Too many requests/);
      assert.match(html, /Wait 10 minutes/);
    });

    it('counts each client on its own, by the address the trusted proxy appended', async () => {
      const other = await postJson(first, SUBMIT, { answers: validAnswers }, from('198.51.100.2'));
      assert.equal(other.status, 201);
      // A forged left-hand entry does not make a new client.
      const forged = await postJson(first, SUBMIT, { answers: validAnswers }, from('203.0.113.9, 198.51.100.1'));
      assert.equal(forged.status, 429);
    });

    it('limits follow-up lookups, on the API and on the pages', async () => {
      const client = from('198.51.100.3', { Accept: 'text/html' });
      assert.equal((await first.request('/api/follow-up/AAAA-AAAA-AAAA', { headers: client })).status, 404);
      assert.equal((await second.request('/volg/AAAA-AAAA-AAAA/', { headers: client })).status, 404);
      const refused = await first.request('/volg/AAAA-AAAA-AAAA/', { headers: client });
      assert.equal(refused.status, 429);
      assert.match(await refused.text(), /Te veel verzoeken/);
    });

    it('limits export and erasure more strictly than reading', async () => {
      const client = from('198.51.100.4');
      assert.equal((await first.request('/api/follow-up/AAAA-AAAA-AAAA/export', { headers: client })).status, 404);
      assert.equal((await second.request('/api/follow-up/AAAA-AAAA-AAAA/export', { headers: client })).status, 429);
    });

    it('does not count CORS preflights', async () => {
      const client = from('198.51.100.5', {
        Origin: 'http://localhost:8080',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      });
      for (let i = 0; i < 3; i += 1) {
        const preflight = await first.request('/api/follow-up/AAAA-AAAA-AAAA/erase', {
          method: 'OPTIONS',
          headers: client,
        });
        assert.equal(preflight.status, 204);
      }
      const erase = await postJson(
        first,
        '/api/follow-up/AAAA-AAAA-AAAA/erase',
        { confirm: true },
        from('198.51.100.5'),
      );
      assert.equal(erase.status, 404, 'the first real request is still within the limit of one');
    });

    it('does not limit what is not limited: reading consultations', async () => {
      for (let i = 0; i < 5; i += 1) {
        assert.equal((await first.request('/api/consultations', { headers: from('198.51.100.1') })).status, 200);
      }
    });

    it('keeps no client address in the table, and purges old windows', async () => {
      const rows = await t.db.select().from(rateLimits);
      assert.ok(rows.length > 0);
      for (const row of rows) assert.doesNotMatch(row.key, /198\.51|203\.0/);
      await hitRateLimit(t.db, {
        group: 'submit',
        client: 'old',
        rule: { limit: 1, windowSeconds: 60 },
        now: new Date(NOW.getTime() - 3 * 86_400_000),
      });
      const purged = await purgeRateLimitWindows(t.db, new Date(NOW.getTime() - 86_400_000));
      assert.equal(purged, 1);
      const left = await t.db.select({ n: count() }).from(rateLimits).where(eq(rateLimits.windowStart, NOW));
      assert.ok(left[0]!.n > 0);
    });

    it('counts exactly under concurrent requests', async () => {
      const rule = { limit: 10, windowSeconds: 60 };
      const verdicts = await Promise.all(
        Array.from({ length: 15 }, () => hitRateLimit(t.db, { group: 'rights', client: 'burst', rule, now: NOW })),
      );
      assert.deepEqual(
        verdicts.map((v) => v.count).sort((a, b) => a - b),
        Array.from({ length: 15 }, (_, i) => i + 1),
      );
      assert.equal(verdicts.filter((v) => v.allowed).length, 10);
    });
  });
}
