/**
 * The shape of the trade-and-labor section of the shipped dataset (WorldData.tradeLabor), built by
 * scripts/data/trade-labor.ts from data/raw/bilateral_trade_latest.csv, country_year.csv,
 * employment_sectors.csv and trade_blocs.csv.
 */
import type { ValueSource } from '../world-data.js';

/** Where a flow of the base-year matrix comes from. */
export type FlowStatus =
  /** Observed in 2014 (COW) and brought to the base year by biproportional (RAS) scaling. */
  | 'scaled'
  /** Observed as zero in 2014 and kept at zero (scaling cannot create a flow). */
  | 'observed'
  /** Missing in the 2014 data: a gravity (PPML) prediction from GDP and distance, then RAS-scaled. */
  | 'imputed'
  /** The diagonal: domestic sales, GDP minus exports. */
  | 'domestic';

/** One letter per flow in `flowStatus`: s, o, i, d. */
export const FLOW_STATUS_CODES: Readonly<Record<string, FlowStatus>> = {
  s: 'scaled',
  o: 'observed',
  i: 'imputed',
  d: 'domestic',
};

export interface TradeLaborData {
  /**
   * The base-year trade matrix, billion USD (2015 prices), row-major [importer * n + exporter], with
   * domestic sales on the diagonal. Row sums are expenditure, column sums are income (sales).
   */
  readonly flows_billion_usd2015: readonly number[];
  /** Per flow, aligned with `flows_billion_usd2015`: a string of n*n letters (see FLOW_STATUS_CODES). */
  readonly flowStatus: string;
  /** Base-year exports and imports of goods and services per country (the RAS targets). */
  readonly exports_billion_usd2015: readonly number[];
  readonly imports_billion_usd2015: readonly number[];
  /** Where each country's export and import shares of GDP come from. */
  readonly exportSources: readonly ValueSource[];
  readonly importSources: readonly ValueSource[];
  /** States whose domestic sales were floored (exports above GDP less the floor). */
  readonly domesticFloor: { readonly share: number; readonly iso3: readonly string[] };
  /** The gravity equation used for missing flows: PPML, ln X = b0 + b1 ln GDP_imp + b2 ln GDP_exp + b3 ln dist. */
  readonly gravity: {
    readonly coefficients: readonly number[];
    readonly names: readonly string[];
    readonly observations: number;
  };
  readonly ras: { readonly iterations: number; readonly maxRelativeError: number };
  /** World Bank income group per country ('' where unclassified). */
  readonly incomeGroup: readonly string[];
  /** Rival bloc per country for decoupling: 'west', 'east' or '' (data/raw/trade_blocs.csv). */
  readonly bloc: readonly string[];
  /** Employment shares (fractions) of agriculture and industry, ILO modelled estimates. */
  readonly employmentAgriculture: readonly number[];
  readonly employmentIndustry: readonly number[];
  readonly employmentSources: readonly ValueSource[];
  /** Gini index (0-100) in the base year, Gapminder's gap-filled series. */
  readonly gini: readonly number[];
  readonly giniSources: readonly ValueSource[];
}
