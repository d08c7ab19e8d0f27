/**
 * The current run as a scenario file: `worldorder run <file>` reproduces exactly what the explorer shows
 * (same parameters, events and seed, hence the same numbers).
 */
import { stringify } from 'yaml';
import type { RunState } from './run-state.js';

export function scenarioYaml(run: RunState): string {
  const s = run.scenario;
  const moved = Object.keys(run.overrides);
  const changed = moved.length > 0 || run.seed !== undefined;
  const doc = {
    name: changed ? `${s.name}-explorer`.slice(0, 60) : s.name,
    description: changed
      ? `${s.description} Changed in the explorer: ${moved.length ? moved.join(', ') : 'the seed'}.`
      : s.description,
    seed: run.seed ?? s.seed,
    first_year: s.first_year,
    last_year: s.last_year,
    parameters: { ...s.parameters, ...run.overrides },
    events: s.events,
  };
  return `# Saved from the worldorder explorer. Reproduce it with: worldorder run <this file>\n${stringify(doc, { lineWidth: 100 })}`;
}
