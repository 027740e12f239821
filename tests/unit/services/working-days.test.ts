import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addWorkingDays } from '../../../api/services/working-days.ts';

describe('working days', () => {
  it('skip weekends', () => {
    // Friday + 1 working day = Monday.
    assert.equal(addWorkingDays(new Date('2026-11-27T10:00:00Z'), 1).toISOString(), '2026-11-30T10:00:00.000Z');
    assert.equal(addWorkingDays(new Date('2026-11-27T10:00:00Z'), 5).toISOString(), '2026-12-04T10:00:00.000Z');
  });

  it('count a request on Saturday from the next Monday', () => {
    assert.equal(addWorkingDays(new Date('2026-11-28T10:00:00Z'), 1).toISOString(), '2026-11-30T10:00:00.000Z');
  });

  it('leave the date alone for zero days', () => {
    assert.equal(addWorkingDays(new Date('2026-11-27T10:00:00Z'), 0).toISOString(), '2026-11-27T10:00:00.000Z');
  });
});
