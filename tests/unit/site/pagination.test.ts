import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { paginate } from '../../../site/lib/pagination.ts';

describe('paginate', () => {
  test('splits a list into pages of the given size, the last one shorter', () => {
    const pages = paginate([1, 2, 3, 4, 5, 6, 7], 3);
    assert.deepEqual(
      pages.map((page) => page.items),
      [[1, 2, 3], [4, 5, 6], [7]],
    );
    assert.deepEqual(
      pages.map(({ page, pages: count, from, to, total }) => ({ page, count, from, to, total })),
      [
        { page: 1, count: 3, from: 1, to: 3, total: 7 },
        { page: 2, count: 3, from: 4, to: 6, total: 7 },
        { page: 3, count: 3, from: 7, to: 7, total: 7 },
      ],
    );
  });

  test('gives an empty list one empty page, so its address always exists', () => {
    assert.deepEqual(paginate([], 10), [{ items: [], page: 1, pages: 1, total: 0, from: 0, to: 0 }]);
  });

  test('refuses a page size below one', () => {
    assert.throws(() => paginate([1], 0), RangeError);
  });
});
