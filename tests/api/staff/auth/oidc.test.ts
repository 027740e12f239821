/**
 * Signing in through the organisation's identity provider (api/services/auth/oidc.ts,
 * api/staff/auth/oidc-routes.ts) against a real OpenID provider in this process: the whole
 * authorization code flow with PKCE, refusals of a wrong state, nonce, verifier or browser,
 * roles from the mapping table, linking by verified e-mail address, deactivated colleagues,
 * logging out at the provider, and a provider that is down.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { and, desc, eq } from 'drizzle-orm';
import {
  auditLog,
  departments,
  oidcSignIns,
  organisations,
  staffRoles,
  staffSessions,
  staffUsers,
} from '../../../../api/db/schema.ts';
import { createOidcProvider, OIDC_CALLBACK_PATH, type OidcProvider } from '../../../../api/services/auth/oidc.ts';
import { saveSsoMapping, type MappingRow } from '../../../../api/services/auth/sso-mappings.ts';
import { openTestApp, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { startOidcProvider, TEST_OIDC_CLIENT, type TestOidcProvider } from '../../../support/oidc-provider.ts';
import { addStaffUser, ORIGIN } from '../../../support/staff.ts';

const PUBLIC_URL = 'http://localhost';

/** Cookies per origin, enough for one browser walking through the provider. */
class Browser {
  private jar = new Map<string, Map<string, string>>();
  keep(origin: string, response: Response) {
    const cookies = this.jar.get(origin) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at);
      const value = pair!.slice(at + 1);
      if (/max-age=0|expires=Thu, 01 Jan 1970/i.test(line) || value === '') cookies.delete(name);
      else cookies.set(name, value);
    }
    this.jar.set(origin, cookies);
  }
  header(origin: string): string {
    return [...(this.jar.get(origin) ?? new Map()).entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

type Walk = { browser: Browser; callback: string };

for (const target of databaseTargets()) {
  describe(`signing in through the identity provider (${target.name})`, () => {
    let op: TestOidcProvider;
    let oidc: OidcProvider;
    let t: TestApp;
    let organisationId: string;
    let departmentId: string;

    before(async () => {
      op = await startOidcProvider({
        redirectUris: [`${PUBLIC_URL}${OIDC_CALLBACK_PATH}`],
        postLogoutRedirectUris: [`${PUBLIC_URL}/beheer/inloggen?uitgelogd`, `${PUBLIC_URL}/en/manage/login?uitgelogd`],
      });
      oidc = createOidcProvider({
        issuer: op.issuer,
        clientId: TEST_OIDC_CLIENT.id,
        clientSecret: TEST_OIDC_CLIENT.secret,
        name: 'Demodam-account',
        rolesClaim: 'groups',
        scopes: 'openid email profile',
        organisation: undefined,
        publicUrl: PUBLIC_URL,
      });
      t = await openTestApp(target, { oidc, publicUrl: PUBLIC_URL });
      const [org] = await t.db.select().from(organisations).limit(1);
      organisationId = org!.id;
      const [department] = await t.db.select().from(departments).limit(1);
      departmentId = department!.id;
    });
    after(async () => {
      await t.close();
      await op.close();
    });

    let mappingVersion = 1;
    const setMapping = async (rows: MappingRow[]) => {
      const result = await saveSsoMapping(t.db, {
        organisationId,
        actorId: (await t.db.select().from(staffUsers).limit(1))[0]?.id ?? organisationId,
        expectedVersion: mappingVersion,
        rows,
        now: new Date(),
      });
      assert.equal(result.kind, 'saved');
      if (result.kind === 'saved') mappingVersion = result.version;
    };
    beforeEach(async () => {
      await setMapping([
        { claimValue: 'podium-beheer', role: 'administrator', departmentId: null },
        { claimValue: 'podium-webcare', role: 'webcare', departmentId: null },
        { claimValue: 'afdeling-verkeer', role: 'department_member', departmentId },
      ]);
    });

    /** From the log-in page's link through the provider's log-in form, to the address it sends the browser back to. */
    async function walkToCallback(login: string, lang: 'nl' | 'en' = 'nl'): Promise<Walk> {
      const browser = new Browser();
      const start = await t.app.request(
        lang === 'en' ? '/en/manage/login/organisation' : '/beheer/inloggen/organisatie',
      );
      assert.equal(start.status, 303);
      browser.keep(PUBLIC_URL, start);
      let location = start.headers.get('Location')!;
      assert.ok(location.startsWith(op.issuer), location);
      const authorization = new URL(location);
      assert.equal(authorization.searchParams.get('code_challenge_method'), 'S256');
      assert.ok(authorization.searchParams.get('state'));
      assert.ok(authorization.searchParams.get('nonce'));
      for (let hops = 0; hops < 10; hops++) {
        const url = new URL(location, op.issuer);
        if (url.origin !== op.issuer) return { browser, callback: url.href };
        const response = await fetch(url, { redirect: 'manual', headers: { Cookie: browser.header(op.issuer) } });
        browser.keep(op.issuer, response);
        if (/^\/interaction\/[\w-]+$/.test(url.pathname)) {
          // The provider's log-in page: type the user name and send it, as a person would.
          assert.match(await response.text(), /Gebruikersnaam/);
          const posted = await fetch(new URL(`${url.pathname}/login`, op.issuer), {
            method: 'POST',
            redirect: 'manual',
            headers: { Cookie: browser.header(op.issuer), 'Content-Type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ login }).toString(),
          });
          browser.keep(op.issuer, posted);
          location = posted.headers.get('Location')!;
        } else {
          location = response.headers.get('Location')!;
        }
        assert.ok(location, `the provider answered ${response.status} without sending the browser on`);
      }
      throw new Error('The provider never sent the browser back');
    }

    async function finish(walk: Walk, search?: (s: URLSearchParams) => void, cookie = walk.browser.header(PUBLIC_URL)) {
      const url = new URL(walk.callback);
      if (search) search(url.searchParams);
      const response = await t.app.request(`${url.pathname}${url.search}`, {
        headers: cookie ? { Cookie: cookie } : {},
      });
      return {
        status: response.status,
        location: response.headers.get('Location'),
        session: (response.headers.getSetCookie().find((c) => c.startsWith('podium_session=')) ?? '').split(';')[0]!,
        html: await response.text(),
      };
    }

    const signIn = async (login: string) => finish(await walkToCallback(login));
    const userBySubject = async (sub: string) =>
      (await t.db.select().from(staffUsers).where(eq(staffUsers.oidcSubject, sub)))[0];
    const rolesOf = async (id: string) =>
      (await t.db.select().from(staffRoles).where(eq(staffRoles.staffUserId, id))).map((r) => r.role).sort();
    const lastAudit = async (action: string) =>
      (await t.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)).limit(1))[0];

    it('shows the provider’s button on the log-in page, in both languages', async () => {
      const nl = await (await t.app.request('/beheer/inloggen')).text();
      assert.match(
        nl,
        /<a id="provider" class="staff-button" href="\/beheer\/inloggen\/organisatie">Inloggen via Demodam-account<\/a>/,
      );
      const en = await (await t.app.request('/en/manage/login')).text();
      assert.match(en, /href="\/en\/manage\/login\/organisation">Log in through Demodam-account<\/a>/);
    });

    it('creates the account of a new administrator on first sign-in, with the mapped role, and opens the workbench', async () => {
      op.accounts.set('anna', {
        email: 'Anna.Nieuw@demodam.example',
        email_verified: true,
        name: 'Anna Nieuw',
        groups: ['podium-beheer', 'iets-anders'],
      });
      const result = await signIn('anna');
      assert.equal(result.status, 303, result.html);
      assert.equal(result.location, '/beheer/');
      assert.ok(result.session, 'a session cookie is set');
      const user = await userBySubject('anna');
      assert.equal(user?.email, 'anna.nieuw@demodam.example');
      assert.equal(user?.displayName, 'Anna Nieuw');
      assert.equal(user?.oidcIssuer, op.issuer);
      assert.equal(user?.passwordHash, null);
      assert.deepEqual(await rolesOf(user!.id), ['administrator']);
      const page = await t.app.request('/beheer/collegas', { headers: { Cookie: result.session } });
      assert.equal(page.status, 200);
      const created = await lastAudit('staff.created');
      assert.equal(created?.subjectId, user!.id);
      assert.deepEqual(created?.details, { roles: ['administrator'], via: 'sso' });
      assert.equal((await lastAudit('staff.login_sso'))?.actorId, user!.id);
      const [session] = await t.db.select().from(staffSessions).where(eq(staffSessions.staffUserId, user!.id));
      assert.equal(session?.viaOidc, true);
      // Last sign-in is recorded as for a password log-in: the colleagues list shows it, and not as invited.
      const list = await (await t.app.request('/beheer/collegas', { headers: { Cookie: result.session } })).text();
      assert.doesNotMatch(list.split('Anna Nieuw')[1]!.slice(0, 600), /uitgenodigd/i);
    });

    it('gives at every later sign-in the roles the groups give now, department members with their department', async () => {
      op.accounts.set('bram', { email: 'bram@demodam.example', email_verified: true, groups: ['podium-webcare'] });
      assert.equal((await signIn('bram')).status, 303);
      const user = await userBySubject('bram');
      assert.deepEqual(await rolesOf(user!.id), ['webcare']);
      op.accounts.set('bram', { email: 'bram@demodam.example', email_verified: true, groups: ['afdeling-verkeer'] });
      assert.equal((await signIn('bram')).status, 303);
      const grants = await t.db.select().from(staffRoles).where(eq(staffRoles.staffUserId, user!.id));
      assert.deepEqual(
        grants.map((g) => [g.role, g.departmentId]),
        [['department_member', departmentId]],
      );
      const changed = await lastAudit('staff.roles_changed');
      assert.deepEqual(changed?.details, { before: ['webcare'], after: ['department_member'], via: 'sso' });
      assert.equal(changed?.actorType, 'system');
    });

    it('refuses someone whose groups the mapping does not name, and creates nothing', async () => {
      op.accounts.set('carla', { email: 'carla@demodam.example', email_verified: true, groups: ['kantine'] });
      const before = await t.db.select().from(staffUsers);
      const result = await signIn('carla');
      assert.equal(result.status, 403);
      assert.equal(result.session, '');
      assert.match(result.html, /geeft geen toegang tot Podium/);
      assert.match(result.html, /href="#provider"/, 'the error summary leads to the button');
      assert.equal((await t.db.select().from(staffUsers)).length, before.length);
      assert.deepEqual((await lastAudit('staff.login_sso_refused'))?.details, { reason: 'no_role' });
    });

    it('refuses a deactivated colleague, and gives them no session', async () => {
      op.accounts.set('dirk', { email: 'dirk@demodam.example', email_verified: true, groups: ['podium-webcare'] });
      assert.equal((await signIn('dirk')).status, 303);
      const user = await userBySubject('dirk');
      await t.db.update(staffUsers).set({ disabledAt: new Date() }).where(eq(staffUsers.id, user!.id));
      await t.db.delete(staffSessions).where(eq(staffSessions.staffUserId, user!.id));
      const result = await signIn('dirk');
      assert.equal(result.status, 403);
      assert.match(result.html, /Uw account in Podium staat uit/);
      assert.equal((await t.db.select().from(staffSessions).where(eq(staffSessions.staffUserId, user!.id))).length, 0);
    });

    it('refuses an answer whose state is not the one this browser started with', async () => {
      op.accounts.set('eva', { email: 'eva@demodam.example', email_verified: true, groups: ['podium-webcare'] });
      const result = await finish(await walkToCallback('eva'), (s) => s.set('state', 'forged'));
      assert.equal(result.status, 400);
      assert.equal(result.session, '');
      assert.match(result.html, /het duurde te lang, of het is in een ander venster begonnen/);
      assert.equal(await userBySubject('eva'), undefined);
    });

    it('refuses an answer in a browser that did not start the sign-in (no cookie), and an answer used twice', async () => {
      op.accounts.set('fleur', { email: 'fleur@demodam.example', email_verified: true, groups: ['podium-webcare'] });
      const walk = await walkToCallback('fleur');
      const elsewhere = await finish(walk, undefined, '');
      assert.equal(elsewhere.status, 400);
      const second = await walkToCallback('fleur');
      assert.equal((await finish(second)).status, 303);
      const replay = await finish(second);
      assert.equal(replay.status, 400);
      assert.equal(replay.session, '');
    });

    it('refuses when the nonce or the PKCE verifier does not match what the provider was given', async () => {
      op.accounts.set('gijs', { email: 'gijs@demodam.example', email_verified: true, groups: ['podium-webcare'] });
      for (const column of ['nonce', 'codeVerifier'] as const) {
        const walk = await walkToCallback('gijs');
        // The row of this sign-in (the only one under way) gets another value than the provider saw.
        await t.db.update(oidcSignIns).set({ [column]: column === 'nonce' ? 'another-nonce' : 'x'.repeat(64) });
        const result = await finish(walk);
        assert.equal(result.status, 403, column);
        assert.equal(result.session, '', column);
        assert.match(result.html, /De inlogdienst heeft het inloggen niet bevestigd/);
      }
      assert.equal(await userBySubject('gijs'), undefined);
    });

    it('links an existing account with the same address only when the provider verified it', async () => {
      const localId = await addStaffUser(t, 'hanna@demodam.example', 'moderator');
      op.accounts.set('hanna', { email: 'hanna@demodam.example', email_verified: false, groups: ['podium-webcare'] });
      const unverified = await signIn('hanna');
      assert.equal(unverified.status, 403);
      assert.match(unverified.html, /de inlogdienst bevestigt dat adres niet/);
      const untouched = (await t.db.select().from(staffUsers).where(eq(staffUsers.id, localId)))[0];
      assert.equal(untouched?.oidcSubject, null);
      assert.deepEqual(await rolesOf(localId), ['moderator']);

      op.accounts.set('hanna', { email: 'hanna@demodam.example', email_verified: true, groups: ['podium-webcare'] });
      const verified = await signIn('hanna');
      assert.equal(verified.status, 303);
      const linked = (await t.db.select().from(staffUsers).where(eq(staffUsers.id, localId)))[0];
      assert.equal(linked?.oidcSubject, 'hanna');
      assert.deepEqual(await rolesOf(localId), ['webcare']);
      assert.equal((await lastAudit('staff.sso_linked'))?.subjectId, localId);

      // Another person at the provider with the same address does not get the linked account.
      op.accounts.set('hanna2', { email: 'hanna@demodam.example', email_verified: true, groups: ['podium-webcare'] });
      const other = await signIn('hanna2');
      assert.equal(other.status, 403);
      assert.match(other.html, /hoort al bij een ander Podium-account/);
    });

    it('ends the session at the provider too when logging out (RP-initiated logout)', async () => {
      op.accounts.set('ivo', { email: 'ivo@demodam.example', email_verified: true, groups: ['podium-webcare'] });
      const result = await signIn('ivo');
      const workbench = await t.app.request('/beheer/', { headers: { Cookie: result.session } });
      // Browsers hold the logout form's redirect to the provider to the page's form-action.
      assert.match(
        workbench.headers.get('Content-Security-Policy') ?? '',
        new RegExp(`form-action 'self' ${op.issuer};`),
      );
      const page = await workbench.text();
      const csrf = /name="csrf" value="([^"]+)"/.exec(page)![1]!;
      const out = await t.app.request('/beheer/uitloggen', {
        method: 'POST',
        headers: { Cookie: result.session, Origin: ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ csrf, lang: 'nl' }).toString(),
      });
      assert.equal(out.status, 303);
      const location = new URL(out.headers.get('Location')!);
      assert.equal(location.origin, op.issuer);
      assert.equal(location.searchParams.get('client_id'), TEST_OIDC_CLIENT.id);
      assert.equal(location.searchParams.get('post_logout_redirect_uri'), `${PUBLIC_URL}/beheer/inloggen?uitgelogd`);
      const user = await userBySubject('ivo');
      assert.equal((await t.db.select().from(staffSessions).where(eq(staffSessions.staffUserId, user!.id))).length, 0);
      // The provider accepts it (this client, this address): its logout step, not an error page.
      const atProvider = await fetch(location, { redirect: 'manual' });
      assert.equal(atProvider.status, 200);
      assert.match(await atProvider.text(), /\/session\/end\/confirm/);
    });

    it('logs out a password session at Podium only', async () => {
      await addStaffUser(t, 'jan@demodam.example', 'webcare');
      const { logIn } = await import('../../../support/staff.ts');
      const who = await logIn(t, 'jan@demodam.example');
      const out = await t.app.request('/beheer/uitloggen', {
        method: 'POST',
        headers: { Cookie: who.cookie, Origin: ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ csrf: who.csrf, lang: 'nl' }).toString(),
      });
      assert.equal(out.headers.get('Location'), '/beheer/inloggen?uitgelogd');
    });

    it('keeps the language the sign-in started in', async () => {
      op.accounts.set('kees', { email: 'kees@demodam.example', email_verified: true, groups: ['onbekend'] });
      const result = await finish(await walkToCallback('kees', 'en'));
      assert.equal(result.status, 403);
      assert.match(result.html, /your account gives no access to Podium/);
      assert.match(result.html, /<html lang="en"/);
    });

    it('records nothing about a refusal beyond its reason', async () => {
      const entries = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'staff.login_sso_refused')));
      assert.ok(entries.length > 0);
      for (const entry of entries) assert.deepEqual(Object.keys(entry.details), ['reason']);
    });
  });

  describe(`a provider that cannot be reached (${target.name})`, () => {
    let t: TestApp;
    before(async () => {
      // A port nothing listens on: the server starts anyway, and says so when someone tries.
      const down = await startOidcProvider({ redirectUris: [`${PUBLIC_URL}${OIDC_CALLBACK_PATH}`] });
      const issuer = down.issuer;
      await down.close();
      const oidc = createOidcProvider({
        issuer,
        clientId: 'podium',
        clientSecret: 'x',
        name: 'Demodam-account',
        rolesClaim: 'groups',
        scopes: 'openid',
        organisation: undefined,
        publicUrl: PUBLIC_URL,
      });
      t = await openTestApp(target, { oidc, publicUrl: PUBLIC_URL });
    });
    after(() => t.close());

    it('says on the log-in page that the sign-in service cannot be reached, in Dutch and English', async () => {
      const start = await t.app.request('/beheer/inloggen/organisatie');
      assert.equal(start.status, 503);
      const html = await start.text();
      assert.match(html, /Inloggen via Demodam-account lukt nu niet: de inlogdienst is niet bereikbaar/);
      assert.match(html, /name="password"/, 'the password form is still there');
      assert.equal((await t.db.select().from(oidcSignIns)).length, 0);
      const page = await (await t.app.request('/en/manage/login')).text();
      assert.match(page, /Logging in through Demodam-account does not work right now/);
    });
  });
}
