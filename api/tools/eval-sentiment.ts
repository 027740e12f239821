/**
 * `npm run eval:sentiment -- FILE [FILE…]`: scores labelled JSON Lines or TSV files with the
 * sentiment method and prints accuracy, macro-F1, per-class precision/recall/F1, the confusion
 * matrix and items per second on one core.
 *
 * JSONL: one object a line with `text`, `lang` (or `language`) and `label`.
 * TSV: columns text, language, label; a first line naming those columns is used as a header.
 * Labels: pos/neg/neu or positive/negative/neutral. HTML entities in the text are decoded by
 * the tokeniser. A file without neutral gold labels is scored two-class: the prediction is the
 * sign of the score, and a score of exactly 0 (no evidence) counts as an error.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
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
}

export interface FileReport {
  file: string;
  twoClass: boolean;
  evaluation: Evaluation;
  /** Two-class only: items with score exactly 0, counted as errors. */
  undecided: number;
  itemsPerSecond: number;
}

export function readLabelledFile(path: string): LabelledItem[] {
  const content = readFileSync(path, 'utf8');
  const lines = content.split(/\r?\n/).filter((line) => line.trim() !== '');
  const items: LabelledItem[] = [];
  const isJsonLines = path.endsWith('.jsonl') || path.endsWith('.json') || lines[0]?.trimStart().startsWith('{');
  if (isJsonLines) {
    for (const line of lines) {
      const record = JSON.parse(line) as { text?: unknown; lang?: unknown; language?: unknown; label?: unknown };
      const label = toShortLabel(String(record.label ?? ''));
      if (typeof record.text !== 'string' || !label)
        throw new Error(`${path}: a line without text or a known label: ${line.slice(0, 80)}`);
      items.push({ text: record.text, lang: String(record.lang ?? record.language ?? 'nl'), label });
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
  const pairs = items.map((item) => {
    const result = classifySentiment(item.text, item.lang);
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
  return { file, twoClass, evaluation: evaluate(pairs), undecided, itemsPerSecond };
}

const percent = (value: number) => (100 * value).toFixed(1).padStart(5);

export function formatReport(report: FileReport): string {
  const { evaluation: e } = report;
  const lines = [
    `${basename(report.file)}  (${report.twoClass ? 'two-class: no neutral gold labels, prediction = sign of the score' : 'three-class'})`,
    `  n ${e.n}   accuracy ${percent(e.accuracy)} %   macro-F1 ${percent(e.macroF1)} %   ${Math.round(report.itemsPerSecond).toLocaleString('en')} items/s (one core)`,
  ];
  if (report.twoClass) lines.push(`  undecided (score exactly 0, counted as errors): ${report.undecided}`);
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

if (import.meta.main) {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error('Usage: npm run eval:sentiment -- FILE [FILE…]  (JSONL or TSV with text, language, label)');
    process.exit(2);
  }
  console.log(`Method ${lexiconMethod}`);
  for (const file of files) console.log(`\n${formatReport(evaluateItems(file, readLabelledFile(file)))}`);
}
