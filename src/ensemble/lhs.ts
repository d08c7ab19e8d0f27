/**
 * Latin hypercube sampling (McKay, Beckman and Conover 1979, Technometrics 21(2)): n points in [0, 1)^d
 * such that, in every dimension, each of the n equal strata holds exactly one point. Each column is an
 * independent random permutation of the strata with a uniform jitter inside its stratum.
 */
import type { Rng } from '../model/rng.js';

/** A random permutation of 0..n-1 (Fisher-Yates). */
export function permutation(n: number, rng: Rng): Int32Array {
  const p = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.uniform() * (i + 1));
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}

/** n x d points, row-major ([i * d + j]), one point per stratum in every column. */
export function latinHypercube(n: number, d: number, rng: Rng): Float64Array {
  const u = new Float64Array(n * d);
  for (let j = 0; j < d; j++) {
    const strata = permutation(n, rng);
    for (let i = 0; i < n; i++) u[i * d + j] = (strata[i] + rng.uniform()) / n;
  }
  return u;
}
