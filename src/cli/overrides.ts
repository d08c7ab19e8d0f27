/** `--set id=value` flags, checked against the registry like a scenario's parameters. */
import { UserError } from '../errors.js';
import type { Registry } from '../model/registry.js';
import { nearest } from '../scenario/suggest.js';

export function parseSets(sets: readonly string[], registry: Registry): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of sets) {
    const m = /^([^=\s]+)=(.+)$/.exec(s.trim());
    if (!m) throw new UserError(`expected id=value, got '${s}'`, '--set');
    const [, id, text] = m;
    const value = Number(text);
    const problem = registry.check(id, text.trim() === '' || Number.isNaN(value) ? text : value);
    if (problem) {
      const hint = registry.has(id)
        ? ''
        : `; did you mean ${nearest(
            id,
            registry.defs.map((d) => d.id),
          ).join(', ')}?`;
      throw new UserError(`${problem}${hint}`, '--set');
    }
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
