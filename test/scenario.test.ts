import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.js';
import { registry } from '../src/model/engine.js';
import { parseScenario, SCENARIO_DIR, shippedScenarios } from '../src/scenario/load.js';
import { data } from './helpers.js';

describe('scenario files', () => {
  it('every shipped scenario is valid and named after its file', () => {
    expect(shippedScenarios()).toContain('baseline');
    for (const name of shippedScenarios()) {
      const file = join(SCENARIO_DIR, `${name}.yaml`);
      expect(parseScenario(readFileSync(file, 'utf8'), file, registry, data.baseYear).name).toBe(name);
    }
  });

  it('reports the line of a nested error', () => {
    const text =
      'name: t\ndescription: d\nseed: 1\nfirst_year: 2024\nlast_year: 2030\nparameters:\n  economy.frontier_growth: 0.01\n  climate.ecs: 1\n';
    try {
      parseScenario(text, 'x.yaml', registry, data.baseYear);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(UserError);
      expect((err as Error).message).toMatch(
        /^x\.yaml:8: parameter 'climate\.ecs' = 1 is out of range \[2, 5\] K$/,
      );
    }
  });

  it('refuses last_year before first_year and beyond the horizon', () => {
    const body = (first: number, last: number) =>
      `name: t\ndescription: d\nseed: 1\nfirst_year: ${first}\nlast_year: ${last}\n`;
    expect(() => parseScenario(body(2050, 2040), 'x.yaml', registry, data.baseYear)).toThrow(
      /x\.yaml:5: .*first_year must not be after last_year/,
    );
    expect(() => parseScenario(body(2024, 2400), 'x.yaml', registry, data.baseYear)).toThrow(
      /x\.yaml:5: last_year/,
    );
  });
});
