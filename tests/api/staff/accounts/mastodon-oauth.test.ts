/**
 * Connecting a Mastodon account through OAuth on the accounts page, against the local instance
 * (tests/support/mastodon-oauth-server.ts): the start registers Podium once and sends the
 * administrator on with a state and a PKCE challenge; the way back connects the account in the
 * session that started, once; refusals (a malformed or private address, a state of another
 * session or none, a denied authorization, the token endpoint's errors) are said on the page in
 * Dutch and English, store nothing and are audited without any secret; reconnecting revokes the
 * replaced token at the instance (and says so when it could not); disconnecting revokes the
 * token at the instance.
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
    /** The refusals audited since `since` (an audit id), reason and details. */
    const refusals = async (since: number) =>
      (await t.db.select().from(auditLog).where(eq(auditLog.action, 'social_account.connect_refused')))
        .filter((e) => e.id > since)
        .sort((a, b) => a.id - b.id)
        .map((e) => e.details as Record<string, string>);
    const lastAuditId = async () => Math.max(0, ...(await t.db.select().from(auditLog)).map((e) => e.id));
    /** Nothing the instance or Podium keeps secret in the audit log: codes, states, verifiers, tokens. */
    const assertNoSecretsAudited = async (...secrets: Array<string | null | undefined>) => {
      const log = JSON.stringify(await t.db.select().from(auditLog));
      for (const secret of [...secrets, ...platform.tokens.keys()]) {
        if (secret) assert.ok(!log.includes(secret), 'a secret reached the audit log');
      }
    };

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

    it('refuses and audits an answer without a state, with an unknown one, or in another administrator’s session', async () => {
      const since = await lastAuditId();
      const none = await back(new URL('http://localhost/beheer/sociale-accounts/mastodon/terug?code=abc'));
      assert.match(none.location, /mastodon=expired/);
      assert.match(none.page, /de toestemming kwam niet binnen 10 minuten terug, of was al gebruikt/);

      const odd = await back(
        new URL(`http://localhost/beheer/sociale-accounts/mastodon/terug?state=${'x'.repeat(500)}&code=abc`),
      );
      assert.match(odd.location, /mastodon=expired/);
      const unknown = await back(
        new URL('http://localhost/beheer/sociale-accounts/mastodon/terug?state=not-a-state-we-gave&code=abc'),
      );
      assert.match(unknown.location, /mastodon=expired/);

      const url = await authorizeUrl();
      const returned = await decide(url, 'approve');
      const stolen = await back(returned, otherAdmin);
      assert.match(stolen.location, /mastodon=other_session/);
      assert.match(stolen.page, /deze toestemming is in een andere sessie aangevraagd dan de uwe/);
      // The state was used up by the wrong session: the right one cannot use it after.
      const reused = await back(returned);
      assert.match(reused.location, /mastodon=expired/);
      assert.equal((await accounts()).length, 0);

      assert.deepEqual(await refusals(since), [
        { platform: 'mastodon', reason: 'expired', state: 'missing' },
        { platform: 'mastodon', reason: 'expired', state: 'missing' },
        { platform: 'mastodon', reason: 'expired', state: 'unknown' },
        { platform: 'mastodon', reason: 'other_session', instance: platform.origin },
        { platform: 'mastodon', reason: 'expired', state: 'unknown' },
      ]);
      const entries = (await t.db.select().from(auditLog)).filter((e) => e.id > since);
      const [admin1, admin2] = [entries[0]!.actorId, entries[3]!.actorId];
      assert.notEqual(admin1, admin2, 'the other session’s administrator is the one audited');
      await assertNoSecretsAudited(returned.searchParams.get('code'), returned.searchParams.get('state'));
    });

    it('says in English that the permission belongs to another session', async () => {
      const url = await authorizeUrl(admin, 'en');
      const stolen = await back(await decide(url, 'approve'), otherAdmin);
      assert.match(stolen.location, /^\/en\/manage\/social-accounts\?mastodon=other_session/);
      assert.match(stolen.page, /this permission was asked for in another session than yours/);
    });

    it('refuses and audits an answer that comes back after ten minutes', async () => {
      const since = await lastAuditId();
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
      assert.deepEqual(await refusals(since), [
        { platform: 'mastodon', reason: 'expired', instance: platform.origin, state: 'late' },
      ]);
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
      const [entry] = (await t.db.select().from(auditLog).where(eq(auditLog.action, 'social_account.connect_refused')))
        .sort((a, b) => a.id - b.id)
        .slice(-1);
      assert.deepEqual(entry!.details, {
        platform: 'mastodon',
        reason: 'denied',
        instance: platform.origin,
        error: 'access_denied',
      });
      assert.equal(entry!.subjectId, null);
      await assertNoSecretsAudited(returned.searchParams.get('state'));
    });

    it('says the administrator declined in Dutch too', async () => {
      const { location, page } = await back(await decide(await authorizeUrl(), 'deny'));
      assert.match(location, /^\/beheer\/sociale-accounts\?mastodon=denied/);
      assert.match(page, /U hebt op de Mastodon-server geen toestemming gegeven/);
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

    it('refuses and audits when the token endpoint refuses the code or fails, and keeps nothing', async () => {
      const since = await lastAuditId();
      const codes: Array<string | null> = [];
      for (const [trouble, lang, sentence] of [
        ['invalid_grant', 'nl', /wilde de toestemming niet omzetten in toegang/],
        ['server_error', 'nl', /De server antwoordde niet zoals een Mastodon-server/],
        ['invalid_grant', 'en', /would not turn the permission into access/],
      ] as const) {
        const returned = await decide(await authorizeUrl(admin, lang), 'approve');
        codes.push(returned.searchParams.get('code'), returned.searchParams.get('state'));
        platform.oauth.tokenTrouble = trouble;
        const { location, page } = await back(returned);
        assert.match(location, trouble === 'invalid_grant' ? /mastodon=token_error/ : /mastodon=unreachable/);
        assert.match(page, sentence);
      }
      assert.equal((await accounts()).length, 0);
      assert.deepEqual(
        (await refusals(since)).map((d) => d.reason),
        ['token_error', 'unreachable', 'token_error'],
      );
      await assertNoSecretsAudited(...codes);
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

    it('revokes the replaced token at the instance when the account is connected again, after the new one is stored', async () => {
      const first = await back(await decide(await authorizeUrl(), 'approve'));
      assert.match(first.page, /is gekoppeld/);
      const [old] = (await accounts()).filter((a) => !a.revokedAt);
      const tokensBefore = new Set(platform.tokens.keys());
      const revokedBefore = platform.oauth.revoked.length;

      const second = await back(await decide(await authorizeUrl(), 'approve'));
      assert.match(second.location, /vorige=ingetrokken/);
      assert.match(second.page, /De vorige toegang van Podium tot dit account is op de Mastodon-server ingetrokken/);
      const active = (await accounts()).filter((a) => !a.revokedAt);
      assert.equal(active.length, 1);
      assert.notEqual(active[0]!.id, old!.id);
      const [newToken] = [...platform.tokens.keys()].filter((k) => !tokensBefore.has(k));
      assert.ok(newToken, 'the instance gave a new token');
      const revokedNow = platform.oauth.revoked.slice(revokedBefore);
      assert.equal(revokedNow.length, 1, 'exactly the old token was revoked');
      assert.ok(tokensBefore.has(revokedNow[0]!) && revokedNow[0] !== newToken);
      assert.ok(platform.tokens.has(newToken), 'the new token still opens the account');
      assert.equal(
        (await t.db.select().from(auditLog).where(eq(auditLog.action, 'social_account.replaced_token_not_revoked')))
          .length,
        0,
      );
    });

    it('keeps the new connection when the instance cannot revoke the replaced token, and audits and says so', async () => {
      const [old] = (await accounts()).filter((a) => !a.revokedAt);
      assert.ok(old, 'connected by the test before');
      const tokensBefore = new Set(platform.tokens.keys());
      const returned = await decide(await authorizeUrl(admin, 'en'), 'approve');
      platform.oauth.revokeTrouble = true;
      let result: Awaited<ReturnType<typeof back>>;
      try {
        result = await back(returned);
      } finally {
        platform.oauth.revokeTrouble = false;
      }
      assert.match(result.location, /vorige=niet-ingetrokken/);
      assert.match(result.page, /The account @gemeente@[^ ]+ is connected\./);
      assert.match(
        result.page,
        /the Mastodon server could not revoke Podium(&#39;|')s previous access to this account/,
      );
      const active = (await accounts()).filter((a) => !a.revokedAt);
      assert.equal(active.length, 1);
      assert.notEqual(active[0]!.id, old.id);
      assert.ok(active[0]!.tokenSealed, 'the new connection is kept');
      const [entry] = await t.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'social_account.replaced_token_not_revoked'));
      assert.equal(entry!.subjectId, active[0]!.id);
      assert.equal((entry!.details as { replaced: string }).replaced, old.id);
      await assertNoSecretsAudited(...tokensBefore);
      assert.ok(
        [...tokensBefore].every((k) => platform.tokens.has(k)),
        'the old token is still valid there',
      );
    });
  });
}
