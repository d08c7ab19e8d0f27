/**
 * A stand-alone counterfactual on the base year: given tariffs, solve the trade model against the shipped
 * matrix (or its purged, balanced version) and summarize each country and the world.
 */
import type { WorldData } from '../world-data.js';
import { baselineFromFlows, type TradeBaseline } from './baseline.js';
import { purgeDeficits, type SolveReport, TradeSolver } from './solver.js';

export interface CounterfactualRow {
  readonly iso3: string;
  readonly real_income_change_pct: number;
  readonly imports_change_pct: number;
  readonly exports_change_pct: number;
  readonly tariff_revenue_billion_usd2015: number;
  readonly domestic_share_before: number;
  readonly domestic_share_after: number;
}

export const COUNTERFACTUAL_COLUMNS = [
  'iso3',
  'real_income_change_pct',
  'imports_change_pct',
  'exports_change_pct',
  'tariff_revenue_billion_usd2015',
  'domestic_share_before',
  'domestic_share_after',
] as const;

export interface Counterfactual {
  readonly rows: CounterfactualRow[];
  readonly report: SolveReport;
  readonly base: TradeBaseline;
}

/** The shipped base-year baseline, or its purged version (every trade imbalance removed). */
function tradeBaseline(data: WorldData, elasticity: number, balanced: boolean): TradeBaseline {
  const base = baselineFromFlows(data.countries.iso3.length, data.tradeLabor.flows_billion_usd2015);
  return balanced ? purgeDeficits(base, elasticity) : base;
}

export function counterfactual(
  data: WorldData,
  tariffPct: Float64Array,
  elasticity: number,
  balanced: boolean,
): Counterfactual {
  const base = tradeBaseline(data, elasticity, balanced);
  const n = base.n;
  const solver = new TradeSolver(base, elasticity);
  const report = solver.solve({ tariffPct }, { warmStart: false });
  const rows: CounterfactualRow[] = [];
  const w = { e0: 0, e1: 0, real: 0, m0: 0, m1: 0, x0: 0, x1: 0, rev: 0, dom0: 0, dom1: 0 };
  for (let i = 0; i < n; i++) {
    const domestic = base.flows[i * n + i];
    const imports0 = base.expenditure[i] - domestic;
    const exports0 = base.income[i] - domestic;
    const e1 = solver.expenditure[i];
    rows.push({
      iso3: data.countries.iso3[i],
      real_income_change_pct: 100 * (solver.realIncome[i] - 1),
      imports_change_pct: 100 * (solver.imports[i] / imports0 - 1),
      exports_change_pct: 100 * (solver.exports[i] / exports0 - 1),
      tariff_revenue_billion_usd2015: solver.revenue[i],
      domestic_share_before: domestic / base.expenditure[i],
      domestic_share_after: solver.domesticShare[i],
    });
    w.e0 += base.expenditure[i];
    w.e1 += e1;
    w.real += base.expenditure[i] * solver.realIncome[i];
    w.m0 += imports0;
    w.m1 += solver.imports[i];
    w.x0 += exports0;
    w.x1 += solver.exports[i];
    w.rev += solver.revenue[i];
    w.dom0 += domestic;
    w.dom1 += solver.domesticShare[i] * e1;
  }
  rows.push({
    iso3: 'WLD',
    real_income_change_pct: 100 * (w.real / w.e0 - 1),
    imports_change_pct: 100 * (w.m1 / w.m0 - 1),
    exports_change_pct: 100 * (w.x1 / w.x0 - 1),
    tariff_revenue_billion_usd2015: w.rev,
    domestic_share_before: w.dom0 / w.e0,
    domestic_share_after: w.dom1 / w.e1,
  });
  return { rows, report, base };
}
