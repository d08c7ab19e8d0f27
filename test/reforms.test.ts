/**
 * The four reforms as levers: phasing in, costs charged to GDP, the minimum tax's revenue, civic education
 * raising media literacy through politics' cohorts (after their lag), rebalancing lowering inequality, and finite
 * results for any combination of levers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registry } from '../src/model/engine.js';
import { phaseIn, reforms } from '../src/model/modules/reforms.js';
import { createRng } from '../src/model/rng.js';
import { allocateState } from '../src/model/state.js';
import { data, runBaseline } from './helpers.js';

const LEVERS = ['rebalancing', 'local_voices', 'civic_education', 'multilateralism'] as const;

describe('the four reforms', () => {
  it('phase in linearly from the start year', () => {
    expect(phaseIn(1, 2025, 2026, 5)).toBe(0);
    expect(phaseIn(1, 2026, 2026, 5)).toBeCloseTo(0.2, 12);
    expect(phaseIn(0.5, 2028, 2026, 5)).toBeCloseTo(0.3, 12);
    expect(phaseIn(1, 2040, 2026, 5)).toBe(1);
  });

  it('charge their costs to GDP and report the minimum tax revenue', () => {
    const all = Object.fromEntries(LEVERS.map((l) => [`reforms.${l}`, 1]));
    const params = registry.resolve({ ...all, 'reforms.start_year': 2025, 'reforms.ramp_years': 1 });
    const state = allocateState(3, 2024, {
      country: [...reforms.countryVars!],
      dyad: [],
      global: [...reforms.globalVars!, { name: 'gdp_trillion_usd2015', units: '', description: '' }],
    });
    const ctx = { data, params, rng: createRng(1), eventsIn: () => [], log: () => {}, row: () => {} };
    reforms.init(state, ctx);
    state.global.gdp_trillion_usd2015 = 100;
    const years = 10;
    for (let t = 1; t <= years; t++) reforms.step(state, 2024 + t, ctx);
    const cost =
      params['reforms.rebalancing_cost'] +
      params['reforms.local_voices_cost'] +
      params['reforms.civic_education_cost'] +
      params['reforms.multilateralism_cost'];
    expect([...state.country.reform_cost_fraction]).toEqual([cost, cost, cost]);
    expect(state.global.min_tax_revenue_billion_usd2015).toBeCloseTo(
      100_000 * params['reforms.min_tax_revenue_share'],
      9,
    );
  });

  it('civic education raises media literacy only once taught cohorts come of age, then everywhere', () => {
    const start = 2026;
    const lag = 6;
    const common = {
      'reforms.start_year': start,
      'reforms.ramp_years': 1,
      'politics.civic_education_lag': lag,
    };
    const off = runBaseline(common, 2050);
    const on = runBaseline({ ...common, 'reforms.civic_education': 1 }, 2050);
    const n = data.countries.iso3.length;
    const literacy = (r: typeof on, year: number) =>
      r.country.media_literacy.subarray((year - 2024) * n, (year - 2023) * n);
    // Pupils taught from `start` join the electorate `lag` years later.
    for (let year = 2024; year < start + lag; year++) expect(literacy(on, year)).toEqual(literacy(off, year));
    const later = literacy(on, 2050);
    const before = literacy(off, 2050);
    for (let i = 0; i < n; i++) expect(later[i], data.countries.iso3[i]).toBeGreaterThan(before[i]);
  });

  it('rebalancing lowers inequality by labor.rebalancing_gini in full, a year after it is in force', () => {
    // Without its GDP cost; its other channels (funding the institutions, hence crises) move the Gini by
    // thousandths of a point through GDP.
    const common = { 'reforms.start_year': 2026, 'reforms.ramp_years': 1, 'reforms.rebalancing_cost': 0 };
    const off = runBaseline(common, 2030);
    const on = runBaseline({ ...common, 'reforms.rebalancing': 1 }, 2030);
    const n = data.countries.iso3.length;
    const k = (2027 - 2024) * n;
    const points = registry.resolve()['labor.rebalancing_gini'];
    for (let i = 0; i < n; i++)
      expect(off.country.gini[k + i] - on.country.gini[k + i]).toBeCloseTo(points, 2);
  });

  it('keep every output finite for any combination of levers and start years', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 2025, max: 2060 }),
        (levels, start) => {
          const o = Object.fromEntries(LEVERS.map((l, q) => [`reforms.${l}`, levels[q]]));
          const r = runBaseline({ ...o, 'reforms.start_year': start }, 2070);
          for (const [name, series] of Object.entries(r.global))
            expect(series.every(Number.isFinite), name).toBe(true);
          expect(r.global.governance_capacity.every((g) => g >= 0 && g <= 1)).toBe(true);
          expect(r.global.perceived_institutional_failure.every((g) => g >= 0 && g <= 1)).toBe(true);
        },
      ),
      { numRuns: 15 },
    );
  });
});
