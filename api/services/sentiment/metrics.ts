/** Gold and predicted labels, in the short form of the labelled sets. */
export type ShortLabel = 'pos' | 'neu' | 'neg';

export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Evaluation {
  n: number;
  accuracy: number;
  macroF1: number;
  perClass: Record<ShortLabel, ClassScores>;
  /** confusion[gold][predicted] = count. */
  confusion: Record<ShortLabel, Record<ShortLabel, number>>;
  /** The classes that occur in the gold labels; macro-F1 averages over these. */
  classes: ShortLabel[];
}

export const shortLabels: readonly ShortLabel[] = ['pos', 'neu', 'neg'];

/** Accepts "pos"/"positive", "neg"/"negative", "neu"/"neutral" (any case). */
export function toShortLabel(label: string): ShortLabel | undefined {
  const value = label.trim().toLowerCase();
  if (value === 'pos' || value === 'positive') return 'pos';
  if (value === 'neg' || value === 'negative') return 'neg';
  if (value === 'neu' || value === 'neutral') return 'neu';
  return undefined;
}

/**
 * Accuracy, per-class precision/recall/F1 and macro-F1 over the classes present in the gold
 * labels (a two-class set averages over two). A class that is never predicted has precision 0.
 *
 * @example
 * evaluate([{ gold: 'pos', predicted: 'pos' }, { gold: 'neg', predicted: 'pos' }]).accuracy; // 0.5
 */
export function evaluate(pairs: ReadonlyArray<{ gold: ShortLabel; predicted: ShortLabel }>): Evaluation {
  const confusion = {
    pos: { pos: 0, neu: 0, neg: 0 },
    neu: { pos: 0, neu: 0, neg: 0 },
    neg: { pos: 0, neu: 0, neg: 0 },
  };
  for (const { gold, predicted } of pairs) confusion[gold][predicted]++;
  const classes = shortLabels.filter((label) => shortLabels.some((p) => confusion[label][p] > 0));
  const perClass = {} as Record<ShortLabel, ClassScores>;
  for (const label of shortLabels) {
    const truePositives = confusion[label][label];
    const predicted = shortLabels.reduce((sum, gold) => sum + confusion[gold][label], 0);
    const support = shortLabels.reduce((sum, p) => sum + confusion[label][p], 0);
    const precision = predicted === 0 ? 0 : truePositives / predicted;
    const recall = support === 0 ? 0 : truePositives / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perClass[label] = { precision, recall, f1, support };
  }
  const correct = shortLabels.reduce((sum, label) => sum + confusion[label][label], 0);
  const macroF1 =
    classes.length === 0 ? 0 : classes.reduce((sum, label) => sum + perClass[label].f1, 0) / classes.length;
  return {
    n: pairs.length,
    accuracy: pairs.length === 0 ? 0 : correct / pairs.length,
    macroF1,
    perClass,
    confusion,
    classes,
  };
}
