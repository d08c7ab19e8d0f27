/**
 * The base-year inputs of the security and values modules (WorldData.security), built by
 * scripts/data/security.ts from the dyad-year table, the state-year panel, the estimated conflict model
 * (data/conflict_model.json) and four small hand-made tables with a source per row.
 */
import type { ValueSource } from '../world-data.js';

export interface SecurityData {
  /** The estimated dispute-onset model (scripts/estimate-conflict.ts), fitted on `trainYears`. */
  readonly model: {
    readonly outcome: string;
    readonly trainYears: readonly [number, number];
    readonly coefficients: Readonly<Record<string, number>>;
    readonly stdErrors: Readonly<Record<string, number>>;
    /** The largest peace-years in the training rows: the cubic is not extrapolated beyond it. */
    readonly peaceYearsMax: number;
    /** Base rates counted in the dyad-year data, 1946-2014 (values and counts). */
    readonly baseRates: Readonly<
      Record<'escalation' | 'warContinuation' | 'allyJoining', { value: number; of: number; count: number }>
    >;
    /** Holdout scores (2001-2014) of the shipped model and its baselines. */
    readonly holdout: Readonly<Record<string, { auc: number; brier: number; log_loss: number }>>;
  };
  /** Per country, aligned with `countries`. */
  readonly countries: {
    /** V-Dem electoral democracy (polyarchy) index, 0..1, in the base year. */
    readonly democracy: readonly number[];
    /** COW NMC composite index of national capability, latest year (share of the world, 0..1). */
    readonly capability: readonly number[];
    readonly capabilityYear: number;
    /** Military expenditure, % of GDP (SIPRI via the World Bank). */
    readonly military_spending_pct_gdp: readonly number[];
    /** COW major power (2016 status carried forward), 0/1. */
    readonly majorPower: readonly number[];
    /** Nominal GDP in the year of the trade data, current million USD: the denominator of dependence. */
    readonly nominalGdpMusd: readonly number[];
  };
  /** Where each democracy and military-spending value came from. */
  readonly sources: Readonly<Record<'democracy' | 'military_spending_pct_gdp', readonly ValueSource[]>>;
  /**
   * Undirected pairs i < j of the country list, packed in row order (see ./pairs.ts): the latest observation
   * in the dyad-year table (`dataYear`), updated with the hand-made tables of later disputes and alliances.
   */
  readonly pairs: {
    readonly dataYear: number;
    /** COW direct contiguity type: 1 land, 2-5 water of 12, 24, 150, 400 miles, 0 none. */
    readonly contiguity: readonly number[];
    /** Log of the distance between capitals, km. */
    readonly logDistance: readonly number[];
    /** Defence pact in force (ATOP), 0/1. */
    readonly alliance: readonly number[];
    /** IGOs in which both are full members (COW IGO). */
    readonly jointIgos: readonly number[];
    /** Trade both ways, current million USD, in `dataYear` (or the pair's latest observed dependence). */
    readonly tradeMusd: readonly number[];
    /** Year of the pair's latest MID onset, or the year before its first year in the data if none. */
    readonly lastDisputeYear: readonly number[];
  };
  /** Wars going on at the end of the base year. */
  readonly ongoingWars: readonly { readonly a: string; readonly b: string; readonly since: number }[];
  /** Regional groups of states whose pairs are followed as hotspots. */
  readonly hotspots: readonly {
    readonly region: string;
    readonly members: readonly string[];
    readonly why: string;
    /** MID onsets among the members' pairs in the last 20 years of data. */
    readonly recentOnsets: number;
  }[];
  /** Mean yearly MID onsets in the last ten years of the dyad data: the base year's hazard is compared with it. */
  readonly observedOnsetsPerYear: number;
  /** The range of the V-Dem polyarchy index in the panel, 1946-2024. */
  readonly democracyRange: readonly [number, number];
  /**
   * How fast democracy converges to the neighbours' in the data: the slope of the yearly change of logit
   * polyarchy on the gap to the contiguous neighbours' mean logit, every state-year with both, to the end
   * of the dyad data (ordinary least squares with an intercept).
   */
  readonly neighbourConvergence: { readonly rate: number; readonly stdError: number; readonly n: number };
  /** Nationalist-populist governments and the yearly change of logit(polyarchy) under them (V-Dem). */
  readonly populistEpisodes: readonly {
    readonly iso3: string;
    readonly leader: string;
    readonly firstYear: number;
    readonly lastYear: number;
    readonly logitChangePerYear: number;
  }[];
}
