/**
 * Logistic regression by maximum likelihood: Newton-Raphson (for the logit link the same as Fisher scoring
 * and IRLS) with step halving, standard errors from the inverse of the observed information at the optimum.
 *
 * Numerics: covariates are centred and scaled to unit variance before fitting (peace-years and their cube
 * differ by five orders of magnitude), and the coefficients and covariance are mapped back exactly
 * (a linear change of variables). Iteration stops when the Newton step is below 1e-10 in standardised
 * units; since Newton converges quadratically, the coefficients are then accurate to rounding.
 *
 * Designs with no maximum-likelihood estimate are refused, never fitted silently:
 * - a constant covariate, or covariates that are linear combinations of each other (collinear);
 * - separation (Albert and Anderson 1984): some covariate or combination predicts the outcome perfectly in
 *   all rows (complete) or in a subset (quasi-complete); the likelihood then keeps rising as a coefficient
 *   goes to infinity. Newton's signature of it is a likelihood that stops changing while the step does not
 *   shrink (Heinze and Schemper 2002, Statistics in Medicine 21).
 * Near-collinearity, probabilities fitted as exactly 0 or 1, and few events per coefficient give warnings.
 */
import { UserError } from '../errors.js';
import { cholesky, choleskyInverse, choleskySolve, sequentialDependence } from './linalg.js';

export interface LogitData {
  /** Covariate names, in order; the intercept is added as the first coefficient. */
  readonly names: readonly string[];
  /** One array per covariate, complete cases only, all of length n. */
  readonly columns: readonly ArrayLike<number>[];
  /** The outcome, 0 or 1, length n. */
  readonly y: ArrayLike<number>;
}

export interface LogitFit {
  /** `intercept`, then the covariates. */
  readonly names: readonly string[];
  readonly coefficients: Float64Array;
  readonly stdErrors: Float64Array;
  /** Inverse observed information at the optimum, row-major p x p. */
  readonly covariance: Float64Array;
  readonly loglik: number;
  readonly n: number;
  readonly events: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly warnings: readonly string[];
}

/** A design with no maximum-likelihood estimate (constant or collinear covariates, separation). */
export class EstimationError extends UserError {}

const MAX_ITERATIONS = 100;
/** Newton step, in standardised units, below which the fit has converged. */
const STEP_TOL = 1e-10;
/** Below this relative likelihood change with a step still this large, the likelihood is flat: separation. */
const FLAT_LOGLIK = 1e-10;
const FLAT_STEP = 1e-2;
const FLAT_ITERATIONS = 3;
/** 1 - R^2 below which a covariate is a linear combination of the earlier ones. */
const COLLINEAR_TOL = 1e-10;
const NEAR_COLLINEAR_TOL = 1e-7;
/** R's glm warning threshold for probabilities fitted as numerically 0 or 1 (10 x machine epsilon). */
const FITTED_EXTREME = 10 * Number.EPSILON;
/** Rows predicted to within this of their outcome count as perfectly predicted in a separation report. */
const PERFECT = 1e-8;
/** Peduzzi et al. (1996), J. Clinical Epidemiology 49(12): fewer events per coefficient biases estimates. */
const EVENTS_PER_COEFFICIENT = 10;

/** log(1 + e^x) without overflow or loss of precision. */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** The logistic function 1 / (1 + e^-x), accurate in both tails. */
export function logistic(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

const fmt = (x: number) => Number(x.toPrecision(4)).toString();

interface Standardised {
  readonly z: Float64Array[];
  readonly mean: Float64Array;
  readonly scale: Float64Array;
}

function standardise(data: LogitData, n: number): Standardised {
  const k = data.names.length;
  const mean = new Float64Array(k);
  const scale = new Float64Array(k);
  const z: Float64Array[] = [];
  for (let j = 0; j < k; j++) {
    const x = data.columns[j];
    let s = 0;
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      s += x[i];
      if (x[i] < lo) lo = x[i];
      if (x[i] > hi) hi = x[i];
    }
    const m = s / n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (x[i] - m) * (x[i] - m);
    const sd = Math.sqrt(ss / n);
    if (!(hi - lo > 1e-12 * Math.max(Math.abs(hi), Math.abs(lo))) || !(sd > 0)) {
      throw new EstimationError(
        `covariate '${data.names[j]}' is constant (${fmt(lo)} in every row used), so its effect cannot be told apart from the intercept`,
      );
    }
    const zj = new Float64Array(n);
    for (let i = 0; i < n; i++) zj[i] = (x[i] - m) / sd;
    mean[j] = m;
    scale[j] = sd;
    z.push(zj);
  }
  return { z, mean, scale };
}

