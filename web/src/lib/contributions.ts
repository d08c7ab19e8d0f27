/**
 * "Why did this indicator change?": the change of one indicator in one year from the baseline run to the
 * current run, split among what differs between them (each lever moved, the scenario's events and seed),
 * by Shapley values: each part gets its marginal effect averaged over every order in which the changes
 * could be made. The parts add up exactly to the total, interactions shared fairly (Shapley 1953; used
 * for attribution of model outputs, e.g. Owen 2014, SIAM/ASA J. Uncertainty Quantification 2).
 * 2^k runs for k parts: with more than MAX_PARTS changes, they are grouped (by lever group or module).
 */

import type { Lever } from '../../../src/essay/levers.js';
import type { RunOptions, RunResult } from '../../../src/model/engine.js';
import type { Registry } from '../../../src/model/registry.js';

export const MAX_PARTS = 6;

export interface Part {
  readonly label: string;
  /** Parameter values this part sets, on top of the baseline. */
  readonly params: Readonly<Record<string, number>>;
  /** Whether this part brings in the current run's events and seed. */
  readonly eventsAndSeed: boolean;
}

export interface Contribution {
  readonly label: string;
  readonly value: number;
}

export interface Attribution {
  readonly variable: string;
  readonly year: number;
  readonly baseline: number;
  readonly current: number;
  readonly parts: readonly Contribution[];
}

/** The differences between two runs, as parts to attribute. */
export function partsBetween(
  base: RunOptions,
  current: RunOptions,
  registry: Registry,
  levers: readonly Lever[],
  groupTitles: Readonly<Record<string, string>>,
): Part[] {
  const changed = Object.keys(current.params).filter((id) => current.params[id] !== base.params[id]);
  const eventsDiffer =
    current.seed !== base.seed || JSON.stringify(current.events ?? []) !== JSON.stringify(base.events ?? []);
  const byId = new Map(levers.map((l) => [l.id, l]));
  const one = (id: string) => byId.get(id)?.label ?? registry.get(id)?.description ?? id;
  const groupOf = (id: string) => {
    const lever = byId.get(id);
    return lever ? groupTitles[lever.group] : `${id.split('.')[0]} parameters`;
  };
  const budget = MAX_PARTS - (eventsDiffer ? 1 : 0);
  const keyOf = changed.length <= budget ? one : groupOf;
  const groups = new Map<string, Record<string, number>>();
  for (const id of changed) {
    const key = keyOf(id);
    groups.set(key, { ...groups.get(key), [id]: current.params[id] });
  }
  const parts: Part[] = [...groups].map(([label, params]) => ({ label, params, eventsAndSeed: false }));
  if (eventsDiffer) parts.push({ label: 'Scenario events and seed', params: {}, eventsAndSeed: true });
  return parts;
}

/**
 * Shapley values of the parts for `metric`; `run` simulates a set of options; `base` and `current` cover
 * the same years. Every subset is run once,
 * so the cost is 2^k runs; a subset whose run fails (parameters that cannot go together) counts as the
 * baseline, and the parts still add up to the total.
 */
export function shapley(
  parts: readonly Part[],
  base: RunOptions,
  current: RunOptions,
  run: (o: RunOptions) => RunResult,
  metric: (r: RunResult) => number,
): number[] {
  const k = parts.length;
  const value = new Float64Array(1 << k);
  const fallback = metric(run(base));
  for (let mask = 0; mask < 1 << k; mask++) {
    if (mask === (1 << k) - 1) {
      value[mask] = metric(run(current));
      continue;
    }
    let params = { ...base.params };
    let withEvents = false;
    for (let i = 0; i < k; i++) {
      if (!(mask & (1 << i))) continue;
      params = { ...params, ...parts[i].params };
      withEvents ||= parts[i].eventsAndSeed;
    }
    const options: RunOptions = { ...(withEvents ? current : base), params };
    try {
      value[mask] = metric(run(options));
    } catch {
      value[mask] = fallback;
    }
  }
  const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));
  return parts.map((_, i) => {
    let phi = 0;
    for (let mask = 0; mask < 1 << k; mask++) {
      if (mask & (1 << i)) continue;
      const size = popcount(mask);
      phi +=
        ((factorial(size) * factorial(k - size - 1)) / factorial(k)) * (value[mask | (1 << i)] - value[mask]);
    }
    return phi;
  });
}

function popcount(x: number): number {
  let c = 0;
  for (let v = x; v; v &= v - 1) c++;
  return c;
}
