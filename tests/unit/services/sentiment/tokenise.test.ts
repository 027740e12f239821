import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeHtmlEntities } from '../../../../api/services/sentiment/html-entities.ts';
import { tokenise } from '../../../../api/services/sentiment/tokenise.ts';

const texts = (text: string) => tokenise(text).map((token) => token.text);

describe('tokenise', () => {
  it('lowercases words and keeps diacritics', () => {
    assert.deepEqual(texts('Één Geërgerde bewoner'), ['één', 'geërgerde', 'bewoner']);
  });

  it('removes URLs and mentions', () => {
    assert.deepEqual(texts('Kijk @gemeente https://example.nl/slecht www.x.nl nu'), ['kijk', 'nu']);
  });

  it('keeps emoji (without skin tone) and emoticons as tokens', () => {
    const tokens = tokenise('top 👍🏽 :-( <3');
    assert.deepEqual(
      tokens.map((token) => [token.text, token.kind]),
      [
        ['top', 'word'],
        ['👍', 'emoji'],
        [':-(', 'emoticon'],
        ['<3', 'emoticon'],
      ],
    );
  });

  it("keeps apostrophes and hyphens inside words: zo'n, auto's, don't", () => {
    assert.deepEqual(texts("zo'n auto's don’t 30-km-zone"), ["zo'n", "auto's", "don't", '30-km-zone']);
  });

  it('keeps clause punctuation and marks shouted words', () => {
    const tokens = tokenise('Dit is SLECHT, echt!');
    assert.deepEqual(texts('Dit is SLECHT, echt!'), ['dit', 'is', 'slecht', ',', 'echt', '!']);
    assert.equal(tokens[2]!.shouted, true);
    assert.equal(tokenise('ALLES IN HOOFDLETTERS')[0]!.shouted, false, 'an all-caps text is not emphasis');
  });

  it('decodes named and numeric HTML entities and leaves unknown ones', () => {
    assert.equal(
      decodeHtmlEntities('a &amp; b &gt; c &#39;d&#39; &#x1F600; &onbekend;'),
      "a & b > c 'd' 😀 &onbekend;",
    );
  });
});
