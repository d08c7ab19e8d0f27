/**
 * Labor: jobs displaced by offshoring and by automation, re-employment, inequality, and the essay's
 * "balanced model" levers (local industry, protection of vulnerable sectors, pathways to work).
 *
 * Four sectors per country: agriculture (A), manufacturing (M), tradable services (T: software,
 * programming and other knowledge work) and non-tradable services (N). Employment is
 * labor.employment_rate x population, split by the ILO shares of the base year.
 * Each year, in sector k of country i:
 *   offshoring  D_off = delta x_k L_k (M_i / GDP_i) G_i,  G_i = sum_j m_ij max(0, 1 - y_j / y_i),
 *               with x_k the sector's offshorability, M/GDP import penetration at this year's tariffs
 *               (trade module), m_ij import shares and y GDP per person: jobs go where wages are lower;
 *   automation  D_auto = a_k (1 + g)^(t - t0) phi_i L_k,  phi_i = min(1, (y_i / y_ref)^eta): adoption rises
 *               with income (robot density does; IFR), g the acceleration of the technology path.
 * Displaced workers join a pool; a share rho of it is re-employed each year (plus training and the
 * jobs local-industry investment creates), outside agriculture, in proportion to sector sizes.
 * Gini moves with the displaced pool and with import penetration from lower-wage partners. The pool
 * above its base-year rate costs output (labor share x extra unemployment), and the levers' spending a
 * deadweight loss; both reach GDP through the economy's loss channel.
 * Protection writes a tariff on imports from lower-wage partners into the trade module's tariff
 * matrix (partners may retaliate), so its cost shows up in real income.
 */

import type { Module } from '../module.js';
import * as Portable from '../portable.js';
import { type Params, paramOf } from '../registry.js';
import type { WorldState } from '../state.js';
import type { WorldData } from '../world-data.js';

const SECTORS = ['agriculture', 'manufacturing', 'tradable_services', 'nontradable_services'] as const;
const EMPLOYMENT_VARS = SECTORS.map((s) => `employment_${s}_million`);
/** Partners below this share of a country's imports are left out of its wage gap (negligible). */
const MIN_PARTNER_SHARE = 5e-3;

/** Each country's import partners (a pure function of the data, computed once per dataset). */
const PARTNERS = new WeakMap<WorldData, Int32Array[]>();

function importPartners(data: WorldData): Int32Array[] {
  let partners = PARTNERS.get(data);
  if (partners) return partners;
  const n = data.countries.iso3.length;
  const base = data.tradeLabor.flows_billion_usd2015;
  partners = [];
  for (let i = 0; i < n; i++) {
    let total = 0;
    for (let j = 0; j < n; j++) if (j !== i) total += base[i * n + j];
    const list: number[] = [];
    for (let j = 0; j < n; j++) if (j !== i && base[i * n + j] >= MIN_PARTNER_SHARE * total) list.push(j);
    partners.push(Int32Array.from(list));
  }
  PARTNERS.set(data, partners);
  return partners;
}

const param = paramOf('labor');

interface LaborInternal {
  /** Per country: import partners (indices) and the base-year pool rate, penetration and Gini. */
  partners: Int32Array[];
  /** Per country: the share of each partner in its imports (refreshed when trade re-solves). */
  partnerFlows: Float64Array[];
  /** The trade module's solve count when partnerFlows was refreshed. */
  tradeSolves: number;
  pool0Rate: Float64Array;
  lowWage0: Float64Array;
  gini0: Float64Array;
  /** Employment by sector, million: the state's employment_* arrays, [sector][country]. */
  sectors: Float64Array[];
  /** Scratch: this year's displacement by sector in one country. */
  off: Float64Array;
  auto: Float64Array;
}

/** Import-weighted wage gap to cheaper partners, G_i, from this year's GDP per person. */
function wageGap(t: LaborInternal, y: Float64Array, i: number): number {
  const list = t.partners[i];
  const flows = t.partnerFlows[i];
  const inverse = 1 / y[i];
  let gap = 0;
  // Branch-free: richer partners contribute max(0, ...) = 0.
  for (let q = 0; q < list.length; q++) gap += flows[q] * Math.max(0, 1 - y[list[q]] * inverse);
  return gap;
}

