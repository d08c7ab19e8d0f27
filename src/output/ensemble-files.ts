/** ensemble.json: everything needed to repeat an ensemble, and what its files hold. No timestamps. */
import { ORDER_CONSTRAINTS } from '../ensemble/constraints.js';
import type { SamplingPlan } from '../ensemble/plan.js';
import { GLOBAL_OUTPUTS } from '../model/engine.js';
import type { WorldData } from '../model/world-data.js';
import type { CheckedScenario } from '../scenario/load.js';
import { CODE_VERSION } from '../version.js';

export interface EnsembleRecord {
  readonly scenario: CheckedScenario;
  readonly scenarioFile: string;
  readonly seed: number;
  readonly runs: number;
  readonly plan: SamplingPlan;
  readonly overrides: Readonly<Record<string, number>>;
  readonly data: WorldData;
}

export function ensembleRecord(rec: EnsembleRecord): string {
  const active = new Set(rec.plan.constraints);
  const sampled = new Set(rec.plan.sampled.map((d) => d.id));
  return `${JSON.stringify(
    {
      model: 'worldorder',
      code_version: CODE_VERSION,
      data_version: rec.data.version,
      base_year: rec.data.baseYear,
      scenario: { name: rec.scenario.name, description: rec.scenario.description, file: rec.scenarioFile },
      seed: rec.seed,
      runs: rec.runs,
      first_year: rec.scenario.first_year,
      last_year: rec.scenario.last_year,
      overrides: rec.overrides,
      events: rec.scenario.events,
      sampling: {
        design: 'Latin hypercube (McKay, Beckman and Conover 1979) over the parameters below',
        run_seed: 'runSeed(seed, run) in src/ensemble/plan.ts: a hash of the ensemble seed and the run index',
        not_sampled:
          "fixed parameters, scenario levers, and parameters set by the scenario or --set: their values are in 'parameters'",
        constraints: ORDER_CONSTRAINTS.filter((c) => active.has(c)).map((c) => ({
          rule: `${c.lower} < ${c.upper}: ${c.lower} is drawn from its distribution truncated below ${c.upper}`,
          why: c.why,
        })),
        sampled: rec.plan.sampled.map((d) => ({
          id: d.id,
          distribution: d.distribution,
          min: d.min,
          max: d.max,
          mode: d.distribution === 'triangular' ? d.default : undefined,
          units: d.units,
        })),
      },
      parameters: Object.fromEntries(Object.entries(rec.plan.base).filter(([id]) => !sampled.has(id))),
      files: {
        'runs.parquet': 'one row a run: run, seed, and a column per sampled parameter (named by its id)',
        'series.parquet': 'one row a run and year: run, year and every global output (as in global.csv)',
        'summary.csv': 'per global output and year: the 5, 25, 50, 75 and 95 % quantiles over the runs',
      },
      columns: Object.fromEntries(GLOBAL_OUTPUTS.map((v) => [v.name, `${v.description} (${v.units})`])),
    },
    null,
    2,
  )}\n`;
}
