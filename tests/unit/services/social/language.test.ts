import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalLanguageTag, postLanguage } from '../../../../api/services/social/language.ts';

describe('the language of a post', () => {
  it('keeps a declared language that fits the text', () => {
    assert.equal(postLanguage('nl', 'Wat vindt u van de nieuwe fietsroute langs het park?'), 'nl');
    assert.equal(postLanguage(['en'], 'Thank you, we will look into the broken street light this week.'), 'en');
  });

  it('keeps a declared language on a short text that cannot be judged', () => {
    assert.equal(postLanguage('nl', 'Goed plan'), 'nl');
  });

  it('omits a language whose script is absent from the text, like "ja" on English', () => {
    assert.equal(postLanguage('ja', 'Toot, finally!'), undefined);
    assert.equal(postLanguage('ja', 'こんにちは、公園の自転車道'), 'ja');
  });

  it('omits a declared language that the detector confidently contradicts', () => {
    assert.equal(
      postLanguage('en', 'Wat vindt u van de nieuwe fietsroute langs het park? Laat het ons weten.'),
      undefined,
    );
  });

  it('takes the first plausible of several declared languages', () => {
    assert.equal(postLanguage(['ja', 'nl'], 'Eindelijk een veilige oversteek bij de school!'), 'nl');
  });

  it('omits missing, empty, malformed and "no language" codes', () => {
    for (const tag of [null, undefined, '', 'und', 'zxx', 'qme', 'qst', 'i-klingon', 'not a tag', 42]) {
      assert.equal(postLanguage(tag, 'hey there'), undefined, String(tag));
    }
  });

  it('writes tags in canonical BCP 47 form', () => {
    assert.equal(canonicalLanguageTag('EN_us'), 'en-US');
    assert.equal(canonicalLanguageTag('nl-nl'), 'nl-NL');
  });
});
