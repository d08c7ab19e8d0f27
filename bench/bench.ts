/**
 * Benchmarks: `npm run bench` prints a table, `npm run bench -- --json` a JSON array of
 * {name, median_ms, runs} (plus any figures a case derives, such as a rate or parallel efficiency);
 * `npm run bench -- NAME ...` only the cases whose names contain a NAME. Each case runs untimed a few times
 * first, then until it has a stable median.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { COVARIATES } from '../scripts/data/conflict-covariates.js';
import { fitModel, prepare } from '../scripts/estimate-conflict.js';
import { loadWorldData } from '../src/data/load.js';
import { runFair } from '../src/model/climate/fair.js';
import { clubOutcomes } from '../src/model/cooperation/club.js';
import { registry, simulate } from '../src/model/engine.js';
import type { Context } from '../src/model/module.js';
import { fairParams } from '../src/model/modules/climate.js';
import { MODULES } from '../src/model/modules/index.js';
import { agentParams as politicsAgentParams } from '../src/model/modules/politics.js';
import { LOOP_TOLERANCE } from '../src/model/modules/trade.js';
import { bytesPerAgent, createAgents, resetOpinions, sweep } from '../src/model/politics/agents.js';
import { createRng } from '../src/model/rng.js';
import type { CountryTerms, DyadHazards, HazardModel } from '../src/model/security/hazard.js';
import { allocateState } from '../src/model/state.js';
import { baselineFromFlows } from '../src/model/trade/baseline.js';
import { TradeSolver } from '../src/model/trade/solver.js';
import { countriesCsv } from '../src/output/run-files.js';
import { loadScenario } from '../src/scenario/load.js';
import { runOptions } from '../src/scenario/run-options.js';
import { ENSEMBLE_CASE_NAMES, ensembleCases } from './ensemble-cases.js';

interface Case {
  readonly name: string;
  readonly what: string;
  readonly fn: () => unknown;
  /** Fewer repetitions for cases that start a process. */
  readonly minRuns?: number;
  /** Items one run processes (agent updates, ...): the table then shows a rate. */
  readonly items?: number;
  /** Untimed runs first (default 3). */
  readonly warmup?: number;
  /** Figures derived from this and other cases' times, reported beside this one. */
  readonly extra?: (stats: (name: string) => Stats) => Record<string, number>;
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
const withdrawalsAndReforms = {
  ...baseline,
  params: registry.resolve({
    'reforms.rebalancing': 1,
    'reforms.local_voices': 1,
    'reforms.civic_education': 1,
    'reforms.multilateralism': 1,
    'cooperation.club_price_usd_per_tco2': 50,
    'cooperation.club_tariff_pct': 5,
  }),
  events: [
    { year: 2026, type: 'leave', iso3: 'USA', institution: 'WHO' },
    { year: 2026, type: 'leave', iso3: 'USA', institution: 'PARIS' },
  ],
};
const clubEconomy = {
  gdp: data.base.gdp_billion_usd2015,
  emissions: data.base.co2_fossil_mtco2,
  exportsShare: data.institutions.exportsPctGdp.map((x) => x / 100),
};
const clubBase = {
  scc: params['cooperation.scc_usd_per_tco2'],
  backstop: params['cooperation.backstop_usd_per_tco2'],
  exponent: params['cooperation.cost_exponent'],
  incidence: params['cooperation.tariff_incidence'],
};
const bin = fileURLToPath(new URL('../bin/worldorder.js', import.meta.url));
const n = data.countries.iso3.length;
const tradeBase = baselineFromFlows(n, data.tradeLabor.flows_billion_usd2015);
const tradeSolver = new TradeSolver(tradeBase, params['trade.elasticity']);
const worldWar = new Float64Array(n * n).fill(60);
const usChina = new Float64Array(n * n);
usChina[data.countries.iso3.indexOf('USA') * n + data.countries.iso3.indexOf('CHN')] = 25;
usChina[data.countries.iso3.indexOf('CHN') * n + data.countries.iso3.indexOf('USA')] = 25;
/**
 * What re-solves in the yearly loop look like (politics causes them when governments change): 80 governments tax every partner at 10 %; one of them turns
 * nationalist (its row goes to 35 %) and 70 partners answer in kind, or the reverse. Warm-started, at the
 * yearly loop's tolerance.
 */
const loopSolver = new TradeSolver(tradeBase, params['trade.elasticity']);
const loopTariff = new Float64Array(n * n);
for (let i = 0; i < 80; i++) for (let j = 0; j < n; j++) if (j !== i) loopTariff[i * n + j] = 10;
loopSolver.solve({ tariffPct: loopTariff });
let loopTurn = 0;
function governmentChange() {
  const pct = loopTurn++ % 2 === 0 ? 35 : 10;
  const i = 40;
  for (let j = 0; j < n; j++) if (j !== i) loopTariff[i * n + j] = pct;
  for (let j = 100; j < 170; j++) loopTariff[j * n + i] = pct;
  return loopSolver.solve({ tariffPct: loopTariff }, LOOP_TOLERANCE);
}
const tradeWar = {
  ...baseline,
  events: [
    { year: 2026, type: 'tariff', importer: 'USA', exporter: '*', tariff_pct: 25 },
    { year: 2028, type: 'tariff', importer: '*', exporter: '*', tariff_pct: 60 },
    { year: 2030, type: 'decoupling', cost_pct: 20 },
  ],
};

