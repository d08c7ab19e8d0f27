/**
 * The politics module's mechanisms: each driver moves nationalist support in its documented direction with
 * everything else fixed (fast-check over random worlds); support stays in (0, 1); civic education acts only
 * after its lag; elections are reproducible from the seed; base-year stances are the shipped table's; the
 * stance rule is the documented fit; governments act through the policy table.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitStanceRule } from '../scripts/politics/stance-fit.js';
import { parseStanceTable } from '../src/data/stances.js';
import { UserError } from '../src/errors.js';
import { registry, simulate } from '../src/model/engine.js';
import type { Context, ScenarioEvent } from '../src/model/module.js';
import { politics } from '../src/model/modules/politics.js';
import { propensityFor, truncatedNormalMean, upperTail } from '../src/model/politics/elections.js';
import { nextMediaLiteracy } from '../src/model/politics/information.js';
import {
  type Drivers,
  NO_DRIVERS,
  sigmoid,
  targetLogit,
  targetShare,
} from '../src/model/politics/support.js';
import type { Params } from '../src/model/registry.js';
import { createRng } from '../src/model/rng.js';
import { allocateState, type VarDef, type WorldState } from '../src/model/state.js';
import type { PoliticsData, WorldData } from '../src/model/world-data.js';
import { data, modulesWithout, runBaseline } from './helpers.js';

const defaults = registry.resolve();
const BASE = 2024;

// ---------------------------------------------------------------------------------------------------------
// A random world: only what the politics module reads, plus every input other modules would provide.

interface World {
  readonly data: WorldData;
  readonly n: number;
}

const worldArb = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.record({
    support: fc.array(fc.double({ min: 0.02, max: 0.9, noNaN: true }), { minLength: n, maxLength: n }),
    stance: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: n, maxLength: n }),
    polyarchy: fc.array(fc.double({ min: 0.05, max: 0.95, noNaN: true }), { minLength: n, maxLength: n }),
    term: fc.array(fc.integer({ min: 3, max: 7 }), { minLength: n, maxLength: n }),
    literacy: fc.array(fc.double({ min: 0.05, max: 0.95, noNaN: true }), { minLength: n, maxLength: n }),
    immigration: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
    population: fc.array(fc.double({ min: 0.1, max: 1000, noNaN: true }), { minLength: n, maxLength: n }),
  }),
);

function makeWorld(r: Readonly<Record<string, number[]>>): World {
  const n = r.support.length;
  const iso3 = Array.from({ length: n }, (_, i) => `C${String.fromCharCode(65 + i)}${i}`);
  const politicsData: PoliticsData = {
    stance: r.stance,
    government: iso3,
    stanceNext: r.stance.map(() => -1),
    polyarchy: r.polyarchy,
    termYears: r.term,
    nextElection: r.term.map((t) => BASE + 1 + (t % 3)),
    support: r.support,
    mediaLiteracy: r.literacy,
    immigrationPct: r.immigration,
    sources: {},
  };
  const world = {
    baseYear: BASE,
    countries: { iso3, name: iso3, region: [], subregion: [], capitalLat: [], capitalLon: [] },
    base: { population_million: r.population },
    politics: politicsData,
  } as unknown as WorldData;
  return { data: world, n };
}

/** Inputs owned by other modules, present so that each driver can be moved. */
const OTHER: VarDef[] = [
  'population_million',
  'gdp_billion_usd2015',
  'gdp_per_capita_usd2015',
  'gini',
  'trade_pct_gdp',
  'displaced_workers_thousand',
  'real_income_change_pct',
  'at_war',
  'refugee_inflow_thousand',
  'financial_crisis',
].map((name) => ({ name, units: '-', description: name }));

function context(world: WorldData, params: Params, events: readonly ScenarioEvent[] = []): Context {
  return {
    data: world,
    params,
    rng: createRng(7),
    eventsIn: (y) => events.filter((e) => e.year === y),
    log: () => {},
    row: () => {},
  };
}

