import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registry, simulate } from '../src/model/engine.js';
import type { Context } from '../src/model/module.js';
import { demography } from '../src/model/modules/demography.js';
import { economy } from '../src/model/modules/economy.js';
import type { Params } from '../src/model/registry.js';
import { createRng } from '../src/model/rng.js';
import { allocateState } from '../src/model/state.js';
import type { WorldData } from '../src/model/world-data.js';
import { data, runBaseline } from './helpers.js';

const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0);

describe('the baseline run', () => {
  const r = runBaseline();
  const n = r.iso3.length;

  it('covers every year from the base year to 2100 with finite values only', () => {
    expect(r.years[0]).toBe(data.baseYear);
    expect(r.years.at(-1)).toBe(2100);
    for (const series of [...Object.values(r.global), ...Object.values(r.country)]) {
      expect(series.every(Number.isFinite)).toBe(true);
    }
  });

  it('starts where the data say: population, fossil CO2, CO2 concentration, warming', () => {
    const population = sum(data.base.population_million);
    expect(Math.abs(r.global.population_million[0] / population - 1)).toBeLessThan(0.01);
    // The Global Carbon Project's world total includes bunkers and non-state territories.
    expect(Math.abs((1000 * r.global.co2_fossil_gtco2[0]) / data.world.co2_fossil_mtco2 - 1)).toBeLessThan(
      0.02,
    );
    expect(Math.abs(r.global.co2_concentration_ppm[0] - data.observed.co2_ppm)).toBeLessThan(1);
    expect(Math.abs(r.global.temperature_anomaly_k[0] - data.observed.warming_trend_k)).toBeLessThan(0.15);
  });

  it('keeps world totals equal to the sum over countries every year', () => {
    for (let k = 0; k < r.years.length; k++) {
      const pop = sum(r.country.population_million.subarray(k * n, (k + 1) * n));
      const gdp = sum(r.country.gdp_billion_usd2015.subarray(k * n, (k + 1) * n));
      expect(r.global.population_million[k]).toBeCloseTo(pop, 6);
      expect(r.global.gdp_trillion_usd2015[k]).toBeCloseTo(gdp / 1000, 9);
      const states = sum(r.country.co2_fossil_mtco2.subarray(k * n, (k + 1) * n)) / 1000;
      expect(r.global.co2_fossil_gtco2[k]).toBeGreaterThan(states); // plus bunkers and territories
      for (let i = 0; i < n; i++) {
        const perCapita =
          (1000 * r.country.gdp_billion_usd2015[k * n + i]) / r.country.population_million[k * n + i];
        expect(r.country.gdp_per_capita_usd2015[k * n + i] / perCapita).toBeCloseTo(1, 12);
      }
    }
  });

  it('is deterministic: the same inputs give identical numbers', () => {
    const again = runBaseline();
    for (const [name, series] of Object.entries(r.global)) expect(again.global[name]).toEqual(series);
    for (const [name, series] of Object.entries(r.country)) expect(again.country[name]).toEqual(series);
  });

  it('tracks the UN WPP 2024 medium world population within 2 %', () => {
    const wpp: Record<number, number> = { 2030: 8546, 2050: 9664, 2100: 10180 };
    for (const [year, value] of Object.entries(wpp)) {
      expect(Math.abs(r.global.population_million[Number(year) - data.baseYear] / value - 1)).toBeLessThan(
        0.02,
      );
    }
  });
});

