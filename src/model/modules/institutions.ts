/**
 * Institutions: the UN, WHO, WTO, the Paris regime, the IMF and World Bank, NATO and the regional blocs, each
 * with members, funding, legitimacy and effectiveness (the essay's "failures of global institutions" and
 * "weakened global governance").
 *
 * Each year: scenario events move states in or out; then, with the politics module present, nationalist-
 * populist governments leave leavable institutions and internationalist ones join, at hazards that rise with
 * perceived failure and with the institution's loss (or gain) of legitimacy (von Borzyskowski and Vabulas 2019,
 * Rev. Int. Organizations 14: nationalism and preference shifts drive withdrawals from IGOs). Then for every
 * institution k (equations in ../institutions/equations.ts, docs/model/institutions.md):
 *   coverage   C_k = w (GDP inside / GDP of scope) + (1 - w) (population inside / population of scope)
 *   funding    F_k = (sum over members of share_ik x paid_i + reform earmark) / (the same in the base year)
 *   legitimacy L_k += (L*_k - L_k) / tau_L      L* from withdrawals, performance, non-compliance, reforms
 *   effect.    E_k += (E*_k - E_k) / tau_E      E* = S_k min(1, C_k / theta)^a_C F_k^a_F L_k^a_L
 * Global indicators: governance capacity G = mean E over the world-scope institutions; perceived institutional
 * failure PIF = PIF0 + (1 - b r_voice) [a_G (G0 - G) + a_C M], with M the remembered excess crisis losses (% of
 * GDP) and PIF0 = 1 - legitimacy_base; the internationalism index; the Paris parties' share of world GDP.
 */

import {
  decisionSpeed,
  effectivenessTarget,
  type InstitutionConstants,
  institutionConstants,
  legitimacyTarget,
  participationThreshold,
  perceivedFailure,
  type Reforms,
} from '../institutions/equations.js';
import { MEMBERSHIP_EVENTS } from '../institutions/events.js';
import {
  INTERNATIONALIST,
  internationalism,
  NATIONALIST,
  stanceOf,
  stances,
} from '../institutions/politics.js';
import { readReforms } from '../institutions/reforms.js';
import { clamp } from '../math.js';
import type { Context, Module } from '../module.js';
import { paramOf } from '../registry.js';
import type { Rng } from '../rng.js';
import type { WorldState } from '../state.js';
import type { InstitutionDef, WorldData } from '../world-data.js';

/** The world-scope regimes other modules read, by domain; `climate` is the Paris regime. */
export const REGIMES = ['general', 'health', 'trade', 'climate', 'finance', 'development'] as const;
export type Regime = (typeof REGIMES)[number];
/** Country variable that says whether a state is in a regime (the climate one has its own, shared name). */
export function regimeMemberVar(r: Regime): string {
  return r === 'climate' ? 'paris_member' : `in_${r}_regime`;
}
export function regimeEffectivenessVar(r: Regime): string {
  return `${r}_regime_effectiveness`;
}
const MEMBER_VARS = REGIMES.map(regimeMemberVar);
const EFFECTIVENESS_VARS = REGIMES.map(regimeEffectivenessVar);
/** Domains rebalancing globalization acts on: the economic institutions. */
const ECONOMIC_DOMAINS = new Set(['trade', 'finance', 'development', 'economic_policy']);
/** What a weaker institution of each domain means, for the event log. */
const CONSEQUENCE: Readonly<Record<string, string>> = {
  general: 'refugee crises cost hosts more',
  health: 'pandemics cost more',
  climate: 'climate cooperation weakens',
  finance: 'financial crises cost more',
  development: 'climate disasters cost more',
};
/** Golden-ratio shift: one uniform per state and year gives each institution its own uniform (see step). */
const SHIFT = 0.6180339887498949;

