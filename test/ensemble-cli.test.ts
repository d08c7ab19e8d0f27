/**
 * `compare`, `ensemble`, `query` and `sensitivity` end to end: through the built CLI for what a user sees
 * (files, tables, one-line errors), and in process for the many kinds of bad input (each command's
 * validation throws before any work; that a thrown UserError reaches the user as one line is checked once
 * per command). Ensembles here are small (tens of runs): speed is measured in bench/bench.ts.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compare } from '../src/cli/commands/compare.js';
import { ensemble } from '../src/cli/commands/ensemble.js';
import { sensitivity } from '../src/cli/commands/sensitivity.js';
import { samplingPlan } from '../src/ensemble/plan.js';
import { queryParquet } from '../src/ensemble/store.js';
import { UserError } from '../src/errors.js';
import { GLOBAL_OUTPUTS, registry } from '../src/model/engine.js';
import { headlineIndicators } from '../src/output/consequences.js';
import { cli, data, tempDir } from './helpers.js';

/** A failing call: non-zero exit, one line on stderr, nothing on stdout, no output directory. */
function expectUserError(args: string[], pattern: RegExp, out?: string) {
  const r = cli(args);
  expect(r.status, r.stderr).not.toBe(0);
  expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
  expect(r.stderr).toMatch(/^worldorder: /);
  expect(r.stderr).toMatch(pattern);
  expect(r.stdout).toBe('');
  if (out) expect(existsSync(out), `${out} was written`).toBe(false);
}

/** A command refusing its input in process: a UserError, and nothing written. */
async function expectRefusal(call: Promise<unknown>, pattern: RegExp, out: string) {
  await expect(call).rejects.toThrow(UserError);
  await expect(call).rejects.toThrow(pattern);
  expect(existsSync(out), `${out} was written`).toBe(false);
}

/** Rows of a query over an ensemble directory, in process. */
async function rows(dir: string, sql: string): Promise<unknown[][]> {
  return (await queryParquet(dir, sql)).rows as unknown[][];
}

const RUNS = 24;
const YEARS = 2100 - data.baseYear + 1;

