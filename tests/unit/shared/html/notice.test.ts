/** Renders every example of notice (shared/html/components/notice/examples.ts) and compares the markup. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { examples } from '../../../../shared/html/components/notice/examples.ts';
import { notice } from '../../../../shared/html/index.ts';

describe('notice', () => {
  for (const example of examples.examples) {
    it(`renders the "${example.name}" example as documented`, () => {
      assert.equal(String(notice(example.input)), example.html);
    });
  }

  it('shows hostile text as text, never as markup', () => {
    const hostile = examples.examples.find((example) => example.name === 'hostile');
    assert.ok(hostile, 'every component that shows text has a hostile example');
    assert.doesNotMatch(hostile.html, /<script/);
  });
});
