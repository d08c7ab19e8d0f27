/**
 * Sobol' variance-based sensitivity indices, estimated from the Saltelli design (Saltelli et al. 2010,
 * "Variance based sensitivity analysis of model output. Design and estimator for the total sensitivity
 * index", Computer Physics Communications 181(2), 259-270).
 *
 * Design: two independent N x k matrices A and B of uniform points, and for each input i the matrix
 * A_B^(i), which is A with column i taken from B: N (k + 2) model runs in all.
 * First-order index (Saltelli et al. 2010, Table 2 (b)):
 *   S_i = (1/N) sum_j f(B)_j [f(A_B^(i))_j - f(A)_j] / V(Y)
 * Total-effect index (Jansen 1999, "Analysis of variance designs for model output", Computer Physics
 * Communications 117, 35-43; Saltelli et al. 2010, Table 2 (f)):
 *   S_Ti = (1/2N) sum_j [f(A)_j - f(A_B^(i))_j]^2 / V(Y)
 * V(Y) is the variance of the 2N outputs of A and B; outputs are centred on their mean first. Confidence intervals by the percentile bootstrap over
 * the N rows (./bootstrap.ts).
 */
import type { Rng } from '../model/rng.js';
import { bootstrapIntervals, identity } from './bootstrap.js';

export interface SaltelliDesign {
  readonly n: number;
  readonly k: number;
  /** N (k + 2) points of [0, 1)^k, row-major: the rows of A, then B, then A_B^(1) ... A_B^(k). */
  readonly points: Float64Array;
}

export function saltelliDesign(n: number, k: number, rng: Rng): SaltelliDesign {
  const a = Float64Array.from({ length: n * k }, () => rng.uniform());
  const b = Float64Array.from({ length: n * k }, () => rng.uniform());
  const points = new Float64Array(n * (k + 2) * k);
  points.set(a, 0);
  points.set(b, n * k);
  for (let i = 0; i < k; i++) {
    const block = (2 + i) * n * k;
    points.set(a, block);
    for (let j = 0; j < n; j++) points[block + j * k + i] = b[j * k + i];
  }
  return { n, k, points };
}

export interface SobolIndices {
  readonly first: Float64Array;
  readonly firstLo: Float64Array;
  readonly firstHi: Float64Array;
  readonly total: Float64Array;
  readonly totalLo: Float64Array;
  readonly totalHi: Float64Array;
  /** V(Y); the indices are NaN when it is zero (the output does not vary). */
  readonly variance: number;
}

/** The indices from the outputs y at the design's points (in the design's order). */
export function sobolIndices(
  design: SaltelliDesign,
  y: ArrayLike<number>,
  rng: Rng,
  resamples = 1000,
  level = 0.95,
): SobolIndices {
  const { n, k } = design;
  if (y.length !== n * (k + 2)) throw new Error(`expected ${n * (k + 2)} outputs, got ${y.length}`);
  // Centred on the mean of f(A) and f(B): the estimators' expectations do not change (f(A_B^(i)) - f(A)
  // has mean zero) but the first-order one no longer carries the noise of a large mean (SALib does the same).
  let centre = 0;
  for (let j = 0; j < 2 * n; j++) centre += y[j] / (2 * n);
  const yA = (j: number) => y[j] - centre;
  const yB = (j: number) => y[n + j] - centre;
  const yAB = (i: number, j: number) => y[(2 + i) * n + j] - centre;

  // V(Y) over the outputs of A and B on the rows `index`.
  const varianceOf = (index: Int32Array): number => {
    let mean = 0;
    for (const j of index) mean += yA(j) + yB(j);
    mean /= 2 * n;
    let v = 0;
    for (const j of index) v += (yA(j) - mean) ** 2 + (yB(j) - mean) ** 2;
    return v / (2 * n);
  };
  // All 2k indices on the rows `index`: first-order ones, then total ones.
  const estimate = (index: Int32Array): Float64Array => {
    const v = varianceOf(index);
    const out = new Float64Array(2 * k);
    // An output that does not vary on these rows (a count such as wars ongoing, in a bootstrap resample) has no
    // variance to apportion: every index is 0 rather than 0/0.
    if (!(v > 0)) return out;
    for (let i = 0; i < k; i++) {
      let s1 = 0;
      let st = 0;
      for (const j of index) {
        s1 += yB(j) * (yAB(i, j) - yA(j));
        st += (yA(j) - yAB(i, j)) ** 2;
      }
      out[i] = s1 / n / v;
      out[k + i] = st / (2 * n) / v;
    }
    return out;
  };

  const all = identity(n);
  const point = estimate(all);
  const ci = bootstrapIntervals(n, 2 * k, estimate, rng, resamples, level);
  return {
    first: point.slice(0, k),
    firstLo: ci.lo.slice(0, k),
    firstHi: ci.hi.slice(0, k),
    total: point.slice(k),
    totalLo: ci.lo.slice(k),
    totalHi: ci.hi.slice(k),
    variance: varianceOf(all),
  };
}
