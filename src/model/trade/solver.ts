/**
 * One-sector Armington general equilibrium with tariffs, solved in changes from the base year ("exact hat
 * algebra": Dekle, Eaton and Kortum 2007, AER P&P 97(2); Costinot and Rodriguez-Clare 2014, Handbook of
 * International Economics 4, ch. 4).
 *
 * Conventions (so results compare with other implementations):
 *   - t_ij is an ad valorem tariff of importer i on the pre-tariff value of exporter j's goods; base-year
 *     tariffs are zero, so tau_ij = 1 + t_ij is both the level and the change. k_ij >= 1 is an extra
 *     iceberg trade cost (decoupling).
 *   - Shares: lambda'_ij = lambda_ij (w_j tau_ij k_ij)^-eps / sum_l lambda_il (w_l tau_il k_il)^-eps,
 *     with w the change in each country's wage (its income per unit of labour) and eps the trade elasticity.
 *   - Tariff revenue goes lump-sum to the importer: E'_i = w_i Y_i + R'_i + D_i, R'_i = sum_j t_ij X'_ij / tau_ij,
 *     X'_ij = lambda'_ij E'_i (tariff-inclusive spending).
 *   - Deficits D_i are held fixed in units of world income, which is the numeraire: sum_j w_j Y_j = sum_j Y_j.
 *   - Market clearing: w_j Y_j = sum_i X'_ij / tau_ij (exporters receive the pre-tariff value).
 *   - Real income is expenditure over the CES price index: W_i = (E'_i / E_i) / P_i,
 *     P_i = (sum_j lambda_ij (w_j tau_ij k_ij)^-eps)^(-1/eps). Moving to autarky gives W_ii = lambda_ii^(1/eps)
 *     on a balanced baseline (Arkolakis, Costinot and Rodriguez-Clare 2012, AER 102(1)).
 * Prohibitive tariffs (Infinity) remove a route. If they split the world into blocs that cannot both buy
 * from and sell to each other (strongly connected components of the trade graph), trade between blocs
 * cannot be paid for: each bloc is solved as its own economy, its deficits shifted in proportion to
 * income so that they sum to zero within it, with its income as its numeraire.
 *
 * Method: Newton steps on each country's log excess demand using the analytic own-derivative (a
 * diagonal preconditioner), accelerated by Anderson mixing (Walker and Ni 2011, SIAM J. Numer. Anal.
 * 49(4)). Each iteration is O(n^2) with no allocation; the solver keeps its workspace between solves and
 * warm-starts from its last solution.
 */
import { baselineFromFlows, type TradeBaseline } from './baseline.js';
import { tradeComponents } from './components.js';
import { choleskySolve, luSolve } from './linear.js';

export interface TradeShock {
  /** Ad valorem tariffs (%), [importer * n + exporter]; Infinity is prohibitive; the diagonal is ignored. */
  readonly tariffPct: ArrayLike<number>;
  /** Extra iceberg trade costs (% of value), same layout; omitted for none. */
  readonly icebergPct?: ArrayLike<number> | null;
}

export interface SolveOptions {
  /** Target relative excess demand, max_j |sales_j / income_j - 1| (default 1e-12). */
  readonly tolerance?: number;
  /**
   * Residual accepted when rounding stops further progress toward `tolerance` (default 1e-10): sums over
   * flows that differ by many orders of magnitude cannot always be balanced to 1e-12.
   */
  readonly acceptTolerance?: number;
  readonly maxIterations?: number;
  /** Start from the last solution (default true); false starts from the base year. */
  readonly warmStart?: boolean;
  /**
   * Multiplies every base-year deficit (default 1: held fixed). 0 purges imbalances; values in between
   * are the fallback when tariffs leave no way to finance the imbalances (see TradeSolveError).
   */
  readonly deficitScale?: number;
}

export interface SolveReport {
  readonly converged: boolean;
  readonly residual: number;
  readonly iterations: number;
  /** Number of blocs (strongly connected components) the tariffs leave. */
  readonly components: number;
}

/**
 * Thrown when no equilibrium is found within the iteration limit. With deficits held fixed this happens
 * when tariffs are so high that a surplus country cannot export enough to earn its surplus: no
 * equilibrium exists then (solve against the purged baseline, or scale the deficits down).
 */
export class TradeSolveError extends Error {}

