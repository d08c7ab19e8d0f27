/**
 * Undirected country pairs i < j packed in row order: (0,1), (0,2), ..., (0,n-1), (1,2), ... The k-th pair
 * of row i starts at pairStart(n, i); iterating i, then j > i, visits k = 0, 1, 2, ... in order.
 */

export const pairCount = (n: number): number => (n * (n - 1)) / 2;

/** Index of the first pair (i, i + 1) of row i. */
export const pairStart = (n: number, i: number): number => (i * (2 * n - i - 1)) / 2;

/** Index of the pair {i, j}, in either order (i !== j). */
export function pairIndex(n: number, i: number, j: number): number {
  return i < j ? pairStart(n, i) + (j - i - 1) : pairStart(n, j) + (i - j - 1);
}

/** The two states (i < j) of packed pair k. */
export function pairMembers(n: number, k: number): [number, number] {
  let i = 0;
  while (pairStart(n, i + 1) <= k) i++;
  return [i, i + 1 + (k - pairStart(n, i))];
}