function initState(w: World, params: Params, events: readonly ScenarioEvent[] = [], absent: string[] = []) {
  const state = allocateState(w.n, BASE, {
    country: [...OTHER.filter((v) => !absent.includes(v.name)), ...(politics.countryVars ?? [])],
    dyad: [],
    global: politics.globalVars ?? [],
  });
  const c = state.country;
  for (let i = 0; i < w.n; i++) {
    c.population_million[i] = w.data.base.population_million[i];
    c.gdp_per_capita_usd2015[i] = 10000;
    c.gdp_billion_usd2015[i] = (10000 * c.population_million[i]) / 1000;
    c.gini[i] = 35;
    c.trade_pct_gdp[i] = 50;
  }
  state.global.perceived_institutional_failure = 0.5;
  const ctx = context(w.data, params, events);
  politics.init(state, ctx);
  return { state, ctx };
}

function stepTo(state: WorldState, ctx: Context, last: number) {
  for (let y = state.year + 1; y <= last; y++) {
    state.year = y;
    politics.step(state, y, ctx);
  }
}

/** Runs two copies of a world for `years`; `treat` changes an input after the first year. */
function compare(w: World, treat: (s: WorldState) => void, years: number, absent: string[] = []) {
  const a = initState(w, defaults, [], absent);
  const b = initState(w, defaults, [], absent);
  stepTo(a.state, a.ctx, BASE + 1);
  stepTo(b.state, b.ctx, BASE + 1);
  treat(b.state);
  stepTo(a.state, a.ctx, BASE + 1 + years);
  stepTo(b.state, b.ctx, BASE + 1 + years);
  return { control: a.state.country, treated: b.state.country };
}

/** What is moved, the expected sign, how, and which other module is absent. */
const driverCases: [string, number, (s: WorldState, i: number, size: number) => void, string[]?][] = [
  ['a rise in inequality (gini)', 1, (s, i, x) => (s.country.gini[i] += 10 * x)],
  ['an import shock (trade_pct_gdp)', 1, (s, i, x) => (s.country.trade_pct_gdp[i] += 20 * x)],
  [
    'more displaced workers',
    1,
    (s, i, x) => (s.country.displaced_workers_thousand[i] += 10 * x * s.country.population_million[i]),
  ],
  ['a loss of real income', 1, (s, i, x) => (s.country.real_income_change_pct[i] -= 5 * x)],
  [
    'a refugee inflow (immigration x (1 - integration))',
    1,
    (s, i, x) => (s.country.refugee_inflow_thousand[i] += 10 * x * s.country.population_million[i]),
  ],
  ['more disinformation', 1, (s, i, x) => (s.country.disinformation_intensity[i] += x)],
  ['a financial crisis', 1, (s, i) => (s.country.financial_crisis[i] = 1)],
  [
    'a fall of GDP per person (a crisis, no crisis module)',
    1,
    (s, i, x) => (s.country.gdp_per_capita_usd2015[i] *= 0.9 - 0.1 * x),
    ['financial_crisis'],
  ],
  ['war', 1, (s, i) => (s.country.at_war[i] = 1)],
];

