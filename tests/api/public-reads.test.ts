import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTestApp, type TestApp } from '../support/app.ts';
import { databaseTargets } from '../support/databases.ts';

for (const target of databaseTargets()) {
  describe(`public reads (${target.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(target);
    });
    after(() => t.close());

    it('reports health with the kind of database', async () => {
      const response = await t.app.request('/api/health');
      assert.equal(response.status, 200);
      const body = await response.json();
      assert.equal(body.status, 'ok');
      assert.equal(body.database, target.name === 'PGlite' ? 'pglite' : 'postgres');
    });

    it('lists topics in their order', async () => {
      const topics = await (await t.app.request('/api/topics')).json();
      assert.deepEqual(
        topics.map((topic: { slug: string }) => topic.slug),
        ['mobiliteit', 'openbare-ruimte'],
      );
    });

    it('lists consultations with their public status, soonest closing first', async () => {
      const list = await (await t.app.request('/api/consultations')).json();
      assert.deepEqual(
        list.map((c: { slug: string; status: string }) => `${c.slug}:${c.status}`),
        ['parkeren-centrum:decided', 'fietsroute-stationsstraat:open'],
      );
    });

    it('filters consultations by topic', async () => {
      const list = await (await t.app.request('/api/consultations?topic=openbare-ruimte')).json();
      assert.deepEqual(list, []);
    });

    it('returns one consultation with all four kinds of question', async () => {
      const consultation = await (await t.app.request('/api/consultations/fietsroute-stationsstraat')).json();
      assert.deepEqual(consultation.questions.map((q: { kind: string }) => q.kind).sort(), [
        'multiple_choice',
        'open_text',
        'scale',
        'single_choice',
      ]);
      assert.equal(consultation.responseDays, 10);
      assert.equal(consultation.submissionCount, 6);
    });

    it('answers unknown things with a problem document', async () => {
      for (const path of ['/api/consultations/bestaat-niet', '/api/topics/bestaat-niet', '/api/bestaat-niet']) {
        const response = await t.app.request(path);
        assert.equal(response.status, 404, path);
        assert.match(response.headers.get('Content-Type') ?? '', /problem\+json/, path);
      }
    });

    it('refuses a slug that is far too long', async () => {
      const response = await t.app.request(`/api/consultations/${'a'.repeat(500)}`);
      assert.equal(response.status, 422);
    });

    it('describes itself in an OpenAPI 3.1 document generated from the validating schemas', async () => {
      const document = await (await t.app.request('/api/openapi.json')).json();
      assert.equal(document.openapi, '3.1.0');
      const post = document.paths['/api/consultations/{slug}/submissions'].post;
      assert.ok(post.requestBody.content['application/json'].schema);
      assert.ok(post.responses['422']);
      assert.ok(document.components.schemas.Problem);
      assert.ok(document.components.schemas.SubmissionRequest.properties.answers);
    });
  });
}
