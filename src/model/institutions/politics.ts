/**
 * What the institutions, crises and cooperation modules read from politics, with the neutral values they use
 * when the politics module is not in the run. Government stance (owner: politics): 0 internationalist,
 * 1 mixed, 2 nationalist-populist. Without politics every government counts as mixed, the neutral stance
 * under which no state leaves or joins an institution on political grounds and nobody withholds dues, so the
 * base-year memberships hold unless a scenario event moves them.
 */
import type { WorldState } from '../state.js';

export const INTERNATIONALIST = 0;
export const NATIONALIST = 2;
export const NEUTRAL_STANCE = 1;

/** Each government's stance, or undefined when politics is absent (then every stance is NEUTRAL_STANCE). */
export function stances(state: WorldState): Float64Array | undefined {
  return state.country.government_stance;
}

export function stanceOf(s: Float64Array | undefined, i: number): number {
  return s ? s[i] : NEUTRAL_STANCE;
}

/** How internationalist a government is, 1 (internationalist) to 0 (nationalist-populist). */
export function internationalism(stance: number): number {
  return 1 - stance / NATIONALIST;
}
