import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { screen } from '../../../../api/services/screening/index.ts';
import { classifySentiment } from '../../../../api/services/sentiment/index.ts';
import { classifyWithCorrections, trainCorrectionModel } from '../../../../api/services/sentiment/correction-model.ts';
import { decodeHtmlEntities } from '../../../../api/services/sentiment/html-entities.ts';
import { isPlausibleLanguage } from '../../../../api/services/social/language.ts';
import { fillTemplate } from '../../../../api/services/webcare/templates.ts';

// JavaScript's own property names: a lookup table that is a plain object answers for them.
const SPECIAL_NAMES = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'prototype',
  'valueOf',
  '__defineGetter__',
];

describe('texts with JavaScript special names', () => {
  for (const name of SPECIAL_NAMES) {
    it(`screens "${name}" as an ordinary word, in Dutch and English`, () => {
      for (const lang of ['nl', 'en'] as const) {
        const result = screen(`De ${name} van de brug ${name}s`, { lang });
        assert.deepEqual(result.flags, []);
        assert.equal(result.redacted, `De ${name} van de brug ${name}s`);
      }
    });

    it(`gives "${name}" a finite sentiment score`, () => {
      for (const lang of ['nl', 'en'] as const) {
        const result = classifySentiment(`De ${name} van de brug is mooi`, lang);
        assert.ok(Number.isFinite(result.score), `${lang}: ${JSON.stringify(result)}`);
        assert.ok(['positive', 'neutral', 'negative'].includes(result.label));
      }
    });
  }

  // The siblings of the word lists: other lookup tables keyed by outside text.
  it('leaves a template placeholder named after a special name as it was written', () => {
    const values = { consultation: 'Fietsroute', channel: 'Portaal', date: '1 dec' };
    for (const name of SPECIAL_NAMES) {
      assert.equal(
        fillTemplate({ body: { nl: `Over {${name}} en {consultatie}` } }, 'nl', values),
        `Over {${name}} en Fietsroute`,
      );
    }
  });

  it('decodes no HTML entity named after a special name', () => {
    for (const name of SPECIAL_NAMES) assert.equal(decodeHtmlEntities(`a &${name}; b`), `a &${name}; b`);
  });

  it('judges a language tag named after a special name without failing', () => {
    for (const name of SPECIAL_NAMES)
      assert.equal(typeof isPlausibleLanguage(name, 'De brug is mooi en veilig'), 'boolean');
  });

  it('learns and applies corrections whose words are special names', () => {
    const corrections = [];
    for (let i = 0; i < 40; i += 1) {
      const label = (['pos', 'neg', 'neu'] as const)[i % 3]!;
      const word = SPECIAL_NAMES[i % SPECIAL_NAMES.length]!;
      corrections.push({
        text: `${word} ${label === 'pos' ? 'prachtig' : label === 'neg' ? 'vreselijk' : 'gewoon'} ${i}`,
        lang: 'nl',
        label,
      });
    }
    const model = trainCorrectionModel(corrections);
    for (const name of SPECIAL_NAMES) {
      const result = classifyWithCorrections(model, `De ${name} van de brug`, 'nl');
      assert.ok(Number.isFinite(result.score) && Number.isFinite(result.confidence), JSON.stringify(result));
    }
  });
});
