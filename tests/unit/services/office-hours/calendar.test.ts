import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_CALENDAR,
  dutchHolidays,
  easterSunday,
  isoDate,
  openingSpans,
  weeklyHoursProblem,
} from '../../../../api/services/office-hours/calendar.ts';

describe('the opening-hours calendar', () => {
  it('computes Easter Sunday as the almanacs give it', () => {
    // Known dates, including the extremes of the computus (22 March 1818, 25 April 1943 and 2038).
    const known: Array<[number, string]> = [
      [1818, '1818-03-22'],
      [1943, '1943-04-25'],
      [2000, '2000-04-23'],
      [2008, '2008-03-23'],
      [2019, '2019-04-21'],
      [2024, '2024-03-31'],
      [2025, '2025-04-20'],
      [2026, '2026-04-05'],
      [2027, '2027-03-28'],
      [2038, '2038-04-25'],
    ];
    for (const [year, date] of known) assert.equal(isoDate(easterSunday(year)), date, `Easter ${year}`);
  });

  it('lists the Dutch public holidays of 2026 with Bevrijdingsdag every year and Goede Vrijdag open', () => {
    assert.deepEqual([...dutchHolidays(2026).entries()].sort(), [
      ['2026-01-01', 'nieuwjaarsdag'],
      ['2026-04-05', 'eerste_paasdag'],
      ['2026-04-06', 'tweede_paasdag'],
      ['2026-04-27', 'koningsdag'],
      ['2026-05-05', 'bevrijdingsdag'],
      ['2026-05-14', 'hemelvaartsdag'],
      ['2026-05-24', 'eerste_pinksterdag'],
      ['2026-05-25', 'tweede_pinksterdag'],
      ['2026-12-25', 'eerste_kerstdag'],
      ['2026-12-26', 'tweede_kerstdag'],
    ]);
  });

  it('moves Koningsdag to 26 April when the 27th is a Sunday', () => {
    assert.equal(dutchHolidays(2025).get('2025-04-26'), 'koningsdag');
    assert.equal(dutchHolidays(2025).has('2025-04-27'), false);
    assert.equal(dutchHolidays(2031).get('2031-04-26'), 'koningsdag');
  });

  it('closes on Goede Vrijdag only when the organisation says so', () => {
    assert.equal(dutchHolidays(2026).has('2026-04-03'), false);
    assert.equal(
      dutchHolidays(2026, { goodFriday: true, liberationDay: 'every_year' }).get('2026-04-03'),
      'goede_vrijdag',
    );
  });

  it('keeps Bevrijdingsdag to lustrum years or leaves it out when set so', () => {
    const lustrum = { goodFriday: false, liberationDay: 'lustrum' } as const;
    assert.equal(dutchHolidays(2025, lustrum).get('2025-05-05'), 'bevrijdingsdag');
    assert.equal(dutchHolidays(2026, lustrum).has('2026-05-05'), false);
    assert.equal(dutchHolidays(2030, { goodFriday: false, liberationDay: 'never' }).has('2030-05-05'), false);
  });

  it('is open Monday to Friday 9 to 5 except on holidays and the extra closed days', () => {
    const calendar = { ...DEFAULT_CALENDAR, closedDays: ['2026-12-24'] };
    assert.deepEqual(openingSpans(calendar, { year: 2026, month: 12, day: 23 }), [{ from: '09:00', to: '17:00' }]);
    assert.deepEqual(openingSpans(calendar, { year: 2026, month: 12, day: 24 }), [], 'an extra closed day');
    assert.deepEqual(openingSpans(calendar, { year: 2026, month: 12, day: 25 }), [], 'Christmas');
    assert.deepEqual(openingSpans(calendar, { year: 2026, month: 12, day: 19 }), [], 'a Saturday');
  });

  it('refuses weekly hours that could never make a promise fall due or that make no sense', () => {
    assert.equal(weeklyHoursProblem({}), 'never_open');
    assert.equal(weeklyHoursProblem({ 1: [{ from: '9:00', to: '17:00' }] }), 'bad_time');
    assert.equal(weeklyHoursProblem({ 1: [{ from: '17:00', to: '09:00' }] }), 'empty_span');
    assert.equal(
      weeklyHoursProblem({
        1: [
          { from: '09:00', to: '13:00' },
          { from: '12:00', to: '17:00' },
        ],
      }),
      'overlap',
    );
    assert.equal(weeklyHoursProblem(DEFAULT_CALENDAR.weekly), undefined);
  });
});
