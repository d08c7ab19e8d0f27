import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registry } from '../src/model/engine.js';
import { MODULES } from '../src/model/modules/index.js';
import { ParamError, Registry } from '../src/model/registry.js';

describe('parameter registry', () => {
  it('documents every coefficient: units, source, description, a default inside its range', () => {
    expect(registry.defs.length).toBeGreaterThan(20);
    for (const d of registry.defs) {
      expect(d.units, d.id).not.toBe('');
      expect(d.source.length, d.id).toBeGreaterThan(10);
      expect(d.description.length, d.id).toBeGreaterThan(10);
      expect(d.min <= d.default && d.default <= d.max, d.id).toBe(true);
      if (d.distribution === 'fixed') expect(d.min, d.id).toBe(d.max);
      else expect(d.min, d.id).toBeLessThan(d.max);
    }
  });

  it('names each parameter after the module that declares it', () => {
    for (const m of MODULES) for (const p of m.params) expect(p.id.startsWith(`${m.name}.`), p.id).toBe(true);
  });

  it('rejects a duplicate id and a default outside the range', () => {
    const p = registry.defs[0];
    expect(() => new Registry([p, p])).toThrow(/declared twice/);
    expect(() => new Registry([{ ...p, default: p.max + 1 }])).toThrow(/outside/);
  });

  it('resolves overrides inside the range and refuses those outside, stating range and units', () => {
    const free = registry.defs.filter((d) => d.distribution !== 'fixed');
    fc.assert(
      fc.property(fc.constantFrom(...free), fc.double({ min: 0, max: 1, noNaN: true }), (d, u) => {
        const inside = Math.min(d.max, d.min + u * (d.max - d.min));
        expect(registry.resolve({ [d.id]: inside })[d.id]).toBe(inside);
        const outside = d.max + (1 + u) * (d.max - d.min);
        expect(() => registry.resolve({ [d.id]: outside })).toThrow(ParamError);
        expect(registry.check(d.id, outside)).toContain(`[${d.min}, ${d.max}] ${d.units}`);
      }),
    );
    expect(() => registry.resolve({ 'economy.no_such_thing': 1 })).toThrow(/unknown parameter/);
    expect(registry.check('economy.frontier_growth', Number.NaN)).toMatch(/finite number/);
  });
});
