/**
 * Crises: pandemics, systemic financial crises, climate disasters and refugee flows as stochastic events whose
 * damage shrinks with the effectiveness of the institution that answers them and with cooperation (the essay:
 * weakened institutions make it "harder to respond to pandemics, refugee crises").
 *
 * Each type c hits country i with probability rate_c (pandemics hit every country at once; systemic banking
 * crises come alone or in a global wave; climate disasters become more frequent with warming:
 * rate = rate_0 exp(k (T - T_base))). An event of severity s (log-uniform with mean 1) costs
 *   new_i = d_c s (1 - P_ci) / (1 - P_ci,base),    P_ci = m_c E_c a_i (1 - q stance_i / 2)
 * of GDP: d_c is the historical loss under base-year institutions, P the protection the answering institution
 * gives (m_c its reach at full effectiveness, E_c its effectiveness, a_i = 1 for members and
 * `crises.nonmember_access` otherwise, q the loss of cooperation under a nationalist-populist government).
 * Losses persist: the stock S_ci decays by half every `half_life` years. The economy's loss channel is
 * S_ci minus its stationary expectation under base-year conditions (base-year GDP already reflects normal crisis
 * losses), so crises cost GDP only insofar as they are worse, or worse handled, than in the base year.
 * Refugees come from the security module's flows when it is present, otherwise from drawn refugee crises; hosts
 * bear a cost per refugee that UN-led burden sharing reduces.
 *
 * Every draw comes from the run's seeded generator, one sub-stream per crisis type, and each stream is consumed
 * the same way every year whatever happens, so two runs with the same seed see the same shocks (common random
 * numbers) and differ only through conditions. One uniform u per country and type decides both whether a crisis
 * strikes (u < rate) and, given that it does, its severity (u / rate is then uniform on [0, 1)).
 */

import { stanceOf, stances } from '../institutions/politics.js';
import { clamp } from '../math.js';
import type { Context, Module } from '../module.js';
import * as Portable from '../portable.js';
import { type Params, paramOf } from '../registry.js';
import type { Rng } from '../rng.js';
import type { WorldState } from '../state.js';
import { type Regime, regimeEffectivenessVar, regimeMemberVar } from './institutions.js';

const TYPES = ['pandemic', 'financial', 'disaster'] as const;
type CrisisType = (typeof TYPES)[number];
/** The world institution that answers each crisis: WHO, IMF, World Bank (disaster finance), UN (refugees). */
const ANSWERED_BY: Readonly<Record<CrisisType | 'refugee', Regime>> = {
  pandemic: 'health',
  financial: 'finance',
  disaster: 'development',
  refugee: 'general',
};
const EFFECTIVENESS_VAR = Object.fromEntries(
  Object.entries(ANSWERED_BY).map(([c, r]) => [c, regimeEffectivenessVar(r)]),
) as Record<CrisisType | 'refugee', string>;
const MEMBER_VAR = Object.fromEntries(
  Object.entries(ANSWERED_BY).map(([c, r]) => [c, regimeMemberVar(r)]),
) as Record<CrisisType | 'refugee', string>;
const EARTH_RADIUS_KM = 6371;
/**
 * Capital-to-capital distances depend on the dataset only: kept per dataset (keyed by its latitude column) so that
 * the runs of an ensemble compute each origin's row once. Deterministic, so runs stay pure.
 */
const DISTANCES = new WeakMap<readonly number[], Map<number, Float64Array>>();

interface Internal {
  readonly k: Constants;
  readonly rng: Record<CrisisType | 'refugee', Rng>;
  /** Loss stock per type and country, fraction of GDP. */
  readonly stock: Record<CrisisType, Float64Array>;
  /** The stationary expectation of the stock under base-year conditions. */
  readonly expected: Record<CrisisType, Float64Array>;
  /** Protection in the base year per type and country. */
  readonly protection0: Record<CrisisType, Float64Array>;
  /** This year's damage relative to the base year, (1 - P) / (1 - P_base), per type and country. */
  readonly mult: Record<CrisisType, Float64Array>;
  /** Refugees hosted (arrived since the base year), thousand. */
  readonly refugees: Float64Array;
  /** Each host's yearly cost of its refugees, fraction of GDP. */
  readonly hostCost: Float64Array;
  /** Distances (km) from each origin of a refugee crisis so far to every state, computed once per dataset. */
  readonly distances: Map<number, Float64Array>;
  /** Scratch for a refugee crisis: log population, then origin weights and host pulls. */
  readonly logPop: Float64Array;
  readonly weight: Float64Array;
  /** Warming in the base year, read at the first step (the climate module runs after this one). */
  temperature0: number;
}

