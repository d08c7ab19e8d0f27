/**
 * Security: the essay's "escalation of conflict". Each year every pair of states may begin a militarized
 * interstate dispute (MID) with the hazard of the Kantian-peace logit estimated from the 1946-2000 dyad-year
 * data (scripts/estimate-conflict.ts; see ../security/hazard.ts for the equation). Its covariates move:
 * democracy with the values module, trade dependence with GDP (gravity) and, when a trade module reports it,
 * openness; joint IGO memberships are a dyad variable other modules may change; capability follows GDP and
 * military spending; a rise in nationalist support shared by both publics raises the hazard (an assumption:
 * history has no measure of it).
 *
 * A dispute escalates to war with the MID data's base rate; defence allies of each side join with the rate
 * measured in the same data; a war goes on each year with the observed continuation rate. Wars cost:
 * - lives: battle deaths per pair at war and year, lognormal (PRIO battle-deaths scale);
 * - output: a war-damage stock D grows by a yearly rate (higher for the weaker side, taken to be where the
 *   war is fought) and heals at a recovery rate, D(t) = 1 - (1 - (1 - r) D(t-1)) (1 - w); the loss channel
 *   is GDP relative to the base year's damage, 1 - (1 - D)/(1 - D0) (Federle et al. 2024);
 * - trade: the pair's trade falls by a share while at war and recovers after (Glick and Taylor 2010), which
 *   lowers dependence and so raises the pair's later hazard;
 * - refugees: the weaker side loses a share of its population a year, most to land neighbours not at war
 *   with it, the rest to other states; they return once the war is over (../security/refugees.ts).
 * Hotspots: expected disputes and the probability that a war begins, by regional group of pairs.
 */
import { z } from 'zod';
import { sum } from '../math.js';
import type { Context, Module, ScenarioEvent } from '../module.js';
import * as Portable from '../portable.js';
import type { ParamDef, Params } from '../registry.js';
import type { Rng } from '../rng.js';
import { type CountryTerms, DyadHazards, type HazardModel } from '../security/hazard.js';
import { pairCount, pairIndex, pairMembers } from '../security/pairs.js';
import { type RefugeeStocks, refugeeYear } from '../security/refugees.js';
import { type StaticTables, staticTables } from '../security/tables.js';
import { type War, WarBook } from '../security/wars.js';
import type { WorldState } from '../state.js';

const ESTIMATED =
  'Estimated by scripts/estimate-conflict.ts: logit of MID onset, all undirected dyad-years 1946-2000 (n = 374,465, 1,464 onsets); range +-2 standard errors';
const ESTIMATED_FIXED =
  'Estimated by scripts/estimate-conflict.ts (logit of MID onset, 1946-2000); not varied: it only makes sense together with the other coefficients';

/** A coefficient of the shipped model: default the estimate, range +-2 standard errors (or fixed). */
function coefficient(
  name: string,
  value: number,
  lo: number,
  hi: number,
  units: string,
  what: string,
): ParamDef {
  const fixed = lo === hi;
  return {
    id: `security.coef_${name}`,
    default: value,
    min: lo,
    max: hi,
    distribution: fixed ? 'fixed' : 'triangular',
    units,
    source: fixed ? ESTIMATED_FIXED : ESTIMATED,
    description: what,
  };
}

/** The model's covariates, in the order of the coefficients in data.security.model. */
export const HAZARD_TERMS = [
  'intercept',
  'democracy_low',
  'democracy_high',
  'dependence_low',
  'joint_igos',
  'alliance',
  'contiguity',
  'log_distance',
  'log_capability_ratio',
  'major_power',
  'peace_years',
  'peace_years_sq',
  'peace_years_cube',
] as const;

