/**
 * Politics and information: why countries turn inward, and what their governments then do.
 *
 * Nationalist support s_i (share of the electorate for nationalist-populist options) moves each year toward
 * a target set by its drivers, in logit space (src/model/politics/support.ts):
 *   x_i(t) = x_i(t-1) + kappa [x*_i(t) - x_i(t-1)],   s_i = sigmoid(x_i),
 *   s*_i = s0_i (1 + b_crisis C_i) + sum_k b_k dD_k,i / 100,   x*_i = logit(s*_i) (softly bounded inside (0, 1)),
 * with dD_k the change since the base year of: inequality (Gini), import penetration, the displaced-worker
 * pool, real income, unintegrated immigrants, disinformation x (1 - media literacy), perceived failure of
 * global institutions and war; C_i the memory of a recent crisis. The b_k are percentage points of support per
 * unit, anchored on Autor, Dorn, Hanson and Majlesi (2020), Colantone and Stanig (2018), Halla, Wagner and
 * Zweimuller (2017), Guriev, Melnikov and Zhuravskaya (2021) and Funke, Schularick and Trebesch (2016).
 *
 * Media literacy rises with civic education cohort by cohort, after a lag (politics/information.ts).
 * Elections on each competitive democracy's cycle, and a rare hazard elsewhere, turn support into the
 * government's stance (politics/elections.ts); a new government acts through the policy table
 * (politics/policy.ts). With `--opinion agents`, support and polarization come from citizens on a network
 * instead (politics/agents.ts). Inputs owned by other modules are read when present and otherwise held at
 * their base-year values (no change): gini, displaced_workers_thousand (labor); trade_pct_gdp,
 * real_income_change_pct and the tariff_pct matrix (trade); perceived_institutional_failure (institutions);
 * at_war, refugee_inflow_thousand (security); democracy (values); financial_crisis (crises).
 */

import { z } from 'zod';
import type { Context, Module } from '../module.js';
import {
  type AgentParams,
  type Agents,
  calibrate,
  createAgents,
  measure,
  sweep,
} from '../politics/agents.js';
import { type Draws, drawsFrom, SLOT } from '../politics/draws.js';
import {
  electedStance,
  propensityFor,
  STANCES,
  type StanceRule,
  standardNormal,
} from '../politics/elections.js';
import { nextMediaLiteracy, polarization } from '../politics/information.js';
import { type PolicyTable, policyTable, takeOffice } from '../politics/policy.js';
import {
  adjust,
  boundLogit,
  type Drivers,
  type Effects,
  logit,
  NO_DRIVERS,
  sigmoid,
  softLogit,
  targetFrom,
} from '../politics/support.js';
import * as Portable from '../portable.js';
import { type ParamDef, type Params, paramOf } from '../registry.js';
import type { WorldState } from '../state.js';

const P = paramOf('politics');

const zStance = () => z.enum(STANCES);
const zRange = (lo: number, hi: number) => z.number().min(lo).max(hi);

/** Longest civic-education lag the ring buffer of programme history holds (the lag parameter's maximum). */
const MAX_LAG = 12;

