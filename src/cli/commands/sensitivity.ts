/** `worldorder sensitivity`: which parameters drive each headline indicator (Morris or Sobol). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadWorldData } from '../../data/load.js';
import { computeRuns, shardCommon } from '../../ensemble/ensemble.js';
import { samplingPlan } from '../../ensemble/plan.js';
import { across } from '../../ensemble/series.js';
import type { RunSpec } from '../../ensemble/shard.js';
import { UserError } from '../../errors.js';
import { registry } from '../../model/engine.js';
import { createRng } from '../../model/rng.js';
import { writeDirectoryAtomically } from '../../output/atomic.js';
import { headlineIndicators } from '../../output/consequences.js';
import { toCsv } from '../../output/csv.js';
import { loadScenario } from '../../scenario/load.js';
import {
  designRuns,
  MEASURES,
  METHODS,
  type Method,
  makeDesign,
  type Ranked,
  rank,
} from '../../sensitivity/analysis.js';
import { CODE_VERSION } from '../../version.js';
import { type ExecutionOptions, execution, parsePositiveInt } from '../ensemble-options.js';
import { parseSeed, parseSets } from '../overrides.js';

interface SensitivityOptions extends ExecutionOptions {
  method?: string;
  runs?: string;
  year?: string;
  seed?: string;
  out: string;
  set: string[];
  charts: boolean;
}

/** Trajectories (Morris) or base samples (Sobol) when --runs is not given. */
const DEFAULT_N: Record<Method, number> = { morris: 20, sobol: 128 };
/** Rows per indicator in the printed table; the CSV has them all. */
const SHOWN = 10;
const MAX_DESIGN_RUNS = 10_000_000;

function parseMethod(text: string | undefined): Method {
  if (text === undefined) throw new UserError(`required: ${METHODS.join(' or ')}`, '--method');
  if (!(METHODS as readonly string[]).includes(text)) {
    throw new UserError(`unknown method '${text}'; use ${METHODS.join(' or ')}`, '--method');
  }
  return text as Method;
}

const fmt = (x: number) =>
  Math.abs(x) >= 1000 || (x !== 0 && Math.abs(x) < 0.001) ? x.toExponential(2) : x.toFixed(3);

function table(method: Method, ranked: readonly Ranked[]): string[] {
  const width = Math.max(9, ...ranked.slice(0, SHOWN).map((r) => r.parameter.length));
  const interval = (m: Readonly<Record<string, number>>, c: string) =>
    `${fmt(m[c])} (${fmt(m[`${c}_lo`])} to ${fmt(m[`${c}_hi`])})`.padStart(28);
  const head =
    method === 'morris'
      ? `${'mu* (95 % CI)'.padStart(28)}${'mu'.padStart(11)}${'sigma'.padStart(11)}`
      : `${'total (95 % CI)'.padStart(28)}${'first-order (95 % CI)'.padStart(28)}`;
  return [
    `  rank  ${'parameter'.padEnd(width)}${head}`,
    ...ranked.slice(0, SHOWN).map((r, i) => {
      const m = r.measures;
      const cells =
        method === 'morris'
          ? `${interval(m, 'mu_star')}${fmt(m.mu).padStart(11)}${fmt(m.sigma).padStart(11)}`
          : `${interval(m, 'total')}${interval(m, 'first_order')}`;
      return `  ${String(i + 1).padStart(4)}  ${r.parameter.padEnd(width)}${cells}`;
    }),
  ];
}

