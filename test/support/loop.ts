/**
 * The essay's vicious circle as an experiment: the same world with and without a withdrawal shock (the United
 * States leaves the WHO and the Paris Agreement in 2026, as announced in 2025), over several seeds with common
 * random numbers. The difference shock minus no shock, averaged over 2026-LAST_YEAR and seeds, measures each
 * link of the loop.
 */
import { type RunResult, registry, simulate } from '../../src/model/engine.js';
import type { ScenarioEvent } from '../../src/model/module.js';
import { data, modulesWithout } from '../helpers.js';

export const SHOCK_YEAR = 2026;
export const LAST_YEAR = 2060;
export const SHOCK: readonly ScenarioEvent[] = [
  { year: SHOCK_YEAR, type: 'leave', iso3: 'USA', institution: 'WHO' },
  { year: SHOCK_YEAR, type: 'leave', iso3: 'USA', institution: 'PARIS' },
];

/**
 * Without the security module: wars start from single draws and, once the shocked and the calm world differ,
 * differ wholesale, which would bury the loop's response in noise (with security, 24 seeds establish only
 * local voices' effect).
 */
const LOOP_MODULES = modulesWithout('security');

export function runLoop(seed: number, shock: boolean, overrides: Record<string, number> = {}): RunResult {
  return simulate(data, {
    params: registry.resolve(overrides),
    seed,
    firstYear: data.baseYear,
    lastYear: LAST_YEAR,
    events: shock ? SHOCK : [],
    modules: LOOP_MODULES,
  });
}

/** Means over SHOCK_YEAR..LAST_YEAR of the loop's quantities in one run. */
export interface LoopMeasures {
  readonly healthEffectiveness: number;
  readonly climateEffectiveness: number;
  readonly expectedCrisisLosses: number;
  readonly crisisLosses: number;
  readonly failure: number;
  /** Mean nationalist support over countries. */
  readonly support: number;
  /** Withdrawals beyond the shock's own, summed over the years. */
  readonly withdrawals: number;
  /** Expected withdrawals from the hazards, summed over the years. */
  readonly withdrawalPressure: number;
}

export function measures(r: RunResult): LoopMeasures {
  const k0 = SHOCK_YEAR - r.years[0];
  const span = r.years.length - k0;
  const mean = (xs: Float64Array) => xs.subarray(k0).reduce((a, b) => a + b, 0) / span;
  const total = (xs: Float64Array) => xs.subarray(k0).reduce((a, b) => a + b, 0);
  const n = r.iso3.length;
  if (!r.country.nationalist_support) {
    throw new Error(
      'the politics module must declare nationalist_support with output: true for this experiment',
    );
  }
  const support = r.country.nationalist_support.subarray(k0 * n).reduce((a, b) => a + b, 0) / (span * n);
  const forced = r.tables.events.rows.filter(
    (row) => row[2] === 'leave' && String(row[3]).includes('scenario event'),
  );
  return {
    healthEffectiveness: mean(r.global.health_regime_effectiveness),
    climateEffectiveness: mean(r.global.climate_regime_effectiveness),
    expectedCrisisLosses: mean(r.global.crisis_expected_losses_pct_gdp),
    crisisLosses: mean(r.global.crisis_losses_pct_gdp),
    failure: mean(r.global.perceived_institutional_failure),
    support,
    withdrawals: total(r.global.withdrawals_count) - forced.length,
    withdrawalPressure: total(r.global.withdrawal_pressure),
  };
}

/** Shock minus no shock, one per seed; `inspect` sees each seed's pair of runs. */
export function loopResponses(
  seeds: readonly number[],
  overrides: Record<string, number> = {},
  inspect?: (seed: number, shocked: RunResult, calm: RunResult) => void,
): LoopMeasures[] {
  return seeds.map((seed) => {
    const shocked = runLoop(seed, true, overrides);
    const calm = runLoop(seed, false, overrides);
    inspect?.(seed, shocked, calm);
    const a = measures(shocked);
    const b = measures(calm);
    const d: Record<string, number> = {};
    for (const key of Object.keys(a) as (keyof LoopMeasures)[]) d[key] = a[key] - b[key];
    return d as unknown as LoopMeasures;
  });
}

/** The mean over seeds of per-seed responses. */
export function meanResponse(responses: readonly LoopMeasures[]): LoopMeasures {
  const sums: Record<string, number> = {};
  for (const r of responses) {
    for (const key of Object.keys(r) as (keyof LoopMeasures)[]) {
      sums[key] = (sums[key] ?? 0) + r[key] / responses.length;
    }
  }
  return sums as unknown as LoopMeasures;
}

/**
 * Paired comparison over the same seeds (common random numbers): the mean of on - off for one measure and its
 * standard error. Runs that differ by one withdrawal drift apart, so a reform's effect on a link is only
 * established when it is large against this error.
 */
export function pairedEffect(
  on: readonly LoopMeasures[],
  off: readonly LoopMeasures[],
  key: keyof LoopMeasures,
): { mean: number; se: number } {
  const d = on.map((r, s) => r[key] - off[s][key]);
  const mean = d.reduce((a, b) => a + b, 0) / d.length;
  const variance = d.reduce((a, b) => a + (b - mean) ** 2, 0) / (d.length - 1);
  return { mean, se: Math.sqrt(variance / d.length) };
}
