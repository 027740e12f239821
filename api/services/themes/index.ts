/**
 * Themes residents raise: contributions grouped by what they are about, across Dutch and
 * English, each group with a readable label. See README.md for the method and its figures.
 */
export {
  clusterIndexes,
  clusterThemes,
  defaultClusterOptions,
  type ClusterOptions,
  type ThemeCluster,
  type ThemeInput,
} from './cluster.ts';
export { documentFeatures } from './features.ts';
export { adjustedRandIndex, inversePurity, purity } from './metrics.ts';
export { stemDutch, stemEnglish } from './stem.ts';
