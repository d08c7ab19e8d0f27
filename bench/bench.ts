/**
 * Benchmarks: `npm run bench` prints a table, `npm run bench -- --json` a JSON array of
 * {name, median_ms, runs} (plus any figures a case derives, such as parallel efficiency). Each case runs
 * untimed a few times first, then until it has a stable median.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadWorldData } from '../src/data/load.js';
import { runFair } from '../src/model/climate/fair.js';
import { registry, simulate } from '../src/model/engine.js';
import { fairParams } from '../src/model/modules/climate.js';
import { countriesCsv } from '../src/output/run-files.js';
import { loadScenario } from '../src/scenario/load.js';
import { ensembleCases } from './ensemble-cases.js';

interface Case {
  readonly name: string;
  readonly what: string;
  readonly fn: () => unknown;
  /** Fewer repetitions for cases that start a process. */
  readonly minRuns?: number;
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
const bin = fileURLToPath(new URL('../bin/worldorder.js', import.meta.url));

/** One full run of a shipped scenario as `worldorder run` makes it (its parameters and events), data loaded. */
function scenarioRun(name: string, scenarioName: string): Case {
  const { scenario } = loadScenario(scenarioName, data);
  const options = {
    params: registry.resolve(scenario.parameters),
    seed: scenario.seed,
    firstYear: scenario.first_year,
    lastYear: scenario.last_year,
    events: scenario.events,
  };
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
  // After the modules land: scenarioRun('world.run-retreat', 'retreat'),
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
const ensembles = await ensembleCases();
const rows: ({ c: Case } & Stats)[] = [];
for (const c of [...CASES, ...ensembles.cases]) {
  if (!json) process.stderr.write(`measuring ${c.name}...\n`);
  rows.push({ c, ...(await measure(c)) });
}
await ensembles.close();
const none: Stats = { median: Number.NaN, min: Number.NaN, runs: 0 };
const statsOf = (name: string) => rows.find((r) => r.c.name === name) ?? none;
const extras = (c: Case) => c.extra?.(statsOf) ?? {};
if (json) {
  const out = rows.map(({ c, median, runs }) => ({
    name: c.name,
    median_ms: Number(median.toFixed(4)),
    runs,
    ...extras(c),
  }));
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
} else {
  const w = Math.max(...rows.map((r) => r.c.name.length));
  process.stdout.write(`${'benchmark'.padEnd(w)}  median ms   runs  what\n`);
  for (const { c, median, runs } of rows) {
    const derived = Object.entries(extras(c))
      .map(([k, v]) => `; ${k} ${v}`)
      .join('');
    process.stdout.write(
      `${c.name.padEnd(w)}  ${median.toFixed(4).padStart(9)}  ${String(runs).padStart(5)}  ${c.what}${derived}\n`,
    );
  }
}