/** One million citizens in all (195 states x 5129), 8 links each, as `--opinion agents` builds them. */
const agentParams = politicsAgentParams(params);
const states = data.countries.iso3.length;
const agents = createAgents(states, Math.ceil(1e6 / states), agentParams, createRng(1));
agents.level.set(data.politics.support.map((s) => Math.log(s / (1 - s))));
resetOpinions(agents);
const exposure = Float64Array.from(
  data.politics.mediaLiteracy,
  (l) => agentParams.disinformationRate * (1 - l),
);
const bound = Float64Array.from(
  data.politics.mediaLiteracy,
  (l) => agentParams.confidence + agentParams.confidenceLiteracy * l,
);
const agentCount = agents.opinion.length;
const agentBytes =
  (agents.opinion.byteLength + agents.start.byteLength + agents.neighbour.byteLength) / agentCount;
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

/** One full run of a shipped scenario as `worldorder run` makes it (its parameters and events), data loaded. */
function scenarioRun(name: string, scenarioName: string): Case {
  const { scenario } = loadScenario(scenarioName, data);
  const options = runOptions({ scenario });
  return {
    name,
    what: `${scenarioName} ${scenario.first_year}-${scenario.last_year}, ${data.countries.iso3.length} states, data loaded`,
    fn: () => simulate(data, options),
  };
}

const CASES: Case[] = [
  {
    name: 'climate.fair-1765-2500',
    what: 'FaIR v1.6 CO2-only, 736 years',
    fn: () => runFair(fair, emissions),
  },
  scenarioRun('world.run-baseline', 'baseline'),
  scenarioRun('world.run-retreat', 'retreat'),
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
    name: 'trade.resolve-government-change',
    what: 'one government raises (or lowers) its tariffs on all partners by 25 pp, 70 partners answer; warm start, loop tolerance (1e-6)',
    fn: governmentChange,
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
    name: 'world.run-withdrawals-reforms-club',
    what: 'baseline with the US withdrawals, the four reforms and a climate club (50 USD/t, 5 %)',
    fn: () => simulate(data, withdrawalsAndReforms),
  },
  {
    name: 'cooperation.club-grid',
    what: '`worldorder club` default grid: 4 prices x 10 tariffs x 2 starts, 195 states',
    fn: () =>
      clubOutcomes(
        clubEconomy,
        clubBase,
        [12.5, 25, 50, 100],
        [0, 0.01, 0.02, 0.03, 0.04, 0.05, 0.075, 0.1, 0.15, 0.2],
      ),
  },
  {
    name: 'politics.agents-1m',
    what: `one yearly update of ${agentCount} citizens (${states} states), ${agentBytes.toFixed(1)} bytes each (${bytesPerAgent(agentParams.degree)} nominal)`,
    fn: () => sweep(agents, exposure, bound, agentParams),
    items: agentCount,
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

/** Times a case (awaiting it when it returns a promise). */
interface Stats {
  readonly median: number;
  /** The fastest run: the least disturbed by other work on the machine. */
  readonly min: number;
  readonly runs: number;
}

async function measure(c: Case): Promise<Stats> {
  for (let k = 0; k < (c.warmup ?? 3); k++) await c.fn();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < (c.minRuns ?? 50) || (performance.now() - start < 1000 && times.length < 2000)) {
    const t0 = performance.now();
    await c.fn();
    times.push(performance.now() - t0);
    if (c.minRuns && times.length >= c.minRuns) break;
  }
  times.sort((a, b) => a - b);
  const m = times.length >> 1;
  return {
    median: times.length % 2 ? times[m] : (times[m - 1] + times[m]) / 2,
    min: times[0],
    runs: times.length,
  };
}

const json = process.argv.includes('--json');
// `npm run bench -- world.run` measures only the cases whose names contain one of the words given.
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const wanted = (name: string) => only.length === 0 || only.some((w) => name.includes(w));
// The ensemble cases start worker threads, processes and a Redis server: only when one of them is wanted.
const ensembles = ENSEMBLE_CASE_NAMES.some(wanted) ? await ensembleCases() : undefined;
const chosen = [...CASES, ...(ensembles?.cases ?? [])].filter((c) => wanted(c.name));
if (chosen.length === 0) {
  process.stderr.write(
    `bench: no case matches ${only.join(', ')}; cases: ${[...CASES.map((c) => c.name), ...ENSEMBLE_CASE_NAMES].join(', ')}\n`,
  );
  process.exit(2);
}
const rows: ({ c: Case } & Stats)[] = [];
for (const c of chosen) {
  if (!json) process.stderr.write(`measuring ${c.name}...\n`);
  rows.push({ c, ...(await measure(c)) });
}
await ensembles?.close();
const none: Stats = { median: Number.NaN, min: Number.NaN, runs: 0 };
const statsOf = (name: string) => rows.find((r) => r.c.name === name) ?? none;
const extras = (c: Case) => c.extra?.(statsOf) ?? {};
if (json) {
  const out = rows.map(({ c, median, runs }) => ({
    name: c.name,
    median_ms: Number(median.toFixed(4)),
    runs,
    ...(c.items && { items_per_s: Math.round((1000 * c.items) / median) }),
    ...extras(c),
  }));
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
} else {
  const w = Math.max(...rows.map((r) => r.c.name.length));
  process.stdout.write(`${'benchmark'.padEnd(w)}  median ms   runs  what\n`);
  for (const { c, median, runs } of rows) {
    const rate = c.items ? `; ${((1000 * c.items) / median / 1e6).toFixed(1)} million a second` : '';
    const derived = Object.entries(extras(c))
      .map(([k, v]) => `; ${k} ${v}`)
      .join('');
    process.stdout.write(
      `${c.name.padEnd(w)}  ${median.toFixed(4).padStart(9)}  ${String(runs).padStart(5)}  ${c.what}${rate}${derived}\n`,
    );
  }
}
