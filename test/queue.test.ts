/**
 * Ensembles across processes through a BullMQ queue in Redis: the test starts Debian's redis-server on a
 * free loopback port (.ci/run installs it) and `worldorder worker` processes. Checked: the same files as
 * on threads; a worker killed in the middle of a shard, whose shard is retried so that every run appears
 * exactly once; and a clear, quick error when Redis cannot be reached.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensembleRuns } from '../src/ensemble/ensemble.js';
import { samplingPlan } from '../src/ensemble/plan.js';
import { across, joinShards } from '../src/ensemble/series.js';
import { runShard } from '../src/ensemble/shard.js';
import { queryParquet } from '../src/ensemble/store.js';
import { registry } from '../src/model/engine.js';
import { cli, data, tempDir } from './helpers.js';

const YEARS = 2100 - data.baseYear + 1;

const BIN = fileURLToPath(new URL('../bin/worldorder.js', import.meta.url));
const HAS_REDIS = spawnSync('redis-server', ['--version']).status === 0;

/** A loopback port nothing listens on (free a moment ago). */
async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Proc {
  readonly child: ChildProcess;
  /** Everything it wrote to stderr so far. */
  stderr: string;
  readonly exited: Promise<number>;
}

function start(args: string[], onStderr?: (text: string, proc: Proc) => void): Proc {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const proc: Proc = {
    child,
    stderr: '',
    exited: new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : 0)))),
  };
  child.stderr!.on('data', (d: Buffer) => {
    proc.stderr += String(d);
    onStderr?.(proc.stderr, proc);
  });
  child.stdout!.resume();
  return proc;
}

async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.skipIf(!HAS_REDIS)('ensembles on a Redis queue', () => {
  let redis: ChildProcess;
  let url: string;
  const workers: Proc[] = [];
  const worker = (...extra: string[]) => {
    const w = start(['worker', '--queue', url, '--threads', '1', ...extra]);
    workers.push(w);
    return w;
  };
  const ready = (w: Proc) => until(() => w.stderr.includes('serving'), 'a worker to connect');

  beforeAll(async () => {
    const port = await freePort();
    url = `redis://127.0.0.1:${port}`;
    redis = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    await until(
      () =>
        spawnSync('redis-cli', ['-p', String(port), 'ping'])
          .stdout?.toString()
          .trim() === 'PONG',
      'redis',
    );
  });

  afterAll(async () => {
    for (const w of workers) w.child.kill('SIGKILL');
    redis?.kill('SIGKILL');
  });

  it('gives the same files as worker threads, from two worker processes', async () => {
    const dir = tempDir();
    await Promise.all([ready(worker()), ready(worker())]);
    const args = ['ensemble', 'baseline', '--runs', '30', '--seed', '9', '--no-charts'];
    const queued = start([...args, '--queue', url, '--shard-size', '4', '--out', join(dir, 'q')]);
    expect(await queued.exited, queued.stderr).toBe(0);
    const local = cli([...args, '--workers', '1', '--out', join(dir, 'l')]);
    expect(local.status, local.stderr).toBe(0);
    for (const f of ['runs.parquet', 'series.parquet', 'summary.csv']) {
      expect(readFileSync(join(dir, 'q', f)).equals(readFileSync(join(dir, 'l', f))), f).toBe(true);
    }
    // Both workers took part.
    expect(workers.filter((w) => /shard .* started/.test(w.stderr))).toHaveLength(2);
    for (const w of workers.splice(0)) {
      w.child.kill('SIGTERM');
      expect(await w.exited).toBe(0);
    }
  });

  it('retries the shard of a worker killed mid-shard: every run appears exactly once', async () => {
    const dir = tempDir();
    // Three shards of 10 full-model runs (tens of milliseconds each, so a shard takes about a second).
    const runs = 30;
    // One worker takes the first shard and is killed the moment it starts it.
    const doomed = start(
      ['worker', '--queue', url, '--threads', '1', '--lock-timeout', '1'],
      (text, self) => {
        if (/shard \S+-0: runs 0-9 started/.test(text)) self.child.kill('SIGKILL');
      },
    );
    workers.push(doomed);
    await ready(doomed);
    const submitter = start([
      'ensemble',
      'baseline',
      '--runs',
      String(runs),
      '--seed',
      '5',
      '--no-charts',
      '--queue',
      url,
      '--shard-size',
      '10',
      '--out',
      join(dir, 'q'),
    ]);
    expect(await doomed.exited).toBe(-1);
    // A survivor arrives after the death, takes the other shards, and the dead one's once its lock expires.
    const survivor = worker('--lock-timeout', '1');
    expect(await submitter.exited, submitter.stderr).toBe(0);
    expect(survivor.stderr).toMatch(/shard \S+-0: runs 0-9 started \(attempt 2, retried\)/);
    const q = join(dir, 'q');
    expect(
      (await queryParquet(q, 'SELECT count(*), count(DISTINCT run), min(run), max(run) FROM runs')).rows,
    ).toEqual([[String(runs), String(runs), 0, runs - 1]]);
    expect((await queryParquet(q, 'SELECT count(*), count(DISTINCT (run, year)) FROM series')).rows).toEqual([
      [String(runs * YEARS), String(runs * YEARS)],
    ]);
    // And the results are those of an ensemble nobody disturbed, the retried shard's runs included.
    const plan = samplingPlan(registry, {});
    const specs = ensembleRuns(plan, runs, 5);
    const sample = [0, 1, 5, 9, 10, 29].map((k) => specs[k]);
    const expected = joinShards(
      [
        runShard(data, {
          firstYear: data.baseYear,
          lastYear: 2100,
          events: [],
          base: plan.base,
          runs: sample,
        }),
      ],
      data.baseYear,
      2100,
    );
    const stored = await queryParquet(
      q,
      `SELECT temperature_anomaly_k FROM series WHERE year = 2100 AND run IN (${sample.map((s) => s.run).join(', ')}) ORDER BY run`,
    );
    expect(stored.rows.map((r) => r[0])).toEqual([...across(expected, 'temperature_anomaly_k', 2100)]);
  });
});

describe('an unreachable Redis', () => {
  it('is a one-line error in under 5 s, for the submitter and for a worker, with nothing written', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const out = join(tempDir(), 'never');
    for (const args of [
      ['ensemble', 'baseline', '--runs', '10', '--queue', url, '--out', out],
      ['sensitivity', 'baseline', '--method', 'morris', '--runs', '2', '--queue', url, '--out', out],
      ['worker', '--queue', url],
    ]) {
      const t0 = Date.now();
      const r = cli(args);
      expect(Date.now() - t0).toBeLessThan(5000);
      expect(r.status).not.toBe(0);
      expect(r.stderr.trim().split('\n'), r.stderr).toEqual([
        expect.stringMatching(
          /^worldorder: --queue: cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED/,
        ),
      ]);
      expect(existsSync(out)).toBe(false);
    }
  });
});