interface Internal {
  readonly c: InstitutionConstants;
  readonly rng: Rng;
  readonly defs: readonly InstitutionDef[];
  /** [k * n + i] = 1 when state i is a member of institution k. */
  readonly member: Uint8Array;
  /** Per institution, the states in its scope (listed, or every state for world scope). */
  readonly scope: readonly Int32Array[];
  /** Per institution, its members in increasing order (kept in step with `member`). */
  readonly members: Int32Array[];
  /** Per institution: world scope; an economic institution (rebalancing acts on it). */
  readonly world: readonly boolean[];
  readonly economic: readonly boolean[];
  /** Scratch, per institution: last year's effectiveness, this year's target, exit and join hazards. */
  readonly before: Float64Array;
  readonly target: Float64Array;
  readonly exitHazard: Float64Array;
  readonly joinHazard: Float64Array;
  /**
   * Without politics, the dues paid depend on the memberships only: kept per institution (NaN when a membership
   * changed). With politics, stances change them and they are summed each year.
   */
  readonly paidNoPolitics: Float64Array;
  /** [k * n + i] = 1 when state i may join k. */
  readonly joinable: Uint8Array;
  /** [k * n + i]: assessed funding share (base year; set on joining for newcomers). */
  readonly share: Float64Array;
  readonly legitimacy: Float64Array;
  readonly effectiveness: Float64Array;
  readonly effectiveness0: Float64Array;
  readonly coverage0: Float64Array;
  readonly noncompliance0: Float64Array;
  readonly funding0: Float64Array;
  /** Institution index of each regime in REGIMES, -1 if the data have none. */
  readonly regime: readonly number[];
  readonly worldScope: readonly number[];
  governance0: number;
  /** Remembered excess crisis losses, % of GDP. */
  memory: number;
  /** Per state, the number of world-scope institutions it belongs to. */
  readonly worldMemberships: Float64Array;
  /** Whether memberships changed since the membership variables were last written. */
  changed: boolean;
  /** Last year's measures, to describe changes in the event log. */
  last: Measure[];
}

interface Measure {
  members: number;
  /** Dues paid this year (sum of shares times the part paid), before any reform earmark. */
  paid: number;
  gdpShare: number;
  coverage: number;
  funding: number;
  noncompliance: number;
}

interface Move {
  readonly k: number;
  readonly i: number;
  readonly join: boolean;
  readonly why: string;
}

const param = paramOf('institutions');

const SPEED_SOURCE =
  'Assumption (relative to simple majority = 1): veto-player theory, more actors able to block means slower change (Tsebelis 2002, Veto Players); rational design of decision rules (Koremenos, Lipson and Snidal 2001, Int. Organization 55(4))';

