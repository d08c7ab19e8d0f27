/**
 * Shards on worker threads (piscina). The worker is ./worker.js in the built package; when this file runs
 * from source (tests, benchmarks) it is ./worker.ts, loaded through tsx.
 */
import { Piscina } from 'piscina';
import type { Executor } from './executor.js';
import type { Shard } from './shard.js';

const fromSource = import.meta.url.endsWith('.ts');
const WORKER = new URL(fromSource ? './worker.ts' : './worker.js', import.meta.url).href;

export function threadExecutor(threads: number): Executor {
  const pool = new Piscina<Shard, Float64Array>({
    filename: WORKER,
    minThreads: threads,
    maxThreads: threads,
    execArgv: fromSource ? ['--import', 'tsx'] : [],
  });
  return {
    run: (shards, progress) =>
      Promise.all(
        shards.map(async (shard) => {
          const out = await pool.run(shard);
          progress(shard.runs.length);
          return out;
        }),
      ),
    close: () => pool.destroy(),
  };
}