const PARAMS: readonly ParamDef[] = [
  // Support dynamics.
  P(
    'adjustment_rate',
    0.3,
    0.1,
    0.7,
    '1/yr',
    'Assumption: Funke, Schularick and Trebesch (2016, Eur. Econ. Rev. 88) find the far-right gains after a crisis build up over about five years, i.e. a gap closing at 20-50 % a year',
    'Share of the logit gap between nationalist support and its target closed each year.',
  ),
  P(
    'effect_gini',
    0.5,
    0,
    1.5,
    'pp of support per Gini point',
    'Assumption: the direction follows Engler and Weisstanner (2021, J. Eur. Public Policy 28(2)), rising inequality raises radical-right support; no causal size is established',
    'Support gained per point of rise in the Gini index.',
  ),
  P(
    'effect_import_shock',
    1,
    0.3,
    2.5,
    'pp of support per pp of GDP',
    'Autor, Dorn, Hanson and Majlesi (2020, AER 110(10)): a rise in Chinese import exposure of USD 1,000 per worker (about 1 % of output per worker) moved US counties toward the Republican presidential candidate by the order of one percentage point; Colantone and Stanig (2018, AJPS 62(4)) find a rise in nationalist and radical-right voting of similar order in Western European regions',
    'Support gained per percentage point of GDP rise in import penetration.',
  ),
  P(
    'effect_displaced',
    1,
    0,
    3,
    'pp of support per % of population',
    'Assumption: the displaced-worker channel behind the import-shock results of Autor et al. (2020) and Colantone and Stanig (2018), per displaced worker',
    'Support gained per percentage point of the population in the displaced-worker pool.',
  ),
  P(
    'effect_real_income',
    0.5,
    0,
    1.5,
    'pp of support per % of real income lost',
    'Assumption: of the order of the economic-vote effects on incumbents (Lewis-Beck and Stegmaier 2000, Annu. Rev. Polit. Sci. 3), here on nationalist support',
    'Support gained per percent of real income lost to trade shocks.',
  ),
  P(
    'effect_immigration',
    0.3,
    0.1,
    2,
    'pp of support per pp of population',
    'Halla, Wagner and Zweimuller (2017, JEEA 15(6)): a rise in the immigrant share of Austrian communities raised the FPO vote by a fraction of a point per point; Dustmann, Vasiljeva and Damm (2019, REStud 86(5)) find larger effects in rural Denmark (upper end)',
    'Support gained per percentage point of the population that is recent, not yet integrated immigrants.',
  ),
  P(
    'effect_disinformation',
    8,
    2,
    16,
    'pp of support per unit of disinformation x (1 - media literacy)',
    'Guriev, Melnikov and Zhuravskaya (2021, QJE 136(4)): the spread of mobile broadband (3G) raised the vote of anti-establishment populists in Europe by several percentage points; in Europe 1 - media literacy is about 0.2-0.75, so going from no disinformation to that of 2024 moves support there by about 2-6 pp',
    'Support gained per unit of disinformation reaching people (intensity relative to 2024 times one minus media literacy).',
  ),
  P(
    'effect_institutional_failure',
    10,
    0,
    25,
    'pp of support per unit (0..1)',
    'Assumption: failures blamed on global institutions feed the "unaccountable elites" narrative (Algan, Guriev, Papaioannou and Passari 2017, Brookings Papers, on falling trust and populist voting)',
    'Support gained when perceived failure of global institutions rises from 0 to 1.',
  ),
  P(
    'effect_crisis',
    0.3,
    0.1,
    0.5,
    'relative rise of support',
    'Funke, Schularick and Trebesch (2016, Eur. Econ. Rev. 88): far-right vote shares rise by about 30 % in the five years after a systemic financial crisis',
    'Relative rise of nationalist support right after a crisis.',
  ),
  P(
    'support_softness',
    0.005,
    0.005,
    0.005,
    'share of the electorate',
    'Numerical shape, not an estimate: the width of the soft bounds that keep target support inside (0, 1); away from 0 and 1 the drivers add exactly their percentage points',
    'Width of the bends at 0 and 1 of the soft clamp on target support.',
    'fixed',
  ),
  P(
    'crisis_half_life',
    3,
    1.5,
    6,
    'yr',
    'Funke, Schularick and Trebesch (2016): the political effects of financial crises fade after about five years',
    'Half-life of the memory of a crisis.',
  ),
  P(
    'crisis_gdp_drop',
    0.03,
    0.02,
    0.06,
    'fraction of GDP per person',
    'Assumption: a fall of GDP per person this large in a year is counted as a crisis when no crisis module flags one (normal recessions do not move the far-right vote in Funke et al. 2016)',
    'Yearly fall of GDP per person that counts as a crisis.',
  ),
  P(
    'effect_war',
    5,
    0,
    15,
    'pp of support',
    'Assumption: rally-round-the-flag effects (Mueller 1970, APSR 64(1)) favour nationalist options in wartime',
    'Support gained while the country is at war.',
  ),
  // Immigration.
  P(
    'integration_rate',
    0.1,
    0.05,
    0.2,
    '1/yr',
    'Assumption: OECD/EU Indicators of Immigrant Integration 2023 (Settling In): the gaps between immigrants and natives close over 10 to 20 years',
    'Share of not yet integrated immigrants who become integrated each year at the 2024 pace.',
  ),
  {
    ...P(
      'integration',
      1,
      0.25,
      3,
      'relative to 2024',
      'Lever (neutral 1): integration policy; 2 integrates immigrants twice as fast as in 2024',
      'Pace of integration of immigrants relative to 2024.',
      'uniform',
    ),
    lever: 'driver',
  },
  // Information ecosystem.
  {
    ...P(
      'disinformation',
      1,
      0,
      3,
      'relative to 2024',
      'Lever (neutral 1): disinformation intensity relative to 2024, in every country from the first simulated year',
      'Disinformation intensity relative to 2024.',
      'uniform',
    ),
    lever: 'driver',
  },
  {
    ...P(
      'echo_chamber',
      1,
      0,
      2,
      'relative to 2024',
      'Lever (neutral 1): strength of echo chambers relative to 2024 (platform design, algorithmic curation)',
      'Echo-chamber strength relative to 2024: widens opinion camps, and in agent mode makes links more homophilous.',
      'uniform',
    ),
    lever: 'driver',
  },
  {
    ...P(
      'civic_education',
      0,
      0,
      1,
      'programme intensity (0..1)',
      'Lever (neutral 0): a civic and media-literacy curriculum in every school from the first simulated year; 1 reaches every pupil',
      'Intensity of civic education from the first simulated year.',
      'uniform',
    ),
    lever: 'policy',
  },
  P(
    'civic_education_gain',
    0.25,
    0.1,
    0.5,
    'share of the literacy gap',
    'Guess et al. (2020, PNAS 117(27)): a digital media literacy intervention raised discernment between mainstream and false news by about 26 % in the USA',
    'Share of its gap to full media literacy that a cohort fully taught civic education closes.',
  ),
  P(
    'civic_education_lag',
    6,
    3,
    MAX_LAG,
    'yr',
    'Assumption: years between civic education in secondary school and entering the electorate (ages 12-18)',
    'Years before pupils taught civic education join the adult population (rounded to whole years).',
  ),
  P(
    'cohort_turnover',
    0.022,
    0.012,
    0.03,
    '1/yr',
    'UN World Population Prospects 2024: each year about 130 million people turn 18 among 5.8 billion adults (2.2 %); lower in ageing countries',
    'Share of the adult population replaced each year by the cohort coming of age.',
  ),
  P(
    'camp_distance',
    0.6,
    0.3,
    0.8,
    'opinion scale 0..1',
    'Assumption: distance between the typical nationalist and internationalist opinion in 2024; gives polarization 4 s (1 - s) d^2',
    'Distance between the two opinion camps in the base year (aggregate mode).',
  ),
  P(
    'polarization_echo',
    0.05,
    0,
    0.5,
    'logit per unit',
    'Calibrated to the agent mode, where doubling echo-chamber strength (more homophilous links) raises mean polarization by about 0.01 (test/politics-agents.test.ts); direction as in Sunstein (2017), #Republic',
    'Widening of the camp distance (logit) per unit of echo-chamber strength above 2024 (aggregate mode).',
  ),
  P(
    'polarization_disinformation',
    0.12,
    0,
    1.5,
    'logit per unit',
    'Calibrated to the agent mode, where doubling disinformation raises mean polarization by about 0.05 and removing it lowers it by about 0.06 (test/politics-agents.test.ts)',
    'Widening of the camp distance (logit) per unit rise of disinformation x (1 - media literacy) (aggregate mode).',
  ),
  // Elections and stance.
  P(
    'competitive_threshold',
    0.5,
    0.5,
    0.5,
    'V-Dem polyarchy',
    'Luhrmann, Tannenberg and Lindberg (2018, Politics and Governance 6(1)), Regimes of the World: an electoral democracy needs v2x_polyarchy above 0.5',
    'Polyarchy above which a country holds competitive elections.',
    'fixed',
  ),
  P(
    'threshold_mixed',
    0.24,
    0.15,
    0.35,
    'share of the electorate',
    'Maximum-likelihood fit of the stance rule to the 2024 stances of the 53 states with an observed nationalist vote share (scripts/politics/stance-fit.ts)',
    'Support above which, before propensity and swing, nationalist parties join or back the government (mixed).',
  ),
  P(
    'threshold_nationalist',
    0.47,
    0.35,
    0.6,
    'share of the electorate',
    'Maximum-likelihood fit as for politics.threshold_mixed (scripts/politics/stance-fit.ts)',
    'Support above which, before propensity and swing, a nationalist-populist government forms.',
  ),
  P(
    'propensity_sd',
    1.11,
    0.2,
    1.8,
    'logit (standard deviation)',
    'The fit above gives a total spread of 1.15 in logit around the thresholds; what the election-day swing does not explain, sqrt(1.15^2 - 0.3^2), is persistent country propensity',
    'Spread across countries of the persistent propensity to be governed by nationalists at given support.',
  ),
  P(
    'election_swing',
    0.3,
    0.1,
    1.2,
    'logit (standard deviation)',
    'Assumption: election-to-election swings of nationalist vote shares of 3-5 points around a quarter of the vote (about 0.2-0.3 in logit); the rest of the 2024 spread is persistent propensity. The hindcast (scripts/politics/hindcast.ts) reports the alternative of little persistence',
    'Standard deviation of the random swing of support on election day.',
  ),
  P(
    'autocracy_hazard',
    0.03,
    0.01,
    0.08,
    '1/yr',
    'Assumption: below the 5-15 %/yr rate at which autocratic leaders leave office (Archigos 4.1, Goemans, Gleditsch and Chiozza 2009, J. Peace Res. 46(2)), as most successions keep the stance',
    'Yearly chance that a non-competitive regime changes its stance.',
  ),
  // What governments do.
  P(
    'tariff_nationalist_pct',
    10,
    0,
    60,
    'percentage points',
    'The universal 10 % US tariff of April 2025 (Executive Order 14257); the 2018-2019 US-China tariffs reached about 20 % on average (Fajgelbaum et al. 2020, QJE 135(1))',
    'Tariff a nationalist-populist government adds on imports from every partner.',
  ),
  P(
    'tariff_mixed_pct',
    0,
    0,
    20,
    'percentage points',
    'Assumption: governments with nationalist partners keep base-year trade policy',
    'Tariff a mixed government adds on imports from every partner.',
  ),
  P(
    'aid_change_nationalist',
    -0.4,
    -0.9,
    0,
    'fraction of base-year aid',
    'The 2025 US freeze of foreign assistance and the Dutch 2024 coalition agreement (cut of EUR 2.4 billion a year, about 40 %)',
    'Change in official development aid under a nationalist-populist government.',
  ),
  P(
    'aid_change_mixed',
    -0.1,
    -0.5,
    0,
    'fraction of base-year aid',
    'Assumption: Swedish and Finnish aid cuts under governments relying on nationalist parties (2022-2024)',
    'Change in official development aid under a mixed government.',
  ),
  P(
    'migration_openness_nationalist',
    0.5,
    0.1,
    1,
    'relative to base year',
    'Assumption: the 2025 US suspension of refugee admissions; Hungary after 2015',
    'Immigrant admissions under a nationalist-populist government, relative to the base year.',
  ),
  P(
    'migration_openness_mixed',
    0.8,
    0.3,
    1,
    'relative to base year',
    'Assumption: tighter asylum rules under the Danish, Swedish and Dutch governments of 2022-2024',
    'Immigrant admissions under a mixed government, relative to the base year.',
  ),
  P(
    'climate_ambition_nationalist',
    0.3,
    0,
    1,
    'relative to base year',
    'Assumption: US withdrawals from the Paris Agreement (2017, 2025) and the rollback of federal climate policy',
    'Climate mitigation effort under a nationalist-populist government, relative to the base year.',
  ),
  P(
    'climate_ambition_mixed',
    0.8,
    0.3,
    1,
    'relative to base year',
    'Assumption: governments relying on nationalist parties slowed climate policy (Sweden 2022, the Netherlands 2024) without leaving the Paris Agreement',
    'Climate mitigation effort under a mixed government, relative to the base year.',
  ),
  P(
    'military_change_nationalist',
    0.2,
    0,
    0.6,
    'fraction of base-year spending',
    'Assumption: nationalist governments favour hard power (e.g. Poland 2015-2023, India after 2014)',
    'Change in military spending under a nationalist-populist government.',
  ),
  P(
    'military_change_mixed',
    0.05,
    0,
    0.3,
    'fraction of base-year spending',
    'Assumption: a quarter of the nationalist-populist change',
    'Change in military spending under a mixed government.',
  ),
  // Agent mode.
  P(
    'agent_degree',
    8,
    4,
    16,
    'links per citizen',
    'Assumption: a core discussion network of a few to a dozen people (McPherson, Smith-Lovin and Brashears 2006, ASR 71(3))',
    'Social links per citizen in agent mode (rounded).',
    'uniform',
  ),
  P(
    'agent_homophily',
    0.8,
    0.5,
    0.95,
    'share of links',
    'Assumption: most political discussion is among the like-minded (McPherson, Smith-Lovin and Cook 2001, Annu. Rev. Sociol. 27)',
    'Share of links to citizens of similar prior at the 2024 echo-chamber strength (agent mode).',
  ),
  P(
    'agent_anchoring',
    0.2,
    0.1,
    0.6,
    'share per year',
    'Assumption: stubbornness in the Friedkin and Johnsen (1990, J. Math. Sociol. 15) sense',
    "Share of the gap to a citizen's prior closed each year (agent mode).",
  ),
  P(
    'agent_convergence',
    0.3,
    0.1,
    0.5,
    'share of the gap',
    'Deffuant, Neau, Amblard and Weisbuch (2000, Adv. Complex Syst. 3): mu in (0, 0.5]; 0.3 is their example',
    'Share of the opinion gap two interacting citizens close (agent mode).',
  ),
  P(
    'agent_confidence',
    0.2,
    0.1,
    0.4,
    'opinion scale 0..1',
    'Deffuant et al. (2000): bounds below about 0.25 leave several opinion clusters, above it consensus',
    'Confidence bound of a citizen with no media literacy (agent mode).',
  ),
  P(
    'agent_confidence_literacy',
    0.2,
    0,
    0.4,
    'opinion scale 0..1',
    'Assumption: media literacy makes citizens listen further across the divide',
    'Widening of the confidence bound at full media literacy (agent mode).',
  ),
  P(
    'agent_disinformation_rate',
    1.1,
    0.3,
    2,
    'encounters per year',
    'Calibrated so that doubling disinformation moves mean support in agent mode by about as much as in the aggregate mode, where the size is anchored on Guriev et al. (2021) (test/politics-agents.test.ts)',
    'Encounters with disinformation a citizen has a year at 2024 intensity and no media literacy (agent mode).',
  ),
];

