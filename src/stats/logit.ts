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

/**
 * The design in standardised units, row-major with the intercept first: x[i * p] = 1 and
 * x[i * p + 1 + j] = (covariate_j - mean_j) / scale_j. One row is read at a time, so each pass over the
 * data touches it once.
 */
interface Design {
  readonly n: number;
  readonly p: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly mean: Float64Array;
  readonly scale: Float64Array;
}

function standardise(data: LogitData, y: Float64Array): Design {
  const n = y.length;
  const k = data.names.length;
  const p = k + 1;
  const mean = new Float64Array(k);
  const scale = new Float64Array(k);
  const x = new Float64Array(n * p);
  for (let i = 0; i < n; i++) x[i * p] = 1;
  for (let j = 0; j < k; j++) {
    const c = data.columns[j];
    let s = 0;
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      s += c[i];
      if (c[i] < lo) lo = c[i];
      if (c[i] > hi) hi = c[i];
    }
    const m = s / n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (c[i] - m) * (c[i] - m);
    const sd = Math.sqrt(ss / n);
    if (!(hi - lo > 1e-12 * Math.max(Math.abs(hi), Math.abs(lo))) || !(sd > 0)) {
      throw new EstimationError(
        `covariate '${data.names[j]}' is constant (${fmt(lo)} in every row used), so its effect cannot be told apart from the intercept`,
      );
    }
    for (let i = 0; i < n; i++) x[i * p + j + 1] = (c[i] - m) / sd;
    mean[j] = m;
    scale[j] = sd;
  }
  return { n, p, x, y, mean, scale };
}

