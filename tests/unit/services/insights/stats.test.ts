import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { median, percentile } from '../../../../api/services/insights/stats.ts';

describe('median and percentile', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([]), null);
  });

  it('uses the nearest rank for the 90th percentile, so it is always a value that occurred', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    assert.equal(percentile(values, 90), 9);
    assert.equal(percentile([...values, 11], 90), 10);
    assert.equal(percentile([7], 90), 7);
    assert.equal(percentile([], 90), null);
  });
});
