/**
 * The one shape every mechanism has. A module declares its parameters (gathered into the registry) and
 * the state variables it owns; `init` sets them for the base year, `step` advances them one year.
 * Modules run in the fixed order of `MODULES` (src/model/modules/index.ts) and talk only through the state.
 */
import type { ParamDef, Params } from './registry.js';
import type { Rng } from './rng.js';
import type { VarDef, WorldState } from './state.js';
import type { WorldData } from './world-data.js';

export interface Context {
  readonly data: WorldData;
  readonly params: Params;
  readonly rng: Rng;
}

export interface Module {
  readonly name: string;
  /** What the module stands for in the essay, and where its equations come from. */
  readonly summary: string;
  readonly params: readonly ParamDef[];
  readonly countryVars?: readonly VarDef[];
  readonly dyadVars?: readonly VarDef[];
  readonly globalVars?: readonly VarDef[];
  init(state: WorldState, ctx: Context): void;
  step(state: WorldState, year: number, ctx: Context): void;
}
