/**
 * Log-in security as JSON (api/staff/second-factor/api.ts): requiring two-step verification on
 * the version seen (refused without the sealing key, and when stale with who changed it and
 * what it is now), and resetting a colleague's factor, which ends their sessions; no secret
 * ever appears in an answer; only administrators.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditLog, staffSessions, staffUsers } from '../../../../api/db/schema.ts';
import type { StaffRole } from '../../../../api/services/auth/roles.ts';
import { beginEnrolment, confirmEnrolment, secondFactorOf } from '../../../../api/services/auth/second-factor.ts';
import { codeAt } from '../../../../api/services/auth/totp.ts';
import { NOW, openTestApp, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import {
  addStaffUser,
  apiKeyFor,
  keysWithout,
  refusedToAll,
  logIn,
  refusals,
  withKey,
} from '../../../support/staff.ts';

type Requirement = { required: boolean; version: number; accounts: { total: number; withFactor: number } };
type Refused = { title: string; detail?: string; errors?: Array<{ field: string; message: string }> };

const PATH = '/api/staff/sign-in/second-factor';
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

for (const target of databaseTargets()) {
  describe(`log-in security as JSON (${target.name})`, () => {
    let t: TestApp;
    let secretKey: Buffer | undefined = randomBytes(32);
    let key: string;
    let colleagueKey: string;
    let others: Map<StaffRole, string>;
    let colleagueId: string;

    before(async () => {
      t = await openTestApp(target, { socialPosting: () => ({ secretKey, allowPrivateHosts: false }) });
      key = await apiKeyFor(t, await addStaffUser(t, 'admin@factor-api.example', 'administrator'));
      colleagueKey = await apiKeyFor(t, await addStaffUser(t, 'anna@factor-api.example', 'administrator'));
      colleagueId = await addStaffUser(t, 'piet@factor-api.example', 'webcare');
      others = await keysWithout(t, 'admin', 'factor-api');
    });
    after(() => t.close());

    const read = async () => (await (await withKey(t, key, 'GET', PATH)).json()) as Requirement;
    const save = async (body: unknown, who = key, lang = 'nl') => {
      const answer = await withKey(t, who, 'PUT', PATH, body, { 'Accept-Language': lang });
      return { status: answer.status, body: (await answer.json()) as Requirement & Refused };
    };

    it('requires two-step verification on the version seen, audited, and stops requiring it', async () => {
      const before = await read();
      assert.equal(before.required, false);
      assert.ok(before.accounts.total >= 3);
      const saved = await save({ version: before.version, required: true });
      assert.equal(saved.status, 200);
      assert.deepEqual([saved.body.required, saved.body.version], [true, before.version + 1]);
      const entries = await t.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'organisation.second_factor_requirement'));
      assert.equal(entries.length, 1);
      const off = await save({ version: saved.body.version, required: false });
      assert.deepEqual([off.status, off.body.required], [200, false]);
    });

    it('refuses a stale choice with who changed it and what it is now, and a malformed one per field', async () => {
      const seen = await read();
      assert.equal((await save({ version: seen.version, required: true }, colleagueKey)).status, 200);
      const stale = await save({ version: seen.version, required: false }, key, 'en');
      assert.equal(stale.status, 409);
      assert.match(stale.body.title, /changed the sign-in security/);
      assert.match(
        stale.body.detail!,
        new RegExp(`version ${seen.version + 1}: two-step verification is required\\. Changed by: anna`),
      );
      assert.equal((await read()).required, true, 'the stale choice was not saved');

      const { version } = await read();
      const cases: Array<[unknown, string, RegExp]> = [
        [{ version, required: 'ja' }, 'required', /.+/],
        [{ version }, 'required', /Vul dit in/],
        [{ required: false }, 'version', /Vul dit in/],
        [{ version, required: false, everyone: true }, 'body', /.+/],
      ];
      for (const [input, field, message] of cases) {
        const answer = await save(input);
        assert.equal(answer.status, 422, JSON.stringify(input));
        assert.equal(answer.body.errors?.[0]?.field, field, JSON.stringify(input));
        assert.match(answer.body.errors![0]!.message, message, JSON.stringify(input));
      }
      assert.equal((await read()).version, version, 'nothing was saved');
    });

    it('refuses to require it while no key seals the app secrets', async () => {
      const off = await save({ version: (await read()).version, required: false });
      assert.equal(off.status, 200);
      const kept = secretKey;
      secretKey = undefined;
      try {
        const refused = await save({ version: off.body.version, required: true });
        assert.equal(refused.status, 422);
        assert.equal(refused.body.errors?.[0]?.field, 'required');
        assert.match(refused.body.errors![0]!.message, /PODIUM_SECRET_KEY/);
        assert.equal((await read()).required, false);
      } finally {
        secretKey = kept;
      }
    });

    it('resets a colleague’s factor, ending their sessions, and shows no secret anywhere', async () => {
      const [user] = await t.db.select().from(staffUsers).where(eq(staffUsers.id, colleagueId));
      await logIn(t, 'piet@factor-api.example');
      const sessions = () => t.db.select().from(staffSessions).where(eq(staffSessions.staffUserId, colleagueId));
      assert.equal((await sessions()).length, 1);
      const started = await beginEnrolment(t.db, colleagueId, secretKey);
      assert.equal(started.kind, 'started');
      const secret = started.kind === 'started' ? started.secret : '';
      const confirmed = await confirmEnrolment(t.db, {
        user: user!,
        code: codeAt(secret, NOW),
        key: secretKey,
        address: '127.0.0.1',
        now: NOW,
      });
      assert.equal(confirmed.kind, 'confirmed');
      const codes = confirmed.kind === 'confirmed' ? confirmed.recoveryCodes : [];

      const requirement = await (await withKey(t, key, 'GET', PATH)).text();
      assert.ok(!requirement.includes(secret) && !codes.some((code) => requirement.includes(code)));
      assert.match(requirement, /"withFactor":1/);

      const reset = await withKey(t, key, 'DELETE', `/api/staff/colleagues/${colleagueId}/second-factor`);
      assert.equal(reset.status, 204);
      assert.equal(await reset.text(), '');
      assert.deepEqual(await secondFactorOf(t.db, colleagueId), {
        state: 'none',
        confirmedAt: null,
        recoveryCodesLeft: 0,
        passkeys: 0,
      });
      assert.equal((await sessions()).length, 0, 'their sessions ended');
      const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'staff.second_factor_reset'));
      assert.equal(entry!.subjectId, colleagueId);

      const again = await withKey(t, key, 'DELETE', `/api/staff/colleagues/${colleagueId}/second-factor`, undefined, {
        'Accept-Language': 'en',
      });
      assert.equal(again.status, 409);
      assert.match(((await again.json()) as Refused).title, /no two-step verification to reset/);
      assert.equal((await withKey(t, key, 'DELETE', `/api/staff/colleagues/${NO_SUCH_ID}/second-factor`)).status, 404);
      assert.equal((await withKey(t, key, 'DELETE', '/api/staff/colleagues/piet/second-factor')).status, 422);
    });

    it('refuses every operation anonymously (401) and to every role but administrators (403)', async () => {
      const { version } = await read();
      for (const [method, path, body] of [
        ['GET', PATH, undefined],
        ['PUT', PATH, { version, required: true }],
        ['DELETE', `/api/staff/colleagues/${colleagueId}/second-factor`, undefined],
      ] as const) {
        assert.deepEqual(await refusals(t, others, method, path, body), refusedToAll(others), `${method} ${path}`);
      }
      assert.equal((await read()).version, version, 'nothing was saved');
    });
  });
}
