/** Agreement between automatic clusters and hand-assigned themes. */

function choose2(n: number): number {
  return (n * (n - 1)) / 2;
}

/**
 * Adjusted Rand index (Hubert and Arabie, 1985) of two labellings of the same items: 1 when
 * they group the items identically, about 0 for chance agreement, negative below chance.
 */
export function adjustedRandIndex(truth: readonly string[], predicted: readonly string[]): number {
  if (truth.length !== predicted.length) throw new Error('Both labellings need the same items.');
  const n = truth.length;
  const table = new Map<string, number>();
  const rows = new Map<string, number>();
  const columns = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const cell = `${truth[i]}\u0000${predicted[i]}`;
    table.set(cell, (table.get(cell) ?? 0) + 1);
    rows.set(truth[i]!, (rows.get(truth[i]!) ?? 0) + 1);
    columns.set(predicted[i]!, (columns.get(predicted[i]!) ?? 0) + 1);
  }
  const index = [...table.values()].reduce((sum, v) => sum + choose2(v), 0);
  const rowSum = [...rows.values()].reduce((sum, v) => sum + choose2(v), 0);
  const columnSum = [...columns.values()].reduce((sum, v) => sum + choose2(v), 0);
  const expected = (rowSum * columnSum) / choose2(n);
  const maximum = (rowSum + columnSum) / 2;
  if (maximum === expected) return 1;
  return (index - expected) / (maximum - expected);
}

/** Share of items whose cluster's most common hand theme is their own. */
export function purity(truth: readonly string[], predicted: readonly string[]): number {
  if (truth.length !== predicted.length) throw new Error('Both labellings need the same items.');
  const byCluster = new Map<string, Map<string, number>>();
  truth.forEach((label, i) => {
    const counts = byCluster.get(predicted[i]!) ?? new Map<string, number>();
    counts.set(label, (counts.get(label) ?? 0) + 1);
    byCluster.set(predicted[i]!, counts);
  });
  let agreeing = 0;
  for (const counts of byCluster.values()) agreeing += Math.max(...counts.values());
  return truth.length === 0 ? 1 : agreeing / truth.length;
}

/** Share of items whose hand theme's most common cluster is theirs (purity the other way round). */
export function inversePurity(truth: readonly string[], predicted: readonly string[]): number {
  return purity(predicted, truth);
}
