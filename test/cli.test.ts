/** The built CLI end to end: outputs, reproducibility, and a one-line error for every kind of bad input. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../src/model/engine.js';
import { cli, data, tempDir } from './helpers.js';

/** A failing call: non-zero exit, one line on stderr naming where, nothing on stdout. */
function expectUserError(args: string[], pattern: RegExp) {
  const r = cli(args);
  expect(r.status, r.stderr).not.toBe(0);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(pattern);
  return r;
}

describe('worldorder run', () => {
  let dir: string;
  let first: { status: number; stdout: string; stderr: string };
  beforeAll(() => {
    dir = tempDir();
    first = cli(['run', 'baseline', '--out', join(dir, 'a')]);
  });

  it('writes global.csv, countries.csv, run.json and charts for every year to 2100', () => {
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/World population/);
    const global = readFileSync(join(dir, 'a', 'global.csv'), 'utf8')
      .trim()
      .split('\n');
    // The foundation's columns, in this order; later modules add theirs among them, in module order.
    const header = global[0].split(',');
    const foundation = [
      'year',
      'population_million',
      'gdp_trillion_usd2015',
      'co2_fossil_gtco2',
      'co2_landuse_gtco2',
      'co2_concentration_ppm',
      'forcing_wm2',
      'temperature_anomaly_k',
    ];
    expect(header[0]).toBe('year');
    expect(header.filter((c) => foundation.includes(c))).toEqual(foundation);
    expect(global.slice(1).map((l) => Number(l.split(',')[0]))).toEqual(
      Array.from({ length: 2100 - data.baseYear + 1 }, (_, k) => data.baseYear + k),
    );
    expect(global.join(',')).not.toMatch(/NaN|Infinity/);
    const countries = readFileSync(join(dir, 'a', 'countries.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(countries[0].split(',')).toEqual(
      expect.arrayContaining([
        'iso3',
        'year',
        'population_million',
        'gdp_billion_usd2015',
        'gdp_per_capita_usd2015',
        'co2_fossil_mtco2',
      ]),
    );
    expect(countries[0]).toMatch(/^iso3,year,/);
    expect(countries).toHaveLength(1 + data.countries.iso3.length * (2100 - data.baseYear + 1));
    const run = JSON.parse(readFileSync(join(dir, 'a', 'run.json'), 'utf8'));
    expect(run.seed).toBe(20240101);
    expect(run.data_version).toBe(data.version);
    expect(Object.keys(run.parameters)).toHaveLength(registry.defs.length);
    expect(
      readdirSync(join(dir, 'a', 'charts')).filter((f) => f.endsWith('.png')).length,
    ).toBeGreaterThanOrEqual(5);
  });

  it('gives byte-identical files for the same scenario and seed', () => {
    expect(cli(['run', 'baseline', '--out', join(dir, 'b'), '--no-charts']).status).toBe(0);
    for (const f of ['global.csv', 'countries.csv', 'run.json']) {
      expect(readFileSync(join(dir, 'b', f)).equals(readFileSync(join(dir, 'a', f))), f).toBe(true);
    }
  });

  it('applies --set and --seed and records them', () => {
    const out = join(dir, 'c');
    expect(
      cli(['run', 'baseline', '--out', out, '--no-charts', '--seed', '7', '--set', 'climate.ecs=4']).status,
    ).toBe(0);
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(run.seed).toBe(7);
    expect(run.overrides).toEqual({ 'climate.ecs': 4 });
    const warming = (d: string) => {
      const [header, ...rows] = readFileSync(join(d, 'global.csv'), 'utf8').trim().split('\n');
      return Number(rows.at(-1)!.split(',')[header.split(',').indexOf('temperature_anomaly_k')]);
    };
    expect(warming(out)).toBeGreaterThan(warming(join(dir, 'a')));
  });
});

