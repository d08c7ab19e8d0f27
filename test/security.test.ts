/**
 * The security module: the hazard kernel against the model's equation, the effect of each Kantian variable
 * by the shipped coefficients, the onset sampler, wars and their consequences (refugees in neighbours, GDP),
 * and the base year against the data.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registry, simulate } from '../src/model/engine.js';
import type { Context, ScenarioEvent } from '../src/model/module.js';
import { MODULES } from '../src/model/modules/index.js';
import { HAZARD_TERMS } from '../src/model/modules/security.js';
import { createRng } from '../src/model/rng.js';
import { DyadHazards, type HazardModel } from '../src/model/security/hazard.js';
import { pairIndex, pairMembers } from '../src/model/security/pairs.js';
import { refugeeYear } from '../src/model/security/refugees.js';
import { allocateState, type WorldState } from '../src/model/state.js';
import { data } from './helpers.js';

const params = registry.resolve();
const n = data.countries.iso3.length;
const at = (iso: string) => data.countries.iso3.indexOf(iso);
const logit = (p: number) => Math.log(p / (1 - p));
const coef = (term: string) => params[`security.coef_${term}`];

/** Every module initialised for the base year, as the engine does it. */
function baseState(): WorldState {
  const state = allocateState(n, data.baseYear, {
    country: MODULES.flatMap((m) => m.countryVars ?? []),
    dyad: MODULES.flatMap((m) => m.dyadVars ?? []),
    global: MODULES.flatMap((m) => m.globalVars ?? []),
  });
  const ctx: Context = { data, params, rng: createRng(1), eventsIn: () => [], log: () => {}, row: () => {} };
  for (const m of MODULES) m.init(state, ctx);
  return state;
}

interface Internal {
  dyads: DyadHazards;
  model: HazardModel;
  terms: {
    democracy: Float64Array;
    logCapability: Float64Array;
    tradeScale: Float64Array;
    inverseGdp: Float64Array;
    nationalismRise: Float64Array;
  };
}

function recompute(state: WorldState): Float64Array {
  const s = state.internal.security as Internal;
  s.dyads.compute(s.model, s.terms, state.dyad.joint_igo_memberships, state.dyad.defence_pact, data.baseYear);
  return Float64Array.from(s.dyads.hazard);
}