const p = paramOf('crises');

export const crises: Module = {
  name: 'crises',
  summary:
    'Stochastic pandemics, financial crises, climate disasters and refugee flows; damage shrinks with institutional effectiveness and cooperation.',
  params: [
    p(
      'pandemic_rate',
      0.02,
      0.01,
      0.06,
      '1/yr',
      'Marani et al. (2021), PNAS 118(35): the yearly probability of a pandemic as intense as COVID-19 is about 2 %, and may triple in coming decades',
      'Yearly probability of a COVID-19-scale pandemic.',
    ),
    p(
      'pandemic_gdp_loss',
      0.06,
      0.03,
      0.1,
      'fraction of GDP',
      'IMF World Economic Outlook (Jan 2021): world output in 2020 about 6 % below the pre-pandemic projection',
      'First-year output loss of a pandemic of severity 1 under base-year institutions.',
    ),
    p(
      'pandemic_half_life',
      1.5,
      0.5,
      4,
      'yr',
      'IMF WEO (Oct 2021, ch. 2): most of the 2020 loss recovered by 2022-23, with scarring of about 3 % in emerging economies',
      "Half-life of a pandemic's output loss.",
    ),
    p(
      'pandemic_mitigation',
      0.3,
      0.1,
      0.6,
      'fraction',
      'Assumption informed by the Independent Panel for Pandemic Preparedness and Response (2021), COVID-19: Make it the Last Pandemic: faster alert and response would have averted much of the toll',
      'Share of pandemic losses and deaths a fully effective world health institution averts.',
    ),
    p(
      'pandemic_deaths_per_million',
      1900,
      1000,
      3000,
      'deaths per million people',
      'WHO (2022): 14.9 million excess deaths from COVID-19 in 2020-21, about 1,900 per million of world population',
      'Deaths of a pandemic of severity 1 under base-year institutions.',
    ),
    p(
      'financial_rate',
      0.015,
      0.008,
      0.03,
      '1/yr',
      'Laeven and Valencia (2020), IMF Economic Review 68: 151 systemic banking crises in 1970-2017 across about 165 countries, about 1.9 % a country-year, of which the global wave part below',
      'Yearly probability of a systemic banking crisis in a country, outside global waves.',
    ),
    p(
      'financial_global_rate',
      0.03,
      0.01,
      0.06,
      '1/yr',
      'Assumption: one global banking wave (2007-09) plus the 1980s debt crises in about 50 years (Laeven and Valencia 2020)',
      'Yearly probability of a global financial crisis.',
    ),
    p(
      'financial_global_share',
      0.15,
      0.05,
      0.3,
      'fraction of countries',
      'Laeven and Valencia (2020): about 25 systemic crises began in 2007-09, some 15 % of countries',
      'Probability that a country has a systemic crisis in a global-crisis year.',
    ),
    p(
      'financial_gdp_loss',
      0.06,
      0.03,
      0.1,
      'fraction of GDP',
      'Laeven and Valencia (2020): median output loss 23 % of GDP over the first four years; 6 % a year with the half-life below gives 23 %',
      'First-year output loss of a systemic banking crisis of severity 1.',
    ),
    p(
      'financial_half_life',
      6,
      3,
      20,
      'yr',
      'Cerra and Saxena (2008), AER 98(1): output losses from banking crises are highly persistent',
      "Half-life of a financial crisis's output loss.",
    ),
    p(
      'financial_mitigation',
      0.25,
      0.05,
      0.5,
      'fraction',
      'Assumption: IMF lending and central-bank swap lines shorten crises (e.g. 2008-09), though evidence on IMF programmes is mixed',
      'Share of financial-crisis losses a fully effective world finance institution averts.',
    ),
    p(
      'disaster_rate',
      0.1,
      0.05,
      0.2,
      '1/yr',
      'EM-DAT (CRED): some 300-400 climate-related disasters a year; about one a decade costs a given country on the order of 1 % of GDP (assumption)',
      'Yearly probability of a damaging climate disaster in a country at base-year warming.',
    ),
    p(
      'disaster_gdp_loss',
      0.01,
      0.005,
      0.02,
      'fraction of GDP',
      'Munich Re NatCat: natural-disaster losses of 250-320 billion USD a year in 2023-24, about 0.3 % of world GDP; with the rate and half-life here the expected output loss is about 0.5 % of GDP',
      'First-year output loss of a climate disaster of severity 1 under base-year institutions.',
    ),
    p(
      'disaster_half_life',
      3,
      1,
      10,
      'yr',
      'Hsiang and Jina (2014), NBER WP 20352: cyclones depress output for over a decade; most of the first-year loss recovers sooner',
      "Half-life of a climate disaster's output loss.",
    ),
    p(
      'disaster_warming_sensitivity',
      0.35,
      0.2,
      0.8,
      '1/K',
      'IPCC AR6 WG1 SPM Fig. SPM.6: 10-year extremes become more frequent with each 0.5 K, by about 25 %/K (heavy rain), 36 %/K (droughts) and 76 %/K (heat), as log-rates',
      'Rise of the log-rate of climate disasters per kelvin of warming above the base year.',
    ),
    p(
      'disaster_mitigation',
      0.3,
      0.1,
      0.5,
      'fraction',
      "Assumption informed by the World Bank's disaster-risk finance (CAT DDOs, crisis response window) and adaptation programmes",
      'Share of disaster losses a fully effective world development institution averts.',
    ),
    p(
      'severity_ratio',
      10,
      3,
      30,
      'ratio',
      'Assumption: crisis severities span an order of magnitude (log-uniform, mean 1)',
      'Ratio of the largest to the smallest severity of a crisis.',
    ),
    p(
      'nonmember_access',
      0.5,
      0,
      1,
      'fraction',
      'Assumption: global public goods (disease surveillance, market calm) partly reach non-members; lending does not',
      "Share of an institution's protection that reaches a non-member.",
    ),
    p(
      'nationalist_cooperation_loss',
      0.3,
      0,
      0.6,
      'fraction',
      'Assumption: nationalist-populist governments share less information and accept less help (e.g. early COVID-19 responses)',
      'Share of institutional protection lost by a nationalist-populist government (half of it for a mixed one).',
    ),
    p(
      'refugee_crisis_rate',
      0.3,
      0.1,
      0.6,
      '1/yr',
      'UNHCR Global Trends: a crisis sending a million or more across borders every few years (Syria 2012-15, South Sudan 2014, Rohingya 2017, Venezuela 2018, Ukraine 2022, Sudan 2023)',
      'Yearly probability of a major refugee crisis (used when no security module provides refugee flows).',
    ),
    p(
      'refugee_size_min_thousand',
      500,
      200,
      1000,
      'thousand people',
      'UNHCR Global Trends: the Rohingya exodus of 2017 (about 700 thousand) is at the small end of major crises',
      'Smallest number of people fleeing abroad in a major refugee crisis.',
    ),
    p(
      'refugee_size_max_thousand',
      7000,
      3000,
      10000,
      'thousand people',
      'UNHCR Global Trends: Syria (6.8 million), Ukraine (about 6 million abroad), Venezuela (7.7 million) at the large end',
      'Largest number of people fleeing abroad in a major refugee crisis (log-uniform in between).',
    ),
    p(
      'refugee_size_cap',
      0.3,
      0.1,
      0.5,
      'fraction of population',
      'UNHCR Global Trends: about a quarter of the populations of Syria and Venezuela fled abroad',
      "Largest share of the origin's population that can flee.",
    ),
    p(
      'refugee_population_elasticity',
      0.3,
      0.15,
      0.5,
      'ratio',
      'Fearon and Laitin (2003), APSR 97(1): log population raises the odds of civil war onset with a coefficient of about 0.27',
      "Elasticity of a country's chance of being the origin of a refugee crisis to its population.",
    ),
    p(
      'refugee_income_elasticity',
      0.5,
      0.25,
      1,
      'ratio',
      'Fearon and Laitin (2003), APSR 97(1); Hegre and Sambanis (2006), J. Conflict Resolution 50(4): low income per person is the most robust predictor of civil war onset',
      "Elasticity of a country's chance of being the origin of a refugee crisis to its GDP per person (with a minus sign).",
    ),
    p(
      'refugee_host_population_elasticity',
      0.5,
      0,
      1,
      'ratio',
      'Assumption: neighbours take most refugees whatever their size (Lebanon and Jordan took over a million Syrians), larger ones somewhat more',
      "Elasticity of a host's pull on refugees to its population (the pull falls with distance).",
    ),
    p(
      'refugee_distance_km',
      1000,
      300,
      3000,
      'km',
      'UNHCR Global Trends 2023: about 69 % of refugees live in neighbouring countries',
      'Distance over which the pull of a host falls by a factor e.',
    ),
    p(
      'refugee_return_half_life',
      10,
      5,
      25,
      'yr',
      'UNHCR: most refugee situations are protracted (five years or more); returns are about 1-3 % of refugees a year',
      'Half-life of the number of refugees hosted (returns and onward resettlement).',
    ),
    p(
      'refugee_host_cost',
      0.3,
      0.05,
      0.6,
      'fraction of host GDP per person, per refugee-year',
      'Aiyar et al. (2016), IMF SDN/16/02: 0.1-0.2 % of GDP for inflows of 0.5-1 % of the population; World Bank estimates for Jordan and Lebanon of several % of GDP with 10-20 % of the population',
      'Yearly cost to a host per refugee, as a share of its GDP per person, before international support.',
    ),
    p(
      'refugee_mitigation',
      0.8,
      0.4,
      1,
      'fraction',
      "UNHCR funding: about half of assessed needs funded in 2023, near 0.8 x the UN's base-year effectiveness",
      'Share of host costs and unmet needs covered by a fully effective UN system.',
    ),
  ],
  countryVars: [
    {
      name: 'financial_crisis',
      units: '1 = onset',
      description:
        'A systemic banking crisis began this year (politics reads it the next year as a crisis shock)',
      output: true,
    },
    {
      name: 'crisis_loss_fraction',
      units: 'fraction of GDP',
      description: 'Crisis losses above the base-year expectation (negative: a calmer time than usual)',
      output: true,
      lossChannel: true,
    },
  ],
  globalVars: [
    {
      name: 'crisis_losses_pct_gdp',
      units: '% of GDP',
      description:
        'World output lost this year to pandemics, financial crises, climate disasters and refugee hosting',
      output: true,
    },
    {
      name: 'crisis_expected_losses_pct_gdp',
      units: '% of GDP',
      description:
        "The long-run mean of crisis_losses_pct_gdp if this year's rates, institutions and cooperation held",
      output: true,
    },
    {
      name: 'pandemic_deaths_thousand',
      units: 'thousand',
      description: 'Deaths from a pandemic that starts this year',
      output: true,
    },
    {
      name: 'refugees_new_thousand',
      units: 'thousand/yr',
      description: 'People fleeing across borders this year',
      output: true,
    },
    {
      name: 'refugees_unassisted_thousand',
      units: 'thousand',
      description:
        'Refugees hosted (arrived since the base year) whose needs international support does not cover',
      output: true,
    },
  ],

  init(state, ctx) {
    const k = constants(ctx.params);
    const n = state.n;
    const perType = () => ({
      pandemic: new Float64Array(n),
      financial: new Float64Array(n),
      disaster: new Float64Array(n),
    });
    const s: Internal = {
      k,
      rng: {
        pandemic: ctx.rng.fork(),
        financial: ctx.rng.fork(),
        disaster: ctx.rng.fork(),
        refugee: ctx.rng.fork(),
      },
      stock: perType(),
      expected: perType(),
      protection0: perType(),
      mult: perType(),
      refugees: new Float64Array(n),
      hostCost: new Float64Array(n),
      distances: distancesFor(ctx.data.countries.capitalLat),
      logPop: new Float64Array(n),
      weight: new Float64Array(n),
      temperature0: Number.NaN,
    };
    for (const c of TYPES) {
      protection(state, k, c, s.protection0[c]);
      s.expected[c].fill((k.rate[c] * k.loss[c]) / (1 - k.stay[c]));
      s.stock[c].set(s.expected[c]);
      s.mult[c].fill(1);
    }
    state.internal.crises = s;
    state.country.crisis_loss_fraction.fill(0);
    publish(state, s, 1);
    state.global.pandemic_deaths_thousand = 0;
    state.global.refugees_new_thousand = 0;
  },

  step(state, year, ctx) {
    const s = state.internal.crises as Internal;
    const { k } = s;
    const n = state.n;
    if (Number.isNaN(s.temperature0)) s.temperature0 = state.global.temperature_anomaly_k;
    // Damage relative to the base year, (1 - P) / (1 - P_base), per type and country; old losses fade.
    for (const c of TYPES) {
      const mult = s.mult[c];
      const base = s.protection0[c];
      const stock = s.stock[c];
      const stay = k.stay[c];
      const { reach, inside, st } = protectionInputs(state, k, c);
      for (let i = 0; i < n; i++) {
        mult[i] = (1 - protectionOf(reach, inside, st, k, i)) / (1 - base[i]);
        stock[i] *= stay;
      }
    }
    const disasterFactor = Math.min(
      1 / k.rate.disaster,
      Portable.exp(k.warmingSensitivity * (state.global.temperature_anomaly_k - s.temperature0)),
    );
    pandemic(state, s, year, ctx);
    financial(state, s, year, ctx);
    disasters(state, s, year, disasterFactor, ctx);
    refugees(state, s, year, ctx);
    refugeeCosts(state, s);
    const loss = state.country.crisis_loss_fraction;
    const { pandemic: sp, financial: sf, disaster: sd } = s.stock;
    const { pandemic: ep, financial: ef, disaster: ed } = s.expected;
    // Output kept, relative to the base-year expectation: losses compound multiplicatively, so they stay below 1.
    for (let i = 0; i < n; i++) {
      const kept =
        ((1 - sp[i]) * (1 - sf[i]) * (1 - sd[i]) * (1 - s.hostCost[i])) /
        ((1 - ep[i]) * (1 - ef[i]) * (1 - ed[i]));
      loss[i] = 1 - kept;
    }
    publish(state, s, disasterFactor);
  },
};

