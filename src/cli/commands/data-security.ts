/** The security section of `worldorder data`: democracy and military-spending sources, the pairs' data. */
import type { WorldData } from '../../model/world-data.js';

const LABELS = {
  democracy: 'democracy (V-Dem polyarchy, 0-1)',
  military_spending_pct_gdp: 'military spending (% of GDP)',
} as const;

/** Lines for the coverage report: what the security section holds and every imputed value. */
export function securityCoverage(d: WorldData): string[] {
  const s = d.security;
  const lines = [
    '',
    `security: ${s.pairs.contiguity.length} pairs of states with their latest dyad-year observations (${s.pairs.dataYear}),`,
    `  updated by data/raw/conflict_events_2015_2024.csv and alliances_2015_2024.csv; wars going on: ${s.ongoingWars.map((w) => `${w.a}-${w.b} since ${w.since}`).join(', ') || 'none'};`,
    `  the conflict model of data/conflict_model.json (holdout AUC ${s.model.holdout.mid_onset.auc.toFixed(4)}); ${s.hotspots.length} hotspots.`,
  ];
  for (const [key, label] of Object.entries(LABELS) as [keyof typeof LABELS, string][]) {
    const imputed = s.sources[key].filter((v) => v.imputed).length;
    lines.push(`  ${label}: ${s.sources[key].length - imputed} observed, ${imputed} imputed`);
    s.sources[key].forEach((v, i) => {
      if (v.imputed) lines.push(`    ${d.countries.iso3[i]}  ${v.imputed}`);
    });
  }
  return lines;
}

/** Lines for one country: its democracy and military spending with their sources. */
export function securityDetail(d: WorldData, i: number): string[] {
  const s = d.security;
  const values = {
    democracy: s.countries.democracy,
    military_spending_pct_gdp: s.countries.military_spending_pct_gdp,
  };
  return (Object.entries(LABELS) as [keyof typeof LABELS, string][]).map(([key, label]) => {
    const v = s.sources[key][i];
    return `  ${label.padEnd(48)} ${Number(values[key][i].toPrecision(6))}  ${v.source}, ${v.year}${v.imputed ? `; imputed: ${v.imputed}` : ''}`;
  });
}
