import { analyseSentiment, lexiconMethod, type SentimentLabel, type SentimentResult } from './classify.ts';
import { evaluate, toShortLabel, type ShortLabel } from './metrics.ts';
import { rulesByLanguage, isContractedNegation, type Language } from './rules.ts';
import { tokenise } from './tokenise.ts';

/** A label that staff set by hand on one item. */
export interface SentimentCorrection {
  text: string;
  lang: string;
  label: SentimentLabel | ShortLabel;
}

export interface CorrectionModelOptions {
  /** Below this many corrections the model is not used and the lexicon answers alone. */
  minimumCorrections?: number;
  /** At least two classes need this many corrections each before the model is used. */
  minimumPerClass?: number;
  /** Weight of the lexicon's opinion beside the model's (log-linear); 1 = equal. 2 measured best (bench). */
  lexiconWeight?: number;
  /**
   * The model's own weight grows with the corrections as n / (n + this): a few dozen corrections
   * should nudge the lexicon, not overrule it (measured on the bench's learning curve).
   */
  halfWeightAt?: number;
  /** Folds of the cross-validation that decides whether the model is used. */
  folds?: number;
}

/**
 * How the model did on corrections it was not trained on: k-fold cross-validation over the
 * municipality's own corrections, the lexicon alone against the lexicon with the model.
 */
export interface CorrectionValidation {
  folds: number;
  /** Corrections scored while held out (all of them, each once). */
  heldOut: number;
  base: { correct: number; macroF1: number };
  model: { correct: number; macroF1: number };
  /** Held-out corrections only the model got right, and those only the lexicon got right. */
  onlyModelRight: number;
  onlyBaseRight: number;
}

/**
 * One-sided McNemar (sign) test at 5 %: the model must win clearly more of the corrections
 * on which the two disagree, so that a lucky few on noisy labels do not switch it on.
 */
const MCNEMAR_Z = 1.645;

export function modelBeatsBase(validation: CorrectionValidation): boolean {
  const { onlyModelRight: b, onlyBaseRight: c } = validation;
  return b - c > MCNEMAR_Z * Math.sqrt(b + c) && validation.model.macroF1 >= validation.base.macroF1;
}

/**
 * Multinomial naive Bayes over word presence (unigrams, bigrams, negation-marked words),
 * trained on one municipality's corrections. Plain data, so it can be stored as JSON and
 * loaded again without retraining.
 */
export interface CorrectionModel {
  method: string;
  /**
   * Whether the model is used: enough corrections, and on held-out corrections it was right
   * clearly more often than the lexicon alone (`modelBeatsBase`) without a lower macro-F1. If not, `classifyWithCorrections`
   * is the lexicon.
   */
  ready: boolean;
  corrections: number;
  lexiconWeight: number;
  /** Weight of the naive Bayes evidence, n / (n + halfWeightAt). */
  modelWeight: number;
  classCounts: Record<ShortLabel, number>;
  featureCounts: Record<ShortLabel, Record<string, number>>;
  featureTotals: Record<ShortLabel, number>;
  vocabularySize: number;
  /** Absent when there were too few corrections to try. */
  validation?: CorrectionValidation;
}

const classes: readonly ShortLabel[] = ['pos', 'neu', 'neg'];
export const correctionMethodVersion = 'corrections-nb@2';

/** Features of a text: words and emoji, words in a negation's reach marked "¬", and adjacent pairs. */
export function correctionFeatures(text: string, language: string): Set<string> {
  const lang: Language = language.toLowerCase().startsWith('en') ? 'en' : 'nl';
  const rules = rulesByLanguage[lang];
  const features = new Set<string>();
  let negationLeft = 0;
  let previous: string | undefined;
  for (const token of tokenise(text)) {
    if (token.kind === 'punctuation') {
      negationLeft = 0;
      previous = undefined;
      continue;
    }
    const word = token.text;
    const feature = negationLeft > 0 ? `¬${word}` : word;
    features.add(feature);
    if (previous) features.add(`${previous} ${word}`);
    previous = word;
    if (rules.negators.has(word) || (lang === 'en' && isContractedNegation(word))) negationLeft = 3;
    else if (rules.clauseBreaks.has(word)) negationLeft = 0;
    else if (negationLeft > 0) negationLeft--;
  }
  return features;
}

type Counts = Pick<CorrectionModel, 'classCounts' | 'featureCounts' | 'featureTotals' | 'vocabularySize'>;
type Example = { label: ShortLabel; features: Set<string>; lexicon: Record<ShortLabel, number>; base: ShortLabel };

