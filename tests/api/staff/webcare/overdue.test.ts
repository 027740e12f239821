import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { submissions } from '../../../../api/db/schema.ts';
import { openTestApp, postJson, validAnswers, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, logIn } from '../../../support/staff.ts';
import { fillMissingClocks } from '../../../../api/services/office-hours/due-times.ts';

const submitPath = '/api/consultations/fietsroute-stationsstraat/submissions';

for (const target of databaseTargets()) {
  describe(`response clock and overdue view (${target.name})`, () => {
    // The clock is controlled: the app's "now" is this variable (a Friday).
    let now = new Date('2026-11-27T10:00:00Z');
    let t: TestApp;
    let webcare: { cookie: string; csrf: string };
    const ids: Record<string, string> = {};

    before(async () => {
      t = await openTestApp(target, { now: () => now });
      await addStaffUser(t, 'webcare@demodam.example', 'webcare');
      webcare = await logIn(t, 'webcare@demodam.example');
      // Received on these Mondays; the demo consultation promises an answer in 10 working days.
      for (const [name, received] of [
        ['a day late', '2026-11-12T10:00:00Z'],
        ['a week late', '2026-11-06T10:00:00Z'],
        ['on time', '2026-11-23T10:00:00Z'],
        ['answered late', '2026-11-02T10:00:00Z'],
      ] as const) {
        const response = await postJson(t.app, submitPath, { answers: validAnswers });
        const { code } = await response.json();
        const [row] = await t.db
          .update(submissions)
          // Backdated: the stored due time is computed again from the new arrival, as on start.
          .set({ createdAt: new Date(received), responseDueAt: null })
          .where(eq(submissions.followUpCode, code))
          .returning();
        ids[name] = row!.id;
      }
      await fillMissingClocks(t.db);
      await t.db.update(submissions).set({ reviewState: 'answered' }).where(eq(submissions.id, ids['answered late']!));
    });
    after(() => t.close());

    const overdue = async (path = '/beheer/te-laat') =>
      (await t.app.request(path, { headers: { Cookie: webcare.cookie } })).text();

    it('lists only waiting items past their promise, the latest first, with how late they are', async () => {
      const html = await overdue();
      assert.match(html, /<h1>Te laat<\/h1>/);
      const order = [...html.matchAll(/id="overdue-([0-9a-f-]+)-heading"/g)].map((m) => m[1]);
      const ours = order.filter((id) => Object.values(ids).includes(id!));
      assert.deepEqual(ours, [ids['a week late'], ids['a day late']]);
      // Due Friday 20 November 11:00 local; by Friday 27 November 11:00 that is 6 + 4 × 8 + 2 office hours.
      assert.match(
        html,
        new RegExp(
          `overdue-${ids['a week late']}-heading[\\s\\S]*?<strong class="staff-overdue" data-clock="overdue"><span aria-hidden="true">5 werkdagen te laat</span><span class="staff-visually-hidden">5 werkdagen kantoortijd te laat</span>`,
        ),
      );
      // Due Thursday 26 November 11:00 local: 6 office hours that day and 2 on Friday.
      assert.match(html, new RegExp(`overdue-${ids['a day late']}-heading[\\s\\S]*?1 werkdag te laat`));
      assert.match(html, /<a href="\/beheer\/te-laat" aria-current="page">Te laat<\/a>/);
    });

    it('shows every item in the queue with the time left or how late it is', async () => {
      const html = await (await t.app.request('/beheer/', { headers: { Cookie: webcare.cookie } })).text();
      assert.match(
        html,
        new RegExp(
          // Due Monday 7 December 11:00 local: 6 office hours on Friday, 40 next week, 2 on Monday.
          `/beheer/items/${ids['on time']}"[\\s\\S]*?<dt class="staff-visually-hidden">Tijd over</dt><dd><span data-clock="left"><span aria-hidden="true">nog 6 werkdagen</span><span class="staff-visually-hidden">nog 6 werkdagen kantoortijd</span>`,
        ),
      );
      assert.match(
        html,
        new RegExp(
          `/beheer/items/${ids['a day late']}"[\\s\\S]*?<dt class="staff-visually-hidden">Tijd over</dt><dd><strong class="staff-overdue" data-clock="overdue"><span aria-hidden="true">1 werkdag te laat</span>`,
        ),
      );
    });

    it('pages through more overdue items than a page holds, the latest first, and counts them all', async () => {
      // 130 more, due one minute apart in the past, beside the two late ones above.
      const [consultation] = await t.db
        .select({ id: submissions.consultationId })
        .from(submissions)
        .where(eq(submissions.id, ids['a day late']!));
      await t.db.execute(sql`insert into submissions (consultation_id, channel, language, follow_up_code, screening,
          review_state, created_at, updated_at, response_due_at)
        select ${consultation!.id}::uuid, 'portal', 'nl', 'LATE-' || g,
          jsonb_build_object('version', 1, 'screenedAt', '2026-11-01T00:00:00Z', 'fields', '[]'::jsonb), 'new',
          timestamptz '2026-10-01T00:00:00Z', timestamptz '2026-10-01T00:00:00Z',
          timestamptz '2026-11-25T08:00:00Z' + g * interval '1 minute'
        from generate_series(1, 130) as g`);
      const dueOf = async (id: string) =>
        (await t.db.select({ due: submissions.responseDueAt }).from(submissions).where(eq(submissions.id, id)))[0]!
          .due!;
      const idsOn = (html: string) => [...html.matchAll(/id="overdue-([0-9a-f-]+)-heading"/g)].map((m) => m[1]!);

      const first = await overdue();
      assert.match(first, /<p>132 items te laat\.<\/p>/);
      const firstIds = idsOn(first);
      assert.equal(firstIds.length, 100);
      assert.equal(firstIds[0], ids['a week late'], 'the latest first');
      const next = first.match(/href="(\/beheer\/te-laat\?na=[0-9]+\.[0-9a-f-]+)" rel="next">Volgende pagina/)?.[1];
      assert.ok(next, 'a link to the next page');
      assert.doesNotMatch(first, /Terug naar de meest te late/);

      const second = await overdue(next);
      const secondIds = idsOn(second);
      assert.equal(secondIds.length, 32);
      assert.match(second, /<p>132 items te laat\.<\/p>/, 'the count is of all, on every page');
      assert.match(second, /<a href="\/beheer\/te-laat">Terug naar de meest te late<\/a>/);
      assert.doesNotMatch(second, /rel="next"/, 'the last page');
      const all = [...firstIds, ...secondIds];
      assert.equal(new Set(all).size, 132, 'each item once');
      const dues = await Promise.all(all.map(dueOf));
      assert.ok(
        dues.every((due, i) => i === 0 || dues[i - 1]!.getTime() <= due.getTime()),
        'ordered by how late they are',
      );
      assert.equal(
        idsOn(await overdue('/beheer/te-laat?na=onzin')).length,
        100,
        'a cursor that does not parse is page 1',
      );
      await t.db.execute(sql`delete from submissions where follow_up_code like 'LATE-%'`);
    });

    it('counts a huge backlog up to ten thousand and says "more than" beyond, on every page', async () => {
      const [consultation] = await t.db
        .select({ id: submissions.consultationId })
        .from(submissions)
        .where(eq(submissions.id, ids['a day late']!));
      // Beside the two late ones above: 9,998 make exactly ten thousand, one more passes it.
      const addLate = (from: number, to: number) =>
        t.db.execute(sql`insert into submissions (consultation_id, channel, language, follow_up_code, screening,
            review_state, created_at, updated_at, response_due_at)
          select ${consultation!.id}::uuid, 'widget', 'nl', 'HEAP-' || g,
            jsonb_build_object('version', 1, 'screenedAt', '2026-11-01T00:00:00Z', 'fields', '[]'::jsonb), 'new',
            timestamptz '2026-10-01T00:00:00Z', timestamptz '2026-10-01T00:00:00Z',
            timestamptz '2026-11-25T08:00:00Z' + g * interval '1 second'
          from generate_series(${from}::int, ${to}::int) as g`);
      try {
        await addLate(1, 9_998);
        assert.match(await overdue(), /<p>10\.000 items te laat\.<\/p>/, 'exact up to the limit');
        await addLate(9_999, 9_999);
        const first = await overdue();
        assert.match(first, /<p>Meer dan 10\.000 items te laat\.<\/p>/);
        const next = first.match(/href="(\/beheer\/te-laat\?na=[0-9]+\.[0-9a-f-]+)" rel="next"/)?.[1];
        assert.ok(next, 'a link to the next page');
        assert.match(await overdue(next), /<p>Meer dan 10\.000 items te laat\.<\/p>/);
        assert.match(await overdue('/en/manage/overdue'), /<p>More than 10,000 items overdue\.<\/p>/);
        // One of them leaves the waiting states (published): the count is back under the limit at once.
        await t.db.execute(sql`update submissions set review_state = 'published' where follow_up_code = 'HEAP-9999'`);
        assert.match(await overdue(), /<p>10\.000 items te laat\.<\/p>/);
      } finally {
        await t.db.execute(sql`delete from submissions where follow_up_code like 'HEAP-%'`);
      }
    });

    it('sends anonymous visitors to the log-in page and refuses analysts', async () => {
      const anonymous = await t.app.request('/beheer/te-laat');
      assert.equal(anonymous.status, 303);
      assert.equal(anonymous.headers.get('Location'), '/beheer/inloggen?next=%2Fbeheer%2Fte-laat');
      await addStaffUser(t, 'analyst@demodam.example', 'analyst');
      const analyst = await logIn(t, 'analyst@demodam.example');
      assert.equal((await t.app.request('/beheer/te-laat', { headers: { Cookie: analyst.cookie } })).status, 403);
    });

    it('moves items onto the overdue view as the clock passes their promise', async () => {
      assert.doesNotMatch(await overdue(), new RegExp(ids['on time']!));
      now = new Date('2026-12-07T13:00:00Z');
      // Ten days on, the morning's session has long ended: log in again.
      const later = await logIn(t, 'webcare@demodam.example');
      const html = await (await t.app.request('/en/manage/overdue', { headers: { Cookie: later.cookie } })).text();
      assert.match(
        html,
        new RegExp(
          `overdue-${ids['on time']}-heading[\\s\\S]*?3 h late</span><span class="staff-visually-hidden">3 hours of office time late</span>`,
        ),
      );
    });
  });
}
