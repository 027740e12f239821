import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { conceptName, splitCompound, wordConcept } from '../../../../api/services/themes/vocabulary.ts';
import { stemDutch, stemEnglish } from '../../../../api/services/themes/stem.ts';

describe('the bilingual vocabulary', () => {
  it('gives corresponding Dutch and English words one concept', () => {
    for (const [nl, en] of [
      ['fiets', 'bike'],
      ['parkeren', 'parking'],
      ['drempel', 'bump'],
      ['stoeprand', 'kerb'],
      ['kliko', 'bin'],
      ['bomen', 'trees'],
    ]) {
      const dutch = wordConcept(stemDutch(nl!), 'nl');
      assert.ok(dutch, nl);
      assert.equal(dutch, wordConcept(stemEnglish(en!), 'en'), `${nl} and ${en}`);
    }
  });

  it('names every concept in both languages', () => {
    assert.equal(conceptName('bike', 'nl'), 'fiets');
    assert.equal(conceptName('bike', 'en'), 'bike');
    assert.equal(conceptName('constructor', 'en'), undefined);
  });
});

describe('splitCompound', () => {
  it('splits a Dutch compound into its known parts, through a linking -s- or -en-', () => {
    assert.deepEqual(
      splitCompound('fietsenstalling')?.map((p) => p.concept),
      ['bike', 'rack'],
    );
    assert.deepEqual(
      splitCompound('geluidsoverlast')?.map((p) => p.concept),
      ['noise', 'crime'],
    );
  });

  it('keeps an unknown tail as its stem and leaves words with no known head alone', () => {
    const parts = splitCompound('parkeerbeleid');
    assert.equal(parts?.[0]?.concept, 'parking');
    assert.deepEqual([parts?.[1]?.concept, parts?.[1]?.text], [undefined, 'beleid']);
    assert.equal(splitCompound('vijverweg'), undefined);
  });
});
