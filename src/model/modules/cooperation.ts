/**
 * Climate cooperation: how much each country abates below the current-policy emissions path, from its
 * government's stance, its Paris status and the effectiveness of the Paris regime; and an optional climate club
 * (Nordhaus 2015; ../cooperation/club.ts). The climate module reads `co2_abatement_fraction`:
 *   E_i = GDP_i x intensity_i x (1 - A_i).
 *
 * Effort (0..1):  e_i = paris_i x R x (w s_i + (1 - w) P),
 * with R the Paris regime's effectiveness, s_i = 1 - stance_i / 2 (internationalist 1, mixed 0.5, nationalist-
 * populist 0) and P the Paris parties' share of world emissions (conditional cooperation: parties do more when
 * more of the world is in; free-riding: a nationalist party stays in and does little, a non-party does nothing).
 * Abatement relaxes toward a target set by the effort's distance from its base-year level e_i0 (the current-
 * policy path already carries base-year effort):
 *   A*_i = A_max (e_i - e_i0) / (1 - e_i0) if e_i >= e_i0, else -B_max (e_i0 - e_i) / e_i0,
 *   A_i += r (A*_i - A_i),
 * so leaving Paris drifts a country above its current-policy path (backsliding, at most B_max) and full
 * cooperation cuts up to A_max below it. Club members abate at least mu(club price). Abatement costs GDP as in
 * DICE-2023: p_b sigma_i A^theta / theta (sigma_i: t CO2 per USD), a loss channel.
 */

import {
  abatementAtPrice,
  abatementCostPerTon,
  bestResponseSweep,
  type ClubEconomy,
  type ClubTerms,
  identity,
  joinGain,
} from '../cooperation/club.js';
import { internationalism, NATIONALIST, stanceOf, stances } from '../institutions/politics.js';
import type { Context, Module } from '../module.js';
import type { Params } from '../registry.js';
import type { WorldState } from '../state.js';
import { regimeEffectivenessVar } from './institutions.js';

interface Internal {
  /** Parameters read once a run (lookups by id are slow). */
  readonly k: {
    readonly stanceWeight: number;
    readonly maxAbatement: number;
    readonly maxBacksliding: number;
    readonly adjustmentRate: number;
    readonly clubStart: number;
    readonly terms: ClubTerms;
  };
  readonly exportsShare: readonly number[];
  /** Current-policy emissions this year (Mt CO2). */
  readonly currentPolicy: Float64Array;
  /** Base-year effort per country. */
  readonly effort0: Float64Array;
  readonly effort: Float64Array;
  readonly parisLast: Float64Array;
  readonly club: Uint8Array;
  /** The membership the tariff matrix was last written for. */
  readonly tariffsFor: Uint8Array;
  /** The states by GDP, largest first, as last sorted (the best responses' order; re-sorted each year). */
  readonly order: Int32Array;
  clubStarted: boolean;
}

const CLIMATE_EFFECTIVENESS = regimeEffectivenessVar('climate');
const DICE = 'DICE-2023 (Barrage and Nordhaus 2024, PNAS 121(13); DICE2023-b-4-3-10.gms)';

