/**
 * `npm run eval:sentiment -- FILE [FILE…]`: scores labelled JSON Lines or TSV files with the
 * sentiment method and prints accuracy, macro-F1, per-class precision/recall/F1, the confusion
 * matrix and items per second on one core.
 *
 * `npm run eval:sentiment` without files: the evaluation-only sets of issue 17 in
 * `../shared/fixtures/sentiment/` (or `$SENTIMENT_FIXTURES`), each with its target and whether
 * it was met, then our own hand-written sets. The shared sets are read, never copied.
 *
 * JSONL: one object a line with `text`, `lang` (or `language`) and `label`.
 * TSV: columns text, language, label; a first line naming those columns is used as a header.
 * Labels: pos/neg/neu or positive/negative/neutral. HTML entities in the text are decoded by
 * the tokeniser. A file without neutral gold labels is scored two-class: the prediction is the
 * sign of the score, and a score of exactly 0 (no evidence) counts as an error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifySentiment, lexiconMethod } from '../services/sentiment/classify.ts';
import {
  evaluate,
  shortLabels,
  toShortLabel,
  type Evaluation,
  type ShortLabel,
} from '../services/sentiment/metrics.ts';

export interface LabelledItem {
  text: string;
  lang: string;
  label: ShortLabel;
  /** A complaint that must not be called strongly negative (score ≤ `STRONG_NEGATIVE`). */
  mild?: boolean;
}

const percent = (value: number) => (100 * value).toFixed(1).padStart(5);

/** A score at or below this is "strongly negative"; mild complaints must stay above it (issue 17). */
export const STRONG_NEGATIVE = -0.6;

/** The targets of issue 17, item 3: macro-F1 on the evaluation-only sets. */
export const issueTargets: ReadonlyArray<{ file: string; name: string; macroF1: number }> = [
  { file: 'nl-political-tweets.jsonl', name: 'Dutch political tweets, three-class', macroF1: 0.65 },
  { file: 'en-vader-tweets.jsonl', name: 'English tweets, three-class', macroF1: 0.75 },
  { file: 'en-panglee-sentences.jsonl', name: 'English movie sentences, two-class', macroF1: 0.72 },
  { file: 'nl-bolcom-reviews.jsonl', name: 'Dutch reviews, two-class', macroF1: 0.85 },
];

/** One line saying whether a report meets its target, e.g. "target macro-F1 ≥ 65.0 %: met (67.1 %)". */
export function targetVerdict(report: FileReport, target: number): string {
  const met = report.evaluation.macroF1 >= target;
  return `  target macro-F1 ≥ ${percent(target).trim()} %: ${met ? 'MET' : 'NOT MET'} (${percent(report.evaluation.macroF1).trim()} %)`;
}

export interface FileReport {
  file: string;
  twoClass: boolean;
  evaluation: Evaluation;
  /** Two-class only: items with score exactly 0, counted as errors. */
  undecided: number;
  /** Items marked mild, and those of them scored strongly negative. */
  mild: number;
  mildScoredStrong: number;
  itemsPerSecond: number;
}

export function readLabelledFile(path: string): LabelledItem[] {
  const content = readFileSync(path, 'utf8');
  const lines = content.split(/\r?\n/).filter((line) => line.trim() !== '');
  const items: LabelledItem[] = [];
  const isJsonLines = path.endsWith('.jsonl') || path.endsWith('.json') || lines[0]?.trimStart().startsWith('{');
  if (isJsonLines) {
    for (const line of lines) {
      const record = JSON.parse(line) as {
        text?: unknown;
        lang?: unknown;
        language?: unknown;
        label?: unknown;
        mild?: unknown;
      };
      const label = toShortLabel(String(record.label ?? ''));
      if (typeof record.text !== 'string' || !label)
        throw new Error(`${path}: a line without text or a known label: ${line.slice(0, 80)}`);
      items.push({
        text: record.text,
        lang: String(record.lang ?? record.language ?? 'nl'),
        label,
        ...(record.mild === true ? { mild: true } : {}),
      });
    }
    return items;
  }
  let columns = { text: 0, lang: 1, label: 2 };
  const header = lines[0]!.toLowerCase().split('\t');
  if (header.includes('text') && header.includes('label')) {
    columns = {
      text: header.indexOf('text'),
      lang: Math.max(header.indexOf('language'), header.indexOf('lang')),
      label: header.indexOf('label'),
    };
    lines.shift();
  }
  for (const line of lines) {
    const fields = line.split('\t');
    const label = toShortLabel(fields[columns.label] ?? '');
    const text = fields[columns.text];
    if (text === undefined || !label)
      throw new Error(`${path}: a line without text or a known label: ${line.slice(0, 80)}`);
    items.push({ text, lang: fields[columns.lang] ?? 'nl', label });
  }
  return items;
}

