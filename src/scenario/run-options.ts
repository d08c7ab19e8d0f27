/**
 * A checked scenario plus parameter overrides and an optional seed, turned into the engine's run options.
 * The CLI (`worldorder run`) and the web explorer both go through here, so the same scenario, overrides and
 * seed give the same numbers in both.
 */
import type { RunOptions } from '../model/engine.js';
import { registry as engineRegistry } from '../model/engine.js';
import type { Registry } from '../model/registry.js';
import type { CheckedScenario } from './parse.js';

export interface RunRequest {
  readonly scenario: CheckedScenario;
  /** Overrides on top of the scenario's own parameters, by registry id. */
  readonly overrides?: Readonly<Record<string, number>>;
  /** Replaces the scenario's seed. */
  readonly seed?: number;
}

/** Every parameter that differs from the registry defaults: the scenario's, then the overrides. */
export function overridesOf(req: RunRequest): Record<string, number> {
  return { ...req.scenario.parameters, ...req.overrides };
}

export function runOptions(req: RunRequest, registry: Registry = engineRegistry): RunOptions {
  return {
    params: registry.resolve(overridesOf(req)),
    seed: req.seed ?? req.scenario.seed,
    firstYear: req.scenario.first_year,
    lastYear: req.scenario.last_year,
    events: req.scenario.events,
  };
}
