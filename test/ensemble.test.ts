/**
 * The pieces of an ensemble, in process: the sampling distributions, Latin-hypercube strata, the sampling
 * plan (what varies, and the ordering rule that keeps every draw valid), run seeds, quantiles, and the
 * shard runner against the engine.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePositiveInt, parseRuns } from '../src/cli/ensemble-options.js';
import { ORDER_CONSTRAINTS } from '../src/ensemble/constraints.js';
import { cdf, inverseCdf, truncatedInverseCdf } from '../src/ensemble/distributions.js';
import { ensembleRuns } from '../src/ensemble/ensemble.js';
import { latinHypercube } from '../src/ensemble/lhs.js';
import { isSampled, runSeed, samplingPlan } from '../src/ensemble/plan.js';
import { parseQueueUrl } from '../src/ensemble/queue-url.js';
import { across, joinShards, QUANTILES, quantileSorted, quantilesByYear } from '../src/ensemble/series.js';
import { runShard } from '../src/ensemble/shard.js';
import { UserError } from '../src/errors.js';
import { GLOBAL_OUTPUTS, registry, simulate } from '../src/model/engine.js';
import { type ParamDef, Registry } from '../src/model/registry.js';
import { createRng } from '../src/model/rng.js';
import { data } from './helpers.js';

const def = (over: Partial<ParamDef>): ParamDef => ({
  id: 'test.x',
  default: 2,
  min: 1,
  max: 5,
  distribution: 'triangular',
  units: '1',
  source: 'test',
  description: 'test',
  ...over,
});

const shape = fc
  .tuple(
    fc.double({ min: -100, max: 100, noNaN: true }),
    fc.double({ min: 0.01, max: 100, noNaN: true }),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.constantFrom('uniform' as const, 'triangular' as const),
  )
  .map(([min, width, at, distribution]) =>
    def({ min, max: min + width, default: min + at * width, distribution }),
  );

describe('sampling distributions', () => {
  it('inverseCdf inverts cdf and stays in [min, max]', () => {
    fc.assert(
      fc.property(shape, fc.double({ min: 0, max: 1, noNaN: true }), (d, u) => {
        const x = inverseCdf(d, u);
        expect(x).toBeGreaterThanOrEqual(d.min);
        expect(x).toBeLessThanOrEqual(d.max);
        expect(cdf(d, x)).toBeCloseTo(u, 9);
      }),
    );
  });

  it('the triangular distribution has its mode at the default and the mean (a + b + c) / 3', () => {
    const d = def({ min: 1, max: 5, default: 2 });
    const n = 100_000;
    let mean = 0;
    for (let k = 0; k < n; k++) mean += inverseCdf(d, (k + 0.5) / n) / n;
    expect(mean).toBeCloseTo((1 + 5 + 2) / 3, 4);
    // The density (slope of the CDF) is highest at the mode.
    const density = (x: number) => (cdf(d, x + 1e-6) - cdf(d, x - 1e-6)) / 2e-6;
    expect(density(2)).toBeCloseTo(2 / (5 - 1), 4);
    expect(density(1.5)).toBeLessThan(density(2));
    expect(density(3)).toBeLessThan(density(2));
  });

  it('a truncated draw stays inside the bounds and keeps the order of u', () => {
    fc.assert(
      fc.property(
        shape,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        (d, u, v, cut) => {
          const hi = d.min + cut * (d.max - d.min);
          const [a, b] = [truncatedInverseCdf(d, u, -Infinity, hi), truncatedInverseCdf(d, v, -Infinity, hi)];
          expect(a).toBeLessThanOrEqual(hi);
          expect(a).toBeGreaterThanOrEqual(d.min);
          // Monotone in u, up to rounding (the triangular inverse takes a square root near its ends).
          if (u < v) expect(a).toBeLessThanOrEqual(b + 1e-12 * (d.max - d.min));
        },
      ),
    );
  });
});

describe('Latin hypercube', () => {
  it('puts exactly one point in each of the n strata of every dimension', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 6 }), fc.nat(), (n, d, seed) => {
        const u = latinHypercube(n, d, createRng(seed));
        for (let j = 0; j < d; j++) {
          const strata = Array.from({ length: n }, (_, i) => Math.floor(u[i * d + j] * n)).sort(
            (a, b) => a - b,
          );
          expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
        }
      }),
    );
  });

  it('gives the same points for the same seed', () => {
    expect(latinHypercube(20, 3, createRng(5))).toEqual(latinHypercube(20, 3, createRng(5)));
    expect(latinHypercube(20, 3, createRng(5))).not.toEqual(latinHypercube(20, 3, createRng(6)));
  });
});

describe('sampling plan', () => {
  it('samples uncertain parameters only: not fixed ones, levers or ones the scenario sets', () => {
    const reg = new Registry([
      def({ id: 'a.free' }),
      def({ id: 'a.fixed', distribution: 'fixed', min: 2, max: 2 }),
      def({ id: 'a.lever', lever: 'reform' }),
      def({ id: 'a.set' }),
    ]);
    const plan = samplingPlan(reg, { 'a.set': 4 }, []);
    expect(plan.sampled.map((d) => d.id)).toEqual(['a.free']);
    expect(plan.base['a.set']).toBe(4);
    expect(plan.base['a.lever']).toBe(2);
    expect(registry.defs.filter((d) => isSampled(d, {})).length).toBeGreaterThan(10);
  });

  it('keeps climate.tcr below climate.ecs for every point of the hypercube, edges included', () => {
    expect(ORDER_CONSTRAINTS.some((c) => c.lower === 'climate.tcr' && c.upper === 'climate.ecs')).toBe(true);
    const plan = samplingPlan(registry, {});
    const k = plan.sampled.length;
    const col = (id: string) => plan.sampled.findIndex((d) => d.id === id);
    const unit = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1));
    fc.assert(
      fc.property(fc.array(unit, { minLength: k, maxLength: k }), (u) => {
        const v = plan.values(u);
        expect(v['climate.tcr']).toBeLessThan(v['climate.ecs']);
        for (const d of plan.sampled) {
          expect(v[d.id]).toBeGreaterThanOrEqual(d.min);
          expect(v[d.id]).toBeLessThanOrEqual(d.max);
        }
      }),
    );
    // The worst case: ECS at its minimum and TCR at the top of its range.
    const u = new Array(k).fill(0.5);
    u[col('climate.ecs')] = 0;
    u[col('climate.tcr')] = 1;
    const v = plan.values(u);
    expect(v['climate.ecs']).toBe(2);
    expect(v['climate.tcr']).toBeLessThan(2);
  });

  it('truncates the one that is sampled when the scenario fixes the other', () => {
    const lowEcs = samplingPlan(registry, { 'climate.ecs': 2.1 });
    const k = lowEcs.sampled.length;
    const tcrCol = lowEcs.sampled.findIndex((d) => d.id === 'climate.tcr');
    for (const x of [0, 0.5, 0.999, 1]) {
      const u = new Array(k).fill(0.5);
      u[tcrCol] = x;
      expect(lowEcs.values(u)['climate.tcr']).toBeLessThan(2.1);
    }
    const highTcr = samplingPlan(registry, { 'climate.tcr': 2.3 });
    const ecsCol = highTcr.sampled.findIndex((d) => d.id === 'climate.ecs');
    const u = new Array(highTcr.sampled.length).fill(0.5);
    u[ecsCol] = 0;
    expect(highTcr.values(u)['climate.ecs']).toBeGreaterThan(2.3);
  });

  it('refuses settings that break the order, naming both parameters', () => {
    expect(() => samplingPlan(registry, { 'climate.tcr': 2.2, 'climate.ecs': 2.1 })).toThrow(UserError);
    expect(() => samplingPlan(registry, { 'climate.tcr': 2.2, 'climate.ecs': 2.1 })).toThrow(
      /climate\.tcr must stay below climate\.ecs/,
    );
  });
});

describe('run seeds', () => {
  it('are valid seeds, differ between runs and ensembles, and depend only on (seed, run)', () => {
    const seeds = new Set<number>();
    for (let run = 0; run < 5000; run++) {
      const s = runSeed(42, run);
      expect(Number.isInteger(s) && s >= 0 && s <= 2 ** 31 - 1).toBe(true);
      seeds.add(s);
    }
    expect(seeds.size).toBe(5000);
    expect(runSeed(42, 7)).toBe(runSeed(42, 7));
    expect(runSeed(43, 7)).not.toBe(runSeed(42, 7));
  });
});

describe('quantiles', () => {
  it('interpolate between order statistics like R type 7 / numpy', () => {
    const v = [1, 2, 3, 4, 10];
    // numpy.quantile([1, 2, 3, 4, 10], [0.05, 0.25, 0.5, 0.75, 0.95]) = [1.2, 2, 3, 4, 8.8]
    expect(QUANTILES.map((p) => quantileSorted(v, p))).toEqual([
      expect.closeTo(1.2, 12),
      2,
      3,
      4,
      expect.closeTo(8.8, 12),
    ]);
    expect(quantileSorted([7], 0.3)).toBe(7);
  });

  it('are ordered and bracket the values', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1 }), (xs) => {
        const s = Float64Array.from(xs).sort();
        const q = QUANTILES.map((p) => quantileSorted(s, p));
        for (let i = 1; i < q.length; i++) expect(q[i]).toBeGreaterThanOrEqual(q[i - 1]);
        expect(q[0]).toBeGreaterThanOrEqual(s[0]);
        expect(q[q.length - 1]).toBeLessThanOrEqual(s[s.length - 1]);
      }),
    );
  });
});

describe('shards', () => {
  const plan = samplingPlan(registry, {});
  const runs = ensembleRuns(plan, 6, 11);
  const common = { firstYear: data.baseYear, lastYear: 2040, events: [], base: plan.base };

  it('give each run exactly what simulate gives for its parameters and seed', () => {
    const series = joinShards(
      [
        runShard(data, { ...common, runs: runs.slice(0, 4) }),
        runShard(data, { ...common, runs: runs.slice(4) }),
      ],
      common.firstYear,
      common.lastYear,
    );
    expect(series.runs).toBe(6);
    const r = simulate(data, {
      params: { ...plan.base, ...runs[5].set },
      seed: runs[5].seed,
      firstYear: common.firstYear,
      lastYear: common.lastYear,
    });
    for (const v of GLOBAL_OUTPUTS) expect(across(series, v.name, 2040)[5]).toBe(r.global[v.name].at(-1));
    // Shards skip the country series, which an ensemble does not keep; the global ones do not change.
    const lean = simulate(data, {
      params: { ...plan.base, ...runs[5].set },
      seed: runs[5].seed,
      firstYear: common.firstYear,
      lastYear: common.lastYear,
      countrySeries: false,
    });
    expect(lean.country).toEqual({});
    expect(lean.global).toEqual(r.global);
    // Runs really differ: the draws reach the model.
    expect(new Set(across(series, 'temperature_anomaly_k', 2040)).size).toBe(6);
    const q = quantilesByYear(series, 'temperature_anomaly_k');
    expect(q).toHaveLength(2040 - data.baseYear + 1);
    expect(q.at(-1)![0]).toBe(2040);
  });

  it('give the same draws for the same seed and size, and other draws for another seed', () => {
    expect(ensembleRuns(plan, 6, 11)).toEqual(runs);
    expect(ensembleRuns(plan, 6, 12)[0].set).not.toEqual(runs[0].set);
  });
});

describe('flags', () => {
  it('--runs and friends take positive whole numbers only', () => {
    expect(parseRuns('40')).toBe(40);
    expect(parsePositiveInt(' 7 ', '--workers', 10)).toBe(7);
    for (const bad of ['0', '-3', '2.5', 'abc', '', '1e3', '0x10', '99999999999999999999']) {
      expect(() => parseRuns(bad), bad).toThrow(/--runs: must be a positive whole number/);
    }
    expect(() => parseRuns(undefined)).toThrow(/--runs: required/);
    expect(() => parsePositiveInt('11', '--workers', 10)).toThrow(/--workers: must be at most 10/);
  });

  it('--queue takes redis:// and rediss:// URLs with a host, and a numeric port and database', () => {
    expect(parseQueueUrl('redis://127.0.0.1:6390').connection).toEqual({ host: '127.0.0.1', port: 6390 });
    expect(parseQueueUrl('redis://queue.example').connection).toEqual({ host: 'queue.example', port: 6379 });
    expect(parseQueueUrl('rediss://u:p%40ss@h:7000/2')).toEqual({
      connection: { host: 'h', port: 7000, username: 'u', password: 'p@ss', db: 2, tls: {} },
      display: 'rediss://h:7000/2',
    });
    expect(parseQueueUrl('redis://[::1]:6379').connection.host).toBe('::1');
    for (const bad of [
      'localhost:6379',
      'http://localhost:6379',
      'redis://',
      'redis:/x',
      'redis://h:99999',
      'redis://h:1/db',
      'redis://h:1/?x=1',
      '',
    ]) {
      expect(() => parseQueueUrl(bad), bad).toThrow(/^--queue: .*expected redis:\/\/HOST:PORT/);
    }
  });
});
