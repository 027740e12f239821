import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentFeatures } from '../../../../api/services/themes/features.ts';

describe('documentFeatures', () => {
  it('finds the same concepts and phrase in a Dutch compound and its English words', () => {
    const dutch = documentFeatures('Het fietspad is veel te smal.', 'nl');
    const english = documentFeatures('The cycle path is far too narrow.', 'en');
    for (const key of ['c:bike', 'c:path', 'c:bike+c:path']) {
      assert.ok(dutch.counts.has(key), `Dutch ${key}`);
      assert.ok(english.counts.has(key), `English ${key}`);
    }
    assert.equal(dutch.surfaces.get('c:bike+c:path'), 'fietspad', 'the compound is the phrase as written');
    assert.equal(english.surfaces.get('c:bike+c:path'), 'cycle path');
  });

  it('leaves out stop words and does not join words across a stop word or punctuation', () => {
    const { counts } = documentFeatures('De bomen in het park, en de speeltuin.', 'nl');
    assert.ok(!counts.has('s:de') && !counts.has('s:het'));
    assert.ok(counts.has('c:tree') && counts.has('c:park') && counts.has('c:play'));
    assert.ok(![...counts.keys()].some((key) => key.includes('+')), [...counts.keys()].join(' '));
  });

  it('reads English "park" as parking after a verb and as a green space after an article', () => {
    assert.ok(documentFeatures('There is nowhere to park', 'en').counts.has('c:parking'));
    assert.ok(documentFeatures('The trees in the park', 'en').counts.has('c:park'));
  });

  it('treats a two-word expression as one concept', () => {
    const { counts, surfaces } = documentFeatures('De blauwe zone is uitgebreid', 'nl');
    assert.ok(counts.has('c:zone'));
    assert.equal(surfaces.get('c:zone'), 'blauwe zone');
    assert.ok(!counts.has('s:blauw'));
  });
});
