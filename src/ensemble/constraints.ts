/**
 * Orderings between parameters that the model needs and that independent draws could break. An ensemble
 * or a sensitivity analysis keeps every draw valid by one rule (src/ensemble/plan.ts): the lower parameter
 * is drawn from its distribution truncated below the upper one's value (or, when only the upper one is
 * sampled, the upper one truncated above the lower one's value); a draw on the bound itself, which only
 * Morris's grid reaches, steps just inside it. No run is dropped or redrawn, and the
 * draw stays a function of the same point of the unit hypercube, so Latin-hypercube strata and Sobol'
 * designs keep their structure.
 */
export interface OrderConstraint {
  /** Must stay strictly below `upper`. */
  readonly lower: string;
  readonly upper: string;
  /** Why the model needs it, and where it is enforced. */
  readonly why: string;
}

export const ORDER_CONSTRAINTS: readonly OrderConstraint[] = [
  {
    lower: 'climate.tcr',
    upper: 'climate.ecs',
    why: 'FaIR needs the transient climate response below the equilibrium sensitivity (fairParams, src/model/modules/climate.ts)',
  },
];