/** Numbers the yearly step needs, read from the parameters once per run. */
interface Coefficients {
  readonly adjustment: number;
  readonly literacyGain: number;
  readonly turnover: number;
  readonly lag: number;
  readonly integration: number;
  readonly crisisDecay: number;
  readonly crisisDrop: number;
  readonly campLogit: number;
  readonly echoShift: number;
  /** The camp distance when disinformation reaching people is as in 2024. */
  readonly campDistance: number;
  readonly campDisinformation: number;
  readonly hazard: number;
  readonly competitive: number;
}

function coefficients(p: Params): Coefficients {
  return {
    adjustment: p['politics.adjustment_rate'],
    literacyGain: p['politics.civic_education_gain'],
    turnover: p['politics.cohort_turnover'],
    lag: Math.round(p['politics.civic_education_lag']),
    integration: p['politics.integration_rate'] * p['politics.integration'],
    crisisDecay: Portable.pow(0.5, 1 / p['politics.crisis_half_life']),
    crisisDrop: p['politics.crisis_gdp_drop'],
    campLogit: logit(p['politics.camp_distance']),
    echoShift: p['politics.polarization_echo'] * (p['politics.echo_chamber'] - 1),
    campDistance: sigmoid(
      logit(p['politics.camp_distance']) + p['politics.polarization_echo'] * (p['politics.echo_chamber'] - 1),
    ),
    campDisinformation: p['politics.polarization_disinformation'],
    hazard: p['politics.autocracy_hazard'],
    competitive: p['politics.competitive_threshold'],
  };
}

