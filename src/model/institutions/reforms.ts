/**
 * The reforms in effect this year, as the reforms module publishes them (global variables, 0 to 1); all off when
 * that module is not in the run.
 */
import type { WorldState } from '../state.js';
import type { Reforms } from './equations.js';

export const REFORM_VARS = {
  rebalancing: 'reform_rebalancing',
  localVoices: 'reform_local_voices',
  civicEducation: 'reform_civic_education',
  multilateralism: 'reform_multilateralism',
} as const satisfies Record<keyof Reforms, string>;

export function readReforms(state: WorldState): Reforms {
  const g = state.global;
  return {
    rebalancing: g[REFORM_VARS.rebalancing] ?? 0,
    localVoices: g[REFORM_VARS.localVoices] ?? 0,
    civicEducation: g[REFORM_VARS.civicEducation] ?? 0,
    multilateralism: g[REFORM_VARS.multilateralism] ?? 0,
  };
}