/** The parameters as a fixed-shape record, read once a run (lookups by id are slow in inner loops). */
interface Constants {
  readonly rate: Readonly<Record<CrisisType, number>>;
  readonly loss: Readonly<Record<CrisisType, number>>;
  readonly stay: Readonly<Record<CrisisType, number>>;
  readonly mitigation: Readonly<Record<CrisisType | 'refugee', number>>;
  readonly severityRatio: number;
  /** ln R / (R - 1), the lower end of the severity range. */
  readonly severityScale: number;
  readonly pandemicRate: number;
  readonly deathsPerMillion: number;
  readonly financialRate: number;
  readonly financialGlobalRate: number;
  readonly financialGlobalShare: number;
  readonly financialHalfLife: number;
  readonly warmingSensitivity: number;
  readonly nonmemberAccess: number;
  readonly nationalistLoss: number;
  readonly refugeeRate: number;
  readonly refugeeSizeMin: number;
  readonly refugeeSizeMax: number;
  readonly refugeeSizeCap: number;
  readonly refugeePopulationElasticity: number;
  readonly refugeeIncomeElasticity: number;
  readonly hostPopulationElasticity: number;
  readonly refugeeDistance: number;
  readonly refugeeStay: number;
  readonly hostCost: number;
}

function constants(p: Params): Constants {
  const decay = (halfLife: number) => Portable.pow(0.5, 1 / halfLife);
  return {
    rate: {
      pandemic: p['crises.pandemic_rate'],
      // A country's yearly chance of a banking crisis, alone or in a global wave.
      financial:
        p['crises.financial_rate'] + p['crises.financial_global_rate'] * p['crises.financial_global_share'],
      disaster: p['crises.disaster_rate'],
    },
    loss: {
      pandemic: p['crises.pandemic_gdp_loss'],
      financial: p['crises.financial_gdp_loss'],
      disaster: p['crises.disaster_gdp_loss'],
    },
    stay: {
      pandemic: decay(p['crises.pandemic_half_life']),
      financial: decay(p['crises.financial_half_life']),
      disaster: decay(p['crises.disaster_half_life']),
    },
    mitigation: {
      pandemic: p['crises.pandemic_mitigation'],
      financial: p['crises.financial_mitigation'],
      disaster: p['crises.disaster_mitigation'],
      refugee: p['crises.refugee_mitigation'],
    },
    severityRatio: p['crises.severity_ratio'],
    severityScale: severityScale(p['crises.severity_ratio']),
    pandemicRate: p['crises.pandemic_rate'],
    deathsPerMillion: p['crises.pandemic_deaths_per_million'],
    financialRate: p['crises.financial_rate'],
    financialGlobalRate: p['crises.financial_global_rate'],
    financialGlobalShare: p['crises.financial_global_share'],
    financialHalfLife: p['crises.financial_half_life'],
    warmingSensitivity: p['crises.disaster_warming_sensitivity'],
    nonmemberAccess: p['crises.nonmember_access'],
    nationalistLoss: p['crises.nationalist_cooperation_loss'],
    refugeeRate: p['crises.refugee_crisis_rate'],
    refugeeSizeMin: p['crises.refugee_size_min_thousand'],
    refugeeSizeMax: p['crises.refugee_size_max_thousand'],
    refugeeSizeCap: p['crises.refugee_size_cap'],
    refugeePopulationElasticity: p['crises.refugee_population_elasticity'],
    refugeeIncomeElasticity: p['crises.refugee_income_elasticity'],
    hostPopulationElasticity: p['crises.refugee_host_population_elasticity'],
    refugeeDistance: p['crises.refugee_distance_km'],
    refugeeStay: decay(p['crises.refugee_return_half_life']),
    hostCost: p['crises.refugee_host_cost'],
  };
}

