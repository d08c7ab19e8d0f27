import fc from 'fast-check';
import { loadWorldData } from '/work/main/src/data/load.js';
import { registry, simulate } from '/work/main/src/model/engine.js';
const data = loadWorldData();
const free = registry.defs.filter((d) => d.distribution !== 'fixed');
fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {minLength: free.length, maxLength: free.length}), (us) => {
  const o = Object.fromEntries(free.map((d, k) => [d.id, Math.min(d.max, d.min + us[k] * (d.max - d.min))]));
  fc.pre(o['climate.tcr'] < o['climate.ecs']);
  const t0 = performance.now();
  const r = simulate(data, { params: registry.resolve(o), seed: 7, firstYear: data.baseYear, lastYear: 2100 });
  const dt = performance.now() - t0;
  if (dt > 100) console.log('slow', dt.toFixed(0), 'ms');
  for (const [k, series] of Object.entries(r.global)) if (!series.every(Number.isFinite)) { console.log('nonfinite', k, series.findIndex((x)=>!Number.isFinite(x)), JSON.stringify(Object.fromEntries(Object.entries(o).filter(([k])=>k.startsWith('security')||k.startsWith('values'))))); return false; }
  return true;
}), { seed: 1624932238, numRuns: 60 });
