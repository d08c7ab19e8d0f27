import { loadWorldData } from './src/data/load.js';
import { registry, simulate } from './src/model/engine.js';
import { MODULES } from './src/model/modules/index.js';
const data = loadWorldData();
const params = registry.resolve();
const acc: Record<string, number> = {};
for (const m of MODULES as any[]) {
  const step = m.step;
  m.step = (...a: any[]) => { const t = performance.now(); step.apply(m, a); acc[m.name] = (acc[m.name] ?? 0) + performance.now() - t; };
}
for (let k = 0; k < 10; k++) simulate(data, { params, seed: 1, firstYear: 2024, lastYear: 2100 });
for (const k of Object.keys(acc)) acc[k] = 0;
const t0 = performance.now();
const N = 60;
for (let k = 0; k < N; k++) simulate(data, { params, seed: 1, firstYear: 2024, lastYear: 2100 });
console.log('total', ((performance.now() - t0) / N).toFixed(2));
for (const [k, v] of Object.entries(acc)) console.log(k, (v / N).toFixed(3));
