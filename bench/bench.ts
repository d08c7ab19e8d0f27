/**
 * Benchmarks: `npm run bench` prints a table, `npm run bench -- --json` a JSON array of
 * {name, median_ms, runs}. Each case runs untimed a few times first, then until it has a stable median.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { COVARIATES } from '../scripts/data/conflict-covariates.js';
import { fitModel, prepare } from '../scripts/estimate-conflict.js';
import { loadWorldData } from '../src/data/load.js';
import { runFair } from '../src/model/climate/fair.js';
import { registry, simulate } from '../src/model/engine.js';
import type { Context } from '../src/model/module.js';
import { fairParams } from '../src/model/modules/climate.js';
import { MODULES } from '../src/model/modules/index.js';
import { createRng } from '../src/model/rng.js';
import type { CountryTerms, DyadHazards, HazardModel } from '../src/model/security/hazard.js';
import { allocateState } from '../src/model/state.js';
import { baselineFromFlows } from '../src/model/trade/baseline.js';
import { TradeSolver } from '../src/model/trade/solver.js';
import { countriesCsv } from '../src/output/run-files.js';

interface Case {
  readonly name: string;
  readonly what: string;
  readonly fn: () => unknown;
  /** Fewer repetitions for cases that start a process. */
  readonly minRuns?: number;
}

/** A fixed CO2 path, 1765-2500 (GtC/yr): a historical-like rise, a peak in 2050, decline to zero by 2150. */
function emissionPath(): Float64Array {
  const years = 2500 - 1765 + 1;
  const e = new Float64Array(years);
  for (let t = 0; t < years; t++) {
    const y = 1765 + t;
    e[t] = y < 2050 ? 12 * Math.exp((y - 2050) / 60) : Math.max(0, 12 * (1 - (y - 2050) / 100));
  }
  return e;
}

const data = loadWorldData();
const params = registry.resolve();
const fair = fairParams(params);
const emissions = emissionPath();
const baseline = { params, seed: 1, firstYear: data.baseYear, lastYear: 2100 };
const result = simulate(data, baseline);
const bin = fileURLToPath(new URL('../bin/worldorder.js', import.meta.url));
const n = data.countries.iso3.length;
const tradeBase = baselineFromFlows(n, data.tradeLabor.flows_billion_usd2015);
const tradeSolver = new TradeSolver(tradeBase, params['trade.elasticity']);
const worldWar = new Float64Array(n * n).fill(60);
const usChina = new Float64Array(n * n);
usChina[data.countries.iso3.indexOf('USA') * n + data.countries.iso3.indexOf('CHN')] = 25;
usChina[data.countries.iso3.indexOf('CHN') * n + data.countries.iso3.indexOf('USA')] = 25;
const tradeWar = {
  ...baseline,
  events: [
    { year: 2026, type: 'tariff', importer: 'USA', exporter: '*', tariff_pct: 25 },
    { year: 2028, type: 'tariff', importer: '*', exporter: '*', tariff_pct: 60 },
    { year: 2030, type: 'decoupling', cost_pct: 20 },
  ],
};

/** The base-year state after every module's init, for timing one year of dispute hazards. */
function securityState() {
  const state = allocateState(data.countries.iso3.length, data.baseYear, {
    country: MODULES.flatMap((m) => m.countryVars ?? []),
    dyad: MODULES.flatMap((m) => m.dyadVars ?? []),
    global: MODULES.flatMap((m) => m.globalVars ?? []),
  });
  const ctx: Context = { data, params, rng: createRng(1), eventsIn: () => [], log: () => {}, row: () => {} };
  for (const m of MODULES) m.init(state, ctx);
  const s = state.internal.security as { dyads: DyadHazards; model: HazardModel; terms: CountryTerms };
  return { ...s, igo: state.dyad.joint_igo_memberships, pact: state.dyad.defence_pact, rng: createRng(2) };
}
const sec = securityState();

const CASES: Case[] = [
  {
    name: 'climate.fair-1765-2500',
    what: 'FaIR v1.6 CO2-only, 736 years',
    fn: () => runFair(fair, emissions),
  },
  {
    name: 'world.run-baseline',
    what: `baseline ${data.baseYear}-2100, ${data.countries.iso3.length} states, data loaded`,
    fn: () => simulate(data, baseline),
  },
  {
    name: 'trade.solve-world-trade-war',
    what: `every pair at 60 %, ${n} states, cold start (residual < 1e-12)`,
    fn: () => tradeSolver.solve({ tariffPct: worldWar }, { warmStart: false }),
  },
  {
    name: 'trade.solve-usa-china',
    what: 'USA and China at 25 % on each other, cold start',
    fn: () => tradeSolver.solve({ tariffPct: usChina }, { warmStart: false }),
  },
  {
    name: 'world.run-trade-war',
    what: `baseline with a US tariff, a world trade war and decoupling (${tradeWar.events.length} events)`,
    fn: () => simulate(data, tradeWar),
  },
  {
    name: 'conflict.hazard-all-dyads',
    what: `dispute hazard and onset draws for all ${sec.dyads.hazard.length} pairs of states, one year`,
    fn: () => sec.dyads.compute(sec.model, sec.terms, sec.igo, sec.pact, data.baseYear + 1, sec.rng),
  },
  {
    name: 'conflict.fit-dyad-years',
    what: 'the shipped conflict model: read data/raw/dyad_year.csv.gz (798,140 rows), derive, fit',
    fn: () => fitModel(prepare(), 'mid_onset', COVARIATES, true),
    minRuns: 3,
  },
  {
    name: 'output.countries-csv',
    what: 'format countries.csv for the baseline',
    fn: () => countriesCsv(result),
  },
  {
    name: 'cli.help',
    what: '`worldorder --help` as a new process (needs npm run build)',
    fn: () => execFileSync(process.execPath, [bin, '--help']),
    minRuns: 10,
  },
];

function measure(c: Case): { median: number; runs: number } {
  for (let k = 0; k < 3; k++) c.fn();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < (c.minRuns ?? 50) || (performance.now() - start < 1000 && times.length < 2000)) {
    const t0 = performance.now();
    c.fn();
    times.push(performance.now() - t0);
    if (c.minRuns && times.length >= c.minRuns) break;
  }
  times.sort((a, b) => a - b);
  const m = times.length >> 1;
  return { median: times.length % 2 ? times[m] : (times[m - 1] + times[m]) / 2, runs: times.length };
}

const json = process.argv.includes('--json');
const rows = CASES.map((c) => {
  if (!json) process.stderr.write(`measuring ${c.name}...\n`);
  return { c, ...measure(c) };
});
if (json) {
  const out = rows.map(({ c, median, runs }) => ({
    name: c.name,
    median_ms: Number(median.toFixed(4)),
    runs,
  }));
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
} else {
  const w = Math.max(...rows.map((r) => r.c.name.length));
  process.stdout.write(`${'benchmark'.padEnd(w)}  median ms   runs  what\n`);
  for (const { c, median, runs } of rows) {
    process.stdout.write(
      `${c.name.padEnd(w)}  ${median.toFixed(4).padStart(9)}  ${String(runs).padStart(5)}  ${c.what}\n`,
    );
  }
}
