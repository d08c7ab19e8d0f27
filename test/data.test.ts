import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { build, OUTPUT_PATH, serialize } from '../scripts/build-data.js';
import { data } from './helpers.js';

describe('the shipped dataset', () => {
  it('is exactly what the build script makes from data/raw (run `npm run build:data` after changing either)', () => {
    expect(serialize(build()) === readFileSync(OUTPUT_PATH, 'utf8')).toBe(true);
  });

  it('has a value and a source for every state and variable, in plausible ranges', () => {
    const n = data.countries.iso3.length;
    expect(n).toBe(195);
    for (const [name, values] of Object.entries(data.base)) {
      expect(values, name).toHaveLength(n);
      expect(values.every(Number.isFinite), name).toBe(true);
      expect(data.sources[name], name).toHaveLength(n);
    }
    expect(data.base.population_million.every((p) => p > 0.005 && p < 1500)).toBe(true);
    expect(data.base.gdp_billion_usd2015.every((g) => g > 0.01 && g < 30000)).toBe(true);
    expect(data.base.co2_fossil_mtco2.every((c) => c >= 0 && c < 15000)).toBe(true);
  });

  it('puts the states plus the unallocated remainder at the Global Carbon Project world total', () => {
    const states = data.base.co2_fossil_mtco2.reduce((a, b) => a + b, 0);
    expect(states + data.world.co2_fossil_unallocated_mtco2).toBeCloseTo(data.world.co2_fossil_mtco2, 6);
    expect(data.world.co2_fossil_unallocated_mtco2 / data.world.co2_fossil_mtco2).toBeGreaterThan(0);
    expect(data.world.co2_fossil_unallocated_mtco2 / data.world.co2_fossil_mtco2).toBeLessThan(0.05);
  });

  it('lists an imputation rule for each value that was not observed in the base year', () => {
    for (const [name, sources] of Object.entries(data.sources)) {
      for (const s of sources) {
        if (s.imputed === undefined) expect(s.year, name).toBe(data.baseYear);
      }
    }
  });
});