/** Refuses collinear covariates (naming the combination); warns about nearly collinear ones. */
function checkCollinearity(names: readonly string[], st: Standardised, n: number, warnings: string[]): void {
  const k = names.length;
  const corr = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b <= a; b++) {
      const za = st.z[a];
      const zb = st.z[b];
      let s = 0;
      for (let i = 0; i < n; i++) s += za[i] * zb[i];
      corr[a * k + b] = s / n;
      corr[b * k + a] = s / n;
    }
  }
  const { residual, combinations } = sequentialDependence(corr, k, COLLINEAR_TOL);
  for (const [j, weights] of combinations) {
    // z_j = sum w_k z_k  <=>  x_j = sum (w_k s_j / s_k) x_k + constant.
    const terms = [...weights]
      .map(([c, w]) => [c, (w * st.scale[j]) / st.scale[c]] as const)
      .filter(([, w]) => Math.abs(w) > 1e-9)
      .map(([c, w]) => `${fmt(w)} x '${names[c]}'`);
    throw new EstimationError(
      `covariates are collinear: '${names[j]}' = ${terms.join(' + ')} + a constant in every row used; drop one of them`,
    );
  }
  for (let j = 0; j < k; j++) {
    if (residual[j] < NEAR_COLLINEAR_TOL) {
      warnings.push(
        `'${names[j]}' is nearly collinear with the covariates before it (1 - R^2 = ${residual[j].toExponential(1)}); its standard error is inflated`,
      );
    }
  }
}

interface Work {
  readonly n: number;
  readonly p: number;
  readonly z: Float64Array[];
  readonly y: Float64Array;
  readonly eta: Float64Array;
  readonly w: Float64Array;
  readonly wz: Float64Array;
}

function linearPredictor(work: Work, beta: Float64Array, out: Float64Array): void {
  out.fill(beta[0]);
  for (let j = 1; j < work.p; j++) {
    const b = beta[j];
    const zj = work.z[j - 1];
    for (let i = 0; i < work.n; i++) out[i] += b * zj[i];
  }
}

function loglikOf(y: Float64Array, eta: Float64Array): number {
  let ll = 0;
  for (let i = 0; i < eta.length; i++) ll += y[i] * eta[i] - softplus(eta[i]);
  return ll;
}

/** Score (gradient) and observed information at the current linear predictor. */
function derivatives(work: Work): { g: Float64Array; h: Float64Array } {
  const { n, p, z, y, eta, w, wz } = work;
  const g = new Float64Array(p);
  const h = new Float64Array(p * p);
  let g0 = 0;
  let h00 = 0;
  for (let i = 0; i < n; i++) {
    const pr = logistic(eta[i]);
    w[i] = pr * (1 - pr);
    eta[i] = y[i] - pr; // reuse as the residual; eta is recomputed before it is needed again
    g0 += eta[i];
    h00 += w[i];
  }
  g[0] = g0;
  h[0] = h00;
  for (let a = 1; a < p; a++) {
    const za = z[a - 1];
    let ga = 0;
    let ha0 = 0;
    for (let i = 0; i < n; i++) {
      wz[i] = w[i] * za[i];
      ga += eta[i] * za[i];
      ha0 += wz[i];
    }
    g[a] = ga;
    h[a * p] = ha0;
    h[a] = ha0;
    for (let b = 1; b <= a; b++) {
      const zb = z[b - 1];
      let s = 0;
      for (let i = 0; i < n; i++) s += wz[i] * zb[i];
      h[a * p + b] = s;
      h[b * p + a] = s;
    }
  }
  return { g, h };
}