describe('responses to parameters', () => {
  const at2100 = (o: Record<string, number>, name: string) => runBaseline(o).global[name].at(-1)!;

  it('more climate sensitivity: more warming and less GDP by 2100', () => {
    expect(at2100({ 'climate.ecs': 4 }, 'temperature_anomaly_k')).toBeGreaterThan(
      at2100({}, 'temperature_anomaly_k'),
    );
    // Other things equal: with no wars (the base year's end at once, disputes never escalate) the GDP
    // difference is the damages' alone; otherwise the wars a slightly different path draws are larger.
    const peaceful = (o: Record<string, number>) =>
      simulate(data, {
        params: {
          ...registry.resolve(o),
          'security.escalation_probability': 0,
          'security.war_continuation': 0,
        },
        seed: 1,
        firstYear: data.baseYear,
        lastYear: 2100,
      }).global.gdp_trillion_usd2015.at(-1)!;
    expect(peaceful({ 'climate.ecs': 4 })).toBeLessThan(peaceful({}));
  });

  it('faster decarbonisation: less CO2 and less warming', () => {
    const fast = { 'climate.intensity_decline': 0.04 };
    expect(at2100(fast, 'co2_fossil_gtco2')).toBeLessThan(at2100({}, 'co2_fossil_gtco2'));
    expect(at2100(fast, 'temperature_anomaly_k')).toBeLessThan(at2100({}, 'temperature_anomaly_k'));
  });

  it('stays finite and physical for any parameter set in the registry ranges', () => {
    const free = registry.defs.filter((d) => d.distribution !== 'fixed');
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
          minLength: free.length,
          maxLength: free.length,
        }),
        (us) => {
          const o = Object.fromEntries(
            free.map((d, k) => [d.id, Math.min(d.max, d.min + us[k] * (d.max - d.min))]),
          );
          fc.pre(o['climate.tcr'] < o['climate.ecs']);
          const r = simulate(data, {
            params: registry.resolve(o),
            seed: 7,
            firstYear: data.baseYear,
            lastYear: 2100,
          });
          for (const series of Object.values(r.global)) expect(series.every(Number.isFinite)).toBe(true);
          expect(r.country.population_million.every((p) => p > 0)).toBe(true);
          expect(r.country.gdp_billion_usd2015.every((g) => g > 0)).toBe(true);
          expect(r.global.co2_concentration_ppm.every((c) => c > 278)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses a transient response at or above the equilibrium sensitivity', () => {
    expect(() => runBaseline({ 'climate.tcr': 2.2, 'climate.ecs': 2.1 })).toThrow(/climate.tcr/);
  });
});

/** A context with no scenario events, whose log and tables go nowhere. */
function testContext(world: WorldData, params: Params): Context {
  return { data: world, params, rng: createRng(1), eventsIn: () => [], log: () => {}, row: () => {} };
}

/** A two-country world for checking the equations against their closed forms. */
function tinyWorld(growthRecent: number[], popGrowth: number[]): WorldData {
  return {
    baseYear: 2000,
    base: {
      population_million: [10, 20],
      gdp_billion_usd2015: [10, 400],
      co2_fossil_mtco2: [1, 1],
      population_growth_recent: popGrowth,
      gdppc_growth_recent: growthRecent,
    },
  } as unknown as WorldData;
}

describe('equations against their closed forms', () => {
  it('economy: ln y(t) = ln y0 + g_f t + G0 (1 - (1 - lambda)^t) without losses', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.005, max: 0.025, noNaN: true }),
        fc.double({ min: 0.01, max: 0.035, noNaN: true }),
        fc.double({ min: -0.02, max: 0.06, noNaN: true }),
        fc.integer({ min: 1, max: 120 }),
        (gf, lambda, recent, years) => {
          const params = registry.resolve({
            'economy.frontier_growth': gf,
            'economy.convergence_speed': lambda,
          });
          const ctx = testContext(tinyWorld([recent, gf], [0, 0]), params);
          const state = allocateState(2, 2000, {
            country: [
              ...economy.countryVars!,
              ...demography.countryVars!,
              { name: 'climate_damage_fraction', units: '', description: '' },
            ],
            dyad: [],
            global: [...economy.globalVars!],
          });
          state.country.population_million.set([10, 20]);
          economy.init(state, ctx);
          for (let t = 1; t <= years; t++) economy.step(state, 2000 + t, ctx);
          const g0 = Math.min(
            Math.max((recent - gf) / lambda, params['economy.min_gap']),
            params['economy.max_gap'],
          );
          const expected = 1000 * Math.exp(gf * years + g0 * (1 - (1 - lambda) ** years));
          expect(state.country.gdp_per_capita_usd2015[0] / expected).toBeCloseTo(1, 9);
          // A country already on its steady-state path grows at exactly the frontier rate.
          expect(state.country.gdp_per_capita_usd2015[1] / (20000 * Math.exp(gf * years))).toBeCloseTo(1, 9);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('demography: a country already at the long-run rate grows geometrically', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.012, max: 0.002, noNaN: true }),
        fc.integer({ min: 1, max: 150 }),
        (g, years) => {
          const params = registry.resolve({ 'demography.longrun_growth': g });
          const ctx = testContext(tinyWorld([0, 0], [g, g]), params);
          const state = allocateState(2, 2000, {
            country: demography.countryVars!,
            dyad: [],
            global: demography.globalVars!,
          });
          demography.init(state, ctx);
          for (let t = 1; t <= years; t++) demography.step(state, 2000 + t, ctx);
          expect(state.country.population_million[0] / (10 * (1 + g) ** years)).toBeCloseTo(1, 9);
          expect(state.global.population_million).toBeCloseTo(30 * (1 + g) ** years, 6);
        },
      ),
    );
  });
});
