/**
 * Crises: draws reproducible from the seed, common random numbers across scenarios, damages that grow as the
 * answering institution weakens, and disasters that grow more frequent with warming. Without the politics and
 * security modules, so that a withdrawal event is the only difference between two runs.
 */
import { describe, expect, it } from 'vitest';
import { type RunResult, registry, simulate } from '../src/model/engine.js';
import type { ScenarioEvent } from '../src/model/module.js';
import { severity } from '../src/model/modules/crises.js';
import { data, modulesWithout } from './helpers.js';

/** Crises alone draw refugee crises (security's wars would replace them) and no government acts on its own. */
const MODULES = modulesWithout('politics', 'security');

function run(
  seed: number,
  events: readonly ScenarioEvent[] = [],
  overrides: Record<string, number> = {},
): RunResult {
  return simulate(data, {
    params: registry.resolve(overrides),
    seed,
    firstYear: data.baseYear,
    lastYear: 2100,
    events,
    modules: MODULES,
  });
}
const crisisLines = (r: RunResult) =>
  r.tables.events.rows.filter((row) =>
    /pandemic|financial-crisis|climate-disasters|refugee-crisis/.test(String(row[2])),
  );
const US_OUT_OF_WHO: ScenarioEvent[] = [{ year: 2026, type: 'leave', iso3: 'USA', institution: 'WHO' }];

describe('crisis draws', () => {
  it('are reproducible: the same seed gives the same crises and losses', () => {
    const a = run(7);
    const b = run(7);
    expect(crisisLines(a)).toEqual(crisisLines(b));
    expect(a.global.crisis_losses_pct_gdp).toEqual(b.global.crisis_losses_pct_gdp);
    expect(a.country.crisis_loss_fraction).toEqual(b.country.crisis_loss_fraction);
  });

  it('do not depend on earlier runs (distances are kept per dataset) but do on the dataset', () => {
    // A copy of the data with its own capital columns starts with no distances kept.
    const copy = (lat: (i: number) => number, lon: (i: number) => number) => ({
      ...data,
      countries: {
        ...data.countries,
        capitalLat: data.countries.capitalLat.map((_, i) => lat(i)),
        capitalLon: data.countries.capitalLon.map((_, i) => lon(i)),
      },
    });
    const runOn = (d: typeof data) =>
      simulate(d, {
        params: registry.resolve(),
        seed: 7,
        firstYear: d.baseYear,
        lastYear: 2100,
        modules: MODULES,
      });
    const warm = run(7);
    const cold = runOn(
      copy(
        (i) => data.countries.capitalLat[i],
        (i) => data.countries.capitalLon[i],
      ),
    );
    expect(cold.country.crisis_loss_fraction).toEqual(warm.country.crisis_loss_fraction);
    expect(crisisLines(cold)).toEqual(crisisLines(warm));
    // Every capital on the equator, one degree apart: other hosts, other costs.
    const moved = runOn(
      copy(
        () => 0,
        (i) => i - 97,
      ),
    );
    expect(moved.country.crisis_loss_fraction).not.toEqual(warm.country.crisis_loss_fraction);
  });

  it('depend on the seed', () => {
    expect(crisisLines(run(7))).not.toEqual(crisisLines(run(8)));
  });

  it('are common random numbers: a withdrawal changes how much crises cost, not when they strike', () => {
    const when = (r: RunResult) =>
      crisisLines(r)
        .map((row) => `${row[0]} ${row[1]} ${row[2]}`)
        .filter((l) => !l.includes('climate'));
    for (const seed of [1, 2, 3]) expect(when(run(seed, US_OUT_OF_WHO))).toEqual(when(run(seed)));
  });
});

describe('crisis damages', () => {
  it('start at their base-year expectation: no excess loss in the base year', () => {
    const r = run(1);
    const n = r.iso3.length;
    expect(r.country.crisis_loss_fraction.subarray(0, n).every((x) => x === 0)).toBe(true);
    expect(r.global.crisis_losses_pct_gdp[0]).toBeCloseTo(r.global.crisis_expected_losses_pct_gdp[0], 12);
  });

  it('use severities with mean 1 (log-uniform)', () => {
    for (const ratio of [3, 10, 30]) {
      const steps = 100_000;
      let mean = 0;
      for (let k = 0; k < steps; k++) mean += severity((k + 0.5) / steps, ratio) / steps;
      expect(mean).toBeCloseTo(1, 6);
      expect(severity(1, ratio) / severity(0, ratio)).toBeCloseTo(ratio, 9);
    }
  });

  it('are larger for the same pandemic when the WHO is weaker, above all for the state that left', () => {
    let compared = 0;
    const i = data.countries.iso3.indexOf('USA');
    const j = data.countries.iso3.indexOf('DEU');
    const n = data.countries.iso3.length;
    for (let seed = 1; seed <= 40 && compared < 3; seed++) {
      const calm = run(seed);
      const year = calm.tables.events.rows.find(
        (row) => row[2] === 'pandemic' && (row[0] as number) > 2030,
      )?.[0];
      if (year === undefined) continue;
      const shocked = run(seed, US_OUT_OF_WHO);
      const k = (year as number) - 2024;
      const rise = (c: number) =>
        shocked.country.crisis_loss_fraction[k * n + c] - calm.country.crisis_loss_fraction[k * n + c];
      expect(rise(j)).toBeGreaterThan(0);
      expect(rise(i)).toBeGreaterThan(rise(j));
      expect(shocked.global.pandemic_deaths_thousand[k]).toBeGreaterThan(
        calm.global.pandemic_deaths_thousand[k],
      );
      compared++;
    }
    expect(compared).toBe(3);
  });

  it('strike more often with more warming: never fewer disaster-hit countries in a year, more in all', () => {
    const hits = (r: RunResult) =>
      r.years.map((y) => {
        const row = r.tables.events.rows.find((x) => x[0] === y && x[2] === 'climate-disasters');
        return row ? Number(/^(\d+) countries hit/.exec(String(row[3]))![1]) : 0;
      });
    const cool = hits(run(3, [], { 'climate.ecs': 2, 'climate.tcr': 1.2 }));
    const hot = hits(run(3, [], { 'climate.ecs': 5, 'climate.tcr': 2.4 }));
    hot.forEach((h, k) => {
      expect(h).toBeGreaterThanOrEqual(cool[k]);
    });
    expect(hot.reduce((a, b) => a + b, 0)).toBeGreaterThan(cool.reduce((a, b) => a + b, 0));
  });
});
