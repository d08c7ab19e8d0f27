/**
 * What defines a run in the explorer: a scenario (a shipped one by name, or a loaded file with its text),
 * the levers moved on top of it, and an optional seed. It is the CLI's run request plus where the scenario
 * came from, so that the URL and the scenario download can name it.
 */
import type { RunRequest } from '../../../src/scenario/run-options.js';

export interface ScenarioSource {
  /** A shipped scenario's name, or the loaded file's name. */
  readonly name: string;
  /** The YAML text of a loaded file; absent for a shipped scenario. */
  readonly text?: string;
}

export interface RunState extends RunRequest {
  readonly source: ScenarioSource;
  readonly overrides: Readonly<Record<string, number>>;
}

/** The value a parameter has in this run: the override, else the scenario's, else the default. */
export function valueIn(state: RunState, id: string, fallback: number): number {
  return state.overrides[id] ?? state.scenario.parameters[id] ?? fallback;
}
