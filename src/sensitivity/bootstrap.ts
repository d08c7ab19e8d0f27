/**
 * Percentile bootstrap confidence intervals (Efron and Tibshirani 1993, An Introduction to the Bootstrap,
 * ch. 13): recompute the statistics on samples of the same size drawn with replacement and take the
 * (1 - level)/2 and (1 + level)/2 quantiles of the recomputed values. Archer, Saltelli and Sobol (1997,
 * J. Statist. Comput. Simul. 58) apply it to Sobol' indices; Campolongo et al. (2007) to Morris's mu*.
 */
import { quantileSorted } from '../ensemble/series.js';
import type { Rng } from '../model/rng.js';

export interface Interval {
  readonly lo: Float64Array;
  readonly hi: Float64Array;
}

/**
 * Intervals for m statistics of n units: `stat(index)` computes them on the units listed in `index`
 * (length n, with repeats).
 */
export function bootstrapIntervals(
  n: number,
  m: number,
  stat: (index: Int32Array) => ArrayLike<number>,
  rng: Rng,
  resamples: number,
  level = 0.95,
): Interval {
  const draws = Array.from({ length: m }, () => new Float64Array(resamples));
  const index = new Int32Array(n);
  for (let b = 0; b < resamples; b++) {
    for (let j = 0; j < n; j++) index[j] = Math.floor(rng.uniform() * n);
    const s = stat(index);
    for (let i = 0; i < m; i++) draws[i][b] = s[i];
  }
  const lo = new Float64Array(m);
  const hi = new Float64Array(m);
  draws.forEach((d, i) => {
    d.sort();
    lo[i] = quantileSorted(d, (1 - level) / 2);
    hi[i] = quantileSorted(d, (1 + level) / 2);
  });
  return { lo, hi };
}

/** 0, 1, ..., n-1: the original sample. */
export const identity = (n: number) => Int32Array.from({ length: n }, (_, j) => j);
