import { analyseSentiment, lexiconMethod, type SentimentLabel, type SentimentResult } from './classify.ts';
import { toShortLabel, type ShortLabel } from './metrics.ts';
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
}

/**
 * Multinomial naive Bayes over word presence (unigrams, bigrams, negation-marked words),
 * trained on one municipality's corrections. Plain data, so it can be stored as JSON and
 * loaded again without retraining.
 */
export interface CorrectionModel {
  method: string;
  /** Whether there were enough corrections; if not, `classifyWithCorrections` is the lexicon. */
  ready: boolean;
  corrections: number;
  lexiconWeight: number;
  /** Weight of the naive Bayes evidence, n / (n + halfWeightAt). */
  modelWeight: number;
  classCounts: Record<ShortLabel, number>;
  featureCounts: Record<ShortLabel, Record<string, number>>;
  featureTotals: Record<ShortLabel, number>;
  vocabularySize: number;
}

const classes: readonly ShortLabel[] = ['pos', 'neu', 'neg'];
export const correctionMethodVersion = 'corrections-nb@1';

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

/**
 * Trains the in-domain model on staff corrections. With fewer than `minimumCorrections`
 * (or fewer than two classes with `minimumPerClass` each) the model is marked not ready and
 * classification falls back to the lexicon: a handful of corrections would only add noise.
 *
 * @example
 * const model = trainCorrectionModel(correctionsFromDatabase);
 * classifyWithCorrections(model, 'Weer een drempel erbij', 'nl');
 */
export function trainCorrectionModel(
  corrections: readonly SentimentCorrection[],
  { minimumCorrections = 30, minimumPerClass = 5, lexiconWeight = 2, halfWeightAt = 100 }: CorrectionModelOptions = {},
): CorrectionModel {
  const classCounts: Record<ShortLabel, number> = { pos: 0, neu: 0, neg: 0 };
  // Keyed by words from residents' text: null-prototype objects, so "constructor" is just a word.
  const featureCounts: Record<ShortLabel, Record<string, number>> = {
    pos: Object.create(null),
    neu: Object.create(null),
    neg: Object.create(null),
  };
  const featureTotals: Record<ShortLabel, number> = { pos: 0, neu: 0, neg: 0 };
  const vocabulary = new Set<string>();
  for (const correction of corrections) {
    const label = toShortLabel(correction.label);
    if (!label) continue;
    classCounts[label]++;
    for (const feature of correctionFeatures(correction.text, correction.lang)) {
      featureCounts[label][feature] = (featureCounts[label][feature] ?? 0) + 1;
      featureTotals[label]++;
      vocabulary.add(feature);
    }
  }
  const total = classCounts.pos + classCounts.neu + classCounts.neg;
  const classesWithEnough = classes.filter((label) => classCounts[label] >= minimumPerClass).length;
  const ready = total >= minimumCorrections && classesWithEnough >= 2;
  return {
    method: ready ? `${lexiconMethod}+${correctionMethodVersion}(n=${total})` : lexiconMethod,
    ready,
    corrections: total,
    lexiconWeight,
    modelWeight: total / (total + halfWeightAt),
    classCounts,
    featureCounts,
    featureTotals,
    vocabularySize: vocabulary.size,
  };
}

/**
 * Sentiment with the municipality's corrections: the lexicon's result and the naive Bayes
 * model's posterior are combined log-linearly, so that words the lexicon does not know
 * ("drempel", a local street name) learn their colour from staff, while the lexicon still
 * carries what the corrections never saw. Falls back to the lexicon when the model is not ready.
 */
export function classifyWithCorrections(model: CorrectionModel, text: string, language: string): SentimentResult {
  const { result: lexicon, evidence } = analyseSentiment(text, language);
  if (!model.ready) return lexicon;

  const features = correctionFeatures(text, language);
  const total = model.classCounts.pos + model.classCounts.neu + model.classCounts.neg;
  const logScores = {} as Record<ShortLabel, number>;
  const lexiconProbabilities = lexiconDistribution(lexicon, evidence);
  for (const label of classes) {
    // Laplace smoothing; classes never corrected still get a small prior instead of −∞.
    let logScore = Math.log((model.classCounts[label] + 1) / (total + classes.length));
    const denominator = model.featureTotals[label] + model.vocabularySize + 1;
    for (const feature of features) {
      const count = countOf(model, label, feature);
      if (count === undefined && !featureKnown(model, feature)) continue; // unseen everywhere: no evidence
      logScore += Math.log(((count ?? 0) + 1) / denominator);
    }
    logScores[label] = model.modelWeight * logScore + model.lexiconWeight * Math.log(lexiconProbabilities[label]);
  }
  const best = classes.reduce((a, b) => (logScores[b] > logScores[a] ? b : a));
  const maxLog = logScores[best];
  const normaliser = classes.reduce((sum, label) => sum + Math.exp(logScores[label] - maxLog), 0);
  const confidence = 1 / normaliser;
  const label: SentimentLabel = best === 'pos' ? 'positive' : best === 'neg' ? 'negative' : 'neutral';
  // The score is the combined lean, P(positive) − P(negative), so that it agrees with the label.
  const probability = (l: ShortLabel) => Math.exp(logScores[l] - maxLog) / normaliser;
  const score = Math.round((probability('pos') - probability('neg')) * 1000) / 1000;
  return { label, score, confidence: Math.round(confidence * 1000) / 1000, method: model.method };
}

function featureKnown(model: CorrectionModel, feature: string): boolean {
  return classes.some((label) => countOf(model, label, feature) !== undefined);
}

/** Own counts only: a model read back from JSON has ordinary objects, whose prototype knows `constructor`. */
function countOf(model: CorrectionModel, label: ShortLabel, feature: string): number | undefined {
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