/** The politics module's private state. */
interface Internal {
  readonly k: Coefficients;
  readonly effects: Effects;
  readonly rule: StanceRule;
  readonly policy: PolicyTable;
  /** Base-year support, in logit, and in the soft-clamped logit (support.ts). */
  readonly s0: Float64Array;
  readonly x0: Float64Array;
  readonly b0: Float64Array;
  /** Base-year media literacy, and the unintegrated-immigrant stock of the base year. */
  readonly literacy0: Float64Array;
  readonly immigrants0: Float64Array;
  /** Support in logit. */
  readonly x: Float64Array;
  /** Each country's persistent propensity u_i (politics/elections.ts). */
  readonly propensity: Float64Array;
  /** Driver inputs in the base year, read at the first step (once every module has initialised). */
  ref?: Reference;
  readonly gdppcPrev: Float64Array;
  /** Civic-education intensity by year, a ring buffer [(year mod (MAX_LAG + 1)) * n + i]. */
  readonly civic: Float64Array;
  readonly draws: Draws;
  /** Scratch space reused every year. */
  readonly drivers: Drivers;
  readonly grievance: Float64Array;
  readonly agents?: AgentState;
}

interface Reference {
  readonly gini: Float64Array;
  readonly trade: Float64Array;
  readonly displaced: Float64Array;
  readonly income: Float64Array;
  readonly war: Float64Array;
  readonly failure: number;
}

