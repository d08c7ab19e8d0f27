import fc from 'fast-check';
import { loadWorldData } from '../src/data/load.js';
import { registry, simulate } from '../src/model/engine.js';
const data = loadWorldData();
const free = registry.defs.filter((d) => d.distribution !== 'fixed');
let done = false;
fc.check(fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {minLength: free.length, maxLength: free.length}), (us) => {
  if (done) return true;
  const o = Object.fromEntries(free.map((d, k) => [d.id, Math.min(d.max, d.min + us[k] * (d.max - d.min))]));
  fc.pre(o['climate.tcr'] < o['climate.ecs']);
  const r = simulate(data, { params: registry.resolve(o), seed: 7, firstYear: data.baseYear, lastYear: 2100 });
  const bad = Object.entries(r.global).filter(([, s]) => !s.every(Number.isFinite)).map(([k])=>k);
  if (bad.length) {
    done = true;
    console.log('global bad', bad);
    for (const [k, s] of Object.entries(r.country)) { const i = s.findIndex((x) => !Number.isFinite(x)); if (i >= 0) console.log('country', k, i, s[i]); }
    console.log(JSON.stringify(Object.fromEntries(Object.entries(o).filter(([k])=>!k.startsWith('security')))));
    return false;
  }
  return true;
}), { seed: 1624932238, numRuns: 60, endOnFailure: true });
