/**
 * Themes as clusters of contributions: TF-IDF vectors of the features in features.ts,
 * cosine similarity, average-linkage agglomerative clustering stopped at a similarity
 * threshold, and for each cluster a readable label (its most characteristic phrase, as
 * written, in Dutch and English). Deterministic: ties go to the earlier item.
 */
import { documentFeatures, themeLanguage, type ThemeLanguage } from './features.ts';
import { conceptName } from './vocabulary.ts';

export interface ThemeInput {
  id: string;
  text: string;
  lang: string;
}

export interface ThemeCluster {
  /** The label's feature key ("c:bike+c:path"): stable for the same words, for corrections. */
  key: string;
  /** The most characteristic phrase as residents wrote it, per language (falls back on the other). */
  label: Record<ThemeLanguage, string>;
  /** Further characteristic words, as labels, most characteristic first. */
  terms: Array<Record<ThemeLanguage, string>>;
  /** Ids of the contributions in the theme, the most typical first. */
  ids: string[];
}

export interface ClusterOptions {
  /** Average cosine similarity below which two groups stay apart. */
  threshold?: number;
  /** Smallest cluster returned (the rest are too scattered to be a theme). */
  minimumSize?: number;
  /** Items clustered pairwise; later ones join the nearest cluster (the pairwise step is cubic). */
  maxPairwise?: number;
  /** A lone item joins its nearest group at this share of the threshold. */
  joinFactor?: number;
  /** Off only to measure what the bilingual vocabulary adds (stems and stop words alone). */
  vocabulary?: boolean;
}

export const defaultClusterOptions = { threshold: 0.25, minimumSize: 2, maxPairwise: 400, joinFactor: 0.5 } as const;

// A phrase says more than either of its words, but is rarer: it gets this weight in vectors.
const PHRASE_WEIGHT = 1;

type Vector = Map<string, number>;

function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [key, value] of small) dot += value * (large.get(key) ?? 0);
  return dot;
}

function normalise(vector: Vector): Vector {
  let norm = 0;
  for (const value of vector.values()) norm += value * value;
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [key, value] of vector) vector.set(key, value / norm);
  return vector;
}

/**
 * Groups contributions into themes. Returns clusters largest first; items in no cluster of
 * `minimumSize` or more are left out.
 *
 * @example
 * clusterThemes(items).map((c) => `${c.label.nl}: ${c.ids.length}`); // ['fietspad: 12', …]
 */
export function clusterThemes(items: readonly ThemeInput[], options: ClusterOptions = {}): ThemeCluster[] {
  const minimumSize = options.minimumSize ?? defaultClusterOptions.minimumSize;
  const model = agglomerate(items, options);
  return model.groups
    .filter((members) => members.length >= minimumSize)
    .map((members) => describe(members, items, model))
    .sort((a, b) => b.ids.length - a.ids.length || a.key.localeCompare(b.key));
}

/** Every item's cluster as lists of indexes (singletons included), for measuring agreement. */
export function clusterIndexes(items: readonly ThemeInput[], options: ClusterOptions = {}): number[][] {
  return agglomerate(items, options).groups;
}

interface Model {
  groups: number[][];
  features: ReturnType<typeof documentFeatures>[];
  vectors: Vector[];
  documentFrequency: Map<string, number>;
}