interface AgentState {
  readonly pop: Agents;
  /** Calibrated prior levels of the base year (logit). */
  readonly level0: Float64Array;
  readonly exposure: Float64Array;
  readonly bound: Float64Array;
  readonly p: AgentParams;
}

/** The stance rule's thresholds and noise, from the registry (also used by the hindcast script). */
export function stanceRuleOf(p: Params): StanceRule {
  return {
    mixedAbove: p['politics.threshold_mixed'],
    nationalistAbove: p['politics.threshold_nationalist'],
    swing: p['politics.election_swing'],
    propensitySd: p['politics.propensity_sd'],
  };
}

/** The drivers' effects on support, from the registry (also used by the hindcast script). */
export function effectsOf(p: Params): Effects {
  return {
    gini: p['politics.effect_gini'],
    importShare: p['politics.effect_import_shock'],
    displaced: p['politics.effect_displaced'],
    realIncomeLoss: p['politics.effect_real_income'],
    immigrants: p['politics.effect_immigration'],
    disinformation: p['politics.effect_disinformation'],
    institutionalFailure: p['politics.effect_institutional_failure'],
    war: p['politics.effect_war'],
    crisis: p['politics.effect_crisis'],
    softness: p['politics.support_softness'],
  };
}

/** The agent mode's parameters from the registry (also used by the benchmark). */
export function agentParams(p: Params): AgentParams {
  return {
    degree: Math.round(p['politics.agent_degree']),
    homophily: Math.min(1, p['politics.agent_homophily'] * p['politics.echo_chamber']),
    anchoring: p['politics.agent_anchoring'],
    convergence: p['politics.agent_convergence'],
    confidence: p['politics.agent_confidence'],
    confidenceLiteracy: p['politics.agent_confidence_literacy'],
    disinformationRate: p['politics.agent_disinformation_rate'],
  };
}

/** An input owned by another module: its array if that module is present, else undefined. */
const input = (state: WorldState, name: string): Float64Array | undefined => state.country[name];

/** Displaced workers as % of the population (0 when labor is absent). */
function displacedPct(state: WorldState, displaced: Float64Array | undefined, i: number): number {
  return displaced ? (100 * displaced[i]) / (1000 * state.country.population_million[i]) : 0;
}

function readReference(state: WorldState): Reference {
  const n = state.n;
  const copy = (name: string) => Float64Array.from(input(state, name) ?? new Float64Array(n));
  const displaced = input(state, 'displaced_workers_thousand');
  return {
    gini: copy('gini'),
    trade: copy('trade_pct_gdp'),
    displaced: Float64Array.from({ length: n }, (_, i) => displacedPct(state, displaced, i)),
    income: copy('real_income_change_pct'),
    war: copy('at_war'),
    failure: state.global.perceived_institutional_failure ?? 0,
  };
}

