/**
 * The scenario library (issue 7): baseline, retreat, fractured-blocs, renewal and balanced-globalization run
 * on the full model and show different futures on the headline indicators (src/output/consequences.ts).
 * Each expectation is a direction the scenario's mechanisms imply, with a floor well below the size measured
 * when the library was written, so a change that removes a mechanism's effect fails here. Outputs are means
 * over four seeds: one war or election that differs makes single runs drift apart (docs/model, Stochasticity).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadWorldData } from '../src/data/load.js';
import { type RunResult, simulate } from '../src/model/engine.js';
import { headlineIndicators } from '../src/output/consequences.js';
import { loadScenario, shippedScenarios } from '../src/scenario/load.js';
import { runOptions } from '../src/scenario/run-options.js';

const LIBRARY = ['baseline', 'retreat', 'fractured-blocs', 'renewal', 'balanced-globalization'] as const;
type Name = (typeof LIBRARY)[number];

const data = loadWorldData();
const SEEDS = 4;
const runs = {} as Record<Name, RunResult[]>;

/** A global output of a scenario in a year, the mean over the seeds. */
const at = (name: Name, output: string, year: number) =>
  runs[name].reduce((sum, r) => sum + r.global[output][year - r.years[0]], 0) / runs[name].length;
/** Scenario minus baseline. */
const diff = (name: Name, output: string, year = 2100) =>
  at(name, output, year) - at('baseline', output, year);

beforeAll(() => {
  for (const name of LIBRARY) {
    const { scenario } = loadScenario(name, data);
    runs[name] = Array.from({ length: SEEDS }, (_, k) =>
      simulate(data, runOptions({ scenario, seed: scenario.seed + k })),
    );
  }
}, 120_000);

describe('the scenario library', () => {
  it('ships the five scenarios', () => {
    expect(shippedScenarios()).toEqual(expect.arrayContaining([...LIBRARY]));
  });

  it('retreat: less internationalism and governance, more nationalism, less trade, more warming', () => {
    for (const year of [2050, 2100]) {
      expect(diff('retreat', 'internationalism_index', year)).toBeLessThan(-0.05);
      expect(diff('retreat', 'governance_capacity', year)).toBeLessThan(-0.03);
      expect(diff('retreat', 'mean_nationalist_support', year)).toBeGreaterThan(0.03);
      expect(diff('retreat', 'world_trade_pct_gdp', year)).toBeLessThan(-1);
      expect(diff('retreat', 'trade_welfare_change_pct', year)).toBeLessThan(-0.1);
    }
    expect(diff('retreat', 'temperature_anomaly_k')).toBeGreaterThan(0.02);
    // Not world GDP: by 2050 the seeds' wars move it by a few per cent, more than the retreat's trade losses.
  });

  it('fractured-blocs: trade between the blocs falls, and with it world trade and welfare', () => {
    for (const year of [2030, 2050, 2100]) {
      expect(diff('fractured-blocs', 'world_trade_pct_gdp', year)).toBeLessThan(-3);
      expect(diff('fractured-blocs', 'trade_welfare_change_pct', year)).toBeLessThan(-0.4);
    }
    // The trade losses show in world GDP at first; later, wars and elections that differ between runs are larger.
    expect(diff('fractured-blocs', 'gdp_trillion_usd2015', 2030)).toBeLessThan(0);
  });

  it('renewal: stronger governance, fewer crisis losses, less warming', () => {
    for (const year of [2050, 2100]) {
      expect(diff('renewal', 'governance_capacity', year)).toBeGreaterThan(0.1);
      expect(diff('renewal', 'crisis_expected_losses_pct_gdp', year)).toBeLessThan(0);
      expect(diff('renewal', 'co2_fossil_gtco2', year)).toBeLessThan(-3);
    }
    expect(diff('renewal', 'temperature_anomaly_k')).toBeLessThan(-0.08);
    expect(diff('renewal', 'internationalism_index')).toBeGreaterThan(0);
  });

  it('balanced-globalization: fewer displaced workers, stronger governance, more GDP, open markets', () => {
    for (const year of [2050, 2100]) {
      expect(at('balanced-globalization', 'displaced_workers_million', year)).toBeLessThan(
        0.5 * at('baseline', 'displaced_workers_million', year),
      );
      expect(diff('balanced-globalization', 'governance_capacity', year)).toBeGreaterThan(0.03);
      expect(diff('balanced-globalization', 'world_trade_pct_gdp', year)).toBeGreaterThanOrEqual(0);
    }
    expect(diff('balanced-globalization', 'gdp_trillion_usd2015')).toBeGreaterThan(0);
  });

  it('every two scenarios differ visibly on the headline indicators', () => {
    // Largest difference over the headline indicators in 2050 and 2100, relative to the baseline's value.
    const distance = (a: Name, b: Name) =>
      Math.max(
        ...headlineIndicators().flatMap((h) =>
          [2050, 2100].map(
            (y) =>
              Math.abs(at(a, h.name, y) - at(b, h.name, y)) /
              Math.max(Math.abs(at('baseline', h.name, y)), 1e-9),
          ),
        ),
      );
    for (const [i, a] of LIBRARY.entries()) {
      for (const b of LIBRARY.slice(i + 1)) expect(distance(a, b), `${a} against ${b}`).toBeGreaterThan(0.05);
    }
  });
});
