/**
 * The Mastodon OAuth service (api/services/social/mastodon-oauth.ts) beside the routes' tests:
 * the SSRF guard on instance addresses (PODIUM_IMPORT_ALLOW_PRIVATE), an application sealed
 * under a key that was changed since, and disconnecting an account whose token was pasted (no
 * client to revoke it with, so nothing is sent to the instance).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { mastodonApps, organisations, staffSessions } from '../../../api/db/schema.ts';
import { connectMastodonAccount } from '../../../api/services/social/accounts.ts';
import {
  beginMastodonAuthorization,
  disconnectAccount,
  type OAuthSettings,
} from '../../../api/services/social/mastodon-oauth.ts';
import { NOW, openTestApp, type TestApp } from '../../support/app.ts';
import { databaseTargets } from '../../support/databases.ts';
import { startPlatformServer, type PlatformServer } from '../../support/platform-server.ts';
import { addStaffUser, logIn } from '../../support/staff.ts';

for (const target of databaseTargets()) {
  describe(`Mastodon OAuth service (${target.name})`, () => {
    let t: TestApp;
    let platform: PlatformServer;
    let organisationId: string;
    let staffUserId: string;
    let staffSessionId: string;
    const key = randomBytes(32);
    const settings = (overrides: Partial<OAuthSettings> = {}): OAuthSettings => ({
      secretKey: key,
      allowPrivateHosts: true,
      publicUrl: 'https://podium.demodam.example',
      ...overrides,
    });

    before(async () => {
      t = await openTestApp(target);
      platform = await startPlatformServer();
      staffUserId = await addStaffUser(t, 'admin@demodam.example', 'administrator');
      await logIn(t, 'admin@demodam.example');
      const [org] = await t.db.select().from(organisations).where(eq(organisations.slug, 'demodam'));
      organisationId = org!.id;
      const [session] = await t.db.select().from(staffSessions).where(eq(staffSessions.staffUserId, staffUserId));
      staffSessionId = session!.id;
    });
    after(async () => {
      await platform.close();
      await t.close();
    });

    const begin = (instance: string, overrides: Partial<OAuthSettings> = {}) =>
      beginMastodonAuthorization(
        t.db,
        { organisationId, staffSessionId, instance, lang: 'nl', now: NOW },
        settings(overrides),
      );

    it('refuses private, loopback and plain-http instances unless PODIUM_IMPORT_ALLOW_PRIVATE is set, before any request', async () => {
      const guarded = { allowPrivateHosts: false };
      for (const instance of [
        platform.origin,
        'http://social.example.nl',
        'localhost',
        'https://10.0.0.8',
        'https://[::1]',
        'https://intranet',
      ]) {
        assert.deepEqual(await begin(instance, guarded), { kind: 'bad_instance' }, instance);
      }
      assert.equal(platform.requests.length, 0, 'nothing was sent');
      assert.equal((await begin(platform.origin)).kind, 'authorize');
    });

    it('builds the redirect URI on the public address and names the instance it goes to', async () => {
      const begun = await begin(`  ${platform.origin}/@gemeente  `);
      assert.equal(begun.kind, 'authorize');
      if (begun.kind !== 'authorize') return;
      assert.equal(begun.instanceUrl, platform.origin);
      const url = new URL(begun.url);
      assert.equal(
        url.searchParams.get('redirect_uri'),
        'https://podium.demodam.example/beheer/sociale-accounts/mastodon/terug',
      );
      assert.equal(url.searchParams.get('lang'), 'nl');
    });

    it('registers anew when the kept application was sealed under another key', async () => {
      const before = (await t.db.select().from(mastodonApps)).map((a) => a.id);
      assert.equal(before.length, 1);
      const begun = await begin(platform.origin, { secretKey: randomBytes(32) });
      assert.equal(begun.kind, 'authorize');
      const now = (await t.db.select().from(mastodonApps)).map((a) => a.id);
      assert.equal(now.length, 1);
      assert.notEqual(now[0], before[0]);
      assert.equal(platform.oauth.apps.size, 2);
    });

    it('disconnects a pasted token here only: Podium holds no client to revoke it with at the instance', async () => {
      platform.tokens.set('pasted-token-123456', 'gemeente');
      const connected = await connectMastodonAccount(
        t.db,
        { organisationId, staffUserId, instance: platform.origin, token: 'pasted-token-123456', now: NOW },
        settings(),
      );
      assert.equal(connected.kind, 'connected');
      if (connected.kind !== 'connected') return;
      const asked = platform.requests.length;
      const outcome = await disconnectAccount(
        t.db,
        { organisationId, staffUserId, accountId: connected.account.id, now: NOW },
        settings(),
      );
      assert.deepEqual(outcome, { kind: 'revoked', atInstance: 'not_applicable' });
      assert.ok(!platform.requests.slice(asked).includes('/oauth/revoke'));
      assert.ok(platform.tokens.has('pasted-token-123456'));
      assert.deepEqual(
        await disconnectAccount(
          t.db,
          { organisationId, staffUserId, accountId: connected.account.id, now: NOW },
          settings(),
        ),
        { kind: 'not_found' },
      );
    });
  });
}
