/**
 * The `worldorder` command line. Each command's code is imported only when that command runs,
 * so `worldorder --help` answers at once.
 */
import { Command, Option } from 'commander';
import { UserError } from '../errors.js';
import { CODE_VERSION } from '../version.js';

const collect = (value: string, previous: string[]) => [...previous, value];

const program = new Command('worldorder')
  .description(
    'Simulate the international system country by country, 2024-2100: population, economy and climate,\n' +
      'and (as modules land) trade, politics, institutions, conflict and shared values.',
  )
  .version(CODE_VERSION)
  .showHelpAfterError('(run with --help for usage)')
  .configureOutput({ outputError: (str, write) => write(`worldorder: ${str.replace(/^error: /, '')}`) });

program
  .command('run')
  .description('run a scenario and write global.csv, countries.csv, run.json and charts/')
  .argument('<scenario>', 'a shipped scenario name (see `worldorder scenarios`) or a path to a YAML file')
  .option('-o, --out <dir>', 'output directory (replaced if it exists)', 'output/<scenario name>')
  .option('--seed <n>', "random seed (overrides the scenario's)")
  .option('--set <id=value>', 'override a parameter by registry id; repeatable', collect, [])
  .option('--no-charts', 'skip the PNG charts')
  .addHelpText(
    'after',
    '\nExamples:\n  worldorder run baseline\n  worldorder run my-scenario.yaml --out out/mine --set climate.ecs=3.5',
  )
  .action(async (scenario, opts) => (await import('./commands/run.js')).run(scenario, opts));

program
  .command('climate')
  .description('run the climate module (FaIR v1.6, CO2-only) alone on an emission path')
  .requiredOption(
    '-e, --emissions <file.csv>',
    'columns year, co2_emissions_gtc (GtC/yr), optional other_forcing_wm2',
  )
  .option('-o, --out <file.csv>', 'output file (default: standard output)')
  .option('--set <id=value>', 'override a climate.* parameter; repeatable', collect, [])
  .addHelpText(
    'after',
    '\nStarts from pre-industrial equilibrium in the first year of the file. Output columns: year,\n' +
      'co2_concentration_ppm, forcing_wm2, temperature_k (K above pre-industrial), one row per input year.',
  )
  .action(async (opts) => (await import('./commands/climate.js')).climate(opts));

program
  .command('params')
  .description('list the parameter registry: every coefficient with default, range, units and source')
  .option('-s, --search <text>', 'only parameters whose id, description or source contains the text')
  .addOption(new Option('--markdown', 'print a Markdown table').conflicts('json'))
  .addOption(
    new Option('--json', 'print JSON: [{id, default, min, max, units, source, description, lever?}]'),
  )
  .action(async (opts) => (await import('./commands/params.js')).params(opts));

program
  .command('scenarios')
  .description('list the shipped scenarios')
  .action(async () => (await import('./commands/scenarios.js')).scenarios());

program
  .command('data')
  .description('describe the base-year dataset: coverage, sources, and every imputed value')
  .option('-c, --country <iso3>', 'every base-year value of one country with its source and year')
  .option('--json', 'print the per-country sources as JSON')
  .action(async (opts) => (await import('./commands/data.js')).data(opts));

program
  .command('compare')
  .description('run several scenarios and compare the headline indicators in 2030, 2050 and 2100')
  .argument(
    '<scenarios...>',
    'two or more shipped scenario names or YAML files; differences are against the first',
  )
  .option(
    '-o, --out <dir>',
    'also write compare.csv and one chart per indicator here (replaced if it exists)',
  )
  .option('--seed <n>', "random seed for every scenario (default: each scenario's own)")
  .addHelpText(
    'after',
    "\nThe headline indicators are the essay's five consequences (governance, conflict, climate, economy,\n" +
      'shared values) and the internationalism index, as far as the model computes them.\n\n' +
      'Examples:\n  worldorder compare baseline my-scenario.yaml\n  worldorder compare retreat renewal --out out/compare',
  )
  .action(async (scenarios, opts) => (await import('./commands/compare.js')).compare(scenarios, opts));

