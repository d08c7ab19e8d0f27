/** `worldorder data`: what the base-year dataset covers, where each value comes from, and what was imputed. */

import { DATA_PATH, loadWorldData } from '../../data/load.js';
import { UserError } from '../../errors.js';
import type { WorldData } from '../../model/world-data.js';
import { writeFileAtomically } from '../../output/atomic.js';
import { nearest } from '../../suggest.js';
import { securityCoverage, securityDetail } from './data-security.js';
import { tradeCoverage, tradeDetail, tradeFlowsCsv, tradeMatrixCsv } from './data-trade.js';

interface DataOptions {
  country?: string;
  json?: boolean;
  exportTrade?: string;
  tradeFlows?: boolean;
}

const VARIABLES: Readonly<Record<string, string>> = {
  population_million: 'population (million)',
  gdp_billion_usd2015: 'real GDP (billion 2015 USD)',
  co2_fossil_mtco2: 'fossil CO2 (Mt CO2)',
  population_growth_recent: 'population growth, 5 years to base (1/yr)',
  gdppc_growth_recent: 'GDP per capita growth, 10 years to base (1/yr)',
};

function coverage(d: WorldData): string {
  const n = d.countries.iso3.length;
  const lines = [
    `worldorder base-year dataset ${d.version} (${DATA_PATH})`,
    `base year ${d.baseYear}; ${n} states (members of the Correlates of War state system in ${d.baseYear})`,
    '',
    'variable                                         observed  imputed  sources (states)',
  ];
  for (const [name, label] of Object.entries(VARIABLES)) {
    const src = d.sources[name];
    const imputed = src.filter((s) => s.imputed).length;
    const bySource = new Map<string, number>();
    for (const s of src) bySource.set(s.source, (bySource.get(s.source) ?? 0) + 1);
    const sources = [...bySource].map(([s, k]) => `${s} (${k})`).join('; ');
    lines.push(
      `${label.padEnd(48)} ${String(n - imputed).padStart(8)} ${String(imputed).padStart(8)}  ${sources}`,
    );
  }
  const statesCo2 = d.world.co2_fossil_mtco2 - d.world.co2_fossil_unallocated_mtco2;
  const h = d.climateHistory;
  const lastHistory = h.firstYear + h.fossil_co2_gtc.length - 1;
  lines.push(
    '',
    `world fossil CO2 ${d.baseYear}: ${d.world.co2_fossil_mtco2.toFixed(0)} Mt (Global Carbon Project 2025v15); the states ${statesCo2.toFixed(0)} Mt;`,
    `  the remaining ${d.world.co2_fossil_unallocated_mtco2.toFixed(0)} Mt (international aviation and shipping bunkers, territories that are not states)`,
    '  is carried as one unallocated emitter that grows with world GDP.',
    `climate history ${h.firstYear}-${lastHistory}: fossil CO2 (GCP), land-use CO2 (GCB 2024 bookkeeping mean, data/raw/landuse_co2_history.csv),`,
    '  non-CO2 forcing (IPCC AR6 Annex III, data/raw/nonco2_forcing.csv), linear between knots.',
    `observations for the base year: CO2 ${d.observed.co2_ppm} ppm (NOAA global marine surface mean);`,
    `  warming ${d.observed.warming_trend_k.toFixed(3)} K over 1850-1900 (straight line through HadCRUT5, last 30 years, at ${d.baseYear}).`,
    '',
    ...tradeCoverage(d),
    '',
    'imputed values (rules in scripts/build-data.ts and data/README.md):',
  );
  for (const [name, label] of Object.entries(VARIABLES)) {
    d.sources[name].forEach((s, i) => {
      if (s.imputed) lines.push(`  ${d.countries.iso3[i]}  ${label}: ${s.imputed}`);
    });
  }
  lines.push(...securityCoverage(d));
  return `${lines.join('\n')}\n`;
}

function countryDetail(d: WorldData, iso3: string): string {
  const i = d.countries.iso3.indexOf(iso3.toUpperCase());
  if (i < 0) {
    throw new UserError(
      `unknown country '${iso3}'; nearest ISO3 codes: ${nearest(iso3.toUpperCase(), d.countries.iso3).join(', ')}`,
      '--country',
    );
  }
  const base = d.base as unknown as Record<string, readonly number[]>;
  const lines = [
    `${d.countries.iso3[i]}  ${d.countries.name[i]}  (${d.countries.region[i]}, ${d.countries.subregion[i]})`,
  ];
  for (const [name, label] of Object.entries(VARIABLES)) {
    const s = d.sources[name][i];
    lines.push(
      `  ${label.padEnd(48)} ${Number(base[name][i].toPrecision(6))}  ${s.source}, ${s.year}${s.imputed ? `; imputed: ${s.imputed}` : ''}`,
    );
  }
  lines.push(...tradeDetail(d, i));
  lines.push(...securityDetail(d, i));
  return `${lines.join('\n')}\n`;
}

export async function data(opts: DataOptions): Promise<void> {
  const d = loadWorldData();
  if (opts.exportTrade) {
    writeFileAtomically(opts.exportTrade, tradeMatrixCsv(d));
    process.stdout.write(
      `wrote ${opts.exportTrade}: the base-year trade matrix (${d.countries.iso3.length ** 2} flows)\n`,
    );
  } else if (opts.tradeFlows) {
    process.stdout.write(tradeFlowsCsv(d));
  } else if (opts.json) {
    const rows = d.countries.iso3.map((iso3, i) => ({
      iso3,
      ...Object.fromEntries(
        Object.keys(VARIABLES).map((name) => [
          name,
          { value: (d.base as unknown as Record<string, number[]>)[name][i], ...d.sources[name][i] },
        ]),
      ),
    }));
    process.stdout.write(
      `${JSON.stringify({ version: d.version, base_year: d.baseYear, countries: rows }, null, 2)}\n`,
    );
  } else if (opts.country) {
    process.stdout.write(countryDetail(d, opts.country));
  } else {
    process.stdout.write(coverage(d));
  }
}
