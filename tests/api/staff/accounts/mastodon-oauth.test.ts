/**
 * Connecting a Mastodon account through OAuth on the accounts page, against the local instance
 * (tests/support/mastodon-oauth-server.ts): the start registers Podium once and sends the
 * administrator on with a state and a PKCE challenge; the way back connects the account in the
 * session that started, once; refusals (a malformed or private address, a state of another
 * session or none, a denied authorization, the token endpoint's errors) are said on the page in
 * Dutch and English and store nothing; disconnecting revokes the token at the instance.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditLog, mastodonApps, mastodonAuthorizations, socialAccounts } from '../../../../api/db/schema.ts';
import { MASTODON_SCOPES } from '../../../../api/services/social/mastodon-oauth.ts';
import { NOW, openTestApp, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { startPlatformServer, type PlatformServer } from '../../../support/platform-server.ts';
import { addStaffUser, logIn, staffPost } from '../../../support/staff.ts';

type Caller = { cookie: string; csrf: string };
const unescape = (value: string) => value.replaceAll('&amp;', '&');

for (const target of databaseTargets()) {
  describe(`connecting a Mastodon account through OAuth (${target.name})`, () => {
    let t: TestApp;
    let platform: PlatformServer;
    let admin: Caller;
    let otherAdmin: Caller;
    let secretKey: Buffer | undefined = randomBytes(32);
    let now = NOW;

    before(async () => {
      t = await openTestApp(target, {
        socialPosting: () => ({ secretKey, allowPrivateHosts: true }),
        now: () => now,
      });
      platform = await startPlatformServer();
      await addStaffUser(t, 'admin@demodam.example', 'administrator');
      await addStaffUser(t, 'admin2@demodam.example', 'administrator');
      admin = await logIn(t, 'admin@demodam.example');
      otherAdmin = await logIn(t, 'admin2@demodam.example');
    });
    after(async () => {
      await platform.close();
      await t.close();
    });

    const begin = (instance: string, caller = admin, lang = 'nl') =>
      staffPost(
        t,
        '/beheer/sociale-accounts/mastodon',
        [
          ['csrf', caller.csrf],
          ['lang', lang],
          ['instance', instance],
        ],
        caller.cookie,
      );
    /** Starts and returns the authorize address the page links to. */
    const authorizeUrl = async (caller = admin, lang = 'nl') => {
      const response = await begin(platform.origin, caller, lang);
      assert.equal(response.status, 200);
      const href = (await response.text()).match(/href="([^"]*\/oauth\/authorize\?[^"]*)"/)?.[1];
      assert.ok(href, 'the page links to the instance');
      return new URL(unescape(href));
    };
    /** The administrator's choice on the instance's page; the address it sends the browser back to. */
    const decide = async (url: URL, decision: 'approve' | 'deny') => {
      const send = () =>
        fetch(`${platform.origin}/oauth/authorize`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams([...url.searchParams, ['decision', decision]]),
          redirect: 'manual',
        });
      // A kept-alive connection the local server closed just then (ECONNRESET on a busy machine) is tried once more.
      const response = await send().catch(async (error: Error & { cause?: { code?: string } }) => {
        if (error.cause?.code !== 'ECONNRESET') throw error;
        return send();
      });
      assert.equal(response.status, 302);
      return new URL(response.headers.get('location')!);
    };
    const back = async (url: URL, caller = admin) => {
      const response = await t.app.request(`${url.pathname}${url.search}`, { headers: { Cookie: caller.cookie } });
      assert.equal(response.status, 303);
      const location = response.headers.get('location')!;
      const page = await t.app.request(location, { headers: { Cookie: caller.cookie } });
      return { location, page: await page.text() };
    };
    const accounts = () => t.db.select().from(socialAccounts);

    it('refuses an empty, malformed or unreachable address in the form’s language, keeping what was typed', async () => {
      const empty = await begin('  ');
      assert.equal(empty.status, 422);
      const emptyPage = await empty.text();
      assert.match(emptyPage, /Vul het adres van de Mastodon-server in/);
      assert.match(emptyPage, /href="#mastodon-instance"/);
      assert.match(emptyPage, /id="mastodon-instance"[^>]*aria-invalid="true"/);

      const malformed = await begin('http://exa mple:99999', admin, 'en');
      assert.equal(malformed.status, 422);
      const malformedPage = await malformed.text();
      assert.match(malformedPage, /This is not the address of a public server Podium can reach/);
      assert.ok(malformedPage.includes('value="http://exa mple:99999"'));

      const nobody = await begin('http://127.0.0.1:9');
      assert.equal(nobody.status, 422);
      assert.match(await nobody.text(), /De server antwoordde niet zoals een Mastodon-server/);
      assert.equal((await t.db.select().from(mastodonApps)).length, 0);
    });

    it('says so when the instance refuses to register Podium, and registers nothing', async () => {
      platform.oauth.refuseRegistrations = true;
      try {
        const response = await begin(platform.origin, admin, 'en');
        assert.equal(response.status, 422);
        assert.match(await response.text(), /The server refuses to register Podium as an application/);
      } finally {
        platform.oauth.refuseRegistrations = false;
      }
      assert.equal((await t.db.select().from(mastodonApps)).length, 0);
    });

    it('refuses to start without PODIUM_SECRET_KEY, before anything is registered', async () => {
      const kept = secretKey;
      secretKey = undefined;
      try {
        const response = await begin(platform.origin);
        assert.equal(response.status, 422);
        assert.match(await response.text(), /Podium koppelt geen account zonder sleutel/);
      } finally {
        secretKey = kept;
      }
      assert.equal(platform.oauth.apps.size, 0);
    });

    it('registers Podium once with its callback and narrow scopes, and asks with a state and an S256 challenge', async () => {
      const first = await authorizeUrl();
      const second = await authorizeUrl();
      assert.equal(platform.oauth.apps.size, 1, 'the application is reused');
      const [app] = [...platform.oauth.apps.values()];
      assert.deepEqual(app!.redirectUris, ['http://localhost/beheer/sociale-accounts/mastodon/terug']);
      assert.equal(app!.scopes.join(' '), MASTODON_SCOPES);
      const [row] = await t.db.select().from(mastodonApps);
      assert.ok(!row!.credentialsSealed.includes(app!.clientSecret), 'the client secret is sealed');
      assert.ok(!row!.credentialsSealed.includes(first.searchParams.get('client_id')!), 'the client id is sealed');
      for (const url of [first, second]) {
        assert.equal(url.origin, platform.origin);
        assert.equal(url.searchParams.get('response_type'), 'code');
        assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
        assert.match(url.searchParams.get('code_challenge') ?? '', /^[A-Za-z0-9_-]{43}$/);
        assert.match(url.searchParams.get('state') ?? '', /^[A-Za-z0-9_-]{43}$/);
      }
      assert.notEqual(first.searchParams.get('state'), second.searchParams.get('state'));
      // The state is kept only as its hash.
      const states = (await t.db.select().from(mastodonAuthorizations)).map((a) => a.id);
      assert.ok(!states.includes(first.searchParams.get('state')!));
      assert.ok(states.includes(createHash('sha256').update(first.searchParams.get('state')!).digest('base64url')));
    });

    it('refuses an answer without a state, with an unknown one, or in another administrator’s session', async () => {
      const none = await back(new URL('http://localhost/beheer/sociale-accounts/mastodon/terug?code=abc'));
      assert.match(none.location, /mastodon=expired/);
      assert.match(none.page, /de toestemming kwam niet binnen 10 minuten terug, of hoort niet bij deze sessie/);

      const odd = await back(
        new URL(`http://localhost/beheer/sociale-accounts/mastodon/terug?state=${'x'.repeat(500)}&code=abc`),
      );
      assert.match(odd.location, /mastodon=expired/);

      const url = await authorizeUrl();
      const returned = await decide(url, 'approve');
      const stolen = await back(returned, otherAdmin);
      assert.match(stolen.location, /mastodon=expired/);
      // The state was used up by the wrong session: the right one cannot use it after.
      const late = await back(returned);
      assert.match(late.location, /mastodon=expired/);
      assert.equal((await accounts()).length, 0);
    });

    it('refuses an answer that comes back after ten minutes', async () => {
      const url = await authorizeUrl();
      const returned = await decide(url, 'approve');
      now = new Date(NOW.getTime() + 11 * 60 * 1000);
      try {
        const late = await back(returned);
        assert.match(late.location, /mastodon=expired/);
      } finally {
        now = NOW;
      }
      assert.equal((await accounts()).length, 0);
    });

    it('says the administrator declined, in the language they started in, with the server filled in', async () => {
      const url = await authorizeUrl(admin, 'en');
      const returned = await decide(url, 'deny');
      assert.equal(returned.searchParams.get('error'), 'access_denied');
      const { location, page } = await back(returned);
      assert.match(location, /^\/en\/manage\/social-accounts\?mastodon=denied/);
      assert.match(page, /You did not give permission on the Mastodon server/);
      assert.ok(page.includes(`value="${platform.origin}"`));
      assert.match(page, /href="#mastodon-instance"/);
      assert.equal((await accounts()).length, 0);
    });

    it('says so when the instance sends another error back', async () => {
      const url = await authorizeUrl();
      const { page } = await back(
        new URL(
          `http://localhost/beheer/sociale-accounts/mastodon/terug?state=${url.searchParams.get('state')}&error=server_error`,
        ),
      );
      assert.match(page, /De Mastodon-server stuurde een fout terug/);
    });

    it('refuses when the token endpoint refuses the code or fails, and keeps nothing', async () => {
      for (const [trouble, sentence] of [
        ['invalid_grant', /wilde de toestemming niet omzetten in toegang/],
        ['server_error', /De server antwoordde niet zoals een Mastodon-server/],
      ] as const) {
        const returned = await decide(await authorizeUrl(), 'approve');
        platform.oauth.tokenTrouble = trouble;
        const { location, page } = await back(returned);
        assert.match(location, trouble === 'invalid_grant' ? /mastodon=token_error/ : /mastodon=unreachable/);
        assert.match(page, sentence);
      }
      assert.equal((await accounts()).length, 0);
    });

    it('refuses a code exchanged with another verifier (PKCE) at the instance', async () => {
      const url = await authorizeUrl();
      const returned = await decide(url, 'approve');
      const [app] = [...platform.oauth.apps.entries()];
      const response = await fetch(`${platform.origin}/oauth/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code: returned.searchParams.get('code')!,
          client_id: app![0],
          client_secret: app![1].clientSecret,
          redirect_uri: url.searchParams.get('redirect_uri')!,
          code_verifier: 'not-the-verifier-not-the-verifier-not-the-verifier',
        }),
      });
      assert.equal(response.status, 400);
      assert.equal(((await response.json()) as { error: string }).error, 'invalid_grant');
    });

    it('connects the account after consent, sealed and audited without any secret, and revokes it at the instance on disconnecting', async () => {
      const returned = await decide(await authorizeUrl(), 'approve');
      const { location, page } = await back(returned);
      const handle = `@gemeente@${new URL(platform.origin).host}`;
      assert.match(location, /^\/beheer\/sociale-accounts\?klaar=gekoppeld/);
      assert.match(page, new RegExp(`Het account ${handle} is gekoppeld`));
      const [row] = await accounts();
      assert.ok(row!.mastodonAppId, 'the account remembers its application');
      const [token] = [...platform.tokens.entries()].find(([, user]) => user === 'gemeente') ?? [];
      assert.ok(token && !row!.tokenSealed!.includes(token));
      assert.ok(!page.includes(token));
      const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'social_account.connected'));
      assert.equal((entry!.details as { through?: string }).through, 'oauth');
      assert.doesNotMatch(JSON.stringify(await t.db.select().from(auditLog)), new RegExp(token));
      // The code is single-use: the same answer again connects nothing more.
      const again = await back(returned);
      assert.match(again.location, /mastodon=expired/);

      const revoke = await staffPost(
        t,
        `/beheer/sociale-accounts/${row!.id}/intrekken`,
        [['csrf', admin.csrf]],
        admin.cookie,
      );
      assert.equal(revoke.status, 303);
      const revokedPage = await t.app.request(revoke.headers.get('location')!, { headers: { Cookie: admin.cookie } });
      assert.match(await revokedPage.text(), /het token is hier verwijderd en op de Mastodon-server ingetrokken/);
      assert.deepEqual(platform.oauth.revoked, [token]);
      assert.ok(!platform.tokens.has(token));
      const [revoked] = await accounts();
      assert.equal(revoked!.tokenSealed, null);
    });

    it('says when the instance could not revoke the token, while it is deleted here all the same', async () => {
      const returned = await decide(await authorizeUrl(), 'approve');
      await back(returned);
      const [row] = (await accounts()).filter((a) => !a.revokedAt);
      // The instance forgot Podium's application: its revoke endpoint refuses the client.
      platform.oauth.apps.clear();
      const revoke = await staffPost(
        t,
        `/beheer/sociale-accounts/${row!.id}/intrekken`,
        [
          ['csrf', admin.csrf],
          ['lang', 'en'],
        ],
        admin.cookie,
      );
      const revokedPage = await t.app.request(revoke.headers.get('location')!, { headers: { Cookie: admin.cookie } });
      assert.match(await revokedPage.text(), /the Mastodon server could not revoke it/);
      const [after] = await t.db.select().from(socialAccounts).where(eq(socialAccounts.id, row!.id));
      assert.equal(after!.tokenSealed, null);
    });

    it('registers anew after the instance forgot Podium’s application (invalid_client at the token endpoint)', async () => {
      // Forgotten above already; a fresh registration first, then the instance forgets it between consent and exchange.
      await t.db.delete(mastodonApps);
      const returned = await decide(await authorizeUrl(), 'approve');
      platform.oauth.apps.clear();
      const refused = await back(returned);
      assert.match(refused.location, /mastodon=token_error/);
      assert.equal((await t.db.select().from(mastodonApps)).length, 0, 'the forgotten application is dropped');
      const { page } = await back(await decide(await authorizeUrl(), 'approve'));
      assert.equal(platform.oauth.apps.size, 1);
      assert.match(page, /is gekoppeld/);
    });
  });
}
