/** Neighbour lists from the pairs' contiguity types (COW: 1 land, 2-5 water of 12, 24, 150, 400 miles). */
import { pairIndex } from './pairs.js';

/** Land border. */
export const LAND = [1];
/** Contiguous in the conflict model's sense: land or at most 150 miles of water (Oneal and Russett 1999). */
export const CONTIGUOUS = [1, 2, 3, 4];

/** For each state, the states whose contiguity type with it is one of `types`. */
export function neighbours(n: number, contiguity: ArrayLike<number>, types: readonly number[]): Int32Array[] {
  const lists: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (types.includes(contiguity[pairIndex(n, i, j)])) {
        lists[i].push(j);
        lists[j].push(i);
      }
    }
  }
  return lists.map((l) => Int32Array.from(l));
}
