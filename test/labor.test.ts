/**
 * The labor module: the essay's point that automation displaces more workers than offshoring, what each
 * balanced-model lever changes (with its cost), conservation of the labor force, and trade wars feeding
 * through to displacement. Directions and documented bounds only: no number here is tuned to pass.
 */
import { describe, expect, it } from 'vitest';
import { registry } from '../src/model/engine.js';
import { labor } from '../src/model/modules/labor.js';
import { trade } from '../src/model/modules/trade.js';
import { data, runBaseline, xorshift } from './helpers.js';

const n = data.countries.iso3.length;
const at = (c: string) => data.countries.iso3.indexOf(c);
const SECTORS = ['agriculture', 'manufacturing', 'tradable_services', 'nontradable_services'];
const LAST = 2050;

describe('labor in the baseline', () => {
  const base = runBaseline({}, LAST);

  it('automation displaces more workers than offshoring, in the world and in the United States (the essay)', () => {
    for (let k = 0; k < base.years.length; k++) {
      expect(base.global.displaced_by_automation_million[k]).toBeGreaterThan(
        2 * base.global.displaced_by_offshoring_million[k],
      );
    }
    // Also in the country whose programming jobs the essay says are moving abroad.
    const k = base.years.indexOf(2030);
    const us = k * n + at('USA');
    expect(base.country.displaced_automation_thousand[us]).toBeGreaterThan(
      base.country.displaced_offshoring_thousand[us],
    );
    expect(base.country.displaced_offshoring_thousand[us]).toBeGreaterThan(0);
  });

  it('holds over the registry ranges: automation exceeds offshoring worldwide in random parameter draws', () => {
    const uncertain = registry.defs.filter(
      (p) => p.id.startsWith('labor.') && p.distribution !== 'fixed' && !p.source.startsWith('Lever'),
    );
    const next = xorshift(2024);
    for (let draw = 0; draw < 40; draw++) {
      const overrides: Record<string, number> = {};
      for (const p of uncertain) overrides[p.id] = p.min + (p.max - p.min) * next();
      const r = runBaseline(overrides, data.baseYear + 1);
      expect(r.global.displaced_by_automation_million[1]).toBeGreaterThan(
        r.global.displaced_by_offshoring_million[1],
      );
    }
  });

  it('keeps every worker: sector employment plus the displaced pool equals the labor force', () => {
    const rate = registry.get('labor.employment_rate')!.default;
    for (let k = 0; k < base.years.length; k++) {
      for (let i = 0; i < n; i++) {
        let total = base.country.displaced_workers_thousand[k * n + i] / 1000;
        for (const s of SECTORS) total += base.country[`employment_${s}_million`][k * n + i];
        expect(total).toBeCloseTo(rate * base.country.population_million[k * n + i], 8);
      }
    }
  });

  it('starts from base-year employment shares and Gini', () => {
    const i = at('USA');
    const agri = base.country.employment_agriculture_million[i];
    let total = 0;
    for (const s of SECTORS) total += base.country[`employment_${s}_million`][i];
    expect(agri / total).toBeCloseTo(data.tradeLabor.employmentAgriculture[i], 6);
    expect(base.country.gini[i]).toBe(data.tradeLabor.gini[i]);
  });
});

describe('the balanced-model levers', () => {
  const base = runBaseline({}, LAST);
  const year = 2040;
  const k = base.years.indexOf(year);
  const world = (r: typeof base, name: string) => r.global[name][k];
  const sum = (r: typeof base, name: string) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += r.country[name][k * n + i];
    return s;
  };
  const meanGini = (r: typeof base) => sum(r, 'gini') / n;

  it('training pathways: faster re-employment, a smaller displaced pool and lower Gini, at a cost', () => {
    const r = runBaseline({ 'labor.training_intensity': 0.5 }, LAST);
    expect(world(r, 'displaced_workers_million')).toBeLessThan(
      0.9 * world(base, 'displaced_workers_million'),
    );
    expect(meanGini(r)).toBeLessThan(meanGini(base));
    expect(sum(r, 'labor_policy_cost_pct_gdp')).toBeGreaterThan(0);
  });

  it('local industry investment: jobs in manufacturing and tradable services, a smaller pool, at a cost', () => {
    const r = runBaseline({ 'labor.local_industry_pct_gdp': 0.3 }, LAST);
    expect(world(r, 'displaced_workers_million')).toBeLessThan(world(base, 'displaced_workers_million'));
    expect(sum(r, 'employment_manufacturing_million')).toBeGreaterThan(
      sum(base, 'employment_manufacturing_million'),
    );
    const i = at('USA');
    expect(r.country.labor_policy_cost_pct_gdp[k * n + i]).toBeCloseTo(0.3, 10);
  });

  it('protection: less offshoring in rich countries, paid for in real income and trade', () => {
    const r = runBaseline({ 'labor.protection_tariff_pct': 25 }, LAST);
    const i = at('USA');
    expect(r.country.displaced_offshoring_thousand[k * n + i]).toBeLessThan(
      base.country.displaced_offshoring_thousand[k * n + i],
    );
    expect(world(r, 'displaced_by_offshoring_million')).toBeLessThan(
      world(base, 'displaced_by_offshoring_million'),
    );
    expect(world(r, 'world_trade_pct_gdp')).toBeLessThan(world(base, 'world_trade_pct_gdp'));
    expect(world(r, 'trade_welfare_change_pct')).toBeLessThan(0);
    expect(world(r, 'mean_tariff_pct')).toBeGreaterThan(0);
  });
});

describe('coefficients', () => {
  it('every trade and labor parameter has a source, an assumption with a range, or is a lever', () => {
    for (const p of [...trade.params, ...labor.params]) {
      expect(p.source.length, p.id).toBeGreaterThan(20);
      if (/^(Assumption|Lever)/.test(p.source) && p.distribution !== 'fixed')
        expect(p.max, p.id).toBeGreaterThan(p.min);
    }
  });
});
