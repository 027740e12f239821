/** Renders every example of paragraphs (shared/html/components/paragraphs/examples.ts) and compares the markup. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { examples } from '../../../../shared/html/components/paragraphs/examples.ts';
import { lineBreaks, localizedParagraphs, paragraphs } from '../../../../shared/html/index.ts';

describe('paragraphs', () => {
  for (const example of examples.examples) {
    it(`renders the "${example.name}" example as documented`, () => {
      assert.equal(String(paragraphs(example.input.text, example.input.options)), example.html);
    });
  }

  it('shows hostile text as text, never as markup', () => {
    const hostile = examples.examples.find((example) => example.name === 'hostile');
    assert.ok(hostile, 'every component that shows text has a hostile example');
    assert.doesNotMatch(hostile.html, /<script/);
  });

  it('writes a localized text as paragraphs, marked as Dutch where the English is missing', () => {
    assert.equal(
      String(localizedParagraphs({ nl: 'Een\n\nTwee' }, 'en')),
      '<p lang="nl">Een</p>\n<p lang="nl">Twee</p>',
    );
    assert.equal(
      String(localizedParagraphs({ nl: 'Een', en: 'One' }, 'en', 'podium-lead')),
      '<p class="podium-lead">One</p>',
    );
  });

  it('keeps line breaks of text on one spot, escaped', () => {
    assert.equal(String(lineBreaks('a <b>\r\nc')), 'a &lt;b&gt;<br>c');
  });
});