export const cooperation: Module = {
  name: 'cooperation',
  summary:
    "Abatement below current policies from stance, Paris status and the regime's effectiveness; an optional Nordhaus climate club.",
  params: [
    {
      id: 'cooperation.stance_weight',
      default: 0.5,
      min: 0.2,
      max: 0.8,
      distribution: 'triangular',
      units: 'fraction',
      source:
        'Assumption: national politics and reciprocity weigh about equally in climate effort (Keohane and Victor 2016, Nature Climate Change 6; Aklin and Mildenberger 2020, Global Environmental Politics 20(4), argue domestic politics weigh more)',
      description:
        "Weight of the government's own stance (against others' participation) in its climate effort.",
    },
    {
      id: 'cooperation.max_abatement',
      default: 0.5,
      min: 0.3,
      max: 0.8,
      distribution: 'triangular',
      units: 'fraction of current-policy emissions',
      source:
        'UNEP Emissions Gap Report 2024: fully implemented pledges (conditional NDCs and net-zero targets) cut 2050 emissions by roughly half against current policies',
      description: 'Cut below the current-policy path that full effort in a fully effective regime reaches.',
    },
    {
      id: 'cooperation.max_backsliding',
      default: 0.25,
      min: 0.1,
      max: 0.4,
      distribution: 'triangular',
      units: 'fraction of current-policy emissions',
      source:
        'Assumption informed by Climate Action Tracker and Rhodium Group (2025) estimates that repealing current US climate policy raises its 2035 emissions by roughly 10-25 %',
      description: 'Rise above the current-policy path of a country with no climate effort at all.',
    },
    {
      id: 'cooperation.adjustment_rate',
      default: 0.05,
      min: 0.02,
      max: 0.1,
      distribution: 'triangular',
      units: '1/yr',
      source: 'Assumption: energy capital turns over in about 20 years (IEA)',
      description: 'Share of the gap to its abatement target a country closes each year.',
    },
    {
      id: 'cooperation.backstop_usd_per_tco2',
      default: 660,
      min: 400,
      max: 900,
      distribution: 'triangular',
      units: 'USD (2019)/t CO2',
      source: `${DICE}: backstop 515 USD/t in 2050, 1 %/yr higher going back, so about 660 in 2025`,
      description: 'Price at which all emissions are abated (the marginal cost of the last ton).',
    },
    {
      id: 'cooperation.cost_exponent',
      default: 2.6,
      min: 2.6,
      max: 2.6,
      distribution: 'fixed',
      units: 'ratio',
      source: `${DICE}: expcost2 = 2.6`,
      description: 'Exponent of the abatement cost function.',
    },
    {
      id: 'cooperation.scc_usd_per_tco2',
      default: 66,
      min: 30,
      max: 190,
      distribution: 'triangular',
      units: 'USD (2019)/t CO2',
      source:
        'Barrage and Nordhaus (2024), PNAS 121(13): DICE-2023 social cost of carbon about 66 USD/t in 2020; US EPA (2023): 190',
      description: "Global social cost of carbon, split among countries by GDP in the club's payoffs.",
    },
    {
      id: 'cooperation.club_price_usd_per_tco2',
      default: 0,
      min: 0,
      max: 200,
      distribution: 'triangular',
      units: 'USD (2019)/t CO2',
      source: 'Lever: Nordhaus (2015) studies target prices of 12.5-100 USD/t; 0 means no club',
      description: 'Carbon price club members commit to (0: no climate club).',
      lever: 'policy',
    },
    {
      id: 'cooperation.club_tariff_pct',
      default: 0,
      min: 0,
      max: 30,
      distribution: 'triangular',
      units: '%',
      source: 'Lever: Nordhaus (2015) studies uniform penalty tariffs of 0-10 %',
      description: 'Uniform penalty tariff club members put on imports from non-members.',
      lever: 'policy',
    },
    {
      id: 'cooperation.club_start_year',
      default: 2026,
      min: 2025,
      max: 2100,
      distribution: 'uniform',
      units: 'year',
      source: 'Lever: the year the club is founded by the Paris parties',
      description: 'Year the climate club starts (when its price is above 0).',
      lever: 'policy',
    },
    {
      id: 'cooperation.tariff_incidence',
      default: 0.5,
      min: 0.1,
      max: 1,
      distribution: 'triangular',
      units: 'fraction',
      source:
        "Assumption: Amiti, Redding and Weinstein (2019), JEP 33(4), find US importers bore nearly all of the 2018 tariffs (incidence on exporters near 0); a club importing most of the world's goods has more market power",
      description: 'Share of the penalty tariff borne by the exporting (non-member) country.',
    },
  ],
  countryVars: [
    {
      name: 'co2_abatement_fraction',
      units: 'fraction of current-policy emissions',
      description: 'Fossil CO2 avoided below the current-policy path (negative: emitted above it)',
      output: true,
    },
    {
      name: 'abatement_cost_fraction',
      units: 'fraction of GDP',
      description: 'Cost of abatement below the current-policy path',
      lossChannel: true,
    },
    { name: 'climate_club_member', units: '0/1', description: 'Member of the climate club', output: true },
    {
      name: 'club_penalty_fraction',
      units: 'fraction of GDP',
      description:
        "Cost of the club's penalty tariff to a non-member (only when no trade module applies the tariff)",
      lossChannel: true,
    },
  ],
  dyadVars: [
    {
      name: 'club_tariff_pct',
      units: '%',
      description:
        'Penalty tariff of the climate club [importer * n + exporter], for the trade module to add',
    },
  ],
  globalVars: [
    {
      name: 'paris_emissions_share',
      units: 'fraction of world fossil CO2',
      description: "Share of the states' fossil CO2 emitted by Paris parties",
      output: true,
    },
    {
      name: 'climate_club_emissions_share',
      units: 'fraction of world fossil CO2',
      description: "Share of the states' fossil CO2 emitted by climate club members",
      output: true,
    },
  ],

  init(state, { data, params }) {
    const n = state.n;
    const s: Internal = {
      k: {
        stanceWeight: params['cooperation.stance_weight'],
        maxAbatement: params['cooperation.max_abatement'],
        maxBacksliding: params['cooperation.max_backsliding'],
        adjustmentRate: params['cooperation.adjustment_rate'],
        clubStart: params['cooperation.club_start_year'],
        terms: clubTerms(params),
      },
      exportsShare: data.institutions.exportsPctGdp.map((x) => x / 100),
      currentPolicy: new Float64Array(n),
      effort0: new Float64Array(n),
      effort: new Float64Array(n),
      parisLast: Float64Array.from(state.country.paris_member),
      club: new Uint8Array(n),
      tariffsFor: new Uint8Array(n),
      order: identity(n),
      clubStarted: false,
    };
    state.internal.cooperation = s;
    // The climate module sets base-year emissions after this module: take them from the data.
    const emissions = data.base.co2_fossil_mtco2;
    state.global.paris_emissions_share = parisShare(state, emissions);
    efforts(state, s.effort0, s.k.stanceWeight);
    s.effort.set(s.effort0);
    state.global.climate_club_emissions_share = 0;
  },

  step(state, year, ctx) {
    const s = state.internal.cooperation as Internal;
    const { k } = s;
    const { terms } = k;
    const c = state.country;
    const n = state.n;
    // Current-policy emissions: last year's emissions before abatement.
    const currentPolicy = s.currentPolicy;
    for (let i = 0; i < n; i++) currentPolicy[i] = c.co2_fossil_mtco2[i] / (1 - c.co2_abatement_fraction[i]);
    state.global.paris_emissions_share = parisShare(state, currentPolicy);
    efforts(state, s.effort, k.stanceWeight);
    const economy: ClubEconomy = {
      gdp: c.gdp_billion_usd2015,
      emissions: currentPolicy,
      exportsShare: s.exportsShare,
    };
    const active = terms.price > 0 && year >= k.clubStart;
    if (active) updateClub(state, s, year, economy, terms, ctx);
    const clubMu = active ? abatementAtPrice(terms.price, terms.backstop, terms.exponent) : 0;
    const amax = k.maxAbatement;
    const bmax = k.maxBacksliding;
    for (let i = 0; i < n; i++) {
      const e = s.effort[i];
      const e0 = s.effort0[i];
      let target = e >= e0 ? (amax * (e - e0)) / (1 - e0) : e0 > 0 ? (-bmax * (e0 - e)) / e0 : 0;
      if (s.club[i]) target = Math.max(target, clubMu);
      c.co2_abatement_fraction[i] += k.adjustmentRate * (target - c.co2_abatement_fraction[i]);
      const abated = c.co2_abatement_fraction[i];
      const tonsPerUsd = currentPolicy[i] / c.gdp_billion_usd2015[i] / 1000;
      c.abatement_cost_fraction[i] =
        abated > 0 ? tonsPerUsd * abatementCostPerTon(abated, terms.backstop, terms.exponent) : 0;
      c.climate_club_member[i] = s.club[i];
    }
    logParisChanges(state, s, year, ctx);
    clubTariffs(state, s, active ? terms : undefined, economy);
  },
};