/** Adds a crisis's first-year loss to a country's stock, on the output not already lost; returns the loss. */
function hit(stock: Float64Array, i: number, fraction: number): number {
  const loss = (1 - stock[i]) * Math.min(1, fraction);
  stock[i] += loss;
  return loss;
}

/** A severity drawn log-uniform on [m, m R] with mean 1 (m = ln R / (R - 1)). */
export function severity(u: number, ratio: number): number {
  return severityScale(ratio) * Portable.pow(ratio, u);
}

function severityScale(ratio: number): number {
  return Portable.log(ratio) / (ratio - 1);
}

/** severity(u, k.severityRatio), with its scale read once a run. */
function draw(k: Constants, u: number): number {
  return k.severityScale * Portable.pow(k.severityRatio, u);
}

/** Protection P_ci against crisis type c in every country, written into `out`. */
function protection(state: WorldState, k: Constants, c: CrisisType, out: Float64Array): void {
  const { reach, inside, st } = protectionInputs(state, k, c);
  for (let i = 0; i < state.n; i++) out[i] = protectionOf(reach, inside, st, k, i);
}

function protectionInputs(state: WorldState, k: Constants, c: CrisisType) {
  return {
    reach: k.mitigation[c] * (state.global[EFFECTIVENESS_VAR[c]] ?? 0),
    inside: state.country[MEMBER_VAR[c]] as Float64Array | undefined,
    st: stances(state),
  };
}