/** Each country's imports from its partners as shares of the total, at this year's trade flows. */
function refreshPartnerFlows(state: WorldState, t: LaborInternal): void {
  const n = state.n;
  const flows = state.dyad.trade_flow_billion_usd2015;
  for (let i = 0; i < n; i++) {
    const list = t.partners[i];
    const out = t.partnerFlows[i];
    let total = 0;
    for (let q = 0; q < list.length; q++) {
      out[q] = flows[i * n + list[q]];
      total += out[q];
    }
    for (let q = 0; q < list.length; q++) out[q] = total > 0 ? out[q] / total : 0;
  }
  t.tradeSolves = state.global.trade_solves ?? 0;
}

type Rates = ReturnType<typeof rates>;

/** This year's coefficients, read once per step. */
function rates(p: Params, years: number) {
  const path = Portable.pow(1 + p['labor.automation_acceleration'], years);
  return {
    offshoring: p['labor.offshoring_rate'],
    offshorability: [
      p['labor.offshorability_agriculture'],
      1,
      p['labor.offshorability_tradable_services'],
      0,
    ],
    automation: [
      p['labor.automation_agriculture'] * path,
      p['labor.automation_manufacturing'] * path,
      p['labor.automation_tradable_services'] * path,
      p['labor.automation_nontradable_services'] * path,
    ],
    reference: p['labor.adoption_reference_usd2015'],
    elasticity: p['labor.adoption_income_elasticity'],
  };
}

/** Displacement this year in country i, by sector, into `off` (offshoring) and `auto` (automation). */
function displacement(
  sectors: Float64Array[],
  r: Rates,
  i: number,
  importsPct: number,
  gdppc: number,
  gap: number,
  off: Float64Array,
  auto: Float64Array,
): void {
  const exposure = r.offshoring * (importsPct / 100) * gap;
  const adoption = Math.min(1, Portable.pow(gdppc / r.reference, r.elasticity));
  for (let k = 0; k < 4; k++) {
    const l = sectors[k][i];
    off[k] = exposure * r.offshorability[k] * l;
    auto[k] = r.automation[k] * adoption * l;
  }
}

