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
  /**
   * A country variable that is a fraction of GDP lost relative to base-year conditions (negative: a gain).
   * The economy nets every loss channel out of potential GDP; see src/model/modules/economy.ts.
   */
  readonly lossChannel?: boolean;
}

export interface WorldState {
  /** Number of countries. */
  readonly n: number;
  year: number;
  readonly country: Record<string, Float64Array>;
  readonly dyad: Record<string, Float64Array>;
  readonly global: Record<string, number>;
  /** Names of the country variables flagged `lossChannel`, in module order. */
  readonly lossChannels: readonly string[];
  /** Each module's private state that is not a per-country or global number (e.g. FaIR's carbon boxes). */
  readonly internal: Record<string, unknown>;
}

export interface StateLayout {
  readonly country: readonly VarDef[];
  readonly dyad: readonly VarDef[];
  readonly global: readonly VarDef[];
}

export function allocateState(n: number, year: number, layout: StateLayout): WorldState {
  // Built with Object.fromEntries: adding dozens of properties one by one under computed names leaves V8
  // objects in slow dictionary mode, and every module looks its variables up by name every year.
  const country: Record<string, Float64Array> = Object.fromEntries(
    layout.country.map((v) => [v.name, new Float64Array(n)]),
  );
  const dyad: Record<string, Float64Array> = Object.fromEntries(
    layout.dyad.map((v) => [v.name, new Float64Array(n * n)]),
  );
  const global: Record<string, number> = Object.fromEntries(layout.global.map((v) => [v.name, 0]));
  const lossChannels = layout.country.filter((v) => v.lossChannel).map((v) => v.name);
  return { n, year, country, dyad, global, lossChannels, internal: {} };
}
