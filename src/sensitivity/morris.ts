/**
 * Morris's elementary-effects screening (Morris 1991, "Factorial sampling plans for preliminary
 * computational experiments", Technometrics 33(2), 161-174), with the absolute mean mu* of Campolongo,
 * Cariboni and Saltelli (2007, "An effective screening design for sensitivity analysis of large models",
 * Environmental Modelling & Software 22(10), 1509-1518).
 *
 * Design: r trajectories on a p-level grid {0, 1/(p-1), ..., 1} of [0, 1]^k. A trajectory starts at a
 * random grid point x* (each coordinate at most 1 - Delta) and moves one input at a time, in random order,
 * by Delta = p / (2 (p - 1)) up or down (random direction), so it has k + 1 points: r (k + 1) runs in all.
 * The elementary effect of input i on a trajectory is EE_i = [f(x + d Delta e_i) - f(x)] / (d Delta) with
 * d = +-1. Per input: mu* = mean |EE_i| (importance, Campolongo et al. 2007), mu = mean EE_i and
 * sigma = standard deviation of EE_i (non-linearity or interactions, Morris 1991). Effects are per unit of
 * the input's [0, 1] scale. A confidence interval for mu* comes from the percentile bootstrap over
 * trajectories (./bootstrap.ts). Trajectories are drawn at random, not spread-optimised (Campolongo et al.
 * 2007, section 3.1): with enough of them the difference is small.
 */
import { permutation } from '../ensemble/lhs.js';
import type { Rng } from '../model/rng.js';
import { bootstrapIntervals, identity } from './bootstrap.js';

/** Morris's recommended grid: four levels and a jump of two of them. */
export const MORRIS_LEVELS = 4;

export interface MorrisDesign {
  readonly r: number;
  readonly k: number;
  readonly delta: number;
  /** r (k + 1) points of [0, 1]^k, row-major, trajectory after trajectory. */
  readonly points: Float64Array;
  /** The input moved at step m (1..k) of trajectory t: [t * k + m - 1]. */
  readonly moved: Int32Array;
  /** The direction of that move, +1 or -1. */
  readonly sign: Int8Array;
}

export function morrisDesign(r: number, k: number, rng: Rng, levels = MORRIS_LEVELS): MorrisDesign {
  if (levels < 2 || levels % 2 !== 0) throw new Error('Morris needs an even number of levels');
  const delta = levels / (2 * (levels - 1));
  // Start levels with room for one jump up: 0 .. levels/2 - 1 (of levels - 1).
  const startLevels = levels / 2;
  const points = new Float64Array(r * (k + 1) * k);
  const moved = new Int32Array(r * k);
  const sign = new Int8Array(r * k);
  for (let t = 0; t < r; t++) {
    const x = Float64Array.from({ length: k }, () => Math.floor(rng.uniform() * startLevels) / (levels - 1));
    const up = Array.from({ length: k }, () => rng.uniform() < 0.5);
    // Inputs that move down start one jump higher.
    for (let i = 0; i < k; i++) if (!up[i]) x[i] += delta;
    const order = permutation(k, rng);
    const row = (m: number) => (t * (k + 1) + m) * k;
    points.set(x, row(0));
    for (let m = 1; m <= k; m++) {
      const i = order[m - 1];
      x[i] += up[i] ? delta : -delta;
      points.set(x, row(m));
      moved[t * k + m - 1] = i;
      sign[t * k + m - 1] = up[i] ? 1 : -1;
    }
  }
  return { r, k, delta, points, moved, sign };
}

export interface MorrisMeasures {
  readonly muStar: Float64Array;
  readonly muStarLo: Float64Array;
  readonly muStarHi: Float64Array;
  readonly mu: Float64Array;
  readonly sigma: Float64Array;
}

/** The elementary effects, [t * k + i] for input i on trajectory t. */
export function elementaryEffects(design: MorrisDesign, y: ArrayLike<number>): Float64Array {
  const { r, k, delta } = design;
  if (y.length !== r * (k + 1)) throw new Error(`expected ${r * (k + 1)} outputs, got ${y.length}`);
  const ee = new Float64Array(r * k);
  for (let t = 0; t < r; t++) {
    for (let m = 1; m <= k; m++) {
      const step = t * k + m - 1;
      const change = y[t * (k + 1) + m] - y[t * (k + 1) + m - 1];
      ee[t * k + design.moved[step]] = change / (design.sign[step] * delta);
    }
  }
  return ee;
}

export function morrisMeasures(
  design: MorrisDesign,
  y: ArrayLike<number>,
  rng: Rng,
  resamples = 1000,
  level = 0.95,
): MorrisMeasures {
  const { r, k } = design;
  const ee = elementaryEffects(design, y);
  const muStarOf = (index: Int32Array) => {
    const out = new Float64Array(k);
    for (const t of index) for (let i = 0; i < k; i++) out[i] += Math.abs(ee[t * k + i]);
    return out.map((s) => s / index.length);
  };
  const mu = new Float64Array(k);
  const sigma = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    for (let t = 0; t < r; t++) mu[i] += ee[t * k + i] / r;
    let ss = 0;
    for (let t = 0; t < r; t++) ss += (ee[t * k + i] - mu[i]) ** 2;
    sigma[i] = r > 1 ? Math.sqrt(ss / (r - 1)) : 0;
  }
  const ci = bootstrapIntervals(r, k, muStarOf, rng, resamples, level);
  return { muStar: muStarOf(identity(r)), muStarLo: ci.lo, muStarHi: ci.hi, mu, sigma };
}
