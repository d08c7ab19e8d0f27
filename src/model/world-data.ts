/**
 * The shape of the shipped base-year dataset (data/world.json), built by scripts/build-data.ts from the
 * raw tables in data/raw. The core receives it already loaded: it never reads files itself.
 */

import type { SecurityData } from './security/data.js';
import type { TradeLaborData } from './trade/data.js';

/** Where a base-year value came from: an observation, or a documented imputation rule. */
export interface ValueSource {
  readonly source: string;
  readonly year: number;
  /** Set when the value was imputed: the rule applied, in words. */
  readonly imputed?: string;
}

export interface WorldData {
  /** A hash of the raw inputs and the build script: changes whenever the data would. */
  readonly version: string;
  readonly baseYear: number;
  readonly countries: {
    readonly iso3: readonly string[];
    readonly name: readonly string[];
    readonly region: readonly string[];
    readonly subregion: readonly string[];
    readonly capitalLat: readonly number[];
    readonly capitalLon: readonly number[];
  };
  /** Base-year country values, aligned with `countries`. */
  readonly base: {
    readonly population_million: readonly number[];
    readonly gdp_billion_usd2015: readonly number[];
    readonly co2_fossil_mtco2: readonly number[];
    /** Mean yearly population growth over the five years to the base year (fraction/yr). */
    readonly population_growth_recent: readonly number[];
    /** Mean yearly log growth of real GDP per capita over the ten years to the base year (1/yr). */
    readonly gdppc_growth_recent: readonly number[];
  };
  /** Per variable, per country (aligned), where each base-year value came from. */
  readonly sources: Readonly<Record<string, readonly ValueSource[]>>;
  readonly world: {
    /** The global fossil CO2 total of the Global Carbon Project in the base year. */
    readonly co2_fossil_mtco2: number;
    /** Global total minus the states' sum: international bunkers and territories that are not states. */
    readonly co2_fossil_unallocated_mtco2: number;
  };
  /** Global history from the climate spin-up's first year to the base year, one value a year. */
  readonly climateHistory: {
    readonly firstYear: number;
    readonly fossil_co2_gtc: readonly number[];
    readonly landuse_co2_gtc: readonly number[];
    readonly nonco2_forcing_wm2: readonly number[];
  };
  /** The exogenous non-CO2 forcing path after the base year (knots, linear in between, flat after). */
  readonly nonco2Future: { readonly year: readonly number[]; readonly forcing_wm2: readonly number[] };
  /** Conflict and democracy: the estimated dispute model, dyads, wars, hotspots (security and values). */
  readonly security: SecurityData;
  /** Observations the base year is checked against. */
  readonly observed: {
    readonly co2_ppm: number;
    readonly warming_trend_k: number;
  };
  /** The base-year trade matrix, employment structure and inequality (scripts/data/trade-labor.ts). */
  readonly tradeLabor: TradeLaborData;
}
