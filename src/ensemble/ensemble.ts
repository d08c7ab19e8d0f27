/**
 * A Monte Carlo ensemble of one scenario: Latin-hypercube draws of the uncertain parameters, one seed per
 * run derived from the ensemble seed and the run index, the runs computed in shards by an executor (threads
 * or a queue) and joined in run order. Everything a run depends on is fixed before any work is handed out,
 * so the result does not depend on the number of workers or machines.
 */
import { createRng } from '../model/rng.js';
import type { CheckedScenario } from '../scenario/load.js';
import type { Executor } from './executor.js';
import { latinHypercube } from './lhs.js';
import { runSeed, type SamplingPlan } from './plan.js';
import { type EnsembleSeries, joinShards } from './series.js';
import { type RunSpec, type Shard, shardsOf } from './shard.js';

/** The runs of an ensemble of `n` with seed `seed`: Latin-hypercube draws over the plan's parameters. */
export function ensembleRuns(plan: SamplingPlan, n: number, seed: number): RunSpec[] {
  const d = plan.sampled.length;
  const u = latinHypercube(n, d, createRng(seed));
  return Array.from({ length: n }, (_, run) => ({
    run,
    seed: runSeed(seed, run),
    set: plan.values(u.subarray(run * d, (run + 1) * d)),
  }));
}

/** What every shard of a scenario shares. */
export function shardCommon(scenario: CheckedScenario, plan: SamplingPlan): Omit<Shard, 'runs'> {
  return {
    firstYear: scenario.first_year,
    lastYear: scenario.last_year,
    events: scenario.events,
    base: plan.base,
  };
}

/** Computes runs in shards of `shardSize` and returns their global series in run order. */
export async function computeRuns(
  executor: Executor,
  runs: readonly RunSpec[],
  common: Omit<Shard, 'runs'>,
  shardSize: number,
  progress: (runs: number) => void,
): Promise<EnsembleSeries> {
  const parts = await executor.run(shardsOf(runs, shardSize, common), progress);
  return joinShards(parts, common.firstYear, common.lastYear);
}