describe('worldorder ensemble', () => {
  let dir: string;
  let one: ReturnType<typeof cli>;
  beforeAll(() => {
    dir = tempDir();
    one = cli([
      'ensemble',
      'baseline',
      '--runs',
      String(RUNS),
      '--workers',
      '1',
      '--seed',
      '3',
      '--out',
      join(dir, 'a'),
    ]);
  });

  it('writes Parquet, the summary, the record and a fan chart per headline indicator', () => {
    expect(one.status, one.stderr).toBe(0);
    expect(one.stdout).toMatch(/median \(5-95 %\)/);
    expect(one.stderr).toMatch(/ensemble: 24\/24 runs \(100 %\), done/);
    expect(readdirSync(join(dir, 'a')).sort()).toEqual([
      'charts',
      'ensemble.json',
      'runs.parquet',
      'series.parquet',
      'summary.csv',
    ]);
    expect(readdirSync(join(dir, 'a', 'charts')).sort()).toEqual(
      headlineIndicators()
        .map((h) => `${h.name}.png`)
        .sort(),
    );
    const record = JSON.parse(readFileSync(join(dir, 'a', 'ensemble.json'), 'utf8'));
    expect(record.seed).toBe(3);
    expect(record.runs).toBe(RUNS);
    expect(record.sampling.sampled.map((s: { id: string }) => s.id)).toEqual(
      samplingPlan(registry, {}).sampled.map((d) => d.id),
    );
  });

  it('gives identical files with 2 workers and other shards', () => {
    const args = ['ensemble', 'baseline', '--runs', String(RUNS), '--seed', '3', '--no-charts'];
    const r = cli([...args, '--workers', '2', '--shard-size', '5', '--out', join(dir, 'b')]);
    expect(r.status, r.stderr).toBe(0);
    for (const f of ['runs.parquet', 'series.parquet', 'summary.csv', 'ensemble.json']) {
      expect(readFileSync(join(dir, 'b', f)).equals(readFileSync(join(dir, 'a', f))), f).toBe(true);
    }
  });

  it('stores every run once, with its seed and every sampled parameter inside its range and order', async () => {
    const a = join(dir, 'a');
    const plan = samplingPlan(registry, {});
    const runs = await queryParquet(a, 'SELECT * FROM runs ORDER BY run');
    expect(runs.columns).toEqual(['run', 'seed', ...plan.sampled.map((d) => d.id)]);
    expect(runs.rows.map((r) => r[0])).toEqual([...Array(RUNS).keys()]);
    expect(new Set(runs.rows.map((r) => r[1])).size).toBe(RUNS);
    const col = (id: string) => runs.columns.indexOf(id);
    for (const row of runs.rows as number[][]) {
      plan.sampled.forEach((d, j) => {
        expect(row[2 + j]).toBeGreaterThanOrEqual(d.min);
        expect(row[2 + j]).toBeLessThanOrEqual(d.max);
      });
      expect(row[col('climate.tcr')]).toBeLessThan(row[col('climate.ecs')]);
    }
    const series = await queryParquet(a, 'SELECT * FROM series LIMIT 1');
    expect(series.columns).toEqual(['run', 'year', ...GLOBAL_OUTPUTS.map((v) => v.name)]);
    expect(await rows(a, 'SELECT count(*), count(DISTINCT run), min(year), max(year) FROM series')).toEqual([
      [String(RUNS * YEARS), String(RUNS), data.baseYear, 2100],
    ]);
  });

  it('summarises the runs with the quantiles DuckDB computes from the series', async () => {
    const a = join(dir, 'a');
    const [, ...summary] = readFileSync(join(a, 'summary.csv'), 'utf8').trim().split('\n');
    expect(summary).toHaveLength(GLOBAL_OUTPUTS.length * YEARS);
    const row = summary
      .find((l) => l.startsWith('temperature_anomaly_k,2100,'))!
      .split(',')
      .map(Number);
    const quantiles = [0.05, 0.25, 0.5, 0.75, 0.95].map((p) => `quantile_cont(temperature_anomaly_k, ${p})`);
    const [expected] = await rows(a, `SELECT ${quantiles.join(', ')} FROM series WHERE year = 2100`);
    expected.forEach((x, i) => {
      expect(row[2 + i]).toBeCloseTo(x as number, 6);
    });
  });

  it('a run repeated alone with its seed and parameters gives the same series', async () => {
    const a = join(dir, 'a');
    const found = await queryParquet(
      a,
      'SELECT r.*, s.temperature_anomaly_k AS warming FROM runs r JOIN series s USING (run) WHERE run = 5 AND year = 2100',
    );
    const [row] = found.rows as number[][];
    const ids = found.columns.slice(2, -1);
    const sets = ids.flatMap((id, j) => ['--set', `${id}=${row[2 + j]}`]);
    const out = join(dir, 'single');
    const r = cli(['run', 'baseline', '--seed', String(row[1]), '--no-charts', '--out', out, ...sets]);
    expect(r.status, r.stderr).toBe(0);
    const [header, ...lines] = readFileSync(join(out, 'global.csv'), 'utf8').trim().split('\n');
    const last = lines.at(-1)!.split(',');
    expect(Number(last[header.split(',').indexOf('temperature_anomaly_k')])).toBe(
      Number(row.at(-1)!.toPrecision(10)),
    );
  });

  it('refuses bad input with one line and writes nothing', async () => {
    const out = join(dir, 'bad');
    expectUserError(
      ['ensemble', 'baseline', '--runs', '2.5', '--out', out],
      /--runs: must be a positive whole number/,
      out,
    );
    // The parsers' own cases are in test/ensemble.test.ts.
    const opts = { out, set: [] as string[], charts: false };
    const cases: [Record<string, unknown>, RegExp][] = [
      [{}, /--runs: required/],
      [{ runs: '0' }, /--runs/],
      [{ runs: '5', workers: '0' }, /--workers/],
      [{ runs: '5', shardSize: 'x' }, /--shard-size/],
      [{ runs: '5', seed: '-1' }, /--seed/],
      [{ runs: '5', set: ['climate.ecs=99'] }, /out of range/],
      [
        { runs: '5', set: ['climate.tcr=2.3', 'climate.ecs=2.1'] },
        /climate\.tcr must stay below climate\.ecs/,
      ],
      [{ runs: '5', queue: 'localhost:6379' }, /--queue: .*redis:\/\/HOST:PORT/],
      [{ runs: '5', queue: 'redis://h:1', workers: '2' }, /--workers is for threads on this machine/],
    ];
    for (const [extra, pattern] of cases)
      await expectRefusal(ensemble('baseline', { ...opts, ...extra }), pattern, out);
    await expectRefusal(ensemble('nowhere', { ...opts, runs: '5' }), /unknown scenario 'nowhere'/, out);
  });
});

