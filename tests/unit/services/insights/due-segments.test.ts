import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dueSegments, type DueSegment } from '../../../../api/services/insights/due-segments.ts';
import { DEFAULT_CALENDAR, type OfficeCalendar } from '../../../../api/services/office-hours/calendar.ts';
import { addWorkingDays } from '../../../../api/services/office-hours/office-time.ts';

const DAY_MS = 86_400_000;

/** What the database does with the table: the item's UTC day, then the range. */
function lookUp(segments: readonly DueSegment[], days: number, t: number): number | undefined {
  const found = segments.filter((s) => s.days === days && s.day === Math.floor(t / DAY_MS) && t >= s.lo && t <= s.hi);
  assert.ok(found.length <= 1, `one segment per moment at ${new Date(t).toISOString()}`);
  const segment = found[0];
  return segment === undefined ? undefined : (segment.fixed ?? t + segment.offset!);
}

const split: OfficeCalendar = {
  ...DEFAULT_CALENDAR,
  // A lunch break, a short Friday, an evening opening on Thursday, and a closed day.
  weekly: {
    1: [
      { from: '08:30', to: '12:00' },
      { from: '13:00', to: '17:00' },
    ],
    2: [
      { from: '08:30', to: '12:00' },
      { from: '13:00', to: '17:00' },
    ],
    3: [{ from: '09:00', to: '17:00' }],
    4: [
      { from: '09:00', to: '12:30' },
      { from: '18:00', to: '20:00' },
    ],
    5: [{ from: '09:00', to: '12:00' }],
  },
  closedDays: ['2026-10-30'],
};

describe('due segments', () => {
  for (const [name, calendar] of [
    ['the default calendar', DEFAULT_CALENDAR],
    ['split days, a short Friday and a closed day', split],
  ] as const) {
    for (const days of [1, 2, 5, 10]) {
      it(`give the same due moment as addWorkingDays (${name}, ${days} working days), across the clock change`, () => {
        // 20 October to 10 November 2026: the clocks go back on 25 October.
        const segments = dueSegments(
          calendar,
          days,
          { year: 2026, month: 10, day: 20 },
          { year: 2026, month: 11, day: 10 },
        );
        const from = Date.UTC(2026, 9, 19, 22);
        const to = Date.UTC(2026, 10, 10, 23);
        const moments: number[] = [];
        // Every boundary of every segment and the moments around it, and a walk every 7 minutes and 13 seconds.
        for (const s of segments) moments.push(s.lo - 1, s.lo, s.lo + 1, s.hi - 1, s.hi, s.hi + 1);
        for (let t = from; t < to; t += 433_000) moments.push(t);
        let checked = 0;
        for (const t of moments) {
          if (t < from || t > to) continue;
          assert.equal(
            lookUp(segments, days, t),
            addWorkingDays(calendar, new Date(t), days).getTime(),
            `arrival ${new Date(t).toISOString()}`,
          );
          checked++;
        }
        assert.ok(checked > 4000);
      });
    }
  }
});
