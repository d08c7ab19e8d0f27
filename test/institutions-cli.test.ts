/** The institutions' part of the CLI end to end: the run's files, the `institutions` and `club` commands, bad input. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, data, tempDir } from './helpers.js';

const MEMBERS = readFileSync(new URL('../data/raw/institution_members.csv', import.meta.url), 'utf8');
const YEARS = 2100 - data.baseYear + 1;

function expectUserError(args: string[], pattern: RegExp) {
  const r = cli(args);
  expect(r.status, r.stderr).not.toBe(0);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(pattern);
}

describe('worldorder run us-withdrawals', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    const r = cli(['run', 'us-withdrawals', '--out', join(dir, 'us'), '--no-charts']);
    expect(r.status, r.stderr).toBe(0);
  });

  it('writes institutions.csv, one row per institution and year', () => {
    const lines = readFileSync(join(dir, 'us', 'institutions.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('year,institution,members,gdp_share,funding_share,legitimacy,effectiveness');
    expect(lines).toHaveLength(1 + YEARS * data.institutions.list.length);
    expect(lines).toContain(lines.find((l) => l.startsWith('2026,WHO,191,')));
  });

  it('writes the indicators to global.csv and explains the withdrawals in events.csv', () => {
    const header = readFileSync(join(dir, 'us', 'global.csv'), 'utf8')
      .split('\n')[0]
      .split(',');
    for (const c of [
      'governance_capacity',
      'internationalism_index',
      'crisis_losses_pct_gdp',
      'paris_participation_gdp_share',
      'perceived_institutional_failure',
    ]) {
      expect(header).toContain(c);
    }
    const events = readFileSync(join(dir, 'us', 'events.csv'), 'utf8');
    expect(events).toMatch(/^2026,USA,leave,"?leaves WHO \(scenario event\)/m);
    expect(events).toMatch(/^2026,USA,leave,"?leaves PARIS \(scenario event\)/m);
    expect(events).toMatch(/^2026,USA,climate-effort-down,/m);
  });
});

describe('bad institutional input: one line, non-zero exit, nothing written', () => {
  const dir = tempDir();
  it('a membership table with a duplicate row or a funding share above 1', () => {
    const dup = join(dir, 'dup.csv');
    writeFileSync(dup, `${MEMBERS}WHO,FRA,member,,x,,\n`);
    const lines = MEMBERS.trimEnd().split('\n').length;
    const out = join(dir, 'out-dup');
    expectUserError(
      ['run', 'baseline', '--members', dup, '--out', out],
      new RegExp(`dup\\.csv:${lines + 1}: duplicate row: WHO FRA is already on line \\d+`),
    );
    expect(existsSync(out)).toBe(false);
    const big = join(dir, 'big.csv');
    writeFileSync(big, MEMBERS.replace('IMF,USA,member,0.1743,', 'IMF,USA,member,1.1743,'));
    expectUserError(
      ['institutions', '--members', big, '--out', join(dir, 'x.csv')],
      /big\.csv:\d+: funding share 1\.1743 is above 1/,
    );
    expect(existsSync(join(dir, 'x.csv'))).toBe(false);
  });

  it('a scenario event with an unknown institution or member code', () => {
    const file = join(dir, 's.yaml');
    const head = 'name: s\ndescription: d\nseed: 1\nfirst_year: 2024\nlast_year: 2030\nevents:\n';
    writeFileSync(file, `${head}  - {year: 2026, type: leave, iso3: USA, institution: WTOO}\n`);
    expectUserError(
      ['run', file, '--out', join(dir, 's')],
      /s\.yaml:7: leave event: institution: unknown institution 'WTOO'; did you mean WTO/,
    );
    writeFileSync(file, `${head}  - {year: 2026, type: join, iso3: GBX, institution: EU}\n`);
    expectUserError(
      ['run', file, '--out', join(dir, 's')],
      /s\.yaml:7: join event: iso3: unknown country code 'GBX'; did you mean GBR/,
    );
    expect(existsSync(join(dir, 's'))).toBe(false);
  });

  it('unknown institutions or countries and bad lists in flags', () => {
    expectUserError(
      ['institutions', '--id', 'WHOO'],
      /^worldorder: --id: unknown institution 'WHOO'; did you mean WHO/,
    );
    expectUserError(['institutions', '--country', 'USX'], /^worldorder: --country: unknown country 'USX'/);
    expectUserError(
      ['club', '--prices', '50,abc'],
      /^worldorder: --prices: expected comma-separated numbers/,
    );
  });
});

describe('worldorder institutions and club', () => {
  it("lists an institution's members with shares and sources", () => {
    const r = cli(['institutions', '--id', 'WHO', '--csv']);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('institution,iso3,status,funding_share_pct,funding_source,source,note');
    expect(lines).toHaveLength(1 + 192);
    expect(lines.find((l) => l.startsWith('WHO,USA,member,22,'))).toMatch(/withdrawal announced/);
  });

  it('reports the club thresholds', () => {
    const r = cli(['club', '--prices', '25,100', '--tariffs', '0,2,5,20']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^price_usd_per_tco2 {2}tariff_pct/);
    expect(r.stdout).toMatch(/ {4}25 USD\/t: 2 %/);
    expect(r.stdout).toMatch(/ {3}100 USD\/t: 20 %/);
  });

  it('explains itself in --help with examples', () => {
    for (const cmd of ['institutions', 'club']) expect(cli([cmd, '--help']).stdout).toMatch(/Examples:/);
  });
});
