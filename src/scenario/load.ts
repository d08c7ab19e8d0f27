/**
 * Reads a scenario YAML file into a validated Scenario (./parse.ts), or throws a UserError naming the file and line.
 * The shipped library lives in scenarios/; a name resolves there, anything path-like is read as a file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';
import type { WorldData } from '../model/world-data.js';
import { type CheckedScenario, parseScenario } from './parse.js';

export { type CheckedScenario, parseScenario } from './parse.js';

export const SCENARIO_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

export interface LoadedScenario {
  readonly scenario: CheckedScenario;
  /** The file it was read from. */
  readonly file: string;
}

/** The shipped scenario names, sorted. */
export function shippedScenarios(): string[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => basename(f, '.yaml'))
    .sort();
}

/** A shipped scenario's name, or a path to a YAML file. */
export function resolveScenarioPath(nameOrFile: string): string {
  const pathLike = /[/\\]|\.ya?ml$/i.test(nameOrFile);
  if (pathLike) {
    if (!existsSync(nameOrFile)) throw new UserError('no such scenario file', nameOrFile);
    return nameOrFile;
  }
  const shipped = shippedScenarios();
  if (!shipped.includes(nameOrFile)) {
    throw new UserError(
      `unknown scenario '${nameOrFile}'; shipped scenarios: ${shipped.join(', ')} (or give a path to a .yaml file)`,
    );
  }
  return join(SCENARIO_DIR, `${nameOrFile}.yaml`);
}

export function loadScenario(nameOrFile: string, data: WorldData): LoadedScenario {
  const file = resolveScenarioPath(nameOrFile);
  return { scenario: parseScenario(readFileSync(file, 'utf8'), file, data), file };
}