export const institutions: Module = {
  name: 'institutions',
  summary:
    'Membership, funding, legitimacy and effectiveness of 17 institutions; withdrawals and accessions; governance capacity and perceived institutional failure.',
  params: [
    param(
      'legitimacy_base',
      0.6,
      0.4,
      0.75,
      'index 0..1',
      'Pew Research Center (2023), Global Attitudes: a median of 58 % across 24 countries hold a favourable view of the UN; its complement (0.4) is the base-year perceived institutional failure',
      'Base-year legitimacy of every institution; 1 minus it is the base-year perceived institutional failure.',
    ),
    param('speed_consensus', 0.6, 0.4, 0.8, 'index 0..1', SPEED_SOURCE, 'Decision speed of consensus rules.'),
    param(
      'speed_veto',
      0.7,
      0.5,
      0.9,
      'index 0..1',
      SPEED_SOURCE,
      'Decision speed of majority rule with a veto (UN Security Council).',
    ),
    param(
      'speed_qualified_majority',
      0.85,
      0.7,
      1,
      'index 0..1',
      SPEED_SOURCE,
      'Decision speed of qualified majority voting.',
    ),
    param(
      'speed_weighted',
      0.9,
      0.75,
      1,
      'index 0..1',
      SPEED_SOURCE,
      'Decision speed of weighted (quota-based) voting.',
    ),
    param(
      'coverage_gdp_weight',
      0.5,
      0.25,
      0.75,
      'fraction',
      'Assumption: capacity comes with GDP, representation with population; equal weights',
      "Weight of GDP (against population) in an institution's coverage of its scope.",
    ),
    param(
      'coverage_elasticity',
      0.5,
      0.25,
      1,
      'ratio',
      'Assumption: diminishing returns to coverage (the last members add less reach than the first)',
      'Elasticity of effectiveness to coverage.',
    ),
    param(
      'funding_elasticity',
      0.3,
      0.1,
      0.6,
      'ratio',
      'Assumption: budgets matter but institutions have staff, rules and reputation beyond money (e.g. the WHO lost about a fifth of its assessed income in 2025-26 and kept operating)',
      'Elasticity of effectiveness to funding relative to the base year.',
    ),
    param(
      'legitimacy_elasticity',
      0.5,
      0.25,
      1,
      'ratio',
      "Assumption: compliance with an institution's decisions rests on its legitimacy (Hurd 1999, Int. Organization 53(2))",
      'Elasticity of effectiveness to legitimacy.',
    ),
    param(
      'effectiveness_time',
      3,
      1,
      8,
      'yr',
      'Assumption: capacity (staff, programmes) adjusts over a few budget cycles',
      'Time constant over which effectiveness moves to its target.',
    ),
    param(
      'legitimacy_time',
      5,
      2,
      10,
      'yr',
      'Assumption: attitudes toward institutions move slowly, over an electoral cycle or more',
      'Time constant over which legitimacy moves to its target.',
    ),
    param(
      'legitimacy_withdrawal_loss',
      0.5,
      0.2,
      1,
      'index per unit of relative coverage',
      'Assumption: a withdrawal signals that membership is not worth its cost; a quarter of coverage lost costs 0.125 of legitimacy at the default',
      'Legitimacy lost per unit of coverage lost relative to the base year (gained per unit added).',
    ),
    param(
      'legitimacy_performance',
      0.5,
      0.2,
      1,
      'index per unit of effectiveness',
      'Assumption: output legitimacy, institutions are judged by results (Scharpf 1999, Governing in Europe)',
      'Legitimacy gained per unit of effectiveness above its base-year level.',
    ),
    param(
      'legitimacy_noncompliance',
      0.3,
      0.1,
      0.6,
      'index per unit of member weight',
      'Assumption: members that flout rules (under nationalist-populist governments) erode them',
      "Legitimacy lost per unit of the members' weight under nationalist-populist governments, above base.",
    ),
    param(
      'nationalist_arrears',
      0.25,
      0,
      0.6,
      'fraction of dues',
      'Assumption informed by the arrears of the United States to the UN regular budget (about 1 billion USD unpaid at the end of 2019 and again in 2025)',
      'Share of its assessed dues a nationalist-populist government does not pay.',
    ),
    param(
      'exit_rate',
      0.01,
      0.002,
      0.05,
      '1/yr',
      'Assumption informed by the record: withdrawals from IGOs average a few a year across hundreds of IGOs (von Borzyskowski and Vabulas 2019, Rev. Int. Organizations 14); at the default, some 25 nationalist-populist governments in 8 leavable bodies each leave about two a year; the United States under Trump (about 5 bodies in 2017-2020, 4 in 2025) is the high end',
      'Yearly probability that a nationalist-populist government leaves a leavable institution, at base-year failure and legitimacy.',
    ),
    param(
      'join_rate',
      0.1,
      0.02,
      0.5,
      '1/yr',
      'Assumption: internationalist governments rejoin fast (the United States rejoined Paris and the WHO on 20 Jan 2021, the first day of the next administration) but accessions of outsiders take years',
      'Yearly probability that an internationalist government joins an institution it may join, at base-year legitimacy.',
    ),
    param(
      'failure_per_capacity',
      1,
      0.5,
      2,
      'index per unit of governance capacity',
      'Assumption: a fall of governance capacity is perceived one for one',
      'Rise of perceived institutional failure per unit fall of governance capacity below base.',
    ),
    param(
      'failure_per_loss_pct',
      0.05,
      0.01,
      0.15,
      'index per % of GDP',
      'Assumption: a COVID-19-size shock (about 6 % of world output in 2020) raises perceived failure by about 0.1 through the memory below; trust in the WHO fell in several countries in 2020-21',
      'Rise of perceived institutional failure per % of GDP of remembered crisis losses above the base-year expectation.',
    ),
    param(
      'failure_memory',
      3,
      1,
      8,
      'yr',
      'Assumption: crises stay salient for a few years',
      "Time constant of the public's memory of crisis losses.",
    ),
    param(
      'tariff_half_openness_pct',
      10,
      5,
      25,
      '%',
      'Assumption: average tariffs near 20 % (the 1930s) count as largely closed; openness is 1 / (1 + tariff / this)',
      'Mean tariff at which the openness component of the internationalism index is one half.',
    ),
    param(
      'mean_tariff_fallback_pct',
      3,
      1.5,
      6,
      '%',
      'World Bank WDI, applied tariff, trade-weighted mean, all products, 2022: about 1.0-2.2 % for the EU, UK, China and Canada, higher elsewhere; used only when the trade module is absent',
      'Mean tariff the internationalism index uses when no trade module provides one.',
    ),
    param(
      'rebalancing_legitimacy_gain',
      0.1,
      0.02,
      0.2,
      'index',
      'Assumption: fairer trade rules, tax cooperation and labor standards answer the grievance that economic institutions serve elites',
      'Legitimacy gained by the economic institutions (trade, finance, development, OECD) with rebalancing in full.',
    ),
    param(
      'rebalancing_funding_gain',
      0.2,
      0.05,
      0.5,
      'fraction of base funding',
      'Assumption: earmarking about 1 % of the global minimum tax revenue (OECD 2024: 155-192 billion USD a year) is about 1.7 billion USD, some 20 % of the combined core budgets of the UN, WHO, WTO, IMF and World Bank administrations',
      'Extra funding of the world-scope institutions, relative to base, with rebalancing in full.',
    ),
    param(
      'voice_legitimacy_gain',
      0.1,
      0.02,
      0.2,
      'index',
      'Assumption: representation reform (e.g. IMF quota and UN Security Council reform) raises input legitimacy (Scharpf 1999)',
      'Legitimacy gained by every institution with the local-voices reform in full.',
    ),
    param(
      'voice_blunting',
      0.3,
      0.1,
      0.5,
      'fraction',
      'Assumption: failures blamed on unaccountable elites are blamed less on institutions in which people see themselves represented',
      'Share of the rise of perceived failure removed by the local-voices reform in full.',
    ),
    param(
      'voice_speed_cost',
      0.1,
      0,
      0.25,
      'fraction',
      'Assumption: more voices to hear slow decisions',
      'Share of decision speed lost with the local-voices reform in full (its governance cost).',
    ),
    param(
      'coalition_threshold',
      0.6,
      0.4,
      0.9,
      'fraction of coverage',
      "Assumption: a coalition of the willing holding 60 % of an institution's scope acts as the whole (e.g. the COVAX facility, the G20 Common Framework)",
      'Coverage at which an institution acts in full with resilient multilateralism in full.',
    ),
    param(
      'coalition_speed_gain',
      0.5,
      0.2,
      0.8,
      'fraction',
      'Assumption: coalitions that do not wait for holdouts close part of the gap to majority speed',
      'Share of the gap to full decision speed closed with resilient multilateralism in full.',
    ),
    param(
      'coalition_legitimacy_cost',
      0.03,
      0,
      0.1,
      'index',
      'Assumption: acting without all members is less representative',
      'Legitimacy lost by every institution with resilient multilateralism in full (its governance cost).',
    ),
  ],
  countryVars: [
    {
      name: 'paris_member',
      units: '0/1',
      description: 'Party to the Paris Agreement',
      output: true,
    },
    ...REGIMES.filter((r) => r !== 'climate').map((r) => ({
      name: regimeMemberVar(r),
      units: '0/1',
      description: `Member of the world ${r} institution`,
    })),
  ],
  globalVars: [
    {
      name: 'governance_capacity',
      units: 'index 0..1',
      description:
        'Mean effectiveness of the world-scope institutions (UN, WHO, WTO, Paris, IMF, World Bank)',
      output: true,
    },
    {
      name: 'perceived_institutional_failure',
      units: 'index 0..1',
      description: 'How far the public sees multilateral institutions as failing',
      output: true,
    },
    {
      name: 'internationalism_index',
      units: 'index 0..1',
      description:
        'Mean of trade openness, treaty participation and GDP share under internationalist governments',
      output: true,
    },
    {
      name: 'paris_participation_gdp_share',
      units: 'fraction of world GDP',
      description: 'Share of world GDP in Paris Agreement parties',
      output: true,
    },
    {
      name: 'withdrawals_count',
      units: 'count/yr',
      description: 'States leaving an institution this year',
      output: true,
    },
    {
      name: 'accessions_count',
      units: 'count/yr',
      description: 'States joining an institution this year',
      output: true,
    },
    {
      name: 'withdrawal_pressure',
      units: 'count/yr',
      description: 'Expected withdrawals this year from the hazards of nationalist-populist governments',
      output: true,
    },
    ...REGIMES.map((r) => ({
      name: regimeEffectivenessVar(r),
      units: 'index 0..1',
      description: `Effectiveness of the world ${r} institution`,
      output: true,
    })),
  ],
  events: MEMBERSHIP_EVENTS,
  tables: [
    {
      name: 'institutions',
      columns: [
        'year',
        'institution',
        'members',
        'gdp_share',
        'funding_share',
        'legitimacy',
        'effectiveness',
      ],
      description:
        "Per institution and year: member count, members' share of world GDP (fraction), funding as a fraction of base-year funding, legitimacy and effectiveness (index 0..1)",
    },
  ],

  init(state, ctx) {
    const { data } = ctx;
    const c = institutionConstants(ctx.params);
    const s = allocate(state.n, data, ctx.rng.fork(), c);
    state.internal.institutions = s;
    const st = stances(state);
    const none: Reforms = readReforms(state);
    const totals = worldTotals(state);
    s.defs.forEach((d, k) => {
      s.funding0[k] = 1;
      const m = measure(s, state, k, none, totals);
      s.coverage0[k] = m.coverage;
      s.noncompliance0[k] = m.noncompliance;
      s.funding0[k] = m.paid;
      s.legitimacy[k] = c.legitimacyBase;
      const speed = decisionSpeed(d.decisionRule, c, none);
      s.effectiveness[k] = effectivenessTarget(speed, m.coverage, 1, 1, s.legitimacy[k], c);
      s.effectiveness0[k] = s.effectiveness[k];
    });
    s.last = s.defs.map((_, k) => measure(s, state, k, none, totals));
    s.governance0 = governance(s);
    state.global.perceived_institutional_failure = 1 - c.legitimacyBase;
    publish(state, s, st, ctx);
  },

  step(state, year, ctx) {
    const s = state.internal.institutions as Internal;
    const { c } = s;
    const n = state.n;
    const st = stances(state);
    const reforms = readReforms(state);
    const moves: Move[] = scenarioMoves(s, state, year, ctx);
    const forced = moves.length;
    let pressure = 0;
    if (st) {
      const failure0 = 1 - c.legitimacyBase;
      const failureRatio = state.global.perceived_institutional_failure / failure0;
      // The hazards depend on the institution only (legitimacy moves after the memberships).
      for (let k = 0; k < s.defs.length; k++) {
        s.exitHazard[k] = exitHazard(s, k, failureRatio);
        s.joinHazard[k] = clamp((c.joinRate * s.legitimacy[k]) / c.legitimacyBase, 0, 1);
      }
      for (let i = 0; i < n; i++) {
        // One draw per state and year, shifted by the golden ratio for each institution: every institution
        // gets a uniform draw, the stream is consumed the same way whatever happens, so two runs with the same
        // seed differ only where their hazards differ (common random numbers).
        const u = s.rng.uniform();
        const stance = st[i];
        if (stance !== NATIONALIST && stance !== INTERNATIONALIST) continue;
        for (let k = 0; k < s.defs.length; k++) {
          if (forced > 0 && isForced(moves, forced, k, i)) continue;
          const uk = (u + k * SHIFT) % 1;
          const at = k * n + i;
          if (stance === NATIONALIST && s.member[at] && s.defs[k].leavable) {
            const hazard = s.exitHazard[k];
            pressure += hazard;
            if (uk < hazard) {
              moves.push({
                k,
                i,
                join: false,
                why: `nationalist-populist government (hazard ${pct(hazard)}/yr at perceived failure ${state.global.perceived_institutional_failure.toFixed(2)} and legitimacy ${s.legitimacy[k].toFixed(2)})`,
              });
            }
          } else if (stance === INTERNATIONALIST && !s.member[at] && s.joinable[at]) {
            const hazard = s.joinHazard[k];
            if (uk < hazard) {
              moves.push({ k, i, join: true, why: `internationalist government (hazard ${pct(hazard)}/yr)` });
            }
          }
        }
      }
    }
    for (const m of moves) setMember(s, state, m);

    const before = s.before;
    before.set(s.effectiveness);
    const threshold = participationThreshold(c, reforms);
    const totals = worldTotals(state);
    const measures = s.defs.map((_, k) => measure(s, state, k, reforms, totals));
    const targets = s.target;
    for (let k = 0; k < s.defs.length; k++) {
      const m = measures[k];
      const target = legitimacyTarget(
        {
          coverage: m.coverage,
          coverage0: s.coverage0[k],
          effectiveness: s.effectiveness[k],
          effectiveness0: s.effectiveness0[k],
          noncompliance: m.noncompliance,
          noncompliance0: s.noncompliance0[k],
          economic: s.economic[k],
        },
        c,
        reforms,
      );
      s.legitimacy[k] += (target - s.legitimacy[k]) / c.legitimacyTime;
      const speed = decisionSpeed(s.defs[k].decisionRule, c, reforms);
      const e = effectivenessTarget(speed, m.coverage, threshold, m.funding, s.legitimacy[k], c);
      s.effectiveness[k] += (e - s.effectiveness[k]) / c.effectivenessTime;
      targets[k] = e;
    }
    for (const m of moves) logMove(s, year, m, measures[m.k], before[m.k], targets[m.k], ctx);
    s.last = measures;

    // Perceived failure: capacity lost, and crisis losses above what the base year counts as normal.
    const excess = excessLossPct(state);
    s.memory += (excess - s.memory) / c.failureMemory;
    state.global.perceived_institutional_failure = perceivedFailure(
      s.governance0 - governance(s),
      s.memory,
      c,
      reforms,
    );
    state.global.withdrawals_count = moves.filter((m) => !m.join).length;
    state.global.accessions_count = moves.filter((m) => m.join).length;
    state.global.withdrawal_pressure = pressure;
    publish(state, s, st, ctx);
  },
};

