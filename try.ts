import { baselineFromFlows } from './src/model/trade/baseline.js';
import { TradeSolver, purgeDeficits } from './src/model/trade/solver.js';
const I = Number.POSITIVE_INFINITY;
const ce = {"m":3,"flows":[0.01,0.01,0.01,0.01,0.01,0.01,0.01,0.01,0.01],"tariffs":[0,153195.99965181877,I,500,500,0,20164.15918772473,I,0],"eps":3.0000000000000058};
const base = purgeDeficits(baselineFromFlows(3, ce.flows), ce.eps);
const s = new TradeSolver(base, ce.eps) as any;
const orig = s.evaluate.bind(s);
let calls = 0;
s.evaluate = (x: any, a: any, b: any) => { const r = orig(x, a, b); if (++calls % 10 === 0 || calls > 150) console.log(calls, r, Array.from(x)); return r; };
try { s.solve({ tariffPct: ce.tariffs }, { maxIterations: 200 }); } catch (e) { console.log(String(e)); }
