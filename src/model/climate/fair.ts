/**
 * FaIR v1.6 in CO2-only mode: a four-box carbon cycle whose uptake slows as the sinks fill and the planet
 * warms, and a two-layer temperature response. Pure functions over a small mutable state, one-year steps.
 *
 * Smith, C. J. et al. (2018), FAIR v1.3: a simple emissions-based impulse response and carbon cycle model,
 *   Geosci. Model Dev. 11, 2273-2297.
 * Millar, R. J. et al. (2017), A modified impulse-response representation of the global near-surface air
 *   temperature and atmospheric concentration response to carbon dioxide emissions, Atmos. Chem. Phys. 17,
 *   7213-7228. Equation numbers below refer to Millar et al. (2017).
 *
 * The sequence of operations, including FaIR's first-step quirk T_j(0) = q_j/d_j F(0), follows FaIR v1.6.4
 * exactly, so that results agree with it to round-off.
 */

/**
 * Newton stops once a step is below this fraction of alpha. Convergence is quadratic, so the alpha it
 * returns is exact to about the square of this: tighter than scipy's root in FaIR itself (xtol 1.5e-8).
 */
const ALPHA_TOLERANCE = 1e-10;

/** FaIR's starting guess for alpha in its first step; only the solver's starting point, not a coefficient. */
const FIRST_ALPHA_GUESS = 0.16;

export interface FairParams {
  /** Fractions of emitted carbon entering each box; they sum to 1. */
  readonly a: readonly number[];
  /** Present-day decay time of each box (yr). */
  readonly tau: readonly number[];
  /** Pre-industrial 100-year integrated impulse response (yr). */
  readonly r0: number;
  /** Sensitivity of iIRF100 to cumulative carbon uptake (yr/GtC). */
  readonly rc: number;
  /** Sensitivity of iIRF100 to warming (yr/K). */
  readonly rt: number;
  /** Ceiling on iIRF100 (yr). */
  readonly iirfMax: number;
  /** Horizon of the integrated impulse response (yr). */
  readonly iirfHorizon: number;
  /** Thermal box response times (yr). */
  readonly d: readonly number[];
  /** Transient climate response (K). */
  readonly tcr: number;
  /** Equilibrium climate sensitivity (K). */
  readonly ecs: number;
  /** Forcing from doubled CO2 (W/m2). */
  readonly f2x: number;
  /** Pre-industrial CO2 concentration (ppm). */
  readonly cPi: number;
  /** GtC per ppm of atmospheric CO2. */
  readonly ppmGtc: number;
  /** Doubling time of CO2 under a 1 %/yr rise, used to define TCR (yr): ln 2 / ln 1.01. */
  readonly tcrDoublingYears: number;
}

export interface FairState {
  /** Thermal response coefficients q_j (K per W/m2), fixed by TCR and ECS. */
  readonly q: readonly [number, number];
  /** exp(-1/d_j): how much of each thermal box's anomaly survives a year. */
  readonly tDecay: readonly number[];
  /** Carbon in each box above pre-industrial (ppm). */
  readonly boxes: Float64Array;
  /** Temperature of each thermal box (K). */
  readonly tBoxes: Float64Array;
  /** Cumulative carbon taken up by the sinks (GtC). */
  cAcc: number;
  /** Scaling of the box time constants found last step (starts at FaIR's first guess). */
  alpha: number;
  /** CO2 concentration (ppm). */
  conc: number;
  /** Total effective radiative forcing (W/m2). */
  forcing: number;
  /** Warming above pre-industrial (K). */
  temp: number;
  /** Last step's CO2 emissions (GtC/yr). */
  lastEmissions: number;
}

/** Thermal response coefficients q_j (K per W/m2) from TCR and ECS; Millar et al. eqs. (4)-(5). */
export function thermalCoefficients(p: FairParams): [number, number] {
  const k = p.d.map((dj) => 1 - (dj / p.tcrDoublingYears) * (1 - Math.exp(-p.tcrDoublingYears / dj)));
  const denom = p.f2x * (k[0] - k[1]);
  return [(p.tcr - p.ecs * k[1]) / denom, (p.ecs * k[0] - p.tcr) / denom];
}

/** Forcing from CO2 above pre-industrial (Myhre et al. 1998 logarithmic form, scaled to F2x). */
export function co2Forcing(p: FairParams, conc: number): number {
  return (p.f2x / Math.LN2) * Math.log(conc / p.cPi);
}

/**
 * The time-constant scaling alpha that gives the target iIRF100, eq. (7):
 *   g(alpha) = alpha sum_i a_i tau_i (1 - e_i) - target,  e_i = exp(-x_i),  x_i = H / (alpha tau_i),
 *   g'(alpha) = sum_i a_i tau_i (1 - e_i - x_i e_i).
 * g rises monotonically from -target (alpha -> 0) to H - target (alpha -> infinity), so a bracketed Newton
 * iteration from last year's alpha converges in a few steps. Written out without allocation: it is the
 * innermost loop of every run.
 */