function countExamples(examples: readonly Example[]): Counts {
  const classCounts: Record<ShortLabel, number> = { pos: 0, neu: 0, neg: 0 };
  // Keyed by words from residents' text: null-prototype objects, so "constructor" is just a word.
  const featureCounts: Record<ShortLabel, Record<string, number>> = {
    pos: Object.create(null),
    neu: Object.create(null),
    neg: Object.create(null),
  };
  const featureTotals: Record<ShortLabel, number> = { pos: 0, neu: 0, neg: 0 };
  const vocabulary = new Set<string>();
  for (const { label, features } of examples) {
    classCounts[label]++;
    for (const feature of features) {
      featureCounts[label][feature] = (featureCounts[label][feature] ?? 0) + 1;
      featureTotals[label]++;
      vocabulary.add(feature);
    }
  }
  return { classCounts, featureCounts, featureTotals, vocabularySize: vocabulary.size };
}

/** A stable fold for an item: by its text, so that a text corrected twice never sits on both sides. */
function foldOf(text: string, folds: number): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return (hash >>> 0) % folds;
}

/**
 * Trains the in-domain model on staff corrections. With fewer than `minimumCorrections`
 * (or fewer than two classes with `minimumPerClass` each) the model is marked not ready and
 * classification falls back to the lexicon: a handful of corrections would only add noise.
 * With enough, the model is cross-validated on the corrections themselves (`folds`-fold) and
 * used only when, on held-out corrections, it was right significantly more often than the
 * lexicon alone and its macro-F1 was not lower: a municipality's corrections can make sentiment better, never
 * knowingly worse.
 *
 * @example
 * const model = trainCorrectionModel(correctionsFromDatabase);
 * classifyWithCorrections(model, 'Weer een drempel erbij', 'nl');
 */
export function trainCorrectionModel(
  corrections: readonly SentimentCorrection[],
  {
    minimumCorrections = 30,
    minimumPerClass = 5,
    lexiconWeight = 2,
    halfWeightAt = 100,
    folds = 5,
  }: CorrectionModelOptions = {},
): CorrectionModel {
  const examples: Array<Example & { text: string }> = [];
  for (const correction of corrections) {
    const label = toShortLabel(correction.label);
    if (!label) continue;
    const { result, evidence } = analyseSentiment(correction.text, correction.lang);
    examples.push({
      text: correction.text,
      label,
      features: correctionFeatures(correction.text, correction.lang),
      lexicon: lexiconDistribution(result, evidence),
      base: shortOf(result.label),
    });
  }
  const counts = countExamples(examples);
  const total = examples.length;
  const classesWithEnough = classes.filter((label) => counts.classCounts[label] >= minimumPerClass).length;
  const enough = total >= minimumCorrections && classesWithEnough >= 2;
  const weights = { lexiconWeight, modelWeight: total / (total + halfWeightAt) };

  let validation: CorrectionValidation | undefined;
  if (enough) {
    const k = Math.max(2, Math.min(folds, total));
    const basePairs: Array<{ gold: ShortLabel; predicted: ShortLabel }> = [];
    const modelPairs: Array<{ gold: ShortLabel; predicted: ShortLabel }> = [];
    let onlyModelRight = 0;
    let onlyBaseRight = 0;
    const foldOfExample = examples.map((example) => foldOf(example.text, k));
    for (let fold = 0; fold < k; fold++) {
      const training = examples.filter((_, i) => foldOfExample[i] !== fold);
      const held = examples.filter((_, i) => foldOfExample[i] === fold);
      if (held.length === 0) continue;
      const foldCounts = countExamples(training);
      // The weight follows the size of what it was trained on, as the final model's does.
      const foldWeights = { lexiconWeight, modelWeight: training.length / (training.length + halfWeightAt) };
      for (const example of held) {
        basePairs.push({ gold: example.label, predicted: example.base });
        const predicted = combine(foldCounts, foldWeights, example.features, example.lexicon).best;
        modelPairs.push({ gold: example.label, predicted });
        if (predicted === example.label && example.base !== example.label) onlyModelRight++;
        if (predicted !== example.label && example.base === example.label) onlyBaseRight++;
      }
    }
    const base = evaluate(basePairs);
    const withModel = evaluate(modelPairs);
    validation = {
      folds: k,
      heldOut: basePairs.length,
      base: { correct: Math.round(base.accuracy * base.n), macroF1: round(base.macroF1) },
      model: { correct: Math.round(withModel.accuracy * withModel.n), macroF1: round(withModel.macroF1) },
      onlyModelRight,
      onlyBaseRight,
    };
  }
  const ready = validation !== undefined && modelBeatsBase(validation);
  return {
    method: ready ? `${lexiconMethod}+${correctionMethodVersion}(n=${total})` : lexiconMethod,
    ready,
    corrections: total,
    ...weights,
    ...counts,
    ...(validation ? { validation } : {}),
  };
}

