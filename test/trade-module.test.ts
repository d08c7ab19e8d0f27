/**
 * The trade module in the yearly loop: the baseline is the base-year equilibrium, a tariff event gives the
 * stand-alone counterfactual's numbers and reaches GDP a year later, retaliation responds to the WTO,
 * decoupling lowers trade between blocs, and `worldorder trade` handles good and bad input.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registry, simulate } from '../src/model/engine.js';
import type { ScenarioEvent } from '../src/model/module.js';
import { counterfactual } from '../src/model/trade/counterfactual.js';
import { cli, data, modulesWithout, runBaseline, tempDir } from './helpers.js';

const n = data.countries.iso3.length;
const at = (c: string) => data.countries.iso3.indexOf(c);

/**
 * Governments that change stance also change tariffs (politics); these tests isolate the trade module, so
 * only scenario events and retaliation set tariffs here.
 */
const TRADE_ONLY = { 'politics.tariff_nationalist_pct': 0, 'politics.tariff_mixed_pct': 0 };

function run(events: ScenarioEvent[], overrides: Record<string, number> = {}, seed = 1, lastYear = 2032) {
  return simulate(data, {
    params: registry.resolve({ ...TRADE_ONLY, ...overrides }),
    seed,
    firstYear: data.baseYear,
    lastYear,
    events,
  });
}

const war: ScenarioEvent[] = [
  { year: 2027, type: 'tariff', importer: 'USA', exporter: 'CHN', tariff_pct: 25 },
  { year: 2027, type: 'tariff', importer: 'CHN', exporter: 'USA', tariff_pct: 25 },
];

