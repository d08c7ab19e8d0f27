/**
 * World state as struct-of-arrays: one Float64Array per country variable, one N x N Float64Array
 * (row-major, [i * n + j]) per dyad variable, and named global scalars. Fast, copyable, serialisable.
 * Variable names carry their units (`gdp_billion_usd2015`), so an output column is the variable itself.
 */

export interface VarDef {
  readonly name: string;
  readonly units: string;
  readonly description: string;
  /** Written to the run's output files (countries.csv or global.csv). */
  readonly output?: boolean;
}

export interface WorldState {
  /** Number of countries. */
  readonly n: number;
  year: number;
  readonly country: Record<string, Float64Array>;
  readonly dyad: Record<string, Float64Array>;
  readonly global: Record<string, number>;
  /** Each module's private state that is not a per-country or global number (e.g. FaIR's carbon boxes). */
  readonly internal: Record<string, unknown>;
}

export interface StateLayout {
  readonly country: readonly VarDef[];
  readonly dyad: readonly VarDef[];
  readonly global: readonly VarDef[];
}

export function allocateState(n: number, year: number, layout: StateLayout): WorldState {
  const country: Record<string, Float64Array> = {};
  const dyad: Record<string, Float64Array> = {};
  const global: Record<string, number> = {};
  for (const v of layout.country) country[v.name] = new Float64Array(n);
  for (const v of layout.dyad) dyad[v.name] = new Float64Array(n * n);
  for (const v of layout.global) global[v.name] = 0;
  return { n, year, country, dyad, global, internal: {} };
}
