import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { screen } from '../../../../api/services/screening/index.ts';
import { classifySentiment } from '../../../../api/services/sentiment/index.ts';

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
});