/** Population-weighted means of support and polarization, and the GDP share under nationalist-populists. */
function aggregates(state: WorldState): void {
  const c = state.country;
  let pop = 0;
  let gdp = 0;
  let support = 0;
  let polar = 0;
  let nationalistGdp = 0;
  for (let i = 0; i < state.n; i++) {
    pop += c.population_million[i];
    gdp += c.gdp_billion_usd2015[i];
    support += c.population_million[i] * c.nationalist_support[i];
    polar += c.population_million[i] * c.polarization[i];
    if (c.government_stance[i] === 2) nationalistGdp += c.gdp_billion_usd2015[i];
  }
  state.global.mean_nationalist_support = support / pop;
  state.global.mean_polarization = polar / pop;
  state.global.nationalist_gdp_share = nationalistGdp / gdp;
}

export const politics: Module = {
  name: 'politics',
  summary:
    'Nationalist support driven by inequality, import shocks, displacement, immigration, disinformation, failing institutions, crises and war; media literacy and civic education; elections and the stance of governments; what governments do.',
  params: PARAMS,
  countryVars: [
    {
      name: 'nationalist_support',
      units: 'share of the electorate (0..1)',
      description: 'Support for nationalist-populist parties and candidates',
      output: true,
    },
    {
      name: 'polarization',
      units: 'index (0..1)',
      description: 'Polarization: four times the variance of opinion on a 0..1 scale',
      output: true,
    },
    {
      name: 'media_literacy',
      units: 'index (0..1)',
      description: 'Media literacy of the adult population',
      output: true,
    },
    {
      name: 'government_stance',
      units: 'code (0 internationalist, 1 mixed, 2 nationalist-populist)',
      description: "The government's stance",
      output: true,
    },
    {
      name: 'disinformation_intensity',
      units: 'relative to 2024',
      description: 'Disinformation intensity (lever politics.disinformation, or a scenario event)',
    },
    {
      name: 'civic_education_intensity',
      units: 'programme intensity (0..1)',
      description:
        'Civic education in schools this year (lever politics.civic_education, or a scenario event)',
    },
    {
      name: 'migration_openness',
      units: 'relative to base year',
      description: 'Immigrant admissions relative to the base year, set by governments',
    },
    {
      name: 'immigrants_unintegrated_pct',
      units: '% of population',
      description: 'Recent immigrants not yet integrated',
    },
    { name: 'crisis_memory', units: 'index (0..1)', description: 'Memory of a recent crisis, 1 in its year' },
    { name: 'next_election_year', units: 'year', description: 'Next election that chooses the executive' },
  ],
  globalVars: [
    {
      name: 'nationalist_gdp_share',
      units: 'share of world GDP (0..1)',
      description: 'Share of world GDP under nationalist-populist governments',
      output: true,
    },
    {
      name: 'mean_nationalist_support',
      units: 'share (0..1), population-weighted',
      description: 'Population-weighted mean nationalist support',
      output: true,
    },
    {
      name: 'mean_polarization',
      units: 'index (0..1), population-weighted',
      description: 'Population-weighted mean polarization',
      output: true,
    },
  ],
  events: [
    {
      type: 'stance',
      description: 'Force the stance of a government from this year (a coup, a surprise election)',
      fields: (v) => ({ country: v.country, stance: zStance().describe('The stance the government takes') }),
    },
    {
      type: 'civic_education',
      description: 'Set civic education in schools from this year (intensity 0..1)',
      fields: (v) => ({
        country: v.countryOrAll,
        intensity: zRange(0, 1).describe('Share of pupils taught the civic and media-literacy curriculum'),
      }),
    },
    {
      type: 'disinformation',
      description: 'Set disinformation intensity from this year (relative to 2024, 0..3)',
      fields: (v) => ({
        country: v.countryOrAll,
        intensity: zRange(0, 3).describe('Disinformation intensity, 1 = as in 2024'),
      }),
    },
  ],

  init(state, ctx) {
    const { data, params } = ctx;
    const c = state.country;
    const n = state.n;
    const pd = data.politics;
    const k = coefficients(params);
    const rule = stanceRuleOf(params);
    const integrationBase = params['politics.integration_rate'];
    for (let i = 0; i < n; i++) {
      c.nationalist_support[i] = pd.support[i];
      c.government_stance[i] = pd.stance[i];
      c.media_literacy[i] = pd.mediaLiteracy[i];
      c.disinformation_intensity[i] = params['politics.disinformation'];
      c.civic_education_intensity[i] = params['politics.civic_education'];
      c.migration_openness[i] = 1;
      // The base-year stock is the steady state of the base-year inflow at the 2024 pace of integration.
      c.immigrants_unintegrated_pct[i] = pd.immigrationPct[i] / integrationBase;
      c.crisis_memory[i] = 0;
      c.next_election_year[i] = pd.nextElection[i];
    }
    const agents =
      ctx.opinion?.mode === 'agents'
        ? initAgents(state, params, ctx.opinion.agentsPerCountry, ctx)
        : undefined;
    const internal: Internal = {
      k,
      effects: effectsOf(params),
      rule,
      policy: policyTable(params),
      s0: Float64Array.from(pd.support),
      x0: Float64Array.from(pd.support, logit),
      b0: Float64Array.from(pd.support, (s) => softLogit(s, params['politics.support_softness'])),
      literacy0: Float64Array.from(pd.mediaLiteracy),
      immigrants0: Float64Array.from(c.immigrants_unintegrated_pct),
      x: Float64Array.from(c.nationalist_support, logit),
      propensity: Float64Array.from(pd.support, (s, i) =>
        propensityFor(logit(s), pd.stanceNext[i] >= 0 ? pd.stanceNext[i] : pd.stance[i], rule),
      ),
      gdppcPrev: Float64Array.from(c.gdp_per_capita_usd2015),
      civic: new Float64Array((MAX_LAG + 1) * n),
      draws: drawsFrom(ctx.rng.fork()),
      drivers: { ...NO_DRIVERS },
      grievance: new Float64Array(n),
      agents,
    };
    state.internal.politics = internal;
    for (let i = 0; i < n; i++) {
      c.polarization[i] = agents
        ? measure(agents.pop, i).polarization
        : polarization(c.nationalist_support[i], sigmoid(k.campLogit));
    }
    aggregates(state);
  },

  step(state, year, ctx) {
    const I = state.internal.politics as Internal;
    I.ref ??= readReference(state);
    const forced = applyEvents(state, year, ctx);
    updateLiteracy(state, year, I);
    updateSupport(state, ctx, I);
    elections(state, year, ctx, I, forced);
    aggregates(state);
  },
};

