import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stemDutch, stemEnglish } from '../../../../api/services/themes/stem.ts';

describe('stemDutch', () => {
  it('gives plurals, verb forms and adjectives the stem of the base word', () => {
    for (const [a, b] of [
      ['fietsen', 'fiets'],
      ['bomen', 'boom'],
      ['straten', 'straat'],
      ['bakken', 'bak'],
      ['blauwe', 'blauw'],
      ['rijdt', 'rijd'],
      ['auto’s', 'auto'],
    ])
      assert.equal(stemDutch(a!), stemDutch(b!), `${a} and ${b}`);
  });

  it('keeps words apart that only look alike', () => {
    assert.notEqual(stemDutch('fiets'), stemDutch('fietser'));
    assert.notEqual(stemDutch('park'), stemDutch('parkeren'));
  });
});

describe('stemEnglish', () => {
  it('gives plurals, -ed and -ing forms the stem of the base word', () => {
    for (const [a, b] of [
      ['potholes', 'pothole'],
      ['lights', 'lighting'],
      ['stopped', 'stop'],
      ['bikes', 'biking'],
      ['parties', 'party'],
    ])
      assert.equal(stemEnglish(a!), stemEnglish(b!), `${a} and ${b}`);
  });

  it('leaves words ending in -ss, -us and short words alone', () => {
    assert.equal(stemEnglish('grass'), 'grass');
    assert.equal(stemEnglish('bus'), 'bus');
    assert.equal(stemEnglish('ring'), 'ring');
  });
});