describe('nationalist support: each driver, everything else fixed', () => {
  for (const [what, sign, treat, absent] of driverCases) {
    it(`rises with ${what}`, () => {
      fc.assert(
        fc.property(worldArb, fc.nat(), fc.double({ min: 0.1, max: 1, noNaN: true }), (r, k, size) => {
          const w = makeWorld(r);
          const i = k % w.n;
          const { control, treated } = compare(w, (s) => treat(s, i, size), 3, absent);
          expect(Math.sign(treated.nationalist_support[i] - control.nationalist_support[i])).toBe(sign);
          for (let j = 0; j < w.n; j++) {
            if (j !== i) expect(treated.nationalist_support[j]).toBe(control.nationalist_support[j]);
          }
        }),
        { numRuns: 40 },
      );
    });
  }

  it('rises with perceived failure of global institutions, in every country', () => {
    fc.assert(
      fc.property(worldArb, fc.double({ min: 0.05, max: 0.5, noNaN: true }), (r, dx) => {
        const w = makeWorld(r);
        const { control, treated } = compare(w, (s) => (s.global.perceived_institutional_failure += dx), 3);
        for (let j = 0; j < w.n; j++) {
          expect(treated.nationalist_support[j]).toBeGreaterThan(control.nationalist_support[j]);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('falls with faster integration of immigrants, and with higher media literacy', () => {
    fc.assert(
      fc.property(worldArb, (r) => {
        const w = makeWorld(r);
        const faster = registry.resolve({ 'politics.integration': 2 });
        const a = initState(w, defaults);
        const b = initState(w, faster);
        stepTo(a.state, a.ctx, BASE + 5);
        stepTo(b.state, b.ctx, BASE + 5);
        for (let j = 0; j < w.n; j++) {
          if (w.data.politics.immigrationPct[j] > 1e-6) {
            expect(b.state.country.nationalist_support[j]).toBeLessThan(
              a.state.country.nationalist_support[j],
            );
          }
        }
        const { control, treated } = compare(w, (s) => (s.country.media_literacy[0] += 0.05), 1);
        expect(treated.nationalist_support[0]).toBeLessThan(control.nationalist_support[0]);
      }),
      { numRuns: 30 },
    );
  });

  it('target: each driver raises it, by exactly its percentage points away from 0 and 1', () => {
    const effects = {
      gini: defaults['politics.effect_gini'],
      importShare: defaults['politics.effect_import_shock'],
      displaced: defaults['politics.effect_displaced'],
      realIncomeLoss: defaults['politics.effect_real_income'],
      immigrants: defaults['politics.effect_immigration'],
      disinformation: defaults['politics.effect_disinformation'],
      institutionalFailure: defaults['politics.effect_institutional_failure'],
      war: defaults['politics.effect_war'],
      crisis: defaults['politics.effect_crisis'],
      softness: defaults['politics.support_softness'],
    };
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.95, noNaN: true }),
        fc.constantFrom(...(Object.keys(NO_DRIVERS) as (keyof Drivers)[])),
        fc.double({ min: 1e-4, max: 5, noNaN: true }),
        (s0, key, size) => {
          const d = { ...NO_DRIVERS, [key]: key === 'crisis' ? Math.min(size, 1) : size };
          const up = targetLogit(s0, d, effects);
          expect(up).toBeGreaterThan(targetLogit(s0, NO_DRIVERS, effects));
          expect(sigmoid(targetLogit(s0, NO_DRIVERS, effects))).toBeCloseTo(s0, 12);
          const share = targetShare(s0, d, effects);
          if (s0 > 0.05 && share < 0.95) expect(sigmoid(up)).toBeCloseTo(share, 6);
        },
      ),
    );
  });
});

describe('support stays in (0, 1)', () => {
  it('for any drivers, however extreme, in the aggregate mode', () => {
    fc.assert(
      fc.property(
        worldArb,
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        (r, big, other) => {
          const w = makeWorld(r);
          const { state, ctx } = initState(w, defaults);
          stepTo(state, ctx, BASE + 1);
          state.country.gini.fill(big);
          state.country.trade_pct_gdp.fill(other);
          state.country.real_income_change_pct.fill(big);
          state.global.perceived_institutional_failure = other;
          stepTo(state, ctx, BASE + 8);
          for (const s of state.country.nationalist_support) {
            expect(s).toBeGreaterThan(0);
            expect(s).toBeLessThan(1);
          }
          for (const p of state.country.polarization) expect(p >= 0 && p <= 1).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('media literacy and civic education', () => {
  it('media literacy approaches the taught cohort geometrically at the turnover rate', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 0.05, noNaN: true }),
        fc.integer({ min: 1, max: 40 }),
        (l0, civic, r, t) => {
          let l = l0;
          for (let k = 0; k < t; k++) l = nextMediaLiteracy(l, l0, civic, 0.25, r);
          const cohort = l0 + 0.25 * (1 - l0) * civic;
          expect(l).toBeCloseTo(cohort + (l0 - cohort) * (1 - r) ** t, 12);
        },
      ),
    );
  });

  for (const lag of [3, 6, 10]) {
    it(`lowers support only after its lag (${lag} years), then more and more`, () => {
      const last = BASE + lag + 12;
      // Without security, whose wars (set off by small differences in nationalism) would move support too.
      const run = (overrides: Record<string, number>) =>
        simulate(data, {
          params: registry.resolve({ 'politics.civic_education_lag': lag, ...overrides }),
          seed: 1,
          firstYear: BASE,
          lastYear: last,
          modules: modulesWithout('security'),
        });
      const off = run({});
      const on = run({ 'politics.civic_education': 1 });
      const mean = (r: typeof on, y: number) => r.global.mean_nationalist_support[y - BASE];
      // The first taught pupils (2025) reach the electorate in 2025 + lag.
      for (let y = BASE; y < BASE + 1 + lag; y++) expect(mean(on, y)).toBe(mean(off, y));
      let gap = 0;
      for (let y = BASE + 1 + lag; y <= last; y++) {
        const now = mean(off, y) - mean(on, y);
        expect(now).toBeGreaterThan(gap);
        gap = now;
      }
    });
  }

  it('a civic-education event acts in its country only, after the lag', () => {
    const lag = defaults['politics.civic_education_lag'];
    const fin = data.countries.iso3.indexOf('FIN');
    const events = [{ year: 2030, type: 'civic_education', country: 'FIN', intensity: 1 }];
    const params = registry.resolve();
    const r = simulate(data, { params, seed: 1, firstYear: BASE, lastYear: 2050, events });
    const b = runBaseline({}, 2050);
    const n = data.countries.iso3.length;
    const at = (x: typeof r, y: number, i: number) => x.country.nationalist_support[(y - BASE) * n + i];
    expect(at(r, 2029 + lag, fin)).toBe(at(b, 2029 + lag, fin));
    expect(at(r, 2030 + lag, fin)).toBeLessThan(at(b, 2030 + lag, fin));
    for (let i = 0; i < n; i++) if (i !== fin) expect(at(r, 2050, i)).toBe(at(b, 2050, i));
  });
});

describe('elections and stance', () => {
  const stancePath = (seed: number) =>
    simulate(data, { params: defaults, seed, firstYear: BASE, lastYear: 2100 }).country.government_stance;

  it('the same seed gives the same elections; another seed, other elections', () => {
    const a = simulate(data, { params: defaults, seed: 11, firstYear: BASE, lastYear: 2100 });
    const b = simulate(data, { params: defaults, seed: 11, firstYear: BASE, lastYear: 2100 });
    expect(b.country.government_stance).toEqual(a.country.government_stance);
    expect(b.tables.events.rows).toEqual(a.tables.events.rows);
    expect(stancePath(12)).not.toEqual(a.country.government_stance);
  });

  it("a forced stance in one country leaves every other country's elections unchanged", () => {
    const fra = data.countries.iso3.indexOf('FRA');
    const events = [{ year: 2030, type: 'stance', country: 'FRA', stance: 'nationalist-populist' }];
    // About how election draws are addressed, so without the modules through which one government reaches
    // other countries' voters (its tariffs and their jobs, its withdrawals, its nationalism in disputes).
    const modules = modulesWithout('trade', 'labor', 'institutions', 'security', 'cooperation');
    const r = simulate(data, {
      params: defaults,
      seed: 11,
      firstYear: BASE,
      lastYear: 2060,
      events,
      modules,
    });
    const b = simulate(data, { params: defaults, seed: 11, firstYear: BASE, lastYear: 2060, modules });
    const n = data.countries.iso3.length;
    expect(r.country.government_stance[(2030 - BASE) * n + fra]).toBe(2);
    for (let k = 0; k < r.years.length; k++) {
      for (let i = 0; i < n; i++) {
        if (i !== fra)
          expect(r.country.government_stance[k * n + i]).toBe(b.country.government_stance[k * n + i]);
      }
    }
    const log = r.tables.events.rows.filter((e) => e[0] === 2030 && e[1] === 'FRA').map((e) => e[2]);
    expect(log).toContain('government');
  });

  it("a new government's military spending reaches the security module (its capability)", () => {
    const events = [{ year: 2030, type: 'stance', country: 'DEU', stance: 'nationalist-populist' }];
    const r = simulate(data, { params: defaults, seed: 11, firstYear: BASE, lastYear: 2030, events });
    const line = r.tables.events.rows.find(
      (e) => e[0] === 2030 && e[1] === 'DEU' && e[2] === 'military_spending',
    );
    const change = defaults['politics.military_change_nationalist'];
    expect(String(line?.[3])).toContain(`by +${Math.round(100 * change)} %`);
    const n = data.countries.iso3.length;
    const deu = data.countries.iso3.indexOf('DEU');
    const spending = (y: number) => r.country.military_spending_pct_gdp[(y - BASE) * n + deu];
    // Germany's government before was internationalist (no change from the base year).
    expect(r.country.government_stance[(2029 - BASE) * n + deu]).toBe(0);
    expect(spending(2030) / spending(2029)).toBeCloseTo(1 + change, 12);
    // Without the security module the change is an intention only.
    const alone = simulate(data, {
      params: defaults,
      seed: 11,
      firstYear: BASE,
      lastYear: 2030,
      events,
      modules: modulesWithout('security'),
    });
    const intention = alone.tables.events.rows.find(
      (e) => e[0] === 2030 && e[1] === 'DEU' && e[2] === 'policy_intention',
    );
    expect(String(intention?.[3])).toContain('military spending');
  });

  it("a new government's tariff reaches the trade equilibrium the next year", () => {
    // Germany, internationalist until 2030 in this run (the United States is nationalist-populist from 2025).
    const deu = data.countries.iso3.indexOf('DEU');
    const n = data.countries.iso3.length;
    const events = [{ year: 2030, type: 'stance', country: 'DEU', stance: 'nationalist-populist' }];
    const quiet = { ...defaults, 'politics.tariff_mixed_pct': 0 };
    const r = simulate(data, { params: quiet, seed: 11, firstYear: BASE, lastYear: 2032, events });
    const k = (y: number) => y - BASE;
    expect(r.country.government_stance[k(2029) * n + deu]).toBe(0);
    // The matrix is written in 2030 (politics runs after trade), solved in 2031.
    expect(r.country.applied_tariff_pct[k(2031) * n + deu]).toBeCloseTo(
      defaults['politics.tariff_nationalist_pct'],
      6,
    );
    // A large country's unilateral tariff can raise its own real income (terms of trade) but lowers the
    // world's and its own trade.
    expect(r.global.trade_welfare_change_pct[k(2031)]).toBeLessThan(0);
    expect(r.country.trade_pct_gdp[k(2031) * n + deu]).toBeLessThan(
      r.country.trade_pct_gdp[k(2030) * n + deu],
    );
    expect(r.global.trade_welfare_change_pct[k(2030)]).toBe(r.global.trade_welfare_change_pct[k(2029)]);
  });

  it('the base year has the stances of the shipped table, and the known 2024 result takes office in 2025', () => {
    const r = runBaseline({}, 2026);
    const n = data.countries.iso3.length;
    expect(Array.from(r.country.government_stance.subarray(0, n))).toEqual(data.politics.stance);
    expect(Array.from(r.country.nationalist_support.subarray(0, n))).toEqual(data.politics.support);
    const usa = data.countries.iso3.indexOf('USA');
    expect(data.politics.stance[usa]).toBe(0);
    expect(r.country.government_stance[n + usa]).toBe(data.politics.stanceNext[usa]);
  });

  it('is stable without shocks: most base-year stances persist to 2050', () => {
    const r = runBaseline({}, 2050);
    const n = data.countries.iso3.length;
    const k = 2050 - BASE;
    let same = 0;
    for (let i = 0; i < n; i++)
      if (r.country.government_stance[k * n + i] === data.politics.stance[i]) same++;
    expect(same / n).toBeGreaterThan(0.7);
  });

  it('more nationalist support makes nationalist-populist governments more likely', () => {
    const share = (o: Record<string, number>) => {
      let total = 0;
      for (const seed of [1, 2, 3, 4, 5]) {
        const r = simulate(data, { params: registry.resolve(o), seed, firstYear: BASE, lastYear: 2060 });
        total += r.global.nationalist_gdp_share.at(-1)!;
      }
      return total;
    };
    expect(share({ 'politics.disinformation': 3 })).toBeGreaterThan(share({ 'politics.disinformation': 0 }));
  });

  it('propensity: the mean of the normal truncated to the band the base-year stance requires', () => {
    expect(truncatedNormalMean(-Infinity, Infinity)).toBeCloseTo(0, 12);
    expect(truncatedNormalMean(0, Infinity)).toBeCloseTo(Math.sqrt(2 / Math.PI), 6);
    expect(truncatedNormalMean(-2, 2)).toBeCloseTo(0, 12);
    expect(upperTail(1.959964)).toBeCloseTo(0.025, 6);
    fc.assert(
      fc.property(
        fc.double({ min: -8, max: 8, noNaN: true }),
        fc.double({ min: 0.01, max: 4, noNaN: true }),
        (a, w) => {
          // Numerical mean by Simpson's rule on the truncated density.
          const b = a + w;
          const m = 400;
          let mass = 0;
          let first = 0;
          for (let k = 0; k <= m; k++) {
            const x = a + (w * k) / m;
            const f = Math.exp(-0.5 * x * x) * (k === 0 || k === m ? 1 : k % 2 ? 4 : 2);
            mass += f;
            first += x * f;
          }
          expect(truncatedNormalMean(a, b)).toBeCloseTo(first / mass, 4);
        },
      ),
    );
    const rule = {
      mixedAbove: defaults['politics.threshold_mixed'],
      nationalistAbove: defaults['politics.threshold_nationalist'],
      swing: defaults['politics.election_swing'],
      propensitySd: defaults['politics.propensity_sd'],
    };
    // A nationalist-populist government at low support needs a high propensity, and conversely.
    expect(propensityFor(-2, 2, rule)).toBeGreaterThan(propensityFor(0, 2, rule));
    expect(propensityFor(0, 0, rule)).toBeLessThan(0);
    expect(propensityFor(0, 2, rule)).toBeGreaterThan(0);
  });

  it('the stance-rule defaults are the documented maximum-likelihood fit (scripts/politics/stance-fit.ts)', () => {
    const fit = fitStanceRule(data);
    expect(defaults['politics.threshold_mixed']).toBe(fit.mixedAbove);
    expect(defaults['politics.threshold_nationalist']).toBe(fit.nationalistAbove);
    const sigma = Math.hypot(defaults['politics.propensity_sd'], defaults['politics.election_swing']);
    expect(sigma).toBeCloseTo(fit.sigma, 2);
    expect(fit.logLikelihood).toBeGreaterThan(fit.nullLogLikelihood);
  });
});

describe('what governments do', () => {
  it('a nationalist-populist government raises tariffs in the trade matrix when there is one, and cuts admissions', () => {
    const w = makeWorld({
      support: [0.3, 0.3],
      stance: [0, 0],
      polyarchy: [0.8, 0.8],
      term: [4, 4],
      literacy: [0.5, 0.5],
      immigration: [0.5, 0.5],
      population: [10, 10],
    });
    const state = allocateState(2, BASE, {
      country: [...OTHER, ...(politics.countryVars ?? [])],
      dyad: [{ name: 'tariff_pct', units: '%', description: 'tariff' }],
      global: politics.globalVars ?? [],
    });
    state.country.population_million.fill(10);
    state.country.gdp_per_capita_usd2015.fill(10000);
    state.country.gdp_billion_usd2015.fill(100);
    state.dyad.tariff_pct.fill(5);
    const log: unknown[][] = [];
    const events = [
      { year: 2026, type: 'stance', country: w.data.countries.iso3[0], stance: 'nationalist-populist' },
    ];
    const ctx = { ...context(w.data, defaults, events), log: (...row: unknown[]) => log.push(row) };
    politics.init(state, ctx);
    stepTo(state, ctx, 2026);
    const tariff = defaults['politics.tariff_nationalist_pct'];
    expect(state.dyad.tariff_pct[0 * 2 + 1]).toBe(5 + tariff);
    expect(state.dyad.tariff_pct[1 * 2 + 0]).toBe(5);
    expect(state.country.migration_openness[0]).toBe(defaults['politics.migration_openness_nationalist']);
    expect(log.map((r) => r[2])).toEqual(
      expect.arrayContaining(['government', 'tariff', 'migration_policy']),
    );
  });
});

describe('stance tables', () => {
  const codes = ['USA', 'FRA', 'DEU'];
  const bad = (text: string) => {
    try {
      parseStanceTable(text, 't.csv', codes);
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
      return (e as Error).message;
    }
    throw new Error('accepted a bad table');
  };

  it('reads codes and stances, and names the file and line of each problem', () => {
    expect(
      parseStanceTable('iso3,stance\nUSA,mixed\n\nFRA,internationalist\n', 't.csv', codes),
    ).toMatchObject([
      { iso3: 'USA', stance: 1, line: 2 },
      { iso3: 'FRA', stance: 0, line: 4 },
    ]);
    expect(bad('iso3,stance\nUSA,mixed\nUSB,mixed\n')).toMatch(
      /^t\.csv:3: unknown country code 'USB'; did you mean USA/,
    );
    expect(bad('iso3,stance\nUSA,populist\n')).toMatch(
      /^t\.csv:2: unknown stance 'populist'; stances: internationalist/,
    );
    expect(bad('iso3,stance\nUSA,mixed\nUSA,mixed\n')).toMatch(
      /^t\.csv:3: USA appears twice \(also on line 2\)/,
    );
    expect(bad('iso3,government\nUSA,mixed\n')).toMatch(/^t\.csv:1: missing column 'stance'/);
    expect(bad('iso3,stance\nUSA,mixed,extra\n')).toMatch(/^t\.csv:2: malformed CSV/);
    expect(bad('')).toMatch(/^t\.csv: empty file/);
    expect(() => parseStanceTable('iso3,stance\nUSA,mixed\n', 't.csv', codes, 'stance', true)).toThrow(
      /^t\.csv: no row for FRA, DEU$/,
    );
    expect(parseStanceTable('\uFEFFiso3,stance\r\nUSA,Mixed\r\n', 't.csv', codes)[0].stance).toBe(1);
  });

  it('the shipped table has a source for every row', () => {
    expect(data.politics.sources.stance).toHaveLength(data.countries.iso3.length);
    for (const s of data.politics.sources.stance) expect(s.source.length).toBeGreaterThan(15);
  });
});

describe('the hindcast script (scripts/politics/hindcast.ts)', () => {
  it('starts from the observed 2008 stances and counts the observed stance changes as tabled', async () => {
    const { hindcast, FIRST, LAST } = await import('../scripts/politics/hindcast.js');
    const r = hindcast(3);
    expect(r.observed).toHaveLength(LAST - FIRST + 1);
    expect(r.simulated[0]).toBeCloseTo(r.observed[0], 12);
    expect(r.noDrivers[0]).toBeCloseTo(r.observed[0], 12);
    // Counted by hand from data/raw/politics_hindcast_2008.csv: 19 of the 66 elections held in competitive
    // years changed the stance.
    expect(r.observedChanges).toBeCloseTo(19 / 66, 12);
  });
});
