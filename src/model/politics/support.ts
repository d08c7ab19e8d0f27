/**
 * Nationalist support: its target given the drivers, and the yearly move toward it, in logit space so that
 * support stays in (0, 1) whatever the drivers do.
 *
 * Each driver is measured as its change since the base year, when support was observed (the base year is
 * taken as an equilibrium). The literature reports effects in percentage points of vote share per unit of a
 * driver; near a country's base support s0 an effect of b pp is b / (100 s0 (1 - s0)) in logit, so small
 * shocks move support by the literature's percentage points and large ones saturate instead of leaving (0, 1).
 * Crises act multiplicatively (Funke, Schularick and Trebesch 2016 report a relative rise of the far-right
 * vote), which is a shift of ln(1 + effect) in logit for small shares.
 */

/** Numerical guard, not a coefficient: |logit| <= 20 keeps support within (2e-9, 1 - 2e-9). */
export const LOGIT_BOUND = 20;

export function logit(p: number): number {
  return Math.log(p / (1 - p));
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function boundLogit(x: number): number {
  return Math.max(-LOGIT_BOUND, Math.min(x, LOGIT_BOUND));
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
export type Effects = Readonly<Record<keyof Drivers, number>>;

/** The target logit of support for a country whose base-year support is s0. */
export function targetLogit(s0: number, d: Readonly<Drivers>, e: Effects): number {
  return targetFrom(logit(s0), 100 * s0 * (1 - s0), d, e);
}

/**
 * The same from the base-year logit x0 = logit(s0) and slope = 100 s0 (1 - s0), percentage points per unit
 * of logit at s0 (precomputed once per run in the yearly loop).
 */
export function targetFrom(x0: number, slope: number, d: Readonly<Drivers>, e: Effects): number {
  const pp =
    e.gini * d.gini +
    e.importShare * d.importShare +
    e.displaced * d.displaced +
    e.realIncomeLoss * d.realIncomeLoss +
    e.immigrants * d.immigrants +
    e.disinformation * d.disinformation +
    e.institutionalFailure * d.institutionalFailure +
    e.war * d.war;
  return boundLogit(x0 + pp / slope + Math.log1p(e.crisis) * d.crisis);
}

/** Support logit after a year of partial adjustment (share `rate` of the gap closed). */
export function adjust(x: number, target: number, rate: number): number {
  return boundLogit(x + rate * (target - x));
}
