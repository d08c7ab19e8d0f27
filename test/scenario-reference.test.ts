/**
 * docs/scenarios.md, the scenario language reference, is generated from the schema, the registry's levers
 * and the modules' event types: it must be current, and it must show levers and events as modules add them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { registry } from '../src/model/engine.js';
import type { EventSpec } from '../src/model/module.js';
import { currentReference, REFERENCE_PATH, scenarioReference } from '../src/scenario/reference.js';
import { scenarioSchema } from '../src/scenario/schema.js';

describe('docs/scenarios.md', () => {
  it('is what `npm run docs` generates', () => {
    const onDisk = existsSync(REFERENCE_PATH) ? readFileSync(REFERENCE_PATH, 'utf8') : '';
    expect(onDisk, 'docs/scenarios.md is out of date: run `npm run docs`').toBe(currentReference());
  });

  it('documents every key of a scenario file', () => {
    const page = currentReference();
    for (const key of Object.keys(scenarioSchema.shape)) expect(page).toContain(`| \`${key}\` |`);
    expect(page).toContain('| `seed` | whole number, 0 to 2147483647 | yes |');
    expect(page).toContain('| `baseline` |');
  });

  it('marks as levers exactly the parameters whose source calls them one', () => {
    // The modules' sources say "Lever ..." for a scenario choice; the `lever` mark is what ensembles and this
    // page act on, so the two must not drift apart.
    const bySource = registry.defs.filter((d) => /^Lever\b/.test(d.source)).map((d) => d.id);
    const marked = registry.defs.filter((d) => d.lever !== undefined).map((d) => d.id);
    expect(marked).toEqual(bySource);
    expect(marked).toEqual(
      expect.arrayContaining([
        'politics.disinformation',
        'reforms.rebalancing',
        'reforms.local_voices',
        'reforms.civic_education',
        'reforms.multilateralism',
        'labor.local_industry_pct_gdp',
        'labor.training_intensity',
        'labor.protection_tariff_pct',
      ]),
    );
  });

  it('lists levers by kind and each event type with its fields', () => {
    const tariff: EventSpec = {
      type: 'tariff',
      description: 'An importer sets a tariff on an exporter.',
      fields: (v) => ({
        importer: v.country,
        exporter: v.countryOrAll,
        percent: z.number().min(0).max(500).describe('Ad valorem tariff'),
        note: z.string().optional(),
      }),
    };
    const page = scenarioReference([], registry, [tariff]);
    expect(page).toContain('### Drivers of the retreat (their intensities)');
    expect(page).toContain(
      '| `politics.disinformation` | 1 | 0 to 3 | relative to 2024 | Disinformation intensity relative to 2024. |',
    );
    expect(page).toContain('### The four reforms');
    expect(page).toContain(
      '| `reforms.multilateralism` | 0 | 0 to 1 | intensity 0..1 | Intensity of resilient multilateralism (coalitions of the willing). |',
    );
    expect(page).toContain('### Labor levers of the balanced model');
    expect(page).toContain('| `labor.training_intensity` | 0 | 0 to 1 |');
    expect(page).not.toContain('`climate.ecs`');
    expect(page).toContain('### `tariff`\n\nAn importer sets a tariff on an exporter.');
    expect(page).toContain('| `importer` | text | yes | ISO3 code of a state in the data, e.g. USA |');
    expect(page).toContain(
      '| `exporter` | text | yes | ISO3 code of a state in the data, or * for every state |',
    );
    expect(page).toContain('| `percent` | number, 0 to 500 | yes | Ad valorem tariff |');
    expect(page).toContain('| `note` | text | no |');
  });
});
