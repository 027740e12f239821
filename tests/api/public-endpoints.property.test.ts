/**
 * Generated bad input at every public endpoint: every operation in the OpenAPI document,
 * plus the public pages that take a code, a token or a form post. Wrong types, huge and
 * odd strings, unicode, missing fields, malformed JSON and the wrong content types must
 * get a clean 4xx (problem+json from the API), never a 5xx, and leave the database as it was.
 *
 * Deterministic: a fixed seed (override with FC_SEED=<n>); fast-check prints the seed and
 * the shrunk counterexample when a property fails.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import fc from 'fast-check';
import * as schema from '../../api/db/schema.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { databaseTargets } from '../support/databases.ts';
import { KEPT_FIGURES } from '../support/hostile-input.ts';

const SEED = Number(process.env.FC_SEED ?? 20261127);
const NUM_RUNS = 30;

const tables: PgTable[] = (Object.values(schema) as unknown[]).filter(
  (value): value is PgTable => is(value, PgTable) && !KEPT_FIGURES.has(getTableName(value)),
);

/** One hash over every row of every table but the kept figures (open data counted by a read): any write shows. */
async function databaseFingerprint(t: TestApp): Promise<string> {
  const hash = createHash('sha256');
  for (const table of tables.sort((a, b) => getTableName(a).localeCompare(getTableName(b)))) {
    const rows = await t.db.select().from(table);
    const lines = rows.map((row) => JSON.stringify(row)).sort();
    hash.update(`${getTableName(table)}:${rows.length}\n${lines.join('\n')}\n`);
  }
  return hash.digest('hex');
}

/** Strings a careless parser trips over. */
const oddString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '../../etc/passwd',
    '%00',
    '%',
    '%E0%A4%A',
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    '🙂'.repeat(50),
    'ﷺ'.repeat(30),
    'A'.repeat(3000),
    '-1',
    '1e309',
    'NaN',
    'null',
    '__proto__',
    'constructor',
  ),
);

/** A path segment: odd strings, percent-encoded so the request can be made at all. */
const pathSegment = oddString.map((s) => encodeURIComponent(s) || '%20');

const jsonBody = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc
    .record(
      {
        answers: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.dictionary(oddString, fc.jsonValue({ maxDepth: 1 }))),
        email: fc.oneof(oddString, fc.jsonValue({ maxDepth: 1 })),
        name: fc.oneof(oddString, fc.integer()),
        consent: fc.jsonValue({ maxDepth: 1 }),
        confirm: fc.jsonValue({ maxDepth: 1 }),
        reason: fc.oneof(oddString, fc.jsonValue({ maxDepth: 1 })),
        note: oddString,
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
  // Malformed JSON.
  fc.constantFrom('{', '{"answers":', '[1,2', '{"a":1}}', 'undefined', "{'a':1}", '\u0000', '{"__proto__":{"x":1}}'),
  oddString,
);

const formBody = fc
  .array(fc.tuple(oddString, oddString), { maxLength: 6 })
  .map((pairs) => new URLSearchParams(pairs).toString());

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'text/plain',
  'application/xml',
  'application/problem+json',
  '',
  'application/json; charset=latin1',
);

/** Header values a client may send (printable ASCII: anything else cannot be sent at all). */
const headerValue = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 300 }),
  fc.constantFrom('', 'nl;q=abc', '*', 'en-GB,en;q=0.9,nl;q=0.8', 'null', 'https://evil.example'),
);

type Body = { type: string; body: string };
const body: fc.Arbitrary<Body> = fc.oneof(
  fc.record({ type: contentType, body: jsonBody }),
  fc.record({ type: contentType, body: formBody }),
  // Larger than the body limit.
  fc.constant({ type: 'application/json', body: `{"x":"${'x'.repeat(70_000)}"}` }),
);

const query = fc
  .array(
    fc.tuple(fc.constantFrom('page', 'pageSize', 'lang', 'format', 'topic', 'code', 'consultation', 'x'), oddString),
    {
      maxLength: 4,
    },
  )
  .map((pairs) => (pairs.length ? `?${new URLSearchParams(pairs).toString()}` : ''));

type Endpoint = { method: string; path: string; api: boolean };

