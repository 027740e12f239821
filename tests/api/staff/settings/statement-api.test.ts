/**
 * The accessibility statement as JSON (api/staff/settings/statement-api.ts): the settings page's
 * service and field rules (api/services/statement-settings.ts) on the statement's version; rows
 * named by their place; a stale change refused with who changed which part. (Every role against
 * every route: role-boundaries.test.ts and openapi-staff.test.ts; the page: statement.test.ts.)
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { accessibilityStatements, auditLog } from '../../../../api/db/schema.ts';
import { currentContentVersion } from '../../../../api/services/content-revision.ts';
import { openTestApp, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, apiKeyFor, withKey } from '../../../support/staff.ts';

type Audit = { title: { nl: string; en?: string }; by: string; date: string; url: string | null };
type Deviation = { criterion: string; description: { nl: string }; measure: { nl: string }; resolveBy: string | null };
type Statement = {
  version: number;
  general: {
    status: string;
    scope: { nl: string; en?: string };
    statementDate: string;
    contactEmail: string;
    responseDays: number;
  } | null;
  audits: Audit[];
  deviations: Deviation[];
};
type ProblemBody = { status: number; title: string; detail?: string; errors?: Array<{ field: string; code: string }> };

const BASE = '/api/staff/accessibility-statement';
const general = {
  status: 'B',
  scope: { nl: 'Het participatieportaal en de widgets.', en: 'The participation portal and the widgets.' },
  statementDate: '2026-11-01',
  contactEmail: 'toegankelijkheid@demodam.example',
  responseDays: 10,
};
const audit = {
  title: { nl: 'Onderzoek door een bureau' },
  by: 'Toegankelijk BV',
  date: '15-10-2026',
  url: 'https://toegankelijk.example/rapport',
};
const deviation = {
  criterion: '1.4.3',
  description: { nl: 'Het contrast van een knop is te laag.' },
  measure: { nl: 'We passen de kleur aan.' },
  resolveBy: '2027-03-01',
};

for (const target of databaseTargets()) {
  describe(`the accessibility statement as JSON in the staff API (${target.name})`, () => {
    let t: TestApp;
    let adminKey: string;
    let colleagueKey: string;
    let posterKey: string;
    const call = (method: string, path: string, body?: unknown, key = adminKey, headers: Record<string, string> = {}) =>
      withKey(t, key, method, path, body, headers);
    const read = async () => (await (await call('GET', BASE)).json()) as Statement;
    const problemOf = async (response: Response) => (await response.json()) as ProblemBody;
    const fieldsOf = async (response: Response) =>
      (await problemOf(response)).errors!.map((e) => `${e.field}:${e.code}`);

    before(async () => {
      t = await openTestApp(target);
      adminKey = await apiKeyFor(t, await addStaffUser(t, 'admin@statement-api.example', 'administrator'));
      colleagueKey = await apiKeyFor(t, await addStaffUser(t, 'anna@statement-api.example', 'administrator'));
      posterKey = await apiKeyFor(t, await addStaffUser(t, 'poster@statement-api.example', 'poster'));
    });
    after(() => t.close());

    it('reads the statement with its general part, audits, deviations and version', async () => {
      const response = await call('GET', BASE);
      assert.equal(response.status, 200);
      const statement = (await response.json()) as Statement;
      assert.equal(statement.general?.status, 'B');
      assert.equal(statement.audits.length, 1);
      assert.equal(statement.deviations[0]?.criterion, '1.1.1');
      assert.equal(typeof statement.version, 'number');
    });

    it('saves the general part on the version read, audited, the portal marked for a rebuild', async () => {
      const revision = await currentContentVersion(t.db);
      const { version } = await read();
      const response = await call('PUT', BASE, { version, ...general });
      assert.equal(response.status, 200);
      const after = (await response.json()) as Statement;
      assert.equal(after.version, version + 1);
      assert.deepEqual(after.general, general);
      assert.notEqual(await currentContentVersion(t.db), revision);
      const entries = await t.db.select().from(auditLog).where(eq(auditLog.action, 'accessibility_statement.changed'));
      assert.equal(entries.length, 1);
      const same = await call('PUT', BASE, { version: after.version, ...general });
      assert.equal(((await same.json()) as Statement).version, after.version, 'the same again changes nothing');
    });

    it('refuses a general part with bad input field by field, in Dutch or English, storing nothing', async () => {
      const { version } = await read();
      const bad = await call('PUT', BASE, {
        version,
        status: 'F',
        scope: { nl: '' },
        statementDate: '31-02-2026',
        contactEmail: 'niet een adres',
        responseDays: 61,
      });
      assert.equal(bad.status, 422);
      assert.match(bad.headers.get('Content-Type') ?? '', /^application\/problem\+json/);
      const fields = await fieldsOf(bad);
      for (const expected of [
        'status:invalid_type',
        'scope.nl:required',
        'statementDate:statement_date',
        'contactEmail:statement_email',
        'responseDays:statement_response_days',
      ])
        assert.ok(fields.includes(expected), `${expected} in ${fields.join()}`);
      const english = await call('PUT', BASE, { ...general, version, contactEmail: 'a@b' }, adminKey, {
        'Accept-Language': 'en',
      });
      const problem = await problemOf(english);
      assert.equal(problem.errors![0]!.field, 'contactEmail');
      assert.match(JSON.stringify(problem), /Enter one e-mail address/);
      assert.equal((await read()).version, version);
    });

    it('adds, saves, moves and removes audits by their place, with the field rules of the page', async () => {
      const { version } = await read();
      const added = await call('POST', `${BASE}/audits`, { version, ...audit });
      assert.equal(added.status, 201);
      let statement = (await added.json()) as Statement;
      assert.deepEqual(statement.audits[1], { ...audit, date: '2026-10-15' });
      const bad = await call('POST', `${BASE}/audits`, {
        version: statement.version,
        title: { nl: 'x'.repeat(201) },
        by: '',
        date: 'gisteren',
        url: 'javascript:alert(1)',
      });
      assert.equal(bad.status, 422);
      const fields = await fieldsOf(bad);
      for (const expected of ['title.nl:too_long', 'by:required', 'date:statement_date', 'url:statement_url'])
        assert.ok(fields.includes(expected), `${expected} in ${fields.join()}`);

      const saved = await call('PUT', `${BASE}/audits/2`, { version: statement.version, ...audit, url: null });
      assert.equal(saved.status, 200);
      statement = (await saved.json()) as Statement;
      assert.equal(statement.audits[1]!.url, null);
      assert.equal((await call('PUT', `${BASE}/audits/3`, { version: statement.version, ...audit })).status, 404);
      assert.equal((await call('PUT', `${BASE}/audits/0`, { version: statement.version, ...audit })).status, 404);
      assert.equal((await call('PUT', `${BASE}/audits/twee`, { version: statement.version, ...audit })).status, 422);

      const moved = await call('POST', `${BASE}/audits/2/move`, { version: statement.version, direction: 'up' });
      assert.equal(moved.status, 200);
      statement = (await moved.json()) as Statement;
      assert.equal(statement.audits[0]!.by, 'Toegankelijk BV');
      const edge = await call('POST', `${BASE}/audits/1/move`, { version: statement.version, direction: 'up' });
      assert.equal(edge.status, 422);
      assert.equal((await problemOf(edge)).title, 'Dit staat al bovenaan of onderaan en kan niet verder die kant op.');

      const removed = await call('DELETE', `${BASE}/audits/1?version=${statement.version}`);
      assert.equal(removed.status, 200);
      statement = (await removed.json()) as Statement;
      assert.deepEqual(
        statement.audits.map((a) => a.by),
        ['Podium'],
      );
      assert.equal((await call('DELETE', `${BASE}/audits/5?version=${statement.version}`)).status, 404);
      const noVersion = await call('DELETE', `${BASE}/audits/1`);
      assert.equal(noVersion.status, 422);
      assert.deepEqual(await fieldsOf(noVersion), ['version:required']);
    });

    it('adds, saves, moves and removes known deviations, refusing a criterion that is not one', async () => {
      const { version } = await read();
      const added = await call('POST', `${BASE}/deviations`, { version, ...deviation });
      assert.equal(added.status, 201);
      let statement = (await added.json()) as Statement;
      assert.deepEqual(statement.deviations[1], deviation);
      const bad = await call('PUT', `${BASE}/deviations/2`, {
        version: statement.version,
        ...deviation,
        criterion: '9.9',
        measure: { nl: ' ' },
        resolveBy: '2027-13-01',
      });
      assert.equal(bad.status, 422);
      const fields = await fieldsOf(bad);
      for (const expected of ['criterion:statement_criterion', 'measure.nl:required', 'resolveBy:statement_date'])
        assert.ok(fields.includes(expected), `${expected} in ${fields.join()}`);
      const saved = await call('PUT', `${BASE}/deviations/2`, {
        version: statement.version,
        ...deviation,
        resolveBy: null,
      });
      assert.equal(saved.status, 200);
      statement = (await saved.json()) as Statement;
      assert.equal(statement.deviations[1]!.resolveBy, null);
      const down = await call('POST', `${BASE}/deviations/2/move`, { version: statement.version, direction: 'down' });
      assert.equal(down.status, 422);
      const up = await call('POST', `${BASE}/deviations/2/move`, { version: statement.version, direction: 'up' });
      assert.equal(up.status, 200);
      statement = (await up.json()) as Statement;
      assert.equal(statement.deviations[0]!.criterion, '1.4.3');
      const removed = await call('DELETE', `${BASE}/deviations/1?version=${statement.version}`);
      assert.equal(removed.status, 200);
      assert.deepEqual(
        ((await removed.json()) as Statement).deviations.map((d) => d.criterion),
        ['1.1.1'],
      );
    });

    it('refuses a change on an older version, saying who changed which part since', async () => {
      const { version } = await read();
      const saved = await call('POST', `${BASE}/deviations`, { version, ...deviation });
      assert.equal(saved.status, 201);
      const stale = await call('PUT', BASE, { version, ...general, responseDays: 7 }, colleagueKey);
      assert.equal(stale.status, 409);
      const problem = await problemOf(stale);
      assert.equal(problem.title, 'Een collega heeft de toegankelijkheidsverklaring intussen gewijzigd');
      assert.match(problem.detail!, new RegExp(`versie ${version + 1}`));
      assert.match(problem.detail!, /de bekende afwijkingen/);
      for (const [method, path, body] of [
        ['POST', `${BASE}/audits`, { version, ...audit }],
        ['PUT', `${BASE}/audits/1`, { version, ...audit }],
        ['POST', `${BASE}/deviations/1/move`, { version, direction: 'down' }],
        ['DELETE', `${BASE}/deviations/1?version=${version}`, undefined],
      ] as const)
        assert.equal((await call(method, path, body)).status, 409, `${method} ${path}`);
      assert.equal((await read()).general?.responseDays, general.responseDays);
    });

    it('without a statement, refuses rows until the general part is saved on version 0', async () => {
      await t.db.delete(accessibilityStatements);
      const empty = await read();
      assert.deepEqual(empty, { version: 0, general: null, audits: [], deviations: [] });
      const row = await call('POST', `${BASE}/audits`, { version: 0, ...audit });
      assert.equal(row.status, 409);
      assert.equal(
        (await problemOf(row)).title,
        'Er is nog geen toegankelijkheidsverklaring. Sla eerst het algemene deel op.',
      );
      const first = await call('PUT', BASE, { version: 0, ...general });
      assert.equal(first.status, 200);
      assert.equal(((await first.json()) as Statement).version, 1);
      assert.equal((await call('POST', `${BASE}/audits`, { version: 1, ...audit })).status, 201);
    });

    it('refuses every statement operation to an anonymous caller (401) and to a poster (403)', async () => {
      const { version } = await read();
      const operations: Array<[string, string, unknown?]> = [
        ['GET', BASE],
        ['PUT', BASE, { version, ...general }],
        ['POST', `${BASE}/audits`, { version, ...audit }],
        ['PUT', `${BASE}/audits/1`, { version, ...audit }],
        ['POST', `${BASE}/audits/1/move`, { version, direction: 'down' }],
        ['DELETE', `${BASE}/audits/1?version=${version}`],
        ['POST', `${BASE}/deviations`, { version, ...deviation }],
        ['PUT', `${BASE}/deviations/1`, { version, ...deviation }],
        ['POST', `${BASE}/deviations/1/move`, { version, direction: 'down' }],
        ['DELETE', `${BASE}/deviations/1?version=${version}`],
      ];
      for (const [method, path, body] of operations) {
        const anonymous = await t.app.request(path, {
          method,
          ...(body ? { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) } : {}),
        });
        assert.equal(anonymous.status, 401, `${method} ${path}`);
        assert.equal((await call(method, path, body, posterKey)).status, 403, `${method} ${path}`);
      }
      assert.equal((await read()).version, version);
    });
  });
}
