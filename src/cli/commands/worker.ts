/** `worldorder worker`: takes ensemble and sensitivity shards from a Redis queue until stopped. */
import { availableParallelism } from 'node:os';
import { parseQueueUrl } from '../../ensemble/queue-url.js';
import { UserError } from '../../errors.js';
import { parsePositiveInt } from '../ensemble-options.js';

interface WorkerOptions {
  queue?: string;
  threads?: string;
  lockTimeout: string;
}

/** Longest lock timeout accepted, s. */
const MAX_LOCK_S = 3600;

export async function worker(opts: WorkerOptions): Promise<void> {
  if (opts.queue === undefined)
    throw new UserError('required: the Redis server, redis://HOST:PORT', '--queue');
  const target = parseQueueUrl(opts.queue);
  const threads =
    opts.threads === undefined ? availableParallelism() : parsePositiveInt(opts.threads, '--threads', 1024);
  const lockS = parsePositiveInt(opts.lockTimeout, '--lock-timeout', MAX_LOCK_S);
  const log = (line: string) => process.stderr.write(`worldorder worker: ${line}\n`);
  const { startQueueWorker } = await import('../../ensemble/queue.js');
  const running = await startQueueWorker(target, { threads, lockMs: lockS * 1000, log });
  log(`serving ${target.display} with ${threads} thread${threads === 1 ? '' : 's'}; stop with Ctrl-C`);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log(`${signal}: finishing running shards`);
      running.close().then(resolve, resolve);
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  log('stopped');
}
