/**
 * The weekly insights summary (api/staff/insights/weekly-summary.ts): who gets it, in which
 * language, what it holds, and that each person gets it once per week.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { outboxMessages, pageVisits } from '../../../../api/db/schema.ts';
import { preferencesOf, savePreferences } from '../../../../api/services/notifications/preferences.ts';
import {
  lastWeek,
  queueWeeklySummaries,
  runWeeklySummaryIfDue,
} from '../../../../api/staff/insights/weekly-summary.ts';
import { NOW, openTestApp, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser } from '../../../support/staff.ts';

describe('the week a summary covers', () => {
  it('is the last complete ISO week in Amsterdam', () => {
    // Friday 27 November 2026: the week before is Monday 16 to Sunday 22 November.
    assert.deepEqual(lastWeek(NOW), { from: '2026-11-16', to: '2026-11-22', week: '2026-W47' });
    // Sunday 23:30 UTC is already Monday in Amsterdam.
    assert.equal(lastWeek(new Date('2026-11-29T23:30:00Z')).week, '2026-W48');
  });
});

for (const target of databaseTargets()) {
  describe(`the weekly insights summary (${target.name})`, () => {
    let t: TestApp;
    const mails = () => t.db.select().from(outboxMessages).where(eq(outboxMessages.kind, 'staff.weekly_summary'));
    before(async () => {
      t = await openTestApp(target);
      await addStaffUser(t, 'analist.nl@demodam.example', 'analyst');
      const english = await addStaffUser(t, 'analist.en@demodam.example', 'analyst');
      const optedOut = await addStaffUser(t, 'analist.uit@demodam.example', 'analyst');
      await addStaffUser(t, 'afdeling.week@demodam.example', 'department_member', { department: 'verkeer' });
      const en = await preferencesOf(t.db, english);
      await savePreferences(t.db, english, { ...en, language: 'en' }, NOW);
      const off = await preferencesOf(t.db, optedOut);
      await savePreferences(
        t.db,
        optedOut,
        { ...off, channels: { ...off.channels, weekly_summary: { workbench: true, email: false } } },
        NOW,
      );
      await t.db.insert(pageVisits).values([
        { day: '2026-11-18', path: '/consultaties/fietsroute-stationsstraat/', kind: 'page', visits: 14 },
        { day: '2026-11-10', path: '/consultaties/fietsroute-stationsstraat/', kind: 'page', visits: 11 },
      ]);
    });
    after(() => t.close());

    it('goes to those who read insights and did not turn it off, in their language, with the tables', async () => {
      assert.equal(await queueWeeklySummaries(t.db, NOW), (await mails()).length);
      const byRecipient = new Map((await mails()).map((m) => [m.recipient, m]));
      assert.ok(byRecipient.has('analist.nl@demodam.example'));
      assert.ok(byRecipient.has('analist.en@demodam.example'));
      assert.ok(!byRecipient.has('analist.uit@demodam.example'), 'turned off');
      assert.ok(!byRecipient.has('afdeling.week@demodam.example'), 'does not read insights');
      const nl = byRecipient.get('analist.nl@demodam.example')!;
      assert.equal(nl.locale, 'nl');
      assert.equal(nl.subject, 'Inzichten van de week van 2026-11-16 tot en met 2026-11-22');
      assert.match(nl.html!, /<html lang="nl">/);
      assert.match(nl.html!, /<caption>Deze periode en de vorige vergeleken<\/caption>/);
      assert.match(
        nl.html!,
        /<th scope="row" style="text-align:left">Paginabezoeken op het portaal<\/th><td style="text-align:right">14<\/td><td style="text-align:right">11<\/td><td style="text-align:right">3<\/td>/,
      );
      assert.match(nl.html!, /Paginabezoeken op het portaal steeg van 11 naar 14/);
      assert.match(
        nl.text,
        /Paginabezoeken op het portaal\n {2}Deze periode \(2026-11-16 t\/m 2026-11-22\): 14\n {2}Vorige periode \(2026-11-09 t\/m 2026-11-15\): 11/,
      );
      assert.match(nl.text, /\/beheer\/inzichten\/\?from=2026-11-16&to=2026-11-22/);
      const en = byRecipient.get('analist.en@demodam.example')!;
      assert.match(en.html!, /<html lang="en">/);
      assert.match(en.html!, /Reach per consultation/);
      assert.ok(en.headers && JSON.stringify(en.headers).includes('List-Unsubscribe'));
    });

    it('is queued once per person and week, however often the check runs', async () => {
      const before = (await mails()).length;
      assert.equal(await queueWeeklySummaries(t.db, NOW), 0);
      await runWeeklySummaryIfDue(t.db, new Date(NOW.getTime() + 3_600_000), 60_000);
      await runWeeklySummaryIfDue(t.db, new Date(NOW.getTime() + 7_200_000), 60_000);
      assert.equal((await mails()).length, before);
      // The next week brings the next summary.
      await runWeeklySummaryIfDue(t.db, new Date(NOW.getTime() + 7 * 86_400_000), 60_000);
      assert.equal((await mails()).length, before * 2);
    });
  });
}