const PARAMS: ParamDef[] = [
  coefficient('intercept', -0.9584, -0.9584, -0.9584, 'log-odds', 'Intercept of the dispute logit.'),
  coefficient(
    'democracy_low',
    -4.13,
    -4.567,
    -3.693,
    'log-odds per unit of polyarchy',
    'Effect of the less democratic side (V-Dem polyarchy, 0..1): the democratic peace.',
  ),
  coefficient(
    'democracy_high',
    0.5354,
    0.282,
    0.7888,
    'log-odds per unit of polyarchy',
    'Effect of the more democratic side.',
  ),
  coefficient(
    'dependence_low',
    -9.77,
    -19.08,
    -0.4629,
    'log-odds per unit of trade/GDP',
    'Effect of the lower trade dependence (trade with the partner over own GDP): the commercial peace.',
  ),
  coefficient(
    'joint_igos',
    0.02418,
    0.01892,
    0.02945,
    'log-odds per shared IGO',
    'Effect of each IGO both belong to; positive in these data (see docs/model/security.md).',
  ),
  coefficient('alliance', -0.07836, -0.2364, 0.07968, 'log-odds', 'Effect of a defence pact (ATOP).'),
  coefficient(
    'contiguity',
    2.257,
    2.091,
    2.423,
    'log-odds',
    'Effect of a land border or at most 150 miles of water.',
  ),
  coefficient(
    'log_distance',
    -0.4002,
    -0.4652,
    -0.3353,
    'log-odds per log km',
    'Effect of the log distance between capitals.',
  ),
  coefficient(
    'log_capability_ratio',
    -0.2148,
    -0.2594,
    -0.1702,
    'log-odds per log ratio',
    'Effect of the log ratio of the stronger to the weaker side (COW CINC).',
  ),
  coefficient('major_power', 2.127, 1.974, 2.279, 'log-odds', 'Effect of a major power on either side.'),
  coefficient('peace_years', -0.3408, -0.3408, -0.3408, 'log-odds per year', 'Peace-years, linear term.'),
  coefficient('peace_years_sq', 0.012, 0.012, 0.012, 'log-odds per year^2', 'Peace-years, square term.'),
  coefficient(
    'peace_years_cube',
    -0.0001248,
    -0.0001248,
    -0.0001248,
    'log-odds per year^3',
    'Peace-years, cube term.',
  ),
  {
    id: 'security.joint_nationalism',
    default: 1,
    min: 0,
    max: 3,
    distribution: 'uniform',
    units: 'log-odds per unit of support',
    source:
      'Assumption: no history measures it. At 1, a rise of 20 points in nationalist support in both publics multiplies the odds of a dispute by 1.22, about the effect of moving the less democratic side from 0.5 to 0.45',
    description:
      'Effect of the smaller of the two publics’ rises in nationalist support since the base year.',
  },
  {
    id: 'security.escalation_probability',
    default: 0.01621,
    min: 0.008,
    max: 0.04,
    distribution: 'triangular',
    units: 'probability per dispute',
    source:
      'COW MID 5.0 in data/raw/dyad_year.csv.gz, 1946-2014: 37 onsets between originators reached war (hostility level 5) out of 2,283 dyadic onsets (scripts/estimate-conflict.ts)',
    description: 'Probability that a dispute between two states not already at war becomes a war.',
  },
  {
    id: 'security.war_continuation',
    default: 0.7568,
    min: 0.5,
    max: 0.9,
    distribution: 'triangular',
    units: 'probability per year',
    source:
      'COW MID 5.0, 1946-2014: 28 of the 37 wars between originators were still ongoing the next year (scripts/estimate-conflict.ts)',
    description: 'Probability that a war goes on into the next year.',
  },
  {
    id: 'security.ally_join_probability',
    default: 0.1111,
    min: 0.05,
    max: 0.3,
    distribution: 'triangular',
    units: 'probability per ally',
    source:
      'COW MID 5.0 and ATOP 5.1, 1946-2014: 48 of 432 defence allies of a side (not allied to the other) began a war with the other side in its first two years (scripts/estimate-conflict.ts). Leeds et al. (2000, IO 54(4)) find 75 % reliability when the treaty is formally invoked',
    description: 'Probability that a defence ally of a belligerent joins its war.',
  },
  {
    id: 'security.war_damage_site',
    default: 0.08,
    min: 0.03,
    max: 0.15,
    distribution: 'triangular',
    units: 'fraction of GDP per year',
    source:
      'Calibrated to Federle, Meier, Müller, Mutschler and Schularick (2024), The Price of War (Kiel WP 2262): output where a war is fought falls about 30 % within five years (here 26 % after five years at the defaults)',
    description: 'Yearly war damage to the weaker side of a war, taken to be where it is fought.',
  },
  {
    id: 'security.war_damage_abroad',
    default: 0.01,
    min: 0,
    max: 0.03,
    distribution: 'triangular',
    units: 'fraction of GDP per year',
    source:
      'Calibrated to Federle et al. (2024): belligerents fighting on others’ territory lose little output (a few per cent over five years)',
    description: 'Yearly war damage to the stronger side.',
  },
  {
    id: 'security.war_recovery_rate',
    default: 0.15,
    min: 0.05,
    max: 0.3,
    distribution: 'triangular',
    units: '1/yr',
    source:
      'Assumption informed by Federle et al. (2024) and Cerra and Saxena (2008, AER 98(1)): losses from wars are persistent and heal over a decade or more',
    description: 'Share of the war-damage stock repaired each year.',
  },
  {
    id: 'security.battle_deaths_median_thousand',
    default: 5,
    min: 1,
    max: 25,
    distribution: 'triangular',
    units: 'thousand per pair at war per year',
    source:
      'Assumption calibrated to the PRIO Battle Deaths Dataset (Lacina and Gleditsch 2005, Eur. J. Population 21): most interstate wars since 1945 killed thousands to tens of thousands; a few (Korea, Vietnam, Iran-Iraq, Russia-Ukraine) far more',
    description: 'Median battle deaths of one pair at war in one year (lognormal).',
  },
  {
    id: 'security.battle_deaths_sigma',
    default: 1.5,
    min: 1,
    max: 2,
    distribution: 'uniform',
    units: 'log points',
    source:
      'Assumption: battle deaths span orders of magnitude across wars (Lacina and Gleditsch 2005); at 1.5 the mean is 3.1 times the median',
    description: 'Standard deviation of log battle deaths.',
  },
  {
    id: 'security.war_trade_loss',
    default: 0.8,
    min: 0.5,
    max: 0.95,
    distribution: 'triangular',
    units: 'fraction of bilateral trade',
    source:
      'Glick and Taylor (2010), Collateral Damage: Trade Disruption and the Economic Impact of War, REStat 92(1): trade between belligerents falls by about 80 % or more during wars',
    description: 'Share of a pair’s trade lost while the two are at war.',
  },
  {
    id: 'security.war_trade_recovery',
    default: 0.1,
    min: 0.05,
    max: 0.3,
    distribution: 'triangular',
    units: '1/yr',
    source: 'Glick and Taylor (2010): trade between former enemies takes about a decade to recover',
    description: 'Share of lost bilateral trade restored each year after a war.',
  },
  {
    id: 'security.refugee_outflow_share',
    default: 0.02,
    min: 0.005,
    max: 0.1,
    distribution: 'triangular',
    units: 'fraction of population per year',
    source:
      'Assumption calibrated to UNHCR Global Trends: about 1.5 %/yr of Iraq’s population fled abroad in 2003-2008, about 3 %/yr of Syria’s in 2011-2020, about 14 % of Ukraine’s in 2022',
    description: 'Share of the population of the weaker side of a war that flees abroad each year.',
  },
  {
    id: 'security.refugee_neighbour_share',
    default: 0.7,
    min: 0.5,
    max: 0.9,
    distribution: 'triangular',
    units: 'fraction',
    source: 'UNHCR Global Trends 2023: 69 % of refugees lived in countries neighbouring their own',
    description: 'Share of refugees who go to land neighbours (the rest go to other states by GDP).',
  },
  {
    id: 'security.refugee_return_rate',
    default: 0.1,
    min: 0.03,
    max: 0.3,
    distribution: 'triangular',
    units: '1/yr',
    source:
      'Assumption informed by UNHCR Global Trends 2023: 1.1 million refugees returned in 2023 out of 31.6 million (3.5 %), most from countries still at war; returns after a war ends are faster',
    description: 'Share of a country’s refugees abroad who return each year once it is at peace.',
  },
];

