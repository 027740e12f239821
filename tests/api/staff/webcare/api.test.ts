/**
 * Reply templates and routing rules as JSON (api/staff/webcare/api.ts): the same services as
 * their pages, so a template made here is the one webcare inserts and a rule made here routes
 * new input; refused input names its field, in the caller's language; only administrators.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, desc, eq } from 'drizzle-orm';
import { auditLog, departments, replyTemplates, routingRules, topics } from '../../../../api/db/schema.ts';
import { routeFor } from '../../../../api/services/webcare/routing.ts';
import type { StaffRole } from '../../../../api/services/auth/roles.ts';
import { openTestApp, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, apiKeyFor, keysWithout, refusedToAll, refusals, withKey } from '../../../support/staff.ts';

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
type Refused = { status: number; errors: Array<{ field: string; message: string }>; title: string };

for (const target of databaseTargets()) {
  describe(`reply templates and routing rules as JSON (${target.name})`, () => {
    let t: TestApp;
    let key: string;
    let others: Map<StaffRole, string>;
    let traffic: string;
    let webcareId: string;

    before(async () => {
      t = await openTestApp(target);
      key = await apiKeyFor(t, await addStaffUser(t, 'admin@webcare-api.example', 'administrator'));
      webcareId = await addStaffUser(t, 'webcare@webcare-api.example', 'webcare');
      others = await keysWithout(t, 'admin', 'webcare-api');
      const [department] = await t.db.select().from(departments).where(eq(departments.slug, 'verkeer'));
      traffic = department!.id;
    });
    after(() => t.close());

    const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
      withKey(t, key, method, path, body, headers);
    const refused = async (response: Response | Promise<Response>) => {
      const answer = await response;
      return { status: answer.status, ...((await answer.json()) as Omit<Refused, 'status'>) };
    };

    it('adds, lists, replaces and removes a template, each audited', async () => {
      const added = await call('POST', '/api/staff/reply-templates', {
        title: { nl: 'Bedankt', en: 'Thanks' },
        body: { nl: 'Dank voor uw reactie op {consultatie}.' },
      });
      assert.equal(added.status, 201);
      const template = (await added.json()) as { id: string; title: { nl: string; en?: string }; body: object };
      assert.deepEqual(template.title, { nl: 'Bedankt', en: 'Thanks' });
      assert.deepEqual(template.body, { nl: 'Dank voor uw reactie op {consultatie}.' });

      const list = (await (await call('GET', '/api/staff/reply-templates')).json()) as {
        templates: Array<{ id: string }>;
      };
      assert.ok(list.templates.some((row) => row.id === template.id));

      const saved = await call('PUT', `/api/staff/reply-templates/${template.id}`, {
        title: { nl: 'Dank u' },
        body: { nl: 'Dank u.', en: 'Thank you.' },
      });
      assert.equal(saved.status, 200);
      assert.deepEqual(((await saved.json()) as { title: object }).title, { nl: 'Dank u' });
      const [row] = await t.db.select().from(replyTemplates).where(eq(replyTemplates.id, template.id));
      assert.deepEqual(row!.body, { nl: 'Dank u.', en: 'Thank you.' });

      assert.equal((await call('DELETE', `/api/staff/reply-templates/${template.id}`)).status, 204);
      assert.equal((await t.db.select().from(replyTemplates).where(eq(replyTemplates.id, template.id))).length, 0);
      const actions = (
        await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subjectId, template.id))
      ).map((entry) => entry.action);
      assert.deepEqual(actions.sort(), ['reply_template.created', 'reply_template.deleted', 'reply_template.updated']);
    });

    it('refuses a template without a Dutch title or text, too long, with extra fields, or unknown', async () => {
      const good = { title: { nl: 'Titel' }, body: { nl: 'Tekst' } };
      const cases: Array<[unknown, string, RegExp]> = [
        [{ ...good, title: { nl: '  ' } }, 'title.nl', /Vul dit in/],
        [{ ...good, body: {} }, 'body.nl', /Vul dit in/],
        [{ ...good, title: { nl: 'x'.repeat(201) } }, 'title.nl', /maximaal 200 tekens/],
        [{ ...good, colour: 'red' }, 'body', /.+/],
        [{ title: 'Titel', body: { nl: 'Tekst' } }, 'title', /.+/],
      ];
      for (const [input, field, message] of cases) {
        const answer = await refused(call('POST', '/api/staff/reply-templates', input));
        assert.equal(answer.status, 422, JSON.stringify(input));
        assert.equal(answer.errors[0]?.field, field, JSON.stringify(input));
        assert.match(answer.errors[0]!.message, message, JSON.stringify(input));
      }
      const missing = await refused(
        call('PUT', `/api/staff/reply-templates/${NO_SUCH_ID}`, good, { 'Accept-Language': 'en' }),
      );
      assert.equal(missing.status, 404);
      assert.match(missing.title, /reply template does not exist/);
      assert.equal((await call('DELETE', `/api/staff/reply-templates/${NO_SUCH_ID}`)).status, 404);
      assert.equal((await call('DELETE', '/api/staff/reply-templates/bedankt')).status, 422);
    });

    it('adds a routing rule the router follows, refuses a second for the same topic and channel, and removes it', async () => {
      const added = await call('POST', '/api/staff/routing-rules', {
        topic: 'mobiliteit',
        channel: 'widget',
        departmentId: traffic,
        personId: webcareId,
      });
      assert.equal(added.status, 201);
      const rule = (await added.json()) as { id: string; topic: { slug: string }; channel: string; personId: string };
      assert.equal(rule.topic.slug, 'mobiliteit');
      assert.equal(rule.personId, webcareId);
      const list = (await (await call('GET', '/api/staff/routing-rules')).json()) as { rules: Array<{ id: string }> };
      assert.ok(list.rules.some((row) => row.id === rule.id));
      const [topic] = await t.db.select().from(topics).where(eq(topics.slug, 'mobiliteit'));
      const route = (channel: 'widget' | 'portal') =>
        routeFor(t.db, { organisationId: topic!.organisationId, topicId: topic!.id, channel });
      assert.deepEqual(await route('widget'), { departmentId: traffic, staffUserId: webcareId });
      assert.deepEqual(await route('portal'), { departmentId: null, staffUserId: null });

      const twice = await refused(
        call(
          'POST',
          '/api/staff/routing-rules',
          { topic: 'mobiliteit', channel: 'widget', departmentId: traffic, personId: null },
          { 'Accept-Language': 'en' },
        ),
      );
      assert.equal(twice.status, 409);
      assert.match(twice.title, /already is a rule for this topic and channel/);

      assert.equal((await call('DELETE', `/api/staff/routing-rules/${rule.id}`)).status, 204);
      assert.equal((await t.db.select().from(routingRules).where(eq(routingRules.id, rule.id))).length, 0);
      const [entry] = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.subjectId, rule.id), eq(auditLog.action, 'routing_rule.deleted')))
        .orderBy(desc(auditLog.at));
      assert.ok(entry);
      assert.equal((await call('DELETE', `/api/staff/routing-rules/${rule.id}`)).status, 404);
    });

    it('refuses a routing rule for an unknown topic, department or person, or for nobody, per field', async () => {
      const good = { topic: 'mobiliteit', channel: null, departmentId: traffic, personId: null };
      const cases: Array<[unknown, string, RegExp]> = [
        [{ ...good, topic: 'bestaat-niet' }, 'topic', /onderwerp bestaat niet/],
        [{ ...good, departmentId: NO_SUCH_ID }, 'departmentId', /afdeling bestaat niet/],
        [{ ...good, personId: NO_SUCH_ID }, 'personId', /medewerker bestaat niet/],
        [{ ...good, departmentId: null }, 'departmentId', /Kies een afdeling, een medewerker/],
        [{ ...good, channel: 'fax' }, 'channel', /.+/],
        [{ ...good, departmentId: 'verkeer' }, 'departmentId', /.+/],
        [{ channel: null, departmentId: traffic, personId: null }, 'topic', /Vul dit in/],
      ];
      for (const [input, field, message] of cases) {
        const answer = await refused(call('POST', '/api/staff/routing-rules', input));
        assert.equal(answer.status, 422, JSON.stringify(input));
        assert.equal(answer.errors[0]?.field, field, JSON.stringify(input));
        assert.match(answer.errors[0]!.message, message, JSON.stringify(input));
      }
      assert.equal((await t.db.select().from(routingRules)).length, 0, 'nothing was saved');
    });

    it('refuses every operation anonymously (401) and to every role but administrators (403)', async () => {
      const operations: Array<[string, string, unknown?]> = [
        ['GET', '/api/staff/reply-templates'],
        ['POST', '/api/staff/reply-templates', { title: { nl: 'T' }, body: { nl: 'B' } }],
        ['PUT', `/api/staff/reply-templates/${NO_SUCH_ID}`, { title: { nl: 'T' }, body: { nl: 'B' } }],
        ['DELETE', `/api/staff/reply-templates/${NO_SUCH_ID}`],
        ['GET', '/api/staff/routing-rules'],
        [
          'POST',
          '/api/staff/routing-rules',
          { topic: 'mobiliteit', channel: null, departmentId: traffic, personId: null },
        ],
        ['DELETE', `/api/staff/routing-rules/${NO_SUCH_ID}`],
      ];
      for (const [method, path, body] of operations) {
        const statuses = await refusals(t, others, method, path, body);
        assert.deepEqual(statuses, refusedToAll(others), `${method} ${path}`);
      }
      assert.equal((await t.db.select().from(routingRules)).length, 0, 'nothing was saved');
    });
  });
}
