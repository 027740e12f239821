import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { evaluateItems, issueTargets, readLabelledFile, targetVerdict } from '../../../api/tools/eval-sentiment.ts';

describe('the sentiment evaluation tool', () => {
  const dir = mkdtempSync(join(tmpdir(), 'podium-eval-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads JSON Lines with short labels and TSV with a header and long labels', () => {
    const jsonl = join(dir, 'set.jsonl');
    writeFileSync(
      jsonl,
      '{"id":"1","lang":"nl","label":"neg","text":"niet veilig"}\n{"id":"2","lang":"en","label":"pos","text":"great"}\n',
    );
    assert.deepEqual(readLabelledFile(jsonl), [
      { text: 'niet veilig', lang: 'nl', label: 'neg' },
      { text: 'great', lang: 'en', label: 'pos' },
    ]);
    const tsv = join(dir, 'set.tsv');
    writeFileSync(tsv, 'label\ttext\tlanguage\nneutral\tWanneer komt de bus?\tnl\n');
    assert.deepEqual(readLabelledFile(tsv), [{ text: 'Wanneer komt de bus?', lang: 'nl', label: 'neu' }]);
  });

  it('refuses a line without a known label', () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"lang":"nl","label":"mixed","text":"x"}\n');
    assert.throws(() => readLabelledFile(bad), /known label/);
  });

  it('scores a set without neutral gold labels two-class, counting a score of 0 as an error', () => {
    const report = evaluateItems(
      'two-class',
      [
        { text: 'Geweldig, dank je!', lang: 'nl', label: 'pos' },
        { text: 'Schandalig slecht', lang: 'nl', label: 'neg' },
        { text: 'De bus rijdt om negen uur', lang: 'nl', label: 'pos' },
      ],
      0,
    );
    assert.equal(report.twoClass, true);
    assert.equal(report.undecided, 1);
    assert.equal(report.evaluation.accuracy, 2 / 3);
    assert.ok(report.itemsPerSecond > 0);
  });

  it('says for each target whether it was met, and names the four sets of issue 17', () => {
    const report = evaluateItems(
      'three-class',
      [
        { text: 'Geweldig, dank je!', lang: 'nl', label: 'pos' },
        { text: 'Schandalig slecht', lang: 'nl', label: 'neg' },
        { text: 'De bus rijdt om negen uur', lang: 'nl', label: 'neu' },
        { text: 'Wat een prachtige dag', lang: 'nl', label: 'neg' },
      ],
      0,
    );
    assert.ok(report.evaluation.macroF1 > 0.5 && report.evaluation.macroF1 < 0.9, String(report.evaluation.macroF1));
    assert.match(targetVerdict(report, 0.5), /: MET \(/);
    assert.match(targetVerdict(report, 0.9), /: NOT MET \(/);
    assert.deepEqual(
      issueTargets.map((t) => [t.file, t.macroF1]),
      [
        ['nl-political-tweets.jsonl', 0.65],
        ['en-vader-tweets.jsonl', 0.75],
        ['en-panglee-sentences.jsonl', 0.72],
        ['nl-bolcom-reviews.jsonl', 0.85],
      ],
    );
  });

  it('counts mild complaints that were scored strongly negative', () => {
    const path = join(dir, 'mild.jsonl');
    writeFileSync(
      path,
      '{"lang":"nl","label":"neg","mild":true,"text":"De pont heeft een hoge drempel"}\n' +
        '{"lang":"nl","label":"neg","mild":true,"text":"Schandalig, walgelijk en levensgevaarlijk!!"}\n' +
        '{"lang":"nl","label":"neg","text":"Schandalig, walgelijk en levensgevaarlijk!!"}\n',
    );
    const items = readLabelledFile(path);
    assert.equal(items.filter((item) => item.mild).length, 2);
    const report = evaluateItems('mild', items, 0);
    assert.deepEqual([report.mild, report.mildScoredStrong], [2, 1]);
  });
});
