/**
 * The sign-in settings page (api/staff/sign-in/) and its service (api/services/auth/sso-mappings.ts):
 * administrators edit which group at the identity provider gives which role, as one list on the
 * version they saw; bad rows are refused with the reason and everything typed kept.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { desc, eq } from 'drizzle-orm';
import { auditLog, departments, ssoRoleMappings } from '../../../../api/db/schema.ts';
import { createOidcProvider } from '../../../../api/services/auth/oidc.ts';
import { openTestApp, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, logIn, staffPost } from '../../../support/staff.ts';

type Login = { cookie: string; csrf: string };

for (const target of databaseTargets()) {
  describe(`the sign-in settings page (${target.name})`, () => {
    let t: TestApp;
    let admin: Login;
    let other: Login;
    let departmentId: string;

    before(async () => {
      // A provider nobody reaches: the page only shows its settings, it never asks it anything.
      const oidc = createOidcProvider({
        issuer: 'https://login.demodam.example/realms/gemeente',
        clientId: 'podium',
        clientSecret: 'secret',
        name: 'Demodam-account',
        rolesClaim: 'groups',
        scopes: 'openid email profile',
        organisation: undefined,
        publicUrl: 'https://inspraak.demodam.example',
      });
      t = await openTestApp(target, { oidc });
      await addStaffUser(t, 'beheer@demodam.example', 'administrator');
      await addStaffUser(t, 'tweede@demodam.example', 'administrator');
      admin = await logIn(t, 'beheer@demodam.example');
      other = await logIn(t, 'tweede@demodam.example');
      const [department] = await t.db.select().from(departments).limit(1);
      departmentId = department!.id;
    });
    after(() => t.close());

    const page = async (who: Login = admin, path = '/beheer/aanmelden-via-organisatie') => {
      const response = await t.app.request(path, { headers: { Cookie: who.cookie } });
      const html = await response.text();
      return { status: response.status, html, version: /name="version" value="(\d+)"/.exec(html)?.[1] ?? '' };
    };
    const save = (who: Login, version: string, rows: Array<[string, string, string]>) =>
      staffPost(
        t,
        '/beheer/aanmelden-via-organisatie',
        [
          ['csrf', who.csrf],
          ['lang', 'nl'],
          ['version', version],
          ['rows', String(rows.length)],
          ...rows.flatMap(([claim, role, department], i): Array<[string, string]> => [
            [`c${i}`, claim],
            [`r${i}`, role],
            [`d${i}`, department],
          ]),
        ],
        who.cookie,
      );
    const stored = async () =>
      (await t.db.select().from(ssoRoleMappings).orderBy(ssoRoleMappings.claimValue)).map((r) => [
        r.claimValue,
        r.role,
        r.departmentId,
      ]);

    it('shows the provider’s settings and the addresses to register there', async () => {
      const { status, html } = await page();
      assert.equal(status, 200);
      assert.match(html, /<code>https:\/\/inspraak\.demodam\.example\/beheer\/inloggen\/organisatie\/terug<\/code>/);
      assert.match(html, /<code>https:\/\/inspraak\.demodam\.example\/beheer\/inloggen\?uitgelogd<\/code>/);
      assert.match(html, /Er staan nog geen groepen in de lijst/);
      const en = await page(admin, '/en/manage/single-sign-on');
      assert.match(en.html, /<h1>Single sign-on<\/h1>/);
    });

    it('saves rows, drops emptied ones, and writes what was added and removed to the audit log', async () => {
      const { version } = await page();
      const first = await save(admin, version, [
        ['podium-beheer', 'administrator', ''],
        ['  afdeling-verkeer  ', 'department_member', departmentId],
        ['', '', ''],
      ]);
      assert.equal(first.status, 303);
      assert.equal(first.headers.get('Location'), '/beheer/aanmelden-via-organisatie?opgeslagen=ja');
      assert.deepEqual(await stored(), [
        ['afdeling-verkeer', 'department_member', departmentId],
        ['podium-beheer', 'administrator', null],
      ]);
      const shown = await page();
      assert.match(shown.html, /De lijst is opgeslagen|value="podium-beheer"/);
      const second = await save(admin, shown.version, [
        ['', 'administrator', ''],
        ['afdeling-verkeer', 'department_member', departmentId],
      ]);
      assert.equal(second.status, 303);
      assert.deepEqual(await stored(), [['afdeling-verkeer', 'department_member', departmentId]]);
      const [entry] = await t.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'sso_mapping.changed'))
        .orderBy(desc(auditLog.id))
        .limit(1);
      assert.deepEqual(entry?.details['removed'], [
        { claim: 'podium-beheer', role: 'administrator', department: null },
      ]);
      assert.deepEqual(entry?.details['added'], []);
    });

    it('refuses rows without a role, department members without a department and other roles with one, keeping what was typed', async () => {
      const { version } = await page();
      const before = await stored();
      const cases: Array<[Array<[string, string, string]>, RegExp]> = [
        [[['podium-webcare', '', '']], /Kies een rol voor ‘podium-webcare’/],
        [[['podium-webcare', 'superuser', '']], /Kies een rol voor ‘podium-webcare’/],
        [[['afdeling-x', 'department_member', '']], /Kies de afdeling voor ‘afdeling-x’/],
        [[['podium-webcare', 'webcare', departmentId]], /Haal de afdeling bij ‘podium-webcare’ weg/],
        [[['afdeling-x', 'department_member', '00000000-0000-4000-8000-000000000000']], /bestaat niet \(meer\)/],
        [[['x'.repeat(300), 'webcare', '']], /te lang \(hoogstens 256 tekens\)/],
      ];
      for (const [rows, message] of cases) {
        const response = await save(admin, version, rows);
        assert.equal(response.status, 422, String(message));
        const html = await response.text();
        assert.match(html, message);
        assert.match(html, /aria-invalid="true"/);
        assert.match(html, new RegExp(`value="${rows[0]![0].slice(0, 40)}`), 'the value typed is kept');
      }
      assert.deepEqual(await stored(), before);
    });

    it('refuses a save without the page’s version', async () => {
      const response = await save(admin, '', [['podium-webcare', 'webcare', '']]);
      assert.equal(response.status, 422);
      assert.match(await response.text(), /De pagina was verouderd/);
    });

    it('refuses a save made on an older version, saying who saved since, and keeps what was typed', async () => {
      const { version } = await page(other);
      const mine = await save(admin, version, [['podium-moderatie', 'moderator', '']]);
      assert.equal(mine.status, 303);
      const theirs = await save(other, version, [['podium-analyse', 'analyst', '']]);
      assert.equal(theirs.status, 409);
      const html = await theirs.text();
      assert.match(html, /Iemand anders heeft de lijst intussen opgeslagen/);
      assert.match(html, /beheer sloeg op om/);
      assert.match(html, /value="podium-analyse"/);
      assert.deepEqual(await stored(), [['podium-moderatie', 'moderator', null]]);
    });
  });
}
