/**
 * The climate club against Nordhaus (2015), qualitatively: without a penalty tariff only a small coalition (here
 * none) holds; with a modest tariff a large coalition holds at a moderate carbon price; higher prices need higher
 * tariffs. Plus the payoff's analytic properties, the stability of the equilibria found, and the club inside a run.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  abatementAtPrice,
  abatementCostPerTon,
  byGdpDescending,
  type ClubEconomy,
  clubEquilibrium,
  clubOutcomes,
  identity,
  joinGain,
} from '../src/model/cooperation/club.js';
import { registry } from '../src/model/engine.js';
import { data, runBaseline } from './helpers.js';

const p = registry.resolve();
const base = {
  scc: p['cooperation.scc_usd_per_tco2'],
  backstop: p['cooperation.backstop_usd_per_tco2'],
  exponent: p['cooperation.cost_exponent'],
  incidence: p['cooperation.tariff_incidence'],
};
const economy: ClubEconomy = {
  gdp: data.base.gdp_billion_usd2015,
  emissions: data.base.co2_fossil_mtco2,
  exportsShare: data.institutions.exportsPctGdp.map((x) => x / 100),
};
const world = data.base.gdp_billion_usd2015.reduce((a, b) => a + b, 0);
const n = economy.gdp.length;

describe('the abatement cost curve (DICE-2023)', () => {
  it('has marginal cost equal to the price at mu(price)', () => {
    for (const price of [10, 50, 200]) {
      const mu = abatementAtPrice(price, base.backstop, base.exponent);
      const h = 1e-6;
      const marginal =
        (abatementCostPerTon(mu + h, base.backstop, base.exponent) -
          abatementCostPerTon(mu - h, base.backstop, base.exponent)) /
        (2 * h);
      expect(marginal / price).toBeCloseTo(1, 6);
    }
    expect(abatementAtPrice(base.backstop, base.backstop, base.exponent)).toBe(1);
  });
});

describe('the payoff of joining', () => {
  const country = fc.integer({ min: 0, max: n - 1 });
  it("without a tariff is never positive once the club price is at least the country's own price", () => {
    fc.assert(
      fc.property(
        country,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 20, noNaN: true }),
        (i, club, above) => {
          const own = (base.scc * economy.gdp[i]) / world;
          const t = { ...base, price: own * above, tariff: 0 };
          expect(joinGain(i, club * (world - economy.gdp[i]), economy, t, world)).toBeLessThanOrEqual(1e-9);
        },
      ),
    );
  });
  it('rises linearly with the tariff and with the size of the club', () => {
    fc.assert(
      fc.property(
        country,
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (i, tariff, club) => {
          const others = club * (world - economy.gdp[i]);
          const g = (tau: number, c: number) =>
            joinGain(i, c, economy, { ...base, price: 50, tariff: tau }, world);
          const slope =
            base.incidence * economy.exportsShare[i] * economy.gdp[i] * (others / (world - economy.gdp[i]));
          expect(g(tariff, others) - g(0, others)).toBeCloseTo(tariff * slope, 6);
          expect(g(tariff, others)).toBeLessThanOrEqual(g(tariff, world - economy.gdp[i]) + 1e-9);
        },
      ),
    );
  });
});

describe('stable clubs (Nordhaus 2015)', () => {
  const prices = [12.5, 25, 50, 100];
  const tariffs = [0, 0.01, 0.02, 0.03, 0.05, 0.1, 0.2];
  const outcomes = clubOutcomes(economy, base, prices, tariffs);
  const at = (price: number, tariff: number) =>
    outcomes.find((o) => o.price === price && o.tariff === tariff)!;
  const threshold = (price: number) =>
    tariffs.find((t) => at(price, t).fromAll.emissionsShare >= 0.9) ?? Number.POSITIVE_INFINITY;

  it('without a tariff, only a small coalition holds at any target price', () => {
    for (const price of prices) expect(at(price, 0).fromAll.emissionsShare).toBeLessThan(0.1);
  });

  it('with a modest tariff (5 % or less) a large coalition holds at moderate prices (25 and 50 USD/t)', () => {
    expect(threshold(25)).toBeLessThanOrEqual(0.05);
    expect(threshold(50)).toBeLessThanOrEqual(0.05);
  });

  it('needs a higher tariff the higher the price', () => {
    const ts = prices.map(threshold);
    expect(ts).toEqual([...ts].sort((a, b) => a - b));
    expect(threshold(100)).toBeGreaterThan(threshold(25));
  });

  it('does not grow from nothing: the tariff has no bite while the club is empty', () => {
    for (const o of outcomes) expect(o.fromNone.members).toBe(0);
  });

  it('finds equilibria no member would leave and no outsider would join', () => {
    const t = { ...base, price: 50, tariff: 0.05 };
    const m = clubEquilibrium(new Uint8Array(n).fill(1), economy, t);
    let clubGdp = 0;
    for (let i = 0; i < n; i++) clubGdp += m[i] * economy.gdp[i];
    for (let i = 0; i < n; i++) {
      const gain = joinGain(i, clubGdp - m[i] * economy.gdp[i], economy, t, world);
      if (m[i]) expect(gain).toBeGreaterThan(0);
      else expect(gain).toBeLessThanOrEqual(0);
    }
  });
});

describe('the club in a run (cooperation module)', () => {
  const club = (tariff: number) =>
    runBaseline({ 'cooperation.club_price_usd_per_tco2': 50, 'cooperation.club_tariff_pct': tariff }, 2060);
  const none = runBaseline({}, 2060);
  const k = (year: number) => year - data.baseYear;

  it('holds a large club with a 5 % tariff and cuts emissions below the baseline', () => {
    const r = club(5);
    // Nationalist-populist governments never join (about a third of world GDP in these years), so the
    // club holds most, not nearly all, of the world's emissions.
    expect(r.global.climate_club_emissions_share[k(2030)]).toBeGreaterThan(0.5);
    expect(r.global.climate_club_emissions_share[k(2060)]).toBeGreaterThan(0.5);
    expect(r.global.co2_fossil_gtco2[k(2060)]).toBeLessThan(none.global.co2_fossil_gtco2[k(2060)]);
  });

  it('unravels without a tariff', () => {
    const r = club(0);
    expect(r.global.climate_club_emissions_share[k(2030)]).toBeLessThan(0.1);
    expect(r.tables.events.rows.filter((row) => row[2] === 'climate-club-leave').length).toBeGreaterThan(100);
  });
});

describe('the order of best responses', () => {
  it('is the stable sort by GDP, largest first, from any starting permutation (ties by index)', () => {
    fc.assert(
      fc.property(
        // Few distinct values, so that ties are common.
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 40 }),
        fc.integer(),
        (values, seed) => {
          const n = values.length;
          const expected = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[b] - values[a]);
          const fromIdentity = identity(n);
          byGdpDescending(fromIdentity, values);
          expect(Array.from(fromIdentity)).toEqual(expected);
          // From a shuffled start (as last year's order is, once GDP ranks have moved).
          const shuffled = identity(n);
          for (let q = n - 1; q > 0; q--) {
            const r = Math.abs(seed + q * 7919) % (q + 1);
            [shuffled[q], shuffled[r]] = [shuffled[r], shuffled[q]];
          }
          byGdpDescending(shuffled, values);
          expect(Array.from(shuffled)).toEqual(expected);
        },
      ),
    );
  });
});