function protectionOf(
  reach: number,
  inside: Float64Array | undefined,
  st: Float64Array | undefined,
  k: Constants,
  i: number,
): number {
  const access = inside?.[i] ? 1 : k.nonmemberAccess;
  return reach * access * (1 - (k.nationalistLoss * stanceOf(st, i)) / 2);
}

function pandemic(state: WorldState, s: Internal, year: number, ctx: Context): void {
  const { k } = s;
  const u = s.rng.pandemic.uniform();
  const occurs = u < k.pandemicRate;
  state.global.pandemic_deaths_thousand = 0;
  if (!occurs) return;
  const sev = draw(k, u / k.pandemicRate);
  const gdp = state.country.gdp_billion_usd2015;
  const pop = state.country.population_million;
  const mult = s.mult.pandemic;
  let lost = 0;
  let deaths = 0;
  for (let i = 0; i < state.n; i++) {
    const loss = hit(s.stock.pandemic, i, k.loss.pandemic * sev * mult[i]);
    lost += loss * gdp[i];
    deaths += (pop[i] * k.deathsPerMillion * sev * mult[i]) / 1000;
  }
  state.global.pandemic_deaths_thousand = deaths;
  ctx.log(
    year,
    '*',
    'pandemic',
    `severity ${sev.toFixed(2)} x COVID-19: first-year output loss ${pct(lost / sumOf(gdp))} of world GDP, ${Math.round(deaths)} thousand deaths; world health institution effectiveness ${effectivenessText(state, 'health')}`,
  );
}