describe('the trade module', () => {
  const base = runBaseline(TRADE_ONLY, 2040);

  it('keeps the base-year equilibrium when nothing changes', () => {
    for (let k = 0; k < base.years.length; k++) {
      expect(base.global.trade_welfare_change_pct[k]).toBe(0);
      expect(base.global.mean_tariff_pct[k]).toBe(0);
      expect(base.global.world_trade_pct_gdp[k]).toBeCloseTo(base.global.world_trade_pct_gdp[0], 12);
    }
    // World exports plus imports are about 55 % of world GDP (World Bank: 55-60 % in 2015-2024).
    expect(base.global.world_trade_pct_gdp[0]).toBeGreaterThan(50);
    expect(base.global.world_trade_pct_gdp[0]).toBeLessThan(60);
    const us = at('USA');
    expect(base.country.trade_pct_gdp[us]).toBeCloseTo(
      (100 * (2460.95 + 3281.93)) / data.base.gdp_billion_usd2015[us],
      1,
    );
  });

  it('gives the stand-alone counterfactual from the year of a tariff event, and GDP the year after', () => {
    const r = run(war);
    const tariffs = new Float64Array(n * n);
    tariffs[at('USA') * n + at('CHN')] = 25;
    tariffs[at('CHN') * n + at('USA')] = 25;
    const cf = counterfactual(data, tariffs, 5, false);
    const k = r.years.indexOf(2027);
    for (const c of ['USA', 'CHN', 'MEX', 'DEU']) {
      const row = cf.rows.find((x) => x.iso3 === c)!;
      // The loop solves to 1e-6 excess demand, the stand-alone solve to 1e-12: real incomes agree to about
      // 1e-6 relative (1e-4 percentage points); here they differ by less than 3e-7 percentage points.
      expect(
        Math.abs(r.country.real_income_change_pct[k * n + at(c)] - row.real_income_change_pct),
      ).toBeLessThan(1e-4);
      expect(r.country.real_income_change_pct[(k - 1) * n + at(c)]).toBe(0);
    }
    // Losses act on GDP with a one-year lag, like climate damages.
    const baseRun = runBaseline(TRADE_ONLY, 2032);
    const gdp = (res: typeof r, year: number, c: string) =>
      res.country.gdp_per_capita_usd2015[res.years.indexOf(year) * n + at(c)];
    expect(gdp(r, 2027, 'CHN')).toBe(gdp(baseRun, 2027, 'CHN'));
    const ratio = gdp(r, 2028, 'CHN') / gdp(baseRun, 2028, 'CHN');
    expect(ratio - 1).toBeCloseTo(r.country.real_income_change_pct[k * n + at('CHN')] / 100, 3);
    expect(r.tables.events.rows.filter((e) => e[2] === 'tariff')).toHaveLength(2);
  });

  it('lets partners retaliate less often when the WTO is effective', () => {
    const hike: ScenarioEvent[] = [
      { year: 2026, type: 'tariff', importer: 'USA', exporter: '*', tariff_pct: 20 },
    ];
    // One log line per retaliating country. Without the institutions (which publish the trade regime's
    // effectiveness), so that the WTO's effectiveness is the parameter.
    const count = (wto: number) =>
      simulate(data, {
        params: registry.resolve({
          ...TRADE_ONLY,
          'trade.retaliation_probability': 0.9,
          'trade.wto_damping': 1,
          'trade.wto_effectiveness_default': wto,
        }),
        seed: 1,
        firstYear: data.baseYear,
        lastYear: 2032,
        events: hike,
        modules: modulesWithout('institutions', 'cooperation'),
      }).tables.events.rows.filter((e) => e[2] === 'retaliation').length;
    const weak = count(0);
    const strong = count(0.9);
    expect(weak).toBeGreaterThan(150);
    expect(strong).toBeLessThan(40);
    expect(strong).toBeLessThan(weak);
  });

  it('is reproducible from the seed, retaliation included', () => {
    const hike: ScenarioEvent[] = [
      { year: 2026, type: 'tariff', importer: 'USA', exporter: '*', tariff_pct: 20 },
    ];
    const a = run(hike, {}, 7);
    const b = run(hike, {}, 7);
    expect(a.tables.events.rows).toEqual(b.tables.events.rows);
    expect(Array.from(a.global.trade_welfare_change_pct)).toEqual(
      Array.from(b.global.trade_welfare_change_pct),
    );
  });

  it('ends a retaliatory tariff when the tariff it answers is lifted', () => {
    const events: ScenarioEvent[] = [
      { year: 2026, type: 'tariff', importer: 'USA', exporter: '*', tariff_pct: 20 },
      { year: 2028, type: 'tariff', importer: 'USA', exporter: '*', tariff_pct: 0 },
    ];
    const r = run(events, { 'trade.retaliation_probability': 0.9 });
    const k = (y: number) => r.years.indexOf(y);
    expect(r.global.mean_tariff_pct[k(2026)]).toBeGreaterThan(0);
    expect(r.global.mean_tariff_pct[k(2028)]).toBe(0);
    expect(r.global.trade_welfare_change_pct[k(2028)]).toBeCloseTo(0, 10);
  });

  it("a retaliation ends at the retaliating country's own tariff, not at zero", () => {
    const events: ScenarioEvent[] = [
      { year: 2026, type: 'tariff', importer: 'CHN', exporter: '*', tariff_pct: 15 },
      { year: 2027, type: 'tariff', importer: 'USA', exporter: 'CHN', tariff_pct: 30 },
      { year: 2029, type: 'tariff', importer: 'USA', exporter: 'CHN', tariff_pct: 0 },
    ];
    const chn = at('CHN');
    // The first seed (of ten, at a 90 % chance each) in which China answers the US tariff.
    const answered = (r: ReturnType<typeof run>) =>
      r.tables.events.rows.some((e) => e[0] === 2027 && e[1] === 'CHN' && e[2] === 'retaliation');
    const seeds = Array.from({ length: 10 }, (_, s) => s + 1);
    const seed = seeds.find((s) =>
      answered(run(events, { 'trade.retaliation_probability': 0.9, 'trade.wto_damping': 0 }, s, 2030)),
    );
    expect(seed).toBeDefined();
    const r = run(events, { 'trade.retaliation_probability': 0.9, 'trade.wto_damping': 0 }, seed, 2030);
    const applied = (y: number) => r.country.applied_tariff_pct[r.years.indexOf(y) * n + chn];
    expect(applied(2026)).toBeCloseTo(15, 9);
    expect(applied(2028)).toBeGreaterThan(15);
    expect(applied(2029)).toBeCloseTo(15, 9);
  });

  it('decoupling lowers trade and real income in both blocs', () => {
    const r = run([{ year: 2026, type: 'decoupling', cost_pct: 30 }]);
    const k = r.years.indexOf(2026);
    expect(r.global.world_trade_pct_gdp[k]).toBeLessThan(r.global.world_trade_pct_gdp[k - 1]);
    for (const c of ['USA', 'CHN', 'RUS', 'DEU'])
      expect(r.country.real_income_change_pct[k * n + at(c)]).toBeLessThan(0);
    expect(r.global.trade_welfare_change_pct[k]).toBeLessThan(0);
  });

  it('a world trade war at 60 % lowers world and developing-country real income and collapses trade', () => {
    const r = run([{ year: 2026, type: 'tariff', importer: '*', exporter: '*', tariff_pct: 60 }]);
    const k = r.years.indexOf(2026);
    expect(r.global.trade_welfare_change_pct[k]).toBeLessThan(-1);
    expect(r.global.developing_welfare_change_pct[k]).toBeLessThan(-1);
    expect(r.global.mean_tariff_pct[k]).toBeCloseTo(60, 10);
    // Trade falls by about 1 - 1.6^-eps at first order: to a sixth or less of its base-year share of GDP.
    expect(r.global.world_trade_pct_gdp[k]).toBeLessThan(0.2 * r.global.world_trade_pct_gdp[0]);
  });
});

