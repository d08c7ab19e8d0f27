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
import * as Portable from '../portable.js';
import type { Params } from '../registry.js';
import type { DecisionRule } from '../world-data.js';

/** Reform intensities in effect this year, 0 (off) to 1 (in full). */
export interface Reforms {
  readonly rebalancing: number;
  readonly localVoices: number;
  readonly civicEducation: number;
  readonly multilateralism: number;
}

/** The institutions module's parameters as a fixed-shape record, read once a run (lookups by id are slow). */
export interface InstitutionConstants {
  readonly legitimacyBase: number;
  readonly speedConsensus: number;
  readonly speedVeto: number;
  readonly speedQualifiedMajority: number;
  readonly speedWeighted: number;
  readonly coverageGdpWeight: number;
  readonly coverageElasticity: number;
  readonly fundingElasticity: number;
  readonly legitimacyElasticity: number;
  readonly effectivenessTime: number;
  readonly legitimacyTime: number;
  readonly legitimacyWithdrawalLoss: number;
  readonly legitimacyPerformance: number;
  readonly legitimacyNoncompliance: number;
  readonly nationalistArrears: number;
  readonly exitRate: number;
  readonly joinRate: number;
  readonly failurePerCapacity: number;
  readonly failurePerLossPct: number;
  readonly failureMemory: number;
  readonly tariffHalfOpennessPct: number;
  readonly meanTariffFallbackPct: number;
  readonly rebalancingLegitimacyGain: number;
  readonly rebalancingFundingGain: number;
  readonly voiceLegitimacyGain: number;
  readonly voiceBlunting: number;
  readonly voiceSpeedCost: number;
  readonly coalitionThreshold: number;
  readonly coalitionSpeedGain: number;
  readonly coalitionLegitimacyCost: number;
}

export function institutionConstants(p: Params): InstitutionConstants {
  return {
    legitimacyBase: p['institutions.legitimacy_base'],
    speedConsensus: p['institutions.speed_consensus'],
    speedVeto: p['institutions.speed_veto'],
    speedQualifiedMajority: p['institutions.speed_qualified_majority'],
    speedWeighted: p['institutions.speed_weighted'],
    coverageGdpWeight: p['institutions.coverage_gdp_weight'],
    coverageElasticity: p['institutions.coverage_elasticity'],
    fundingElasticity: p['institutions.funding_elasticity'],
    legitimacyElasticity: p['institutions.legitimacy_elasticity'],
    effectivenessTime: p['institutions.effectiveness_time'],
    legitimacyTime: p['institutions.legitimacy_time'],
    legitimacyWithdrawalLoss: p['institutions.legitimacy_withdrawal_loss'],
    legitimacyPerformance: p['institutions.legitimacy_performance'],
    legitimacyNoncompliance: p['institutions.legitimacy_noncompliance'],
    nationalistArrears: p['institutions.nationalist_arrears'],
    exitRate: p['institutions.exit_rate'],
    joinRate: p['institutions.join_rate'],
    failurePerCapacity: p['institutions.failure_per_capacity'],
    failurePerLossPct: p['institutions.failure_per_loss_pct'],
    failureMemory: p['institutions.failure_memory'],
    tariffHalfOpennessPct: p['institutions.tariff_half_openness_pct'],
    meanTariffFallbackPct: p['institutions.mean_tariff_fallback_pct'],
    rebalancingLegitimacyGain: p['institutions.rebalancing_legitimacy_gain'],
    rebalancingFundingGain: p['institutions.rebalancing_funding_gain'],
    voiceLegitimacyGain: p['institutions.voice_legitimacy_gain'],
    voiceBlunting: p['institutions.voice_blunting'],
    voiceSpeedCost: p['institutions.voice_speed_cost'],
    coalitionThreshold: p['institutions.coalition_threshold'],
    coalitionSpeedGain: p['institutions.coalition_speed_gain'],
    coalitionLegitimacyCost: p['institutions.coalition_legitimacy_cost'],
  };
}

export const NO_REFORMS: Reforms = { rebalancing: 0, localVoices: 0, civicEducation: 0, multilateralism: 0 };

/**
 * Speed of a decision rule, 0 to 1 (simple majority = 1, the reference). Coalitions of the willing close part of
 * the gap to 1 (they act without waiting for holdouts); representation reform slows decisions a little (more
 * voices to hear): that is its governance cost.
 */
export function decisionSpeed(rule: DecisionRule, c: InstitutionConstants, reforms: Reforms): number {
  const s = ruleSpeed(rule, c);
  const faster = s + reforms.multilateralism * c.coalitionSpeedGain * (1 - s);
  return faster * (1 - reforms.localVoices * c.voiceSpeedCost);
}

function ruleSpeed(rule: DecisionRule, c: InstitutionConstants): number {
  switch (rule) {
    case 'majority':
      return 1;
    case 'weighted':
      return c.speedWeighted;
    case 'qualified_majority':
      return c.speedQualifiedMajority;
    case 'veto':
      return c.speedVeto;
    case 'consensus':
      return c.speedConsensus;
  }
}

/** The participation threshold theta: 1 without the reform, `institutions.coalition_threshold` with it in full. */
export function participationThreshold(c: InstitutionConstants, reforms: Reforms): number {
  return 1 - reforms.multilateralism * (1 - c.coalitionThreshold);
}

export function effectivenessTarget(
  speed: number,
  coverage: number,
  threshold: number,
  funding: number,
  legitimacy: number,
  c: InstitutionConstants,
): number {
  const reach = Math.min(1, coverage / threshold);
  if (!(reach > 0 && funding > 0 && legitimacy > 0)) return 0;
  // One exp of a sum of logs: the product of three powers, computed 17 times a year.
  return clamp(
    speed *
      Portable.exp(
        c.coverageElasticity * Portable.log(reach) +
          c.fundingElasticity * Portable.log(funding) +
          c.legitimacyElasticity * Portable.log(legitimacy),
      ),
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
export function legitimacyTarget(x: LegitimacyInputs, c: InstitutionConstants, reforms: Reforms): number {
  const target =
    c.legitimacyBase +
    c.legitimacyWithdrawalLoss * ((x.coverage - x.coverage0) / x.coverage0) +
    c.legitimacyPerformance * (x.effectiveness - x.effectiveness0) -
    c.legitimacyNoncompliance * (x.noncompliance - x.noncompliance0) +
    reforms.localVoices * c.voiceLegitimacyGain +
    (x.economic ? reforms.rebalancing * c.rebalancingLegitimacyGain : 0) -
    reforms.multilateralism * c.coalitionLegitimacyCost;
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
  c: InstitutionConstants,
  reforms: Reforms,
): number {
  const rise = c.failurePerCapacity * governanceLoss + c.failurePerLossPct * rememberedLossPct;
  const blunted = 1 - reforms.localVoices * c.voiceBlunting;
  return clamp(1 - c.legitimacyBase + blunted * rise, 0, 1);
}