function financial(state: WorldState, s: Internal, year: number, ctx: Context): void {
  const { k } = s;
  const rng = s.rng.financial;
  const global = rng.uniform() < k.financialGlobalRate;
  const rate = k.financialRate + (global ? k.financialGlobalShare : 0);
  if (global)
    ctx.log(year, '*', 'financial-crisis', 'global financial crisis: banking crises spread across countries');
  const mult = s.mult.financial;
  const effectiveness = effectivenessText(state, 'finance');
  const onset = state.country.financial_crisis;
  onset.fill(0);
  for (let i = 0; i < state.n; i++) {
    const u = rng.uniform();
    if (u >= rate) continue;
    onset[i] = 1;
    const loss = hit(s.stock.financial, i, k.loss.financial * draw(k, u / rate) * mult[i]);
    ctx.log(
      year,
      ctx.data.countries.iso3[i],
      'financial-crisis',
      `systemic banking crisis: output loss ${pct(loss)} of GDP this year, fading with a half-life of ${k.financialHalfLife} years; world finance institution effectiveness ${effectiveness}`,
    );
  }
}

function disasters(state: WorldState, s: Internal, year: number, factor: number, ctx: Context): void {
  const { k } = s;
  const rng = s.rng.disaster;
  const rate = k.rate.disaster * factor;
  const mult = s.mult.disaster;
  const struck: number[] = [];
  let largest = -1;
  let largestLoss = 0;
  for (let i = 0; i < state.n; i++) {
    const u = rng.uniform();
    if (u >= rate) continue;
    const loss = hit(s.stock.disaster, i, k.loss.disaster * draw(k, u / rate) * mult[i]);
    struck.push(i);
    if (loss > largestLoss) {
      largest = i;
      largestLoss = loss;
    }
  }
  // One line a year: the countries hit are in countries.csv (crisis_loss_fraction).
  if (largest >= 0) {
    ctx.log(
      year,
      '*',
      'climate-disasters',
      `${struck.length} countries hit, the worst ${ctx.data.countries.iso3[largest]} (${pct(largestLoss)} of GDP); disasters are ${factor.toFixed(2)} x as frequent as in ${ctx.data.baseYear}; world development institution effectiveness ${effectivenessText(state, 'development')}`,
    );
  }
}

