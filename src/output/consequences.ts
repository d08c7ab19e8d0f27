/**
 * The headline indicators: the essay's five consequences of abandoning internationalism (weakened global
 * governance, escalation of conflict, climate inaction, economic instability, loss of shared values) and the
 * internationalism index, as global output columns. `compare`, `ensemble` (fan charts) and `sensitivity`
 * read this one list. A name the model does not output yet (its module has not landed) is skipped, so the
 * list fills in as modules arrive.
 */
import { GLOBAL_OUTPUTS } from '../model/engine.js';
import type { VarDef } from '../model/state.js';

export const CONSEQUENCES = [
  'Weakened global governance',
  'Escalation of conflict',
  'Climate inaction',
  'Economic instability',
  'Loss of shared values',
  'Internationalism',
] as const;

export type Consequence = (typeof CONSEQUENCES)[number];

export interface HeadlineIndicator {
  /** A global output column (as in global.csv). */
  readonly name: string;
  /** Row label, with units. */
  readonly label: string;
  readonly consequence: Consequence;
  /** Decimal places in printed tables. */
  readonly digits: number;
  /** Reference lines on its charts. */
  readonly rules?: readonly { readonly value: number; readonly label: string }[];
  /** Start its charts' y axis at zero (default true). */
  readonly zero?: boolean;
}

/** In the order of the essay's consequences; the owner module of each is noted. */
export const HEADLINE_INDICATORS: readonly HeadlineIndicator[] = [
  // institutions
  {
    name: 'governance_capacity',
    label: 'Governance capacity (0-1)',
    consequence: 'Weakened global governance',
    digits: 3,
  },
  {
    name: 'crisis_losses_pct_gdp',
    label: 'Crisis losses (% of world GDP)',
    consequence: 'Weakened global governance',
    digits: 2,
  },
  // security
  {
    name: 'expected_disputes',
    label: 'Expected militarized disputes (per yr)',
    consequence: 'Escalation of conflict',
    digits: 1,
  },
  { name: 'wars_ongoing', label: 'Wars ongoing', consequence: 'Escalation of conflict', digits: 1 },
  // climate
  {
    name: 'temperature_anomaly_k',
    label: 'Warming over 1850-1900 (K)',
    consequence: 'Climate inaction',
    digits: 2,
    rules: [
      { value: 1.5, label: '1.5 K' },
      { value: 2, label: '2 K' },
    ],
  },
  { name: 'co2_fossil_gtco2', label: 'Fossil CO2 (Gt CO2/yr)', consequence: 'Climate inaction', digits: 1 },
  // economy, trade
  {
    name: 'gdp_trillion_usd2015',
    label: 'World GDP (trillion 2015 USD)',
    consequence: 'Economic instability',
    digits: 1,
  },
  {
    name: 'trade_welfare_change_pct',
    label: 'Welfare change from trade policy (%)',
    consequence: 'Economic instability',
    digits: 2,
  },
  {
    name: 'world_trade_pct_gdp',
    label: 'World trade (% of GDP)',
    consequence: 'Economic instability',
    digits: 1,
  },
  // values
  {
    name: 'population_weighted_democracy',
    label: 'Democracy, population-weighted (0-1)',
    consequence: 'Loss of shared values',
    digits: 3,
  },
  // institutions, politics
  {
    name: 'internationalism_index',
    label: 'Internationalism index (0-1)',
    consequence: 'Internationalism',
    digits: 3,
  },
  {
    name: 'nationalist_gdp_share',
    label: 'World GDP under nationalist governments (share)',
    consequence: 'Internationalism',
    digits: 3,
  },
];

/** The headline indicators the model outputs, in list order, with their output definitions. */
export function headlineIndicators(
  outputs: readonly VarDef[] = GLOBAL_OUTPUTS,
): (HeadlineIndicator & { readonly def: VarDef })[] {
  const byName = new Map(outputs.map((v) => [v.name, v]));
  return HEADLINE_INDICATORS.flatMap((h) => {
    const def = byName.get(h.name);
    return def ? [{ ...h, def }] : [];
  });
}

/** The years the headline tables show. */
export const HEADLINE_YEARS = [2030, 2050, 2100] as const;

/** The headline years within a run's years, or its last year when none is. */
export function headlineYears(years: readonly number[]): number[] {
  const inside = HEADLINE_YEARS.filter((y) => y >= years[0] && y <= years[years.length - 1]);
  return inside.length > 0 ? inside : [years[years.length - 1]];
}
