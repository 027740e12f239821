import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTestApp, type TestApp } from '../support/app.ts';
import { databaseTargets } from '../support/databases.ts';

for (const target of databaseTargets()) {
  describe(`cross-origin calls from embedding pages (${target.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(target);
    });
    after(() => t.close());

    const preflight = (origin: string) =>
      t.app.request('/api/consultations/fietsroute-stationsstraat/submissions', {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type,idempotency-key',
        },
      });

    it('allows a listed origin, on any port where the pattern says so', async () => {
      for (const origin of ['http://localhost:8080', 'http://127.0.0.1:5173']) {
        const response = await preflight(origin);
        assert.equal(response.headers.get('Access-Control-Allow-Origin'), origin);
        assert.match(response.headers.get('Access-Control-Allow-Headers') ?? '', /Idempotency-Key/i);
      }
    });

    it('refuses an origin that is not listed', async () => {
      for (const origin of ['https://evil.example', 'http://localhost.evil.example:80', 'null']) {
        const response = await preflight(origin);
        assert.equal(response.headers.get('Access-Control-Allow-Origin'), null, origin);
        const read = await t.app.request('/api/consultations', { headers: { Origin: origin } });
        assert.equal(read.headers.get('Access-Control-Allow-Origin'), null, origin);
      }
    });
  });
}
