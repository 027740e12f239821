import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_CALENDAR, type OfficeCalendar } from '../../../../api/services/office-hours/calendar.ts';
import {
  addOfficeMinutes,
  addWorkingDays,
  instantOf,
  localDateOf,
  officeMinutesBetween,
  openIntervals,
} from '../../../../api/services/office-hours/office-time.ts';
import { addDays } from '../../../../api/services/office-hours/calendar.ts';

const cal = DEFAULT_CALENDAR;
const at = (iso: string) => new Date(iso);
const HOURS = 60;

describe('office time', () => {
  it('opens at 09:00 Amsterdam time: 08:00 UTC in winter and 07:00 UTC in summer', () => {
    assert.equal(
      new Date(instantOf({ year: 2026, month: 1, day: 5 }, 9 * 60, cal.timeZone)).toISOString(),
      '2026-01-05T08:00:00.000Z',
    );
    assert.equal(
      new Date(instantOf({ year: 2026, month: 7, day: 6 }, 9 * 60, cal.timeZone)).toISOString(),
      '2026-07-06T07:00:00.000Z',
    );
  });

  it('counts real hours across the spring and autumn clock changes', () => {
    // Clocks go forward on Sunday 29 March 2026 and back on Sunday 25 October 2026. An office
    // open every day 00:00–23:59 shows the lost and the gained hour.
    const everyDay = [{ from: '00:00', to: '23:59' }];
    const allWeek: OfficeCalendar = {
      ...cal,
      weekly: { 0: everyDay, 1: everyDay, 2: everyDay, 3: everyDay, 4: everyDay, 5: everyDay, 6: everyDay },
    };
    assert.equal(officeMinutesBetween(allWeek, at('2026-03-28T23:00:00Z'), at('2026-03-29T22:00:00Z')), 23 * 60 - 1);
    assert.equal(officeMinutesBetween(allWeek, at('2026-10-24T22:00:00Z'), at('2026-10-25T23:00:00Z')), 25 * 60 - 1);
  });

  it('keeps 9 to 5 local on the Monday after the clocks go forward', () => {
    // Friday 27 March 2026 16:00 (15:00 UTC, winter time) + 4 office hours: 1 hour on Friday, 3 on Monday 30 March
    // (summer time), so 12:00 local = 10:00 UTC.
    assert.equal(
      addOfficeMinutes(cal, at('2026-03-27T15:00:00Z'), 4 * HOURS).toISOString(),
      '2026-03-30T10:00:00.000Z',
    );
  });

  it('carries a promise in hours across a weekend', () => {
    // Friday 4 December 2026 15:00 local (14:00 UTC) + 3 office hours = Monday 7 December 10:00 local.
    assert.equal(
      addOfficeMinutes(cal, at('2026-12-04T14:00:00Z'), 3 * HOURS).toISOString(),
      '2026-12-07T09:00:00.000Z',
    );
  });

  it('carries a promise across a weekend and Christmas', () => {
    // Thursday 24 December 2026 16:00 local + 2 office hours: Friday 25 and Saturday 26 are
    // Christmas, Sunday is closed: Monday 28 December 10:00 local.
    assert.equal(
      addOfficeMinutes(cal, at('2026-12-24T15:00:00Z'), 2 * HOURS).toISOString(),
      '2026-12-28T09:00:00.000Z',
    );
  });

  it('starts counting at opening for input that arrives at night', () => {
    assert.equal(addOfficeMinutes(cal, at('2026-12-07T02:00:00Z'), 30).toISOString(), '2026-12-07T08:30:00.000Z');
  });

  it('measures elapsed office time, leaving nights, weekends and holidays out', () => {
    // Friday 1 May 2026 16:00 local to Wednesday 6 May 10:00 local: 1 h on Friday, 8 h on Monday, none on
    // Tuesday 5 May (Bevrijdingsdag), 1 h on Wednesday.
    assert.equal(officeMinutesBetween(cal, at('2026-05-01T14:00:00Z'), at('2026-05-06T08:00:00Z')), 10 * HOURS);
    assert.equal(officeMinutesBetween(cal, at('2026-05-06T08:00:00Z'), at('2026-05-01T14:00:00Z')), -10 * HOURS);
  });

  it('counts the office time between moments months apart as a walk over every day between would', () => {
    // The reference walks day by day; the count keeps running sums of whole days per calendar,
    // filled forwards and backwards from the first day asked for (here a day in the middle).
    const walk = (calendar: OfficeCalendar, from: number, to: number) => {
      let total = 0;
      let date = localDateOf(from, calendar.timeZone);
      const last = localDateOf(to, calendar.timeZone);
      for (;;) {
        for (const [open, close] of openIntervals(calendar, date))
          total += Math.max(0, Math.min(close, to) - Math.max(open, from));
        if (date.year === last.year && date.month === last.month && date.day === last.day) break;
        date = addDays(date, 1);
      }
      return Math.floor(total / 60_000);
    };
    const closedDays: OfficeCalendar = { ...cal, closedDays: ['2026-07-20', '2026-12-28'] };
    for (const calendar of [cal, closedDays]) {
      let seed = 11;
      const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
      const middle = Date.parse('2026-06-15T10:00:00Z');
      assert.equal(officeMinutesBetween(calendar, new Date(middle), new Date(middle + 3_600_000)), 60);
      for (let i = 0; i < 200; i++) {
        const a = middle + Math.floor((random() - 0.5) * 400 * 86_400_000);
        const b = a + Math.floor(random() * 120 * 86_400_000);
        assert.equal(officeMinutesBetween(calendar, new Date(a), new Date(b)), walk(calendar, a, b), `${a} ${b}`);
      }
    }
  });

  it('is the inverse of adding office time', () => {
    const start = at('2026-04-02T13:17:00Z');
    for (const minutes of [1, 59, 8 * HOURS, 37 * HOURS + 11]) {
      assert.equal(officeMinutesBetween(cal, start, addOfficeMinutes(cal, start, minutes)), minutes);
    }
  });

  it('keeps the place in the office day for a promise in working days', () => {
    // Monday 7 December 2026 10:00 local + 2 working days = Wednesday 9 December 10:00 local.
    assert.equal(addWorkingDays(cal, at('2026-12-07T09:00:00Z'), 2).toISOString(), '2026-12-09T09:00:00.000Z');
    // Thursday 24 December 11:00 + 1 working day: over Christmas and the weekend to Monday 28 December 11:00.
    assert.equal(addWorkingDays(cal, at('2026-12-24T10:00:00Z'), 1).toISOString(), '2026-12-28T10:00:00.000Z');
  });

  it('counts working days for weekend input from the next opening', () => {
    // Saturday 5 December 2026 + 1 working day: the close of Monday 7 December (17:00 local).
    assert.equal(addWorkingDays(cal, at('2026-12-05T12:00:00Z'), 1).toISOString(), '2026-12-07T16:00:00.000Z');
  });

  it('skips Easter Monday and Good Friday when the organisation closes on it', () => {
    const closedGoodFriday = { ...cal, holidays: { goodFriday: true, liberationDay: 'every_year' as const } };
    // Thursday 2 April 2026 10:00 local (08:00 UTC, summer time) + 1 working day = Tuesday 7 April 10:00.
    assert.equal(
      addWorkingDays(closedGoodFriday, at('2026-04-02T08:00:00Z'), 1).toISOString(),
      '2026-04-07T08:00:00.000Z',
    );
    assert.equal(addWorkingDays(cal, at('2026-04-02T08:00:00Z'), 1).toISOString(), '2026-04-03T08:00:00.000Z');
  });

  it('refuses a calendar without opening hours instead of looping for ever', () => {
    assert.throws(() => addOfficeMinutes({ ...cal, weekly: {} }, at('2026-12-07T09:00:00Z'), 60), /no opening hours/);
  });
});
