import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractThemes } from '../../../../api/services/sentiment/index.ts';

const items = [
  { id: 'a', lang: 'nl', text: 'De blauwe zone is veel te klein voor de bewoners.' },
  { id: 'b', lang: 'nl', text: 'Waarom is de blauwe zone uitgebreid?' },
  { id: 'c', lang: 'nl', text: 'Blauwe zone, blauwe zone, altijd die blauwe zone.' },
  { id: 'd', lang: 'nl', text: 'Meer bomen in de Kerkstraat graag, en bomen op het plein.' },
  { id: 'e', lang: 'nl', text: 'De bomen in de Kerkstraat zijn prachtig.' },
  { id: 'f', lang: 'en', text: 'The bike lane on Station Road is too narrow.' },
  { id: 'g', lang: 'en', text: 'Please widen the bike lane.' },
];

describe('extractThemes', () => {
  it('finds phrases and keywords without stop words, counted once per item, with example ids', () => {
    const themes = extractThemes(items, { limit: 10 });
    const byTerm = new Map(themes.map((theme) => [theme.term, theme]));
    assert.deepEqual(byTerm.get('blauwe zone'), {
      term: 'blauwe zone',
      kind: 'phrase',
      count: 3,
      exampleIds: ['a', 'b', 'c'],
    });
    assert.equal(byTerm.get('bomen')?.count, 2, 'an item that says "bomen" twice counts once');
    assert.deepEqual(byTerm.get('bike lane')?.exampleIds, ['f', 'g']);
    for (const stopword of ['de', 'the', 'is', 'en', 'graag']) assert.ok(!byTerm.has(stopword), stopword);
  });

  it('hides a word that only occurs inside a listed phrase', () => {
    const terms = extractThemes(items).map((theme) => theme.term);
    assert.ok(terms.includes('blauwe zone'));
    assert.ok(!terms.includes('zone') && !terms.includes('blauwe'));
  });

  it('puts the most frequent themes first and respects the limit', () => {
    const themes = extractThemes(items, { limit: 2 });
    assert.equal(themes.length, 2);
    assert.equal(themes[0]!.term, 'blauwe zone');
  });
});
