/**
 * The queue as JSON (api/staff/queue/api.ts), as a municipality's script uses it with a
 * personal API key: list the queue, publish an item, answer it; and every kind of bad input,
 * refused as a problem that names the field, with nothing saved.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { departments, submissions } from '../../../../api/db/schema.ts';
import { openTestApp, postJson, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, apiKeyFor, withKey } from '../../../support/staff.ts';

type Problem = { status: number; title: string; detail?: string; errors?: Array<{ field: string; message: string }> };
type Item = { id: string; version: number; state: string; answers: unknown[] };

for (const target of databaseTargets()) {
  describe(`the queue as JSON with a key (${target.name})`, () => {
    let t: TestApp;
    let key: string;
    let analystKey: string;

    before(async () => {
      t = await openTestApp(target);
      key = await apiKeyFor(t, await addStaffUser(t, 'script@queue-api.example', 'moderator'));
      analystKey = await apiKeyFor(t, await addStaffUser(t, 'analyst@queue-api.example', 'analyst'));
    });
    after(() => t.close());

    async function submit(text: string): Promise<string> {
      const response = await postJson(t.app, '/api/consultations/fietsroute-stationsstraat/submissions', {
        answers: { route: 'parklaan', toelichting: text },
      });
      assert.equal(response.status, 201);
      const { code } = (await response.json()) as { code: string };
      const [row] = await t.db.select().from(submissions).where(eq(submissions.followUpCode, code));
      return row!.id;
    }

    async function itemOf(id: string): Promise<Item> {
      const response = await withKey(t, key, 'GET', `/api/staff/items/${id}`);
      assert.equal(response.status, 200);
      return ((await response.json()) as { item: Item }).item;
    }

    async function refusal(response: Response, status: number): Promise<Problem> {
      assert.equal(response.status, status);
      assert.match(response.headers.get('Content-Type') ?? '', /^application\/problem\+json/);
      return (await response.json()) as Problem;
    }

    it('lists the queue, publishes an item and answers it, as a script would', async () => {
      const id = await submit('Een fietspad langs het park zou veel schelen voor de kinderen.');
      // Page through the queue, newest first, until the new item shows.
      let found: Item | undefined;
      let after: string | null = null;
      do {
        const query = new URLSearchParams({ sort: 'newest', limit: '5', ...(after ? { after } : {}) });
        const response = await withKey(t, key, 'GET', `/api/staff/queue?${query}`);
        assert.equal(response.status, 200);
        const page = (await response.json()) as { items: Item[]; next: string | null };
        assert.ok(page.items.length <= 5);
        found = page.items.find((item) => item.id === id);
        after = page.next;
      } while (!found && after);
      assert.ok(found, 'the new item is in the queue');
      assert.equal(found.state, 'new');

      const published = await withKey(t, key, 'POST', `/api/staff/items/${id}/decision`, {
        version: found.version,
        decision: 'publish',
      });
      assert.equal(published.status, 200);
      const afterPublish = (await published.json()) as { parts: string[]; version: number };
      assert.deepEqual(afterPublish.parts, ['decision']);
      assert.equal(afterPublish.version, found.version + 1);

      const answered = await withKey(t, key, 'POST', `/api/staff/items/${id}/answer`, {
        version: afterPublish.version,
        body: 'Dank u wel. Wij nemen het pad langs het park mee in het ontwerp.',
        language: 'nl',
      });
      assert.equal(answered.status, 200);
      assert.deepEqual(((await answered.json()) as { parts: string[] }).parts, ['answer']);

      const detail = (await (await withKey(t, key, 'GET', `/api/staff/items/${id}`)).json()) as {
        item: Item;
        replies: Array<{ body: string }>;
      };
      assert.equal(detail.item.state, 'answered');
      assert.equal(detail.replies[0]?.body, 'Dank u wel. Wij nemen het pad langs het park mee in het ontwerp.');
    });

    it('refuses a change on an older version with who changed what, and saves nothing', async () => {
      const id = await submit('Meer lantaarnpalen bij de tunnel alstublieft.');
      const { version } = await itemOf(id);
      assert.equal(
        (await withKey(t, key, 'POST', `/api/staff/items/${id}/decision`, { version, decision: 'escalate' })).status,
        200,
      );
      const stale = await refusal(
        await withKey(
          t,
          key,
          'POST',
          `/api/staff/items/${id}/decision`,
          { version, decision: 'publish' },
          {
            'Accept-Language': 'nl',
          },
        ),
        409,
      );
      assert.match(stale.title, /collega heeft dit item intussen gewijzigd/);
      assert.match(stale.detail ?? '', /versie 2/);
      assert.equal((await itemOf(id)).state, 'escalated');
    });

    it('assigns to a department and takes a note, each on the version seen', async () => {
      const id = await submit('Kan de stoep bij de school breder?');
      const [department] = await t.db.select().from(departments).where(eq(departments.slug, 'verkeer'));
      const item = await itemOf(id);
      const assigned = await withKey(t, key, 'PUT', `/api/staff/items/${id}/assignment`, {
        version: item.version,
        department: department!.id,
        person: null,
      });
      assert.equal(assigned.status, 200);
      const { version } = (await assigned.json()) as { version: number };
      const noted = await withKey(t, key, 'POST', `/api/staff/items/${id}/notes`, {
        version,
        body: 'Bellen met school.',
      });
      assert.equal(noted.status, 200);
      const detail = (await (await withKey(t, key, 'GET', `/api/staff/items/${id}`)).json()) as {
        item: { assignedDepartmentId: string };
        notes: Array<{ body: string }>;
      };
      assert.equal(detail.item.assignedDepartmentId, department!.id);
      assert.equal(detail.notes[0]?.body, 'Bellen met school.');
    });

    it('refuses bad input to every queue operation with the field and a message, saving nothing', async () => {
      const id = await submit('Een bankje bij de bushalte.');
      const { version } = await itemOf(id);
      const cases: Array<[string, string, unknown, number, string]> = [
        ['GET', '/api/staff/queue?status=verzonnen', undefined, 422, 'status'],
        ['GET', '/api/staff/queue?limit=0', undefined, 422, 'limit'],
        ['GET', '/api/staff/queue?after=gisteren', undefined, 422, 'after'],
        ['GET', `/api/staff/queue?q=${'x'.repeat(300)}`, undefined, 422, 'q'],
        ['GET', '/api/staff/items/niet-een-id', undefined, 422, 'id'],
        ['POST', `/api/staff/items/${id}/decision`, { decision: 'publish' }, 422, 'version'],
        ['POST', `/api/staff/items/${id}/decision`, { version, decision: 'weg' }, 422, 'decision'],
        ['POST', `/api/staff/items/${id}/decision`, { version, decision: 'reject' }, 422, 'rule'],
        ['POST', `/api/staff/items/${id}/decision`, { version, decision: 'reject', rule: 'verzonnen' }, 422, 'rule'],
        ['POST', `/api/staff/items/${id}/decision`, { version, decision: 'publish', extra: 1 }, 422, 'body'],
        [
          'PUT',
          `/api/staff/items/${id}/assignment`,
          { version, department: 'verkeer', person: null },
          422,
          'department',
        ],
        [
          'PUT',
          `/api/staff/items/${id}/assignment`,
          { version, department: '00000000-0000-4000-8000-000000000000', person: null },
          422,
          'department',
        ],
        ['POST', `/api/staff/items/${id}/answer`, { version, body: '   ', language: 'nl' }, 422, 'body'],
        ['POST', `/api/staff/items/${id}/answer`, { version, body: 'Dag {naam}', language: 'nl' }, 422, 'body'],
        ['POST', `/api/staff/items/${id}/answer`, { version, body: 'x'.repeat(5001), language: 'nl' }, 422, 'body'],
        ['POST', `/api/staff/items/${id}/answer`, { version, body: 'Dank u.', language: 'de' }, 422, 'language'],
        ['POST', `/api/staff/items/${id}/notes`, { version, body: 'x'.repeat(1001) }, 422, 'body'],
      ];
      for (const [method, path, body, status, field] of cases) {
        const problem = await refusal(await withKey(t, key, method, path, body), status);
        assert.ok(
          problem.errors?.some((e) => e.field === field && e.message.length > 0),
          `${method} ${path} ${JSON.stringify(body)?.slice(0, 80)}: ${JSON.stringify(problem.errors)}`,
        );
      }
      const unknown = await refusal(
        await withKey(t, key, 'POST', '/api/staff/items/00000000-0000-4000-8000-000000000000/decision', {
          version: 1,
          decision: 'publish',
        }),
        404,
      );
      assert.match(unknown.title, /bestaat niet/);
      const notJson = await withKey(t, key, 'POST', `/api/staff/items/${id}/decision`, undefined, {
        'Content-Type': 'text/plain',
      });
      assert.equal(notJson.status, 415);
      const after = await itemOf(id);
      assert.equal(after.version, version, 'nothing was saved');
      assert.equal(after.state, 'new');
    });

    it('keeps the queue from a role without it, and a decision from a role that may only read', async () => {
      assert.equal((await withKey(t, analystKey, 'GET', '/api/staff/queue')).status, 403);
      const readerKey = await apiKeyFor(
        t,
        await addStaffUser(t, 'reader@queue-api.example', 'department_member', { department: 'verkeer' }),
      );
      const id = await submit('Nog een idee.');
      const { version } = await itemOf(id);
      const response = await withKey(t, readerKey, 'POST', `/api/staff/items/${id}/decision`, {
        version,
        decision: 'publish',
      });
      assert.equal(response.status, 403);
    });
  });
}
