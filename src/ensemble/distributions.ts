/**
 * The distributions an ensemble samples parameters from (ParamDef.distribution): uniform on [min, max], or
 * triangular on [min, max] peaking at the default. Each as a CDF and its inverse, so that a uniform draw
 * u in [0, 1) maps to a value by inversion, optionally restricted to a sub-interval (a truncated draw).
 */
import type { ParamDef } from '../model/registry.js';

type Shape = Pick<ParamDef, 'min' | 'max' | 'default' | 'distribution'>;

/** P(X <= x). A fixed parameter is a point mass at its default. */
export function cdf(d: Shape, x: number): number {
  const { min: a, max: b, default: c } = d;
  if (d.distribution === 'fixed' || a === b) return x < c ? 0 : 1;
  if (x <= a) return 0;
  if (x >= b) return 1;
  if (d.distribution === 'uniform') return (x - a) / (b - a);
  return x <= c ? ((x - a) * (x - a)) / ((b - a) * (c - a)) : 1 - ((b - x) * (b - x)) / ((b - a) * (b - c));
}

/** The value with P(X <= x) = u, for u in [0, 1]. */
export function inverseCdf(d: Shape, u: number): number {
  const { min: a, max: b, default: c } = d;
  if (d.distribution === 'fixed' || a === b) return c;
  if (d.distribution === 'uniform') return Math.min(b, a + u * (b - a));
  // Triangular: the mode splits [0, 1] at F(c) = (c - a) / (b - a). Clamped against rounding at the ends.
  const x =
    u < (c - a) / (b - a) ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
  return Math.min(b, Math.max(a, x));
}

/**
 * A draw from the distribution restricted to [lo, hi]: the quantile u of the truncated distribution,
 * F^-1(F(lo) + u (F(hi) - F(lo))).
 */
export function truncatedInverseCdf(d: Shape, u: number, lo: number, hi: number): number {
  const flo = cdf(d, lo);
  // Clamped: F^-1(F(hi)) can round to just past hi.
  return Math.min(hi, Math.max(lo, inverseCdf(d, flo + u * (cdf(d, hi) - flo))));
}
