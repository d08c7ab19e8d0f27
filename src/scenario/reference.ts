/**
 * The scenario language reference, docs/scenarios.md, generated from what the code accepts: the scenario
 * schema, the registry's lever parameters and the event types the modules declare (EVENT_SPECS), plus the
 * shipped scenarios. `npm run docs` writes it; a test fails when it is stale, so the page grows with every
 * module that adds levers or events.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadWorldData } from '../data/load.js';
import { EVENT_SPECS, registry } from '../model/engine.js';
import type { EventSpec, EventValidators } from '../model/module.js';
import type { LeverKind, ParamDef, Registry } from '../model/registry.js';
import type { WorldData } from '../model/world-data.js';
import { loadScenario, shippedScenarios } from './load.js';
import { scenarioSchema } from './schema.js';

export const REFERENCE_PATH = fileURLToPath(new URL('../../docs/scenarios.md', import.meta.url));

interface JsonSchema {
  type?: string;
  description?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
}

/**
 * Stand-ins for the country validators, the same types with a description for the page; fields checked
 * against other parts of the data (an institution id) get the data itself.
 */
function docValidators(data: WorldData): EventValidators {
  return {
    country: z.string().describe('ISO3 code of a state in the data, e.g. USA'),
    countryOrAll: z.string().describe('ISO3 code of a state in the data, or * for every state'),
    data,
  };
}

const LEVER_KINDS: Record<LeverKind, string> = {
  driver: 'Drivers of the retreat (their intensities)',
  reform: 'The four reforms',
  labor: 'Labor levers of the balanced model',
  policy: 'Other policy choices',
};

const esc = (s: string) => s.replaceAll('|', '\\|');

/** A field's accepted values in words, from its JSON Schema. */
function accepted(s: JsonSchema): string {
  if (s.anyOf) return s.anyOf.map(accepted).join(' or ');
  const parts: string[] = [];
  if (s.enum) parts.push(`one of ${s.enum.map((v) => `\`${String(v)}\``).join(', ')}`);
  else if (s.const !== undefined) parts.push(`\`${String(s.const)}\``);
  else if (s.type === 'integer') parts.push('whole number');
  else if (s.type === 'string') parts.push('text');
  else if (s.type === 'object') parts.push('mapping');
  else if (s.type === 'array') parts.push(`list${s.items ? ` of ${accepted(s.items)}` : ''}`);
  else if (s.type) parts.push(s.type);
  const safe = (x: number | undefined) => x !== undefined && Math.abs(x) < Number.MAX_SAFE_INTEGER;
  if (safe(s.minimum) && safe(s.maximum)) parts.push(`${s.minimum} to ${s.maximum}`);
  else if (safe(s.minimum)) parts.push(`at least ${s.minimum}`);
  else if (safe(s.maximum)) parts.push(`at most ${s.maximum}`);
  if (s.pattern) parts.push(`matching \`${s.pattern}\``);
  if (s.minLength) parts.push('not empty');
  return parts.join(', ');
}

function fieldRows(shape: z.ZodRawShape): string[] {
  const schema = z.toJSONSchema(z.object(shape), { io: 'input', unrepresentable: 'any' }) as {
    properties: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(schema.properties).map(([key, s]) => {
    const required = schema.required?.includes(key)
      ? 'yes'
      : s.default === undefined
        ? 'no'
        : `no (default \`${JSON.stringify(s.default)}\`)`;
    return `| \`${key}\` | ${esc(accepted(s))} | ${required} | ${esc(s.description ?? '')} |`;
  });
}

function leverSection(reg: Registry): string[] {
  const levers = reg.defs.filter((d) => d.lever !== undefined);
  const out = [
    '## Levers',
    '',
    'Levers are registry parameters that a scenario sets under `parameters:` to choose a future (how strong a ' +
      'driver is, whether a reform is on); their defaults are neutral. An ensemble holds them at the ' +
      "scenario's values instead of sampling them. Every other parameter can be set the same way " +
      '(see [model/parameters.md](model/parameters.md)).',
    '',
  ];
  if (levers.length === 0) return [...out, 'No module declares a lever yet.', ''];
  for (const [kind, title] of Object.entries(LEVER_KINDS)) {
    const group = levers.filter((d) => d.lever === kind);
    if (group.length === 0) continue;
    out.push(`### ${title}`, '', '| id | neutral | range | units | what it does |', '|---|---|---|---|---|');
    out.push(
      ...group.map(
        (d: ParamDef) =>
          `| \`${d.id}\` | ${d.default} | ${d.min} to ${d.max} | ${esc(d.units)} | ${esc(d.description)} |`,
      ),
      '',
    );
  }
  return out;
}

function eventSection(specs: readonly EventSpec[], data: WorldData): string[] {
  const out = [
    '## Events',
    '',
    'Each item under `events:` is `{year, type, ...fields}`. The year must be after the base year and no later ' +
      'than `last_year`; events of one year apply in file order. Unknown types, unknown fields, missing fields and ' +
      'unknown country codes are errors that name the line.',
    '',
  ];
  if (specs.length === 0) return [...out, 'No module declares an event type yet.', ''];
  for (const spec of [...specs].sort((a, b) => (a.type < b.type ? -1 : 1))) {
    out.push(
      `### \`${spec.type}\``,
      '',
      spec.description,
      '',
      '| field | accepted values | required | meaning |',
      '|---|---|---|---|',
      ...fieldRows(spec.fields(docValidators(data))),
      '',
    );
  }
  return out;
}

export interface ShippedScenario {
  readonly name: string;
  readonly description: string;
}

export function scenarioReference(
  shipped: readonly ShippedScenario[],
  reg: Registry = registry,
  specs: readonly EventSpec[] = EVENT_SPECS,
  data: WorldData = loadWorldData(),
): string {
  return [
    '# The scenario language',
    '',
    'This file is generated by `npm run docs` from the scenario schema, the parameter registry and the event ' +
      'types the modules declare (src/scenario/reference.ts); do not edit it by hand.',
    '',
    'A scenario is a YAML file. `worldorder run`, `compare`, `ensemble` and `sensitivity` take a shipped ' +
      'scenario by name or a file by path. Unknown keys are errors, so a typo never passes silently.',
    '',
    '```yaml',
    'name: my-scenario',
    'description: What this future assumes, in a sentence or two.',
    'seed: 42',
    'first_year: 2024',
    'last_year: 2100',
    'parameters:',
    '  climate.ecs: 3.0',
    'events: []',
    '```',
    '',
    '## Keys',
    '',
    '| key | accepted values | required | meaning |',
    '|---|---|---|---|',
    ...fieldRows(scenarioSchema.shape),
    '',
    ...leverSection(reg),
    ...eventSection(specs, data),
    '## Shipped scenarios',
    '',
    '| name | description |',
    '|---|---|',
    ...shipped.map((s) => `| \`${s.name}\` | ${esc(s.description.replaceAll('\n', ' '))} |`),
    '',
  ].join('\n');
}

/** The page for the code and the shipped scenarios as they are. */
export function currentReference(): string {
  const data = loadWorldData();
  return scenarioReference(
    shippedScenarios().map((name) => loadScenario(name, data).scenario),
    registry,
    EVENT_SPECS,
    data,
  );
}
