/**
 * The logistic-regression estimator against closed forms (2x2 and saturated tables), the first-order
 * conditions, a finite-difference Hessian, invariance to the covariates' units, and the designs that have
 * no estimate (separation, collinearity, constant covariates). Plus the holdout scores.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auc, scores } from '../src/stats/classification.js';
import { EstimationError, fitLogit, logistic, softplus } from '../src/stats/logit.js';

/** A seeded linear congruential generator, so the data sets are the same every run. */
function lcg(seed: number) {
  let s = seed % 2147483647 || 1;
  return () => {
    s = (s * 48271) % 2147483647;
    return s / 2147483647;
  };
}

function normal(u: () => number) {
  return Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}

/** n rows of k standard-normal covariates and an outcome drawn from the logit with coefficients b. */
function simulated(seed: number, n: number, b: number[]) {
  const u = lcg(seed);
  const k = b.length - 1;
  const columns = Array.from({ length: k }, () => new Float64Array(n));
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let eta = b[0];
    for (let j = 0; j < k; j++) {
      columns[j][i] = normal(u);
      eta += b[j + 1] * columns[j][i];
    }
    y[i] = u() < logistic(eta) ? 1 : 0;
  }
  return { names: columns.map((_, j) => `x${j + 1}`), columns, y };
}

function loglik(data: ReturnType<typeof simulated>, beta: ArrayLike<number>): number {
  let ll = 0;
  for (let i = 0; i < data.y.length; i++) {
    let eta = beta[0];
    for (let j = 0; j < data.columns.length; j++) eta += beta[j + 1] * data.columns[j][i];
    ll += data.y[i] * eta - softplus(eta);
  }
  return ll;
}

/** Rows of a table: `count` rows with covariate x and outcome y. */
function table(cells: [x: number, y: number, count: number][]) {
  const x: number[] = [];
  const y: number[] = [];
  for (const [xv, yv, count] of cells) {
    for (let c = 0; c < count; c++) {
      x.push(xv);
      y.push(yv);
    }
  }
  return { x: Float64Array.from(x), y: Float64Array.from(y) };
}