function parisShare(state: WorldState, emissions: ArrayLike<number>): number {
  let inside = 0;
  let total = 0;
  for (let i = 0; i < state.n; i++) {
    inside += state.country.paris_member[i] * emissions[i];
    total += emissions[i];
  }
  return inside / total;
}

/** Each country's climate effort e_i (needs this year's paris_emissions_share). */
function efforts(state: WorldState, out: Float64Array, w: number): void {
  const regime = state.global[CLIMATE_EFFECTIVENESS] ?? 0;
  const participation = state.global.paris_emissions_share;
  const st = stances(state);
  for (let i = 0; i < state.n; i++) {
    const own = internationalism(stanceOf(st, i));
    out[i] = state.country.paris_member[i] * regime * (w * own + (1 - w) * participation);
  }
}

function clubTerms(p: Params): ClubTerms {
  return {
    price: p['cooperation.club_price_usd_per_tco2'],
    tariff: p['cooperation.club_tariff_pct'] / 100,
    scc: p['cooperation.scc_usd_per_tco2'],
    backstop: p['cooperation.backstop_usd_per_tco2'],
    exponent: p['cooperation.cost_exponent'],
    incidence: p['cooperation.tariff_incidence'],
  };
}

/** Founds the club with the Paris parties in its first year, then lets every country re-decide once a year. */
function updateClub(
  state: WorldState,
  s: Internal,
  year: number,
  economy: ClubEconomy,
  terms: ClubTerms,
  ctx: Context,
): void {
  const st = stances(state);
  const may = (i: number) => stanceOf(st, i) !== NATIONALIST;
  if (!s.clubStarted) {
    for (let i = 0; i < state.n; i++) s.club[i] = state.country.paris_member[i] && may(i) ? 1 : 0;
    s.clubStarted = true;
    ctx.log(
      year,
      '*',
      'climate-club',
      `founded by the ${s.club.reduce((a, b) => a + b, 0)} Paris parties not under nationalist-populist governments: carbon price ${terms.price} USD/t, penalty tariff ${(100 * terms.tariff).toFixed(1)} % on non-members`,
    );
  }
  const before = Uint8Array.from(s.club);
  bestResponseSweep(s.club, economy, terms, may, s.order);
  const world = sumOf(economy.gdp);
  let clubGdp = 0;
  let clubEm = 0;
  let em = 0;
  for (let i = 0; i < state.n; i++) {
    clubGdp += s.club[i] * economy.gdp[i];
    clubEm += s.club[i] * economy.emissions[i];
    em += economy.emissions[i];
  }
  for (let i = 0; i < state.n; i++) {
    if (before[i] === s.club[i]) continue;
    const others = clubGdp - s.club[i] * economy.gdp[i];
    const gain = joinGain(i, others, economy, terms, world);
    ctx.log(
      year,
      ctx.data.countries.iso3[i],
      s.club[i] ? 'climate-club-join' : 'climate-club-leave',
      may(i)
        ? `${s.club[i] ? 'joins' : 'leaves'} the climate club: membership is worth ${gain.toPrecision(2)} billion USD a year to it (climate benefit minus abatement cost plus the penalty tariff avoided)`
        : 'leaves the climate club: a nationalist-populist government',
    );
  }
  state.global.climate_club_emissions_share = clubEm / em;
}

