/**
 * The politics options of `worldorder run` end to end: the agent mode and a stance table reach the run and
 * run.json; scenario events reach the model; bad input (a stance table with an unknown code or stance, a
 * lever out of range, a bad --agents-per-country) is one line naming where, a non-zero exit, and nothing
 * written.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers.js';

const SCENARIO = `name: short
description: A short run for tests.
seed: 5
first_year: 2024
last_year: 2030
parameters:
  politics.disinformation: 1.5
events:
  - {year: 2027, type: stance, country: DEU, stance: nationalist-populist}
  - {year: 2026, type: civic_education, country: '*', intensity: 0.5}
`;

function setup(files: Record<string, string>) {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function expectRefused(args: string[], pattern: RegExp, dir: string) {
  const out = join(dir, 'out');
  const r = cli([...args, '--out', out, '--no-charts'], dir);
  expect(r.status, r.stderr).not.toBe(0);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(pattern);
  expect(r.stdout).toBe('');
  expect(existsSync(out)).toBe(false);
}

describe('worldorder run: politics options', () => {
  it('runs in agent mode with a stance table; run.json records both; scenario events act', () => {
    const dir = setup({ 's.yaml': SCENARIO, 'st.csv': 'iso3,stance\nFRA,nationalist-populist\n' });
    const out = join(dir, 'out');
    const r = cli(
      [
        'run',
        's.yaml',
        '--out',
        out,
        '--no-charts',
        '--opinion',
        'agents',
        '--agents-per-country',
        '50',
        '--stances',
        'st.csv',
      ],
      dir,
    );
    expect(r.status, r.stderr).toBe(0);
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(run.opinion).toEqual({ mode: 'agents', agentsPerCountry: 50 });
    expect(run.base_year_stances.stances).toEqual({ FRA: 'nationalist-populist' });
    const countries = readFileSync(join(out, 'countries.csv'), 'utf8').trim().split('\n');
    const header = countries[0].split(',');
    const col = (name: string) => header.indexOf(name);
    const row = (iso3: string, year: number) =>
      countries.find((l) => l.startsWith(`${iso3},${year},`))!.split(',');
    expect(row('FRA', 2024)[col('government_stance')]).toBe('2');
    expect(row('DEU', 2027)[col('government_stance')]).toBe('2');
    for (const name of ['nationalist_support', 'polarization', 'media_literacy'])
      expect(col(name)).toBeGreaterThan(1);
    const events = readFileSync(join(out, 'events.csv'), 'utf8');
    expect(events).toMatch(/2027,DEU,government,scenario event: nationalist-populist government replaces/);
    // Details hold commas: every row must still parse to the four columns.
    const rows: string[][] = parse(events);
    expect(rows[0]).toEqual(['year', 'iso3', 'action', 'detail']);
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) expect(r).toHaveLength(4);
    expect(readFileSync(join(out, 'global.csv'), 'utf8').split('\n')[0]).toMatch(
      /nationalist_gdp_share,mean_nationalist_support,mean_polarization/,
    );
  });

  it('refuses a stance table with an unknown code or an unknown stance, naming the line', () => {
    const dir = setup({
      'code.csv': 'iso3,stance\nFRA,mixed\nFRX,mixed\n',
      'stance.csv': 'iso3,stance\nFRA,nationalist\n',
    });
    expectRefused(
      ['run', 'baseline', '--stances', 'code.csv'],
      /^worldorder: code\.csv:3: unknown country code 'FRX'; did you mean FRA/,
      dir,
    );
    expectRefused(
      ['run', 'baseline', '--stances', 'stance.csv'],
      /^worldorder: stance\.csv:2: unknown stance 'nationalist'; stances: internationalist, mixed, nationalist-populist/,
      dir,
    );
  });

  it('refuses a lever out of range, in a scenario file (with its line) or in --set', () => {
    const dir = setup({
      'lever.yaml': SCENARIO.replace('politics.disinformation: 1.5', 'politics.disinformation: 4'),
      'event.yaml': SCENARIO.replace('intensity: 0.5', 'intensity: 2'),
    });
    expectRefused(
      ['run', 'lever.yaml'],
      /^worldorder: lever\.yaml:7: parameter 'politics\.disinformation' = 4 is out of range \[0, 3\]/,
      dir,
    );
    expectRefused(
      ['run', 'event.yaml'],
      /^worldorder: event\.yaml:10: civic_education event: intensity: /,
      dir,
    );
    expectRefused(
      ['run', 'baseline', '--set', 'politics.civic_education=1.5'],
      /^worldorder: --set: parameter 'politics\.civic_education' = 1\.5 is out of range/,
      dir,
    );
  });

  it('refuses --agents-per-country that is not a positive integer or too large for memory', () => {
    const dir = tempDir();
    for (const k of ['0', '2.5']) {
      expectRefused(
        ['run', 'baseline', '--opinion', 'agents', '--agents-per-country', k],
        /^worldorder: --agents-per-country: must be a positive whole number/,
        dir,
      );
    }
    expectRefused(
      ['run', 'baseline', '--opinion', 'agents', '--agents-per-country', '1000000000'],
      /^worldorder: --agents-per-country: 1000000000 agents in each of 195 states need .* GiB; at most \d+ per state fit in memory here/,
      dir,
    );
    expectRefused(
      ['run', 'baseline', '--agents-per-country', '100'],
      /^worldorder: --agents-per-country: only with --opinion agents/,
      dir,
    );
    expectRefused(
      ['run', 'baseline', '--opinion', 'crowd'],
      /^worldorder: --opinion: unknown opinion mode 'crowd'/,
      dir,
    );
  });
});
