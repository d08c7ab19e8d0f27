/**
 * The global series of many runs, as the shards return them, and the quantile summary an ensemble writes
 * (summary.csv).
 */
import { GLOBAL_OUTPUTS } from '../model/engine.js';

export interface EnsembleSeries {
  readonly runs: number;
  readonly years: readonly number[];
  /** Output names, GLOBAL_OUTPUTS order. */
  readonly outputs: readonly string[];
  /** [(run * outputs + output) * years + yearIndex]. */
  readonly values: Float64Array;
}

/** Joins the shards' results (in shard order, so in run order). */
export function joinShards(
  parts: readonly Float64Array[],
  firstYear: number,
  lastYear: number,
): EnsembleSeries {
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, k) => firstYear + k);
  const outputs = GLOBAL_OUTPUTS.map((v) => v.name);
  const values = new Float64Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    values.set(p, at);
    at += p.length;
  }
  return { runs: values.length / (outputs.length * years.length), years, outputs, values };
}

/** One output in one year across all runs. */
export function across(s: EnsembleSeries, output: string, year: number): Float64Array {
  const o = s.outputs.indexOf(output);
  const k = year - s.years[0];
  if (o < 0 || k < 0 || k >= s.years.length) throw new Error(`no series ${output} in ${year}`);
  const nO = s.outputs.length;
  const nY = s.years.length;
  return Float64Array.from({ length: s.runs }, (_, r) => s.values[(r * nO + o) * nY + k]);
}

/** The quantiles summary.csv reports, as fractions. */
export const QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

/**
 * The p-quantile of sorted values by linear interpolation between order statistics (Hyndman and Fan 1996,
 * The American Statistician 50(4), definition 7: the default of R and numpy).
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Quantiles of one output in every year: rows [year, q05, q25, q50, q75, q95]. */
export function quantilesByYear(s: EnsembleSeries, output: string): number[][] {
  return s.years.map((year) => {
    const v = across(s, output, year).sort();
    return [year, ...QUANTILES.map((p) => quantileSorted(v, p))];
  });
}
