import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pagerNumbers } from '../../../../shared/render/published-lists.ts';

describe('the pager of a consultation’s responses', () => {
  test('links every page when there are few', () => {
    assert.deepEqual(pagerNumbers(1, 1), [1]);
    assert.deepEqual(pagerNumbers(2, 5), [1, 2, 3, 4, 5]);
  });

  test('links the first, the last and two either side of the current page when there are many', () => {
    assert.deepEqual(pagerNumbers(1, 1_000), [1, 2, 3, 'gap', 1_000]);
    assert.deepEqual(pagerNumbers(500, 1_000), [1, 'gap', 498, 499, 500, 501, 502, 'gap', 1_000]);
    assert.deepEqual(pagerNumbers(1_000, 1_000), [1, 'gap', 998, 999, 1_000]);
  });

  test('leaves no gap where none is skipped', () => {
    assert.deepEqual(pagerNumbers(4, 10), [1, 2, 3, 4, 5, 6, 'gap', 10]);
    assert.deepEqual(pagerNumbers(7, 10), [1, 'gap', 5, 6, 7, 8, 9, 10]);
  });
});
