/** `--set id=value` flags, checked against the registry like a scenario's parameters. */
import { UserError } from '../errors.js';
import type { Registry } from '../model/registry.js';

export function parseSets(sets: readonly string[], registry: Registry): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of sets) {
    const m = /^([^=\s]+)=(.+)$/.exec(s.trim());
    if (!m) throw new UserError(`expected id=value, got '${s}'`, '--set');
    const [, id, text] = m;
    const value = Number(text);
    const problem = registry.check(id, text.trim() === '' || Number.isNaN(value) ? text : value);
    if (problem) throw new UserError(problem, '--set');
    out[id] = value;
  }
  return out;
}

export function parseSeed(text: string): number {
  const seed = Number(text);
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31 - 1) {
    throw new UserError(`the seed must be a whole number from 0 to ${2 ** 31 - 1}, got '${text}'`, '--seed');
  }
  return seed;
}
