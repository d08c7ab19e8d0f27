/**
 * A shard: a slice of an ensemble's runs, the unit of work a worker thread or a queue worker takes. It
 * carries everything a run needs except the shipped data (each worker has its own copy, checked by
 * version), and comes back as one Float64Array of the runs' global series.
 */
import { GLOBAL_OUTPUTS, simulate } from '../model/engine.js';
import type { ScenarioEvent } from '../model/module.js';
import type { Params } from '../model/registry.js';
import type { WorldData } from '../model/world-data.js';

export interface RunSpec {
  /** Index in the ensemble, from 0. */
  readonly run: number;
  readonly seed: number;
  /** The sampled parameters' values; the rest come from the shard's `base`. */
  readonly set: Readonly<Record<string, number>>;
}

export interface Shard {
  readonly firstYear: number;
  readonly lastYear: number;
  readonly events: readonly ScenarioEvent[];
  /** Every parameter's value before the run's own draws. */
  readonly base: Params;
  readonly runs: readonly RunSpec[];
}

/** Values per run in a shard's result: every global output, every year. */
export function valuesPerRun(firstYear: number, lastYear: number): number {
  return GLOBAL_OUTPUTS.length * (lastYear - firstYear + 1);
}

/**
 * Runs the shard. The result is run-major, then output (GLOBAL_OUTPUTS order), then year:
 * [(r * outputs + o) * years + k].
 */
export function runShard(data: WorldData, shard: Shard): Float64Array {
  const years = shard.lastYear - shard.firstYear + 1;
  const out = new Float64Array(shard.runs.length * valuesPerRun(shard.firstYear, shard.lastYear));
  shard.runs.forEach((spec, r) => {
    const result = simulate(data, {
      params: { ...shard.base, ...spec.set },
      seed: spec.seed,
      firstYear: shard.firstYear,
      lastYear: shard.lastYear,
      events: shard.events,
      countrySeries: false,
    });
    GLOBAL_OUTPUTS.forEach((v, o) => {
      out.set(result.global[v.name], (r * GLOBAL_OUTPUTS.length + o) * years);
    });
  });
  return out;
}

/** Splits runs into shards of at most `size` runs, in order. */
export function shardsOf(runs: readonly RunSpec[], size: number, common: Omit<Shard, 'runs'>): Shard[] {
  const shards: Shard[] = [];
  for (let k = 0; k < runs.length; k += size) shards.push({ ...common, runs: runs.slice(k, k + size) });
  return shards;
}