/** A module-private view of the parameters. */
function hazardModel(p: Params): HazardModel {
  return {
    democracyLow: p['security.coef_democracy_low'],
    democracyHigh: p['security.coef_democracy_high'],
    dependenceLow: p['security.coef_dependence_low'],
    jointIgos: p['security.coef_joint_igos'],
    alliance: p['security.coef_alliance'],
    logCapabilityRatio: p['security.coef_log_capability_ratio'],
    jointNationalism: p['security.joint_nationalism'],
  };
}

interface Internal {
  readonly dyads: DyadHazards;
  readonly terms: CountryTerms;
  readonly model: HazardModel;
  readonly rng: Rng;
  readonly wars: WarBook;
  readonly tables: StaticTables;
  readonly gdp0: Float64Array;
  readonly worldGdp0: number;
  readonly military0: Float64Array;
  readonly logCapability0: Float64Array;
  readonly nominalGdp0: Float64Array;
  readonly openness0: Float64Array | null;
  readonly nationalism0: Float64Array | null;
  /** War-damage stock per country, and its value in the base year. */
  readonly damage: Float64Array;
  readonly damage0: Float64Array;
  /** Pairs whose trade is below normal because of a war: packed index to the states and the share left. */
  readonly damagedTrade: Map<number, { readonly a: number; readonly b: number; kept: number }>;
  readonly refugees: RefugeeStocks;
  /** Scratch: this year's war sites. */
  readonly site: Uint8Array;
}