/** Public pages outside the OpenAPI document that read a code, a token or a form. */
const PAGES: Endpoint[] = [
  { method: 'get', path: '/volg/{code}/', api: false },
  { method: 'get', path: '/en/confirmation/{code}/', api: false },
  { method: 'get', path: '/volg/{code}/verwijderen/', api: false },
  { method: 'post', path: '/volg/{code}/verwijderen/', api: false },
  { method: 'post', path: '/en/follow-up/{code}/erase/', api: false },
  { method: 'post', path: '/gegevens/', api: false },
  { method: 'get', path: '/gegevens/{token}/', api: false },
  { method: 'post', path: '/en/my-data/{token}/', api: false },
  { method: 'post', path: '/beheer/inloggen', api: false },
];

/** Real slugs reach the deeper checks (body, query); codes and ids stay junk, so nothing is found. */
const slugParam = fc.oneof(fc.constantFrom('fietsroute-stationsstraat', 'parkeren-centrum'), pathSegment);

for (const target of databaseTargets()) {
  describe(`generated bad input at every public endpoint (${target.name}, seed ${SEED})`, () => {
    let t: TestApp;
    let endpoints: Endpoint[] = [];
    let fingerprint: string;
    before(async () => {
      t = await openTestApp(target);
      const document = (await (await t.app.request('/api/openapi.json')).json()) as {
        paths: Record<string, Record<string, unknown>>;
      };
      endpoints = Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => ({ method, path, api: true })),
      );
      // The first challenge makes the server's proof-of-work secret (kept so every process
      // agrees): state of the server, not input, so it exists before the fingerprint.
      assert.equal((await t.app.request('/api/challenge')).status, 200);
      fingerprint = await databaseFingerprint(t);
    });
    after(() => t.close());

    it('finds the operations in the OpenAPI document', () => {
      assert.ok(endpoints.length >= 15, `only ${endpoints.length} operations`);
      assert.ok(endpoints.some((e) => e.path === '/api/follow-up/{code}/erase' && e.method === 'post'));
    });

    it('answers every generated request to every endpoint with a clean 4xx (or a 2xx for harmless extras), never a 5xx', async () => {
      const failures: string[] = [];
      for (const endpoint of [...endpoints, ...PAGES]) {
        const request = fc.record({
          params: fc.record({ slug: slugParam, other: pathSegment }),
          query,
          body,
          headers: fc.record(
            { 'Idempotency-Key': headerValue, 'Accept-Language': headerValue, Origin: headerValue },
            { requiredKeys: [] },
          ),
        });
        await fc
          .assert(
            fc.asyncProperty(request, async ({ params, query: search, body: sent, headers }) => {
              const path = endpoint.path.replace('{slug}', params.slug).replace(/\{(code|id|token)\}/g, params.other);
              const init: RequestInit = {
                method: endpoint.method.toUpperCase(),
                headers: { Accept: 'application/json', ...headers },
              };
              if (endpoint.method === 'post') {
                init.body = sent.body;
                if (sent.type) (init.headers as Record<string, string>)['Content-Type'] = sent.type;
              }
              const response = await t.app.request(`${path}${search}`, init);
              const where = `${init.method} ${path}${search} [${sent.type}] → ${response.status}`;
              assert.ok(response.status < 500, where);
              const type = response.headers.get('Content-Type') ?? '';
              // The no-JavaScript form post of the submissions endpoint answers people with a page.
              const formPost = /^(application\/x-www-form-urlencoded|multipart\/form-data)/.test(sent.type);
              if (endpoint.api && response.status >= 400 && !(formPost && type.startsWith('text/html'))) {
                assert.match(type, /^application\/problem\+json/, where);
                const problem = await response.json();
                assert.equal(problem.status, response.status, where);
                assert.equal(typeof problem.title, 'string', where);
              } else {
                await response.arrayBuffer();
              }
            }),
            { seed: SEED, numRuns: NUM_RUNS, endOnFailure: true },
          )
          .catch((error: unknown) => {
            const cause = (error as { cause?: unknown }).cause;
            failures.push(`${endpoint.method} ${endpoint.path}: ${String(error)}\n${cause ? String(cause) : ''}`);
          });
      }
      assert.deepEqual(failures, []);
    });

    it('finds nothing for a path parameter with the NUL character, which PostgreSQL cannot hold', async () => {
      // The contract removes NUL before the lookup (shared/contracts/text.ts), so no query fails on it.
      assert.equal((await t.app.request('/api/topics/a%00b')).status, 404);
      assert.equal((await t.app.request('/api/consultations/a%00b')).status, 404);
    });

    it('leaves the database exactly as it was', async () => {
      assert.equal(await databaseFingerprint(t), fingerprint);
    });
  });
}