function allocate(n: number, data: WorldData, rng: Rng, c: InstitutionConstants): Internal {
  const I = data.institutions;
  const K = I.list.length;
  const member = new Uint8Array(K * n);
  const inScope = new Uint8Array(K * n);
  const joinable = new Uint8Array(K * n);
  const share = new Float64Array(K * n);
  const rows = I.members;
  for (let r = 0; r < rows.institution.length; r++) {
    const at = rows.institution[r] * n + rows.country[r];
    inScope[at] = 1;
    if (rows.status[r] === 'member') {
      member[at] = 1;
      share[at] = rows.fundingShare[r];
    }
  }
  I.list.forEach((d, k) => {
    if (d.scope === 'world') inScope.fill(1, k * n, (k + 1) * n);
    for (const i of I.joinable[k]) joinable[k * n + i] = 1;
  });
  const zeros = () => new Float64Array(K);
  const worldMemberships = new Float64Array(n);
  I.list.forEach((d, k) => {
    if (d.scope !== 'world') return;
    for (let i = 0; i < n; i++) worldMemberships[i] += member[k * n + i];
  });
  const listOf = (flags: Uint8Array, k: number) => {
    const list: number[] = [];
    for (let i = 0; i < n; i++) if (flags[k * n + i]) list.push(i);
    return Int32Array.from(list);
  };
  const scope = I.list.map((_, k) => listOf(inScope, k));
  return {
    c,
    rng,
    defs: I.list,
    member,
    scope,
    members: I.list.map((_, k) => listOf(member, k)),
    world: I.list.map((d) => d.scope === 'world'),
    economic: I.list.map((d) => ECONOMIC_DOMAINS.has(d.domain)),
    before: zeros(),
    target: zeros(),
    exitHazard: zeros(),
    joinHazard: zeros(),
    paidNoPolitics: zeros().fill(Number.NaN),
    joinable,
    share,
    legitimacy: zeros(),
    effectiveness: zeros(),
    effectiveness0: zeros(),
    coverage0: zeros(),
    noncompliance0: zeros(),
    funding0: zeros(),
    regime: REGIMES.map((r) => I.list.findIndex((d) => d.scope === 'world' && d.domain === r)),
    worldScope: I.list.flatMap((d, k) => (d.scope === 'world' ? [k] : [])),
    governance0: 0,
    memory: 0,
    worldMemberships,
    changed: true,
    last: [],
  };
}

