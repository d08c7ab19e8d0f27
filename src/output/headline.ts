/** The short table `worldorder run` prints: the headline indicators at a few years, and the base-year check. */
import type { RunResult } from '../model/engine.js';
import type { WorldData } from '../model/world-data.js';

const ROWS: readonly [label: string, column: string, scale: number, digits: number][] = [
  ['World population (billion)', 'population_million', 1e-3, 2],
  ['World GDP (trillion 2015 USD)', 'gdp_trillion_usd2015', 1, 0],
  ['Fossil CO2 (Gt CO2/yr)', 'co2_fossil_gtco2', 1, 1],
  ['Land-use CO2 (Gt CO2/yr)', 'co2_landuse_gtco2', 1, 1],
  ['CO2 concentration (ppm)', 'co2_concentration_ppm', 1, 0],
  ['Warming over 1850-1900 (K)', 'temperature_anomaly_k', 1, 2],
  ['Climate damages (% of GDP)', 'climate_damage_pct_gdp', 1, 1],
  ['Expected disputes (MIDs/yr)', 'expected_disputes', 1, 1],
  ['Wars going on', 'wars_ongoing', 1, 0],
  ['Democracy, per person (0-1)', 'population_weighted_democracy', 1, 2],
];

const HEADLINE_YEARS = [2030, 2050, 2100];

export function headline(r: RunResult, data: WorldData, scenarioName: string): string {
  const first = r.years[0];
  const last = r.years[r.years.length - 1];
  const years = [...new Set([first, ...HEADLINE_YEARS.filter((y) => y > first && y <= last), last])];
  const labelWidth = Math.max(...ROWS.map(([label]) => label.length));
  const lines = [`worldorder: ${scenarioName}, ${first}-${last}`, ''];
  lines.push(
    ['', ...years.map(String)].map((c, k) => (k === 0 ? c.padEnd(labelWidth) : c.padStart(9))).join(''),
  );
  for (const [label, column, scale, digits] of ROWS) {
    const series = r.global[column];
    if (!series) continue;
    const cells = years.map((y) => (series[y - first] * scale).toFixed(digits).padStart(9));
    lines.push(label.padEnd(labelWidth) + cells.join(''));
  }
  if (first === data.baseYear) {
    lines.push(
      '',
      `Base year ${data.baseYear} against observations: CO2 ${r.global.co2_concentration_ppm[0].toFixed(1)} ppm ` +
        `(NOAA global mean ${data.observed.co2_ppm.toFixed(1)}), warming ${r.global.temperature_anomaly_k[0].toFixed(2)} K ` +
        `(HadCRUT5 30-year trend ${data.observed.warming_trend_k.toFixed(2)} K).`,
    );
    if (r.global.expected_disputes) {
      lines.push(
        `Expected disputes ${r.global.expected_disputes[0].toFixed(1)} a year (MID onsets ${data.security.pairs.dataYear - 9}-${data.security.pairs.dataYear}: ` +
          `${data.security.observedOnsetsPerYear.toFixed(1)} a year; see docs/model/security.md).`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
