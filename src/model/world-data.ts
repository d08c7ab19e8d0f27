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
  /** For the web explorer's map: each state's UN M49 (ISO 3166-1 numeric) code, '' where it has none. */
  readonly map: { readonly m49: readonly string[] };
  /** Multilateral institutions in the base year: who belongs, who pays, how they decide (scripts/data/institutions.ts). */
  readonly institutions: InstitutionsData;
  /** Base-year politics (scripts/data/politics.ts), aligned with `countries`. */
  readonly politics: PoliticsData;
}

/** How an institution takes decisions: the slower the rule, the less effective it is (src/model/modules/institutions.ts). */
export type DecisionRule = 'majority' | 'weighted' | 'qualified_majority' | 'veto' | 'consensus';
/** How the funding shares of members without a listed share are set (data/README.md). */
export type FundingRule = 'gdp' | 'equal' | 'trade' | 'un_scale';
/** A state's standing in an institution; only `member` counts as inside. */
export type MemberStatus = 'member' | 'observer' | 'signatory' | 'candidate' | 'suspended';

export interface InstitutionDef {
  /** Short id used in scenario events, e.g. `WHO`. */
  readonly id: string;
  readonly name: string;
  /** universal, regional, alliance or club. */
  readonly kind: string;
  /** What it governs (general, health, trade, climate, finance, development, security, ...). */
  readonly domain: string;
  /** `world`: open to every UN member state, coverage measured against the world; `listed`: only the states listed for it. */
  readonly scope: 'world' | 'listed';
  readonly decisionRule: DecisionRule;
  /** Whether its charter lets a member leave (the UN Charter has no withdrawal clause). */
  readonly leavable: boolean;
  readonly fundingRule: FundingRule;
  readonly source: string;
}

/** The base-year membership table, one entry per institution and state with a status (struct of arrays). */
export interface MemberRows {
  /** Index into `InstitutionsData.list`. */
  readonly institution: readonly number[];
  /** Index into `WorldData.countries`. */
  readonly country: readonly number[];
  readonly status: readonly MemberStatus[];
  /** Share of the institution's assessed funding (members only; they sum to 1 over its members). */
  readonly fundingShare: readonly number[];
  /** Index into `InstitutionsData.sources`: where the membership comes from. */
  readonly source: readonly number[];
  /** Index into `InstitutionsData.sources`: where a listed share comes from, or the rule that set it; -1 for non-members. */
  readonly fundingSource: readonly number[];
  readonly note: readonly string[];
}

export interface InstitutionsData {
  readonly list: readonly InstitutionDef[];
  readonly members: MemberRows;
  /** Per institution: the states outside it in the base year that may join (listed ones; for world scope, UN members). */
  readonly joinable: readonly (readonly number[])[];
  readonly sources: readonly string[];
  /** Exports of goods and services, % of GDP, base year (the climate club's trade penalty), aligned with countries. */
  readonly exportsPctGdp: readonly number[];
  /** Imports of goods and services, % of GDP, base year (with exports, the WTO's trade-based funding rule). */
  readonly importsPctGdp: readonly number[];
  /** Where each state's trade shares come from; imputed ones say so. */
  readonly tradeSources: readonly ValueSource[];
}

/** Base-year politics: who governs, how they are chosen, and how much support nationalism has. */
export interface PoliticsData {
  /** Stance of the government in office on 31 December of the base year: 0 internationalist, 1 mixed, 2 nationalist-populist. */
  readonly stance: readonly number[];
  /** Who governed (head of government or effective ruler). */
  readonly government: readonly string[];
  /** Stance known to take office in the year after the base year (an election held in the base year), or -1. */
  readonly stanceNext: readonly number[];
  /** V-Dem electoral democracy index (polyarchy), 0..1. */
  readonly polyarchy: readonly number[];
  /** Years between elections that choose the executive. */
  readonly termYears: readonly number[];
  /** The first election after the base year that chooses the executive. */
  readonly nextElection: readonly number[];
  /** Share of the electorate supporting nationalist-populist options, 0..1. */
  readonly support: readonly number[];
  /** Media literacy of the adult population, 0..1 (a documented proxy). */
  readonly mediaLiteracy: readonly number[];
  /** Yearly immigrant inflow, % of population (a documented default by income group). */
  readonly immigrationPct: readonly number[];
  /** Per variable above, per country, where each value came from. */
  readonly sources: Readonly<Record<string, readonly ValueSource[]>>;
}