describe('the dispute hazard', () => {
  it('is the estimated logit, term by term, for every pair in the base year', () => {
    const state = baseState();
    const h = (state.internal.security as Internal).dyads.hazard;
    const sd = data.security;
    const cap = sd.model.peaceYearsMax;
    let worst = 0;
    for (let k = 0; k < h.length; k++) {
      const [i, j] = pairMembers(n, k);
      const [di, dj] = [sd.countries.democracy[i], sd.countries.democracy[j]];
      const t = Math.min(Math.max(data.baseYear - 1 - sd.pairs.lastDisputeYear[k], 0), cap);
      const dependence =
        sd.pairs.tradeMusd[k] / Math.max(sd.countries.nominalGdpMusd[i], sd.countries.nominalGdpMusd[j]);
      const eta =
        coef('intercept') +
        coef('democracy_low') * Math.min(di, dj) +
        coef('democracy_high') * Math.max(di, dj) +
        coef('dependence_low') * dependence +
        coef('joint_igos') * sd.pairs.jointIgos[k] +
        coef('alliance') * sd.pairs.alliance[k] +
        coef('contiguity') * ([1, 2, 3, 4].includes(sd.pairs.contiguity[k]) ? 1 : 0) +
        coef('log_distance') * sd.pairs.logDistance[k] +
        coef('log_capability_ratio') *
          Math.abs(Math.log(sd.countries.capability[i] / sd.countries.capability[j])) +
        coef('major_power') * Math.max(sd.countries.majorPower[i], sd.countries.majorPower[j]) +
        coef('peace_years') * t +
        coef('peace_years_sq') * t * t +
        coef('peace_years_cube') * t ** 3;
      worst = Math.max(worst, Math.abs(logit(h[k]) - eta));
    }
    expect(worst).toBeLessThan(1e-9);
  });

  it('falls by the shipped coefficients when the lower democracy or the dependence of a pair rises', () => {
    const state = baseState();
    const s = state.internal.security as Internal;
    const [i, j] = [at('IND'), at('PAK')];
    const k = pairIndex(n, i, j);
    const before = recompute(state);
    const d = s.terms.democracy;
    const [lower, higher] = d[i] < d[j] ? [i, j] : [j, i];
    const step = 0.5 * (d[higher] - d[lower]);
    d[lower] += step;
    const afterDemocracy = recompute(state);
    expect(logit(afterDemocracy[k]) - logit(before[k])).toBeCloseTo(coef('democracy_low') * step, 10);
    expect(afterDemocracy[k]).toBeLessThan(before[k]);
    d[lower] -= step;

    // Double the pair's trade: dependence rises by its base value T / max(Y_i, Y_j).
    const sd = data.security;
    const dependence =
      sd.pairs.tradeMusd[k] / Math.max(sd.countries.nominalGdpMusd[i], sd.countries.nominalGdpMusd[j]);
    expect(dependence).toBeGreaterThan(0);
    s.dyads.setTradeKept(k, 2);
    const afterTrade = recompute(state);
    expect(logit(afterTrade[k]) - logit(before[k])).toBeCloseTo(coef('dependence_low') * dependence, 10);
    expect(afterTrade[k]).toBeLessThan(before[k]);
  });

  it('moves by the shipped coefficient per joint IGO membership (which these data estimate as positive)', () => {
    const state = baseState();
    const [i, j] = [at('CHN'), at('JPN')];
    const k = pairIndex(n, i, j);
    const before = recompute(state);
    state.dyad.joint_igo_memberships[i * n + j] += 3;
    const after = recompute(state);
    expect(logit(after[k]) - logit(before[k])).toBeCloseTo(3 * coef('joint_igos'), 10);
    // The direction is the estimate's: Kantian theory says down, the 1946-2000 MID data say up.
    expect(Math.sign(after[k] - before[k])).toBe(Math.sign(coef('joint_igos')));
  });

  it('reads defence pacts from the state, which a scenario can end', () => {
    const state = baseState();
    const [usa, gbr] = [at('USA'), at('GBR')];
    const k = pairIndex(n, usa, gbr);
    expect(state.dyad.defence_pact[usa * n + gbr]).toBe(1);
    const before = recompute(state);
    const r = simulate(data, {
      params,
      seed: 1,
      firstYear: 2025,
      lastYear: 2026,
      events: [{ year: 2026, type: 'defence_pact', country: 'USA', partner: '*', in_force: false }],
    });
    const ended = r.tables.events.rows.filter((row) => row[2] === 'defence pact');
    expect(ended.length).toBe(
      data.security.pairs.alliance.filter(
        (_, kk) => pairMembers(n, kk).includes(usa) && data.security.pairs.alliance[kk] === 1,
      ).length,
    );
    state.dyad.defence_pact[usa * n + gbr] = 0;
    state.dyad.defence_pact[gbr * n + usa] = 0;
    const after = recompute(state);
    expect(logit(after[k]) - logit(before[k])).toBeCloseTo(-coef('alliance'), 10);
  });

  it('uses coefficients equal to the shipped estimates (to the 4 digits of the registry)', () => {
    for (const term of HAZARD_TERMS) {
      const estimate = data.security.model.coefficients[term];
      expect(Math.abs(coef(term) - estimate), term).toBeLessThanOrEqual(5e-4 * Math.abs(estimate));
      const def = registry.get(`security.coef_${term}`)!;
      if (def.distribution !== 'fixed') {
        const se = data.security.model.stdErrors[term];
        expect(Math.abs(def.max - def.min - 4 * se), term).toBeLessThan(1e-3 * se + 1e-3 * Math.abs(def.max));
      }
    }
    const rates = data.security.model.baseRates;
    expect(params['security.escalation_probability']).toBeCloseTo(rates.escalation.value, 4);
    expect(params['security.war_continuation']).toBeCloseTo(rates.warContinuation.value, 4);
    expect(params['security.ally_join_probability']).toBeCloseTo(rates.allyJoining.value, 4);
  });

  it('draws onsets with each pair’s own probability, independently', () => {
    const m = 6;
    const etas = Float64Array.from({ length: (m * (m - 1)) / 2 }, (_, k) => -4 + 0.5 * k);
    const dyads = new DyadHazards(
      m,
      etas,
      new Float64Array(etas.length),
      new Array(etas.length).fill(1900),
      Float64Array.of(0),
    );
    const zero = new Float64Array(m);
    const terms = {
      democracy: zero,
      logCapability: zero,
      tradeScale: zero,
      inverseGdp: zero,
      nationalismRise: zero,
    };
    const model = {
      democracyLow: 0,
      democracyHigh: 0,
      dependenceLow: 0,
      jointIgos: 0,
      alliance: 0,
      logCapabilityRatio: 0,
      jointNationalism: 0,
    };
    const rng = createRng(99);
    const draws = 20000;
    const hits = new Float64Array(etas.length);
    let pairsTogether = 0; // onsets of pairs 13 and 14 in the same year, to check independence
    for (let r = 0; r < draws; r++) {
      dyads.compute(model, terms, new Float64Array(m * m), new Float64Array(m * m), 2000, rng);
      const drawn = new Set(dyads.onsets.subarray(0, dyads.onsetCount));
      for (const k of drawn) hits[k]++;
      if (drawn.has(13) && drawn.has(14)) pairsTogether++;
    }
    const p = dyads.hazard;
    for (let k = 0; k < etas.length; k++) {
      const sd = Math.sqrt((p[k] * (1 - p[k])) / draws);
      expect(Math.abs(hits[k] / draws - p[k]), `pair ${k}`).toBeLessThan(4.5 * sd);
    }
    const both = p[13] * p[14];
    expect(Math.abs(pairsTogether / draws - both)).toBeLessThan(4.5 * Math.sqrt((both * (1 - both)) / draws));
  });
});

