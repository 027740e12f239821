/** Renders every example of inlineText (shared/html/components/localized/examples.ts) and compares the markup. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { examples } from '../../../../shared/html/components/localized/examples.ts';
import { inlineText } from '../../../../shared/html/index.ts';

describe('inlineText', () => {
  for (const example of examples.examples) {
    it(`renders the "${example.name}" example as documented`, () => {
      assert.equal(String(inlineText(example.input.text, example.input.lang)), example.html);
    });
  }

  it('shows hostile text as text, never as markup', () => {
    const hostile = examples.examples.find((example) => example.name === 'hostile');
    assert.ok(hostile, 'every component that shows text has a hostile example');
    assert.doesNotMatch(hostile.html, /<script/);
  });
});
