/**
 * The explorer's state in the URL's fragment, so that a shared link reopens the same run and view.
 * Run: `s=<shipped scenario>` or `yaml=<base64url of a loaded scenario file>`, `set=<id>:<value>,...` for
 * every lever moved from the scenario, `seed=<n>`. View: `tab`, `var`, `mode`, `year`, `c` (a country),
 * `cmpa` and `cmp` (the two scenarios compared; `_run` is this run), `page` (a model documentation page). A link that cannot be read says why and opens the baseline.
 */
import { UserError } from '../../../src/errors.js';
import type { Registry } from '../../../src/model/registry.js';
import type { WorldData } from '../../../src/model/world-data.js';
import { parseScenario } from '../../../src/scenario/parse.js';
import type { RunState } from './run-state.js';

export interface ViewState {
  readonly tab: string;
  readonly mapVar?: string;
  readonly mapMode?: 'level' | 'change';
  readonly year?: number;
  readonly country?: string;
  readonly compare?: string;
  /** The first scenario of the comparison, when it is not this run. */
  readonly compareFirst?: string;
  /** The model documentation page shown (docs/model/<page>.md). */
  readonly page?: string;
}

export interface Shipped {
  /** Shipped scenario texts by name. */
  readonly scenarios: Readonly<Record<string, string>>;
  readonly data: WorldData;
  readonly registry: Registry;
}

export const BASELINE = 'baseline';

/** The run of a shipped scenario with no lever moved. */
export function shippedRun(name: string, ctx: Shipped): RunState {
  const text = ctx.scenarios[name];
  if (text === undefined) {
    throw new UserError(
      `unknown scenario '${name}'; shipped scenarios: ${Object.keys(ctx.scenarios).join(', ')}`,
    );
  }
  return {
    source: { name },
    scenario: parseScenario(text, `${name}.yaml`, ctx.data, ctx.registry),
    overrides: {},
  };
}

/** A loaded scenario file's run; throws a UserError naming the file and line when it is malformed. */
export function fileRun(fileName: string, text: string, ctx: Shipped): RunState {
  return {
    source: { name: fileName, text },
    scenario: parseScenario(text, fileName, ctx.data, ctx.registry),
    overrides: {},
  };
}

export function encodeState(run: RunState, view: ViewState): string {
  const q = new URLSearchParams();
  if (run.source.text === undefined) q.set('s', run.source.name);
  else {
    q.set('file', run.source.name);
    q.set('yaml', toBase64Url(run.source.text));
  }
  const sets = Object.entries(run.overrides).map(([id, v]) => `${id}:${v}`);
  if (sets.length) q.set('set', sets.join(','));
  if (run.seed !== undefined) q.set('seed', String(run.seed));
  q.set('tab', view.tab);
  if (view.mapVar) q.set('var', view.mapVar);
  if (view.mapMode && view.mapMode !== 'level') q.set('mode', view.mapMode);
  if (view.year !== undefined) q.set('year', String(view.year));
  if (view.country) q.set('c', view.country);
  if (view.compare) q.set('cmp', view.compare);
  if (view.compareFirst) q.set('cmpa', view.compareFirst);
  if (view.page) q.set('page', view.page);
  return `#${q.toString()}`;
}

export interface Decoded {
  readonly run: RunState;
  readonly view: ViewState;
  /** Set when the link could not be read: what is wrong. The run is then the baseline. */
  readonly error?: string;
}

export function decodeState(hash: string, ctx: Shipped, defaultTab: string): Decoded {
  const q = new URLSearchParams(hash.replace(/^#/, ''));
  try {
    return { run: decodeRun(q, ctx), view: decodeView(q, ctx, defaultTab) };
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    return {
      run: shippedRun(BASELINE, ctx),
      view: { tab: defaultTab },
      error: `This link could not be opened: ${err.message}. Showing the baseline instead.`,
    };
  }
}

function decodeRun(q: URLSearchParams, ctx: Shipped): RunState {
  const yaml = q.get('yaml');
  let run: RunState;
  if (yaml !== null) {
    const name = q.get('file') || 'scenario.yaml';
    const text = fromBase64Url(yaml);
    if (text === undefined) throw new UserError('the scenario in it is not valid base64url text', 'yaml=');
    run = fileRun(name, text, ctx);
  } else {
    run = shippedRun(q.get('s') ?? BASELINE, ctx);
  }
  const overrides: Record<string, number> = {};
  for (const item of (q.get('set') ?? '').split(',').filter(Boolean)) {
    const m = /^([^:]+):(.+)$/.exec(item);
    if (!m) throw new UserError(`expected id:value, got '${item}'`, 'set=');
    const value = Number(m[2]);
    const problem = ctx.registry.check(m[1], m[2].trim() === '' || Number.isNaN(value) ? m[2] : value);
    if (problem) throw new UserError(problem, 'set=');
    overrides[m[1]] = value;
  }
  const seedText = q.get('seed');
  let seed: number | undefined;
  if (seedText !== null) {
    seed = Number(seedText);
    if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31 - 1) {
      throw new UserError(
        `the seed must be a whole number from 0 to ${2 ** 31 - 1}, got '${seedText}'`,
        'seed=',
      );
    }
  }
  return { ...run, overrides, seed };
}

function decodeView(q: URLSearchParams, ctx: Shipped, defaultTab: string): ViewState {
  const yearText = q.get('year');
  const year = yearText === null ? undefined : Number(yearText);
  if (year !== undefined && !Number.isInteger(year)) {
    throw new UserError(`the year must be a whole year, got '${yearText}'`, 'year=');
  }
  const country = q.get('c') ?? undefined;
  if (country !== undefined && !ctx.data.countries.iso3.includes(country)) {
    throw new UserError(`unknown country code '${country}'`, 'c=');
  }
  const compare = q.get('cmp') ?? undefined;
  const compareFirst = q.get('cmpa') ?? undefined;
  for (const [key, name] of [
    ['cmp', compare],
    ['cmpa', compareFirst],
  ] as const) {
    if (name !== undefined && name !== '_run' && ctx.scenarios[name] === undefined) {
      throw new UserError(`unknown scenario '${name}' to compare`, `${key}=`);
    }
  }
  const mode = q.get('mode');
  return {
    tab: q.get('tab') ?? defaultTab,
    mapVar: q.get('var') ?? undefined,
    mapMode: mode === 'change' ? 'change' : 'level',
    year,
    country,
    compare,
    compareFirst,
    page: q.get('page') ?? undefined,
  };
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): string | undefined {
  try {
    const binary = atob(s.replaceAll('-', '+').replaceAll('_', '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
