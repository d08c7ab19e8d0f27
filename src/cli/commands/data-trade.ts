/** The trade-and-labor part of `worldorder data`: flow statuses, sources, imputations and the matrix export. */
import { FLOW_STATUS_CODES, type FlowStatus } from '../../model/trade/data.js';
import type { ValueSource, WorldData } from '../../model/world-data.js';
import { formatNumber } from '../../output/csv.js';

const STATUS_MEANING: Readonly<Record<FlowStatus, string>> = {
  scaled: 'observed in 2014 (COW), RAS-scaled to the base year',
  observed: 'observed as zero in 2014, kept at zero',
  imputed: 'missing in 2014: gravity (PPML) prediction, RAS-scaled',
  domestic: 'domestic sales on the diagonal: GDP - exports',
};

/** `exporter,importer,value_billion_usd2015`, every pair, domestic sales on the diagonal. */
export function tradeMatrixCsv(d: WorldData): string {
  const iso3 = d.countries.iso3;
  const n = iso3.length;
  const flows = d.tradeLabor.flows_billion_usd2015;
  const lines = ['exporter,importer,value_billion_usd2015'];
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) lines.push(`${iso3[j]},${iso3[i]},${flows[i * n + j]}`);
  return `${lines.join('\n')}\n`;
}

/** The same with each flow's status. */
export function tradeFlowsCsv(d: WorldData): string {
  const iso3 = d.countries.iso3;
  const n = iso3.length;
  const { flows_billion_usd2015: flows, flowStatus } = d.tradeLabor;
  const lines = ['exporter,importer,value_billion_usd2015,status'];
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      lines.push(`${iso3[j]},${iso3[i]},${flows[i * n + j]},${FLOW_STATUS_CODES[flowStatus[i * n + j]]}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function bySource(sources: readonly ValueSource[]): string {
  const counts = new Map<string, number>();
  for (const s of sources) {
    const key = s.imputed
      ? s.imputed.replace(/ \(.*\)$/, '').replace(/^(.*?):.*/, '$1')
      : `${s.source}, ${s.year}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, v]) => `${k} (${v})`).join('; ');
}

export function tradeCoverage(d: WorldData): string[] {
  const t = d.tradeLabor;
  const n = d.countries.iso3.length;
  const count = new Map<FlowStatus, number>();
  const value = new Map<FlowStatus, number>();
  for (let k = 0; k < n * n; k++) {
    const s = FLOW_STATUS_CODES[t.flowStatus[k]];
    count.set(s, (count.get(s) ?? 0) + 1);
    value.set(s, (value.get(s) ?? 0) + t.flows_billion_usd2015[k]);
  }
  const world = t.exports_billion_usd2015.reduce((a, b) => a + b, 0);
  const [b0, b1, b2, b3] = t.gravity.coefficients;
  const lines = [
    '',
    `trade matrix ${d.baseYear}: ${n} x ${n} flows, billion USD (2015 prices); world exports ${world.toFixed(0)} (${((100 * world) / d.base.gdp_billion_usd2015.reduce((a, b) => a + b, 0)).toFixed(1)} % of world GDP)`,
    'status       flows   value (billion USD 2015)',
  ];
  for (const s of ['scaled', 'observed', 'imputed', 'domestic'] as FlowStatus[]) {
    lines.push(
      `${s.padEnd(10)} ${String(count.get(s) ?? 0).padStart(7)}   ${(value.get(s) ?? 0).toFixed(1).padStart(10)}   ${STATUS_MEANING[s]}`,
    );
  }
  lines.push(
    `  exports shares of GDP: ${bySource(t.exportSources)}`,
    `  imports shares of GDP: ${bySource(t.importSources)}`,
    `  gravity for missing flows (PPML on ${t.gravity.observations} observed 2014 flows): ln X_ij = ${b0} + ${b1} ln GDP_importer + ${b2} ln GDP_exporter ${b3} ln distance`,
    `  RAS scaling: ${t.ras.iterations} iterations, largest relative error ${t.ras.maxRelativeError.toExponential(1)}`,
    `  domestic sales floored at ${100 * t.domesticFloor.share} % of GDP (gross exports near or above GDP): ${t.domesticFloor.iso3.join(', ')}`,
    `employment by sector: ${bySource(t.employmentSources)}`,
    `Gini: ${bySource(t.giniSources)}`,
    'per-flow statuses: `worldorder data --trade-flows`; the matrix: `worldorder data --export-trade FILE.csv`',
    '',
    'imputed trade and labor values:',
  );
  const iso3 = d.countries.iso3;
  const sections: [string, readonly ValueSource[]][] = [
    ['exports share of GDP', t.exportSources],
    ['imports share of GDP', t.importSources],
    ['employment by sector', t.employmentSources],
    ['Gini', t.giniSources],
  ];
  for (const [label, sources] of sections) {
    sources.forEach((s, i) => {
      if (s.imputed) lines.push(`  ${iso3[i]}  ${label}: ${s.imputed}`);
    });
  }
  return lines;
}

export function tradeDetail(d: WorldData, i: number): string[] {
  const t = d.tradeLabor;
  const n = d.countries.iso3.length;
  const gdp = d.base.gdp_billion_usd2015[i];
  const flows = t.flows_billion_usd2015;
  let expenditure = 0;
  const statuses = new Map<FlowStatus, number>();
  for (let j = 0; j < n; j++) {
    expenditure += flows[i * n + j];
    for (const k of j === i ? [i * n + i] : [i * n + j, j * n + i]) {
      const s = FLOW_STATUS_CODES[t.flowStatus[k]];
      statuses.set(s, (statuses.get(s) ?? 0) + 1);
    }
  }
  const source = (s: ValueSource) => `${s.source}, ${s.year}${s.imputed ? `; imputed: ${s.imputed}` : ''}`;
  const pct = (x: number) => `${formatNumber(100 * x, 'pct').slice(0, 6)} %`;
  return [
    `  ${'exports (billion USD 2015)'.padEnd(48)} ${Number(t.exports_billion_usd2015[i].toPrecision(6))}  ${pct(t.exports_billion_usd2015[i] / gdp)} of GDP; ${source(t.exportSources[i])}`,
    `  ${'imports (billion USD 2015)'.padEnd(48)} ${Number(t.imports_billion_usd2015[i].toPrecision(6))}  ${pct(t.imports_billion_usd2015[i] / gdp)} of GDP; ${source(t.importSources[i])}`,
    `  ${'domestic share of expenditure'.padEnd(48)} ${Number((flows[i * n + i] / expenditure).toPrecision(4))}`,
    `  ${'flows (as importer and exporter) by status'.padEnd(48)} ${[...statuses].map(([s, k]) => `${s} ${k}`).join(', ')}`,
    `  ${'employment: agriculture, industry'.padEnd(48)} ${pct(t.employmentAgriculture[i])}, ${pct(t.employmentIndustry[i])}; ${source(t.employmentSources[i])}`,
    `  ${'Gini'.padEnd(48)} ${t.gini[i]}; ${source(t.giniSources[i])}`,
    `  ${'income group, rival bloc'.padEnd(48)} ${t.incomeGroup[i] || '(none)'}, ${t.bloc[i] || '(none)'}`,
  ];
}