const ANDERSON_MEMORY = 6;
/** Largest change of a log wage in one Newton step. */
const MAX_STEP = 1;
/** Iterations without halving the residual after which a residual below acceptTolerance is accepted. */
const STALL_LIMIT = 8;
/** (tau k)^-eps below which a route counts as closed. */
export const NEGLIGIBLE_ROUTE = 1e-10;
/** Anderson-mixed iterations before falling back to Newton's method. */
const MIXING_LIMIT = 150;
/** Newton steps of the fallback (each costs 2n evaluations and an LU factorization). */
const NEWTON_LIMIT = 30;
/** Iterations between refreshes of the own-derivative's share term. */
const REFRESH_EVERY = 4;
/** Rows evaluate() processes together (independent sums keep the floating-point units busy). */
const ROW_BLOCK = 4;

export class TradeSolver {
  readonly n: number;
  /** Wage (income per unit of labour) change w_j, numeraire world income. */
  readonly wage: Float64Array;
  /** Tariff-inclusive expenditure E'_i. */
  readonly expenditure: Float64Array;
  /** Tariff revenue R'_i. */
  readonly revenue: Float64Array;
  /** Real income relative to the baseline, W_i = (E'_i / E_i) / P_i. */
  readonly realIncome: Float64Array;
  /** Imports and exports at pre-tariff values (excluding domestic sales). */
  readonly imports: Float64Array;
  readonly exports: Float64Array;
  /** The share of expenditure on domestic goods, lambda'_ii. */
  readonly domesticShare: Float64Array;
  /** The bloc (strongly connected component) of each country. */
  readonly component: Int32Array;

  private c: Float64Array;
  private ct: Float64Array;
  private readonly x: Float64Array;
  private readonly u: Float64Array;
  private readonly s: Float64Array;
  private readonly t: Float64Array;
  private readonly v: Float64Array;
  /** v_i / s_i. s, t, v and vs have a slot for each padding row of c and ct. */
  private readonly vs: Float64Array;
  /** Whether s holds the price sums at the wages of the last evaluate() (only a refresh computes them). */
  private priceSumsCurrent = false;
  /** Income at the wages being evaluated, w_j Y_j. */
  private readonly y: Float64Array;
  private readonly q: Float64Array;
  private readonly h: Float64Array;
  private readonly ownShare: Float64Array;
  private readonly z: Float64Array;
  /** Workspace of the Newton fallback (allocated on first use). */
  private newtonSpace?: {
    jac: Float64Array;
    f: Float64Array;
    f0: Float64Array;
    f1: Float64Array;
    x0: Float64Array;
  };
  private readonly step: Float64Array;
  private readonly d: Float64Array;
  private readonly gx: Float64Array;
  private readonly f: Float64Array;
  private readonly xPrev: Float64Array;
  private readonly gPrev: Float64Array;
  private readonly fPrev: Float64Array;
  private readonly dG: Float64Array[];
  private readonly dF: Float64Array[];
  private readonly compIncome: Float64Array;
  /** Inner products of the differences in dF, by ring slot (ANDERSON_MEMORY x ANDERSON_MEMORY). */
  private readonly dots = new Float64Array(ANDERSON_MEMORY * ANDERSON_MEMORY);
  private readonly gram = new Float64Array(ANDERSON_MEMORY * ANDERSON_MEMORY);
  private readonly rhs = new Float64Array(ANDERSON_MEMORY);
  private readonly compDeficit: Float64Array;
  private componentCount = 1;
  /** The inputs behind c and ct (incremental prepare) and the number of open routes they close. */
  private lastTariff = new Float64Array(0);
  private lastIceberg = new Float64Array(0);
  private cuts = 0;
  /** Whether the workspace holds a solution (false until the first solve: results are the base year's). */
  solved = false;

