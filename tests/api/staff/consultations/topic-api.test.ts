/**
 * Topics as JSON (api/staff/consultations/topic-api.ts): the same service as the topics pages
 * (api/services/topic-authoring.ts), so the same rules, audit entries and stale-save refusal,
 * answered as JSON and RFC 9457 problems in Dutch or English. (Every role against every route:
 * role-boundaries.test.ts and openapi-staff.test.ts; the pages: topics.test.ts.)
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog, topics } from '../../../../api/db/schema.ts';
import { currentContentVersion } from '../../../../api/services/content-revision.ts';
import { openTestApp, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, apiKeyFor, withKey } from '../../../support/staff.ts';

type Topic = {
  slug: string;
  title: { nl: string; en?: string };
  description: { nl: string; en?: string };
  version: number;
  consultations: number;
};
type ProblemBody = { status: number; title: string; detail?: string; errors?: Array<{ field: string; code: string }> };

const BASE = '/api/staff/topics';
const texts = {
  title: { nl: 'Groen en spelen', en: 'Green and play' },
  description: { nl: 'Parken, speelplekken en bomen in de wijk.' },
};

for (const target of databaseTargets()) {
  describe(`topics as JSON in the staff API (${target.name})`, () => {
    let t: TestApp;
    let adminKey: string;
    let colleagueKey: string;
    let analystKey: string;
    const call = (method: string, path: string, body?: unknown, key = adminKey, headers: Record<string, string> = {}) =>
      withKey(t, key, method, path, body, headers);
    const list = async () => ((await (await call('GET', BASE)).json()) as { topics: Topic[] }).topics;

    before(async () => {
      t = await openTestApp(target);
      adminKey = await apiKeyFor(t, await addStaffUser(t, 'admin@topic-api.example', 'administrator'));
      colleagueKey = await apiKeyFor(t, await addStaffUser(t, 'anna@topic-api.example', 'administrator'));
      analystKey = await apiKeyFor(t, await addStaffUser(t, 'analyst@topic-api.example', 'analyst'));
    });
    after(() => t.close());

    it('lists the topics in the portal’s order with their version and how many consultations each holds', async () => {
      const response = await call('GET', BASE);
      assert.equal(response.status, 200);
      const listed = await list();
      assert.ok(listed.length > 0);
      assert.ok(listed.some((topic) => topic.consultations > 0));
      for (const topic of listed) assert.equal(typeof topic.version, 'number');
    });

    it('makes a topic last in the order, audited, with the portal marked for a rebuild', async () => {
      const revision = await currentContentVersion(t.db);
      const response = await call('POST', BASE, { slug: 'groen-en-spelen', ...texts });
      assert.equal(response.status, 201);
      const made = (await response.json()) as Topic;
      assert.deepEqual(made.title, texts.title);
      assert.deepEqual(made.description, texts.description);
      assert.equal(made.consultations, 0);
      assert.equal((await list()).at(-1)?.slug, 'groen-en-spelen');
      assert.notEqual(await currentContentVersion(t.db), revision);
      const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'topic.created'));
      assert.equal((entry!.details as { slug: string }).slug, 'groen-en-spelen');
    });

    it('refuses a new topic with bad input field by field, and a taken address, storing nothing', async () => {
      const before = (await list()).length;
      const bad = await call('POST', BASE, { slug: 'Niet Goed!', title: { nl: '' }, description: {}, extra: 1 });
      assert.equal(bad.status, 422);
      assert.match(bad.headers.get('Content-Type') ?? '', /^application\/problem\+json/);
      const fields = ((await bad.json()) as ProblemBody).errors!.map((e) => e.field);
      for (const field of ['slug', 'title.nl', 'description.nl']) assert.ok(fields.includes(field), field);
      const long = await call('POST', BASE, {
        slug: 'lang',
        title: { nl: 'x'.repeat(121) },
        description: texts.description,
      });
      assert.equal(long.status, 422);
      assert.deepEqual(
        ((await long.json()) as ProblemBody).errors!.map((e) => [e.field, e.code]),
        [['title.nl', 'too_long']],
      );
      const taken = await call('POST', BASE, { slug: 'groen-en-spelen', ...texts }, adminKey, {
        'Accept-Language': 'en',
      });
      assert.equal(taken.status, 409);
      const problem = (await taken.json()) as ProblemBody;
      assert.equal(problem.title, 'A topic with this address exists already. Choose another address.');
      assert.deepEqual(
        problem.errors!.map((e) => e.field),
        ['slug'],
      );
      assert.equal((await list()).length, before);
    });

    it('saves texts on the version read, and refuses a stale save naming who saved which fields', async () => {
      const [current] = (await list()).filter((topic) => topic.slug === 'groen-en-spelen');
      const saved = await call('PUT', `${BASE}/groen-en-spelen`, {
        version: current!.version,
        title: { nl: 'Groen, spelen en sport' },
        description: texts.description,
      });
      assert.equal(saved.status, 200);
      const after = (await saved.json()) as Topic;
      assert.equal(after.version, current!.version + 1);
      assert.deepEqual(after.title, { nl: 'Groen, spelen en sport' });
      const stale = await call('PUT', `${BASE}/groen-en-spelen`, { version: current!.version, ...texts }, colleagueKey);
      assert.equal(stale.status, 409);
      const problem = (await stale.json()) as ProblemBody;
      assert.equal(problem.title, 'Een collega heeft dit onderwerp intussen opgeslagen');
      assert.match(problem.detail!, new RegExp(`versie ${after.version}`));
      assert.match(problem.detail!, /\(titel\)/);
      const [row] = await t.db.select().from(topics).where(eq(topics.slug, 'groen-en-spelen'));
      assert.deepEqual(row!.title, { nl: 'Groen, spelen en sport' });
    });

    it('refuses a save with bad input, without a version, or of a topic that does not exist', async () => {
      const [current] = (await list()).filter((topic) => topic.slug === 'groen-en-spelen');
      const bad = await call('PUT', `${BASE}/groen-en-spelen`, { version: current!.version, title: { nl: ' ' } });
      assert.equal(bad.status, 422);
      const fields = ((await bad.json()) as ProblemBody).errors!.map((e) => e.field);
      assert.ok(fields.includes('title.nl') && fields.includes('description'), fields.join());
      const noVersion = await call('PUT', `${BASE}/groen-en-spelen`, texts);
      assert.equal(noVersion.status, 422);
      assert.deepEqual(
        ((await noVersion.json()) as ProblemBody).errors!.map((e) => e.field),
        ['version'],
      );
      const missing = await call('PUT', `${BASE}/nergens`, { version: 1, ...texts });
      assert.equal(missing.status, 404);
      assert.equal(((await missing.json()) as ProblemBody).title, 'Dit onderwerp bestaat niet (meer).');
      const badSlug = await call('PUT', `${BASE}/NIET_GOED`, { version: 1, ...texts });
      assert.equal(badSlug.status, 422);
    });

    it('moves a topic one place, and refuses past the edge, an unknown topic and an unknown direction', async () => {
      const order = (await list()).map((topic) => topic.slug);
      const moved = await call('POST', `${BASE}/groen-en-spelen/move`, { direction: 'up' });
      assert.equal(moved.status, 200);
      const after = ((await moved.json()) as { topics: Topic[] }).topics.map((topic) => topic.slug);
      assert.deepEqual(after, [...order.slice(0, -2), 'groen-en-spelen', order.at(-2)]);
      const first = after[0]!;
      const edge = await call('POST', `${BASE}/${first}/move`, { direction: 'up' });
      assert.equal(edge.status, 422);
      assert.equal(
        ((await edge.json()) as ProblemBody).title,
        'Dit staat al bovenaan of onderaan en kan niet verder die kant op.',
      );
      assert.equal((await call('POST', `${BASE}/nergens/move`, { direction: 'down' })).status, 404);
      const sideways = await call('POST', `${BASE}/groen-en-spelen/move`, { direction: 'left' });
      assert.equal(sideways.status, 422);
      assert.deepEqual(
        ((await sideways.json()) as ProblemBody).errors!.map((e) => e.field),
        ['direction'],
      );
    });

    it('never removes a topic that holds consultations; removes an empty one', async () => {
      const held = (await list()).find((topic) => topic.consultations > 0)!;
      const refused = await call('DELETE', `${BASE}/${held.slug}`);
      assert.equal(refused.status, 409);
      assert.match(((await refused.json()) as ProblemBody).detail!, new RegExp(`${held.consultations} consultaties`));
      const removed = await call('DELETE', `${BASE}/groen-en-spelen`);
      assert.equal(removed.status, 200);
      assert.ok(
        !((await removed.json()) as { topics: Topic[] }).topics.some((topic) => topic.slug === 'groen-en-spelen'),
      );
      const gone = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'topic.removed'), eq(auditLog.subjectType, 'topic')));
      assert.equal(gone.length, 1);
      assert.equal((await call('DELETE', `${BASE}/groen-en-spelen`)).status, 404);
    });

    it('refuses every topic operation to an anonymous caller (401) and to a role without consultations.manage (403)', async () => {
      const operations: Array<[string, string, unknown?]> = [
        ['GET', BASE],
        ['POST', BASE, { slug: 'verboden', ...texts }],
        ['PUT', `${BASE}/verboden`, { version: 1, ...texts }],
        ['POST', `${BASE}/verboden/move`, { direction: 'up' }],
        ['DELETE', `${BASE}/verboden`],
      ];
      for (const [method, path, body] of operations) {
        const anonymous = await t.app.request(path, {
          method,
          ...(body ? { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) } : {}),
        });
        assert.equal(anonymous.status, 401, `${method} ${path}`);
        assert.equal((await call(method, path, body, analystKey)).status, 403, `${method} ${path}`);
      }
      assert.equal((await t.db.select().from(topics).where(eq(topics.slug, 'verboden'))).length, 0);
    });
  });
}
