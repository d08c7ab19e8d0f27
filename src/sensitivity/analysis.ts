/**
 * A sensitivity analysis of the model: a Morris or Saltelli design over the unit hypercube of the sampled
 * parameters (src/ensemble/plan.ts), and per output the parameters ranked by their measures.
 */
import type { Rng } from '../model/rng.js';
import { type MorrisDesign, morrisDesign, morrisMeasures } from './morris.js';
import { type SaltelliDesign, saltelliDesign, sobolIndices } from './sobol.js';

export const METHODS = ['morris', 'sobol'] as const;
export type Method = (typeof METHODS)[number];

export type Design =
  | { readonly method: 'morris'; readonly morris: MorrisDesign; readonly points: Float64Array }
  | { readonly method: 'sobol'; readonly saltelli: SaltelliDesign; readonly points: Float64Array };

/** Morris: n trajectories, n (k + 1) points. Sobol: n base samples, n (k + 2) points. */
export function makeDesign(method: Method, n: number, k: number, rng: Rng): Design {
  if (method === 'morris') {
    const morris = morrisDesign(n, k, rng);
    return { method, morris, points: morris.points };
  }
  const saltelli = saltelliDesign(n, k, rng);
  return { method, saltelli, points: saltelli.points };
}

export function designRuns(method: Method, n: number, k: number): number {
  return method === 'morris' ? n * (k + 1) : n * (k + 2);
}

/** One parameter's measures, named as in sensitivity.csv. */
export interface Ranked {
  readonly parameter: string;
  readonly measures: Readonly<Record<string, number>>;
}

/** The measure a method ranks by, and the columns it reports. */
export const MEASURES: Record<Method, { readonly rankBy: string; readonly columns: readonly string[] }> = {
  morris: { rankBy: 'mu_star', columns: ['mu_star', 'mu_star_lo', 'mu_star_hi', 'mu', 'sigma'] },
  sobol: {
    rankBy: 'total',
    columns: ['total', 'total_lo', 'total_hi', 'first_order', 'first_order_lo', 'first_order_hi'],
  },
};

function measures(design: Design, y: ArrayLike<number>, rng: Rng): Record<string, Float64Array> {
  if (design.method === 'morris') {
    const m = morrisMeasures(design.morris, y, rng);
    return { mu_star: m.muStar, mu_star_lo: m.muStarLo, mu_star_hi: m.muStarHi, mu: m.mu, sigma: m.sigma };
  }
  const s = sobolIndices(design.saltelli, y, rng);
  return {
    total: s.total,
    total_lo: s.totalLo,
    total_hi: s.totalHi,
    first_order: s.first,
    first_order_lo: s.firstLo,
    first_order_hi: s.firstHi,
  };
}

/** The parameters ranked by importance for one output (ties keep the registry order). */
export function rank(
  design: Design,
  y: ArrayLike<number>,
  parameters: readonly string[],
  rng: Rng,
): Ranked[] {
  const m = measures(design, y, rng);
  const { rankBy, columns } = MEASURES[design.method];
  return parameters
    .map((parameter, i) => ({ parameter, measures: Object.fromEntries(columns.map((c) => [c, m[c][i]])) }))
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.measures[rankBy] - a.r.measures[rankBy] || a.i - b.i)
    .map(({ r }) => r);
}
