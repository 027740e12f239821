import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluate, toShortLabel, type ShortLabel } from '../../../../api/services/sentiment/metrics.ts';

/** Expands a confusion matrix (rows gold, columns predicted: pos, neu, neg) into pairs. */
function pairsFrom(matrix: number[][]): Array<{ gold: ShortLabel; predicted: ShortLabel }> {
  const labels: ShortLabel[] = ['pos', 'neu', 'neg'];
  const pairs: Array<{ gold: ShortLabel; predicted: ShortLabel }> = [];
  matrix.forEach((row, g) =>
    row.forEach((count, p) => {
      for (let i = 0; i < count; i++) pairs.push({ gold: labels[g]!, predicted: labels[p]! });
    }),
  );
  return pairs;
}

describe('evaluate', () => {
  it('computes accuracy, per-class F1 and macro-F1 of a hand-computed confusion matrix', () => {
    // gold pos: 8 right, 2 as neu; gold neu: 1 as pos, 6 right, 3 as neg; gold neg: 1 as neu, 4 right.
    const result = evaluate(
      pairsFrom([
        [8, 2, 0],
        [1, 6, 3],
        [0, 1, 4],
      ]),
    );
    assert.equal(result.n, 25);
    assert.equal(result.accuracy, 18 / 25);
    // pos: P 8/9, R 8/10 → F1 16/19; neu: P 6/9, R 6/10 → F1 12/19; neg: P 4/7, R 4/5 → F1 2/3.
    assert.ok(Math.abs(result.perClass.pos.f1 - 16 / 19) < 1e-12);
    assert.ok(Math.abs(result.perClass.neu.f1 - 12 / 19) < 1e-12);
    assert.ok(Math.abs(result.perClass.neg.f1 - 2 / 3) < 1e-12);
    assert.ok(Math.abs(result.macroF1 - (16 / 19 + 12 / 19 + 2 / 3) / 3) < 1e-12);
    assert.equal(result.confusion.neu.neg, 3);
  });

  it('averages over the gold classes only in a two-class set, counting undecided items as errors', () => {
    const result = evaluate(
      pairsFrom([
        [3, 1, 0],
        [0, 0, 0],
        [1, 0, 3],
      ]),
    );
    assert.deepEqual(result.classes, ['pos', 'neg']);
    // pos: P 3/4, R 3/4; neg: P 3/3, R 3/4 → F1 6/7.
    assert.ok(Math.abs(result.macroF1 - (0.75 + 6 / 7) / 2) < 1e-12);
    assert.equal(result.accuracy, 6 / 8);
  });

  it('gives a class that is never predicted precision 0 rather than NaN', () => {
    const result = evaluate(
      pairsFrom([
        [2, 0, 0],
        [1, 0, 0],
        [0, 0, 1],
      ]),
    );
    assert.equal(result.perClass.neu.precision, 0);
    assert.equal(result.perClass.neu.f1, 0);
  });

  it('accepts short and long label names', () => {
    assert.equal(toShortLabel('Positive'), 'pos');
    assert.equal(toShortLabel('neg'), 'neg');
    assert.equal(toShortLabel(' neutral '), 'neu');
    assert.equal(toShortLabel('mixed'), undefined);
  });
});
