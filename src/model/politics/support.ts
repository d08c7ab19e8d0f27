/**
 * Nationalist support: its target given the drivers, and the yearly move toward it in logit space, so that
 * support stays in (0, 1) whatever the drivers do.
 *
 * Each driver is measured as its change since the base year, when support was observed (the base year is
 * taken as an equilibrium). The literature reports effects in percentage points of vote share per unit of a
 * driver, so the target adds them in percentage points:
 *   s* = s0 (1 + b_crisis C) + sum_k b_k dD_k / 100,
 * crises acting in proportion (Funke, Schularick and Trebesch 2016 report a relative rise of the far-right
 * vote). A soft clamp B keeps s* inside (0, 1): B(v) = e [softplus(v / e) - softplus((v - 1) / e)] is v itself
 * except within a few e of 0 and 1, where it bends so as never to reach them. In logit the target is
 *   x* = logit(s0) + logit(B(s*)) - logit(B(s0)),
 * which is exactly logit(s0) when no driver has moved, and logit(s*) wherever s* is not near 0 or 1.
 */

import * as Portable from '../portable.js';

/** Numerical guard, not a coefficient: |logit| <= 20 keeps support within (2e-9, 1 - 2e-9). */
export const LOGIT_BOUND = 20;

export function logit(p: number): number {
  return Portable.log(p / (1 - p));
}

export function sigmoid(x: number): number {
  return 1 / (1 + Portable.exp(-x));
}

export function boundLogit(x: number): number {
  return Math.max(-LOGIT_BOUND, Math.min(x, LOGIT_BOUND));
}

/** log(1 + e^t) without overflow. */
function softplus(t: number): number {
  return t > 0 ? t + Portable.log1p(Portable.exp(-t)) : Portable.log1p(Portable.exp(t));
}

/** The soft clamp B of a share v into (0, 1), with bends of width `e`, in logit. */
export function softLogit(v: number, e: number): number {
  // logit(B) = log B - log(1 - B); both terms from softplus differences, without cancellation near the ends.
  const lo = softplus(v / e) - softplus((v - 1) / e);
  const hi = softplus((1 - v) / e) - softplus(-v / e);
  return Portable.log(lo) - Portable.log(hi);
}

/** One country's drivers, as changes since the base year (crisis: the current crisis memory, 0..1). */
export interface Drivers {
  /** Gini points. */
  gini: number;
  /** Import penetration, percentage points of GDP. */
  importShare: number;
  /** Displaced workers, % of the population. */
  displaced: number;
  /** Loss of real income, % (positive = a loss). */
  realIncomeLoss: number;
  /** Unintegrated immigrants, percentage points of the population. */
  immigrants: number;
  /** Disinformation reaching people: intensity x (1 - media literacy). */
  disinformation: number;
  /** Perceived failure of global institutions, 0..1. */
  institutionalFailure: number;
  /** At war, 0..1. */
  war: number;
  /** Memory of a recent crisis, 0..1 (1 in the year of the crisis). */
  crisis: number;
}

export const NO_DRIVERS: Readonly<Drivers> = {
  gini: 0,
  importShare: 0,
  displaced: 0,
  realIncomeLoss: 0,
  immigrants: 0,
  disinformation: 0,
  institutionalFailure: 0,
  war: 0,
  crisis: 0,
};

/** Effect sizes: percentage points of support per unit of each driver; crisis is a relative rise. */
export interface Effects extends Readonly<Record<keyof Drivers, number>> {
  /** Width of the soft bounds at 0 and 1, as a share of the electorate. */
  readonly softness: number;
}

/** The target support (before the soft clamp) for base support s0. */
export function targetShare(s0: number, d: Readonly<Drivers>, e: Effects): number {
  const pp =
    e.gini * d.gini +
    e.importShare * d.importShare +
    e.displaced * d.displaced +
    e.realIncomeLoss * d.realIncomeLoss +
    e.immigrants * d.immigrants +
    e.disinformation * d.disinformation +
    e.institutionalFailure * d.institutionalFailure +
    e.war * d.war;
  return s0 * (1 + e.crisis * d.crisis) + pp / 100;
}

/** The target logit of support for a country whose base-year support is s0. */
export function targetLogit(s0: number, d: Readonly<Drivers>, e: Effects): number {
  return targetFrom(s0, logit(s0), softLogit(s0, e.softness), d, e);
}

/**
 * The same from s0, x0 = logit(s0) and b0 = softLogit(s0, softness), precomputed once per run in the yearly
 * loop.
 */
export function targetFrom(s0: number, x0: number, b0: number, d: Readonly<Drivers>, e: Effects): number {
  const share = targetShare(s0, d, e);
  if (share === s0) return x0; // nothing has moved: skip the transcendental functions
  const shift = softLogit(share, e.softness) - b0;
  // A shift of -Infinity - (-Infinity) cannot happen: b0 is finite for s0 in (0, 1).
  return boundLogit(x0 + (Number.isNaN(shift) ? 0 : shift));
}

/** Support logit after a year of partial adjustment (share `rate` of the gap closed). */
export function adjust(x: number, target: number, rate: number): number {
  return boundLogit(x + rate * (target - x));
}
