/**
 * Shards across machines: a BullMQ queue in Redis. The submitting command adds one job per shard and waits
 * for them; `worldorder worker` processes on any machine take jobs, run them on their worker threads and
 * leave the series in Redis as raw bytes under a key of the shard's own (not in the job's return value,
 * which BullMQ would copy into its event stream as JSON). A worker that dies mid-shard stops renewing its lock; another worker's stalled-job
 * check then puts the shard back on the queue, so every run is computed and collected exactly once.
 * A worker refuses shards from a different model (code, data, parameters or outputs), since their results
 * would not be the ensemble's.
 */
import { createHash, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Queue, QueueEvents, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { loadWorldData } from '../data/load.js';
import { UserError } from '../errors.js';
import { EVENT_SPECS, GLOBAL_OUTPUTS, registry } from '../model/engine.js';
import { CODE_VERSION } from '../version.js';
import type { Executor } from './executor.js';
import { threadExecutor } from './pool.js';
import type { RedisTarget } from './queue-url.js';
import type { Shard } from './shard.js';

const PREFIX = 'worldorder';
const QUEUE = 'shards';
/** How long to wait for Redis to answer before giving up. */
const CONNECT_TIMEOUT_MS = 3000;
/** How long a shard's result waits for a submitter that has gone (it is read once, then deleted). */
const KEEP_DONE_S = 3600;
/** How long a failed shard stays inspectable. */
const KEEP_FAILED_S = 24 * 3600;
/** How often a shard may stall (its worker died) before it counts as failed. */
const MAX_STALLS = 10;

/** Resolves once Redis answers PING; a UserError within CONNECT_TIMEOUT_MS otherwise, never a hang. */
export async function checkReachable(target: RedisTarget): Promise<void> {
  const client = new Redis({
    ...(target.connection as object),
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // The cause (ECONNREFUSED, ETIMEDOUT, ...) arrives as an error event; connect() only says it closed.
  let cause: Error | undefined;
  client.on('error', (err: Error) => {
    cause ??= err;
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect().then(() => client.ping()),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer in ${CONNECT_TIMEOUT_MS / 1000} s`)),
          CONNECT_TIMEOUT_MS,
        );
      }),
    ]);
  } catch (err) {
    throw new UserError(
      `cannot reach Redis at ${target.display}: ${(cause ?? (err as Error)).message}`,
      '--queue',
    );
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}

/** What must match between a submitter and a worker for a shard's result to be the ensemble's. */
export function modelFingerprint(): string {
  const model = {
    code: CODE_VERSION,
    data: loadWorldData().version,
    params: registry.defs.map((d) => [d.id, d.default, d.min, d.max]),
    outputs: GLOBAL_OUTPUTS.map((v) => v.name),
    events: EVENT_SPECS.map((e) => e.type),
  };
  return createHash('sha256').update(JSON.stringify(model)).digest('hex').slice(0, 16);
}

interface ShardJob {
  readonly fingerprint: string;
  readonly shard: Shard;
}

/** Where a shard's series wait for the submitter. */
const resultKey = (jobId: string) => `${PREFIX}:result:${jobId}`;

/** The doubles in a buffer: a view when it is aligned (the usual case), else a copy. */
function asFloat64(bytes: Buffer): Float64Array {
  const n = bytes.byteLength / Float64Array.BYTES_PER_ELEMENT;
  return bytes.byteOffset % Float64Array.BYTES_PER_ELEMENT === 0
    ? new Float64Array(bytes.buffer, bytes.byteOffset, n)
    : new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** A client for the result keys; BullMQ's own connections stay its own. */
const resultClient = (target: RedisTarget) =>
  new Redis({ ...(target.connection as object), maxRetriesPerRequest: null });

export interface QueueExecutorOptions {
  /** Told once when no worker is connected, so a user is not left staring at a still bar. */
  readonly onNoWorkers?: () => void;
}

/** Runs shards on whatever workers serve the queue. Checks that Redis answers first. */
export async function queueExecutor(target: RedisTarget, opts: QueueExecutorOptions = {}): Promise<Executor> {
  await checkReachable(target);
  const connection = target.connection;
  const queue = new Queue<ShardJob, string>(QUEUE, { connection, prefix: PREFIX });
  // Listening from before the first job is added, so no completion can be missed; a finished job removes
  // itself, so collecting a shard costs one read of its result.
  const events = new QueueEvents(QUEUE, { connection, prefix: PREFIX });
  await events.waitUntilReady();
  const results = resultClient(target);
  const fingerprint = modelFingerprint();
  return {
    async run(shards, progress) {
      const group = randomUUID();
      const index = new Map(shards.map((_, k) => [`${group}-${k}`, k]));
      const out: Float64Array[] = new Array(shards.length);
      let left = shards.length;
      let onCompleted = (_: { jobId: string; returnvalue: string }) => {};
      let onFailed = (_: { jobId: string; failedReason: string }) => {};
      const collected = new Promise<void>((resolve, reject) => {
        onCompleted = ({ jobId, returnvalue }) => {
          const k = index.get(jobId);
          if (k === undefined || out[k]) return;
          results.getdelBuffer(resultKey(jobId)).then((bytes) => {
            if (!bytes || bytes.byteLength !== Number(returnvalue) * Float64Array.BYTES_PER_ELEMENT) {
              reject(new Error(`the result of shard ${jobId} is missing from Redis`));
              return;
            }
            out[k] = asFloat64(bytes);
            progress(shards[k].runs.length);
            if (--left === 0) resolve();
          }, reject);
        };
        onFailed = ({ jobId, failedReason }) => {
          if (index.has(jobId)) reject(new Error(failedReason));
        };
      });
      events.on('completed', onCompleted);
      events.on('failed', onFailed);
      try {
        await queue.addBulk(
          shards.map((shard, k) => ({
            name: 'shard',
            data: { fingerprint, shard },
            opts: {
              jobId: `${group}-${k}`,
              attempts: 1,
              removeOnComplete: true,
              removeOnFail: { age: KEEP_FAILED_S },
            },
          })),
        );
        if ((await queue.getWorkersCount()) === 0) opts.onNoWorkers?.();
        await collected;
        return out;
      } catch (err) {
        // Withdraw what no worker has taken yet; a shard already running finishes and its result expires.
        await Promise.all([...index.keys()].map((id) => queue.remove(id).catch(() => 0)));
        throw new UserError(`a shard failed on a queue worker: ${(err as Error).message}`, '--queue');
      } finally {
        events.off('completed', onCompleted);
        events.off('failed', onFailed);
      }
    },
    async close() {
      await events.close();
      await queue.close();
      results.disconnect();
    },
  };
}

export interface QueueWorkerOptions {
  readonly threads: number;
  /** A shard whose worker stops renewing its lock for this long is given to another worker. */
  readonly lockMs: number;
  readonly log: (line: string) => void;
}

/** Serves the queue until closed: each shard runs on one of `threads` worker threads. */
export async function startQueueWorker(
  target: RedisTarget,
  opts: QueueWorkerOptions,
): Promise<{ close(): Promise<void> }> {
  await checkReachable(target);
  const threads = threadExecutor(opts.threads);
  const results = resultClient(target);
  const fingerprint = modelFingerprint();
  const me = `${hostname()}:${process.pid}`;
  const worker = new Worker<ShardJob, string>(
    QUEUE,
    async (job) => {
      if (job.data.fingerprint !== fingerprint) {
        throw new UnrecoverableError(
          `worker ${me} runs a different model (fingerprint ${fingerprint}, worldorder ${CODE_VERSION}) from the submitter's (${job.data.fingerprint}); install the same version everywhere`,
        );
      }
      const runs = job.data.shard.runs;
      const retry =
        job.attemptsStarted > 1 || job.stalledCounter > 0 ? ` (attempt ${job.attemptsStarted}, retried)` : '';
      opts.log(`shard ${job.id}: runs ${runs[0].run}-${runs[runs.length - 1].run} started${retry}`);
      const [out] = await threads.run([job.data.shard], () => {});
      const bytes = Buffer.from(out.buffer, out.byteOffset, out.byteLength);
      await results.set(resultKey(job.id!), bytes, 'EX', KEEP_DONE_S);
      opts.log(`shard ${job.id}: done`);
      // The return value only tells the submitter how many values to expect.
      return String(out.length);
    },
    {
      connection: target.connection,
      prefix: PREFIX,
      concurrency: opts.threads,
      lockDuration: opts.lockMs,
      stalledInterval: opts.lockMs,
      maxStalledCount: MAX_STALLS,
      name: me,
    },
  );
  worker.on('error', (err) => opts.log(`error: ${err.message}`));
  await worker.waitUntilReady();
  return {
    async close() {
      await worker.close();
      await threads.close();
      results.disconnect();
    },
  };
}