export const labor: Module = {
  name: 'labor',
  summary:
    'Jobs displaced by offshoring and automation in four sectors, re-employment, Gini, and the balanced-model levers.',
  params: [
    param(
      'employment_rate',
      0.43,
      0.38,
      0.48,
      'workers per person',
      'ILO World Employment and Social Outlook: Trends 2024: about 3.5 billion employed in a world of 8.1 billion',
      'Employment per person, the same in every country.',
    ),
    param(
      'manufacturing_share_of_industry',
      0.55,
      0.4,
      0.7,
      'fraction',
      'Assumption from ILOSTAT employment by ISIC section: manufacturing is about 14 % of world employment, industry (with mining, utilities, construction) about 24 %',
      'Share of ILO "industry" employment that is manufacturing (the rest counts as non-tradable).',
    ),
    param(
      'tradable_services_share',
      0.2,
      0.12,
      0.3,
      'fraction of services employment',
      'Assumption informed by Jensen and Kletzer (2005), Brookings Trade Forum: about a fifth of US service employment is in tradable service industries (ICT, finance, professional and business services)',
      'Share of services employment that is tradable (software, programming, other knowledge work).',
    ),
    param(
      'offshorability_tradable_services',
      0.6,
      0.3,
      1,
      'relative to manufacturing',
      'Assumption informed by Blinder and Krueger (2013), J. Labor Econ. 31(S1): about a quarter of US jobs are offshorable, concentrated in manufacturing and information-based services',
      'Exposure of tradable services to offshoring relative to manufacturing.',
    ),
    param(
      'offshorability_agriculture',
      0.3,
      0,
      0.6,
      'relative to manufacturing',
      'Assumption: farm products trade, but land ties most farm work to place',
      'Exposure of agriculture to offshoring relative to manufacturing.',
    ),
    param(
      'offshoring_rate',
      0.06,
      0.02,
      0.12,
      '1/yr',
      'Calibrated (an assumption) so that US displacement by import competition is about 0.1 % of employment a year at base-year exposure; Acemoglu, Autor, Dorn, Hanson and Price (2016), J. Labor Econ. 34(S1): the China shock cost 2.0-2.4 million US jobs over 1999-2011, about 0.13 % a year at its peak',
      'Jobs displaced per year per unit of (offshorability x import penetration x wage gap).',
    ),
    param(
      'automation_manufacturing',
      0.01,
      0.005,
      0.02,
      '1/yr',
      'Assumption informed by Acemoglu and Restrepo (2020), J. Political Economy 128(6) (robots), and Fort, Pierce and Schott (2018), J. Econ. Perspectives 32(2): productivity growth, not trade, drove most of the long decline of manufacturing employment',
      'Share of manufacturing jobs automated away each year at full adoption.',
    ),
    param(
      'automation_tradable_services',
      0.008,
      0.004,
      0.016,
      '1/yr',
      'Assumption informed by Autor, Levy and Murnane (2003), QJE 118(4) (routine cognitive tasks) and Eloundou et al. (2024), Science 384 (exposure of knowledge work to large language models)',
      'Share of tradable-services jobs automated away each year at full adoption.',
    ),
    param(
      'automation_nontradable_services',
      0.003,
      0.0015,
      0.006,
      '1/yr',
      'Assumption: routine non-tradable jobs (retail, clerical, transport) automate more slowly (Autor 2015, J. Econ. Perspectives 29(3))',
      'Share of non-tradable services jobs automated away each year at full adoption.',
    ),
    param(
      'automation_agriculture',
      0.01,
      0.005,
      0.02,
      '1/yr',
      'Assumption: mechanization moves workers out of farming as incomes rise (structural transformation; the ILO agriculture share fell about 1 point a year in middle-income countries in 2000-2023)',
      'Share of agricultural jobs mechanized away each year at full adoption.',
    ),
    param(
      'automation_acceleration',
      0.01,
      0,
      0.03,
      '1/yr',
      'Assumption: the technology path; automation spreads to new tasks (AI) a little faster each year',
      'Yearly growth of the automation rates.',
    ),
    param(
      'adoption_income_elasticity',
      0.5,
      0,
      1,
      'dimensionless',
      'Assumption informed by IFR World Robotics: robot density rises with income per person',
      'Elasticity of automation adoption to GDP per person below the reference.',
    ),
    param(
      'adoption_reference_usd2015',
      65000,
      65000,
      65000,
      'USD (2015 prices) per person',
      'US GDP per person in 2024 in 2015 prices (the frontier of adoption)',
      'GDP per person at which adoption is complete.',
      'fixed',
    ),
    param(
      'reemployment_rate',
      0.5,
      0.3,
      0.7,
      '1/yr',
      'Farber (2017), J. Labor Econ. 35(S1): about two thirds of displaced US workers are re-employed one to three years after job loss',
      'Share of the displaced pool re-employed each year.',
    ),
    param(
      'labor_share',
      0.55,
      0.5,
      0.65,
      'fraction of output',
      'ILO (2019), The Global Labour Income Share and Distribution: about 51-56 % of world GDP',
      'Output lost per displaced worker, as a share of output per worker.',
    ),
    param(
      'gini_displacement',
      0.3,
      0.1,
      0.6,
      'Gini points per point of labor force',
      'Assumption: a point of unemployment raises the Gini by a few tenths of a point (OECD 2011, Divided We Stand, ch. 1)',
      'Rise of the Gini per percentage point of the labor force in the displaced pool (above base year).',
    ),
    param(
      'rebalancing_gini',
      1.5,
      0,
      3,
      'Gini points',
      'Assumption: fiscal redistribution lowers the market-income Gini by about 17 points in advanced economies (IMF 2017, Fiscal Monitor: Tackling Inequality, ch. 1); a global minimum tax, labor rights and fairer trade rules are a small part of such a package',
      'Fall of the Gini with rebalancing globalization (reforms.rebalancing) in full.',
    ),
    param(
      'gini_import',
      0.05,
      0,
      0.15,
      'Gini points per point of GDP',
      'Assumption: import competition from lower-wage countries raises inequality, less than technology does (Jaumotte, Lall and Papageorgiou 2013, IMF Econ. Rev. 61(2); Ebenstein et al. 2014, REStat 96(4))',
      'Rise of the Gini per percentage point of GDP of gap-weighted imports from lower-wage partners (above base year).',
    ),
    {
      ...param(
        'local_industry_pct_gdp',
        0,
        0,
        1,
        '% of GDP per year',
        'Lever (neutral 0): public investment in local industries, place-based policy (Kline and Moretti 2014, QJE 129(1))',
        'Spending on local industries, creating jobs in manufacturing and tradable services.',
        'uniform',
      ),
      lever: 'labor',
    },
    param(
      'cost_per_job_gdppc',
      2,
      0.5,
      4,
      'GDP per person per job',
      'Bartik (2020), J. Econ. Perspectives 34(3): business incentives cost about USD 100,000-200,000 per job created, 1.5-3 years of US GDP per person',
      'Cost of a job created by local-industry investment, in years of GDP per person.',
    ),
    {
      ...param(
        'protection_tariff_pct',
        0,
        0,
        50,
        '%',
        'Lever (neutral 0): protection of vulnerable sectors as a tariff on manufactures from lower-wage partners',
        'Tariff on manufactured imports from partners with lower GDP per person, applied from the first simulated year.',
        'uniform',
      ),
      lever: 'labor',
    },
    param(
      'manufactures_share_of_imports',
      0.55,
      0.45,
      0.65,
      'fraction',
      'WTO World Trade Statistical Review: manufactures are about 70 % of merchandise trade, merchandise about 78 % of goods and services trade',
      'Share of imports that protection covers (it applies as tariff x share on all imports from the partner).',
    ),
    {
      ...param(
        'training_intensity',
        0,
        0,
        1,
        'fraction of the displaced pool',
        'Lever (neutral 0): pathways to work, training for displaced workers',
        'Share of displaced workers in training each year.',
        'uniform',
      ),
      lever: 'labor',
    },
    param(
      'training_effect',
      0.15,
      0.05,
      0.25,
      '1/yr',
      'Card, Kluve and Weber (2018), J. European Econ. Assoc. 16(3): training raises the employment probability of participants by about 5-10 points two or more years on, more for the long-term unemployed',
      'Rise of the yearly re-employment rate of trainees.',
    ),
    param(
      'training_cost_gdppc',
      0.5,
      0.2,
      1,
      'GDP per person per trainee-year',
      'Assumption from OECD labour market programme spending per participant (training about half a year of average earnings)',
      'Cost of a year of training per displaced worker.',
    ),
    param(
      'deadweight_cost',
      0.25,
      0.1,
      0.5,
      'per unit of spending',
      'Dahlby (2008), The Marginal Cost of Public Funds: 1.1-1.5 for typical taxes',
      'Output lost per unit of public spending on the levers (marginal cost of public funds minus 1).',
    ),
  ],
  countryVars: [
    ...EMPLOYMENT_VARS.map((name, k) => ({
      name,
      units: 'million workers',
      description: `Employment in ${SECTORS[k].replace('_', ' ')}`,
      output: true,
    })),
    {
      name: 'displaced_workers_thousand',
      units: 'thousand workers',
      description: 'Displaced workers not yet re-employed (the pool that feeds grievance)',
      output: true,
    },
    {
      name: 'displaced_offshoring_thousand',
      units: 'thousand workers per year',
      description: 'Jobs displaced by offshoring this year',
      output: true,
    },
    {
      name: 'displaced_automation_thousand',
      units: 'thousand workers per year',
      description: 'Jobs displaced by automation this year',
      output: true,
    },
    { name: 'gini', units: 'Gini index (0-100)', description: 'Income inequality', output: true },
    {
      name: 'labor_policy_cost_pct_gdp',
      units: '% of GDP',
      description: 'Spending on the labor levers (local industry, training)',
      output: true,
    },
    {
      name: 'labor_loss_fraction',
      units: 'fraction of GDP',
      description: "Output lost to displacement above the base-year rate and to the levers' deadweight cost",
      lossChannel: true,
    },
  ],
  globalVars: [
    {
      name: 'displaced_workers_million',
      units: 'million workers',
      description: 'Displaced workers not yet re-employed, world',
      output: true,
    },
    {
      name: 'displaced_by_offshoring_million',
      units: 'million workers per year',
      description: 'Jobs displaced by offshoring this year, world',
      output: true,
    },
    {
      name: 'displaced_by_automation_million',
      units: 'million workers per year',
      description: 'Jobs displaced by automation this year, world',
      output: true,
    },
  ],

  init(state, { data, params: p }) {
    const n = state.n;
    const c = state.country;
    const tl = data.tradeLabor;
    const t: LaborInternal = {
      partners: importPartners(data),
      partnerFlows: importPartners(data).map((list) => new Float64Array(list.length)),
      tradeSolves: -1,
      pool0Rate: new Float64Array(n),
      lowWage0: new Float64Array(n),
      gini0: Float64Array.from(tl.gini),
      sectors: EMPLOYMENT_VARS.map((v) => state.country[v]),
      off: new Float64Array(SECTORS.length),
      auto: new Float64Array(SECTORS.length),
    };
    state.internal.labor = t;
    const services = 1;
    const r = rates(p, 0);
    const { off, auto } = t;
    refreshPartnerFlows(state, t);
    let poolWorld = 0;
    for (let i = 0; i < n; i++) {
      const force = p['labor.employment_rate'] * c.population_million[i];
      const agri = tl.employmentAgriculture[i];
      const industry = tl.employmentIndustry[i];
      const manufacturing = p['labor.manufacturing_share_of_industry'] * industry;
      const tradable = p['labor.tradable_services_share'] * (services - agri - industry);
      const shares = [agri, manufacturing, tradable, services - agri - manufacturing - tradable];
      for (let k = 0; k < SECTORS.length; k++) t.sectors[k][i] = shares[k] * force;
      // Start at the steady state of base-year displacement: the pool after hiring, D (1 - rho) / rho.
      const gap = wageGap(t, c.gdp_per_capita_usd2015, i);
      displacement(t.sectors, r, i, c.imports_pct_gdp[i], c.gdp_per_capita_usd2015[i], gap, off, auto);
      let displaced = 0;
      for (let k = 0; k < SECTORS.length; k++) displaced += off[k] + auto[k];
      const rho0 = p['labor.reemployment_rate'];
      const pool = (displaced * (1 - rho0)) / rho0;
      for (let k = 0; k < SECTORS.length; k++) t.sectors[k][i] *= (force - pool) / force;
      t.pool0Rate[i] = pool / force;
      t.lowWage0[i] = c.imports_pct_gdp[i] * gap;
      c.displaced_workers_thousand[i] = 1000 * pool;
      c.displaced_offshoring_thousand[i] = 1000 * off.reduce((a, b) => a + b, 0);
      c.displaced_automation_thousand[i] = 1000 * auto.reduce((a, b) => a + b, 0);
      c.gini[i] = t.gini0[i];
      poolWorld += pool;
    }
    state.global.displaced_workers_million = poolWorld;
    state.global.displaced_by_offshoring_million = sumOf(c.displaced_offshoring_thousand) / 1000;
    state.global.displaced_by_automation_million = sumOf(c.displaced_automation_thousand) / 1000;
    applyProtection(state, p);
  },

  step(state, year, { data, params: p }) {
    const t = state.internal.labor as LaborInternal;
    const n = state.n;
    const c = state.country;
    const r = rates(p, year - data.baseYear);
    const rho = p['labor.reemployment_rate'] + p['labor.training_effect'] * p['labor.training_intensity'];
    const employmentRate = p['labor.employment_rate'];
    const training = p['labor.training_intensity'] * p['labor.training_cost_gdppc'];
    const local = p['labor.local_industry_pct_gdp'] / 100;
    const costPerJob = p['labor.cost_per_job_gdppc'];
    const giniDisplacement = 100 * p['labor.gini_displacement'];
    const giniImport = p['labor.gini_import'];
    // Rebalancing globalization acts on inequality (the reforms module publishes last year's intensity).
    const giniReform = p['labor.rebalancing_gini'] * (state.global.reform_rebalancing ?? 0);
    const laborShare = p['labor.labor_share'];
    const deadweight = p['labor.deadweight_cost'];
    // Arrays hoisted out of the loop: the state's records are looked up by name.
    const [agri, manu, trad, nont] = t.sectors;
    const population = c.population_million;
    const gdpArr = c.gdp_billion_usd2015;
    const gdppcArr = c.gdp_per_capita_usd2015;
    const imports = c.imports_pct_gdp;
    const poolArr = c.displaced_workers_thousand;
    const offArr = c.displaced_offshoring_thousand;
    const autoArr = c.displaced_automation_thousand;
    if ((state.global.trade_solves ?? 0) !== t.tradeSolves) refreshPartnerFlows(state, t);
    const gini = c.gini;
    const policyCost = c.labor_policy_cost_pct_gdp;
    const loss = c.labor_loss_fraction;
    const { off, auto } = t;
    let poolWorld = 0;
    let offWorld = 0;
    let autoWorld = 0;
    for (let i = 0; i < n; i++) {
      const force = employmentRate * population[i];
      let pool = poolArr[i] / 1000;
      const gap = wageGap(t, gdppcArr, i);
      displacement(t.sectors, r, i, imports[i], gdppcArr[i], gap, off, auto);
      let displaced = 0;
      let offTotal = 0;
      let autoTotal = 0;
      for (let k = 0; k < 4; k++) {
        const sector = t.sectors[k];
        const d = Math.min(sector[i], off[k] + auto[k]);
        sector[i] -= d;
        displaced += d;
        offTotal += off[k];
        autoTotal += auto[k];
      }
      pool += displaced;
      const gdp = gdpArr[i];
      const gdppc = gdppcArr[i] / 1e6; // million USD per person
      const trainingCost = training * pool * gdppc;
      const localCost = local * gdp;
      const created = localCost > 0 ? localCost / 1000 / (costPerJob * gdppc) : 0;
      const hired = Math.min(pool, rho * pool + created);
      const toTradable = Math.min(hired, created);
      pool -= hired;
      // New jobs outside agriculture, in proportion to sector size; created jobs in M and T.
      const m = manu[i];
      const tr = trad[i];
      const nt = nont[i];
      const rest = hired - toTradable;
      const outside = m + tr + nt;
      if (outside > 0) {
        manu[i] += (rest * m) / outside;
        trad[i] += (rest * tr) / outside;
        nont[i] += (rest * nt) / outside;
      }
      if (toTradable > 0 && m + tr > 0) {
        manu[i] += (toTradable * m) / (m + tr);
        trad[i] += (toTradable * tr) / (m + tr);
      }
      // The labor force follows population: sectors absorb the change in proportion.
      const employed = agri[i] + manu[i] + trad[i] + nont[i];
      const scale = employed > 0 ? Math.max(0, force - pool) / employed : 0;
      agri[i] *= scale;
      manu[i] *= scale;
      trad[i] *= scale;
      nont[i] *= scale;
      const rate = pool / force;
      const extra = rate - t.pool0Rate[i];
      gini[i] =
        t.gini0[i] + giniDisplacement * extra + giniImport * (imports[i] * gap - t.lowWage0[i]) - giniReform;
      const cost = gdp > 0 ? (trainingCost * 1000 + localCost) / gdp : 0;
      policyCost[i] = 100 * cost;
      loss[i] = laborShare * extra + deadweight * cost;
      poolArr[i] = 1000 * pool;
      offArr[i] = 1000 * offTotal;
      autoArr[i] = 1000 * autoTotal;
      poolWorld += pool;
      offWorld += offTotal;
      autoWorld += autoTotal;
    }
    state.global.displaced_workers_million = poolWorld;
    state.global.displaced_by_offshoring_million = offWorld;
    state.global.displaced_by_automation_million = autoWorld;
  },
};

function sumOf(xs: Float64Array): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

/** Protection: a tariff on imports from lower-wage partners, in the trade module's tariff matrix. */
function applyProtection(state: WorldState, p: Params): void {
  const level = p['labor.protection_tariff_pct'] * p['labor.manufactures_share_of_imports'];
  if (!(level > 0)) return;
  const n = state.n;
  const y = state.country.gdp_per_capita_usd2015;
  const tariff = state.dyad.tariff_pct;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i !== j && y[j] < y[i]) tariff[i * n + j] = Math.max(tariff[i * n + j], level);
    }
  }
  state.global.tariff_revision = (state.global.tariff_revision ?? 0) + 1;
}
