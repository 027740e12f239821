import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  amsterdamDate,
  isCalendarDate,
  isoWeek,
  isoWeekOfDate,
  weeksBetween,
} from '../../../../api/services/insights/weeks.ts';

describe('ISO weeks in Europe/Amsterdam', () => {
  it('puts late Sunday evening UTC in the Monday week when it is already Monday in Amsterdam', () => {
    // 2026-11-22 is a Sunday; 23:30 UTC is 00:30 on Monday 23 November in Amsterdam (CET, +1).
    const instant = new Date('2026-11-22T23:30:00Z');
    assert.equal(amsterdamDate(instant), '2026-11-23');
    assert.equal(isoWeek(instant), '2026-W48');
    assert.equal(isoWeek(new Date('2026-11-22T22:30:00Z')), '2026-W47');
  });

  it('follows summer time: 22:30 UTC on a summer Sunday is already Monday in Amsterdam', () => {
    // 2026-06-28 is a Sunday; CEST is +2, so 22:30 UTC is 00:30 on Monday 29 June.
    assert.equal(isoWeek(new Date('2026-06-28T22:30:00Z')), '2026-W27');
    assert.equal(isoWeek(new Date('2026-06-28T21:30:00Z')), '2026-W26');
  });

  it('gives the ISO year of a week, which differs from the calendar year around new year', () => {
    assert.equal(isoWeekOfDate('2027-01-01'), '2026-W53');
    assert.equal(isoWeekOfDate('2026-01-01'), '2026-W01');
    assert.equal(isoWeekOfDate('2024-12-30'), '2025-W01');
  });

  it('lists every week that has a day in the period, empty weeks included', () => {
    assert.deepEqual(weeksBetween('2026-11-01', '2026-11-18'), ['2026-W44', '2026-W45', '2026-W46', '2026-W47']);
    assert.deepEqual(weeksBetween('2026-11-23', '2026-11-23'), ['2026-W48']);
  });

  it('accepts real calendar dates only', () => {
    assert.equal(isCalendarDate('2026-02-28'), true);
    assert.equal(isCalendarDate('2026-02-30'), false);
    assert.equal(isCalendarDate('2026-2-3'), false);
    assert.equal(isCalendarDate('gisteren'), false);
  });
});
