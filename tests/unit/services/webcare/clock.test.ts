import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { byLateness, responseClock, workingDaysBetween } from '../../../../api/services/webcare/clock.ts';
import { addWorkingDays } from '../../../../api/services/working-days.ts';

// Friday 27 November 2026, 10:00 UTC: the tests' clock.
const NOW = new Date('2026-11-27T10:00:00Z');

describe('response clock', () => {
  it('counts whole working days between two moments, skipping the weekend', () => {
    assert.equal(workingDaysBetween(NOW, new Date('2026-11-30T10:00:00Z')), 1, 'Friday to Monday is one working day');
    assert.equal(workingDaysBetween(NOW, new Date('2026-11-30T09:59:00Z')), 0, 'a minute short is not a whole day');
    assert.equal(workingDaysBetween(NOW, new Date('2026-12-07T10:00:00Z')), 6);
  });

  it('shows the working days left for an item received on Monday with a promise of ten working days', () => {
    const due = addWorkingDays(new Date('2026-11-23T10:00:00Z'), 10);
    assert.equal(due.toISOString(), '2026-12-07T10:00:00.000Z');
    assert.deepEqual(responseClock(due, NOW), { kind: 'left', workingDays: 6, hours: 240 });
  });

  it('shows hours left on the last day', () => {
    assert.deepEqual(responseClock(new Date('2026-11-27T15:30:00Z'), NOW), { kind: 'left', workingDays: 0, hours: 5 });
  });

  it('shows how many working days an item is overdue', () => {
    const due = addWorkingDays(new Date('2026-11-09T10:00:00Z'), 10);
    assert.equal(due.toISOString(), '2026-11-23T10:00:00.000Z');
    assert.deepEqual(responseClock(due, NOW), { kind: 'overdue', workingDays: 4, hours: 96 });
  });

  it('sorts overdue items with the latest first', () => {
    const items = [
      { id: 'a day late', dueAt: new Date('2026-11-26T10:00:00Z') },
      { id: 'a week late', dueAt: new Date('2026-11-20T10:00:00Z') },
      { id: 'an hour late', dueAt: new Date('2026-11-27T09:00:00Z') },
    ];
    assert.deepEqual(
      byLateness(items).map((item) => item.id),
      ['a week late', 'a day late', 'an hour late'],
    );
  });
});