/** World GDP and population this year, summed in state order. */
interface Totals {
  readonly gdp: number;
  readonly pop: number;
}

function worldTotals(state: WorldState): Totals {
  return { gdp: sumOf(state.country.gdp_billion_usd2015), pop: sumOf(state.country.population_million) };
}

/**
 * Members, GDP share, coverage, funding (relative to base once the base is set) and non-compliance of k. Sums run
 * over the members (and, for a regional body, its scope) in state order, so they equal sums over the scope that
 * skip non-members; a world body's scope sums are the world totals.
 */
function measure(s: Internal, state: WorldState, k: number, reforms: Reforms, totals: Totals): Measure {
  const { c } = s;
  const n = state.n;
  const gdp = state.country.gdp_billion_usd2015;
  const pop = state.country.population_million;
  const st = stances(state);
  const arrears = c.nationalistArrears;
  const member = s.members[k];
  const share = s.share;
  let gdpIn = 0;
  let popIn = 0;
  let gdpNationalist = 0;
  let popNationalist = 0;
  let paid = 0;
  if (st) {
    for (let q = 0; q < member.length; q++) {
      const i = member[q];
      gdpIn += gdp[i];
      popIn += pop[i];
      const nationalist = st[i] === NATIONALIST;
      if (nationalist) {
        gdpNationalist += gdp[i];
        popNationalist += pop[i];
      }
      paid += share[k * n + i] * (nationalist ? 1 - arrears : 1);
    }
  } else {
    // Every government counts as mixed (stanceOf): nobody withholds dues.
    for (let q = 0; q < member.length; q++) {
      gdpIn += gdp[member[q]];
      popIn += pop[member[q]];
    }
    paid = s.paidNoPolitics[k];
    if (Number.isNaN(paid)) {
      paid = 0;
      for (let q = 0; q < member.length; q++) paid += share[k * n + member[q]];
      s.paidNoPolitics[k] = paid;
    }
  }
  let gdpScope = totals.gdp;
  let popScope = totals.pop;
  if (!s.world[k]) {
    const scope = s.scope[k];
    gdpScope = 0;
    popScope = 0;
    for (let q = 0; q < scope.length; q++) {
      gdpScope += gdp[scope[q]];
      popScope += pop[scope[q]];
    }
  }
  const members = member.length;
  const w = c.coverageGdpWeight;
  const coverage = (w * gdpIn) / gdpScope + ((1 - w) * popIn) / popScope;
  const earmark = s.world[k] ? reforms.rebalancing * c.rebalancingFundingGain : 0;
  return {
    members,
    paid,
    gdpShare: gdpIn / totals.gdp,
    coverage,
    funding: (paid + earmark) / s.funding0[k],
    noncompliance: members > 0 ? (w * gdpNationalist) / gdpIn + ((1 - w) * popNationalist) / popIn : 0,
  };
}

