/**
 * House rules as JSON (api/staff/settings/house-rule-api.ts): the settings page's service
 * (api/services/house-rule-settings.ts) on the list's version, so a rule is added, saved, moved,
 * retired and restored as on the page, never deleted, and a stale change is refused with who
 * changed which rule. (Every role against every route: role-boundaries.test.ts and
 * openapi-staff.test.ts; the page: house-rules.test.ts.)
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog, houseRules } from '../../../../api/db/schema.ts';
import { currentContentVersion } from '../../../../api/services/content-revision.ts';
import { openTestApp, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, apiKeyFor, withKey } from '../../../support/staff.ts';

type Rule = {
  code: string;
  position: number;
  title: { nl: string; en?: string };
  body: { nl: string; en?: string };
  retiredAt: string | null;
  citedBy: number;
  channels: string[];
};
type Rules = { version: number; rules: Rule[] };
type ProblemBody = { status: number; title: string; detail?: string; errors?: Array<{ field: string; code: string }> };

const BASE = '/api/staff/house-rules';
const texts = {
  title: { nl: 'Geen reclame', en: 'No advertising' },
  body: { nl: 'Reclame voor bedrijven halen we weg.' },
};

for (const target of databaseTargets()) {
  describe(`house rules as JSON in the staff API (${target.name})`, () => {
    let t: TestApp;
    let adminKey: string;
    let colleagueKey: string;
    let moderatorKey: string;
    const call = (method: string, path: string, body?: unknown, key = adminKey, headers: Record<string, string> = {}) =>
      withKey(t, key, method, path, body, headers);
    const read = async () => (await (await call('GET', BASE)).json()) as Rules;
    const problemOf = async (response: Response) => (await response.json()) as ProblemBody;

    before(async () => {
      t = await openTestApp(target);
      adminKey = await apiKeyFor(t, await addStaffUser(t, 'admin@rule-api.example', 'administrator'));
      colleagueKey = await apiKeyFor(t, await addStaffUser(t, 'anna@rule-api.example', 'administrator'));
      moderatorKey = await apiKeyFor(t, await addStaffUser(t, 'moderator@rule-api.example', 'moderator'));
    });
    after(() => t.close());

    it('lists the rules in force in their order with the version of the list', async () => {
      const response = await call('GET', BASE);
      assert.equal(response.status, 200);
      const { version, rules } = (await response.json()) as Rules;
      assert.equal(typeof version, 'number');
      assert.deepEqual(
        rules.map((rule) => rule.code),
        ['respect', 'on-topic', 'privacy', 'no-spam', 'lawful'],
      );
      assert.ok(rules.every((rule) => rule.retiredAt === null && typeof rule.citedBy === 'number'));
    });

    it('adds a rule at the end with a code from its Dutch title, audited, the portal marked for a rebuild', async () => {
      const revision = await currentContentVersion(t.db);
      const { version } = await read();
      const response = await call('POST', BASE, { version, ...texts });
      assert.equal(response.status, 201);
      const after = (await response.json()) as Rules;
      assert.equal(after.version, version + 1);
      const added = after.rules.find((rule) => rule.code === 'geen-reclame')!;
      assert.deepEqual(added.title, texts.title);
      assert.deepEqual(added.body, texts.body);
      assert.equal(after.rules.filter((rule) => !rule.retiredAt).at(-1)?.code, 'geen-reclame');
      assert.notEqual(await currentContentVersion(t.db), revision);
      const entries = await t.db.select().from(auditLog).where(eq(auditLog.action, 'house_rule.changed'));
      assert.ok(entries.some((e) => (e.details as { code: string; action: string }).code === 'geen-reclame'));
    });

    it('refuses a rule with bad input field by field, storing nothing', async () => {
      const { version } = await read();
      const bad = await call('POST', BASE, { version, title: { nl: '  ' }, body: { nl: 'x'.repeat(2001) }, code: 'x' });
      assert.equal(bad.status, 422);
      assert.match(bad.headers.get('Content-Type') ?? '', /^application\/problem\+json/);
      const problem = await problemOf(bad);
      const errors = problem.errors!.map((e) => `${e.field}:${e.code}`);
      for (const expected of ['title.nl:required', 'body.nl:too_long'])
        assert.ok(errors.includes(expected), errors.join());
      assert.ok(
        problem.errors!.some((e) => e.field === 'body'),
        'an unknown field is named',
      );
      const english = await call('POST', BASE, { title: texts.title, body: texts.body }, adminKey, {
        'Accept-Language': 'en',
      });
      assert.equal(english.status, 422);
      assert.equal((await problemOf(english)).title, 'Some answers need your attention');
      assert.equal((await read()).version, version);
    });

    it('saves a rule on the version read, and refuses a stale change saying who changed which rule', async () => {
      const { version } = await read();
      const saved = await call('PUT', `${BASE}/geen-reclame`, {
        version,
        title: texts.title,
        body: { nl: 'Reclame halen we weg.', en: 'We remove advertising.' },
      });
      assert.equal(saved.status, 200);
      const after = (await saved.json()) as Rules;
      assert.equal(after.version, version + 1);
      assert.deepEqual(after.rules.find((rule) => rule.code === 'geen-reclame')!.body, {
        nl: 'Reclame halen we weg.',
        en: 'We remove advertising.',
      });
      const stale = await call('PUT', `${BASE}/respect`, { version, ...texts }, colleagueKey, {
        'Accept-Language': 'en',
      });
      assert.equal(stale.status, 409);
      const problem = await problemOf(stale);
      assert.equal(problem.title, 'A colleague has changed the house rules in the meantime');
      assert.match(problem.detail!, new RegExp(`version ${after.version}`));
      assert.match(problem.detail!, /‘No advertising’/);
      const [respect] = await t.db
        .select()
        .from(houseRules)
        .where(and(eq(houseRules.code, 'respect')));
      assert.notEqual(respect!.title.nl, texts.title.nl);
    });

    it('refuses a save of a rule that does not exist, or with a code that cannot be one', async () => {
      const { version } = await read();
      const missing = await call('PUT', `${BASE}/bestaat-niet`, { version, ...texts });
      assert.equal(missing.status, 404);
      assert.equal((await problemOf(missing)).title, 'Deze huisregel bestaat niet.');
      const badCode = await call('PUT', `${BASE}/Niet%20Goed`, { version, ...texts });
      assert.equal(badCode.status, 422);
      assert.deepEqual(
        (await problemOf(badCode)).errors!.map((e) => e.field),
        ['code'],
      );
      assert.equal((await read()).version, version);
    });

    it('moves a rule one place, and refuses the first rule up, bad directions and stale versions', async () => {
      const { version } = await read();
      const moved = await call('POST', `${BASE}/geen-reclame/move`, { version, direction: 'up' });
      assert.equal(moved.status, 200);
      const after = (await moved.json()) as Rules;
      assert.deepEqual(after.rules.map((rule) => rule.code).slice(-2), ['geen-reclame', 'lawful']);
      const edge = await call('POST', `${BASE}/respect/move`, { version: after.version, direction: 'up' });
      assert.equal(edge.status, 422);
      assert.equal((await problemOf(edge)).title, 'Dit staat al bovenaan of onderaan en kan niet verder die kant op.');
      const sideways = await call('POST', `${BASE}/respect/move`, { version: after.version, direction: 'left' });
      assert.equal(sideways.status, 422);
      assert.deepEqual(
        (await problemOf(sideways)).errors!.map((e) => e.field),
        ['direction'],
      );
      assert.equal(
        (await call('POST', `${BASE}/nergens/move`, { version: after.version, direction: 'up' })).status,
        404,
      );
      assert.equal((await call('POST', `${BASE}/lawful/move`, { version, direction: 'up' })).status, 409);
      assert.equal((await read()).version, after.version);
    });

    it('retires a rule (kept, off the list in force) and brings it back at the end', async () => {
      const { version } = await read();
      const retired = await call('PUT', `${BASE}/geen-reclame/retired`, { version, retired: true });
      assert.equal(retired.status, 200);
      const after = (await retired.json()) as Rules;
      const rule = after.rules.find((r) => r.code === 'geen-reclame')!;
      assert.equal(rule.retiredAt, '2026-11-27T10:00:00.000Z');
      assert.equal(after.rules.at(-1)?.code, 'geen-reclame');
      const again = await call('PUT', `${BASE}/geen-reclame/retired`, { version: after.version, retired: true });
      assert.equal(again.status, 200);
      assert.equal(((await again.json()) as Rules).version, after.version, 'retiring twice changes nothing');
      const cannotMove = await call('POST', `${BASE}/geen-reclame/move`, { version: after.version, direction: 'up' });
      assert.equal(cannotMove.status, 422);
      const restored = await call('PUT', `${BASE}/geen-reclame/retired`, { version: after.version, retired: false });
      assert.equal(restored.status, 200);
      const back = (await restored.json()) as Rules;
      assert.equal(back.rules.find((r) => r.code === 'geen-reclame')!.retiredAt, null);
      assert.equal(back.rules.at(-1)?.code, 'geen-reclame');
      const bad = await call('PUT', `${BASE}/geen-reclame/retired`, { version: back.version, retired: 'ja' });
      assert.equal(bad.status, 422);
      assert.deepEqual(
        (await problemOf(bad)).errors!.map((e) => e.field),
        ['retired'],
      );
      assert.equal(
        (await call('PUT', `${BASE}/nergens/retired`, { version: back.version, retired: true })).status,
        404,
      );
      assert.equal(
        (await call('PUT', `${BASE}/respect/retired`, { version: after.version, retired: true })).status,
        409,
      );
    });

    it('refuses every house-rule operation to an anonymous caller (401) and to a moderator (403)', async () => {
      const { version } = await read();
      const operations: Array<[string, string, unknown?]> = [
        ['GET', BASE],
        ['POST', BASE, { version, ...texts }],
        ['PUT', `${BASE}/respect`, { version, ...texts }],
        ['POST', `${BASE}/respect/move`, { version, direction: 'down' }],
        ['PUT', `${BASE}/respect/retired`, { version, retired: true }],
      ];
      for (const [method, path, body] of operations) {
        const anonymous = await t.app.request(path, {
          method,
          ...(body ? { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) } : {}),
        });
        assert.equal(anonymous.status, 401, `${method} ${path}`);
        assert.equal((await call(method, path, body, moderatorKey)).status, 403, `${method} ${path}`);
      }
      assert.equal((await read()).version, version);
    });
  });
}