/** Scenario events of the year: levers set from now on, and stances forced after this year's elections. */
function applyEvents(state: WorldState, year: number, ctx: Context): Map<number, number> {
  const c = state.country;
  const codes = ctx.data.countries.iso3;
  const forced = new Map<number, number>();
  for (const e of ctx.eventsIn(year)) {
    if (e.type === 'stance')
      forced.set(codes.indexOf(e.country as string), STANCES.indexOf(e.stance as never));
    if (e.type !== 'civic_education' && e.type !== 'disinformation') continue;
    const target = e.type === 'civic_education' ? c.civic_education_intensity : c.disinformation_intensity;
    if (e.country === '*') target.fill(e.intensity as number);
    else target[codes.indexOf(e.country as string)] = e.intensity as number;
  }
  return forced;
}

/**
 * This year's pupils are recorded; the cohort taught `lag` years ago comes of age. Schools teach the curriculum
 * lever's (or a scenario event's) intensity, or the civic-education reform's when it is higher.
 */
function updateLiteracy(state: WorldState, year: number, I: Internal): void {
  const c = state.country;
  const n = state.n;
  const slots = MAX_LAG + 1;
  const now = (year % slots) * n;
  const then = ((year - I.k.lag) % slots) * n;
  const reform = state.global.reform_civic_education ?? 0;
  for (let i = 0; i < n; i++) {
    I.civic[now + i] = Math.max(c.civic_education_intensity[i], reform);
    c.media_literacy[i] = nextMediaLiteracy(
      c.media_literacy[i],
      I.literacy0[i],
      I.civic[then + i],
      I.k.literacyGain,
      I.k.turnover,
    );
  }
}

/** Drivers, then support and polarization: by the aggregate equations, or from the citizens. */
function updateSupport(state: WorldState, ctx: Context, I: Internal): void {
  const c = state.country;
  const n = state.n;
  const k = I.k;
  const ref = I.ref!;
  const immigration = ctx.data.politics.immigrationPct;
  const refugees = input(state, 'refugee_inflow_thousand');
  const crisisFlag = input(state, 'financial_crisis');
  const gini = input(state, 'gini');
  const trade = input(state, 'trade_pct_gdp');
  const income = input(state, 'real_income_change_pct');
  const war = input(state, 'at_war');
  const displaced = input(state, 'displaced_workers_thousand');
  const failure = (state.global.perceived_institutional_failure ?? 0) - ref.failure;
  const d = I.drivers;
  for (let i = 0; i < n; i++) {
    const pop = c.population_million[i];
    const inflow =
      immigration[i] * c.migration_openness[i] + (refugees ? (100 * refugees[i]) / (1000 * pop) : 0);
    c.immigrants_unintegrated_pct[i] = c.immigrants_unintegrated_pct[i] * (1 - k.integration) + inflow;
    const gdppc = c.gdp_per_capita_usd2015[i];
    const shock = crisisFlag ? crisisFlag[i] : gdppc <= I.gdppcPrev[i] * (1 - k.crisisDrop) ? 1 : 0;
    I.gdppcPrev[i] = gdppc;
    c.crisis_memory[i] = Math.max(c.crisis_memory[i] * k.crisisDecay, shock);
    d.gini = gini ? gini[i] - ref.gini[i] : 0;
    // Import penetration is half of trade openness (exports plus imports) when trade is balanced.
    d.importShare = trade ? (trade[i] - ref.trade[i]) / 2 : 0;
    d.displaced = displacedPct(state, displaced, i) - ref.displaced[i];
    d.realIncomeLoss = income ? -(income[i] - ref.income[i]) : 0;
    d.immigrants = c.immigrants_unintegrated_pct[i] - I.immigrants0[i];
    d.disinformation = c.disinformation_intensity[i] * (1 - c.media_literacy[i]) - (1 - I.literacy0[i]);
    d.institutionalFailure = failure;
    d.war = war ? war[i] - ref.war[i] : 0;
    d.crisis = c.crisis_memory[i];
    if (I.agents) {
      // Citizens meet disinformation themselves; the other drivers shift their priors.
      const spread = d.disinformation;
      d.disinformation = 0;
      I.grievance[i] = targetFrom(I.s0[i], I.x0[i], I.b0[i], d, I.effects) - I.x0[i];
      d.disinformation = spread;
      continue;
    }
    const x = adjust(I.x[i], targetFrom(I.s0[i], I.x0[i], I.b0[i], d, I.effects), k.adjustment);
    // Unchanged inputs give unchanged outputs; skipping the exponentials keeps the yearly step cheap.
    if (x !== I.x[i]) c.nationalist_support[i] = sigmoid(x);
    I.x[i] = x;
    const distance =
      d.disinformation === 0
        ? k.campDistance
        : sigmoid(k.campLogit + k.echoShift + k.campDisinformation * d.disinformation);
    c.polarization[i] = polarization(c.nationalist_support[i], distance);
  }
  if (I.agents) updateAgents(state, I.agents, I);
}