function sumOf(xs: Float64Array): number {
  let t = 0;
  for (let i = 0; i < xs.length; i++) t += xs[i];
  return t;
}

function governance(s: Internal): number {
  let g = 0;
  for (const k of s.worldScope) g += s.effectiveness[k];
  return g / s.worldScope.length;
}

function exitHazard(s: Internal, k: number, failureRatio: number): number {
  const { c } = s;
  const l0 = c.legitimacyBase;
  return clamp(c.exitRate * failureRatio * ((1 - s.legitimacy[k]) / (1 - l0)), 0, 1);
}

/** This year's scenario events, checked against the current membership. */
function scenarioMoves(s: Internal, state: WorldState, year: number, ctx: Context): Move[] {
  const moves: Move[] = [];
  for (const e of ctx.eventsIn(year)) {
    if (e.type !== 'leave' && e.type !== 'join') continue;
    const k = s.defs.findIndex((d) => d.id === e.institution);
    const i = ctx.data.countries.iso3.indexOf(e.iso3 as string);
    const join = e.type === 'join';
    if (Boolean(s.member[k * state.n + i]) === join) {
      ctx.log(
        year,
        e.iso3 as string,
        e.type,
        `${e.institution}: ${join ? 'already a member' : 'not a member'}; nothing changes (scenario event)`,
      );
      continue;
    }
    moves.push({ k, i, join, why: 'scenario event' });
  }
  return moves;
}