describe('worldorder query', () => {
  it('answers as CSV, quoting text that needs it; a failing query is one line', () => {
    const dir = tempDir();
    expect(cli(['ensemble', 'baseline', '--runs', '3', '--no-charts', '--out', dir]).status).toBe(0);
    const r = cli([
      'query',
      dir,
      `SELECT 'a,"b"' AS text, NULL AS nothing, 2.5 AS x, count(*) AS n FROM runs`,
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('text,nothing,x,n\n"a,""b""",,2.5,3\n');
    expectUserError(
      ['query', dir, 'SELECT nope FROM series'],
      /^worldorder: SQL: Binder Error: Referenced column "nope"/,
    );
    expectUserError(
      ['query', join(dir, 'missing'), 'SELECT 1'],
      /not an ensemble directory: no runs\.parquet/,
    );
  });
});

describe('worldorder compare', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = tempDir();
    file = join(dir, 'hot.yaml');
    // A scenario with a warmer climate: the comparison must show it warmer.
    const text = readFileSync(new URL('../scenarios/baseline.yaml', import.meta.url), 'utf8')
      .replace('name: baseline', 'name: hot')
      .replace('parameters: {}', 'parameters:\n  climate.ecs: 4.5');
    writeFileSync(file, text);
  });

  it('prints the headline indicators side by side with differences against the first, and writes files', () => {
    const out = join(dir, 'out');
    const r = cli(['compare', 'baseline', file, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('worldorder compare: baseline, hot (differences against baseline)');
    expect(lines[2]).toMatch(/^indicator\s+year\s+baseline\s+hot\s+hot-baseline$/);
    for (const h of headlineIndicators()) expect(r.stdout).toContain(h.label);
    const warming = lines.findIndex((l) => l.includes('Warming over 1850-1900'));
    const [year, base, hot, diff] = lines[warming + 2].trim().split(/\s+/).slice(-4);
    expect(year).toBe('2100');
    expect(Number(hot)).toBeGreaterThan(Number(base));
    expect(Number(diff)).toBeCloseTo(Number(hot) - Number(base), 1);
    expect(diff.startsWith('+')).toBe(true);

    const [header, ...csv] = readFileSync(join(out, 'compare.csv'), 'utf8').trim().split('\n');
    expect(header).toBe('indicator,year,scenario,value,difference_from_baseline');
    expect(csv).toHaveLength(headlineIndicators().length * YEARS * 2);
    expect(readdirSync(join(out, 'charts'))).toHaveLength(headlineIndicators().length);
  });

  it('refuses bad input with one line and writes nothing', async () => {
    expectUserError(['compare', 'baseline'], /at least two scenarios/);
    const out = join(dir, 'x');
    await expectRefusal(compare(['baseline', 'baseline'], { out }), /given twice/, out);
    await expectRefusal(compare(['baseline', 'nowhere'], { out }), /unknown scenario/, out);
    await expectRefusal(compare(['baseline', file], { out, seed: 'x' }), /--seed/, out);
  });
});

describe('worldorder sensitivity', () => {
  it('ranks the parameters for each headline indicator and writes the table and charts', () => {
    const dir = tempDir();
    // The full model has about 170 uncertain parameters and a run takes tens of milliseconds: Morris over all
    // of them would be about 170 runs a trajectory. This scenario holds every other parameter at its default
    // (parameters a scenario sets are not varied), so that only four climate parameters are varied.
    const varied = ['climate.tcr', 'climate.ecs', 'climate.intensity_decline', 'climate.landuse_zero_year'];
    const climateOnly = Object.fromEntries(
      samplingPlan(registry, {})
        .sampled.filter((d) => !varied.includes(d.id))
        .map((d) => [d.id, d.default]),
    );
    // Outside dir: --out replaces the directory it names.
    const scenario = join(tempDir(), 'climate-only.yaml');
    writeFileSync(
      scenario,
      readFileSync(new URL('../scenarios/baseline.yaml', import.meta.url), 'utf8')
        .replace('name: baseline', 'name: climate-only')
        .replace(
          'parameters: {}',
          `parameters:\n${Object.entries(climateOnly)
            .map(([id, v]) => `  ${id}: ${v}`)
            .join('\n')}`,
        ),
    );
    const r = cli([
      'sensitivity',
      scenario,
      '--method',
      'morris',
      '--runs',
      '4',
      '--workers',
      '2',
      '--out',
      dir,
    ]);
    expect(r.status, r.stderr).toBe(0);
    const k = samplingPlan(registry, climateOnly).sampled.length;
    expect(k).toBe(varied.length);
    expect(r.stdout).toContain(
      `Morris elementary effects for climate-only in 2100, ${k} parameters, ${4 * (k + 1)} runs`,
    );
    const [header, ...csv] = readFileSync(join(dir, 'sensitivity.csv'), 'utf8').trim().split('\n');
    expect(header).toBe('indicator,year,rank,parameter,mu_star,mu_star_lo,mu_star_hi,mu,sigma');
    const headline = headlineIndicators();
    expect(csv).toHaveLength(headline.length * k);
    // Warming responds to the climate's transient response far more than to when land-use CO2 ends.
    const warming = csv.filter((l) => l.startsWith('temperature_anomaly_k,')).map((l) => l.split(','));
    const rankOf = (id: string) => Number(warming.find((w) => w[3] === id)![2]);
    expect(rankOf('climate.tcr')).toBeLessThan(rankOf('climate.landuse_zero_year'));
    expect(readdirSync(join(dir, 'charts'))).toHaveLength(headline.length);

    const sobol = cli([
      'sensitivity',
      scenario,
      '--method',
      'sobol',
      '--runs',
      '6',
      '--year',
      '2050',
      '--no-charts',
      '--out',
      join(dir, 's'),
    ]);
    expect(sobol.status, sobol.stderr).toBe(0);
    expect(readFileSync(join(dir, 's', 'sensitivity.csv'), 'utf8').split('\n')[0]).toBe(
      'indicator,year,rank,parameter,total,total_lo,total_hi,first_order,first_order_lo,first_order_hi',
    );
  });

  it('refuses bad input with one line and writes nothing', async () => {
    const out = join(tempDir(), 'x');
    expectUserError(
      ['sensitivity', 'baseline', '--method', 'fast', '--out', out],
      /--method: unknown method 'fast'; use morris or sobol/,
      out,
    );
    const opts = { out, set: [] as string[], charts: false };
    await expectRefusal(sensitivity('baseline', opts), /--method: required/, out);
    await expectRefusal(sensitivity('baseline', { ...opts, method: 'sobol', runs: '0' }), /--runs/, out);
    await expectRefusal(
      sensitivity('baseline', { ...opts, method: 'sobol', year: '2200' }),
      /--year: 2200 is outside/,
      out,
    );
    await expectRefusal(
      sensitivity('baseline', { ...opts, method: 'morris', queue: 'redis:/x' }),
      /--queue/,
      out,
    );
  });
});

describe('help', () => {
  it('explains the new commands with examples', () => {
    for (const command of ['compare', 'ensemble', 'query', 'sensitivity', 'worker']) {
      const r = cli([command, '--help']);
      expect(r.status).toBe(0);
      expect(r.stdout, command).toMatch(/Examples?:/);
    }
  });
});
