/**
 * The trade solver (src/model/trade/solver.ts): exactness at the base year, the ACR autarky identity,
 * an analytic two-country case, adding-up, and convergence for random tariffs from zero to prohibitive.
 * Every solution is checked against the equilibrium conditions recomputed here from the wages alone,
 * with loops written independently of the solver.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baselineFromFlows, type TradeBaseline } from '../src/model/trade/baseline.js';
import { NEGLIGIBLE_ROUTE, purgeDeficits, TradeSolver } from '../src/model/trade/solver.js';
import { data } from './helpers.js';

const n = data.countries.iso3.length;
const iso = (c: string) => data.countries.iso3.indexOf(c);
const shipped = baselineFromFlows(n, data.tradeLabor.flows_billion_usd2015);
const balanced = purgeDeficits(shipped, 5);

/** Countries that can reach each other both ways through open routes (independent of the solver's Tarjan). */
function blocs(m: number, open: (i: number, j: number) => boolean): number[] {
  const reach = Array.from({ length: m }, (_, a) => {
    const seen = new Array<boolean>(m).fill(false);
    const todo = [a];
    seen[a] = true;
    while (todo.length) {
      const v = todo.pop()!;
      for (let w = 0; w < m; w++) {
        if (!seen[w] && w !== v && open(w, v)) {
          seen[w] = true;
          todo.push(w);
        }
      }
    }
    return seen;
  });
  const label = new Array<number>(m).fill(-1);
  let next = 0;
  for (let a = 0; a < m; a++) {
    if (label[a] >= 0) continue;
    for (let b = 0; b < m; b++) if (reach[a][b] && reach[b][a]) label[b] = next;
    next++;
  }
  return label;
}

/**
 * The equilibrium conditions at the solver's wages, recomputed from scratch: returns the largest relative
 * excess demand and each country's real income change.
 */
function check(base: TradeBaseline, eps: number, tariffPct: ArrayLike<number>, wage: ArrayLike<number>) {
  const m = base.n;
  const tau = (i: number, j: number) => (i === j ? 1 : 1 + tariffPct[i * m + j] / 100);
  // The model's rule: a route whose tariff cuts its flow by more than NEGLIGIBLE_ROUTE is closed.
  const open = (i: number, j: number) => base.share[i * m + j] > 0 && tau(i, j) ** -eps >= NEGLIGIBLE_ROUTE;
  const label = blocs(m, open);
  const deficit = Array.from(base.deficit);
  for (const b of new Set(label)) {
    const members = label.map((l, i) => (l === b ? i : -1)).filter((i) => i >= 0);
    const d = members.reduce((s, i) => s + base.deficit[i], 0);
    const y = members.reduce((s, i) => s + base.income[i], 0);
    for (const i of members) deficit[i] -= (d * base.income[i]) / y;
  }
  const share = (i: number, j: number) => {
    if (label[i] !== label[j] || !open(i, j)) return 0;
    return base.share[i * m + j] * (wage[j] * tau(i, j)) ** -eps;
  };
  const sales = new Array<number>(m).fill(0);
  const real: number[] = [];
  for (let i = 0; i < m; i++) {
    let p = 0;
    for (let j = 0; j < m; j++) p += share(i, j);
    // Revenue share of spending: sum_j lambda'_ij t_ij / tau_ij; E' = (w Y + D) / (1 - rho).
    let rho = 0;
    for (let j = 0; j < m; j++) if (share(i, j) > 0) rho += (share(i, j) / p) * (1 - 1 / tau(i, j));
    const e = (wage[i] * base.income[i] + deficit[i]) / (1 - rho);
    for (let j = 0; j < m; j++) if (share(i, j) > 0) sales[j] += (share(i, j) / p) * (e / tau(i, j));
    real.push((e / base.expenditure[i]) * p ** (1 / eps) - 1);
  }
  const residual = Math.max(...sales.map((s, j) => Math.abs(s / (wage[j] * base.income[j]) - 1)));
  return { residual, real };
}