/** Whether one of the first `count` moves (the scenario's) already moves state i in or out of k this year. */
function isForced(moves: readonly Move[], count: number, k: number, i: number): boolean {
  for (let q = 0; q < count; q++) if (moves[q].k === k && moves[q].i === i) return true;
  return false;
}

function setMember(s: Internal, state: WorldState, m: Move): void {
  const n = state.n;
  const at = m.k * n + m.i;
  s.member[at] = m.join ? 1 : 0;
  const list: number[] = [];
  for (const i of s.scope[m.k]) if (s.member[m.k * n + i]) list.push(i);
  s.members[m.k] = Int32Array.from(list);
  // The security module's joint IGO memberships follow: one more, or one fewer, with every other member.
  const igo = state.dyad.joint_igo_memberships;
  if (igo) {
    const d = m.join ? 1 : -1;
    for (const j of list) {
      if (j === m.i) continue;
      igo[m.i * n + j] += d;
      igo[j * n + m.i] += d;
    }
  }
  s.paidNoPolitics[m.k] = Number.NaN;
  if (s.defs[m.k].scope === 'world') s.worldMemberships[m.i] += m.join ? 1 : -1;
  s.changed = true;
  if (m.join && s.share[at] === 0) {
    // A newcomer pays what the members pay per unit of GDP.
    const gdp = state.country.gdp_billion_usd2015;
    let share = 0;
    let g = 0;
    for (let i = 0; i < n; i++) {
      if (i === m.i || !s.member[m.k * n + i]) continue;
      share += s.share[m.k * n + i];
      g += gdp[i];
    }
    s.share[at] = (share * gdp[m.i]) / g;
  }
  if (m.join) s.joinable[at] = 0;
  else s.joinable[at] = 1;
}

