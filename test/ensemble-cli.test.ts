/**
 * `compare`, `ensemble`, `query` and `sensitivity` end to end through the built CLI: reproducibility
 * whatever the number of workers, what the files hold, a run repeated alone, and a one-line error with
 * nothing written for every kind of bad input. Ensembles here are small (tens of runs): speed is measured
 * in bench/bench.ts.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { samplingPlan } from '../src/ensemble/plan.js';
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

/** `worldorder query` as parsed CSV rows (header first). */
function query(dir: string, sql: string): string[][] {
  const r = cli(['query', dir, sql]);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout
    .trim()
    .split('\n')
    .map((line) => line.split(','));
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
    const files = readdirSync(join(dir, 'a')).sort();
    expect(files).toEqual(['charts', 'ensemble.json', 'runs.parquet', 'series.parquet', 'summary.csv']);
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
    const r = cli([
      'ensemble',
      'baseline',
      '--runs',
      String(RUNS),
      '--workers',
      '2',
      '--shard-size',
      '5',
      '--seed',
      '3',
      '--no-charts',
      '--out',
      join(dir, 'b'),
    ]);
    expect(r.status, r.stderr).toBe(0);
    for (const f of ['runs.parquet', 'series.parquet', 'summary.csv', 'ensemble.json']) {
      expect(readFileSync(join(dir, 'b', f)).equals(readFileSync(join(dir, 'a', f))), f).toBe(true);
    }
    // A different seed is a different ensemble.
    const c = cli([
      'ensemble',
      'baseline',
      '--runs',
      String(RUNS),
      '--seed',
      '4',
      '--no-charts',
      '--out',
      join(dir, 'c'),
    ]);
    expect(c.status, c.stderr).toBe(0);
    expect(
      readFileSync(join(dir, 'c', 'runs.parquet')).equals(readFileSync(join(dir, 'a', 'runs.parquet'))),
    ).toBe(false);
  });

  it('stores every run once, with its seed and every sampled parameter inside its range and order', () => {
    const a = join(dir, 'a');
    const [header, ...rows] = query(a, 'SELECT * FROM runs ORDER BY run');
    const plan = samplingPlan(registry, {});
    expect(header).toEqual(['run', 'seed', ...plan.sampled.map((d) => d.id)]);
    expect(rows.map((r) => Number(r[0]))).toEqual([...Array(RUNS).keys()]);
    expect(new Set(rows.map((r) => r[1])).size).toBe(RUNS);
    for (const row of rows) {
      plan.sampled.forEach((d, j) => {
        const v = Number(row[2 + j]);
        expect(v).toBeGreaterThanOrEqual(d.min);
        expect(v).toBeLessThanOrEqual(d.max);
      });
      expect(Number(row[header.indexOf('climate.tcr')])).toBeLessThan(
        Number(row[header.indexOf('climate.ecs')]),
      );
    }
    const [seriesHeader] = query(a, 'SELECT * FROM series LIMIT 1');
    expect(seriesHeader).toEqual(['run', 'year', ...GLOBAL_OUTPUTS.map((v) => v.name)]);
    expect(query(a, 'SELECT count(*), count(DISTINCT run), min(year), max(year) FROM series')[1]).toEqual([
      String(RUNS * YEARS),
      String(RUNS),
      String(data.baseYear),
      '2100',
    ]);
  });

  it('summarises the runs with the quantiles DuckDB computes from the series', () => {
    const a = join(dir, 'a');
    const [, ...summary] = readFileSync(join(a, 'summary.csv'), 'utf8').trim().split('\n');
    expect(summary).toHaveLength(GLOBAL_OUTPUTS.length * YEARS);
    const row = summary
      .find((l) => l.startsWith('temperature_anomaly_k,2100,'))!
      .split(',')
      .map(Number);
    const [, q] = query(
      a,
      'SELECT quantile_cont(temperature_anomaly_k, [0.05, 0.25, 0.5, 0.75, 0.95]) FROM series WHERE year = 2100',
    ).map((r) => r.join(','));
    const expected = JSON.parse(JSON.parse(q)) as number[];
    expected.forEach((x, i) => expect(row[2 + i]).toBeCloseTo(x, 6));
  });

  it('a run repeated alone with its seed and parameters gives the same series', () => {
    const a = join(dir, 'a');
    const [header, row] = query(a, 'SELECT * FROM runs WHERE run = 5');
    const sets = header.slice(2).flatMap((id, j) => ['--set', `${id}=${row[2 + j]}`]);
    const out = join(dir, 'single');
    const r = cli(['run', 'baseline', '--seed', row[1], '--no-charts', '--out', out, ...sets]);
    expect(r.status, r.stderr).toBe(0);
    const [globalHeader, ...lines] = readFileSync(join(out, 'global.csv'), 'utf8').trim().split('\n');
    const last = lines.at(-1)!.split(',');
    const col = globalHeader.split(',').indexOf('temperature_anomaly_k');
    const [, [fromEnsemble]] = query(
      a,
      'SELECT temperature_anomaly_k FROM series WHERE run = 5 AND year = 2100',
    );
    expect(Number(last[col])).toBe(Number(Number(fromEnsemble).toPrecision(10)));
  });

  it('refuses bad input with one line and writes nothing', () => {
    // The parsers' cases are unit-tested (test/ensemble.test.ts); here, that each reaches the user so.
    const out = join(dir, 'bad');
    expectUserError(
      ['ensemble', 'baseline', '--runs', '2.5', '--out', out],
      /--runs: must be a positive whole number/,
      out,
    );
    expectUserError(['ensemble', 'baseline', '--out', out], /--runs: required/, out);
    expectUserError(
      ['ensemble', 'baseline', '--runs', '5', '--workers', '0', '--out', out],
      /--workers/,
      out,
    );
    expectUserError(
      ['ensemble', 'baseline', '--runs', '5', '--set', 'climate.ecs=99', '--out', out],
      /out of range/,
      out,
    );
    expectUserError(
      [
        'ensemble',
        'baseline',
        '--runs',
        '5',
        '--set',
        'climate.tcr=2.3',
        '--set',
        'climate.ecs=2.1',
        '--out',
        out,
      ],
      /climate\.tcr must stay below climate\.ecs/,
      out,
    );
    expectUserError(
      ['ensemble', 'baseline', '--runs', '5', '--queue', 'localhost:6379', '--out', out],
      /--queue: .*redis:\/\/HOST:PORT/,
      out,
    );
  });
});