/** Scores the items and measures throughput over at least `minSeconds` of classifying. */
export function evaluateItems(file: string, items: readonly LabelledItem[], minSeconds = 1): FileReport {
  const twoClass = !items.some((item) => item.label === 'neu');
  let undecided = 0;
  let mildScoredStrong = 0;
  const pairs = items.map((item) => {
    const result = classifySentiment(item.text, item.lang);
    if (item.mild && result.score <= STRONG_NEGATIVE) mildScoredStrong++;
    let predicted: ShortLabel;
    if (twoClass) {
      if (result.score === 0) undecided++;
      predicted = result.score > 0 ? 'pos' : result.score < 0 ? 'neg' : 'neu';
    } else {
      predicted = result.label === 'positive' ? 'pos' : result.label === 'negative' ? 'neg' : 'neu';
    }
    return { gold: item.label, predicted };
  });
  let classified = 0;
  const started = performance.now();
  do {
    for (const item of items) classifySentiment(item.text, item.lang);
    classified += items.length;
  } while (performance.now() - started < minSeconds * 1000 && items.length > 0);
  const itemsPerSecond = classified / ((performance.now() - started) / 1000);
  const mild = items.filter((item) => item.mild).length;
  return { file, twoClass, evaluation: evaluate(pairs), undecided, mild, mildScoredStrong, itemsPerSecond };
}

export function formatReport(report: FileReport): string {
  const { evaluation: e } = report;
  const lines = [
    `${basename(report.file)}  (${report.twoClass ? 'two-class: no neutral gold labels, prediction = sign of the score' : 'three-class'})`,
    `  n ${e.n}   accuracy ${percent(e.accuracy)} %   macro-F1 ${percent(e.macroF1)} %   ${Math.round(report.itemsPerSecond).toLocaleString('en')} items/s (one core)`,
  ];
  if (report.twoClass) lines.push(`  undecided (score exactly 0, counted as errors): ${report.undecided}`);
  if (report.mild > 0)
    lines.push(
      `  mild complaints scored strongly negative (score ≤ ${STRONG_NEGATIVE}): ${report.mildScoredStrong} of ${report.mild}`,
    );
  lines.push('  class  precision  recall     F1  support');
  for (const label of e.classes) {
    const c = e.perClass[label];
    lines.push(
      `  ${label.padEnd(5)}  ${percent(c.precision)} %  ${percent(c.recall)} %  ${percent(c.f1)} %  ${String(c.support).padStart(7)}`,
    );
  }
  const predictedLabels = report.twoClass ? shortLabels : e.classes;
  lines.push(`  confusion, rows gold, columns predicted${report.twoClass ? ' (neu = undecided)' : ''}:`);
  lines.push(`           ${predictedLabels.map((label) => label.padStart(7)).join('')}`);
  for (const gold of e.classes) {
    lines.push(`    ${gold.padEnd(7)}${predictedLabels.map((p) => String(e.confusion[gold][p]).padStart(7)).join('')}`);
  }
  return lines.join('\n');
}

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Our own sets, written for Podium: they ship with the repository. */
export const ownSets = [
  'tests/fixtures/sentiment/podium-public-service-dev.jsonl',
  'tests/fixtures/sentiment/podium-public-service-test.jsonl',
  'tests/fixtures/sentiment-dev/mobility-access-dev.jsonl',
  'tests/fixtures/sentiment-dev/mobility-access-test.jsonl',
];

if (import.meta.main) {
  const files = process.argv.slice(2);
  console.log(`Method ${lexiconMethod}`);
  if (files.length > 0) {
    for (const file of files) console.log(`\n${formatReport(evaluateItems(file, readLabelledFile(file)))}`);
  } else {
    const shared = process.env.SENTIMENT_FIXTURES ?? join(root, '..', 'shared', 'fixtures', 'sentiment');
    console.log(`\nIssue 17 targets on the evaluation-only sets in ${shared}`);
    let met = 0;
    let present = 0;
    for (const target of issueTargets) {
      const path = join(shared, target.file);
      if (!existsSync(path)) {
        console.log(`\n${target.file}: not present (set SENTIMENT_FIXTURES to its folder)`);
        continue;
      }
      const report = evaluateItems(path, readLabelledFile(path));
      present++;
      if (report.evaluation.macroF1 >= target.macroF1) met++;
      console.log(`\n${target.name}\n${formatReport(report)}\n${targetVerdict(report, target.macroF1)}`);
    }
    console.log(`\nTargets met: ${met} of ${present} sets present (${issueTargets.length} targets)`);
    console.log('\nOur own sets (written for Podium)');
    for (const file of ownSets)
      console.log(`\n${formatReport(evaluateItems(file, readLabelledFile(join(root, file)), 0.2))}`);
  }
}
