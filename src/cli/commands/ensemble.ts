/** `worldorder ensemble`: Monte Carlo runs of one scenario, written as Parquet, a quantile summary and fan charts. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadWorldData } from '../../data/load.js';
import { computeRuns, ensembleRuns, shardCommon } from '../../ensemble/ensemble.js';
import { samplingPlan } from '../../ensemble/plan.js';
import { QUANTILES, quantilesByYear } from '../../ensemble/series.js';
import { GLOBAL_OUTPUTS, registry } from '../../model/engine.js';
import { writeDirectoryAtomically } from '../../output/atomic.js';
import { headlineIndicators, headlineYears } from '../../output/consequences.js';
import { toCsv } from '../../output/csv.js';
import { ensembleRecord } from '../../output/ensemble-files.js';
import { loadScenario } from '../../scenario/load.js';
import { type ExecutionOptions, execution, parseRuns } from '../ensemble-options.js';
import { parseSeed, parseSets } from '../overrides.js';

interface EnsembleOptions extends ExecutionOptions {
  runs?: string;
  seed?: string;
  out: string;
  set: string[];
  charts: boolean;
}

export async function ensemble(scenarioArg: string, opts: EnsembleOptions): Promise<void> {
  const data = loadWorldData();
  const { scenario, file } = loadScenario(scenarioArg, data);
  const runs = parseRuns(opts.runs);
  const seed = opts.seed === undefined ? scenario.seed : parseSeed(opts.seed);
  const overrides = { ...scenario.parameters, ...parseSets(opts.set, registry) };
  const exec = execution(opts, runs);
  const out =
    opts.out === 'output/<scenario name>-ensemble' ? join('output', `${scenario.name}-ensemble`) : opts.out;
  const plan = samplingPlan(registry, overrides);
  const specs = ensembleRuns(plan, runs, seed);

  // The heavy parts (threads or Redis, DuckDB, the progress bar) load only once the input is known good.
  const { progressBar } = await import('../../ensemble/progress.js');
  const executor = await exec.open();
  process.stderr.write(
    `worldorder: ${runs} runs of ${scenario.name}, ${plan.sampled.length} parameters sampled, on ${exec.where}\n`,
  );
  const bar = progressBar('ensemble', runs, 'runs');
  let series: Awaited<ReturnType<typeof computeRuns>>;
  try {
    series = await computeRuns(executor, specs, shardCommon(scenario, plan), exec.shardSize, bar.add);
  } finally {
    bar.stop();
    await executor.close();
  }

  const headline = headlineIndicators();
  const { writeParquet } = await import('../../ensemble/store.js');
  await writeDirectoryAtomically(out, async (tmp) => {
    await writeParquet(tmp, specs, plan.sampled, series);
    // Indicator names carry their units, as in global.csv.
    const rows = GLOBAL_OUTPUTS.flatMap((v) => quantilesByYear(series, v.name).map((q) => [v.name, ...q]));
    writeFileSync(
      join(tmp, 'summary.csv'),
      toCsv(['indicator', 'year', ...QUANTILES.map((p) => `p${Math.round(p * 100)}`)], rows),
    );
    writeFileSync(
      join(tmp, 'ensemble.json'),
      ensembleRecord({ scenario, scenarioFile: file, seed, runs, plan, overrides, data }),
    );
    if (opts.charts) {
      const { writeFanCharts } = await import('../../output/ensemble-charts.js');
      await writeFanCharts(series, headline, join(tmp, 'charts'), scenario.name);
    }
  });

  const years = headlineYears(series.years);
  const label = Math.max(...headline.map((h) => h.label.length));
  const lines = [
    `worldorder: ensemble of ${scenario.name}, ${runs} runs: median (5-95 %)`,
    '',
    ''.padEnd(label) + years.map((y) => String(y).padStart(24)).join(''),
  ];
  for (const h of headline) {
    const q = quantilesByYear(series, h.name);
    const cells = years.map((y) => {
      const [, p5, , p50, , p95] = q[y - series.years[0]];
      const f = (x: number) => x.toFixed(h.digits);
      return `${f(p50)} (${f(p5)} to ${f(p95)})`.padStart(24);
    });
    lines.push(h.label.padEnd(label) + cells.join(''));
  }
  lines.push(
    '',
    `wrote ${out}/: runs.parquet, series.parquet, summary.csv, ensemble.json${opts.charts ? ', charts/' : ''}`,
    `ask it questions with: worldorder query ${out} "SELECT ..."`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}
