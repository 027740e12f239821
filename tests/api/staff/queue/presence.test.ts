import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { createApp } from '../../../../api/app.ts';
import { itemPresence, staffSessions, staffUsers, submissions } from '../../../../api/db/schema.ts';
import { NOW, openTestApp, postJson, validAnswers, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, logIn, ORIGIN } from '../../../support/staff.ts';

type Login = { cookie: string; csrf: string };
const SECOND = 1000;

for (const target of databaseTargets()) {
  describe(`presence: who else has an item open (${target.name})`, () => {
    let t: TestApp;
    let clock = NOW;
    let fatima: Login;
    let noor: Login;
    let fatimaId: string;
    let itemId: string;

    before(async () => {
      t = await openTestApp(target, { now: () => clock });
      fatimaId = await addStaffUser(t, 'fatima@demodam.example', 'moderator');
      await addStaffUser(t, 'noor@demodam.example', 'webcare');
      await t.db.update(staffUsers).set({ displayName: 'Fatima de Vries' }).where(eq(staffUsers.id, fatimaId));
      fatima = await logIn(t, 'fatima@demodam.example');
      noor = await logIn(t, 'noor@demodam.example');
      const response = await postJson(t.app, '/api/consultations/fietsroute-stationsstraat/submissions', {
        answers: { ...validAnswers, toelichting: 'Aanwezigheid: wie kijkt er mee?' },
      });
      const { code } = await response.json();
      const [row] = await t.db.select().from(submissions).where(eq(submissions.followUpCode, code));
      itemId = row!.id;
    });
    after(() => t.close());

    const advance = (ms: number) => {
      clock = new Date(clock.getTime() + ms);
    };
    const beat = (
      who: Login | undefined,
      id = itemId,
      options: { csrf?: boolean; lang?: string; app?: TestApp['app'] } = {},
    ) =>
      (options.app ?? t.app).request(`/api/staff/items/${id}/presence${options.lang ? `?lang=${options.lang}` : ''}`, {
        method: 'POST',
        headers: {
          Origin: ORIGIN,
          Accept: 'application/json',
          ...(who ? { Cookie: who.cookie } : {}),
          ...(who && options.csrf !== false ? { 'X-CSRF-Token': who.csrf } : {}),
        },
      });
    /** The goodbye as navigator.sendBeacon sends it: a form body, no custom header. */
    const leave = (who: Login | undefined, id = itemId, csrf = who?.csrf) =>
      t.app.request(`/api/staff/items/${id}/presence/leave`, {
        method: 'POST',
        headers: {
          Origin: ORIGIN,
          'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8',
          ...(who ? { Cookie: who.cookie } : {}),
        },
        body: new URLSearchParams(csrf ? [['csrf', csrf]] : []).toString(),
      });
    const others = async (who: Login) => {
      const response = await beat(who);
      assert.equal(response.status, 200);
      return (await response.json()) as {
        others: Array<{ name: string; minutes: number }>;
        text: string;
        announcement: string;
      };
    };

    it('shows a colleague who opened the item, at page load and in the heartbeat, with how long', async () => {
      const opened = await t.app.request(`/beheer/items/${itemId}`, { headers: { Cookie: fatima.cookie } });
      assert.equal(opened.status, 200);
      const seen = await others(noor);
      assert.deepEqual(
        seen.others.map((o) => [o.name, o.minutes]),
        [['Fatima de Vries', 0]],
      );
      assert.equal(seen.text, 'Ook geopend door: Fatima de Vries (net geopend)');
      assert.equal(seen.announcement, 'Ook geopend door: Fatima de Vries.');

      advance(60 * SECOND);
      assert.equal((await beat(fatima)).status, 200);
      advance(65 * SECOND);
      const page = await (await t.app.request(`/beheer/items/${itemId}`, { headers: { Cookie: noor.cookie } })).text();
      assert.match(
        page,
        /<p class="staff-presence-line" data-presence-text>Ook geopend door: Fatima de Vries \(2 min\)<\/p>/,
      );
      assert.match(
        page,
        /<div class="staff-visually-hidden" role="status" aria-label="Wie dit item ook open heeft" data-presence-live><\/div>/,
      );
      assert.match(page, new RegExp(`data-presence-people="${fatimaId}"`));
      assert.match(page, /<script type="module" src="\/beheer\/assets\/presence\.js"><\/script>/);
      const english = await beat(noor, itemId, { lang: 'en' });
      assert.equal((await english.json()).text, 'Also open: Fatima de Vries (2 min)');
      const fatimaSees = await others(fatima);
      assert.deepEqual(
        fatimaSees.others.map((o) => o.name),
        ['noor'],
        'each sees the other, never themselves',
      );
    });

    it('is stored in the database, so a second API process sees the heartbeats of the first', async () => {
      const second = createApp({ db: t.db, databaseKind: t.database.kind, now: () => clock });
      assert.equal((await beat(fatima, itemId, { app: second })).status, 200);
      const seen = await others(noor);
      assert.ok(seen.others.some((o) => o.name === 'Fatima de Vries'));
    });

    it('drops a colleague whose heartbeat stopped after 90 seconds, and counts a return from then', async () => {
      await beat(fatima);
      advance(89 * SECOND);
      assert.equal((await others(noor)).others.length, 1, 'still there within 90 seconds');
      advance(2 * SECOND);
      const gone = await others(noor);
      assert.deepEqual(gone.others, []);
      assert.equal(gone.text, '');
      assert.equal(gone.announcement, 'Niemand anders heeft dit item nu open.');
      const rows = await t.db.select().from(itemPresence).where(eq(itemPresence.staffUserId, fatimaId));
      assert.deepEqual(rows, [], 'expired rows are deleted, not only hidden');
      await beat(fatima);
      advance(30 * SECOND);
      assert.deepEqual(
        (await others(noor)).others.map((o) => o.minutes),
        [0],
      );
    });

    it('drops a colleague at once when their page says goodbye with a beacon', async () => {
      await beat(fatima);
      assert.equal((await others(noor)).others.length, 1);
      const response = await leave(fatima);
      assert.equal(response.status, 204);
      assert.deepEqual((await others(noor)).others, []);
    });

    it('refuses without a session (401), without the CSRF token (403), and for bad or unknown items (404)', async () => {
      assert.equal((await beat(undefined)).status, 401);
      assert.equal((await beat(fatima, itemId, { csrf: false })).status, 403);
      assert.equal((await beat(fatima, 'geen-id')).status, 404);
      assert.equal((await beat(fatima, randomUUID())).status, 404);
      assert.equal((await beat(fatima, `${itemId}'--`)).status, 404);
      assert.equal((await leave(undefined)).status, 401);
      assert.equal((await leave(fatima, itemId, 'verkeerd')).status, 403);
      assert.equal((await leave(fatima, itemId, '')).status, 403);
      assert.equal((await leave(fatima, 'geen-id')).status, 404);
      const problem = await beat(undefined);
      assert.match(problem.headers.get('Content-Type') ?? '', /application\/problem\+json/);
      const rows = await t.db.select().from(itemPresence);
      assert.ok(
        rows.every((row) => row.itemId === itemId),
        'no presence on an item that is not there',
      );
    });

    it("does not extend the session's idle time: an open item page still times out", async () => {
      const before = await t.db.select().from(staffSessions);
      advance(5 * 60 * SECOND);
      assert.equal((await beat(fatima)).status, 200);
      const after = await t.db.select().from(staffSessions);
      assert.deepEqual(after.map((s) => s.expiresAt.getTime()).sort(), before.map((s) => s.expiresAt.getTime()).sort());
      await t.app.request('/beheer/', { headers: { Cookie: fatima.cookie } });
      const touched = await t.db.select().from(staffSessions);
      assert.notDeepEqual(
        touched.map((s) => s.expiresAt.getTime()).sort(),
        before.map((s) => s.expiresAt.getTime()).sort(),
        'a page view does extend it',
      );
    });

    it('goes with the staff account', async () => {
      await beat(fatima);
      await t.db.delete(staffUsers).where(eq(staffUsers.id, fatimaId));
      assert.deepEqual(await t.db.select().from(itemPresence).where(eq(itemPresence.staffUserId, fatimaId)), []);
    });
  });
}
