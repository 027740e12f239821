import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { placeFacets } from '../../../../api/services/social/facets.ts';
import { byteRange } from '../../../fixtures/social/payloads.ts';

const link = (uri: string) => [{ $type: 'app.bsky.richtext.facet#link', uri }];

describe('Bluesky facets', () => {
  it('places a link after "één" and an emoji by UTF-8 byte offsets', () => {
    const text = 'één 🚲 naar https://gemeente.example/fiets';
    const [facet] = placeFacets(text, [
      { index: byteRange(text, 'https://gemeente.example/fiets'), features: link('https://gemeente.example/fiets') },
    ]);
    assert.equal(facet?.text, 'https://gemeente.example/fiets');
    assert.equal(facet?.start, text.indexOf('https'));
  });

  it('would misplace the link if the offsets were read as UTF-16 (the bug it prevents)', () => {
    const text = 'één 🚲 https://e.example';
    const { byteStart } = byteRange(text, 'https');
    assert.notEqual(byteStart, text.indexOf('https'));
  });

  it('places mentions and tags after "café"', () => {
    const text = 'café @anna.bsky.social #fietsroute';
    const facets = placeFacets(text, [
      {
        index: byteRange(text, '#fietsroute'),
        features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'fietsroute' }],
      },
      {
        index: byteRange(text, '@anna.bsky.social'),
        features: [{ $type: 'app.bsky.richtext.facet#mention', did: 'did:plc:anna' }],
      },
    ]);
    assert.deepEqual(
      facets.map((f) => [f.text, f.features[0]?.kind]),
      [
        ['@anna.bsky.social', 'mention'],
        ['#fietsroute', 'tag'],
      ],
    );
  });

  it('skips facets that split a character, run past the text, overlap or have no known feature', () => {
    const text = 'één link';
    const facets = placeFacets(text, [
      { index: { byteStart: 1, byteEnd: 3 }, features: link('https://a.example') },
      { index: { byteStart: 5, byteEnd: 500 }, features: link('https://b.example') },
      { index: byteRange(text, 'link'), features: link('https://c.example') },
      { index: byteRange(text, 'ink'), features: link('https://d.example') },
      { index: { byteStart: 0, byteEnd: 6 }, features: [{ $type: 'app.bsky.richtext.facet#unknown' }] },
    ]);
    assert.deepEqual(
      facets.map((f) => f.text),
      ['link'],
    );
  });
});