const internal = (state: WorldState) => state.internal.security as Internal;

/** Lost trade below this share counts as recovered. */
const RECOVERED = 1e-6;

/**
 * Share of COW's composite capability index (CINC, the mean of six shares: military expenditure, military
 * personnel, iron and steel, energy, total and urban population; Singer, Bremer and Stuckey 1972) that
 * moves with military spending: the two military components. The other four move with GDP.
 */
const MILITARY_SHARE_OF_CINC = 2 / 6;

/** Steady-state damage under a war that never ends: the base year's for states already at war. */
const steadyDamage = (rate: number, recovery: number) => rate / (recovery + rate - recovery * rate);

/** The state of a pair at war taken to be where the war is fought: the weaker by capability. */
function weaker(t: CountryTerms, a: number, b: number): number {
  return t.logCapability[a] <= t.logCapability[b] ? a : b;
}

/** This year's country terms; `democracy` is last year's from the values module (the data's in the base year). */
function updateTerms(state: WorldState, s: Internal, democracy: ArrayLike<number>): void {
  const c = state.country;
  const t = s.terms;
  const worldGrowth = state.global.gdp_trillion_usd2015 / s.worldGdp0;
  const sqrtWorld = Math.sqrt(worldGrowth);
  for (let i = 0; i < state.n; i++) {
    const g = c.gdp_billion_usd2015[i] / s.gdp0[i];
    const openness = s.openness0 && s.openness0[i] > 0 ? c.trade_pct_gdp[i] / s.openness0[i] : 1;
    const military = c.military_spending_pct_gdp[i] / s.military0[i];
    t.democracy[i] = democracy[i];
    t.logCapability[i] =
      s.logCapability0[i] +
      Portable.log(g * (1 - MILITARY_SHARE_OF_CINC + MILITARY_SHARE_OF_CINC * military));
    t.tradeScale[i] = (g * openness) / sqrtWorld;
    t.inverseGdp[i] = 1 / (s.nominalGdp0[i] * g);
    t.nationalismRise[i] = s.nationalism0 ? c.nationalist_support[i] - s.nationalism0[i] : 0;
  }
}

