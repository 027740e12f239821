/** Renders every example of time (shared/html/components/time/examples.ts) and compares the markup. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { examples } from '../../../../shared/html/components/time/examples.ts';
import { time } from '../../../../shared/html/index.ts';

describe('time', () => {
  for (const example of examples.examples) {
    it(`renders the "${example.name}" example as documented`, () => {
      assert.equal(String(time(example.input)), example.html);
    });
  }
});