function initAgents(state: WorldState, params: Params, perCountry: number, ctx: Context): AgentState {
  const p = agentParams(params);
  const n = state.n;
  const pop = createAgents(n, perCountry, p, ctx.rng.fork());
  // Calibrate against the 2024 information environment, whatever the levers say for later years.
  const c = state.country;
  const exposure = new Float64Array(n);
  const bound = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    exposure[i] = p.disinformationRate * (1 - c.media_literacy[i]);
    bound[i] = p.confidence + p.confidenceLiteracy * c.media_literacy[i];
  }
  const level0 = calibrate(pop, c.nationalist_support, exposure, bound, p);
  for (let i = 0; i < n; i++) c.nationalist_support[i] = measure(pop, i).support;
  return { pop, level0, exposure, bound, p };
}

/** One yearly update of the citizens; support and polarization are measured on them. */
function updateAgents(state: WorldState, a: AgentState, I: Internal): void {
  const c = state.country;
  for (let i = 0; i < state.n; i++) {
    a.pop.level[i] = a.level0[i] + I.grievance[i];
    a.exposure[i] = a.p.disinformationRate * c.disinformation_intensity[i] * (1 - c.media_literacy[i]);
    a.bound[i] = a.p.confidence + a.p.confidenceLiteracy * c.media_literacy[i];
  }
  sweep(a.pop, a.exposure, a.bound, a.p);
  for (let i = 0; i < state.n; i++) {
    const m = measure(a.pop, i);
    c.nationalist_support[i] = m.support;
    c.polarization[i] = m.polarization;
    I.x[i] = boundLogit(logit(m.support));
  }
}

/** Elections, regime hazards and forced stances; draws are addressed by year, country and slot (draws.ts). */
function elections(
  state: WorldState,
  year: number,
  ctx: Context,
  I: Internal,
  forced: ReadonlyMap<number, number>,
): void {
  const { data } = ctx;
  const c = state.country;
  const pd = data.politics;
  const democracy = input(state, 'democracy');
  const firstYear = year === data.baseYear + 1;
  const threshold = I.k.competitive;
  const hazard = I.k.hazard;
  const next = c.next_election_year;
  const stance = c.government_stance;
  const draw = (i: number, slot: number) => I.draws.uniform(year, i, slot);
  for (let i = 0; i < state.n; i++) {
    const before = stance[i];
    const competitive = (democracy ? democracy[i] : pd.polyarchy[i]) > threshold;
    const due = year >= next[i];
    while (next[i] <= year) next[i] += pd.termYears[i];
    let after = before;
    let reason = '';
    if (firstYear && pd.stanceNext[i] >= 0) {
      after = pd.stanceNext[i];
      reason = `takes office after the ${data.baseYear} election (known result)`;
    } else if (competitive ? due : draw(i, SLOT.hazard) < hazard) {
      const z = standardNormal(draw(i, SLOT.swing1), draw(i, SLOT.swing2));
      after = electedStance(I.x[i], I.propensity[i], z, I.rule);
      // Math.round rather than toFixed: toFixed is slow enough to dominate the yearly step.
      const support = `nationalist support ${Math.round(1000 * c.nationalist_support[i]) / 10} %`;
      reason = competitive
        ? `election, ${support}`
        : `change of regime or ruler (not competitive), ${support}`;
    }
    const imposed = forced.get(i);
    if (imposed !== undefined) {
      after = imposed;
      reason = 'scenario event';
    }
    if (reason === '') continue;
    const result = after === before ? ' (unchanged)' : ` replaces ${STANCES[before]}`;
    ctx.log(year, data.countries.iso3[i], 'government', `${reason}: ${STANCES[after]} government${result}`);
    if (after !== before) {
      stance[i] = after;
      takeOffice(state, i, before, after, year, ctx, I.policy);
    }
  }
}
