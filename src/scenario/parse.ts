/**
 * Parses scenario text into a validated Scenario, or throws a UserError naming the file and line.
 * Pure (no file system), so the CLI and the web explorer read scenarios with the same rules.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { UserError } from '../errors.js';
import { EVENT_SPECS, registry as engineRegistry } from '../model/engine.js';
import type { EventSpec, ScenarioEvent } from '../model/module.js';
import type { Registry } from '../model/registry.js';
import type { WorldData } from '../model/world-data.js';
import { checkEvents } from './events.js';
import { type Scenario, scenarioSchema } from './schema.js';

/** A scenario whose parameters and events have been checked against the registry and the data. */
export type CheckedScenario = Omit<Scenario, 'events'> & { readonly events: readonly ScenarioEvent[] };

/** Parses and validates scenario text against the registry, the modules' event types and the data. */
export function parseScenario(
  text: string,
  file: string,
  data: WorldData,
  registry: Registry = engineRegistry,
  eventSpecs: readonly EventSpec[] = EVENT_SPECS,
): CheckedScenario {
  const baseYear = data.baseYear;
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = yamlError.linePos?.[0].line;
    throw new UserError(
      `malformed YAML: ${yamlError.message.split(' at line')[0]}`,
      line ? `${file}:${line}` : file,
    );
  }
  const at = (path: readonly PropertyKey[], key?: string) => `${file}:${lineOf(doc, lines, path, key)}`;

  const raw: unknown = doc.toJS() ?? {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new UserError('a scenario must be a YAML mapping of keys to values', `${file}:1`);
  }
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(describeIssue(issue, raw), at(issue.path, unknownKey(issue)));
  }
  if (parsed.data.first_year < baseYear) {
    throw new UserError(
      `first_year ${parsed.data.first_year} is before the base year of the data, ${baseYear}`,
      at(['first_year']),
    );
  }
  for (const [id, value] of Object.entries(parsed.data.parameters)) {
    const problem = registry.check(id, value);
    if (problem) throw new UserError(problem, at(['parameters', id]));
  }
  const checked = checkEvents(parsed.data.events, eventSpecs, data, parsed.data.last_year);
  if ('problem' in checked) throw new UserError(checked.problem.message, at(checked.problem.path));
  return { ...parsed.data, events: checked.events };
}

function unknownKey(issue: z.core.$ZodIssue): string | undefined {
  return issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
}

function describeIssue(issue: z.core.$ZodIssue, raw: object): string {
  const field = issue.path.join('.');
  if (issue.path.length === 1 && !(String(issue.path[0]) in raw)) return `missing required key '${field}'`;
  if (issue.code === 'unrecognized_keys') {
    const allowed = Object.keys(scenarioSchema.shape).join(', ');
    return `unknown key '${issue.keys[0]}'${field ? ` in ${field}` : ''}; allowed keys: ${allowed}`;
  }
  return `${field || 'scenario'}: ${issue.message}`;
}

/** The 1-based line of the node at `path` (or of the key `key` inside it); line 1 if it cannot be found. */
function lineOf(
  doc: ReturnType<typeof parseDocument>,
  lines: LineCounter,
  path: readonly PropertyKey[],
  key?: string,
): number {
  // Walk down as far as the path exists: a missing field is reported at its parent.
  let node: unknown = doc.contents;
  for (const [k, step] of path.entries()) {
    if (isSeq(node) && typeof step === 'number' && node.items[step]) {
      node = node.items[step];
      continue;
    }
    if (!isMap(node)) break;
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
    if (!pair) break;
    node = pair.value ?? pair.key;
    if (k === path.length - 1 && key === undefined && isScalar(pair.key)) node = pair.key;
  }
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    if (pair && isScalar(pair.key)) node = pair.key;
  }
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? lines.linePos(range[0]).line : 1;
}
