import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { UserError } from '../src/errors.js';
import { registry } from '../src/model/engine.js';
import type { EventSpec } from '../src/model/module.js';
import { parseScenario, SCENARIO_DIR, shippedScenarios } from '../src/scenario/load.js';
import { data } from './helpers.js';

describe('scenario files', () => {
  it('every shipped scenario is valid and named after its file', () => {
    expect(shippedScenarios()).toContain('baseline');
    for (const name of shippedScenarios()) {
      const file = join(SCENARIO_DIR, `${name}.yaml`);
      expect(parseScenario(readFileSync(file, 'utf8'), file, data).name).toBe(name);
    }
  });

  it('reports the line of a nested error', () => {
    const text =
      'name: t\ndescription: d\nseed: 1\nfirst_year: 2024\nlast_year: 2030\nparameters:\n  economy.frontier_growth: 0.01\n  climate.ecs: 1\n';
    try {
      parseScenario(text, 'x.yaml', data);
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
    expect(() => parseScenario(body(2050, 2040), 'x.yaml', data)).toThrow(
      /x\.yaml:5: .*first_year must not be after last_year/,
    );
    expect(() => parseScenario(body(2024, 2400), 'x.yaml', data)).toThrow(/x\.yaml:5: last_year/);
  });

  it('checks timed events against the declaring module and the data, naming the line', () => {
    const specs: EventSpec[] = [
      {
        type: 'tariff',
        description: 'test',
        fields: (v) => ({ importer: v.country, exporter: v.countryOrAll, tariff_pct: z.number().min(0) }),
      },
    ];
    const head = 'name: t\ndescription: d\nseed: 1\nfirst_year: 2024\nlast_year: 2030\nevents:\n';
    const parse = (events: string) => parseScenario(head + events, 'x.yaml', data, registry, specs);
    const ok = parse('  - {year: 2026, type: tariff, importer: USA, exporter: "*", tariff_pct: 25}\n');
    expect(ok.events).toEqual([
      { year: 2026, type: 'tariff', importer: 'USA', exporter: '*', tariff_pct: 25 },
    ]);
    expect(() => parse('  - {year: 2026, type: tarif}\n')).toThrow(
      /^x\.yaml:7: unknown event type 'tarif'; known types: tariff$/,
    );
    expect(() =>
      parse('  - year: 2026\n    type: tariff\n    importer: USX\n    exporter: CHN\n    tariff_pct: 5\n'),
    ).toThrow(/^x\.yaml:9: .*unknown country code 'USX'; did you mean USA/);
    expect(() =>
      parse('  - {year: 2040, type: tariff, importer: USA, exporter: CHN, tariff_pct: 5}\n'),
    ).toThrow(/x\.yaml:7: event year 2040 is outside the run/);
    expect(() =>
      parse('  - {year: 2026, type: tariff, importer: USA, exporter: CHN, tariff_pct: 5, why: x}\n'),
    ).toThrow(/x\.yaml:7: unknown field 'why' for a 'tariff' event/);
    expect(() =>
      parse('  - {year: 2026, type: tariff, importer: USA, exporter: CHN, tariff_pct: -5}\n'),
    ).toThrow(/x\.yaml:7: tariff event: tariff_pct: /);
  });
});