describe('worldorder query', () => {
  it('answers as CSV, quoting text that needs it', () => {
    const dir = tempDir();
    expect(cli(['ensemble', 'baseline', '--runs', '3', '--no-charts', '--out', dir]).status).toBe(0);
    const r = cli([
      'query',
      dir,
      `SELECT 'a,"b"' AS text, NULL AS nothing, 2.5 AS x, count(*) AS n FROM runs`,
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('text,nothing,x,n\n"a,""b""",,2.5,3\n');
    expectUserError(['query', dir, 'SELEC 1'], /^worldorder: SQL: Parser Error: syntax error/);
    expectUserError(['query', dir, 'SELECT nope FROM series'], /SQL: Binder Error/);
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

  it('prints the headline indicators side by side with differences against the first', () => {
    const r = cli(['compare', 'baseline', file]);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('worldorder compare: baseline, hot (differences against baseline)');
    expect(lines[2]).toMatch(/^indicator\s+year\s+baseline\s+hot\s+hot-baseline$/);
    for (const h of headlineIndicators()) expect(r.stdout).toContain(h.label);
    const warming = lines.findIndex((l) => l.includes('Warming over 1850-1900'));
    const cells = (k: number) => lines[k].trim().split(/\s+/).slice(-4);
    const [year, base, hot, diff] = cells(warming + 2);
    expect(year).toBe('2100');
    expect(Number(hot)).toBeGreaterThan(Number(base));
    expect(Number(diff)).toBeCloseTo(Number(hot) - Number(base), 1);
    expect(diff.startsWith('+')).toBe(true);
  });

  it('writes compare.csv and a chart per indicator with --out', () => {
    const out = join(dir, 'out');
    const r = cli(['compare', 'baseline', file, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const [header, ...rows] = readFileSync(join(out, 'compare.csv'), 'utf8').trim().split('\n');
    expect(header).toBe('indicator,year,scenario,value,difference_from_baseline');
    expect(rows).toHaveLength(headlineIndicators().length * YEARS * 2);
    expect(readdirSync(join(out, 'charts'))).toHaveLength(headlineIndicators().length);
    expectUserError(['compare', 'baseline'], /at least two scenarios/);
    expectUserError(['compare', 'baseline', 'baseline'], /given twice/);
    expectUserError(
      ['compare', 'baseline', 'nowhere', '--out', join(dir, 'x')],
      /unknown scenario/,
      join(dir, 'x'),
    );
  });
});

describe('worldorder sensitivity', () => {
  it('ranks the parameters for each headline indicator and writes the table and charts', () => {
    const dir = tempDir();
    const r = cli([
      'sensitivity',
      'baseline',
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
    const k = samplingPlan(registry, {}).sampled.length;
    expect(r.stdout).toContain(
      `Morris elementary effects for baseline in 2100, ${k} parameters, ${4 * (k + 1)} runs`,
    );
    const [header, ...rows] = readFileSync(join(dir, 'sensitivity.csv'), 'utf8').trim().split('\n');
    expect(header).toBe('indicator,year,rank,parameter,mu_star,mu_star_lo,mu_star_hi,mu,sigma');
    const headline = headlineIndicators();
    expect(rows).toHaveLength(headline.length * k);
    // Warming responds to the climate sensitivity far more than to how fast land-use CO2 ends.
    const warming = rows.filter((l) => l.startsWith('temperature_anomaly_k,')).map((l) => l.split(','));
    const rankOf = (id: string) => Number(warming.find((w) => w[3] === id)![2]);
    expect(rankOf('climate.tcr')).toBeLessThan(rankOf('climate.landuse_zero_year'));
    expect(readdirSync(join(dir, 'charts'))).toHaveLength(headline.length);

    const sobol = cli([
      'sensitivity',
      'baseline',
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

  it('refuses bad input with one line and writes nothing', () => {
    const out = join(tempDir(), 'x');
    expectUserError(
      ['sensitivity', 'baseline', '--method', 'fast', '--out', out],
      /--method: unknown method 'fast'; use morris or sobol/,
      out,
    );
    expectUserError(['sensitivity', 'baseline', '--out', out], /--method: required/, out);
    expectUserError(
      ['sensitivity', 'baseline', '--method', 'sobol', '--runs', '0', '--out', out],
      /--runs/,
      out,
    );
    expectUserError(
      ['sensitivity', 'baseline', '--method', 'sobol', '--year', '2200', '--out', out],
      /--year: 2200 is outside/,
      out,
    );
    expectUserError(
      ['sensitivity', 'baseline', '--method', 'morris', '--queue', 'redis:/x', '--out', out],
      /--queue/,
      out,
    );
  });
});

describe('help', () => {
  it('explains every new command with examples', () => {
    for (const command of ['compare', 'ensemble', 'query', 'sensitivity', 'worker']) {
      const r = cli([command, '--help']);
      expect(r.status).toBe(0);
      expect(r.stdout, command).toMatch(/Examples?:/);
    }
  });
});
