/**
 * Sentiment and themes for posts in Dutch and English. Pure functions: the caller stores
 * results (with `method`) and corrections; see README.md for the method and its figures.
 */
export { classifySentiment, lexiconMethod, type SentimentLabel, type SentimentResult } from './classify.ts';
export {
  classifyWithCorrections,
  trainCorrectionModel,
  type CorrectionModel,
  type CorrectionModelOptions,
  type SentimentCorrection,
} from './correction-model.ts';
export { evaluate, toShortLabel, type Evaluation, type ShortLabel } from './metrics.ts';
export { extractThemes, type Theme, type ThemeItem, type ThemeOptions } from './themes.ts';