describe('worldorder trade', () => {
  const file = (dir: string, body: string) => {
    const f = join(dir, 't.csv');
    writeFileSync(f, body);
    return f;
  };

  it('writes one row per country and a world row; the ACR identity holds on the balanced baseline', () => {
    const dir = tempDir();
    const out = join(dir, 'out.csv');
    const r = cli([
      'trade',
      '--tariffs',
      file(dir, 'importer,exporter,tariff_pct\nUSA,*,inf\n*,USA,inf\n'),
      '--balanced',
      '--out',
      out,
    ]);
    expect(r.status, r.stderr).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe(
      'iso3,real_income_change_pct,imports_change_pct,exports_change_pct,tariff_revenue_billion_usd2015,domestic_share_before,domestic_share_after',
    );
    expect(lines).toHaveLength(n + 2);
    expect(lines.at(-1)).toMatch(/^WLD,/);
    const usa = lines
      .find((l) => l.startsWith('USA,'))!
      .split(',')
      .map(Number);
    expect(Math.abs(usa[1] - 100 * (usa[5] ** (1 / 5) - 1))).toBeLessThan(1e-6);
    expect(usa[6]).toBe(1);
  });

  it('a later row overrides an earlier one, and the elasticity is a flag', () => {
    const dir = tempDir();
    const a = cli([
      'trade',
      '--tariffs',
      file(dir, 'importer,exporter,tariff_pct\nUSA,CHN,50\nUSA,CHN,25\n'),
    ]).stdout;
    const b = cli(['trade', '--tariffs', file(dir, 'importer,exporter,tariff_pct\nUSA,CHN,25\n')]).stdout;
    expect(a).toBe(b);
    const c = cli([
      'trade',
      '--tariffs',
      file(dir, 'importer,exporter,tariff_pct\nUSA,CHN,25\n'),
      '--elasticity',
      '4',
    ]).stdout;
    expect(c).not.toBe(b);
  });

  it.each([
    [
      'an unknown code',
      'importer,exporter,tariff_pct\nUSA,CHN,25\nUSB,CHN,10\n',
      /t\.csv:3: unknown importer 'USB'; did you mean USA/,
    ],
    [
      'a negative tariff',
      'importer,exporter,tariff_pct\nUSA,CHN,-5\n',
      /t\.csv:2: tariff_pct must not be negative/,
    ],
    [
      'a non-numeric tariff',
      'importer,exporter,tariff_pct\nUSA,CHN,high\n',
      /t\.csv:2: tariff_pct must be a number \(percent\) or inf, got 'high'/,
    ],
    ['a missing column', 'importer,exporter\nUSA,CHN\n', /t\.csv:1: missing column 'tariff_pct'/],
  ])('refuses %s with one line naming file and row, and writes nothing', (_what, body, pattern) => {
    const dir = tempDir();
    const out = join(dir, 'out.csv');
    const r = cli(['trade', '--tariffs', file(dir, body), '--out', out]);
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(pattern);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual(['t.csv']);
  });

  it('refuses an elasticity out of range', () => {
    const dir = tempDir();
    const r = cli([
      'trade',
      '--tariffs',
      file(dir, 'importer,exporter,tariff_pct\nUSA,CHN,25\n'),
      '--elasticity',
      '0',
    ]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/^worldorder: --elasticity: the trade elasticity must be a number from 3 to 8/);
  });

  it('worldorder data exports the shipped matrix and reports flow statuses', () => {
    const dir = tempDir();
    const out = join(dir, 'm.csv');
    expect(cli(['data', '--export-trade', out]).status).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('exporter,importer,value_billion_usd2015');
    expect(lines).toHaveLength(n * n + 1);
    const us = lines.find((l) => l.startsWith('USA,USA,'))!;
    expect(Number(us.split(',')[2])).toBe(data.tradeLabor.flows_billion_usd2015[at('USA') * n + at('USA')]);
    const d = cli(['data']).stdout;
    expect(d).toMatch(/^scaled\s+\d+/m);
    expect(d).toMatch(/^imputed\s+\d+/m);
    expect(d).toMatch(/^observed\s+\d+/m);
  });
});
