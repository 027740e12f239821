/**
 * The staff log-in throttle (api/services/auth/login-throttle.ts) through the log-in form:
 * delays that grow instead of a lock, the owner getting in from a known address while
 * others hammer her account, the same answers for unknown addresses, and the
 * administrators' alert. Client addresses come from X-Forwarded-For behind one trusted proxy.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog, staffNotifications, staffUsers } from '../../../../api/db/schema.ts';
import { accountsUnderAttack, ACCOUNT_UNDER_ATTACK } from '../../../../api/services/auth/login-alerts.ts';
import { NOW, openTestApp, postForm, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, ORIGIN, STAFF_PASSWORD } from '../../../support/staff.ts';

const SECOND = 1000;
const WRONG = 'not the password at all';

for (const target of databaseTargets()) {
  describe(`staff log-in throttle (${target.name})`, () => {
    let t: TestApp;
    let clock = NOW;
    before(async () => {
      t = await openTestApp(target, { now: () => clock, trustProxyHops: 1 });
    });
    beforeEach(() => {
      clock = NOW;
    });
    after(() => t.close());

    const at = (ms: number) => {
      clock = new Date(NOW.getTime() + ms);
    };
    const login = (email: string, password: string, address: string, path = '/beheer/inloggen') =>
      postForm(
        t.app,
        path,
        [
          ['email', email],
          ['password', password],
        ],
        { Origin: ORIGIN, 'X-Forwarded-For': address },
      );
    const statuses = async (attempts: Array<Response | Promise<Response>>) =>
      (await Promise.all(attempts)).map((r) => r.status);

    it('makes the next attempt wait after five failures, twice as long after each further one, up to fifteen minutes', async () => {
      await addStaffUser(t, 'grows@demodam.example', 'moderator');
      for (let i = 0; i < 4; i++) assert.equal((await login('grows@demodam.example', WRONG, '192.0.2.1')).status, 401);
      const fifth = await login('grows@demodam.example', WRONG, '192.0.2.1');
      assert.equal(fifth.status, 401, 'still an answer about the password');
      assert.equal(fifth.headers.get('Retry-After'), '30');
      assert.match(
        await fifth.text(),
        /klopt niet\. Controleer ze en probeer het opnieuw\. U kunt het opnieuw proberen vanaf 11:00 \(over 1 minuut\)\./,
      );

      let elapsed = 0;
      const waits: number[] = [];
      for (let i = 0; i < 7; i++) {
        const early = await login('grows@demodam.example', STAFF_PASSWORD, '192.0.2.1');
        assert.equal(early.status, 429, 'refused before the delay ends, even with the right password');
        const wait = Number(early.headers.get('Retry-After'));
        waits.push(wait);
        elapsed += wait * SECOND;
        at(elapsed);
        assert.equal((await login('grows@demodam.example', WRONG, '192.0.2.1')).status, 401, 'checked again after it');
      }
      assert.deepEqual(waits, [30, 60, 120, 240, 480, 900, 900]);
      const refused = await login('grows@demodam.example', WRONG, '192.0.2.1');
      assert.equal(refused.status, 429);
      assert.match(
        await refused.text(),
        /Er is te vaak een verkeerd e-mailadres of wachtwoord gebruikt\. Wacht tot \d\d:\d\d \(15 minuten\) en probeer het dan opnieuw\./,
      );
      at(elapsed + 900 * SECOND);
      assert.equal(
        (await login('grows@demodam.example', STAFF_PASSWORD, '192.0.2.1')).status,
        303,
        'no lock: the right password works once the wait is over',
      );
    });

    it('lets the owner in from an address she used before while others hammer her account', async () => {
      await addStaffUser(t, 'owner@demodam.example', 'moderator');
      assert.equal((await login('owner@demodam.example', STAFF_PASSWORD, '198.51.100.10')).status, 303);

      // One attacker address, then a botnet: each address tries once.
      for (let i = 0; i < 6; i++) await login('owner@demodam.example', WRONG, '203.0.113.66');
      const botnet = await statuses(
        Array.from({ length: 20 }, (_, i) => login('owner@demodam.example', WRONG, `203.0.113.${100 + i}`)),
      );
      assert.ok(
        botnet.every((s) => s === 429),
        botnet.join(','),
      );
      assert.equal(
        (await login('owner@demodam.example', STAFF_PASSWORD, '203.0.113.66')).status,
        429,
        "the right password from the attacker's address waits too",
      );

      assert.equal(
        (await login('owner@demodam.example', WRONG, '198.51.100.10')).status,
        401,
        'a typo at her own address is just a typo',
      );
      assert.equal((await login('owner@demodam.example', STAFF_PASSWORD, '198.51.100.10')).status, 303);

      const fresh = await login('owner@demodam.example', STAFF_PASSWORD, '192.0.2.200');
      assert.equal(fresh.status, 429, 'a never-used address waits out the account delay');
      at(Number(fresh.headers.get('Retry-After')) * SECOND);
      assert.equal(
        (await login('owner@demodam.example', STAFF_PASSWORD, '192.0.2.200')).status,
        303,
        '…and then gets in: one wait, not an endless lock',
      );
    });

    it('slows down one address trying many accounts, without touching other addresses', async () => {
      await addStaffUser(t, 'sprayed@demodam.example', 'moderator');
      for (let i = 0; i < 10; i++) {
        assert.equal((await login(`guess${i}@demodam.example`, WRONG, '203.0.113.5')).status, 401);
      }
      assert.equal((await login('sprayed@demodam.example', STAFF_PASSWORD, '203.0.113.5')).status, 429);
      assert.equal((await login('sprayed@demodam.example', STAFF_PASSWORD, '198.51.100.5')).status, 303);
    });

    it('gives unknown and known e-mail addresses the same answers, step by step', async () => {
      await addStaffUser(t, 'real@demodam.example', 'moderator');
      const answers = async (email: string, address: string) => {
        const out: string[] = [];
        for (let i = 0; i < 7; i++) {
          const response = await login(email, WRONG, address);
          const body = (await response.text()).replaceAll(email, 'EMAIL');
          out.push(`${response.status} ${response.headers.get('Retry-After')} ${body}`);
        }
        return out;
      };
      const real = await answers('real@demodam.example', '192.0.2.31');
      const unknown = await answers('nobody-here@demodam.example', '192.0.2.32');
      assert.deepEqual(real, unknown);
      assert.deepEqual(
        real.map((a) => a.slice(0, 3)),
        ['401', '401', '401', '401', '401', '429', '429'],
      );
    });

    it('checks only the free attempts when guesses arrive at the same moment', async () => {
      await addStaffUser(t, 'parallel@demodam.example', 'moderator');
      const burst = await statuses(
        Array.from({ length: 9 }, () => login('parallel@demodam.example', WRONG, '192.0.2.40')),
      );
      assert.deepEqual([...burst].sort(), ['401', '401', '401', '401', '401', '429', '429', '429', '429'].map(Number));
    });

    it('forgets failures a day after the last one', async () => {
      await addStaffUser(t, 'forget@demodam.example', 'moderator');
      for (let i = 0; i < 6; i++) await login('forget@demodam.example', WRONG, '192.0.2.50');
      assert.equal((await login('forget@demodam.example', WRONG, '192.0.2.50')).status, 429);
      at(24 * 3600 * SECOND + SECOND);
      for (let i = 0; i < 4; i++)
        assert.equal((await login('forget@demodam.example', WRONG, '192.0.2.50')).status, 401);
    });

    it('alerts administrators: an audit entry, and a notice on their start page linking to the audit log', async () => {
      const targetId = await addStaffUser(t, 'target@demodam.example', 'moderator');
      await addStaffUser(t, 'admin@demodam.example', 'administrator');
      await addStaffUser(t, 'colleague@demodam.example', 'moderator');
      const admin = (await login('admin@demodam.example', STAFF_PASSWORD, '198.51.100.1')).headers.get('Set-Cookie')!;
      const colleague = (await login('colleague@demodam.example', STAFF_PASSWORD, '198.51.100.2')).headers.get(
        'Set-Cookie',
      )!;
      const startPage = async (cookie: string) =>
        (await t.app.request('/beheer/', { headers: { Cookie: cookie.split(';')[0]! } })).text();
      assert.doesNotMatch(await startPage(admin), /target@demodam\.example/);

      for (let i = 0; i < 5; i++) await login('target@demodam.example', WRONG, `198.18.0.${i + 1}`);
      assert.equal((await login('target@demodam.example', WRONG, '198.18.0.9')).status, 429);
      at(30 * SECOND);
      assert.equal((await login('target@demodam.example', WRONG, '198.18.0.9')).status, 401);
      const entries = await t.db
        .select({ action: auditLog.action, details: auditLog.details })
        .from(auditLog)
        .where(and(eq(auditLog.subjectId, targetId), eq(auditLog.action, ACCOUNT_UNDER_ATTACK)));
      assert.equal(
        entries.length,
        2,
        'the fifth and the sixth failure each made the account wait; the refused attempt checked nothing',
      );
      assert.equal(entries[0]?.details.from, 'other_addresses');

      const page = await startPage(admin);
      assert.match(page, /<h2 id="attack-heading">Inlogpogingen op accounts<\/h2>/);
      assert.match(
        page,
        new RegExp(
          `<a href="/beheer/audit/\\?subject=${targetId}">target \\(target@demodam\\.example\\)</a>: 2 meldingen`,
        ),
      );
      assert.doesNotMatch(await startPage(colleague), /Inlogpogingen op accounts/, 'administrators only');
      const english = await (await t.app.request('/en/manage/', { headers: { Cookie: admin.split(';')[0]! } })).text();
      assert.match(english, /Log-in attempts on accounts/);
      assert.match(english, new RegExp(`href="/en/manage/audit/\\?subject=${targetId}"`));

      // Two throttled failures in the hour: one notification for each administrator, none for others.
      const notified = await t.db
        .select({ to: staffUsers.email, kind: staffNotifications.kind, params: staffNotifications.params })
        .from(staffNotifications)
        .innerJoin(staffUsers, eq(staffUsers.id, staffNotifications.staffUserId))
        .where(eq(staffNotifications.kind, 'security_alert'));
      assert.deepEqual(
        notified.filter((n) => /target@demodam/.test(JSON.stringify(n.params))).map((n) => n.to),
        ['admin@demodam.example'],
      );

      const [account] = await t.db.select().from(staffUsers).where(eq(staffUsers.id, targetId));
      const listed = await accountsUnderAttack(t.db, { organisationId: account!.organisationId, since: NOW });
      assert.deepEqual(
        listed.filter((a) => a.staffUserId === targetId).map((a) => [a.email, a.alerts, a.lastAt.toISOString()]),
        [['target@demodam.example', 2, new Date(NOW.getTime() + 30 * SECOND).toISOString()]],
      );
      at(61 * 60 * SECOND);
      const again = (await login('admin@demodam.example', STAFF_PASSWORD, '198.51.100.1')).headers.get('Set-Cookie')!;
      assert.doesNotMatch(await startPage(again), /target@demodam\.example/, 'gone after an hour');
    });
  });
}