  constructor(
    readonly base: TradeBaseline,
    readonly epsilon: number,
  ) {
    if (!(epsilon > 0)) throw new RangeError(`the trade elasticity must be positive, got ${epsilon}`);
    const n = base.n;
    this.n = n;
    const vec = () => new Float64Array(n);
    // Until the first solve the results are the base year's.
    this.wage = vec().fill(1);
    this.expenditure = Float64Array.from(base.expenditure);
    this.revenue = vec();
    this.realIncome = vec().fill(1);
    this.imports = vec();
    this.exports = vec();
    this.domesticShare = vec();
    for (let i = 0; i < n; i++) {
      const own = base.flows[i * n + i];
      this.imports[i] = base.expenditure[i] - own;
      this.exports[i] = base.income[i] - own;
      this.domesticShare[i] = own / base.expenditure[i];
    }
    this.component = new Int32Array(n);
    // The n x n coefficients are allocated on the first solve (a run without tariffs never needs them).
    this.c = new Float64Array(0);
    this.ct = new Float64Array(0);
    this.x = vec();
    this.u = vec();
    const padded = () => new Float64Array(Math.ceil(n / ROW_BLOCK) * ROW_BLOCK);
    this.s = padded();
    this.t = padded();
    this.v = padded();
    this.vs = padded();
    this.y = vec();
    this.q = vec();
    this.h = vec();
    this.ownShare = vec();
    this.z = vec();
    this.step = vec();
    this.d = vec();
    this.gx = vec();
    this.f = vec();
    this.xPrev = vec();
    this.gPrev = vec();
    this.fPrev = vec();
    this.dG = Array.from({ length: ANDERSON_MEMORY }, vec);
    this.dF = Array.from({ length: ANDERSON_MEMORY }, vec);
    this.compIncome = vec();
    this.compDeficit = vec();
  }

  /** Pre-tariff value of i's imports from j, X'_ij / tau_ij (the base-year flow before any solve). */
  flow(i: number, j: number): number {
    if (!this.solved) return this.base.flows[i * this.n + j];
    return this.ct[i * this.n + j] * this.u[j] * this.v[i];
  }

  /** Every pre-tariff flow X'_ij / tau_ij into `out` ([importer * n + exporter]), as flow(i, j) gives it. */
  flows(out: Float64Array): void {
    const { n, ct, u, v } = this;
    if (!this.solved) {
      out.set(this.base.flows);
      return;
    }
    for (let i = 0; i < n; i++) {
      const row = i * n;
      const vi = v[i];
      for (let j = 0; j < n; j++) out[row + j] = ct[row + j] * u[j] * vi;
    }
  }

  solve(shock: TradeShock, options: SolveOptions = {}): SolveReport {
    const n = this.n;
    const tolerance = options.tolerance ?? 1e-12;
    const maxIterations = options.maxIterations ?? 500;
    const acceptTolerance = Math.max(tolerance, options.acceptTolerance ?? 1e-10);
    this.prepare(shock, options.deficitScale ?? 1);
    const x = this.x;
    if (!(options.warmStart ?? true) || !this.solved) x.fill(0);
    let r = this.evaluate(x, true);
    if (!Number.isFinite(r)) {
      x.fill(0);
      r = this.evaluate(x, true);
    }
    let iterations = 0;
    let history = 0;
    let head = 0;
    const { gx, f, step, xPrev } = this;
    let best = r;
    let stalled = 0;
    const mixingIterations = Math.min(maxIterations, MIXING_LIMIT);
    while (
      r > tolerance &&
      iterations < mixingIterations &&
      !(r <= acceptTolerance && stalled >= STALL_LIMIT)
    ) {
      iterations++;
      for (let j = 0; j < n; j++) gx[j] = x[j] + step[j];
      this.normalize(gx);
      for (let j = 0; j < n; j++) f[j] = gx[j] - x[j];
      if (iterations > 1) {
        const dG = this.dG[head];
        const dF = this.dF[head];
        for (let j = 0; j < n; j++) {
          dG[j] = gx[j] - this.gPrev[j];
          dF[j] = f[j] - this.fPrev[j];
        }
        history = Math.min(history + 1, ANDERSON_MEMORY);
        this.updateDots(head, history);
        head = (head + 1) % ANDERSON_MEMORY;
      }
      this.gPrev.set(gx);
      this.fPrev.set(f);
      xPrev.set(x);
      this.mix(history);
      let rNew = this.evaluate(x, iterations % REFRESH_EVERY === 0);
      if (!(rNew < 10 * r)) {
        // The mixed point went astray: forget the history and take the Newton step, halved until the
        // economy stays feasible (no negative spending).
        history = 0;
        head = 0;
        let scale = 1;
        for (;;) {
          for (let j = 0; j < n; j++) x[j] = xPrev[j] + scale * f[j];
          rNew = this.evaluate(x, true);
          if (Number.isFinite(rNew) || scale < 1e-6) break;
          scale /= 2;
        }
      }
      r = rNew;
      if (r < 0.5 * best) {
        best = r;
        stalled = 0;
      } else stalled++;
    }
    if (!(r <= acceptTolerance) && iterations < maxIterations) {
      // Strongly coupled, nearly degenerate worlds: Newton's method with a finite-difference Jacobian.
      const report = this.newton(tolerance, Math.min(NEWTON_LIMIT, maxIterations - iterations));
      iterations += report.iterations;
      r = report.residual;
    }
    if (!(r <= acceptTolerance)) {
      throw new TradeSolveError(
        `trade equilibrium not found: residual ${r.toExponential(2)} after ${iterations} iterations`,
      );
    }
    this.finish();
    this.solved = true;
    return { converged: true, residual: r, iterations, components: this.componentCount };
  }

