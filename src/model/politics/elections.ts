/**
 * Who governs. An election turns nationalist support into the government's stance by an ordered rule:
 *   y_i = logit(s_i) + u_i + swing z,   stance = 2 if y_i > logit(theta_N), 1 if y_i > logit(theta_M), else 0,
 * with z a standard normal draw on election day and u_i a persistent country propensity: coalition
 * arithmetic, party systems and cordons sanitaires that let a nationalist party with a third of the vote
 * govern in one country and not in another. The cross-section of 2024 (docs/model/politics.md) fixes the
 * thresholds and the spread of u; each country's u_i is then set to its expected value given the stance it
 * had in the base year (the mean of the normal truncated to the band that stance requires), so base-year
 * stances persist unless support moves. Competitive democracies vote on their cycle; other regimes change
 * stance rarely (a yearly hazard) and then by the same rule.
 */
import * as Portable from '../portable.js';
import { logit, sigmoid } from './support.js';

/** Stance names in code order: 0 internationalist, 1 mixed, 2 nationalist-populist. */
export const STANCES = ['internationalist', 'mixed', 'nationalist-populist'] as const;

export interface StanceRule {
  /** Support above which nationalist parties join or back the government (mixed). */
  readonly mixedAbove: number;
  /** Support above which a nationalist-populist government forms. */
  readonly nationalistAbove: number;
  /** Standard deviation of the election-day swing, in logit. */
  readonly swing: number;
  /** Standard deviation of the country propensities u_i, in logit. */
  readonly propensitySd: number;
}

/** The stance an election gives, from the support logit, the propensity and a standard normal draw. */
export function electedStance(x: number, propensity: number, z: number, rule: StanceRule): number {
  const s = sigmoid(x + propensity + rule.swing * z);
  return s > rule.nationalistAbove ? 2 : s > rule.mixedAbove ? 1 : 0;
}

/** The expected propensity of a country whose support logit is x and whose government has `stance`. */
export function propensityFor(x: number, stance: number, rule: StanceRule): number {
  const sd = rule.propensitySd;
  const lo =
    stance === 0 ? -Infinity : (logit(stance === 1 ? rule.mixedAbove : rule.nationalistAbove) - x) / sd;
  const hi =
    stance === 2 ? Infinity : (logit(stance === 0 ? rule.mixedAbove : rule.nationalistAbove) - x) / sd;
  return sd * truncatedNormalMean(lo, hi);
}

/** Mean of a standard normal truncated to (a, b), accurate in the far tails. */
export function truncatedNormalMean(a: number, b: number): number {
  // Work in the upper tail, where the survival function is computed without cancellation.
  if (a + b < 0) return -truncatedNormalMean(-b, -a);
  const mass = upperTail(a) - upperTail(b);
  if (mass > 1e-300) return (density(a) - density(b)) / mass;
  return a; // both bounds far in the tail: the mass sits at a
}

function density(x: number): number {
  return Number.isFinite(x) ? Portable.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI) : 0;
}

/** P(Z > x) for a standard normal, from the complementary error function. */
export function upperTail(x: number): number {
  if (x === Infinity) return 0;
  if (x === -Infinity) return 1;
  return 0.5 * erfc(x / Math.SQRT2);
}

/** erfc with fractional error below 1.2e-7 everywhere (Press et al., Numerical Recipes, erfcc). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Portable.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** A standard normal draw from two uniforms in [0, 1) (Box-Muller; cos(a) = -cos(a - pi) keeps the angle where Portable.cos works). */
export function standardNormal(u1: number, u2: number): number {
  return -Math.sqrt(-2 * Portable.log(1 - u1)) * Portable.cos(2 * Math.PI * u2 - Math.PI);
}