/**
 * Hazards for this year: the global expected disputes and the hotspot rows; with a generator, this year's
 * onsets are drawn too (s.dyads.onsets).
 */
function assess(state: WorldState, year: number, ctx: Context, s: Internal, rng?: Rng): void {
  const { joint_igo_memberships: igo, defence_pact: pact } = state.dyad;
  state.global.expected_disputes = s.dyads.compute(s.model, s.terms, igo, pact, year, rng);
  const q = ctx.params['security.escalation_probability'];
  const hazard = s.dyads.hazard;
  ctx.data.security.hotspots.forEach((h, r) => {
    let disputes = 0;
    let noWar = 1;
    for (const k of s.tables.hotspotPairs[r]) {
      disputes += hazard[k];
      noWar *= 1 - hazard[k] * q;
    }
    ctx.row('hotspots', [year, h.region, disputes, 1 - noWar]);
  });
}

function beginWar(
  state: WorldState,
  a: number,
  b: number,
  year: number,
  why: string,
  ctx: Context,
  s: Internal,
): War {
  const iso = ctx.data.countries.iso3;
  const n = state.n;
  const pact = state.dyad.defence_pact;
  const war = s.wars.start(a, b, year);
  ctx.log(year, iso[a], 'war', `war with ${iso[b]} (${why})`);
  const join = ctx.params['security.ally_join_probability'];
  for (const side of [1, 0] as const) {
    const leader = war.sides[side][0];
    const enemy = war.sides[1 - side][0];
    for (let ally = 0; ally < n; ally++) {
      if (!pact[leader * n + ally] || pact[enemy * n + ally] || WarBook.involves(war, ally)) continue;
      if (s.rng.uniform() >= join) continue;
      s.wars.join(war, ally, side);
      ctx.log(year, iso[ally], 'join war', `joins its ally ${iso[leader]} against ${iso[enemy]}`);
    }
  }
  return war;
}

/** A standard normal draw (Box-Muller; cos(a) = -cos(a - pi) keeps the angle where Portable.cos works). */
function normal(rng: Rng): number {
  return (
    -Math.sqrt(-2 * Portable.log(1 - rng.uniform())) * Portable.cos(2 * Math.PI * rng.uniform() - Math.PI)
  );
}

/** Deaths, damage, lost trade and refugees from this year's wars. */
function consequences(state: WorldState, ctx: Context, s: Internal): void {
  const p = ctx.params;
  const c = state.country;
  const n = state.n;
  c.at_war.fill(0);
  const site = s.site;
  site.fill(0);
  const lnMedian = Portable.log(p['security.battle_deaths_median_thousand']);
  const sigma = p['security.battle_deaths_sigma'];
  const keptAtWar = 1 - p['security.war_trade_loss'];
  let deaths = 0;
  for (const war of s.wars.wars) {
    for (const { k, a, b } of war.pairs) {
      c.at_war[a] = 1;
      c.at_war[b] = 1;
      site[weaker(s.terms, a, b)] = 1;
      deaths += Portable.exp(lnMedian + sigma * normal(s.rng));
      const damaged = s.damagedTrade.get(k);
      if (damaged) damaged.kept = keptAtWar;
      else s.damagedTrade.set(k, { a, b, kept: keptAtWar });
    }
  }
  state.global.battle_deaths_thousand = deaths;
  state.global.wars_ongoing = s.wars.wars.length;

  // Trade between former enemies recovers; the dyad variable mirrors the loss for other modules.
  const recovery = p['security.war_trade_recovery'];
  const lost = state.dyad.war_trade_loss_fraction;
  for (const [k, pair] of s.damagedTrade) {
    if (s.wars.pairWar[k] === 0) pair.kept += recovery * (1 - pair.kept);
    if (1 - pair.kept < RECOVERED) {
      pair.kept = 1;
      s.damagedTrade.delete(k);
    }
    s.dyads.setTradeKept(k, pair.kept);
    lost[pair.a * n + pair.b] = 1 - pair.kept;
    lost[pair.b * n + pair.a] = 1 - pair.kept;
  }

  // Output: the damage stock and the loss relative to the base year.
  const rec = p['security.war_recovery_rate'];
  const atSite = p['security.war_damage_site'];
  const abroad = p['security.war_damage_abroad'];
  for (let i = 0; i < n; i++) {
    const rate = c.at_war[i] ? (site[i] ? atSite : abroad) : 0;
    s.damage[i] = 1 - (1 - (1 - rec) * s.damage[i]) * (1 - rate);
    c.war_loss_fraction[i] = 1 - (1 - s.damage[i]) / (1 - s.damage0[i]);
  }

  refugeeYear(
    {
      site,
      atWar: c.at_war,
      fighting: (a, b) => s.wars.atWar(a, b),
      population: c.population_million,
      gdp: c.gdp_billion_usd2015,
      landNeighbours: s.tables.landNeighbours,
      nearNeighbours: s.tables.nearNeighbours,
      outflowShare: p['security.refugee_outflow_share'],
      neighbourShare: p['security.refugee_neighbour_share'],
      returnRate: p['security.refugee_return_rate'],
    },
    s.refugees,
    c.refugee_inflow_thousand,
    c.refugee_net_migration_thousand,
  );
  state.global.refugees_million = sum(s.refugees.abroad) / 1000;
}

