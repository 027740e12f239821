/**
 * Generated hostile text at every text field of the public endpoints (issue 13): lone
 * surrogates, NUL, C0/C1 controls, bidirectional marks and overrides, combining characters,
 * emoji cut in half, very long texts and JavaScript's special names, as values and as keys
 * (answer keys, form field names, query parameter names).
 *
 * Never a 5xx. A refused request leaves every table as it was; accepted input reads back on
 * its follow-up code exactly as stored: well-formed (a lone surrogate became U+FFFD, NUL was
 * removed). At the end no stored string anywhere is ill-formed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { submissions } from '../../api/db/schema.ts';
import { wellFormed } from '../../shared/contracts/text.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { databaseTargets } from '../support/databases.ts';
import {
  changedTables,
  formEncode,
  HOSTILE_SEED,
  hostileKey,
  hostileText,
  illFormedStoredText,
  objectWith,
  rowCounts,
  SPECIAL_NAMES,
  urlPart,
} from '../support/hostile-input.ts';

const SLUG = 'fietsroute-stationsstraat';
const SUBMIT = `/api/consultations/${SLUG}/submissions`;
const RUNS = 20;
const settings = { seed: HOSTILE_SEED, numRuns: RUNS, endOnFailure: true };

/** A value for a field: hostile text most of the time, sometimes one that passes. */
const maybe = (plausible: string) => fc.oneof({ weight: 3, arbitrary: hostileText }, fc.constant(plausible));

/**
 * Input with hostile text everywhere; half of it ("free text only") keeps the fields that
 * must match the consultation plausible, so hostile answers and names reach the database.
 */
const submission = fc.oneof(
  fc.record({
    route: maybe('parklaan'),
    voorzieningen: fc.array(maybe('verlichting'), { maxLength: 3 }),
    toelichting: maybe('Graag meer licht.'),
    name: fc.option(hostileText, { nil: undefined }),
    email: fc.option(maybe('bewoner@example.nl'), { nil: undefined }),
    altcha: fc.option(hostileText, { nil: undefined }),
    extra: fc.array(fc.tuple(hostileKey, hostileText), { maxLength: 2 }),
  }),
  fc.record({
    route: fc.constant('parklaan'),
    voorzieningen: fc.constant(['verlichting']),
    toelichting: hostileText,
    name: fc.option(hostileText, { nil: undefined }),
    email: fc.constant(undefined),
    altcha: fc.constant(undefined),
    extra: fc.constant([]),
  }),
);