describe('the trade solver on the shipped base-year matrix', () => {
  it('returns the base year exactly when there are no tariffs', () => {
    const solver = new TradeSolver(shipped, 5);
    const r = solver.solve({ tariffPct: new Float64Array(n * n) });
    expect(r.iterations).toBe(0);
    for (let i = 0; i < n; i++) {
      expect(Math.abs(solver.wage[i] - 1)).toBeLessThan(1e-12);
      expect(Math.abs(solver.realIncome[i] - 1)).toBeLessThan(1e-12);
      for (let j = 0; j < n; j++) {
        expect(Math.abs(solver.flow(i, j) - shipped.flows[i * n + j])).toBeLessThanOrEqual(
          1e-12 * shipped.expenditure[i],
        );
      }
    }
  });

  it('gives real income lambda_ii^(1/eps) - 1 for a country cut off both ways (ACR), on the purged baseline', () => {
    for (const eps of [3, 5, 8]) {
      const base = purgeDeficits(shipped, eps);
      const solver = new TradeSolver(base, eps);
      for (const c of ['USA', 'CHN', 'DEU', 'SGP', 'TUV']) {
        const k = iso(c);
        const tariff = new Float64Array(n * n);
        for (let j = 0; j < n; j++) {
          tariff[k * n + j] = Number.POSITIVE_INFINITY;
          tariff[j * n + k] = Number.POSITIVE_INFINITY;
        }
        solver.solve({ tariffPct: tariff });
        const lambda = base.flows[k * n + k] / base.expenditure[k];
        expect(Math.abs(solver.realIncome[k] - lambda ** (1 / eps)), `${c}, eps ${eps}`).toBeLessThan(1e-9);
        expect(solver.domesticShare[k]).toBe(1);
      }
    }
  });

  it('adds up: world exports equal world imports, income is the numeraire, budgets balance', () => {
    const solver = new TradeSolver(shipped, 5);
    for (const level of [25, 60]) {
      const tariff = new Float64Array(n * n).fill(level);
      solver.solve({ tariffPct: tariff }, { warmStart: false });
      let exports = 0;
      let imports = 0;
      let income = 0;
      for (let i = 0; i < n; i++) {
        exports += solver.exports[i];
        imports += solver.imports[i];
        income += solver.wage[i] * shipped.income[i];
        // E' = w Y + R + D, and spending splits into domestic, imports and tariffs.
        const e = solver.expenditure[i];
        expect(e).toBeCloseTo(solver.wage[i] * shipped.income[i] + solver.revenue[i] + shipped.deficit[i], 8);
        const domestic = solver.domesticShare[i] * e;
        expect(domestic + solver.imports[i] + solver.revenue[i]).toBeCloseTo(e, 8);
      }
      expect(exports).toBeCloseTo(imports, 6);
      expect(income).toBeCloseTo(shipped.worldIncome, 6);
      const verified = check(shipped, 5, tariff, solver.wage);
      expect(verified.residual).toBeLessThan(1e-10);
      for (let i = 0; i < n; i++) expect(verified.real[i]).toBeCloseTo(solver.realIncome[i] - 1, 10);
    }
  });

  it('converges for random tariff matrices from zero to prohibitive on the purged baseline', () => {
    const solver = new TradeSolver(balanced, 5);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom(0, 0.02, 0.2), (seed, inf) => {
        // A cheap deterministic stream per case: tariffs 0-100 %, some 100-10^5 %, some prohibitive.
        let state = seed || 1;
        const next = () => {
          state ^= state << 13;
          state ^= state >>> 17;
          state ^= state << 5;
          return (state >>> 0) / 2 ** 32;
        };
        const tariff = new Float64Array(n * n);
        for (let k = 0; k < n * n; k++) {
          const r = next();
          tariff[k] = r < inf ? Number.POSITIVE_INFINITY : r < 0.3 ? 100 * 10 ** (3 * next()) : 100 * next();
        }
        const report = solver.solve({ tariffPct: tariff }, { warmStart: false });
        expect(report.residual).toBeLessThan(1e-10);
        expect(check(balanced, 5, tariff, solver.wage).residual).toBeLessThan(1e-10);
      }),
      { numRuns: 12 },
    );
  });

  it('converges for random tariffs up to 100 % and random prohibitive routes on the shipped (unbalanced) baseline', () => {
    // With deficits held fixed, tariffs far above 100 % can leave surplus countries unable to earn their
    // surpluses (no equilibrium exists: docs/model/trade.md); up to 100 % one always does.
    const solver = new TradeSolver(shipped, 5);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.constantFrom(0, 0.05, 0.2), (seed, inf) => {
        let state = seed;
        const next = () => {
          state ^= state << 13;
          state ^= state >>> 17;
          state ^= state << 5;
          return (state >>> 0) / 2 ** 32;
        };
        const tariff = new Float64Array(n * n);
        for (let k = 0; k < n * n; k++) tariff[k] = next() < inf ? Number.POSITIVE_INFINITY : 100 * next();
        const report = solver.solve({ tariffPct: tariff });
        expect(report.residual).toBeLessThan(1e-10);
        expect(check(shipped, 5, tariff, solver.wage).residual).toBeLessThan(1e-10);
      }),
      { numRuns: 10 },
    );
  });
});