export async function sensitivity(scenarioArg: string, opts: SensitivityOptions): Promise<void> {
  const method = parseMethod(opts.method);
  const data = loadWorldData();
  const { scenario, file } = loadScenario(scenarioArg, data);
  const n =
    opts.runs === undefined ? DEFAULT_N[method] : parsePositiveInt(opts.runs, '--runs', MAX_DESIGN_RUNS);
  const year = opts.year === undefined ? scenario.last_year : parsePositiveInt(opts.year, '--year', 1e6);
  if (year < scenario.first_year || year > scenario.last_year) {
    throw new UserError(
      `${year} is outside the scenario's years, ${scenario.first_year}-${scenario.last_year}`,
      '--year',
    );
  }
  const seed = opts.seed === undefined ? scenario.seed : parseSeed(opts.seed);
  const overrides = { ...scenario.parameters, ...parseSets(opts.set, registry) };
  const plan = samplingPlan(registry, overrides);
  const k = plan.sampled.length;
  if (k === 0) throw new UserError('no parameter is left to vary: every one is fixed, a lever or set');
  const total = designRuns(method, n, k);
  if (total > MAX_DESIGN_RUNS) throw new UserError(`${total} model runs is too many; lower it`, '--runs');
  const exec = execution(opts, total);
  const out =
    opts.out === 'output/<scenario name>-<method>' ? join('output', `${scenario.name}-${method}`) : opts.out;

  const rng = createRng(seed);
  const design = makeDesign(method, n, k, rng);
  // Every run keeps the scenario's seed: the indices are about parameters, not about chance.
  const runs: RunSpec[] = Array.from({ length: total }, (_, run) => ({
    run,
    seed: scenario.seed,
    set: plan.values(design.points.subarray(run * k, (run + 1) * k)),
  }));
  // The heavy parts (threads or Redis, DuckDB, the progress bar) load only once the input is known good.
  const { progressBar } = await import('../../ensemble/progress.js');
  const executor = await exec.open();
  process.stderr.write(
    `worldorder: ${method} on ${scenario.name}: ${k} parameters, ${total} runs, on ${exec.where}\n`,
  );
  const bar = progressBar(method, total, 'runs');
  let series: Awaited<ReturnType<typeof computeRuns>>;
  try {
    series = await computeRuns(executor, runs, shardCommon(scenario, plan), exec.shardSize, bar.add);
  } finally {
    bar.stop();
    await executor.close();
  }

  const parameters = plan.sampled.map((d) => d.id);
  const results = headlineIndicators().map((h) => {
    const y = across(series, h.name, year);
    const varies = y.some((v) => v !== y[0]);
    return { h, varies, ranked: varies ? rank(design, y, parameters, rng.fork()) : [] };
  });

  const lines = [
    `worldorder: ${method === 'morris' ? 'Morris elementary effects' : 'Sobol indices'} for ${scenario.name} in ${year}, ` +
      `${k} parameters, ${total} runs`,
  ];
  if (method === 'morris') {
    lines.push(
      '(mu*: mean absolute change of the indicator as a parameter goes across its range; sigma: its spread)',
    );
  }
  for (const { h, varies, ranked } of results) {
    lines.push('', `${h.label} in ${year}`);
    lines.push(...(varies ? table(method, ranked) : ['  does not vary with these parameters']));
  }
  const columns = MEASURES[method].columns;
  await writeDirectoryAtomically(out, async (tmp) => {
    const rows = results.flatMap(({ h, ranked }) =>
      ranked.map((r, i) => [h.name, year, i + 1, r.parameter, ...columns.map((c) => r.measures[c])]),
    );
    writeFileSync(
      join(tmp, 'sensitivity.csv'),
      toCsv(['indicator', 'year', 'rank', 'parameter', ...columns], rows),
    );
    writeFileSync(
      join(tmp, 'sensitivity.json'),
      `${JSON.stringify(
        {
          model: 'worldorder',
          code_version: CODE_VERSION,
          data_version: data.version,
          scenario: { name: scenario.name, file },
          method,
          n,
          runs: total,
          year,
          seed,
          run_seed: scenario.seed,
          parameters: plan.sampled.map((d) => d.id),
          overrides,
          confidence: '95 % percentile bootstrap, 1000 resamples',
        },
        null,
        2,
      )}\n`,
    );
    if (opts.charts) {
      const { writeSensitivityCharts } = await import('../../output/sensitivity-charts.js');
      await writeSensitivityCharts(
        method,
        results.filter((r) => r.varies),
        join(tmp, 'charts'),
        `Scenario: ${scenario.name} · ${year} · ${total} runs`,
      );
    }
  });
  lines.push('', `wrote ${out}/: sensitivity.csv, sensitivity.json${opts.charts ? ', charts/' : ''}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
