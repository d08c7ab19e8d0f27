/**
 * Random draws for the politics module's yearly decisions (election swings, regime hazards, withdrawals),
 * addressed by (year, country, slot) instead of taken from a sequence: each is a hash of a key taken from the
 * run's seeded generator and of its address. The same seed gives the same draws; a draw never depends on
 * how many were taken before it, so one country's calendar or one scenario's events never shift another
 * country's luck (scenarios compare on common random numbers); and only the draws a decision needs are made.
 * The hash is MurmurHash3's 32-bit finaliser (Appleby 2011) applied in a chain, uniform to 32 bits.
 */
import type { Rng } from '../rng.js';

/** Draw slots: what a draw decides. */
export const SLOT = { swing1: 1, swing2: 2, hazard: 3 } as const;

export interface Draws {
  /** A uniform number in [0, 1) for a year, a country index and a slot. */
  uniform(year: number, country: number, slot: number): number;
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function drawsFrom(rng: Rng): Draws {
  const key = Math.floor(rng.uniform() * 4294967296) >>> 0;
  return {
    uniform: (year, country, slot) =>
      fmix32(fmix32(fmix32(key ^ year) ^ (country + 0x9e3779b9)) ^ Math.imul(slot, 0x27d4eb2f)) / 4294967296,
  };
}