describe('the trade solver reused across solves', () => {
  // What a run does: politics rewrites whole rows of tariffs, partners answer single pairs, a bloc is cut
  // off and reconnected, decoupling adds trade costs; a bad tariff throws in between. A few countries, so
  // that changes meet.
  const who = fc.constantFrom(...['USA', 'CHN', 'DEU', 'MEX', 'TUV'].map(iso));
  const change = fc.oneof(
    fc.record({
      kind: fc.constant('row' as const),
      i: who,
      pct: fc.constantFrom(0, 10, 25, 60, Number.POSITIVE_INFINITY),
    }),
    fc.record({
      kind: fc.constant('pair' as const),
      i: who,
      j: who,
      pct: fc.constantFrom(0, 7.5, 25, 1e6, Number.POSITIVE_INFINITY),
    }),
    fc.record({ kind: fc.constant('isolate' as const), i: who, open: fc.boolean() }),
    fc.record({ kind: fc.constant('cost' as const), pct: fc.constantFrom(0, 20) }),
    fc.record({ kind: fc.constant('bad' as const), i: who }),
  );

  it('gives bit-for-bit the results of a fresh solver (only changed pairs are recomputed)', () => {
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 5 }), (changes) => {
        const reused = new TradeSolver(shipped, 5);
        const tariff = new Float64Array(n * n);
        let cost: Float64Array | null = null;
        for (const ch of changes) {
          if (ch.kind === 'row') for (let j = 0; j < n; j++) tariff[ch.i * n + j] = ch.pct;
          else if (ch.kind === 'pair') tariff[ch.i * n + ch.j] = ch.pct;
          else if (ch.kind === 'isolate') {
            const pct = ch.open ? 0 : Number.POSITIVE_INFINITY;
            for (let j = 0; j < n; j++) {
              tariff[ch.i * n + j] = pct;
              tariff[j * n + ch.i] = pct;
            }
          } else if (ch.kind === 'cost') {
            // Between the first 40 countries and the rest.
            cost = new Float64Array(n * n);
            for (let i = 0; i < n; i++)
              for (let j = 0; j < n; j++) if (i < 40 !== j < 40) cost[i * n + j] = ch.pct;
          } else {
            const bad = Float64Array.from(tariff);
            bad[ch.i * n + ((ch.i + 1) % n)] = -1;
            expect(() => reused.solve({ tariffPct: bad })).toThrow(RangeError);
            continue;
          }
          const shock = { tariffPct: tariff, icebergPct: cost };
          const fresh = new TradeSolver(shipped, 5);
          // Tariffs up to 10^6 % can leave no equilibrium with fixed deficits: purge them, as trade.ts does.
          const options = { warmStart: false, deficitScale: 0 };
          const a = reused.solve(shock, options);
          const b = fresh.solve(shock, options);
          expect(a).toEqual(b);
          for (const key of [
            'wage',
            'realIncome',
            'imports',
            'exports',
            'revenue',
            'domesticShare',
          ] as const) {
            expect(reused[key]).toEqual(fresh[key]);
          }
          expect(reused.component).toEqual(fresh.component);
        }
      }),
      { numRuns: 15 },
    );
  });
});