/** The club's penalty tariffs for the trade module, and their cost to non-members when no trade module applies them. */
function clubTariffs(
  state: WorldState,
  s: Internal,
  terms: ClubTerms | undefined,
  economy: ClubEconomy,
): void {
  const n = state.n;
  const tariff = state.dyad.club_tariff_pct;
  const penalty = state.country.club_penalty_fraction;
  if (!terms) {
    penalty.fill(0);
    return;
  }
  // The matrix only changes when membership does.
  if (s.tariffsFor.some((m, i) => m !== s.club[i])) {
    for (let imp = 0; imp < n; imp++) {
      for (let exp = 0; exp < n; exp++)
        tariff[imp * n + exp] = s.club[imp] && !s.club[exp] ? 100 * terms.tariff : 0;
    }
    s.tariffsFor.set(s.club);
  }
  // The penalty reaches non-members' GDP through this loss channel; the trade equilibrium does not carry the
  // club's tariff (club_tariff_pct records it).
  const world = sumOf(economy.gdp);
  let clubGdp = 0;
  for (let i = 0; i < n; i++) clubGdp += s.club[i] * economy.gdp[i];
  for (let i = 0; i < n; i++) {
    penalty[i] = s.club[i]
      ? 0
      : terms.tariff * terms.incidence * economy.exportsShare[i] * (clubGdp / (world - economy.gdp[i]));
  }
}

/** Explains in the event log what a change of Paris status does to a country's climate effort. */
function logParisChanges(state: WorldState, s: Internal, year: number, ctx: Context): void {
  for (let i = 0; i < state.n; i++) {
    const now = state.country.paris_member[i];
    if (now === s.parisLast[i]) continue;
    s.parisLast[i] = now;
    ctx.log(
      year,
      ctx.data.countries.iso3[i],
      now ? 'climate-effort-up' : 'climate-effort-down',
      `${now ? 'back in' : 'out of'} the Paris Agreement: climate effort ${s.effort0[i].toFixed(2)} in ${ctx.data.baseYear}, now ${s.effort[i].toFixed(2)}; its emissions drift ${now ? 'back toward or below' : 'above'} the current-policy path (the Paris parties now emit ${(100 * state.global.paris_emissions_share).toFixed(1)} % of the states' fossil CO2)`,
    );
  }
}

function sumOf(xs: ArrayLike<number>): number {
  let t = 0;
  for (let i = 0; i < xs.length; i++) t += xs[i];
  return t;
}