for (const target of databaseTargets()) {
  describe(`hostile text at every public endpoint (${target.name}, seed ${HOSTILE_SEED})`, () => {
    let t: TestApp;
    let publishedId: string;
    before(async () => {
      t = await openTestApp(target);
      const [row] = await t.db
        .select({ id: submissions.id })
        .from(submissions)
        .where(and(eq(submissions.status, 'published')))
        .limit(1);
      publishedId = row!.id;
      // The proof-of-work secret is made by the first challenge: server state, not input.
      assert.equal((await t.app.request('/api/challenge')).status, 200);
    });
    after(() => t.close());

    /** Sends a request; a refusal must leave every table as it was. */
    async function send(path: string, init: RequestInit = {}): Promise<Response> {
      const before = await rowCounts(t.db);
      const response = await t.app.request(path, init);
      const where = `${init.method ?? 'GET'} ${path} → ${response.status}`;
      assert.ok(response.status < 500, `${where}: ${await response.clone().text()}`);
      if (response.status >= 400) assert.deepEqual(changedTables(before, await rowCounts(t.db)), [], where);
      return response;
    }

    /** The follow-up of accepted input, and the stored answer that must equal the well-formed text sent. */
    async function assertStoredAsSent(code: string, sent: string | undefined) {
      const response = await t.app.request(`/api/follow-up/${code}`);
      assert.equal(response.status, 200);
      const followUp = (await response.json()) as { answers: Array<{ question: string; value: unknown }> };
      const stored = followUp.answers.find((a) => a.question === 'toelichting')?.value;
      const expected = sent === undefined ? undefined : wellFormed(sent).trim() || undefined;
      assert.equal(stored, expected);
      for (const answer of followUp.answers) {
        for (const value of [answer.value].flat()) {
          if (typeof value === 'string') assert.ok(value.isWellFormed() && !value.includes('\u0000'), value);
        }
      }
    }

    it('takes JSON input with hostile answers, keys, names and addresses without a 5xx', async () => {
      let accepted = 0;
      await fc.assert(
        fc.asyncProperty(submission, async (s) => {
          const answers = objectWith([
            ['route', s.route],
            ['veiligheid', 2],
            ['voorzieningen', s.voorzieningen],
            ['toelichting', s.toelichting],
            ...s.extra,
          ]);
          const body = {
            answers,
            ...(s.name !== undefined ? { name: s.name } : {}),
            ...(s.email !== undefined ? { email: s.email, consent: true } : {}),
            ...(s.altcha !== undefined ? { altcha: s.altcha } : {}),
          };
          const response = await send(SUBMIT, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
            body: JSON.stringify(body),
          });
          if (response.status === 201) {
            accepted += 1;
            const receipt = (await response.json()) as { code: string };
            // An extra key that zod drops (`__proto__`) may ride along with accepted input.
            await assertStoredAsSent(receipt.code, s.toelichting);
          } else {
            assert.ok([400, 409, 413, 422].includes(response.status), String(response.status));
            const problem = (await response.json()) as { status: number; title: string };
            assert.equal(problem.status, response.status);
          }
        }),
        settings,
      );
      assert.ok(accepted > 0, 'no generated input was accepted: the property never reached the database');
    });

    it('stores a cut emoji as U+FFFD and drops NUL, answers keyed by special names are refused per field', async () => {
      const cut = await send(SUBMIT, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          answers: { route: 'parklaan', veiligheid: 2, voorzieningen: [], toelichting: 'Fiets \ud83d en\u0000 meer' },
          name: 'Naam \udc00',
        }),
      });
      assert.equal(cut.status, 201);
      await assertStoredAsSent(((await cut.json()) as { code: string }).code, 'Fiets \ufffd en meer');

      for (const name of SPECIAL_NAMES.filter((n) => n !== '__proto__')) {
        const response = await send(SUBMIT, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Accept-Language': 'en' },
          body: `{"answers":{"route":"parklaan","veiligheid":2,"toelichting":"Graag.","${name}":"x"}}`,
        });
        assert.equal(response.status, 422, name);
        const problem = (await response.json()) as { errors: Array<{ field: string; code: string }> };
        assert.deepEqual(
          problem.errors.map((e) => [e.field, e.code]),
          [[`answers.${name}`, 'unknown_question']],
        );
      }
    });

    it('takes the no-JavaScript form with hostile values and field names without a 5xx, keeping the values', async () => {
      await fc.assert(
        fc.asyncProperty(submission, fc.constantFrom('nl', 'en'), async (s, lang) => {
          const fields: Array<[string, string]> = [
            ['lang', lang],
            ['answers.route', s.route],
            ['answers.veiligheid', '2'],
            ...s.voorzieningen.map((v): [string, string] => ['answers.voorzieningen', v]),
            ['answers.toelichting', s.toelichting],
            ['name', s.name ?? ''],
            ['email', s.email ?? ''],
            ...(s.email ? [['consent', 'yes'] as [string, string]] : []),
            ...s.extra.map(([key, value]): [string, string] => [`answers.${key}`, value]),
            ...s.extra,
          ];
          const response = await send(SUBMIT, {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
            body: formEncode(fields),
          });
          if (response.status === 303) {
            const code = /\/([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})\//.exec(response.headers.get('Location') ?? '')?.[1];
            assert.ok(code, response.headers.get('Location') ?? '');
            // A form cannot carry a lone surrogate: the browser's encoding already replaced it.
            const followUp = (await (await t.app.request(`/api/follow-up/${code}`)).json()) as {
              answers: Array<{ value: unknown }>;
            };
            for (const value of followUp.answers.flatMap((a) => [a.value].flat())) {
              if (typeof value === 'string') assert.ok(value.isWellFormed() && !value.includes('\u0000'));
            }
          } else {
            assert.ok([400, 409, 413, 422].includes(response.status), String(response.status));
            await response.text();
          }
        }),
        settings,
      );
    });

    it('takes reports with hostile reasons and notes without a 5xx', async () => {
      await fc.assert(
        fc.asyncProperty(maybe('respect'), fc.option(hostileText, { nil: undefined }), async (reason, note) => {
          const response = await send(`/api/submissions/${publishedId}/reports`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ reason, ...(note !== undefined ? { note } : {}) }),
          });
          await response.text();
        }),
        settings,
      );
    });

    it('answers lookups by hostile codes, slugs, ids, tokens and query parameters without a 5xx', async () => {
      const lookups: Array<(text: string, key: string) => [string, RequestInit?]> = [
        (x) => [`/api/follow-up/${urlPart(x)}`],
        (x, k) => [`/api/follow-up?code=${urlPart(x)}&${urlPart(k)}=${urlPart(x)}`],
        (x) => [`/api/follow-up/${urlPart(x)}/export`],
        (x) => [
          `/api/follow-up/${urlPart(x)}/erase`,
          { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ confirm: x }) },
        ],
        (x) => [`/volg/${urlPart(x)}`],
        (x) => [`/volg/${urlPart(x)}/`],
        (x) => [`/en/confirmation/${urlPart(x)}/`],
        (x) => [
          `/volg/${urlPart(x)}/verwijderen/`,
          {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            body: formEncode([['confirm', x]]),
          },
        ],
        (x, k) => [
          '/gegevens/',
          {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            body: formEncode([
              ['email', x],
              [k, x],
            ]),
          },
        ],
        (x) => [`/gegevens/${urlPart(x)}/`],
        (x) => [`/api/topics/${urlPart(x)}`],
        (x, k) => [`/api/consultations?topic=${urlPart(x)}&${urlPart(k)}=1`],
        (x) => [`/api/consultations/${urlPart(x)}`],
        (x, k) => [
          `/api/consultations/${SLUG}/answers?page=${urlPart(x)}&lang=${urlPart(x)}&${urlPart(k)}=${urlPart(x)}`,
        ],
        (x) => [`/api/consultations/${urlPart(x)}/archive`],
        (x) => [`/api/open-data/consultations/${urlPart(x)}`],
        (x, k) => [`/api/threads/${urlPart(x)}?${urlPart(k)}=${urlPart(x)}`],
        (x) => [`/api/house-rules?lang=${urlPart(x)}`],
      ];
      for (const lookup of lookups) {
        await fc.assert(
          fc.asyncProperty(hostileText, hostileKey, async (text, key) => {
            const [path, init] = lookup(text, key);
            await (await send(path, { headers: { Accept: 'application/json' }, ...init })).arrayBuffer();
          }),
          { ...settings, numRuns: 8 },
        );
      }
    });

    it('stores no ill-formed text anywhere', async () => {
      assert.deepEqual(await illFormedStoredText(t.db), []);
    });
  });
}