/** New refugees: the security module's flows if present, else a drawn refugee crisis. */
function refugees(state: WorldState, s: Internal, year: number, ctx: Context): void {
  const { k } = s;
  const n = state.n;
  for (let i = 0; i < n; i++) s.refugees[i] *= k.refugeeStay;
  const fromSecurity = state.country.refugee_inflow_thousand;
  const rng = s.rng.refugee;
  const occurs = rng.uniform() < k.refugeeRate;
  const uOrigin = rng.uniform();
  const uSize = rng.uniform();
  let inflow = 0;
  if (fromSecurity) {
    for (let i = 0; i < n; i++) {
      s.refugees[i] += fromSecurity[i];
      inflow += fromSecurity[i];
    }
  } else if (occurs) {
    inflow = refugeeCrisis(state, s, year, uOrigin, uSize, ctx);
  }
  state.global.refugees_new_thousand = inflow;
}

/** A drawn refugee crisis: its origin (poorer, larger states more often), size and hosts (near ones). */
function refugeeCrisis(
  state: WorldState,
  s: Internal,
  year: number,
  uOrigin: number,
  uSize: number,
  ctx: Context,
): number {
  const { k } = s;
  const { iso3, capitalLat, capitalLon } = ctx.data.countries;
  const n = state.n;
  const pop = state.country.population_million;
  const gdppc = state.country.gdp_per_capita_usd2015;
  const { weight, logPop } = s;
  for (let i = 0; i < n; i++) {
    logPop[i] = Portable.log(pop[i]);
    weight[i] = Portable.exp(
      k.refugeePopulationElasticity * logPop[i] - k.refugeeIncomeElasticity * Portable.log(gdppc[i]),
    );
  }
  const origin = pick(weight, uOrigin);
  const size = k.refugeeSizeMin * Portable.pow(k.refugeeSizeMax / k.refugeeSizeMin, uSize);
  const inflow = Math.min(size, 1000 * pop[origin] * k.refugeeSizeCap);
  let distance = s.distances.get(origin);
  if (!distance) {
    distance = new Float64Array(n);
    for (let j = 0; j < n; j++) distance[j] = distanceKm(capitalLat, capitalLon, origin, j);
    s.distances.set(origin, distance);
  }
  const pull = weight;
  let total = 0;
  for (let j = 0; j < n; j++) {
    pull[j] =
      j === origin
        ? 0
        : Portable.exp(k.hostPopulationElasticity * logPop[j] - distance[j] / k.refugeeDistance);
    total += pull[j];
  }
  const top = [-1, -1, -1];
  for (let j = 0; j < n; j++) {
    s.refugees[j] += (inflow * pull[j]) / total;
    for (let r = 0; r < top.length; r++) {
      if (top[r] < 0 || pull[j] > pull[top[r]]) {
        top.splice(r, 0, j);
        top.pop();
        break;
      }
    }
  }
  const hosts = top.map((j) => `${iso3[j]} ${Math.round((inflow * pull[j]) / total)}`);
  ctx.log(
    year,
    iso3[origin],
    'refugee-crisis',
    `${Math.round(inflow)} thousand people (${pct(inflow / (1000 * pop[origin]))} of the population) flee abroad, most to ${hosts.join(', ')} (thousand); UN effectiveness ${effectivenessText(state, 'general')}`,
  );
  return inflow;
}

