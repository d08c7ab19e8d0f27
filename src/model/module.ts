/**
 * The one shape every mechanism has. A module declares its parameters (gathered into the registry), the
 * state variables it owns, the scenario events it acts on and any extra output tables; `init` sets its
 * variables for the base year, `step` advances them one year. Modules run in the fixed order of `MODULES`
 * (src/model/modules/index.ts) and talk only through the state.
 */
import type { z } from 'zod';
import type { ParamDef, Params } from './registry.js';
import type { Rng } from './rng.js';
import type { VarDef, WorldState } from './state.js';
import type { WorldData } from './world-data.js';

/** A timed scenario event, `{year, type, ...fields}`, already validated against its module's spec. */
export interface ScenarioEvent {
  readonly year: number;
  readonly type: string;
  readonly [field: string]: unknown;
}

/** Validators that know the dataset, for event fields. */
export interface EventValidators {
  /** An ISO3 code of a state in the data (an unknown code is refused with the nearest ones). */
  readonly country: z.ZodType<string>;
  /** The same, or `*` for every state. */
  readonly countryOrAll: z.ZodType<string>;
  /** The dataset, for fields checked against it (e.g. an institution id). */
  readonly data: WorldData;
}

export interface EventSpec {
  /** The `type:` that selects it in a scenario file, e.g. `tariff`. */
  readonly type: string;
  /** One line for the scenario reference. */
  readonly description: string;
  /** The fields beyond `year` and `type`. */
  fields(v: EventValidators): z.ZodRawShape;
}

/** An extra output file, DIR/<name>.csv, that a module fills row by row. */
export interface TableDef {
  readonly name: string;
  /** Column names, with units in the name where there are units. */
  readonly columns: readonly string[];
  readonly description: string;
}

/** How opinion is modelled: aggregate equations (the default) or a population of citizens per country. */
export type OpinionMode =
  | { readonly mode: 'aggregate' }
  | { readonly mode: 'agents'; readonly agentsPerCountry: number };

export interface Context {
  readonly data: WorldData;
  readonly params: Params;
  /** This module's own random stream: seeded from the run's seed and the module's name (rng.ts). */
  readonly rng: Rng;
  /** The run's opinion mode; absent means aggregate. */
  readonly opinion?: OpinionMode;
  /** The scenario's events in a given year, in file order (every type: a module picks its own). */
  eventsIn(year: number): readonly ScenarioEvent[];
  /** Adds a line to the run's event log, DIR/events.csv: what happened, to whom, and why. */
  log(year: number, iso3: string, action: string, detail: string): void;
  /** Adds a row to a table a module declared. */
  row(table: string, values: readonly (string | number)[]): void;
}

export interface Module {
  readonly name: string;
  /** What the module stands for in the essay, and where its equations come from. */
  readonly summary: string;
  readonly params: readonly ParamDef[];
  readonly countryVars?: readonly VarDef[];
  readonly dyadVars?: readonly VarDef[];
  readonly globalVars?: readonly VarDef[];
  readonly events?: readonly EventSpec[];
  readonly tables?: readonly TableDef[];
  init(state: WorldState, ctx: Context): void;
  step(state: WorldState, year: number, ctx: Context): void;
}