function logMove(
  s: Internal,
  year: number,
  m: Move,
  now: Measure,
  effectiveness: number,
  target: number,
  ctx: Context,
): void {
  const d = s.defs[m.k];
  const was = s.last[m.k];
  const consequence = CONSEQUENCE[d.domain] && d.scope === 'world' ? `, so ${CONSEQUENCE[d.domain]}` : '';
  const direction = target < effectiveness ? 'falls' : 'rises';
  ctx.log(
    year,
    ctx.data.countries.iso3[m.i],
    m.join ? 'join' : 'leave',
    `${m.join ? 'joins' : 'leaves'} ${d.id} (${m.why}): ${d.id} has ${now.members} members (${was.members} before) with ${pct(now.gdpShare)} of world GDP (${pct(was.gdpShare)}) and ${pct(now.funding)} of its base-year funding (${pct(was.funding)}); its effectiveness, ${effectiveness.toFixed(2)} last year, ${direction} toward ${target.toFixed(2)}${consequence}`,
  );
}

/** GDP-weighted mean of the crises' loss channel (losses above the base-year expectation), in % of GDP. */
function excessLossPct(state: WorldState): number {
  const loss = state.country.crisis_loss_fraction;
  if (!loss) return 0;
  const gdp = state.country.gdp_billion_usd2015;
  let num = 0;
  for (let i = 0; i < state.n; i++) num += loss[i] * gdp[i];
  return (100 * num) / sumOf(gdp);
}

/** Mean tariff: the trade module's if present (its global mean, else the mean over its matrix), else the fallback. */
function meanTariffPct(state: WorldState, c: InstitutionConstants): number {
  const published = state.global.mean_tariff_pct;
  if (published !== undefined) return published;
  const t = state.dyad.tariff_pct;
  if (!t) return c.meanTariffFallbackPct;
  const n = state.n;
  let sum = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) sum += t[i * n + j];
  return sum / (n * (n - 1));
}

/** Writes the state variables, the indicators and this year's rows of institutions.csv. */
function publish(state: WorldState, s: Internal, st: Float64Array | undefined, ctx: Context): void {
  const n = state.n;
  const c = state.country;
  const gdp = c.gdp_billion_usd2015;
  for (let q = 0; q < REGIMES.length; q++) {
    const k = s.regime[q];
    if (s.changed) {
      const inVar = c[MEMBER_VARS[q]];
      for (let i = 0; i < n; i++) inVar[i] = k >= 0 ? s.member[k * n + i] : 0;
    }
    state.global[EFFECTIVENESS_VARS[q]] = k >= 0 ? s.effectiveness[k] : 0;
  }
  s.changed = false;
  state.global.governance_capacity = governance(s);
  const world = sumOf(gdp);
  let parisGdp = 0;
  let participation = 0;
  let international = 0;
  for (let i = 0; i < n; i++) {
    parisGdp += c.paris_member[i] * gdp[i];
    participation += gdp[i] * s.worldMemberships[i];
    international += gdp[i] * internationalism(stanceOf(st, i));
  }
  participation /= s.worldScope.length;
  state.global.paris_participation_gdp_share = parisGdp / world;
  const openness = 1 / (1 + meanTariffPct(state, s.c) / s.c.tariffHalfOpennessPct);
  state.global.internationalism_index = (openness + participation / world + international / world) / 3;
  s.defs.forEach((d, k) => {
    const m = s.last[k];
    ctx.row('institutions', [
      state.year,
      d.id,
      m.members,
      m.gdpShare,
      m.funding,
      s.legitimacy[k],
      s.effectiveness[k],
    ]);
  });
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)} %`;
}
