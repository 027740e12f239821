/**
 * The office calendar as JSON (api/staff/calendar/api.ts): read and saved on the version seen
 * through the page's service, so a save moves waiting items' due times and is audited as the
 * page's; a stale save names who changed which part; a schedule the page would refuse is
 * refused here per field, in the caller's language; only administrators.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog, channelGuidelines, organisations } from '../../../../api/db/schema.ts';
import type { StaffRole } from '../../../../api/services/auth/roles.ts';
import { openTestApp, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, apiKeyFor, keysWithout, refusedToAll, refusals, withKey } from '../../../support/staff.ts';

type Calendar = {
  version: number;
  openingHours: Record<string, Array<{ from: string; to: string }>>;
  holidays: { goodFriday: boolean; liberationDay: string };
  closedDays: string[];
  promises: Array<{ channelId: string; key: string; unit: string; amount: number }>;
  recomputed?: number;
};
type Refused = { status: number; title: string; detail?: string; errors?: Array<{ field: string; message: string }> };

const WEEK = {
  monday: [
    { from: '09:00', to: '12:00' },
    { from: '13:00', to: '17:00' },
  ],
  tuesday: [{ from: '09:00', to: '17:00' }],
  wednesday: [{ from: '09:00', to: '17:00' }],
  thursday: [{ from: '09:00', to: '17:00' }],
  friday: [{ from: '09:00', to: '12:00' }],
  saturday: [],
  sunday: [],
};

for (const target of databaseTargets()) {
  describe(`the office calendar as JSON (${target.name})`, () => {
    let t: TestApp;
    let key: string;
    let colleagueKey: string;
    let others: Map<StaffRole, string>;
    let orgId: string;

    before(async () => {
      t = await openTestApp(target);
      key = await apiKeyFor(t, await addStaffUser(t, 'admin@calendar-api.example', 'administrator'));
      colleagueKey = await apiKeyFor(t, await addStaffUser(t, 'anna@calendar-api.example', 'administrator'));
      others = await keysWithout(t, 'admin', 'calendar-api');
      const [org] = await t.db.select().from(organisations).where(eq(organisations.slug, 'demodam'));
      orgId = org!.id;
    });
    after(() => t.close());

    const read = async () => (await (await withKey(t, key, 'GET', '/api/staff/office-calendar')).json()) as Calendar;
    const save = async (body: unknown, who = key, lang = 'nl') => {
      const answer = await withKey(t, who, 'PUT', '/api/staff/office-calendar', body, { 'Accept-Language': lang });
      return { status: answer.status, body: (await answer.json()) as Calendar & Refused };
    };
    /** The parts the audit entry of the save that made `version` names. */
    const partsOf = async (version: number) => {
      const entries = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.organisationId, orgId), eq(auditLog.action, 'office_calendar.changed')));
      return (entries.find((entry) => entry.details['version'] === version)!.details as { parts: string[] }).parts;
    };
    const inputOf = (calendar: Calendar) => ({
      version: calendar.version,
      openingHours: calendar.openingHours,
      holidays: calendar.holidays,
      closedDays: calendar.closedDays,
      promises: [],
    });

    it('reads the calendar with its version and every channel’s promise, and saves it on that version', async () => {
      const before = await read();
      assert.ok(before.version >= 1);
      assert.deepEqual(before.openingHours.monday, [{ from: '09:00', to: '17:00' }]);
      assert.deepEqual(before.openingHours.sunday, []);
      const portal = before.promises.find((p) => p.key === 'portal')!;
      assert.ok(portal);

      const saved = await save({
        ...inputOf(before),
        openingHours: WEEK,
        holidays: { goodFriday: true, liberationDay: 'lustrum' },
        closedDays: ['2026-12-24', '2026-12-24', '2026-12-31'],
        promises: [{ channelId: portal.channelId, unit: 'hours', amount: 48 }],
      });
      assert.equal(saved.status, 200);
      assert.equal(saved.body.version, before.version + 1);
      assert.deepEqual(saved.body.openingHours.monday, WEEK.monday);
      assert.deepEqual(saved.body.closedDays, ['2026-12-24', '2026-12-31']);
      assert.equal(typeof saved.body.recomputed, 'number');
      assert.deepEqual(
        saved.body.promises.find((p) => p.key === 'portal'),
        { ...portal, unit: 'hours', amount: 48 },
      );
      const [guideline] = await t.db
        .select()
        .from(channelGuidelines)
        .where(and(eq(channelGuidelines.organisationId, orgId), eq(channelGuidelines.key, 'portal')));
      assert.equal(guideline!.responseHours, 48);
      assert.deepEqual(await partsOf(saved.body.version), ['hours', 'holidays', 'closed_days', 'promises']);

      const again = await save({ ...inputOf(saved.body) });
      assert.equal(again.status, 200);
      assert.deepEqual(await partsOf(again.body.version), [], 'the same calendar changes no part');
    });

    it('refuses a save on an older version, naming who changed which part, and saves nothing', async () => {
      const seen = await read();
      const first = await save({ ...inputOf(seen), closedDays: ['2027-01-02'] }, colleagueKey);
      assert.equal(first.status, 200);
      const stale = await save(
        { ...inputOf(seen), holidays: { goodFriday: false, liberationDay: 'never' } },
        key,
        'en',
      );
      assert.equal(stale.status, 409);
      assert.match(stale.body.title, /A colleague has changed the office calendar/);
      assert.match(stale.body.detail!, new RegExp(`version ${seen.version + 1}\\. Changed: closed_days \\(anna\\)`));
      assert.deepEqual((await read()).holidays, seen.holidays, 'nothing of the stale save was kept');
    });

    it('refuses a schedule, holiday, closed day or promise the page would refuse, per field', async () => {
      const current = inputOf(await read());
      const portal = (await read()).promises[0]!;
      const cases: Array<[unknown, string, RegExp]> = [
        [
          { ...current, openingHours: { ...WEEK, monday: [{ from: '9', to: '17:00' }] } },
          'openingHours.monday.0.from',
          /uu:mm/,
        ],
        [
          { ...current, openingHours: { ...WEEK, tuesday: [{ from: '17:00', to: '09:00' }] } },
          'openingHours.tuesday',
          /einde moet na/,
        ],
        [
          {
            ...current,
            openingHours: {
              ...WEEK,
              monday: [
                { from: '09:00', to: '13:00' },
                { from: '12:00', to: '17:00' },
              ],
            },
          },
          'openingHours.monday',
          /overlappen/,
        ],
        [
          { ...current, openingHours: { ...WEEK, monday: [...WEEK.monday, { from: '18:00', to: '19:00' }] } },
          'openingHours.monday',
          /hoogstens twee perioden/,
        ],
        [
          {
            ...current,
            openingHours: Object.fromEntries(Object.keys(WEEK).map((day) => [day, []])),
          },
          'openingHours',
          /minstens één dag/,
        ],
        [{ ...current, openingHours: { ...WEEK, funday: [] } }, 'openingHours', /.+/],
        [{ ...current, holidays: { goodFriday: true, liberationDay: 'sometimes' } }, 'holidays.liberationDay', /.+/],
        [{ ...current, closedDays: ['31-12-2026'] }, 'closedDays.0', /.+/],
        [
          { ...current, closedDays: Array.from({ length: 367 }, () => '2027-01-01') },
          'closedDays',
          /te veel gesloten dagen/,
        ],
        [
          { ...current, promises: [{ channelId: portal.channelId, unit: 'working_days', amount: 61 }] },
          'promises.0.amount',
          /1 tot en met 60 werkdagen/,
        ],
        [
          { ...current, promises: [{ channelId: portal.channelId, unit: 'hours', amount: 0 }] },
          'promises.0.amount',
          /200 uur/,
        ],
        [
          { ...current, promises: [{ channelId: portal.channelId, unit: 'weeks', amount: 1 }] },
          'promises.0.unit',
          /.+/,
        ],
        [
          { ...current, promises: [{ channelId: '00000000-0000-4000-8000-000000000000', unit: 'hours', amount: 8 }] },
          'promises',
          /kanaal bestaat niet/,
        ],
        [{ ...current, version: 0 }, 'version', /.+/],
        [{ ...current, version: undefined }, 'version', /Vul dit in/],
      ];
      for (const [input, field, message] of cases) {
        const answer = await save(input);
        assert.equal(answer.status, 422, JSON.stringify(input).slice(0, 200));
        assert.equal(answer.body.errors?.[0]?.field, field, JSON.stringify(input).slice(0, 200));
        assert.match(answer.body.errors![0]!.message, message, JSON.stringify(input).slice(0, 200));
      }
      assert.equal((await read()).version, current.version, 'nothing was saved');
    });

    it('refuses both operations anonymously (401) and to every role but administrators (403)', async () => {
      const body = inputOf(await read());
      for (const [method, payload] of [
        ['GET', undefined],
        ['PUT', body],
      ] as const) {
        assert.deepEqual(
          await refusals(t, others, method, '/api/staff/office-calendar', payload),
          refusedToAll(others),
          method,
        );
      }
    });
  });
}
