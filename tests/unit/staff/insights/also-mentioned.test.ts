import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alsoMentioned } from '../../../../api/staff/insights/view.ts';

describe("a theme's 'also mentioned' words", () => {
  const theme = {
    label: { nl: 'hondenpoep', en: 'dog poo' },
    terms: [
      { nl: 'hondenpoep', en: 'dog mess' },
      { nl: 'stoep', en: 'pavement' },
      { nl: 'Stoep', en: 'sidewalk' },
      { nl: 'prullenbak', en: 'bin' },
    ],
  };

  it('names each word once, whatever its case, and never the theme itself', () => {
    assert.equal(alsoMentioned(theme, 'nl'), 'stoep, prullenbak');
  });

  it('keeps words that differ in the other language', () => {
    assert.equal(alsoMentioned(theme, 'en'), 'dog mess, pavement, sidewalk, bin');
  });
});
