import { loadWorldData } from '../src/data/load.js';
import { registry, simulate } from '../src/model/engine.js';
import { MODULES } from '../src/model/modules/index.js';
const data = loadWorldData(); const params = registry.resolve();
const opts = { params, seed: 1, firstYear: data.baseYear, lastYear: 2100 };
const times: Record<string, number> = {};
for (const m of MODULES) { const step = m.step.bind(m); const init = m.init.bind(m); (m as any).step = (s: any, y: any, c: any) => { const t = performance.now(); step(s, y, c); times[m.name] = (times[m.name] ?? 0) + performance.now() - t; }; (m as any).init = (s: any, c: any) => { const t = performance.now(); init(s, c); times[m.name + '.init'] = (times[m.name + '.init'] ?? 0) + performance.now() - t; }; }
for (let r = 0; r < 5; r++) simulate(data, opts);
for (const k in times) times[k] = 0;
const R = 10; const t0 = performance.now();
for (let r = 0; r < R; r++) simulate(data, opts);
const total = (performance.now() - t0) / R;
console.log('total ms', total.toFixed(2));
for (const [k, v] of Object.entries(times)) console.log(k.padEnd(20), (v / R).toFixed(3));