program
  .command('ensemble')
  .description('Monte Carlo ensemble of a scenario: Parquet results, quantile summary and fan charts')
  .argument('<scenario>', 'a shipped scenario name or a path to a YAML file')
  .option('-n, --runs <n>', 'number of runs (required)')
  .option('-w, --workers <n>', 'worker threads on this machine (default: one per core)')
  .option('--seed <n>', "ensemble seed: draws and run seeds derive from it (default: the scenario's)")
  .option('-o, --out <dir>', 'output directory (replaced if it exists)', 'output/<scenario name>-ensemble')
  .option('--set <id=value>', 'hold a parameter at a value instead of sampling it; repeatable', collect, [])
  .option('--queue <url>', 'run shards on `worldorder worker` processes via Redis: redis://HOST:PORT')
  .option('--shard-size <n>', 'runs per unit of work (default: chosen from the runs and workers)')
  .option('--no-charts', 'skip the fan charts')
  .addHelpText(
    'after',
    '\nSamples every uncertain registry parameter (uniform or triangular; not levers, not parameters the\n' +
      'scenario or --set fixes) by Latin hypercube; run k gets a seed derived from the ensemble seed and k.\n' +
      'The same seed gives the same files whatever the number of workers or machines. Writes runs.parquet,\n' +
      'series.parquet, summary.csv (5/25/50/75/95 % quantiles), ensemble.json and charts/.\n\n' +
      'Examples:\n  worldorder ensemble baseline --runs 1000\n  worldorder ensemble baseline --runs 200 --workers 2 --seed 7 --out out/ens\n' +
      '  worldorder ensemble baseline --runs 10000 --queue redis://10.0.0.5:6379',
  )
  .action(async (scenario, opts) => (await import('./commands/ensemble.js')).ensemble(scenario, opts));

program
  .command('query')
  .description('answer SQL over an ensemble directory (tables runs and series), printed as CSV')
  .argument('<dir>', 'a directory written by `worldorder ensemble`')
  .argument('<sql>', 'a DuckDB SQL query')
  .addHelpText(
    'after',
    '\nTables: runs (run, seed, one column per sampled parameter, named by its id: quote it, "climate.ecs")\n' +
      'and series (run, year, and every global output, as in global.csv).\n\n' +
      'Examples:\n' +
      '  worldorder query output/baseline-ensemble "SELECT count(*) AS runs_over_2_5_k FROM series WHERE year = 2100 AND temperature_anomaly_k > 2.5"\n' +
      '  worldorder query output/baseline-ensemble \'SELECT r."climate.ecs", s.temperature_anomaly_k FROM runs r JOIN series s USING (run) WHERE s.year = 2100\'',
  )
  .action(async (dir, sql) => (await import('./commands/query.js')).query(dir, sql));

program
  .command('sensitivity')
  .description('which parameters drive each headline indicator: Morris screening or Sobol indices')
  .argument('<scenario>', 'a shipped scenario name or a path to a YAML file')
  .option('-m, --method <method>', 'morris (elementary effects) or sobol (first-order and total indices)')
  .option('-n, --runs <n>', 'Morris: trajectories, (k+1) runs each; Sobol: base samples, (k+2) runs each')
  .option('--year <year>', 'the year whose values are analysed (default: the last year)')
  .option('-w, --workers <n>', 'worker threads on this machine (default: one per core)')
  .option('--seed <n>', "seed of the design and the bootstrap; every run uses the scenario's seed")
  .option('-o, --out <dir>', 'output directory (replaced if it exists)', 'output/<scenario name>-<method>')
  .option('--set <id=value>', 'hold a parameter at a value instead of varying it; repeatable', collect, [])
  .option('--queue <url>', 'run shards on `worldorder worker` processes via Redis: redis://HOST:PORT')
  .option('--shard-size <n>', 'runs per unit of work (default: chosen from the runs and workers)')
  .option('--no-charts', 'skip the charts')
  .addHelpText(
    'after',
    '\nVaries the same parameters as `ensemble` (k of them). Morris (1991) with mu* (Campolongo et al. 2007)\n' +
      'screens cheaply; Sobol first-order and total indices (Saltelli et al. 2010; Jansen 1999) apportion the\n' +
      'variance. Confidence intervals (95 %) by bootstrap. Writes sensitivity.csv, sensitivity.json, charts/.\n\n' +
      'Examples:\n  worldorder sensitivity baseline --method morris --runs 20\n  worldorder sensitivity baseline --method sobol --runs 256 --year 2050',
  )
  .action(async (scenario, opts) => (await import('./commands/sensitivity.js')).sensitivity(scenario, opts));

program
  .command('worker')
  .description('serve ensemble and sensitivity shards from a Redis queue until stopped')
  .option('--queue <url>', 'the Redis server: redis://HOST:PORT (required)')
  .option('-t, --threads <n>', 'shards run at once, one per thread (default: one per core)')
  .option('--lock-timeout <seconds>', "how soon a dead worker's shard goes to another worker", '10')
  .addHelpText(
    'after',
    '\nStart any number, on any machines with the same worldorder version; stop with Ctrl-C or SIGTERM\n' +
      '(running shards finish first). Examples:\n  worldorder worker --queue redis://10.0.0.5:6379\n  worldorder worker --queue redis://localhost:6379 --threads 2',
  )
  .action(async (opts) => (await import('./commands/worker.js')).worker(opts));

try {
  await program.parseAsync();
} catch (err) {
  if (err instanceof UserError) {
    process.stderr.write(`worldorder: ${err.message}\n`);
    process.exit(1);
  }
  throw err;
}
