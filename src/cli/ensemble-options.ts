/**
 * The options `ensemble` and `sensitivity` share: how many runs, where they run (threads here or a Redis
 * queue) and in what shards, checked into one-line errors before any work starts.
 */
import { availableParallelism } from 'node:os';
import type { Executor } from '../ensemble/executor.js';
import { parseQueueUrl } from '../ensemble/queue-url.js';
import { UserError } from '../errors.js';

/** Enough for any ensemble we mean; more is almost certainly a typo. */
const MAX_RUNS = 10_000_000;
const MAX_WORKERS = 1024;
/** Shards per worker thread when the size is chosen for you: enough to balance uneven shards. */
const SHARDS_PER_WORKER = 8;
/** Runs per shard on a queue when not given: big enough that Redis round trips do not dominate. */
const QUEUE_SHARD_RUNS = 50;
const MAX_AUTO_SHARD = 200;

export function parsePositiveInt(text: string, flag: string, max: number): number {
  const n = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(n) || n < 1) {
    throw new UserError(`must be a positive whole number, got '${text}'`, flag);
  }
  if (n > max) throw new UserError(`must be at most ${max}, got ${n}`, flag);
  return n;
}

export interface ExecutionOptions {
  workers?: string;
  queue?: string;
  shardSize?: string;
}

export interface Execution {
  /** Runs per shard. */
  readonly shardSize: number;
  /** Opens the executor (checks that Redis answers when there is a queue). */
  open(): Promise<Executor>;
  /** Where the work runs, for the log line. */
  readonly where: string;
}

export function parseRuns(text: string | undefined): number {
  if (text === undefined) throw new UserError('required: how many runs', '--runs');
  return parsePositiveInt(text, '--runs', MAX_RUNS);
}

/** Validates the flags; `runs` is the number of model runs the command will make. */
export function execution(opts: ExecutionOptions, runs: number): Execution {
  const target = opts.queue === undefined ? undefined : parseQueueUrl(opts.queue);
  if (target && opts.workers !== undefined) {
    throw new UserError(
      '--workers is for threads on this machine; with --queue, start `worldorder worker` processes',
      '--workers',
    );
  }
  const workers =
    opts.workers === undefined
      ? availableParallelism()
      : parsePositiveInt(opts.workers, '--workers', MAX_WORKERS);
  const auto = target ? QUEUE_SHARD_RUNS : Math.ceil(runs / (workers * SHARDS_PER_WORKER));
  const shardSize =
    opts.shardSize === undefined
      ? Math.max(1, Math.min(auto, MAX_AUTO_SHARD))
      : parsePositiveInt(opts.shardSize, '--shard-size', MAX_RUNS);
  if (target) {
    return {
      shardSize,
      where: `queue ${target.display}`,
      open: async () => {
        const { queueExecutor } = await import('../ensemble/queue.js');
        return queueExecutor(target, {
          onNoWorkers: () =>
            process.stderr.write(
              `worldorder: no queue worker is connected yet; start some with \`worldorder worker --queue ${target.display}\`\n`,
            ),
        });
      },
    };
  }
  return {
    shardSize,
    where: `${workers} worker thread${workers === 1 ? '' : 's'}`,
    open: async () => (await import('../ensemble/pool.js')).threadExecutor(workers),
  };
}
