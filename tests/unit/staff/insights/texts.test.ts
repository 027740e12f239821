import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { en, nl } from '../../../../api/staff/insights/texts.ts';

describe('the response promise in the insights table', () => {
  it('says working days or office hours, in Dutch and English, one or more', () => {
    assert.equal(nl.promise({ unit: 'working_days', from: 1, to: 1 }), '1 werkdag');
    assert.equal(nl.promise({ unit: 'working_days', from: 10, to: 10 }), '10 werkdagen');
    assert.equal(nl.promise({ unit: 'hours', from: 16, to: 16 }), '16 uur kantoortijd');
    assert.equal(en.promise({ unit: 'working_days', from: 1, to: 1 }), '1 working day');
    assert.equal(en.promise({ unit: 'hours', from: 1, to: 1 }), '1 office hour');
    assert.equal(en.promise({ unit: 'hours', from: 4, to: 4 }), '4 office hours');
  });

  it('gives the range where the items of one channel were promised different times', () => {
    assert.equal(nl.promise({ unit: 'working_days', from: 5, to: 10 }), '5–10 werkdagen');
    assert.equal(en.promise({ unit: 'working_days', from: 1, to: 2 }), '1–2 working days');
  });
});