function separationError(
  names: readonly string[],
  work: Work,
  beta: Float64Array,
  step: Float64Array,
  outcome: string,
): EstimationError {
  linearPredictor(work, beta, work.eta);
  let perfect = 0;
  for (let i = 0; i < work.n; i++) {
    const pr = logistic(work.eta[i]);
    if (Math.abs(work.y[i] - pr) < PERFECT) perfect++;
  }
  let biggest = 0;
  for (let j = 1; j < work.p; j++) biggest = Math.max(biggest, Math.abs(step[j]));
  const culprits = names.slice(1).filter((_, j) => Math.abs(step[j + 1]) >= 0.1 * biggest && biggest > 0);
  const by = culprits.length > 0 ? culprits.map((c) => `'${c}'`).join(', ') : 'the intercept';
  const kind =
    perfect === work.n
      ? `complete separation: ${by} predict${culprits.length === 1 ? 's' : ''} ${outcome} perfectly in every row`
      : `quasi-complete separation: ${by} predict${culprits.length === 1 ? 's' : ''} ${outcome} perfectly in ${perfect} of ${work.n} rows`;
  return new EstimationError(
    `${kind}, so the likelihood keeps rising as ${culprits.length === 1 ? 'its coefficient grows' : 'their coefficients grow'} without bound and no maximum-likelihood estimate exists; drop or recode ${culprits.length === 1 ? 'it' : 'them'}, or use penalised (Firth) logistic regression`,
  );
}

/**
 * Fits the logit model P(y = 1) = 1 / (1 + exp(-(b0 + sum_j b_j x_j))). Throws EstimationError for designs
 * with no maximum-likelihood estimate; `outcome` names the outcome in those messages.
 */