/** Refuses collinear covariates (naming the combination); warns about nearly collinear ones. */
function checkCollinearity(names: readonly string[], d: Design, warnings: string[]): void {
  const { n, p, x } = d;
  const k = p - 1;
  // The correlation matrix of the covariates: the standardised cross-products over n.
  const corr = new Float64Array(k * k);
  for (let i = 0; i < n; i++) {
    const row = i * p + 1;
    for (let a = 0; a < k; a++) {
      const xa = x[row + a];
      for (let b = 0; b <= a; b++) corr[a * k + b] += xa * x[row + b];
    }
  }
  for (let a = 0; a < k; a++) {
    for (let b = 0; b <= a; b++) {
      corr[a * k + b] /= n;
      corr[b * k + a] = corr[a * k + b];
    }
  }
  const { residual, combinations } = sequentialDependence(corr, k, COLLINEAR_TOL);
  for (const [j, weights] of combinations) {
    // z_j = sum w_c z_c  <=>  x_j = sum (w_c s_j / s_c) x_c + constant.
    const terms = [...weights]
      .map(([c, w]) => [c, (w * d.scale[j]) / d.scale[c]] as const)
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

interface Evaluation {
  readonly ll: number;
  /** Score (gradient of the log-likelihood). */
  readonly g: Float64Array;
  /** Observed information (minus the Hessian), p x p. */
  readonly h: Float64Array;
}

/** Log-likelihood, score and observed information at beta, in one pass over the rows. */
function evaluate(d: Design, beta: Float64Array): Evaluation {
  const { n, p, x, y } = d;
  const g = new Float64Array(p);
  const h = new Float64Array(p * p);
  let ll = 0;
  for (let i = 0; i < n; i++) {
    const row = i * p;
    let eta = 0;
    for (let j = 0; j < p; j++) eta += beta[j] * x[row + j];
    // One exponential for the probability and the log-likelihood, stable in both tails.
    const a = Math.exp(-Math.abs(eta));
    const pr = eta >= 0 ? 1 / (1 + a) : a / (1 + a);
    ll += y[i] * eta - Math.max(eta, 0) - Math.log1p(a);
    const w = pr * (1 - pr);
    const r = y[i] - pr;
    for (let j = 0; j < p; j++) {
      const xj = x[row + j];
      g[j] += r * xj;
      const wx = w * xj;
      const hj = j * p;
      for (let l = 0; l <= j; l++) h[hj + l] += wx * x[row + l];
    }
  }
  for (let j = 0; j < p; j++) for (let l = 0; l < j; l++) h[l * p + j] = h[j * p + l];
  return { ll, g, h };
}

/** Fitted probabilities at beta, counted by how close they come to 0, 1 or the outcome. */
function fitted(d: Design, beta: Float64Array): { perfect: number; extreme: number } {
  const { n, p, x, y } = d;
  let perfect = 0;
  let extreme = 0;
  for (let i = 0; i < n; i++) {
    let eta = 0;
    for (let j = 0; j < p; j++) eta += beta[j] * x[i * p + j];
    const pr = logistic(eta);
    if (Math.abs(y[i] - pr) < PERFECT) perfect++;
    if (pr < FITTED_EXTREME || pr > 1 - FITTED_EXTREME) extreme++;
  }
  return { perfect, extreme };
}

function separationError(
  names: readonly string[],
  d: Design,
  beta: Float64Array,
  step: Float64Array,
  outcome: string,
): EstimationError {
  const { perfect } = fitted(d, beta);
  let biggest = 0;
  for (let j = 1; j < d.p; j++) biggest = Math.max(biggest, Math.abs(step[j]));
  const culprits = names.slice(1).filter((_, j) => Math.abs(step[j + 1]) >= 0.1 * biggest && biggest > 0);
  const by = culprits.length > 0 ? culprits.map((c) => `'${c}'`).join(', ') : 'the intercept';
  const verb = culprits.length === 1 ? 'predicts' : 'predict';
  const kind =
    perfect === d.n
      ? `complete separation: ${by} ${verb} ${outcome} perfectly in every row`
      : `quasi-complete separation: ${by} ${verb} ${outcome} perfectly in ${perfect} of ${d.n} rows`;
  const one = culprits.length === 1;
  return new EstimationError(
    `${kind}, so the likelihood keeps rising as ${one ? 'its coefficient grows' : 'their coefficients grow'} without bound and no maximum-likelihood estimate exists; drop or recode ${one ? 'it' : 'them'}, or use penalised (Firth) logistic regression`,
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
  const design = standardise(data, y);
  checkCollinearity(data.names, design, warnings);
  if (Math.min(events, n - events) < EVENTS_PER_COEFFICIENT * p) {
    warnings.push(
      `only ${Math.min(events, n - events)} ${events <= n - events ? 'events' : 'non-events'} for ${p} coefficients (fewer than ${EVENTS_PER_COEFFICIENT} per coefficient): estimates may be biased away from zero`,
    );
  }

  const beta = new Float64Array(p);
  beta[0] = Math.log(events / (n - events));
  let at = evaluate(design, beta);
  let converged = false;
  let iterations = 0;
  let flat = 0;
  let step: Float64Array = new Float64Array(p);
  const trial = new Float64Array(p);
  while (iterations < MAX_ITERATIONS) {
    iterations++;
    const l = cholesky(at.h, p);
    if (!l) {
      if (iterations === 1) {
        throw new EstimationError(
          'the information matrix is singular at the start: the covariates are collinear in the rows that carry weight',
        );
      }
      throw separationError(names, design, beta, step, outcome);
    }
    step = choleskySolve(l, p, at.g);
    let size = 0;
    for (let j = 0; j < p; j++) size = Math.max(size, Math.abs(step[j]));
    if (size < STEP_TOL) {
      // Take the last, tiny step too: the error left is then of order its square. The information barely
      // moves over so short a step, so it is not recomputed.
      for (let j = 0; j < p; j++) beta[j] += step[j];
      converged = true;
      break;
    }
    // Step halving keeps the likelihood rising; the log-likelihood is concave, so some step does.
    let t = 1;
    let next: Evaluation | undefined;
    for (let halvings = 0; halvings < 60; halvings++) {
      for (let j = 0; j < p; j++) trial[j] = beta[j] + t * step[j];
      const e = evaluate(design, trial);
      if (e.ll >= at.ll - 1e-13 * Math.abs(at.ll)) {
        next = e;
        break;
      }
      t /= 2;
    }
    if (!next) {
      // No step raises the likelihood: at the optimum to rounding, unless the step is large.
      if (size < 1e-6) {
        converged = true;
        break;
      }
      throw new EstimationError(`the likelihood cannot be raised further (Newton step ${fmt(size)})`);
    }
    const change = (next.ll - at.ll) / Math.abs(at.ll);
    beta.set(trial);
    at = next;
    if (Math.abs(change) < 1e-15 && size < 1e-7) {
      converged = true;
      break;
    }
    if (-at.ll < 1e-9) throw separationError(names, design, beta, step, outcome);
    flat = change < FLAT_LOGLIK && size > FLAT_STEP ? flat + 1 : 0;
    if (flat >= FLAT_ITERATIONS) throw separationError(names, design, beta, step, outcome);
  }
  if (!converged) throw separationError(names, design, beta, step, outcome);

  // `at` holds the likelihood and information at the optimum, to within a step below STEP_TOL.
  const ll = at.ll;
  const { extreme } = fitted(design, beta);
  if (extreme > 0) warnings.push(`fitted probabilities numerically 0 or 1 in ${extreme} rows`);
  const lOpt = cholesky(at.h, p);
  if (!lOpt) throw new EstimationError('the information matrix is singular at the optimum');
  const covStd = choleskyInverse(lOpt, p);

  // Back to the covariates' own units: b_raw = T b_std.
  const tm = new Float64Array(p * p);
  tm[0] = 1;
  for (let j = 1; j < p; j++) {
    tm[j] = -design.mean[j - 1] / design.scale[j - 1];
    tm[j * p + j] = 1 / design.scale[j - 1];
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
