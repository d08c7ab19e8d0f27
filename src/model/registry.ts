/**
 * The parameter registry: the single source of truth for every coefficient in the model.
 * Each module declares its parameters beside its equations; the registry gathers them so that scenarios
 * override them by id, ensembles sample them and the docs are generated from them.
 */
import { UserError } from '../errors.js';
import { nearest } from '../suggest.js';

export type Distribution = 'uniform' | 'triangular' | 'fixed';

/**
 * What kind of scenario lever a parameter is: a driver of the retreat (disinformation, cultural anxiety, bloc
 * decoupling...), one of the essay's four reforms, a labor lever of the balanced model, or another policy choice
 * (e.g. a climate club). The web explorer's groups (src/essay/levers.ts) put them the same way.
 */
export type LeverKind = 'driver' | 'reform' | 'labor' | 'policy';

export interface ParamDef {
  /** `module.name`, e.g. `economy.frontier_growth`. */
  readonly id: string;
  readonly default: number;
  readonly min: number;
  readonly max: number;
  /** How an ensemble samples it between min and max (triangular peaks at the default). */
  readonly distribution: Distribution;
  readonly units: string;
  /** Paper or dataset the default and range come from. */
  readonly source: string;
  /** One line: what it does. */
  readonly description: string;
  /**
   * Set on a scenario lever: a choice a scenario makes rather than an uncertain coefficient, so an ensemble
   * holds it at the scenario's value instead of sampling it, and docs/scenarios.md lists it as a lever.
   * Its default is the lever's neutral value.
   */
  readonly lever?: LeverKind;
}

/**
 * The positional shorthand modules use to declare their parameters: `paramOf('labor')('labor_share', 0.55, ...)`
 * is `labor.labor_share`, sampled triangularly unless `distribution` says otherwise.
 */
export function paramOf(module: string) {
  return (
    id: string,
    def: number,
    min: number,
    max: number,
    units: string,
    source: string,
    description: string,
    distribution: Distribution = 'triangular',
  ): ParamDef => ({
    id: `${module}.${id}`,
    default: def,
    min,
    max,
    distribution,
    units,
    source,
    description,
  });
}

/** Resolved parameter values by id. */
export type Params = Readonly<Record<string, number>>;

/** A parameter value the model cannot take; the CLI shows it as a user error. */
export class ParamError extends UserError {}

export class Registry {
  readonly defs: readonly ParamDef[];
  private readonly byId: ReadonlyMap<string, ParamDef>;

  constructor(defs: readonly ParamDef[]) {
    const byId = new Map<string, ParamDef>();
    for (const d of defs) {
      if (byId.has(d.id)) throw new Error(`parameter ${d.id} is declared twice`);
      if (!(d.min <= d.default && d.default <= d.max)) {
        throw new Error(`parameter ${d.id}: default ${d.default} is outside [${d.min}, ${d.max}]`);
      }
      byId.set(d.id, d);
    }
    this.defs = [...defs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.byId = byId;
  }

  get(id: string): ParamDef | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Problems with one override, or null when it is acceptable. */
  check(id: string, value: unknown): string | null {
    const def = this.byId.get(id);
    if (!def) {
      return `unknown parameter '${id}'; did you mean ${nearest(
        id,
        this.defs.map((d) => d.id),
      ).join(', ')}?`;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return `parameter '${id}' must be a finite number (${def.units}), got ${JSON.stringify(value)}`;
    }
    if (value < def.min || value > def.max) {
      return `parameter '${id}' = ${value} is out of range [${def.min}, ${def.max}] ${def.units}`;
    }
    return null;
  }

  /** Defaults with the overrides applied; throws ParamError on the first bad override. */
  resolve(overrides: Readonly<Record<string, number>> = {}): Params {
    const out: Record<string, number> = {};
    for (const d of this.defs) out[d.id] = d.default;
    for (const [id, value] of Object.entries(overrides)) {
      const problem = this.check(id, value);
      if (problem) throw new ParamError(problem);
      out[id] = value;
    }
    return Object.freeze(out);
  }
}