export function fitLogit(data: LogitData, outcome = 'the outcome'): LogitFit {
  const n = data.y.length;
  const k = data.names.length;
  const p = k + 1;
  const names = ['intercept', ...data.names];
  const warnings: string[] = [];
  const y = new Float64Array(n);
  let events = 0;
  for (let i = 0; i < n; i++) {
    const v = data.y[i];
    if (v !== 0 && v !== 1) throw new EstimationError(`${outcome} must be 0 or 1, got ${v} in row ${i + 1}`);
    y[i] = v;
    events += v;
  }
  if (events === 0 || events === n) {
    throw new EstimationError(`${outcome} is ${events === 0 ? 0 : 1} in every row used: nothing to explain`);
  }
  for (let j = 0; j < k; j++) {
    if (data.columns[j].length !== n) throw new Error(`column ${data.names[j]} has the wrong length`);
  }
  const st = standardise(data, n);
  checkCollinearity(data.names, st, n, warnings);
  if (Math.min(events, n - events) < EVENTS_PER_COEFFICIENT * p) {
    warnings.push(
      `only ${Math.min(events, n - events)} ${events <= n - events ? 'events' : 'non-events'} for ${p} coefficients (fewer than ${EVENTS_PER_COEFFICIENT} per coefficient): estimates may be biased away from zero`,
    );
  }

  const work: Work = {
    n,
    p,
    z: st.z,
    y,
    eta: new Float64Array(n),
    w: new Float64Array(n),
    wz: new Float64Array(n),
  };
  const beta = new Float64Array(p);
  beta[0] = Math.log(events / (n - events));
  const trial = new Float64Array(p);
  linearPredictor(work, beta, work.eta);
  let ll = loglikOf(y, work.eta);
  let converged = false;
  let iterations = 0;
  let flat = 0;
  let step: Float64Array = new Float64Array(p);
  while (iterations < MAX_ITERATIONS) {
    iterations++;
    const d = derivatives(work);
    const l = cholesky(d.h, p);
    if (!l) {
      if (iterations === 1) {
        throw new EstimationError(
          'the information matrix is singular at the start: the covariates are collinear in the rows that carry weight',
        );
      }
      throw separationError(names, work, beta, step, outcome);
    }
    step = choleskySolve(l, p, d.g);
    let size = 0;
    for (let j = 0; j < p; j++) size = Math.max(size, Math.abs(step[j]));

    // Step halving keeps the likelihood rising; the concave log-likelihood guarantees a rising direction.
    let t = 1;
    let llNew = Number.NEGATIVE_INFINITY;
    for (let halvings = 0; halvings < 60; halvings++) {
      for (let j = 0; j < p; j++) trial[j] = beta[j] + t * step[j];
      linearPredictor(work, trial, work.eta);
      llNew = loglikOf(y, work.eta);
      if (llNew >= ll - 1e-13 * Math.abs(ll)) break;
      t /= 2;
    }
    const change = (llNew - ll) / Math.abs(ll);
    if (!(llNew >= ll - 1e-13 * Math.abs(ll))) {
      // No step raises the likelihood: we are at the optimum to rounding, unless the step is large.
      linearPredictor(work, beta, work.eta);
      if (size < 1e-6) {
        converged = true;
        break;
      }
      throw new EstimationError(`the likelihood cannot be raised further (Newton step ${fmt(size)})`);
    }
    beta.set(trial);
    ll = llNew;
    if (size < STEP_TOL || (Math.abs(change) < 1e-15 && size < 1e-7)) {
      converged = true;
      break;
    }
    if (-ll < 1e-9) throw separationError(names, work, beta, step, outcome);
    flat = change < FLAT_LOGLIK && size > FLAT_STEP ? flat + 1 : 0;
    if (flat >= FLAT_ITERATIONS) throw separationError(names, work, beta, step, outcome);
  }
  if (!converged) throw separationError(names, work, beta, step, outcome);

  // work.eta holds the linear predictor at the final beta; the information is recomputed there, at the
  // optimum itself (the last one was a step of under 1e-10 away).
  const { h: hOpt } = derivatives(work);
  linearPredictor(work, beta, work.eta);
  let extreme = 0;
  for (let i = 0; i < n; i++) {
    const pr = logistic(work.eta[i]);
    if (pr < FITTED_EXTREME || pr > 1 - FITTED_EXTREME) extreme++;
  }
  if (extreme > 0) warnings.push(`fitted probabilities numerically 0 or 1 in ${extreme} rows`);
  const lOpt = cholesky(hOpt, p);
  if (!lOpt) throw new EstimationError('the information matrix is singular at the optimum');
  const covStd = choleskyInverse(lOpt, p);

  // Back to the covariates' own units: b_raw = T b_std.
  const tm = new Float64Array(p * p);
  tm[0] = 1;
  for (let j = 1; j < p; j++) {
    tm[j] = -st.mean[j - 1] / st.scale[j - 1];
    tm[j * p + j] = 1 / st.scale[j - 1];
  }
  const coefficients = new Float64Array(p);
  for (let a = 0; a < p; a++) {
    let s = 0;
    for (let b = 0; b < p; b++) s += tm[a * p + b] * beta[b];
    coefficients[a] = s;
  }
  const tc = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    for (let b = 0; b < p; b++) {
      let s = 0;
      for (let c = 0; c < p; c++) s += tm[a * p + c] * covStd[c * p + b];
      tc[a * p + b] = s;
    }
  }
  const covariance = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    for (let b = 0; b < p; b++) {
      let s = 0;
      for (let c = 0; c < p; c++) s += tc[a * p + c] * tm[b * p + c];
      covariance[a * p + b] = s;
    }
  }
  const stdErrors = new Float64Array(p);
  for (let j = 0; j < p; j++) stdErrors[j] = Math.sqrt(covariance[j * p + j]);
  return {
    names,
    coefficients,
    stdErrors,
    covariance,
    loglik: ll,
    n,
    events,
    iterations,
    converged,
    warnings,
  };
}
