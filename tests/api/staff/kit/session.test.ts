/**
 * The staff middleware on a tiny Hono app of its own: no workbench routes, so these tests
 * show what the middleware does by itself (api/staff/kit/session.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Hono } from 'hono';
import type { Database } from '../../../../api/db/client.ts';
import { seedDemoData } from '../../../../api/services/seed.ts';
import { startSession } from '../../../../api/services/auth/sessions.ts';
import type { StaffEnv } from '../../../../api/staff/kit/guards.ts';
import { sameOrigin, staffHeaders, staffSession } from '../../../../api/staff/kit/session.ts';
import { NOW } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, ORIGIN } from '../../../support/staff.ts';

const HOUR = 60 * 60 * 1000;

function tinyApp(database: Database, now: () => Date, options: { publicUrl?: string } = {}) {
  const app = new Hono<StaffEnv>();
  app.use(async (c, next) => {
    c.set('db', database.db);
    c.set('now', now);
    await next();
  });
  app.use('/beheer/*', staffHeaders());
  app.use('/beheer/*', sameOrigin(options));
  app.use('/beheer/*', staffSession(options));
  app.get('/beheer/who', (c) => c.text(c.get('session')?.user.displayName ?? 'nobody'));
  app.post('/beheer/who', (c) => c.text(c.get('session')?.user.displayName ?? 'nobody'));
  app.get('/beheer/assets/x.css', (c) => c.text(c.get('session') ? 'with session' : 'no session'));
  return app;
}

for (const target of databaseTargets()) {
  describe(`staff session middleware (${target.name})`, () => {
    let database: Database;
    let token: string;
    before(async () => {
      database = await target.open();
      await database.migrate();
      await seedDemoData(database.db, NOW);
      const userId = await addStaffUser({ db: database.db }, 'mia@session-test.example', 'moderator');
      token = (await startSession(database.db, { id: userId }, NOW)).token;
    });
    after(() => database.close());

    it('puts the session named by the cookie on the request', async () => {
      const app = tinyApp(database, () => NOW);
      const response = await app.request('/beheer/who', { headers: { Cookie: `podium_session=${token}` } });
      assert.equal(await response.text(), 'mia');
    });

    it('leaves the session empty without a cookie, and for a token that names no session', async () => {
      const app = tinyApp(database, () => NOW);
      assert.equal(await (await app.request('/beheer/who')).text(), 'nobody');
      const unknown = await app.request('/beheer/who', { headers: { Cookie: 'podium_session=not-a-token' } });
      assert.equal(await unknown.text(), 'nobody');
      assert.match(
        unknown.headers.get('Set-Cookie') ?? '',
        /^podium_session=;.*Max-Age=0/,
        'the stale cookie is cleared',
      );
    });

    it('reads the __Host- cookie when the public address is https', async () => {
      const app = tinyApp(database, () => NOW, { publicUrl: 'https://podium.example' });
      const plain = await app.request('/beheer/who', { headers: { Cookie: `podium_session=${token}` } });
      assert.equal(await plain.text(), 'nobody');
      const secure = await app.request('/beheer/who', { headers: { Cookie: `__Host-podium_session=${token}` } });
      assert.equal(await secure.text(), 'mia');
    });

    it('restarts the idle timer on every request, so a used session outlives thirty minutes', async () => {
      let now = NOW;
      const app = tinyApp(database, () => now);
      const cookie = { Cookie: `podium_session=${token}` };
      for (const minutes of [20, 40, 60]) {
        now = new Date(NOW.getTime() + minutes * 60 * 1000);
        assert.equal(await (await app.request('/beheer/who', { headers: cookie })).text(), 'mia', `${minutes} min`);
      }
      now = new Date(NOW.getTime() + 2 * HOUR);
      assert.equal(await (await app.request('/beheer/who', { headers: cookie })).text(), 'nobody');
    });

    it('does not look up the session for the shared assets, and does not mark them uncacheable', async () => {
      const app = tinyApp(database, () => NOW);
      const response = await app.request('/beheer/assets/x.css', { headers: { Cookie: 'podium_session=x' } });
      assert.equal(await response.text(), 'no session');
      assert.equal(response.headers.get('Set-Cookie'), null);
      assert.equal(response.headers.get('Cache-Control'), null);
    });

    it('marks staff pages as never cached, framed or indexed', async () => {
      const response = await tinyApp(database, () => NOW).request('/beheer/who');
      assert.equal(response.headers.get('Cache-Control'), 'no-store');
      assert.equal(response.headers.get('X-Robots-Tag'), 'noindex, nofollow');
      assert.match(response.headers.get('Content-Security-Policy') ?? '', /frame-ancestors 'none'/);
    });

    it('refuses a form post from another origin with a page in Dutch or English, and lets our own through', async () => {
      const app = tinyApp(database, () => NOW, { publicUrl: 'https://podium.example' });
      const post = (origin: string) =>
        app.request('/beheer/who', {
          method: 'POST',
          headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
          body: 'a=b',
        });
      const refused = await post('https://evil.example');
      assert.equal(refused.status, 403);
      assert.match(refused.headers.get('Content-Type') ?? '', /text\/html/);
      assert.match(await refused.text(), /<html lang="nl"/);
      assert.equal((await post(ORIGIN)).status, 200);
      assert.equal((await post('https://podium.example')).status, 200, 'the public address is ours too');
    });
  });
}