describe('fitLogit against closed forms', () => {
  it('a 2x2 table: the log odds ratio, with SE sqrt(1/a + 1/b + 1/c + 1/d)', () => {
    fc.assert(
      fc.property(
        fc.tuple(
          fc.integer({ min: 2, max: 400 }),
          fc.integer({ min: 2, max: 400 }),
          fc.integer({ min: 2, max: 400 }),
          fc.integer({ min: 2, max: 400 }),
        ),
        ([a, b, c, d]) => {
          // a: x=0,y=0  b: x=0,y=1  c: x=1,y=0  d: x=1,y=1
          const t = table([
            [0, 0, a],
            [0, 1, b],
            [1, 0, c],
            [1, 1, d],
          ]);
          const f = fitLogit({ names: ['x'], columns: [t.x], y: t.y });
          expect(f.converged).toBe(true);
          const close = (got: number, want: number) =>
            expect(Math.abs(got - want)).toBeLessThan(1e-9 * (1 + Math.abs(want)));
          close(f.coefficients[0], Math.log(b / a));
          close(f.coefficients[1], Math.log((a * d) / (b * c)));
          close(f.stdErrors[0], Math.sqrt(1 / a + 1 / b));
          close(f.stdErrors[1], Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d));
          const ll =
            a * Math.log(a / (a + b)) +
            b * Math.log(b / (a + b)) +
            c * Math.log(c / (c + d)) +
            d * Math.log(d / (c + d));
          close(f.loglik, ll);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a saturated model of three groups: each dummy is the log odds ratio to the reference group', () => {
    const counts = [
      [40, 10],
      [25, 25],
      [5, 45],
    ];
    const g1: number[] = [];
    const g2: number[] = [];
    const y: number[] = [];
    counts.forEach(([no, yes], g) => {
      for (let r = 0; r < no + yes; r++) {
        g1.push(g === 1 ? 1 : 0);
        g2.push(g === 2 ? 1 : 0);
        y.push(r < yes ? 1 : 0);
      }
    });
    const f = fitLogit({ names: ['g1', 'g2'], columns: [Float64Array.from(g1), Float64Array.from(g2)], y });
    const logOdds = counts.map(([no, yes]) => Math.log(yes / no));
    expect(f.coefficients[0]).toBeCloseTo(logOdds[0], 12);
    expect(f.coefficients[1]).toBeCloseTo(logOdds[1] - logOdds[0], 12);
    expect(f.coefficients[2]).toBeCloseTo(logOdds[2] - logOdds[0], 12);
    expect(f.stdErrors[2]).toBeCloseTo(Math.sqrt(1 / 40 + 1 / 10 + 1 / 5 + 1 / 45), 10);
  });
});

describe('fitLogit on simulated data', () => {
  it('solves the score equations and its standard errors invert a finite-difference Hessian', () => {
    const data = simulated(7, 3000, [-1.5, 0.8, -0.5, 0.2]);
    const f = fitLogit(data);
    const p = f.coefficients.length;
    // Score: the gradient of the log-likelihood vanishes at the optimum.
    const h = 1e-5;
    for (let j = 0; j < p; j++) {
      const up = Float64Array.from(f.coefficients);
      const down = Float64Array.from(f.coefficients);
      up[j] += h;
      down[j] -= h;
      expect(Math.abs((loglik(data, up) - loglik(data, down)) / (2 * h))).toBeLessThan(1e-4);
    }
    // The Hessian by central differences, inverted, gives the covariance.
    const hess = new Float64Array(p * p);
    const step = 1e-4;
    for (let a = 0; a < p; a++) {
      for (let b = 0; b < p; b++) {
        const at = (da: number, db: number) => {
          const beta = Float64Array.from(f.coefficients);
          beta[a] += da;
          beta[b] += db;
          return loglik(data, beta);
        };
        hess[a * p + b] =
          (at(step, step) - at(step, -step) - at(-step, step) + at(-step, -step)) / (4 * step * step);
      }
    }
    // covariance x (-Hessian) = identity
    for (let a = 0; a < p; a++) {
      for (let b = 0; b < p; b++) {
        let s = 0;
        for (let c = 0; c < p; c++) s -= f.covariance[a * p + c] * hess[c * p + b];
        expect(Math.abs(s - (a === b ? 1 : 0))).toBeLessThan(1e-4);
      }
    }
    expect(f.loglik).toBeCloseTo(loglik(data, f.coefficients), 9);
    expect(f.n).toBe(3000);
    expect(f.events).toBe(data.y.reduce((s, v) => s + v, 0));
  });

  it('does not depend on the units of a covariate (x -> a x + c changes only its coefficient and the intercept)', () => {
    fc.assert(
      fc.property(
        // Shifts far beyond the spread lose digits in any estimator (x = 1e6 +- 1e-6 keeps four).
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        (scale, shift) => {
          const data = simulated(11, 800, [-0.5, 1, -0.7]);
          const f = fitLogit(data);
          const moved = data.columns[0].map((v) => scale * v + shift);
          const g = fitLogit({ ...data, columns: [moved, data.columns[1]] });
          const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
          expect(rel(g.coefficients[1] * scale, f.coefficients[1])).toBeLessThan(1e-8);
          expect(rel(g.stdErrors[1] * scale, f.stdErrors[1])).toBeLessThan(1e-7);
          expect(rel(g.coefficients[2], f.coefficients[2])).toBeLessThan(1e-8);
          // The intercept moves by -b shift; checking that loses the digits of b shift, hence the tolerance.
          const intercept = g.coefficients[0] + g.coefficients[1] * shift;
          expect(Math.abs(intercept - f.coefficients[0])).toBeLessThan(
            1e-9 * (1 + Math.abs(g.coefficients[1] * shift)),
          );
          expect(g.loglik).toBeCloseTo(f.loglik, 6);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('handles rare events and covariates of very different scales (peace-years and their cube)', () => {
    const u = lcg(3);
    const n = 20000;
    const t = Float64Array.from({ length: n }, () => Math.floor(60 * u()));
    const t2 = t.map((v) => v * v);
    const t3 = t.map((v) => v * v * v);
    const y = t.map((v) => (u() < logistic(-3 - 0.3 * v + 0.01 * v * v - 0.0001 * v ** 3) ? 1 : 0));
    const f = fitLogit({ names: ['t', 't2', 't3'], columns: [t, t2, t3], y });
    expect(f.converged).toBe(true);
    expect(f.iterations).toBeLessThan(20);
    expect(Math.abs(f.coefficients[1] + 0.3)).toBeLessThan(6 * f.stdErrors[1]);
  });
});

describe('designs without an estimate are refused with a reason', () => {
  const u = lcg(5);
  const x = Float64Array.from({ length: 200 }, () => normal(u));
  const z = Float64Array.from({ length: 200 }, () => normal(u));

  it('complete separation', () => {
    const y = x.map((v) => (v > 0 ? 1 : 0));
    expect(() => fitLogit({ names: ['x', 'z'], columns: [x, z], y }, "'y'")).toThrow(
      /complete separation: 'x' predicts 'y' perfectly in every row.*no maximum-likelihood estimate/,
    );
  });

  it('quasi-complete separation: one category always has the event', () => {
    const d = Float64Array.from({ length: 200 }, (_, i) => (i % 10 === 0 ? 1 : 0));
    const y = x.map((v, i) => (d[i] === 1 ? 1 : u() < logistic(v) ? 1 : 0));
    expect(() => fitLogit({ names: ['x', 'd'], columns: [x, d], y })).toThrow(
      /quasi-complete separation: 'd' predicts .* perfectly in \d+ of 200 rows/,
    );
  });

  it('collinear covariates, naming the combination', () => {
    const c = x.map((v, i) => 2 * v - 3 * z[i] + 7);
    const y = x.map(() => (u() < 0.3 ? 1 : 0));
    expect(() => fitLogit({ names: ['x', 'z', 'c'], columns: [x, z, c], y })).toThrow(
      /collinear: 'c' = 2 x 'x' \+ -3 x 'z' \+ a constant/,
    );
  });

  it('a constant covariate', () => {
    const y = x.map(() => (u() < 0.3 ? 1 : 0));
    expect(() => fitLogit({ names: ['x', 'k'], columns: [x, x.map(() => 4)], y })).toThrow(
      /'k' is constant \(4 in every row used\)/,
    );
  });

  it('an outcome that never varies', () => {
    expect(() => fitLogit({ names: ['x'], columns: [x], y: x.map(() => 0) })).toThrow(EstimationError);
  });

  it('warns, but fits, when covariates are nearly collinear', () => {
    const c = x.map((v, i) => v + z[i] + 1e-4 * normal(u));
    const y = x.map((v) => (u() < logistic(v) ? 1 : 0));
    const f = fitLogit({ names: ['x', 'z', 'c'], columns: [x, z, c], y });
    expect(f.warnings.join(' ')).toMatch(/'c' is nearly collinear/);
  });
});

describe('holdout scores', () => {
  it('AUC is the Mann-Whitney probability, ties counting one half', () => {
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.75, 12);
    expect(auc([1, 1, 1, 1], [0, 1, 0, 1])).toBeCloseTo(0.5, 12);
    expect(auc([3, 2, 1], [1, 0, 0])).toBe(1);
    expect(auc([1, 2], [0, 0])).toBeNull();
  });

  it('Brier score and log loss of known probabilities', () => {
    const eta = [0, Math.log(3)]; // p = 0.5, 0.75
    const s = scores(eta, [1, 0]);
    expect(s.brier).toBeCloseTo((0.25 + 0.5625) / 2, 12);
    expect(s.log_loss).toBeCloseTo((-Math.log(0.5) - Math.log(0.25)) / 2, 12);
    expect(s.expected_events).toBeCloseTo(1.25, 12);
  });
});