export function solveAlpha(p: FairParams, target: number, guess: number): number {
  const { a, tau, iirfHorizon: h } = p;
  if (!(target > 0 && target < h)) {
    // Only reachable far outside physical conditions (cumulative uptake below about -1800 GtC, or an
    // iIRF ceiling at or above the horizon): no time-constant scaling gives such a response.
    throw new RangeError(`iIRF100 target ${target} yr has no solution: it must lie in (0, ${h}) yr`);
  }
  let lo = 0;
  let hi = Number.POSITIVE_INFINITY;
  let alpha = guess > 0 ? guess : 1;
  for (let iter = 0; iter < 100; iter++) {
    let sum = 0;
    let slope = 0;
    for (let i = 0; i < a.length; i++) {
      const x = h / (alpha * tau[i]);
      const em1 = Math.expm1(-x); // e_i - 1, exact where x is tiny (the permanent box: x ~ 1e-6)
      sum -= a[i] * tau[i] * em1;
      slope -= a[i] * tau[i] * (em1 + x * (1 + em1));
    }
    const g = alpha * sum - target;
    if (g > 0) hi = alpha;
    else lo = alpha;
    let next = alpha - g / slope;
    // Converged when the Newton step itself is tiny; this also catches g == 0, where the strict bracket
    // test below would reject the step and bisect away from the root.
    if (Math.abs(next - alpha) <= ALPHA_TOLERANCE * alpha) return next;
    if (!(next > lo && next < hi)) next = Number.isFinite(hi) ? 0.5 * (lo + hi) : 2 * alpha;
    alpha = next;
  }
  return alpha;
}

/** The state after FaIR's first step, from pre-industrial equilibrium, given that year's emissions. */
export function fairInit(p: FairParams, emissionsGtc: number, otherForcing: number): FairState {
  const q = thermalCoefficients(p);
  const boxes = new Float64Array(p.a.length);
  for (let i = 0; i < boxes.length; i++) boxes[i] = (p.a[i] * emissionsGtc) / p.ppmGtc;
  let conc = p.cPi;
  for (const b of boxes) conc += b;
  const forcing = co2Forcing(p, conc) + otherForcing;
  const tBoxes = new Float64Array(p.d.length);
  let temp = 0;
  for (let j = 0; j < tBoxes.length; j++) {
    tBoxes[j] = (q[j] / p.d[j]) * forcing; // FaIR's first-step quirk, kept for exact agreement
    temp += tBoxes[j];
  }
  const tDecay = p.d.map((dj) => Math.exp(-1 / dj));
  return {
    q,
    tDecay,
    boxes,
    tBoxes,
    cAcc: 0,
    alpha: FIRST_ALPHA_GUESS,
    conc,
    forcing,
    temp,
    lastEmissions: emissionsGtc,
  };
}

/** Advance one year with this year's CO2 emissions (GtC/yr) and non-CO2 forcing (W/m2). */
export function fairStep(p: FairParams, s: FairState, emissionsGtc: number, otherForcing: number): void {
  // Eq. (8): the 100-year integrated impulse response grows with cumulative uptake and warming.
  const iirf = Math.min(p.r0 + p.rc * s.cAcc + p.rt * s.temp, p.iirfMax);
  s.alpha = solveAlpha(p, iirf, s.alpha);
  let conc = p.cPi;
  for (let i = 0; i < s.boxes.length; i++) {
    s.boxes[i] = s.boxes[i] * Math.exp(-1 / (s.alpha * p.tau[i])) + (p.a[i] * emissionsGtc) / p.ppmGtc;
    conc += s.boxes[i];
  }
  // Carbon taken up by the sinks: what was emitted (trapezoidal) minus what stayed airborne.
  s.cAcc += 0.5 * (emissionsGtc + s.lastEmissions) - (conc - s.conc) * p.ppmGtc;
  s.conc = conc;
  s.forcing = co2Forcing(p, conc) + otherForcing;
  // Eqs. (2)-(3): each thermal box relaxes toward q_j F with response time d_j.
  let temp = 0;
  for (let j = 0; j < s.tBoxes.length; j++) {
    const decay = s.tDecay[j];
    s.tBoxes[j] = s.tBoxes[j] * decay + s.q[j] * s.forcing * (1 - decay);
    temp += s.tBoxes[j];
  }
  s.temp = temp;
  s.lastEmissions = emissionsGtc;
}

/** A path that drives FaIR outside the conditions it can represent, at time index `step`. */
export class FairRangeError extends RangeError {
  constructor(
    readonly step: number,
    message: string,
  ) {
    super(message);
  }
}

export interface FairRun {
  readonly concentration: Float64Array;
  readonly forcing: Float64Array;
  readonly temperature: Float64Array;
}

/** A whole run from pre-industrial equilibrium: one value a year for each input year. */
export function runFair(
  p: FairParams,
  emissionsGtc: ArrayLike<number>,
  otherForcing?: ArrayLike<number>,
): FairRun {
  const n = emissionsGtc.length;
  const out: FairRun = {
    concentration: new Float64Array(n),
    forcing: new Float64Array(n),
    temperature: new Float64Array(n),
  };
  if (n === 0) return out;
  const other = (t: number) => (otherForcing ? otherForcing[t] : 0);
  const s = fairInit(p, emissionsGtc[0], other(0));
  for (let t = 0; t < n; t++) {
    if (t > 0) {
      try {
        fairStep(p, s, emissionsGtc[t], other(t));
      } catch (err) {
        throw new FairRangeError(t, (err as Error).message);
      }
    }
    out.concentration[t] = s.conc;
    out.forcing[t] = s.forcing;
    out.temperature[t] = s.temp;
  }
  return out;
}
