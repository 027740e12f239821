/**
 * Personal API keys (api/services/auth/api-keys.ts, api/staff/api-keys/): made on the keys
 * page and shown once, stored hashed, used as a bearer token with the owner's permissions of
 * the moment, refused with a 401 problem when unknown, expired, revoked or when the owner is
 * deactivated; cookie sessions keep their CSRF protection.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog, staffApiKeys, staffUsers } from '../../../../api/db/schema.ts';
import { hashToken } from '../../../../api/services/auth/sessions.ts';
import { openTestApp, NOW, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, apiKeyFor, logIn, ORIGIN, staffPost, withKey } from '../../../support/staff.ts';

const DAY = 24 * 60 * 60 * 1000;

for (const target of databaseTargets()) {
  describe(`personal API keys (${target.name})`, () => {
    let t: TestApp;
    let moderatorId: string;
    let moderator: { cookie: string; csrf: string };
    let analyst: { cookie: string; csrf: string };

    before(async () => {
      t = await openTestApp(target);
      moderatorId = await addStaffUser(t, 'mod@keys-test.example', 'moderator');
      await addStaffUser(t, 'analyst@keys-test.example', 'analyst');
      await addStaffUser(t, 'admin@keys-test.example', 'administrator');
      moderator = await logIn(t, 'mod@keys-test.example');
      analyst = await logIn(t, 'analyst@keys-test.example');
    });
    after(() => t.close());

    async function makeOnPage(who: { cookie: string; csrf: string }, name: string, days = '90') {
      return staffPost(
        t,
        '/beheer/api-sleutels',
        [
          ['csrf', who.csrf],
          ['lang', 'nl'],
          ['name', name],
          ['days', days],
        ],
        who.cookie,
      );
    }

    it('shows a new key once, keeps only its hash, and lists it without the key', async () => {
      const response = await makeOnPage(moderator, 'Weekrapport');
      assert.equal(response.status, 201);
      const page = await response.text();
      const token = /id="new-key" value="(podium_[A-Za-z0-9_-]{43})"/.exec(page)?.[1];
      assert.ok(token, 'the new key is on the page');
      const [row] = await t.db
        .select()
        .from(staffApiKeys)
        .where(eq(staffApiKeys.tokenHash, hashToken(token)));
      assert.equal(row?.name, 'Weekrapport');
      assert.equal(row?.expiresAt.getTime(), NOW.getTime() + 90 * DAY);
      const stored = JSON.stringify(await t.db.select().from(staffApiKeys));
      assert.ok(!stored.includes(token), 'the key itself is stored nowhere');
      const list = await (
        await t.app.request('/beheer/api-sleutels', { headers: { Cookie: moderator.cookie } })
      ).text();
      assert.ok(list.includes('Weekrapport'));
      assert.ok(!list.includes(token), 'the list never shows the key again');
      assert.ok(list.includes(row!.prefix), 'the list shows its first characters to tell keys apart');
      const audit = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'api_key.created'), eq(auditLog.subjectId, row!.id)));
      assert.equal(audit.length, 1);
    });

    it('lets the key act as its owner without a cookie, CSRF token or Origin, and records its last use', async () => {
      const key = await apiKeyFor(t, moderatorId);
      const response = await withKey(t, key, 'GET', '/api/staff/queue');
      assert.equal(response.status, 200);
      const unsafe = await withKey(t, key, 'POST', '/api/staff/readability', { text: 'Een korte zin.', lang: 'nl' });
      assert.equal(unsafe.status, 200);
      const [row] = await t.db
        .select()
        .from(staffApiKeys)
        .where(eq(staffApiKeys.tokenHash, hashToken(key)));
      assert.equal(row?.lastUsedAt?.getTime(), NOW.getTime());
    });

    it('acts with the permissions of the moment: a changed role counts at once', async () => {
      const id = await addStaffUser(t, 'changing@keys-test.example', 'moderator');
      const key = await apiKeyFor(t, id);
      assert.equal((await withKey(t, key, 'GET', '/api/staff/queue')).status, 200);
      const { staffRoles } = await import('../../../../api/db/schema.ts');
      await t.db.update(staffRoles).set({ role: 'analyst' }).where(eq(staffRoles.staffUserId, id));
      assert.equal((await withKey(t, key, 'GET', '/api/staff/queue')).status, 403);
    });

    it("stops a deactivated colleague's keys", async () => {
      const id = await addStaffUser(t, 'leaving@keys-test.example', 'moderator');
      const key = await apiKeyFor(t, id);
      await t.db.update(staffUsers).set({ disabledAt: NOW }).where(eq(staffUsers.id, id));
      const response = await withKey(t, key, 'GET', '/api/staff/queue');
      assert.equal(response.status, 401);
      assert.match(response.headers.get('Content-Type') ?? '', /^application\/problem\+json/);
    });

    it('refuses an expired key with a 401 problem in the caller’s language', async () => {
      const key = await apiKeyFor(t, moderatorId, { days: 30, now: new Date(NOW.getTime() - 31 * DAY) });
      const response = await withKey(t, key, 'GET', '/api/staff/queue', undefined, { 'Accept-Language': 'en' });
      assert.equal(response.status, 401);
      const body = (await response.json()) as { title: string; type: string };
      assert.match(body.type, /staff-key-invalid$/);
      assert.match(body.title, /API key does not work/);
    });

    it('refuses an unknown key and an Authorization header that is not a bearer key', async () => {
      for (const header of ['Bearer podium_nonsense', 'Basic bW9kOnB3', 'Bearer']) {
        const response = await t.app.request('/api/staff/queue', { headers: { Authorization: header } });
        assert.equal(response.status, 401, header);
        const body = (await response.json()) as { title: string };
        assert.match(body.title, /API-sleutel werkt niet/);
      }
    });

    it('never mixes a key with a cookie: a key of an analyst stays an analyst beside a moderator’s cookie', async () => {
      const analystId = (
        await t.db.select().from(staffUsers).where(eq(staffUsers.email, 'analyst@keys-test.example'))
      )[0]!.id;
      const key = await apiKeyFor(t, analystId);
      const response = await withKey(t, key, 'GET', '/api/staff/queue', undefined, { Cookie: moderator.cookie });
      assert.equal(response.status, 403);
    });

    it('keeps the CSRF protection of cookie sessions on the JSON API', async () => {
      const noToken = await t.app.request('/api/staff/readability', {
        method: 'POST',
        headers: { Cookie: moderator.cookie, Origin: ORIGIN, 'Content-Type': 'application/json' },
        body: JSON.stringify({ text: 'Een zin.', lang: 'nl' }),
      });
      assert.equal(noToken.status, 403);
      const crossSite = await t.app.request('/api/staff/embed-origins?origin=https://x.example', {
        method: 'DELETE',
        headers: { Cookie: moderator.cookie, 'X-CSRF-Token': moderator.csrf, Origin: 'https://evil.example' },
      });
      assert.equal(crossSite.status, 403);
      assert.match(crossSite.headers.get('Content-Type') ?? '', /^application\/problem\+json/);
    });

    it('revokes a key: audited, and a script using it gets a 401 problem from then on', async () => {
      const made = await makeOnPage(moderator, 'Oud script');
      const token = /id="new-key" value="([^"]+)"/.exec(await made.text())![1]!;
      assert.equal((await withKey(t, token, 'GET', '/api/staff/queue')).status, 200);
      const [row] = await t.db
        .select()
        .from(staffApiKeys)
        .where(eq(staffApiKeys.tokenHash, hashToken(token)));
      const revoked = await staffPost(
        t,
        `/beheer/api-sleutels/${row!.id}/intrekken`,
        [
          ['csrf', moderator.csrf],
          ['lang', 'nl'],
        ],
        moderator.cookie,
      );
      assert.equal(revoked.status, 303);
      const page = await (
        await t.app.request(revoked.headers.get('Location')!, { headers: { Cookie: moderator.cookie } })
      ).text();
      assert.match(page, /Sleutel Oud script is ingetrokken/);
      assert.equal((await withKey(t, token, 'GET', '/api/staff/queue')).status, 401);
      const audit = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'api_key.revoked'), eq(auditLog.subjectId, row!.id)));
      assert.equal(audit.length, 1);
    });

    it("refuses to revoke someone else's key, and a revoke without the form's token", async () => {
      const made = await makeOnPage(moderator, 'Van mij');
      const token = /id="new-key" value="([^"]+)"/.exec(await made.text())![1]!;
      const [row] = await t.db
        .select()
        .from(staffApiKeys)
        .where(eq(staffApiKeys.tokenHash, hashToken(token)));
      const path = `/beheer/api-sleutels/${row!.id}/intrekken`;
      const other = await staffPost(t, path, [['csrf', analyst.csrf]], analyst.cookie);
      assert.equal(other.status, 404);
      const noToken = await staffPost(t, path, [['csrf', 'wrong']], moderator.cookie);
      assert.equal(noToken.status, 403);
      assert.equal((await withKey(t, token, 'GET', '/api/staff/queue')).status, 200);
    });

    it('lets every role make a key, an analyst too', async () => {
      const response = await makeOnPage(analyst, 'Inzichten');
      assert.equal(response.status, 201);
    });

    it('refuses a key without a name, with a name too long or an expiry not offered, keeping what was typed', async () => {
      const cases: Array<[string, string, RegExp]> = [
        ['', '90', /Vul een naam in/],
        ['   ', '90', /Vul een naam in/],
        ['x'.repeat(101), '90', /hoogstens 100 tekens/],
        ['Script', '7', /Kies hoe lang de sleutel geldig is/],
        ['Script', 'altijd', /Kies hoe lang de sleutel geldig is/],
      ];
      for (const [name, days, message] of cases) {
        const before = await t.db.select().from(staffApiKeys);
        const response = await makeOnPage(moderator, name, days);
        assert.equal(response.status, 422, `${name}/${days}`);
        const page = await response.text();
        assert.match(page, message);
        assert.match(page, /aria-invalid="true"/);
        if (name.trim()) assert.ok(page.includes(`value="${name}"`), 'the name typed is kept');
        assert.equal((await t.db.select().from(staffApiKeys)).length, before.length, 'no key was made');
      }
    });
  });
}
