/**
 * What an ensemble or a sensitivity analysis varies: the registry's uncertain parameters (distribution
 * 'uniform' or 'triangular', a non-empty range), except scenario levers and parameters the scenario or
 * the user set, which stay at their given values. A point u of the unit hypercube [0, 1)^d maps to
 * parameter values by inverting each parameter's distribution, with the ordering rule of ./constraints.ts.
 */
import { UserError } from '../errors.js';
import type { ParamDef, Params, Registry } from '../model/registry.js';
import { ORDER_CONSTRAINTS, type OrderConstraint } from './constraints.js';
import { inverseCdf, truncatedInverseCdf } from './distributions.js';

export interface SamplingPlan {
  /** Every parameter with the scenario's and the user's overrides: the values of what is not sampled. */
  readonly base: Params;
  /** The sampled parameters in registry order: the columns of the unit hypercube. */
  readonly sampled: readonly ParamDef[];
  /** The constraints that apply (both parameters exist, at least one is sampled). */
  readonly constraints: readonly OrderConstraint[];
  /** The sampled parameters' values at the point u (its first `sampled.length` entries). */
  values(u: ArrayLike<number>): Record<string, number>;
}

export function isSampled(d: ParamDef, overrides: Readonly<Record<string, number>>): boolean {
  return d.distribution !== 'fixed' && d.min < d.max && d.lever === undefined && !(d.id in overrides);
}

export function samplingPlan(
  registry: Registry,
  overrides: Readonly<Record<string, number>>,
  constraints: readonly OrderConstraint[] = ORDER_CONSTRAINTS,
): SamplingPlan {
  const base = registry.resolve(overrides);
  const sampled = registry.defs.filter((d) => isSampled(d, overrides));
  const column = new Map(sampled.map((d, j) => [d.id, j]));
  const active: OrderConstraint[] = [];
  const seen = new Set<string>();
  for (const c of constraints) {
    const lower = registry.get(c.lower);
    const upper = registry.get(c.upper);
    if (!lower || !upper) continue;
    for (const id of [c.lower, c.upper]) {
      // One constraint per parameter keeps the rule a single pass; chains would need an order.
      if (seen.has(id)) throw new Error(`parameter ${id} is in two order constraints`);
      seen.add(id);
    }
    const lowerSampled = column.has(c.lower);
    const upperSampled = column.has(c.upper);
    const need = `${c.lower} must stay below ${c.upper}: ${c.why}`;
    if (!lowerSampled && !upperSampled) {
      if (!(base[c.lower] < base[c.upper])) {
        throw new UserError(`${need}; they are set to ${base[c.lower]} and ${base[c.upper]}`);
      }
      continue;
    }
    if (lowerSampled && upperSampled && !(upper.min > lower.min)) {
      throw new Error(`the ranges of ${c.lower} and ${c.upper} cannot satisfy ${c.lower} < ${c.upper}`);
    }
    if (lowerSampled && !upperSampled && !(base[c.upper] > lower.min)) {
      throw new UserError(`${need}; ${c.upper} = ${base[c.upper]} is at or below the range of ${c.lower}`);
    }
    if (upperSampled && !lowerSampled && !(base[c.lower] < upper.max)) {
      throw new UserError(`${need}; ${c.lower} = ${base[c.lower]} is at or above the range of ${c.upper}`);
    }
    active.push(c);
  }

  function values(u: ArrayLike<number>): Record<string, number> {
    const out: Record<string, number> = {};
    sampled.forEach((d, j) => {
      out[d.id] = inverseCdf(d, u[j]);
    });
    for (const c of active) {
      const lowerColumn = column.get(c.lower);
      // u = 1 (Morris's top level) lands on the bound itself: step just inside it.
      if (lowerColumn !== undefined) {
        const upper = out[c.upper] ?? base[c.upper];
        const x = truncatedInverseCdf(sampled[lowerColumn], u[lowerColumn], -Infinity, upper);
        out[c.lower] = x < upper ? x : upper - ulp(upper);
      } else {
        const upperColumn = column.get(c.upper)!;
        const lower = base[c.lower];
        const x = truncatedInverseCdf(sampled[upperColumn], u[upperColumn], lower, Infinity);
        out[c.upper] = x > lower ? x : lower + ulp(lower);
      }
    }
    return out;
  }

  return { base, sampled, constraints: active, values };
}

/** A step that changes x in its last bits. */
const ulp = (x: number) => Math.max(Math.abs(x) * Number.EPSILON, Number.MIN_VALUE);

/** murmur3's 32-bit finaliser: a bijection that mixes every input bit into every output bit. */
function fmix32(h: number): number {
  let x = h;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * The seed of run `run` of an ensemble with seed `seed`: a hash of the two, in [0, 2^31 - 1], so any one
 * run can be repeated alone (`worldorder run --seed`) and no run's seed depends on how work is split.
 */
export function runSeed(seed: number, run: number): number {
  return fmix32(fmix32(seed) ^ Math.imul(run + 1, 0x9e3779b1)) & 0x7fffffff;
}