/** The log-linear combination of the naive Bayes model and the lexicon's distribution. */
function combine(
  counts: Counts,
  weights: { lexiconWeight: number; modelWeight: number },
  features: ReadonlySet<string>,
  lexicon: Record<ShortLabel, number>,
): { best: ShortLabel; logScores: Record<ShortLabel, number> } {
  const total = counts.classCounts.pos + counts.classCounts.neu + counts.classCounts.neg;
  const logScores = {} as Record<ShortLabel, number>;
  for (const label of classes) {
    // Laplace smoothing; classes never corrected still get a small prior instead of −∞.
    let logScore = Math.log((counts.classCounts[label] + 1) / (total + classes.length));
    const denominator = counts.featureTotals[label] + counts.vocabularySize + 1;
    for (const feature of features) {
      const count = countOf(counts, label, feature);
      if (count === undefined && !featureKnown(counts, feature)) continue; // unseen everywhere: no evidence
      logScore += Math.log(((count ?? 0) + 1) / denominator);
    }
    logScores[label] = weights.modelWeight * logScore + weights.lexiconWeight * Math.log(lexicon[label]);
  }
  const best = classes.reduce((a, b) => (logScores[b] > logScores[a] ? b : a));
  return { best, logScores };
}

/**
 * Sentiment with the municipality's corrections: the lexicon's result and the naive Bayes
 * model's posterior are combined log-linearly, so that words the lexicon does not know
 * ("drempel", a local street name) learn their colour from staff, while the lexicon still
 * carries what the corrections never saw. Falls back to the lexicon when the model is not ready
 * (too few corrections, or not better than the lexicon on held-out corrections), and for a
 * model stored before it was validated.
 */
export function classifyWithCorrections(model: CorrectionModel, text: string, language: string): SentimentResult {
  const { result: lexicon, evidence } = analyseSentiment(text, language);
  if (!model.ready || !model.validation) return lexicon;

  const { best, logScores } = combine(
    model,
    model,
    correctionFeatures(text, language),
    lexiconDistribution(lexicon, evidence),
  );
  const maxLog = logScores[best];
  const normaliser = classes.reduce((sum, label) => sum + Math.exp(logScores[label] - maxLog), 0);
  const confidence = 1 / normaliser;
  const label: SentimentLabel = best === 'pos' ? 'positive' : best === 'neg' ? 'negative' : 'neutral';
  // The score is the combined lean, P(positive) − P(negative), so that it agrees with the label.
  const probability = (l: ShortLabel) => Math.exp(logScores[l] - maxLog) / normaliser;
  const score = round(probability('pos') - probability('neg'));
  return { label, score, confidence: round(confidence), method: model.method };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function shortOf(label: SentimentLabel): ShortLabel {
  return label === 'positive' ? 'pos' : label === 'negative' ? 'neg' : 'neu';
}

function featureKnown(counts: Counts, feature: string): boolean {
  return classes.some((label) => countOf(counts, label, feature) !== undefined);
}

/** Own counts only: a model read back from JSON has ordinary objects, whose prototype knows `constructor`. */
function countOf(model: Counts, label: ShortLabel, feature: string): number | undefined {
  const counts = model.featureCounts[label];
  return Object.hasOwn(counts, feature) ? counts[feature] : undefined;
}

/** The lexicon's result as a distribution over the three classes; only a lean to neutral when it found no evidence. */
function lexiconDistribution(result: SentimentResult, evidence: number): Record<ShortLabel, number> {
  if (evidence === 0) return { pos: 0.25, neu: 0.5, neg: 0.25 };
  const chosen: ShortLabel = result.label === 'positive' ? 'pos' : result.label === 'negative' ? 'neg' : 'neu';
  const rest = (1 - result.confidence) / 2;
  const distribution = { pos: rest, neu: rest, neg: rest };
  distribution[chosen] = result.confidence;
  for (const label of classes) distribution[label] = Math.max(0.02, distribution[label]);
  return distribution;
}