  /**
   * Coefficients c_ij = lambda_ij (tau_ij k_ij)^-eps and ct_ij = c_ij / tau_ij; blocs; deficits.
   * Only pairs whose tariff or trade cost changed since the last call are recomputed (each pair's value
   * depends on its own inputs alone, so the result is the same to the bit as a full pass), unless the last
   * call closed routes between blocs: then everything is recomputed.
   */
  private prepare(shock: TradeShock, deficitScale: number): void {
    const { n, base, epsilon } = this;
    const tariff = shock.tariffPct;
    const iceberg = shock.icebergPct ?? null;
    if (tariff.length !== n * n) throw new RangeError(`expected ${n * n} tariffs, got ${tariff.length}`);
    const fresh = this.c.length === 0;
    if (fresh) {
      // Rows padded to a multiple of ROW_BLOCK with zeros, so that evaluate() needs no remainder loop.
      const rows = Math.ceil(n / ROW_BLOCK) * ROW_BLOCK;
      this.c = new Float64Array(rows * n);
      this.ct = new Float64Array(rows * n);
      this.lastTariff = new Float64Array(n * n);
    }
    // Trade costs are rare: their copy is made when first given (a fresh array costs page faults).
    if (iceberg !== null && this.lastIceberg.length === 0) this.lastIceberg = new Float64Array(n * n);
    const { c, ct, lastTariff, lastIceberg } = this;
    if (fresh || this.componentCount > 1) {
      // Recompute every pair (no input equals NaN), none of them closed yet. A pair's inputs are stored
      // with its coefficients, so bad input throwing half-way leaves the rest marked for recomputation.
      lastTariff.fill(Number.NaN);
      c.fill(1, 0, n * n);
      this.cuts = 0;
    }
    let lastKey = 1;
    let lastPow = 1;
    for (let k = 0; k < n * n; k++) {
      const tp = tariff[k];
      const kp = iceberg === null ? 0 : iceberg[k];
      if (tp === lastTariff[k] && kp === (lastIceberg.length === 0 ? 0 : lastIceberg[k])) continue;
      const i = Math.floor(k / n);
      const j = k - i * n;
      const lam = base.share[k];
      if (i === j) {
        lastTariff[k] = tp;
        if (lastIceberg.length > 0) lastIceberg[k] = kp;
        c[k] = lam;
        ct[k] = lam;
        continue;
      }
      if (!(tp >= 0) || !(kp >= 0))
        throw new RangeError(`tariffs and trade costs must be >= 0 (pair ${i},${j})`);
      lastTariff[k] = tp;
      if (lastIceberg.length > 0) lastIceberg[k] = kp;
      if (lam === 0) {
        c[k] = 0;
        ct[k] = 0;
        continue;
      }
      if (c[k] === 0) this.cuts--;
      const tau = 1 + tp / 100;
      const key = tau * (1 + kp / 100);
      if (key !== lastKey) {
        lastKey = key;
        lastPow = key ** -epsilon;
        // A route whose cost cuts its flow by more than a factor 10^10 is prohibitive in practice;
        // treating it as closed keeps the system well conditioned.
        if (lastPow < NEGLIGIBLE_ROUTE) lastPow = 0;
      }
      c[k] = lam * lastPow;
      ct[k] = lastPow === 0 ? 0 : c[k] / tau;
      if (c[k] === 0) this.cuts++;
    }
    const cut = this.cuts > 0;
    const label = this.component;
    if (cut) label.set(tradeComponents(n, (i, j) => c[i * n + j] > 0));
    else label.fill(0);
    let count = 0;
    for (let i = 0; i < n; i++) count = Math.max(count, label[i] + 1);
    if (count !== this.componentCount) this.solved = false;
    this.componentCount = count;
    if (count > 1) {
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          if (label[i] !== label[j]) {
            c[i * n + j] = 0;
            ct[i * n + j] = 0;
          }
        }
      }
    }
    // Deficits: fixed, or zero; within each bloc they must sum to zero.
    const { d, compIncome, compDeficit } = this;
    compIncome.fill(0);
    compDeficit.fill(0);
    for (let i = 0; i < n; i++) {
      d[i] = deficitScale * base.deficit[i];
      compIncome[label[i]] += base.income[i];
      compDeficit[label[i]] += d[i];
    }
    if (count > 1 && deficitScale !== 0) {
      for (let i = 0; i < n; i++) d[i] -= (compDeficit[label[i]] * base.income[i]) / compIncome[label[i]];
    }
  }

  /** Scales wages so that each bloc's income is its base-year income (world income when there is one). */
  private normalize(x: Float64Array): void {
    const { n, base, component, compDeficit } = this;
    // compDeficit is free after prepare(): reuse it for each bloc's income at these wages.
    compDeficit.fill(0);
    for (let j = 0; j < n; j++) compDeficit[component[j]] += Math.exp(x[j]) * base.income[j];
    for (let j = 0; j < n; j++) x[j] -= Math.log(compDeficit[component[j]] / this.compIncome[component[j]]);
  }

  /**
   * Normalizes x (log wages), evaluates the equilibrium conditions there and stores the Newton step.
   * Returns the residual max_j |sales_j / income_j - 1| (Infinity where expenditure would be negative).
   */
  private evaluate(x: Float64Array, refresh: boolean, normalize = true): number {
    const { n, base, epsilon, c, ct, u, s, t, v, vs, q, h, d, y, step, ownShare, z: zs } = this;
    if (normalize) this.normalize(x);
    for (let j = 0; j < n; j++) {
      u[j] = Math.exp(-epsilon * x[j]);
      y[j] = Math.exp(x[j]) * base.income[j];
    }
    q.fill(0);
    if (refresh) h.fill(0);
    this.priceSumsCurrent = refresh;
    // ROW_BLOCK rows at a time (c and ct are padded with zero rows): their row sums s_i and t_i, then
    // their terms of the column sums q_j (and h_j) while the rows are in cache. Independent accumulators
    // keep the floating-point additions from waiting on each other: this loop is the solver's cost.
    for (let i = 0; i < n; i += ROW_BLOCK) {
      const r0 = i * n;
      const r1 = r0 + n;
      const r2 = r1 + n;
      const r3 = r2 + n;
      let t0 = 0;
      let t1 = 0;
      let t2 = 0;
      let t3 = 0;
      if (refresh) {
        // The price sums s_i are needed only for the own-derivative's share term (and by finish()).
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let j = 0; j < n; j++) {
          const uj = u[j];
          s0 += c[r0 + j] * uj;
          s1 += c[r1 + j] * uj;
          s2 += c[r2 + j] * uj;
          s3 += c[r3 + j] * uj;
          t0 += ct[r0 + j] * uj;
          t1 += ct[r1 + j] * uj;
          t2 += ct[r2 + j] * uj;
          t3 += ct[r3 + j] * uj;
        }
        s[i] = s0;
        s[i + 1] = s1;
        s[i + 2] = s2;
        s[i + 3] = s3;
      } else {
        for (let j = 0; j < n; j++) {
          const uj = u[j];
          t0 += ct[r0 + j] * uj;
          t1 += ct[r1 + j] * uj;
          t2 += ct[r2 + j] * uj;
          t3 += ct[r3 + j] * uj;
        }
      }
      t[i] = t0;
      t[i + 1] = t1;
      t[i + 2] = t2;
      t[i + 3] = t3;
      for (let b = i; b < i + ROW_BLOCK; b++) {
        // v_i = E'_i / t_i (and v_i / s_i); zero for padding rows.
        v[b] = 0;
        vs[b] = 0;
        if (b >= n) continue;
        const budget = y[b] + d[b];
        if (!(budget > 0)) return Number.POSITIVE_INFINITY;
        v[b] = budget / t[b];
        if (refresh) vs[b] = v[b] / s[b];
      }
      const v0 = v[i];
      const v1 = v[i + 1];
      const v2 = v[i + 2];
      const v3 = v[i + 3];
      if (refresh) {
        const w0 = vs[i];
        const w1 = vs[i + 1];
        const w2 = vs[i + 2];
        const w3 = vs[i + 3];
        for (let j = 0; j < n; j++) {
          const a0 = ct[r0 + j];
          const a1 = ct[r1 + j];
          const a2 = ct[r2 + j];
          const a3 = ct[r3 + j];
          q[j] += a0 * v0 + a1 * v1 + a2 * v2 + a3 * v3;
          h[j] += a0 * c[r0 + j] * w0 + a1 * c[r1 + j] * w1 + a2 * c[r2 + j] * w2 + a3 * c[r3 + j] * w3;
        }
      } else {
        for (let j = 0; j < n; j++)
          q[j] += ct[r0 + j] * v0 + ct[r1 + j] * v1 + ct[r2 + j] * v2 + ct[r3 + j] * v3;
      }
    }
    let r = 0;
    for (let j = 0; j < n; j++) {
      const uj = u[j];
      const sales = q[j] * uj;
      const income = y[j];
      const z = Math.log(sales / income);
      zs[j] = z;
      r = Math.max(r, Math.abs(sales / income - 1));
      // d ln(sales_j) / d ln w_j: substitution away from j's goods, plus j's own spending on itself.
      // The share of j in its buyers' baskets changes slowly: it is refreshed every few iterations.
      if (refresh) ownShare[j] = (h[j] * uj) / q[j];
      const ownSales = (ct[j * n + j] * uj * v[j]) / sales;
      const g = -epsilon * (1 - ownShare[j]) + (ownSales * income) / (income + d[j]) - 1;
      // A country alone in its bloc has g = 0 and nothing to solve (normalization fixes its wage).
      let dx = g < 0 ? -z / g : 0;
      if (dx > MAX_STEP) dx = MAX_STEP;
      else if (dx < -MAX_STEP) dx = -MAX_STEP;
      step[j] = dx;
    }
    return Number.isNaN(r) ? Number.POSITIVE_INFINITY : r;
  }

  /**
   * Newton's method on the log excess demands, one equation per bloc replaced by its normalization,
   * with a central-difference Jacobian and a backtracking line search. O(n^3) per step: a fallback.
   */
  private newton(tolerance: number, maxSteps: number): { iterations: number; residual: number } {
    const { n, x, z, component, base } = this;
    this.newtonSpace ??= {
      jac: new Float64Array(n * n),
      f: new Float64Array(n),
      f0: new Float64Array(n),
      f1: new Float64Array(n),
      x0: new Float64Array(n),
    };
    const { jac, f, f0, f1, x0 } = this.newtonSpace;
    // The equation each bloc drops (Walras' law makes one redundant): its largest economy's.
    const dropped = new Int32Array(n).fill(-1);
    for (let j = 0; j < n; j++) {
      const b = component[j];
      if (dropped[b] < 0 || base.income[j] > base.income[dropped[b]]) dropped[b] = j;
    }
    const system = (xs: Float64Array, out: Float64Array): number => {
      const r = this.evaluate(xs, false, false);
      if (!Number.isFinite(r)) return Number.POSITIVE_INFINITY;
      out.set(z);
      const income = this.compDeficit;
      income.fill(0);
      for (let j = 0; j < n; j++) income[component[j]] += Math.exp(xs[j]) * base.income[j];
      let norm = 0;
      for (let j = 0; j < n; j++) {
        const b = component[j];
        if (dropped[b] === j) out[j] = Math.log(income[b] / this.compIncome[b]);
        norm = Math.max(norm, Math.abs(out[j]));
      }
      return norm;
    };
    let norm = system(x, f0);
    let steps = 0;
    let residual = this.evaluate(x, false, false);
    while (residual > tolerance && steps < maxSteps) {
      steps++;
      x0.set(x);
      for (let k = 0; k < n; k++) {
        // Central differences: the error is O(h^2), small enough to converge to rounding.
        const hk = 1e-5 * Math.max(1, Math.abs(x0[k]));
        x.set(x0);
        x[k] += hk;
        system(x, f);
        x[k] = x0[k] - hk;
        system(x, f1);
        for (let j = 0; j < n; j++) jac[j * n + k] = (f[j] - f1[j]) / (2 * hk);
      }
      x.set(x0);
      system(x, f0);
      f.set(f0);
      if (!luSolve(jac, f, n)) break;
      let alpha = 1;
      let next = Number.POSITIVE_INFINITY;
      while (alpha > 1e-6) {
        for (let j = 0; j < n; j++) x[j] = x0[j] - alpha * f[j];
        next = system(x, f0);
        if (next < (1 - 1e-4 * alpha) * norm) break;
        alpha /= 2;
      }
      if (!(next < norm)) {
        x.set(x0);
        system(x, f0);
        break;
      }
      norm = next;
      residual = this.evaluate(x, true, false);
    }
    residual = this.evaluate(x, true);
    return { iterations: steps, residual };
  }

  /** The inner products of a new difference (in ring slot `slot`) with the others in use, for mix(). */
  private updateDots(slot: number, history: number): void {
    const { n, dF, dots } = this;
    const a = dF[slot];
    for (let r = 0; r < history; r++) {
      const b = dF[r];
      let ab = 0;
      for (let j = 0; j < n; j++) ab += a[j] * b[j];
      dots[slot * ANDERSON_MEMORY + r] = ab;
      dots[r * ANDERSON_MEMORY + slot] = ab;
    }
  }

  /** Anderson mixing: x = g - dG gamma, gamma minimizing |f - dF gamma| (normal equations). */
  private mix(history: number): void {
    const { n, x, gx, f, dF, dG, dots, gram, rhs } = this;
    x.set(gx);
    if (history === 0) return;
    const m = history;
    let trace = 0;
    for (let p = 0; p < m; p++) {
      let bp = 0;
      for (let j = 0; j < n; j++) bp += dF[p][j] * f[j];
      rhs[p] = bp;
      // Only the newest difference's products change between iterations (updateDots).
      for (let r = 0; r < m; r++) gram[p * m + r] = dots[p * ANDERSON_MEMORY + r];
      trace += gram[p * m + p];
    }
    // A little Tikhonov regularization keeps nearly collinear histories solvable.
    for (let p = 0; p < m; p++) gram[p * m + p] += 1e-12 * trace + 1e-300;
    if (!choleskySolve(gram, rhs, m)) return;
    for (let p = 0; p < m; p++) {
      const gp = rhs[p];
      const col = dG[p];
      for (let j = 0; j < n; j++) x[j] -= gp * col[j];
    }
  }

  /** Results at the solution held in the workspace. */
  private finish(): void {
    const { n, base, epsilon, c, ct, u, s, t, v, x } = this;
    if (!this.priceSumsCurrent) {
      for (let i = 0; i < n; i++) {
        let si = 0;
        for (let j = 0; j < n; j++) si += c[i * n + j] * u[j];
        s[i] = si;
      }
    }
    for (let i = 0; i < n; i++) {
      this.wage[i] = Math.exp(x[i]);
      const e = v[i] * s[i];
      this.expenditure[i] = e;
      this.revenue[i] = e - v[i] * t[i];
      this.realIncome[i] = (e / base.expenditure[i]) * s[i] ** (1 / epsilon);
      this.domesticShare[i] = (c[i * n + i] * u[i]) / s[i];
      this.imports[i] = v[i] * (t[i] - ct[i * n + i] * u[i]);
      // Sales less domestic sales (q_j u_j is j's sales at the solution, from the last evaluate()).
      this.exports[i] = u[i] * (this.q[i] - ct[i * n + i] * v[i]);
    }
  }
}

/**
 * The purged baseline of Dekle, Eaton and Kortum (2007): the equilibrium of the base year with every
 * trade imbalance set to zero, as a new baseline (its flows are lambda'_ij E'_i, E'_i = w_i Y_i).
 */
export function purgeDeficits(base: TradeBaseline, epsilon: number): TradeBaseline {
  const solver = new TradeSolver(base, epsilon);
  const n = base.n;
  solver.solve({ tariffPct: new Float64Array(n * n) }, { deficitScale: 0, warmStart: false });
  const flows = new Float64Array(n * n);
  solver.flows(flows);
  return baselineFromFlows(n, flows);
}