/** A scenario's defence_pact event: one pact in force or ended, or a state leaving all its pacts. */
function changePact(state: WorldState, year: number, e: ScenarioEvent, ctx: Context): void {
  const iso = ctx.data.countries.iso3;
  const n = state.n;
  const pact = state.dyad.defence_pact;
  const a = iso.indexOf(e.country as string);
  const value = e.in_force ? 1 : 0;
  const partners =
    e.partner === '*'
      ? iso.map((_, i) => i).filter((i) => pact[a * n + i])
      : [iso.indexOf(e.partner as string)];
  if (e.partner === '*' && value === 1) {
    ctx.log(year, iso[a], 'defence pact', 'ignored: a pact with every state (partner *) can only end');
    return;
  }
  for (const b of partners) {
    if (b === a) continue;
    pact[a * n + b] = value;
    pact[b * n + a] = value;
    ctx.log(year, iso[a], 'defence pact', `${value ? 'in force with' : 'ended with'} ${iso[b]} (scenario)`);
  }
}

export const security: Module = {
  name: 'security',
  summary:
    'Dispute hazard of every pair of states from the Kantian-peace logit estimated on 1946-2000 MID data; escalation to war, allies, deaths, GDP and trade losses, refugees; hotspots.',
  params: PARAMS,
  countryVars: [
    { name: 'at_war', units: '0/1', description: 'At war this year', output: true },
    {
      name: 'war_loss_fraction',
      units: 'fraction of GDP',
      description: 'GDP lost to war damage relative to the base year (negative: recovery)',
      lossChannel: true,
    },
    {
      name: 'refugee_inflow_thousand',
      units: 'thousand people',
      description: 'Refugees arriving from wars this year',
      output: true,
    },
    {
      name: 'refugee_net_migration_thousand',
      units: 'thousand people',
      description: 'Population change from refugees this year: arrivals and returns in, departures out',
    },
    {
      name: 'military_spending_pct_gdp',
      units: '% of GDP',
      description: 'Military expenditure; with GDP it sets capability',
      output: true,
    },
  ],
  dyadVars: [
    {
      name: 'joint_igo_memberships',
      units: 'count',
      description: 'IGOs in which both states are full members (symmetric)',
    },
    {
      name: 'defence_pact',
      units: '0/1',
      description: 'A defence pact in force between the two states (symmetric)',
    },
    {
      name: 'war_trade_loss_fraction',
      units: 'fraction',
      description: 'Share of the pair’s trade lost to a current or past war (symmetric)',
    },
  ],
  globalVars: [
    {
      name: 'expected_disputes',
      units: 'disputes/yr',
      description: 'Expected MID onsets: the sum of all pairs’ hazards',
      output: true,
    },
    { name: 'wars_ongoing', units: 'wars', description: 'Wars going on this year', output: true },
    {
      name: 'battle_deaths_thousand',
      units: 'thousand people',
      description: 'Battle deaths in wars this year',
      output: true,
    },
    {
      name: 'refugees_million',
      units: 'million people',
      description: 'Refugees from the model’s wars still abroad',
      output: true,
    },
  ],
  tables: [
    {
      name: 'hotspots',
      columns: ['year', 'region', 'expected_disputes', 'war_probability'],
      description:
        'Per regional group of states: expected dispute onsets among its pairs this year, and the probability that a war begins among them',
    },
  ],
  events: [
    {
      type: 'military_spending',
      description: 'set military expenditure (% of GDP) from this year on; capability moves with it',
      fields: (v) => ({
        country: v.countryOrAll,
        pct_gdp: z.number().min(0).max(50).describe('Military expenditure, % of GDP'),
      }),
    },
    {
      type: 'war',
      description: 'a war begins between two states this year (their defence allies may join)',
      fields: (v) => ({ country: v.country, against: v.country }),
    },
    {
      type: 'defence_pact',
      description:
        'a defence pact between two states comes into force or ends (partner * with in_force false: the state leaves all its pacts)',
      fields: (v) => ({
        country: v.country,
        partner: v.countryOrAll,
        in_force: z.boolean().describe('true: the pact comes into force; false: it ends'),
      }),
    },
  ],

  init(state, ctx) {
    const { data, params } = ctx;
    const sd = data.security;
    const n = state.n;
    const P = pairCount(n);
    const b = Object.fromEntries(HAZARD_TERMS.map((t) => [t, params[`security.coef_${t}`]])) as Record<
      (typeof HAZARD_TERMS)[number],
      number
    >;
    const cap = sd.model.peaceYearsMax;
    const peaceYearsEffect = Float64Array.from(
      { length: cap + 1 },
      (_, t) => b.peace_years * t + b.peace_years_sq * t * t + b.peace_years_cube * t * t * t,
    );
    const fixedEta = new Float64Array(P);
    const igo = state.dyad.joint_igo_memberships;
    const c = state.country;
    const tables = staticTables(data);
    const { alliance, logDistance, jointIgos } = sd.pairs;
    const pact = state.dyad.defence_pact;
    const major = sd.countries.majorPower;
    for (let i = 0, k = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++, k++) {
        fixedEta[k] =
          b.intercept +
          b.contiguity * tables.contiguous[k] +
          b.log_distance * logDistance[k] +
          b.major_power * Math.max(major[i], major[j]);
        igo[i * n + j] = jointIgos[k];
        igo[j * n + i] = jointIgos[k];
        pact[i * n + j] = alliance[k];
        pact[j * n + i] = alliance[k];
      }
    }
    c.military_spending_pct_gdp.set(sd.countries.military_spending_pct_gdp);
    const iso = new Map(data.countries.iso3.map((code, i) => [code, i]));
    const s: Internal = {
      dyads: new DyadHazards(
        n,
        fixedEta,
        Float64Array.from(sd.pairs.tradeMusd),
        sd.pairs.lastDisputeYear,
        peaceYearsEffect,
      ),
      terms: {
        democracy: Float64Array.from(sd.countries.democracy),
        logCapability: new Float64Array(n),
        tradeScale: new Float64Array(n),
        inverseGdp: new Float64Array(n),
        nationalismRise: new Float64Array(n),
      },
      model: hazardModel(params),
      rng: ctx.rng.fork(),
      wars: new WarBook(n),
      tables,
      gdp0: Float64Array.from(c.gdp_billion_usd2015),
      worldGdp0: state.global.gdp_trillion_usd2015,
      military0: Float64Array.from(sd.countries.military_spending_pct_gdp),
      logCapability0: Float64Array.from(sd.countries.capability, (x) => Portable.log(x)),
      nominalGdp0: Float64Array.from(sd.countries.nominalGdpMusd),
      openness0: c.trade_pct_gdp ? Float64Array.from(c.trade_pct_gdp) : null,
      nationalism0: c.nationalist_support ? Float64Array.from(c.nationalist_support) : null,
      damage: new Float64Array(n),
      damage0: new Float64Array(n),
      damagedTrade: new Map(),
      refugees: { abroad: new Float64Array(n), hosted: new Float64Array(n) },
      site: new Uint8Array(n),
    };
    state.internal.security = s;
    updateTerms(state, s, sd.countries.democracy);

    // Wars going on in the base year; their damage so far is already in base-year GDP.
    const rec = params['security.war_recovery_rate'];
    for (const w of sd.ongoingWars) {
      const [a, b] = [iso.get(w.a)!, iso.get(w.b)!];
      s.wars.start(a, b, w.since);
      c.at_war[a] = 1;
      c.at_war[b] = 1;
      const weak = weaker(s.terms, a, b);
      const strong = weak === a ? b : a;
      s.damage[weak] = Math.max(s.damage[weak], steadyDamage(params['security.war_damage_site'], rec));
      s.damage[strong] = Math.max(s.damage[strong], steadyDamage(params['security.war_damage_abroad'], rec));
    }
    s.damage0.set(s.damage);
    state.global.wars_ongoing = s.wars.wars.length;
    assess(state, data.baseYear, ctx, s);
  },

  step(state, year, ctx) {
    const s = internal(state);
    const iso = ctx.data.countries.iso3;
    const c = state.country;
    for (const e of ctx.eventsIn(year)) {
      if (e.type === 'military_spending') {
        const targets = e.country === '*' ? iso.map((_, i) => i) : [iso.indexOf(e.country as string)];
        for (const i of targets) c.military_spending_pct_gdp[i] = e.pct_gdp as number;
        ctx.log(year, e.country as string, 'military spending', `set to ${e.pct_gdp} % of GDP (scenario)`);
      } else if (e.type === 'defence_pact') {
        changePact(state, year, e, ctx);
      }
    }
    updateTerms(state, s, c.democracy);
    assess(state, year, ctx, s, s.rng);

    // Last year's wars go on or end.
    const goOn = ctx.params['security.war_continuation'];
    for (const war of [...s.wars.wars]) {
      if (s.rng.uniform() < goOn) continue;
      s.wars.end(war);
      ctx.log(year, iso[war.sides[0][0]], 'peace', `war with ${iso[war.sides[1][0]]} ends`);
    }

    // New disputes, some of which become wars.
    const q = ctx.params['security.escalation_probability'];
    const n = state.n;
    for (let r = 0; r < s.dyads.onsetCount; r++) {
      const k = s.dyads.onsets[r];
      const [i, j] = pairMembers(n, k);
      s.dyads.dispute(k, year);
      ctx.log(year, iso[i], 'dispute', `militarized dispute with ${iso[j]}`);
      if (s.wars.pairWar[k] === 0 && s.rng.uniform() < q) {
        beginWar(state, i, j, year, 'a dispute escalated', ctx, s);
      }
    }
    for (const e of ctx.eventsIn(year)) {
      if (e.type !== 'war') continue;
      const [a, b] = [iso.indexOf(e.country as string), iso.indexOf(e.against as string)];
      if (a === b || s.wars.atWar(a, b)) {
        ctx.log(
          year,
          iso[a],
          'war',
          `scenario war with ${iso[b]} ignored: ${a === b ? 'the same state' : 'already at war'}`,
        );
        continue;
      }
      s.dyads.dispute(pairIndex(n, a, b), year);
      beginWar(state, a, b, year, 'scenario event', ctx, s);
    }
    consequences(state, ctx, s);
  },
};