describe('the trade solver on small worlds', () => {
  it('matches the closed form for two symmetric countries with the same tariff both ways', () => {
    for (const [lambda, t, eps] of [
      [0.8, 25, 5],
      [0.5, 60, 4],
      [0.95, 200, 8],
    ]) {
      const base = baselineFromFlows(2, [lambda, 1 - lambda, 1 - lambda, lambda]);
      const solver = new TradeSolver(base, eps);
      solver.solve({ tariffPct: [0, t, t, 0] });
      const tau = 1 + t / 100;
      const p = lambda + (1 - lambda) * tau ** -eps;
      const rho = (((1 - lambda) * tau ** -eps) / p) * (1 - 1 / tau);
      const expected = p ** (1 / eps) / (1 - rho);
      expect(solver.realIncome[0]).toBeCloseTo(expected, 12);
      expect(solver.realIncome[1]).toBeCloseTo(expected, 12);
      expect(solver.wage[0]).toBeCloseTo(1, 12);
    }
  });

  it('solves random worlds with random tariffs (0-1000 % or prohibitive) and passes the independent check', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 7 }).chain((m) =>
          fc.record({
            m: fc.constant(m),
            flows: fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), {
              minLength: m * m,
              maxLength: m * m,
            }),
            tariffs: fc.array(
              fc.oneof(
                fc.constant(0),
                fc.double({ min: 0, max: 1000, noNaN: true }),
                fc.constant(Number.POSITIVE_INFINITY),
              ),
              { minLength: m * m, maxLength: m * m },
            ),
            eps: fc.double({ min: 3, max: 8, noNaN: true }),
          }),
        ),
        ({ m, flows, tariffs, eps }) => {
          const base = purgeDeficits(baselineFromFlows(m, flows), eps);
          const solver = new TradeSolver(base, eps);
          const report = solver.solve({ tariffPct: tariffs });
          expect(report.residual).toBeLessThan(1e-10);
          const verified = check(base, eps, tariffs, solver.wage);
          expect(verified.residual).toBeLessThan(1e-10);
          for (let i = 0; i < m; i++) expect(verified.real[i]).toBeCloseTo(solver.realIncome[i] - 1, 9);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('treats a country cut off both ways as autarkic and re-balances the others, with deficits', () => {
    const base = baselineFromFlows(3, [5, 2, 1, 1, 6, 3, 2, 1, 4]);
    const solver = new TradeSolver(base, 5);
    const inf = Number.POSITIVE_INFINITY;
    const report = solver.solve({ tariffPct: [0, inf, inf, inf, 0, 0, inf, 0, 0] });
    expect(report.components).toBe(2);
    expect(solver.imports[0]).toBe(0);
    expect(solver.exports[0]).toBe(0);
    expect(check(base, 5, [0, inf, inf, inf, 0, 0, inf, 0, 0], solver.wage).residual).toBeLessThan(1e-10);
  });
});

describe('the trade solver against an independent implementation', () => {
  // test/fixtures/trade/reference.json: numpy + scipy (MINPACK hybrd) on the exported matrix; see its README.
  const reference = JSON.parse(
    readFileSync(new URL('./fixtures/trade/reference.json', import.meta.url), 'utf8'),
  ) as {
    cases: Record<
      string,
      { residual: number; world_pct: number; real_income_change_pct: Record<string, number> }
    >;
  };
  const tariffs = (name: string) => {
    const t = new Float64Array(n * n);
    if (name === 'world_60') t.fill(60);
    else {
      t[iso('USA') * n + iso('CHN')] = 25;
      t[iso('CHN') * n + iso('USA')] = 25;
    }
    return t;
  };

  for (const name of ['usa_china_25', 'world_60']) {
    it(`agrees on ${name} for every country to 1e-8 percentage points`, () => {
      const ref = reference.cases[name];
      expect(ref.residual).toBeLessThan(1e-10);
      const solver = new TradeSolver(shipped, 5);
      solver.solve({ tariffPct: tariffs(name) }, { warmStart: false });
      let worst = 0;
      for (const [code, value] of Object.entries(ref.real_income_change_pct)) {
        worst = Math.max(worst, Math.abs(100 * (solver.realIncome[iso(code)] - 1) - value));
      }
      expect(worst).toBeLessThan(1e-8);
    });
  }
});