function agglomerate(items: readonly ThemeInput[], options: ClusterOptions): Model {
  const threshold = options.threshold ?? defaultClusterOptions.threshold;
  const maxPairwise = options.maxPairwise ?? defaultClusterOptions.maxPairwise;
  const vocabulary = options.vocabulary ?? true;
  const features = items.map((item) => documentFeatures(item.text, item.lang, { vocabulary }));
  const documentFrequency = new Map<string, number>();
  for (const { counts } of features)
    for (const key of counts.keys()) documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1);
  const n = items.length;
  const vectors = features.map(({ counts }) => {
    const vector: Vector = new Map();
    for (const [key, count] of counts) {
      const df = documentFrequency.get(key)!;
      // A feature in one item links nothing and only dilutes the item's other features.
      if (df < 2) continue;
      const idf = Math.log((n + 1) / (df + 1)) + 1;
      vector.set(key, (1 + Math.log(count)) * idf * (key.includes('+') ? PHRASE_WEIGHT : 1));
    }
    return normalise(vector);
  });

  const m = Math.min(n, maxPairwise);
  const similarity = new Float64Array(m * m);
  for (let i = 0; i < m; i++)
    for (let j = i + 1; j < m; j++) similarity[i * m + j] = similarity[j * m + i] = cosine(vectors[i]!, vectors[j]!);
  const pairwise = similarity.slice();
  const members: Array<number[] | null> = Array.from({ length: m }, (_, i) => [i]);
  for (;;) {
    let best = -1;
    let bestI = -1;
    let bestJ = -1;
    for (let i = 0; i < m; i++) {
      if (!members[i]) continue;
      for (let j = i + 1; j < m; j++) {
        if (!members[j]) continue;
        const s = similarity[i * m + j]!;
        if (s > best) [best, bestI, bestJ] = [s, i, j];
      }
    }
    if (bestI < 0 || best < threshold) break;
    const a = members[bestI]!;
    const b = members[bestJ]!;
    // Lance–Williams for average linkage: the merged group's similarity to every other.
    for (let k = 0; k < m; k++) {
      if (!members[k] || k === bestI || k === bestJ) continue;
      const s = (a.length * similarity[k * m + bestI]! + b.length * similarity[k * m + bestJ]!) / (a.length + b.length);
      similarity[k * m + bestI] = similarity[bestI * m + k] = s;
    }
    members[bestI] = [...a, ...b];
    members[bestJ] = null;
  }
  let groups = members.filter((g): g is number[] => g !== null);
  // An item left alone usually shares some words with a theme: it joins the group it is most
  // like on average, when that is at least half the threshold, so that fewer items stay unsorted.
  const joinAt = threshold * (options.joinFactor ?? defaultClusterOptions.joinFactor);
  const lone = groups.filter((g) => g.length === 1).map((g) => g[0]!);
  groups = groups.filter((g) => g.length > 1);
  const joined = groups.map((g) => [...g]);
  for (const index of lone) {
    let best = -1;
    let bestGroup = -1;
    groups.forEach((group, g) => {
      let sum = 0;
      for (const other of group) sum += pairwise[index * m + other]!;
      if (sum / group.length > best) [best, bestGroup] = [sum / group.length, g];
    });
    if (bestGroup >= 0 && best >= joinAt) joined[bestGroup]!.push(index);
    else joined.push([index]);
  }
  groups = joined;

  // Past the pairwise cap, an item joins the group whose centroid it is most like, or stands alone.
  if (n > m) {
    const centroids = groups.map((group) => {
      const centroid: Vector = new Map();
      for (const index of group)
        for (const [key, value] of vectors[index]!) centroid.set(key, (centroid.get(key) ?? 0) + value / group.length);
      return centroid;
    });
    for (let index = m; index < n; index++) {
      let best = -1;
      let bestGroup = -1;
      centroids.forEach((centroid, g) => {
        const s = cosine(vectors[index]!, centroid);
        if (s > best) [best, bestGroup] = [s, g];
      });
      if (bestGroup >= 0 && best >= threshold) groups[bestGroup]!.push(index);
      else groups.push([index]);
    }
  }
  return { groups, features, vectors, documentFrequency };
}

function mostWritten(counts: Map<string, number>): string | undefined {
  let best: string | undefined;
  for (const [text, count] of counts) if (best === undefined || count > counts.get(best)!) best = text;
  return best;
}

// The label should be a phrase when a phrase is nearly as typical as the best single word.
const PHRASE_PREFERENCE = 1.5;

function describe(group: number[], items: readonly ThemeInput[], model: Model): ThemeCluster {
  const n = items.length;
  const inGroup = new Map<string, number>();
  const written = new Map<string, Record<ThemeLanguage, Map<string, number>>>();
  for (const index of group) {
    const lang = themeLanguage(items[index]!.lang);
    for (const [key, surface] of model.features[index]!.surfaces) {
      inGroup.set(key, (inGroup.get(key) ?? 0) + 1);
      const byLang = written.get(key) ?? { nl: new Map(), en: new Map() };
      byLang[lang].set(surface, (byLang[lang].get(surface) ?? 0) + 1);
      written.set(key, byLang);
    }
  }
  const scored = [...inGroup.entries()]
    .filter(([, count]) => group.length < 2 || count >= 2)
    .map(([key, count]) => {
      const coverage = count / group.length;
      const elsewhere = (model.documentFrequency.get(key)! - count) / Math.max(1, n - group.length);
      const score =
        coverage * Math.log(1 + coverage / (elsewhere + 1 / n)) * (key.includes('+') ? PHRASE_PREFERENCE : 1);
      return { key, score };
    })
    .sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
  const label = (key: string): Record<ThemeLanguage, string> => {
    // One concept reads best by its name, in either language whoever wrote it.
    if (key.startsWith('c:') && !key.includes('+')) {
      const nl = conceptName(key.slice(2), 'nl');
      const en = conceptName(key.slice(2), 'en');
      if (nl && en) return { nl, en };
    }
    const byLang = written.get(key)!;
    // A phrase nobody wrote in one language is named there by its head, the last concept (a
    // "fietsenstalling" is a kind of "stalling": "bike racks").
    const head = key.split('+').pop()!;
    const nl = mostWritten(byLang.nl) ?? (head.startsWith('c:') ? conceptName(head.slice(2), 'nl') : undefined);
    const en = mostWritten(byLang.en) ?? (head.startsWith('c:') ? conceptName(head.slice(2), 'en') : undefined);
    return { nl: nl ?? en ?? key, en: en ?? nl ?? key };
  };
  const top = scored[0]?.key ?? [...inGroup.keys()][0] ?? '';
  // The most typical items first: those closest to the group's centroid.
  const centroid: Vector = new Map();
  for (const index of group)
    for (const [key, value] of model.vectors[index]!) centroid.set(key, (centroid.get(key) ?? 0) + value);
  const ids = [...group]
    .map((index) => ({ index, s: cosine(model.vectors[index]!, centroid) }))
    .sort((a, b) => b.s - a.s || a.index - b.index)
    .map(({ index }) => items[index]!.id);
  const terms = scored
    .slice(1)
    .filter(({ key }) => !top.split('+').includes(key))
    .slice(0, 3)
    .map(({ key }) => label(key));
  return { key: top, label: top ? label(top) : { nl: '', en: '' }, terms, ids };
}
