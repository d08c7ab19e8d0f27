import { loadWorldData } from '../src/data/load.js';
import { registry } from '../src/model/engine.js';
import type { Context } from '../src/model/module.js';
import { MODULES } from '../src/model/modules/index.js';
import { createRng } from '../src/model/rng.js';
import { allocateState } from '../src/model/state.js';
const data = loadWorldData(); const params = registry.resolve();
const state = allocateState(data.countries.iso3.length, data.baseYear, { country: MODULES.flatMap((m) => m.countryVars ?? []), dyad: MODULES.flatMap((m) => m.dyadVars ?? []), global: MODULES.flatMap((m) => m.globalVars ?? []) });
const ctx: Context = { data, params, rng: createRng(1), eventsIn: () => [], log: () => {}, row: () => {} };
for (const m of MODULES) m.init(state, ctx);
const s: any = state.internal.security;
const h: Float64Array = s.dyads.hazard; const n = state.n;
const cont: Uint8Array = s.tables.contiguous; const major = data.security.countries.majorPower;
const hot = new Uint8Array(h.length); for (const a of s.tables.hotspotPairs) for (const k of a) hot[k] = 1;
let k = 0; const cats: Record<string, [number, number]> = {};
const thr = [1e-2, 1e-3, 3e-4, 1e-4, 1e-5]; const above = thr.map(() => [0, 0]);
let tot = 0;
for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++, k++) {
  const rel = cont[k] || major[i] || major[j] ? 'relevant' : hot[k] ? 'hotspot-only' : 'far';
  cats[rel] ??= [0, 0]; cats[rel][0]++; cats[rel][1] += h[k]; tot += h[k];
  thr.forEach((t, r) => { if (h[k] >= t) { above[r][0]++; above[r][1] += h[k]; } });
}
console.log('total expected', tot.toFixed(2), 'pairs', h.length, cats);
thr.forEach((t, r) => console.log('p>=', t, 'pairs', above[r][0], 'expected', above[r][1].toFixed(2)));
