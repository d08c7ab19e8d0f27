/**
 * Lookup structures that depend only on the shipped data, built once per dataset and shared by every run
 * (a run never changes them): neighbour lists, the contiguity flag per pair, the hotspots' pairs.
 */
import type { WorldData } from '../world-data.js';
import { CONTIGUOUS, LAND, neighbours } from './neighbours.js';
import { pairIndex } from './pairs.js';

export interface StaticTables {
  /** States sharing a land border. */
  readonly landNeighbours: readonly Int32Array[];
  /** States contiguous in the model's sense (land or at most 150 miles of water). */
  readonly nearNeighbours: readonly Int32Array[];
  /** Per pair: 1 if contiguous in the model's sense. */
  readonly contiguous: Uint8Array;
  /** Per hotspot (in data order), its pairs. */
  readonly hotspotPairs: readonly Int32Array[];
}

const cache = new WeakMap<WorldData, StaticTables>();

export function staticTables(data: WorldData): StaticTables {
  const known = cache.get(data);
  if (known) return known;
  const sd = data.security;
  const n = data.countries.iso3.length;
  const iso = new Map(data.countries.iso3.map((code, i) => [code, i]));
  const tables: StaticTables = {
    landNeighbours: neighbours(n, sd.pairs.contiguity, LAND),
    nearNeighbours: neighbours(n, sd.pairs.contiguity, CONTIGUOUS),
    contiguous: Uint8Array.from(sd.pairs.contiguity, (t) => (CONTIGUOUS.includes(t) ? 1 : 0)),
    hotspotPairs: sd.hotspots.map((h) => {
      const members = h.members.map((code) => iso.get(code)!);
      const ks: number[] = [];
      for (const a of members) for (const b of members) if (a < b) ks.push(pairIndex(n, a, b));
      return Int32Array.from(ks);
    }),
  };
  cache.set(data, tables);
  return tables;
}
