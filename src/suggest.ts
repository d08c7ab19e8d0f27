/** "Did you mean": the known names nearest to a misspelt one. */
import { distance } from 'fastest-levenshtein';

export function nearest(name: string, known: readonly string[], count = 3): string[] {
  return known
    .map((k) => ({ k, d: distance(name, k) }))
    .sort((a, b) => a.d - b.d || (a.k < b.k ? -1 : 1))
    .slice(0, count)
    .map((x) => x.k);
}
