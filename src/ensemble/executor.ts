/**
 * Where shards run: on worker threads of this process (./pool.ts) or on queue workers anywhere
 * (./queue.ts). Either way the results come back in shard order, so the outputs do not depend on how
 * many workers there were or which finished first.
 */
import type { Shard } from './shard.js';

export interface Executor {
  /** Runs every shard; `progress(runs)` is called as each shard completes with its number of runs. */
  run(shards: readonly Shard[], progress: (runs: number) => void): Promise<Float64Array[]>;
  close(): Promise<void>;
}
