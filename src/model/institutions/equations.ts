/**
 * The equations of institutional effectiveness and legitimacy (docs/model/institutions.md), as pure functions
 * of their inputs so they can be checked on their own.
 *
 * Effectiveness is a product (each factor is necessary: an institution with no money, no members or no
 * legitimacy does nothing), in the spirit of the rational-design literature (Koremenos, Lipson and Snidal
 * 2001, International Organization 55(4)) and of veto-player theory for the speed of decision rules
 * (Tsebelis 2002, Veto Players):
 *   E* = S x min(1, C / theta)^a_C x F^a_F x L^a_L,
 * with S the decision speed of its rule, C its coverage (share of GDP and population of its scope inside),
 * theta the participation threshold at which it can act (1 unless coalitions of the willing may act for it),
 * F its funding relative to the base year and L its legitimacy.
 */
import { clamp } from '../math.js';
import type { Params } from '../registry.js';
import type { DecisionRule } from '../world-data.js';

/** Reform intensities in effect this year, 0 (off) to 1 (in full). */
export interface Reforms {
  readonly rebalancing: number;
  readonly localVoices: number;
  readonly civicEducation: number;
  readonly multilateralism: number;
}

export const NO_REFORMS: Reforms = { rebalancing: 0, localVoices: 0, civicEducation: 0, multilateralism: 0 };

/**
 * Speed of a decision rule, 0 to 1 (simple majority = 1, the reference). Coalitions of the willing close part of
 * the gap to 1 (they act without waiting for holdouts); representation reform slows decisions a little (more
 * voices to hear): that is its governance cost.
 */
export function decisionSpeed(rule: DecisionRule, p: Params, reforms: Reforms): number {
  const base: Record<DecisionRule, number> = {
    majority: 1,
    weighted: p['institutions.speed_weighted'],
    qualified_majority: p['institutions.speed_qualified_majority'],
    veto: p['institutions.speed_veto'],
    consensus: p['institutions.speed_consensus'],
  };
  const s = base[rule];
  const faster = s + reforms.multilateralism * p['institutions.coalition_speed_gain'] * (1 - s);
  return faster * (1 - reforms.localVoices * p['institutions.voice_speed_cost']);
}

/** The participation threshold theta: 1 without the reform, `institutions.coalition_threshold` with it in full. */
export function participationThreshold(p: Params, reforms: Reforms): number {
  return 1 - reforms.multilateralism * (1 - p['institutions.coalition_threshold']);
}

export function effectivenessTarget(
  speed: number,
  coverage: number,
  threshold: number,
  funding: number,
  legitimacy: number,
  p: Params,
): number {
  const reach = Math.min(1, coverage / threshold);
  return clamp(
    speed *
      reach ** p['institutions.coverage_elasticity'] *
      Math.max(0, funding) ** p['institutions.funding_elasticity'] *
      Math.max(0, legitimacy) ** p['institutions.legitimacy_elasticity'],
    0,
    1,
  );
}

/** How an institution stands against its base year, the inputs of its legitimacy. */
export interface LegitimacyInputs {
  /** Coverage now and in the base year. */
  readonly coverage: number;
  readonly coverage0: number;
  /** Effectiveness last year and in the base year (performance). */
  readonly effectiveness: number;
  readonly effectiveness0: number;
  /** Share of the members' weight under nationalist-populist governments (non-compliance), now and in the base year. */
  readonly noncompliance: number;
  readonly noncompliance0: number;
  /** Whether it is an economic institution (trade, finance, development, economic policy): rebalancing acts on it. */
  readonly economic: boolean;
}

/**
 * Legitimacy the institution tends to: the base level, minus the loss from members leaving (relative to its base
 * coverage; joiners add), plus performance, minus non-compliance, plus the reforms' gains and minus the cost of
 * acting through coalitions of the willing (less representative).
 */
export function legitimacyTarget(x: LegitimacyInputs, p: Params, reforms: Reforms): number {
  const target =
    p['institutions.legitimacy_base'] +
    p['institutions.legitimacy_withdrawal_loss'] * ((x.coverage - x.coverage0) / x.coverage0) +
    p['institutions.legitimacy_performance'] * (x.effectiveness - x.effectiveness0) -
    p['institutions.legitimacy_noncompliance'] * (x.noncompliance - x.noncompliance0) +
    reforms.localVoices * p['institutions.voice_legitimacy_gain'] +
    (x.economic ? reforms.rebalancing * p['institutions.rebalancing_legitimacy_gain'] : 0) -
    reforms.multilateralism * p['institutions.coalition_legitimacy_cost'];
  return clamp(target, 0, 1);
}

/**
 * Perceived institutional failure: its base-year level plus the rise from lost governance capacity and from
 * remembered crisis losses above the base-year expectation, a rise the local-voices reform blunts:
 *   PIF = PIF0 + (1 - b r_voice) [a_G (G0 - G) + a_C M],  clamped to 0..1.
 */
export function perceivedFailure(
  governanceLoss: number,
  rememberedLossPct: number,
  p: Params,
  reforms: Reforms,
): number {
  const rise =
    p['institutions.failure_per_capacity'] * governanceLoss +
    p['institutions.failure_per_loss_pct'] * rememberedLossPct;
  const blunted = 1 - reforms.localVoices * p['institutions.voice_blunting'];
  return clamp(1 - p['institutions.legitimacy_base'] + blunted * rise, 0, 1);
}
