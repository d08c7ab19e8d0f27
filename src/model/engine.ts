/**
 * The engine: allocates the world state, runs the modules in order from the base year to the last year,
 * and collects each year's outputs (model, mechanisms and data collection kept apart, as in Mesa).
 * Pure: no I/O, no clock, randomness only from the seeded generator.
 */
import type { Context, EventSpec, Module, OpinionMode, ScenarioEvent, TableDef } from './module.js';
import { MODULES } from './modules/index.js';
import { type Params, Registry } from './registry.js';
import { moduleRng } from './rng.js';
import { allocateState, type StateLayout, type VarDef } from './state.js';
import type { WorldData } from './world-data.js';

/** Every parameter of every module. */
export const registry = new Registry(MODULES.flatMap((m) => m.params));

function layoutOf(modules: readonly Module[]): StateLayout {
  return {
    country: modules.flatMap((m) => m.countryVars ?? []),
    dyad: modules.flatMap((m) => m.dyadVars ?? []),
    global: modules.flatMap((m) => m.globalVars ?? []),
  };
}

const LAYOUT = layoutOf(MODULES);

/** The run's event log: every action a module takes, with its reason. */
export const EVENT_LOG: TableDef = {
  name: 'events',
  columns: ['year', 'iso3', 'action', 'detail'],
  description: 'What happened, to whom, and why',
};
/** Every output table: the event log, then the modules' own. */
export const TABLES: readonly TableDef[] = [EVENT_LOG, ...MODULES.flatMap((m) => m.tables ?? [])];
/** Every scenario event type the modules act on. */
export const EVENT_SPECS: readonly EventSpec[] = MODULES.flatMap((m) => m.events ?? []);
/** Output columns, in module order. */
export const GLOBAL_OUTPUTS: readonly VarDef[] = LAYOUT.global.filter((v) => v.output);
export const COUNTRY_OUTPUTS: readonly VarDef[] = LAYOUT.country.filter((v) => v.output);

export interface RunOptions {
  readonly params: Params;
  readonly seed: number;
  /** First year written to the results (at least the base year). */
  readonly firstYear: number;
  readonly lastYear: number;
  /** Timed scenario events, validated (src/scenario/load.ts). */
  readonly events?: readonly ScenarioEvent[];
  /**
   * The modules to run, in order (default MODULES). For experiments such as running a mechanism against a
   * stand-in for a module that is not built yet; `params` must then cover their parameters.
   */
  readonly modules?: readonly Module[];
  /** Aggregate opinion equations (the default) or citizens on a network (`--opinion agents`). */
  readonly opinion?: OpinionMode;
  /** Record the country series (default true); ensembles keep only the global ones. */
  readonly countrySeries?: boolean;
}

export interface Table {
  readonly columns: readonly string[];
  readonly rows: (string | number)[][];
}

export interface RunResult {
  readonly iso3: readonly string[];
  /** Recorded years, firstYear..lastYear. */
  readonly years: readonly number[];
  /** Global series by output name, one value a year. */
  readonly global: Readonly<Record<string, Float64Array>>;
  /** Country series by output name, year-major: [yearIndex * n + countryIndex]. */
  readonly country: Readonly<Record<string, Float64Array>>;
  /** The event log and the modules' tables, by name (rows from firstYear on). */
  readonly tables: Readonly<Record<string, Table>>;
}

export function simulate(data: WorldData, options: RunOptions): RunResult {
  const { firstYear, lastYear } = options;
  if (!(data.baseYear <= firstYear && firstYear <= lastYear)) {
    throw new RangeError(`years must satisfy ${data.baseYear} <= first (${firstYear}) <= last (${lastYear})`);
  }
  const n = data.countries.iso3.length;
  const modules = options.modules ?? MODULES;
  const layout = options.modules ? layoutOf(modules) : LAYOUT;
  const globalOutputs = options.modules ? layout.global.filter((v) => v.output) : GLOBAL_OUTPUTS;
  const countryOutputs = options.modules ? layout.country.filter((v) => v.output) : COUNTRY_OUTPUTS;
  const state = allocateState(n, data.baseYear, layout);
  const tables: Record<string, Table> = {};
  for (const t of [EVENT_LOG, ...modules.flatMap((m) => m.tables ?? [])]) {
    tables[t.name] = { columns: t.columns, rows: [] };
  }
  const byYear = new Map<number, ScenarioEvent[]>();
  for (const e of options.events ?? []) byYear.set(e.year, [...(byYear.get(e.year) ?? []), e]);
  const row = (table: string, values: readonly (string | number)[]) => {
    const t = tables[table];
    if (!t) throw new Error(`no output table '${table}' is declared`);
    if (values.length !== t.columns.length)
      throw new Error(`table '${table}' has ${t.columns.length} columns`);
    if (state.year >= firstYear) t.rows.push([...values]);
  };
  const shared: Omit<Context, 'rng'> = {
    data,
    params: options.params,
    opinion: options.opinion ?? { mode: 'aggregate' },
    eventsIn: (year) => byYear.get(year) ?? [],
    log: (year, iso3, action, detail) => row(EVENT_LOG.name, [year, iso3, action, detail]),
    row,
  };
  const nYears = lastYear - firstYear + 1;
  // Output columns in parallel arrays: record() runs every year and should not look the columns up by name.
  // Ensembles skip the country series (countrySeries: false): they keep only the global ones.
  const globalNames = globalOutputs.map((v) => v.name);
  const countryNames = options.countrySeries === false ? [] : countryOutputs.map((v) => v.name);
  const globalCols = globalNames.map(() => new Float64Array(nYears));
  const countryCols = countryNames.map(() => new Float64Array(nYears * n));
  const global = Object.fromEntries(globalNames.map((name, q) => [name, globalCols[q]]));
  const country = Object.fromEntries(countryNames.map((name, q) => [name, countryCols[q]]));

  const record = () => {
    const k = state.year - firstYear;
    if (k < 0) return;
    for (let q = 0; q < globalNames.length; q++) globalCols[q][k] = state.global[globalNames[q]];
    for (let q = 0; q < countryNames.length; q++) countryCols[q].set(state.country[countryNames[q]], k * n);
  };

  // Each module draws from its own stream (rng.ts, moduleRng).
  const contexts: Context[] = modules.map((m) => ({ ...shared, rng: moduleRng(options.seed, m.name) }));
  for (let k = 0; k < modules.length; k++) modules[k].init(state, contexts[k]);
  record();
  for (let year = data.baseYear + 1; year <= lastYear; year++) {
    state.year = year;
    for (let k = 0; k < modules.length; k++) modules[k].step(state, year, contexts[k]);
    record();
  }
  const years = Array.from({ length: nYears }, (_, k) => firstYear + k);
  return { iso3: data.countries.iso3, years, global, country, tables };
}
