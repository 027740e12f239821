import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clusterIndexes, clusterThemes } from '../../../../api/services/themes/cluster.ts';

const items = [
  { id: 'p1', lang: 'nl', text: 'Het fietspad langs het kanaal is te smal.' },
  { id: 'w1', lang: 'nl', text: 'De groene container is niet geleegd.' },
  { id: 'p2', lang: 'en', text: 'The cycle path on the ring road is too narrow.' },
  { id: 'w2', lang: 'en', text: 'Our bin was not emptied this week.' },
  { id: 'p3', lang: 'nl', text: 'Graag een breder fietspad naar school.' },
  { id: 'w3', lang: 'nl', text: 'Container bij de flat wordt te weinig geleegd.' },
  { id: 'x', lang: 'nl', text: 'Wat een mooie dag vandaag.' },
];

describe('clusterThemes', () => {
  it('puts Dutch and English contributions about one thing in one theme', () => {
    const themes = clusterThemes(items);
    const ids = themes.map((theme) => [...theme.ids].sort());
    assert.deepEqual(ids, [
      ['p1', 'p2', 'p3'],
      ['w1', 'w2', 'w3'],
    ]);
  });

  it('labels a theme with its most characteristic phrase, as written, in both languages', () => {
    const path = clusterThemes(items).find((theme) => theme.ids.includes('p1'))!;
    assert.deepEqual(path.label, { nl: 'fietspad', en: 'cycle path' });
    assert.equal(path.key, 'c:bike+c:path');
  });

  it('leaves out an item that is like no other, and the same input gives the same themes', () => {
    const themes = clusterThemes(items);
    assert.ok(themes.every((theme) => !theme.ids.includes('x')));
    assert.deepEqual(clusterThemes(items), themes);
    assert.deepEqual(
      clusterThemes([...items].reverse()).map((t) => t.key),
      themes.map((t) => t.key),
    );
  });

  it('past the pairwise limit, joins later items to the nearest theme', () => {
    const groups = clusterIndexes(items, { maxPairwise: 4 });
    const byId = (index: number) => items[index]!.id;
    const withP3 = groups.find((group) => group.map(byId).includes('p3'))!;
    assert.ok(withP3.map(byId).includes('p1'), JSON.stringify(groups.map((g) => g.map(byId))));
    assert.ok(groups.some((group) => group.length === 1 && byId(group[0]!) === 'x'));
  });

  it('returns nothing for no items', () => {
    assert.deepEqual(clusterThemes([]), []);
  });
});