describe('wars and their consequences', () => {
  const base = { params, seed: 3, firstYear: data.baseYear, lastYear: 2035 };
  const war: ScenarioEvent = { year: 2030, type: 'war', country: 'IND', against: 'PAK' };
  const quiet = simulate(data, base);
  const fought = simulate(data, { ...base, events: [war] });
  const year = (r: typeof quiet, y: number) => y - r.years[0];
  const country = (r: typeof quiet, name: string, iso: string, y: number) =>
    r.country[name][year(r, y) * n + at(iso)];

  it('a war sends refugees to the weaker side’s neighbours that are not fighting', () => {
    expect(country(fought, 'at_war', 'PAK', 2030)).toBe(1);
    expect(country(fought, 'at_war', 'IND', 2030)).toBe(1);
    for (const neighbour of ['AFG', 'IRN']) {
      expect(country(fought, 'refugee_inflow_thousand', neighbour, 2030)).toBeGreaterThan(
        country(quiet, 'refugee_inflow_thousand', neighbour, 2030) + 100,
      );
    }
    // India, at war with Pakistan, takes none of them.
    expect(country(fought, 'refugee_inflow_thousand', 'IND', 2030)).toBeLessThanOrEqual(
      country(quiet, 'refugee_inflow_thousand', 'IND', 2030),
    );
    expect(fought.tables.events.rows.some((r) => r[0] === 2030 && r[1] === 'IND' && r[2] === 'war')).toBe(
      true,
    );
  });

  it('a war costs the belligerents GDP and lives', () => {
    expect(country(fought, 'gdp_billion_usd2015', 'PAK', 2032)).toBeLessThan(
      country(quiet, 'gdp_billion_usd2015', 'PAK', 2032),
    );
    expect(fought.global.battle_deaths_thousand[year(fought, 2030)]).toBeGreaterThan(
      quiet.global.battle_deaths_thousand[year(quiet, 2030)],
    );
    // Nothing differs before the war.
    expect(fought.global.expected_disputes[year(fought, 2029)]).toBe(
      quiet.global.expected_disputes[year(quiet, 2029)],
    );
  });

  it('refugee flows conserve people and never take more people from a state than it has', () => {
    fc.assert(
      fc.property(
        // Which states are war sites in each of 12 years (wars move, so hosts become sites), and populations.
        fc.array(fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), { minLength: 12, maxLength: 12 }),
        fc.array(fc.double({ min: 0.1, max: 100, noNaN: true }), { minLength: 6, maxLength: 6 }),
        (years, pop0) => {
          const m = 6;
          const pop = Float64Array.from(pop0);
          const stocks = { abroad: new Float64Array(m), hosted: new Float64Array(m) };
          const inflow = new Float64Array(m);
          const net = new Float64Array(m);
          const ring = Array.from({ length: m }, (_, i) => Int32Array.of((i + 1) % m, (i + m - 1) % m));
          const total = () => pop.reduce((a, b) => a + b, 0);
          const before = total();
          years.forEach((sites, y) => {
            const peace = y >= 8;
            const site = peace ? new Uint8Array(m) : Uint8Array.from(sites, Number);
            refugeeYear(
              {
                site,
                atWar: site,
                fighting: (a, b) => site[a] === 1 && site[b] === 1,
                population: pop,
                gdp: pop,
                landNeighbours: ring,
                nearNeighbours: ring,
                outflowShare: 0.3,
                neighbourShare: 0.7,
                returnRate: 0.5,
              },
              stocks,
              inflow,
              net,
            );
            expect(Math.abs(net.reduce((a, b) => a + b, 0))).toBeLessThan(1e-9);
            const abroad = stocks.abroad.reduce((a, b) => a + b, 0);
            expect(stocks.hosted.reduce((a, b) => a + b, 0)).toBeCloseTo(abroad, 9);
            for (let i = 0; i < m; i++) {
              pop[i] += net[i] / 1000;
              expect(pop[i]).toBeGreaterThan(0);
              expect(stocks.hosted[i]).toBeLessThanOrEqual(pop[i] * 1000 * (1 + 1e-12));
            }
          });
          expect(total()).toBeCloseTo(before, 9);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('the base year', () => {
  const r = simulate(data, { params, seed: 1, firstYear: data.baseYear, lastYear: data.baseYear });

  it('starts with the war going on in 2024 and an expected number of disputes near the recent record', () => {
    expect(r.country.at_war[at('RUS')]).toBe(1);
    expect(r.country.at_war[at('UKR')]).toBe(1);
    expect(r.country.at_war.reduce((a, b) => a + b, 0)).toBe(2);
    expect(r.global.wars_ongoing[0]).toBe(1);
    const ratio = r.global.expected_disputes[0] / data.security.observedOnsetsPerYear;
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(1.5);
  });

  it('writes a hotspot row per region, with disputes within the world total and probabilities in [0, 1]', () => {
    const rows = r.tables.hotspots.rows;
    expect(rows.map((row) => row[1])).toEqual(data.security.hotspots.map((h) => h.region));
    for (const [, , disputes, p] of rows) {
      expect(disputes as number).toBeGreaterThan(0);
      expect(disputes as number).toBeLessThan(r.global.expected_disputes[0]);
      expect(p as number).toBeGreaterThan(0);
      expect(p as number).toBeLessThan(1);
    }
  });

  it('puts democracy at the V-Dem values and the population-weighted mean in between', () => {
    expect(Array.from(r.country.democracy)).toEqual(data.security.countries.democracy);
    const pop = r.country.population_million;
    const weighted =
      r.country.democracy.reduce((a, d, i) => a + d * pop[i], 0) / pop.reduce((a, b) => a + b, 0);
    expect(r.global.population_weighted_democracy[0]).toBeCloseTo(weighted, 12);
  });
});
