import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_CALENDAR } from '../../../../api/services/office-hours/calendar.ts';
import { responseClock } from '../../../../api/services/webcare/clock.ts';
import { clockText } from '../../../../api/staff/webcare/view.ts';
import { spokenOfficeTime } from '../../../../api/staff/webcare/texts.ts';

// Friday 27 November 2026, 11:00 in Amsterdam (10:00 UTC): the tests' clock.
const NOW = new Date('2026-11-27T10:00:00Z');

describe('response clock', () => {
  it('counts office time left, leaving the evening and the weekend out', () => {
    // Due Monday 30 November 12:00 local: 6 hours on Friday and 3 on Monday.
    const clock = responseClock(DEFAULT_CALENDAR, new Date('2026-11-30T11:00:00Z'), NOW);
    assert.deepEqual(clock, { kind: 'left', minutes: 9 * 60 });
  });

  it('counts how much office time an item is late', () => {
    // Due Thursday 26 November 15:40 local: 1 h 20 min on Thursday, 2 h on Friday.
    const clock = responseClock(DEFAULT_CALENDAR, new Date('2026-11-26T14:40:00Z'), NOW);
    assert.deepEqual(clock, { kind: 'overdue', minutes: 3 * 60 + 20 });
  });

  it('calls an item due this very minute late', () => {
    assert.equal(responseClock(DEFAULT_CALENDAR, NOW, NOW).kind, 'overdue');
  });

  it('says the time in hours and minutes, in Dutch and English', () => {
    assert.equal(clockText({ kind: 'left', minutes: 200 }, 'nl'), 'nog 3 u 20 min');
    assert.equal(clockText({ kind: 'overdue', minutes: 120 }, 'nl'), '2 u te laat');
    assert.equal(clockText({ kind: 'left', minutes: 200 }, 'en'), '3 h 20 min left');
    assert.equal(clockText({ kind: 'overdue', minutes: 120 }, 'en'), '2 h late');
    // Beyond a working day of eight office hours: whole working days, then hours.
    assert.equal(clockText({ kind: 'left', minutes: 80 * 60 }, 'nl'), 'nog 10 werkdagen');
    assert.equal(clockText({ kind: 'overdue', minutes: 8 * 60 + 200 }, 'nl'), '1 werkdag 3 u te laat');
    assert.equal(clockText({ kind: 'left', minutes: 2 * 8 * 60 + 60 }, 'en'), '2 working days 1 h left');
    assert.equal(clockText({ kind: 'left', minutes: 45 }, 'nl'), 'nog 45 min');
  });

  it('spells the time out for screen readers', () => {
    assert.equal(spokenOfficeTime(200, 'nl'), '3 uur en 20 minuten');
    assert.equal(spokenOfficeTime(61, 'en'), '1 hour 1 minute');
    assert.equal(spokenOfficeTime(120, 'en'), '2 hours');
  });
});
