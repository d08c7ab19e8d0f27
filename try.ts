import { loadWorldData } from './src/data/load.js';
import { registry, simulate } from './src/model/engine.js';
import { MODULES } from './src/model/modules/index.js';
const d = loadWorldData();
const o = { params: registry.resolve(), seed: 1, firstYear: 2024, lastYear: 2100 };
const times: Record<string, number> = {};
for (const m of MODULES as any[]) {
  for (const f of ['init', 'step']) {
    const orig = m[f];
    m[f] = (...a: any[]) => { const t0 = performance.now(); const r = orig.apply(m, a); times[m.name + '.' + f] = (times[m.name + '.' + f] ?? 0) + performance.now() - t0; return r; };
  }
}
for (let k = 0; k < 10; k++) simulate(d, o);
for (const k in times) times[k] = 0;
const t0 = performance.now();
for (let k = 0; k < 20; k++) simulate(d, o);
console.log((performance.now() - t0) / 20, 'ms total');
for (const k in times) console.log(k, (times[k] / 20).toFixed(3));
