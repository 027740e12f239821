/**
 * `npm run bench:themes` (also part of `npm run bench`): how well the automatic themes
 * (api/services/themes/) agree with themes assigned by hand to our own set of municipal
 * contributions (tests/fixtures/themes/). Figures for reading, never an assertion.
 *
 * Honesty: the method's threshold and weights were tuned on the dev half only; the test half
 * was held out (its scores were not looked at while tuning). Both were written by the same
 * person who wrote the bilingual vocabulary, so the vocabulary knows this kind of wording
 * better than it would know another municipality's: read the test figures as an upper bound.
 *
 * Pass `--half dev` to print only the dev half (what tuning looks at).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  adjustedRandIndex,
  clusterIndexes,
  clusterThemes,
  defaultClusterOptions,
  inversePurity,
  purity,
} from '../../api/services/themes/index.ts';

type Labelled = { id: string; lang: string; theme: string; text: string };

const folder = fileURLToPath(new URL('../fixtures/themes/', import.meta.url));
const read = (half: string): Labelled[] =>
  readFileSync(`${folder}municipal-themes-${half}.jsonl`, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Labelled);

const pct = (value: number) => `${(100 * value).toFixed(1)} %`;
const only = process.argv.includes('--half') ? process.argv[process.argv.indexOf('--half') + 1] : undefined;
const verbose = process.argv.includes('--verbose');

console.log(
  `\nThemes (TF-IDF over Dutch/English concepts and phrases, average-linkage clustering at cosine ${defaultClusterOptions.threshold})`,
);
for (const [half, note] of [
  ['dev', 'tuned on'],
  ['test', 'held out'],
] as const) {
  if (only && only !== half) continue;
  const items = read(half);
  const started = performance.now();
  const groups = clusterIndexes(items);
  const elapsed = performance.now() - started;
  const predicted: string[] = new Array<string>(items.length);
  groups.forEach((group, g) => group.forEach((index) => (predicted[index] = String(g))));
  const truth = items.map((item) => item.theme);
  const themes = new Set(truth).size;
  const shown = clusterThemes(items);
  const inShown = shown.reduce((sum, c) => sum + c.ids.length, 0);
  console.log(
    `  ${half.padEnd(5)} n ${String(items.length).padStart(4)}  hand themes ${themes}  clusters ${groups.length} (${shown.length} of 2+ items, holding ${pct(inShown / items.length)})` +
      `  ARI ${adjustedRandIndex(truth, predicted).toFixed(3)}  purity ${pct(purity(truth, predicted))}  inverse purity ${pct(inversePurity(truth, predicted))}` +
      `  ${elapsed.toFixed(0)} ms  [${note}]`,
  );
  const plain: string[] = new Array<string>(items.length);
  clusterIndexes(items, { vocabulary: false }).forEach((group, g) =>
    group.forEach((index) => (plain[index] = String(g))),
  );
  console.log(
    `        without the bilingual vocabulary (stems, stop words, phrases only): ARI ${adjustedRandIndex(truth, plain).toFixed(3)}  purity ${pct(purity(truth, plain))}  inverse purity ${pct(inversePurity(truth, plain))}`,
  );
  if (verbose && half === 'dev') {
    for (const cluster of shown) {
      const members = cluster.ids.map((id) => items.find((item) => item.id === id)!);
      const counts = new Map<string, number>();
      for (const m of members) counts.set(m.theme, (counts.get(m.theme) ?? 0) + 1);
      console.log(
        `    ${cluster.label.nl} / ${cluster.label.en} (${cluster.key}): ${[...counts].map(([t, c]) => `${t} ${c}`).join(', ')}`,
      );
    }
  }
}
console.log(
  '  ARI: adjusted Rand index (1 = the hand grouping, 0 = chance). Purity: share of items whose cluster is mostly their hand theme; inverse purity: the other way round.',
);
