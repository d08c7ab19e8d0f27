/**
 * Ensemble benchmarks: 1,000 full baseline runs on 1 and 2 worker threads (parallel efficiency), and on a
 * Redis queue served by 2 `worldorder worker` processes on this machine (throughput against threads).
 * They run the built code in dist/, as the CLI does (`npm run build` first), with warm workers: starting
 * the threads or processes is not timed. The queue case needs Debian's redis-server; it is skipped without.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export interface BenchCase {
  readonly name: string;
  readonly what: string;
  readonly fn: () => unknown;
  readonly minRuns?: number;
  readonly warmup?: number;
  /** Figures derived from this and other cases' times (median and fastest), reported beside this one. */
  readonly extra?: (stats: (name: string) => { median: number; min: number }) => Record<string, number>;
}

const RUNS = 1000;
/** The cases' names (the queue case is skipped when there is no redis-server). */
export const ENSEMBLE_CASE_NAMES = [
  'ensemble.baseline-1000-1-thread',
  'ensemble.baseline-1000',
  'ensemble.queue-baseline-1000',
] as const;
const dist = (path: string) => import(new URL(`../dist/${path}`, import.meta.url).href);
const BIN = fileURLToPath(new URL('../bin/worldorder.js', import.meta.url));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(check: () => boolean, what: string): Promise<void> {
  for (let k = 0; !check(); k++) {
    if (k > 400) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * a / (k b) from the medians and from the fastest runs. On a shared 2-core machine a lone thread is
 * sometimes much faster than at other times, so both are given.
 */
function ratios(
  a: { median: number; min: number },
  b: { median: number; min: number },
  name: string,
  k: number,
) {
  return {
    [name]: Number((a.median / (k * b.median)).toFixed(3)),
    [`${name}_fastest`]: Number((a.min / (k * b.min)).toFixed(3)),
  };
}

/** The cases, and a function that stops what they started. */
export async function ensembleCases(): Promise<{ cases: BenchCase[]; close: () => Promise<void> }> {
  const [{ loadWorldData }, { registry }, { samplingPlan }, ensemble, { threadExecutor }, { execution }] =
    await Promise.all([
      dist('data/load.js'),
      dist('model/engine.js'),
      dist('ensemble/plan.js'),
      dist('ensemble/ensemble.js'),
      dist('ensemble/pool.js'),
      dist('cli/ensemble-options.js'),
    ]);
  const { loadScenario } = await dist('scenario/load.js');
  const { scenario } = loadScenario('baseline', loadWorldData());
  const plan = samplingPlan(registry, scenario.parameters);
  const runs = ensemble.ensembleRuns(plan, RUNS, scenario.seed);
  const common = ensemble.shardCommon(scenario, plan);
  const closers: (() => Promise<unknown> | unknown)[] = [];
  const onThreads = (threads: number) => {
    const executor = threadExecutor(threads);
    closers.push(() => executor.close());
    const { shardSize } = execution({ workers: String(threads) }, RUNS);
    return () => ensemble.computeRuns(executor, runs, common, shardSize, () => {});
  };
  const cases: BenchCase[] = [
    {
      name: 'ensemble.baseline-1000-1-thread',
      what: `${RUNS} full baseline runs on 1 worker thread (warm)`,
      fn: onThreads(1),
      minRuns: 7,
      warmup: 2,
    },
    {
      name: 'ensemble.baseline-1000',
      what: `${RUNS} full baseline runs on 2 worker threads (warm)`,
      fn: onThreads(2),
      minRuns: 7,
      warmup: 2,
      extra: (stats) =>
        ratios(
          stats('ensemble.baseline-1000-1-thread'),
          stats('ensemble.baseline-1000'),
          'parallel_efficiency',
          2,
        ),
    },
  ];

  if (spawnSync('redis-server', ['--version']).status !== 0) {
    process.stderr.write('bench: no redis-server, skipping ensemble.queue-baseline-1000\n');
  } else {
    const port = await freePort();
    const url = `redis://127.0.0.1:${port}`;
    const children: ChildProcess[] = [];
    const redis = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    children.push(redis);
    await waitFor(
      () =>
        spawnSync('redis-cli', ['-p', String(port), 'ping'])
          .stdout?.toString()
          .trim() === 'PONG',
      'redis',
    );
    let serving = 0;
    for (let k = 0; k < 2; k++) {
      const w = spawn(process.execPath, [BIN, 'worker', '--queue', url, '--threads', '1'], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      w.stderr!.on('data', (d: Buffer) => {
        if (String(d).includes('serving')) serving++;
      });
      children.push(w);
    }
    await waitFor(() => serving === 2, 'two queue workers');
    const { parseQueueUrl } = await dist('ensemble/queue-url.js');
    const { queueExecutor } = await dist('ensemble/queue.js');
    const executor = await queueExecutor(parseQueueUrl(url));
    closers.push(
      () => executor.close(),
      () => {
        for (const c of children) c.kill('SIGKILL');
      },
    );
    const { shardSize } = execution({ queue: url }, RUNS);
    cases.push({
      name: 'ensemble.queue-baseline-1000',
      what: `${RUNS} full baseline runs on a Redis queue, 2 worker processes of 1 thread (warm)`,
      fn: () => ensemble.computeRuns(executor, runs, common, shardSize, () => {}),
      minRuns: 7,
      warmup: 2,
      extra: (stats) =>
        ratios(
          stats('ensemble.baseline-1000'),
          stats('ensemble.queue-baseline-1000'),
          'throughput_vs_2_threads',
          1,
        ),
    });
  }
  return {
    cases,
    close: async () => {
      for (const c of closers) await c();
    },
  };
}