describe('bad input: one line saying where and what, non-zero exit, no output', () => {
  const scenario = (dir: string, body: string) => {
    const file = join(dir, 's.yaml');
    writeFileSync(file, body);
    return file;
  };
  const valid = 'name: t\ndescription: test\nseed: 1\nfirst_year: 2024\nlast_year: 2030\n';

  it.each([
    ['malformed YAML', 'name: t\ndescription: [unclosed\nseed: 1\n', /s\.yaml:\d+: malformed YAML/],
    ['an unknown key', `${valid}colour: red\n`, /s\.yaml:6: unknown key 'colour'; allowed keys: name/],
    [
      'an unknown parameter id',
      `${valid}parameters:\n  climate.ecss: 3\n`,
      /s\.yaml:7: unknown parameter 'climate\.ecss'; did you mean climate\.ecs/,
    ],
    [
      'a value out of range',
      `${valid}parameters:\n  climate.ecs: 9\n`,
      /s\.yaml:7: parameter 'climate\.ecs' = 9 is out of range \[2, 5\] K/,
    ],
    [
      'a value of the wrong type',
      `${valid}parameters:\n  climate.ecs: high\n`,
      /s\.yaml:7: .*expected number/,
    ],
    ['a first year before the data', valid.replace('2024', '1990'), /s\.yaml:4: first_year 1990 is before/],
    [
      'a missing key',
      'name: t\ndescription: d\nseed: 1\nfirst_year: 2024\n',
      /s\.yaml:1: missing required key 'last_year'/,
    ],
  ])('%s', (_what, body, pattern) => {
    const dir = tempDir();
    const out = join(dir, 'out');
    expectUserError(['run', scenario(dir, body), '--out', out], pattern);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual(['s.yaml']);
  });

  it('an unknown scenario lists the shipped ones', () => {
    expectUserError(
      ['run', 'no-such-scenario'],
      /unknown scenario 'no-such-scenario'; shipped scenarios: .*baseline/,
    );
  });

  it('a bad --set or --seed', () => {
    expectUserError(['run', 'baseline', '--set', 'climate.ecs=99'], /--set: .*out of range \[2, 5\] K/);
    expectUserError(
      ['run', 'baseline', '--set', 'economy.frontier=0.01'],
      /--set: unknown parameter.*did you mean economy\.frontier_growth/,
    );
    expectUserError(['run', 'baseline', '--seed', '-3'], /--seed: the seed must be a whole number/);
  });

  it.each([
    ['a missing column', 'year,emissions\n2000,1\n', /e\.csv:1: missing column 'co2_emissions_gtc'/],
    [
      'a non-numeric cell',
      'year,co2_emissions_gtc\n2000,1\n2001,lots\n',
      /e\.csv:3: co2_emissions_gtc must be a number, got 'lots'/,
    ],
    [
      'a gap in years',
      'year,co2_emissions_gtc\n2000,1\n2001,1\n2003,1\n',
      /e\.csv:4: years must be consecutive: 2003 follows 2001/,
    ],
    ['no rows', 'year,co2_emissions_gtc\n', /e\.csv: no data rows/],
    [
      'a path that empties the atmosphere',
      `year,co2_emissions_gtc\n${Array.from({ length: 60 }, (_, k) => `${1850 + k},-200`).join('\n')}\n`,
      /e\.csv: in 18\d\d the path leaves what FaIR can represent/,
    ],
    ['an unknown column', 'year,co2_emissions_gtc,ch4\n2000,1,2\n', /e\.csv:1: unknown column 'ch4'/],
  ])('climate: %s', (_what, body, pattern) => {
    const dir = tempDir();
    const file = join(dir, 'e.csv');
    writeFileSync(file, body);
    expectUserError(['climate', '--emissions', file, '--out', join(dir, 'out.csv')], pattern);
    expect(readdirSync(dir)).toEqual(['e.csv']);
  });
});

describe('worldorder climate, params, scenarios, data, --help', () => {
  it('climate writes one row per input year with the documented columns', () => {
    const dir = tempDir();
    const file = join(dir, 'e.csv');
    writeFileSync(
      file,
      'year,co2_emissions_gtc,other_forcing_wm2\n1850,0.5,0\n1851,0.6,0.1\n1852,0.7,-0.2\n',
    );
    const r = cli(['climate', '--emissions', file]);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('year,co2_concentration_ppm,forcing_wm2,temperature_k');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['1850', '1851', '1852']);
  });

  it('params --json lists every registry entry with its documented fields', () => {
    const rows = JSON.parse(cli(['params', '--json']).stdout);
    expect(rows).toHaveLength(registry.defs.length);
    // `lever` (its kind) only on scenario levers.
    for (const row of rows) {
      const lever = registry.get(row.id)?.lever;
      expect(Object.keys(row)).toEqual([
        'id',
        'default',
        'min',
        'max',
        'units',
        'source',
        'description',
        ...(lever ? ['lever'] : []),
      ]);
      expect(row.lever).toBe(lever);
    }
    expect(rows.find((r: { id: string }) => r.id === 'reforms.rebalancing').lever).toBe('reform');
    const found = JSON.parse(cli(['params', '--json', '--search', 'sensitivity']).stdout);
    expect(found.map((r: { id: string }) => r.id)).toContain('climate.ecs');
    expect(cli(['params', '--markdown']).stdout).toMatch(/^\| id \| default \|/);
  });

  it('scenarios lists the library; data reports coverage and imputations', () => {
    expect(cli(['scenarios']).stdout).toMatch(/^baseline/m);
    const d = cli(['data']);
    expect(d.status).toBe(0);
    expect(d.stdout).toMatch(/195 states/);
    expect(d.stdout).toMatch(/TWN .*population/);
    expect(cli(['data', '--country', 'twn']).stdout).toMatch(/imputed/);
    expectUserError(['data', '--country', 'XYZ'], /--country: unknown country 'XYZ'/);
  });

  it('every command answers --help', () => {
    for (const cmd of [
      [],
      ['run'],
      ['climate'],
      ['params'],
      ['scenarios'],
      ['data'],
      ['fit'],
      ['fit', 'conflict'],
    ]) {
      const r = cli([...cmd, '--help']);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/Usage: worldorder/);
    }
  });
});
