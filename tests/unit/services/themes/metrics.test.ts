import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { adjustedRandIndex, inversePurity, purity } from '../../../../api/services/themes/metrics.ts';

describe('adjustedRandIndex', () => {
  it('is 1 for the same grouping under other names', () => {
    assert.equal(adjustedRandIndex(['a', 'a', 'b', 'b', 'c'], ['x', 'x', 'y', 'y', 'z']), 1);
  });

  it('matches a worked example', () => {
    // Contingency [[2,1],[0,2]] (truth rows a, b): index 2, rows 3+1=4, columns 1+3=4, pairs 10.
    // expected 4·4/10 = 1.6, maximum 4: (2 − 1.6) / (4 − 1.6) = 1/6.
    const ari = adjustedRandIndex(['a', 'a', 'a', 'b', 'b'], ['x', 'x', 'y', 'y', 'y']);
    assert.ok(Math.abs(ari - 1 / 6) < 1e-12, String(ari));
  });

  it('is below zero for a grouping worse than chance', () => {
    assert.ok(adjustedRandIndex(['a', 'a', 'b', 'b'], ['x', 'y', 'x', 'y']) < 0);
  });

  it('refuses labellings of different lengths', () => {
    assert.throws(() => adjustedRandIndex(['a'], ['x', 'y']));
  });
});

describe('purity', () => {
  it('counts the items in the majority theme of their cluster, and inverse purity the other way', () => {
    const truth = ['a', 'a', 'a', 'b', 'b', 'b'];
    const predicted = ['x', 'x', 'x', 'x', 'y', 'y'];
    assert.equal(purity(truth, predicted), 5 / 6);
    assert.equal(inversePurity(truth, predicted), 5 / 6);
    assert.equal(purity(truth, ['1', '2', '3', '4', '5', '6']), 1, 'singletons are pure');
    assert.equal(inversePurity(truth, ['1', '2', '3', '4', '5', '6']), 2 / 6, 'but split every theme');
  });
});