/** Each host's yearly cost of its refugees, as a fraction of its GDP, after international support. */
function refugeeCosts(state: WorldState, s: Internal): void {
  const borne = (1 - supportShare(state, s.k)) * s.k.hostCost;
  const pop = state.country.population_million;
  // Saturating: linear while refugees are few relative to the hosts, never the whole of GDP.
  for (let i = 0; i < state.n; i++) {
    s.hostCost[i] = s.refugees[i] > 0 ? -Portable.expm1(-(s.refugees[i] / (1000 * pop[i])) * borne) : 0;
  }
}

/** Share of refugees' needs and hosts' costs that international support (UN-led) covers. */
function supportShare(state: WorldState, k: Constants): number {
  const effectiveness = state.global[EFFECTIVENESS_VAR.refugee] ?? 0;
  return clamp(k.mitigation.refugee * effectiveness, 0, 1);
}

/** The global crisis indicators; `disasterFactor` is how much more frequent disasters are than in the base year. */
function publish(state: WorldState, s: Internal, disasterFactor: number): void {
  const gdp = state.country.gdp_billion_usd2015;
  const { pandemic: sp, financial: sf, disaster: sd } = s.stock;
  const { pandemic: ep, financial: ef, disaster: ed } = s.expected;
  const { pandemic: mp, financial: mf, disaster: md } = s.mult;
  let now = 0;
  let expected = 0;
  let world = 0;
  for (let i = 0; i < state.n; i++) {
    const host = 1 - s.hostCost[i];
    now += (1 - host * (1 - sp[i]) * (1 - sf[i]) * (1 - sd[i])) * gdp[i];
    const risk =
      (1 - ep[i] * mp[i]) * (1 - ef[i] * mf[i]) * (1 - Math.min(1, ed[i] * md[i] * disasterFactor));
    expected += (1 - host * risk) * gdp[i];
    world += gdp[i];
  }
  state.global.crisis_losses_pct_gdp = (100 * now) / world;
  state.global.crisis_expected_losses_pct_gdp = (100 * expected) / world;
  state.global.refugees_unassisted_thousand = sumOf(s.refugees) * (1 - supportShare(state, s.k));
}

function distancesFor(latitudes: readonly number[]): Map<number, Float64Array> {
  let rows = DISTANCES.get(latitudes);
  if (!rows) {
    rows = new Map();
    DISTANCES.set(latitudes, rows);
  }
  return rows;
}

/** Index drawn with probability proportional to its weight, from one uniform. */
function pick(weights: ArrayLike<number>, u: number): number {
  const total = sumOf(weights);
  let acc = 0;
  for (let i = 0; i < weights.length; i++) {
    acc += weights[i] / total;
    if (u < acc) return i;
  }
  return weights.length - 1;
}

/** Great-circle distance between two capitals (haversine). */
function distanceKm(lat: readonly number[], lon: readonly number[], a: number, b: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat[b] - lat[a]) * rad;
  const dLon = (lon[b] - lon[a]) * rad;
  // Portable sin and cos (../math.ts): the distances set refugee flows, which must not depend on the engine.
  // Longitudes differ by at most 360 degrees, so dLon / 2 is within [-pi, pi].
  const sLat = Portable.sin(dLat / 2);
  const sLon = Portable.sin(dLon / 2);
  const h = sLat * sLat + Portable.cos(lat[a] * rad) * Portable.cos(lat[b] * rad) * sLon * sLon;
  return 2 * EARTH_RADIUS_KM * Portable.asin(Math.min(1, Math.sqrt(h)));
}

function effectivenessText(state: WorldState, r: Regime): string {
  return (state.global[regimeEffectivenessVar(r)] ?? 0).toFixed(2);
}

function sumOf(xs: ArrayLike<number>): number {
  let t = 0;
  for (let i = 0; i < xs.length; i++) t += xs[i];
  return t;
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)} %`;
}
