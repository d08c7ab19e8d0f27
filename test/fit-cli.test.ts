/**
 * `worldorder fit conflict` end to end: the documented JSON on a small generated dyad-year table, a holdout,
 * and bad input refused with one line naming the column or row, a non-zero exit and no output file.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers.js';

/** A dyad-year table with a known data-generating process, rows shuffled. */
function dyadTable(): string {
  let s = 12345;
  const u = () => {
    s = (s * 48271) % 2147483647;
    return s / 2147483647;
  };
  const rows: string[] = [];
  for (let a = 1; a <= 25; a++) {
    for (let b = a + 1; b <= 25; b++) {
      let last = 1969;
      const near = (a + b) % 3 === 0 ? 1 : 0;
      for (let year = 1970; year <= 2010; year++) {
        const dem = u().toFixed(3);
        const py = year - 1 - last;
        const eta = -3.5 + 1.5 * near - 1.2 * Number(dem) - 0.05 * py;
        const y = u() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
        if (y) last = year;
        rows.push(`${a},${b},${year},${y},${near},${u() < 0.01 ? 'NA' : dem}`);
      }
    }
  }
  rows.sort((x, y) => (x.length % 7) - (y.length % 7) || (x < y ? -1 : 1));
  return `s1,s2,year,mid,near,dem_low\n${rows.join('\n')}\n`;
}

describe('worldorder fit conflict', () => {
  const dir = tempDir();
  const data = join(dir, 'dyads.csv');
  writeFileSync(data, dyadTable());

  it('writes the documented JSON, with peace-years and a holdout', () => {
    const out = join(dir, 'fit.json');
    const args = ['fit', 'conflict', '--data', data, '--outcome', 'mid', '--covariates', 'near,dem_low'];
    const r = cli([
      ...args,
      '--peace-years',
      '--dyad',
      's1,s2',
      '--year',
      'year',
      '--train-to',
      '2000',
      '--out',
      out,
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/peace_years_cube/);
    expect(r.stderr).toMatch(/warning: dropped \d+ of \d+ rows with a missing value \(dem_low \d+\)/);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(Object.keys(json).slice(0, 8)).toEqual([
      'n',
      'events',
      'loglik',
      'coefficients',
      'std_errors',
      'converged',
      'iterations',
      'holdout',
    ]);
    expect(Object.keys(json.coefficients)).toEqual([
      'intercept',
      'near',
      'dem_low',
      'peace_years',
      'peace_years_sq',
      'peace_years_cube',
    ]);
    expect(json.converged).toBe(true);
    expect(json.coefficients.near).toBeGreaterThan(0);
    expect(Object.keys(json.holdout)).toEqual(expect.arrayContaining(['n', 'auc', 'brier', 'log_loss']));
    expect(json.holdout.auc).toBeGreaterThan(0.5);
    // The same fit to standard output.
    const again = cli([...args, '--peace-years', '--dyad', 's1,s2', '--year', 'year', '--train-to', '2000']);
    expect(JSON.parse(again.stdout)).toEqual(json);
  });

  const bad = (body: string) => {
    const d = tempDir();
    const file = join(d, 'd.csv');
    writeFileSync(file, body);
    return { d, file };
  };
  const header = 's1,s2,year,mid,x\n';
  const rows = (n: number, event: (i: number) => string) =>
    Array.from(
      { length: n },
      (_, i) => `1,${2 + (i % 5)},${1990 + Math.floor(i / 5)},${event(i)},${(i * 7) % 11}`,
    ).join('\n');

  it.each([
    [
      'a missing column',
      `${header}${rows(60, (i) => String(i % 2))}\n`,
      ['--covariates', 'x,z'],
      /d\.csv:1: missing column 'z'/,
    ],
    [
      'a non-numeric cell',
      `${header}${rows(4, (i) => String(i % 2))}\n1,2,2020,0,lots\n`,
      ['--covariates', 'x'],
      /d\.csv:6: column 'x': 'lots' is not a number/,
    ],
    [
      'an outcome that is not 0/1',
      `${header}${rows(5, (i) => (i === 3 ? '2' : '0'))}\n`,
      ['--covariates', 'x'],
      /d\.csv:5: outcome 'mid' must be 0 or 1, got 2/,
    ],
    [
      'too few events',
      `${header}${rows(60, (i) => (i === 7 ? '1' : '0'))}\n`,
      ['--covariates', 'x'],
      /--outcome: too few events: 1 rows with 'mid' = 1/,
    ],
    [
      'a separated outcome',
      `${header}${rows(60, (i) => ((i * 7) % 11 > 5 ? '1' : '0'))}\n`,
      ['--covariates', 'x'],
      /--covariates: complete separation: 'x' predicts 'mid' perfectly/,
    ],
    [
      'a bad --train-to',
      `${header}${rows(60, (i) => String(i % 2))}\n`,
      ['--covariates', 'x', '--year', 'year', '--train-to', '1800'],
      /--train-to: no rows in or before 1800/,
    ],
  ])('refuses %s', (_what, body, extra, pattern) => {
    const { d, file } = bad(body);
    const out = join(d, 'fit.json');
    const r = cli(['fit', 'conflict', '--data', file, '--outcome', 'mid', ...extra, '--out', out]);
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(pattern);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(d)).toEqual(['d.csv']);
  });
});
