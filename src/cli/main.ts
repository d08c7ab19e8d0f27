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
    'Simulate the international system country by country, 2024-2100: population, economy, trade, labor,\n' +
      'politics, institutions, crises, climate cooperation, the four reforms and climate; and (as modules\n' +
      'land) conflict and shared values.',
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
  .option(
    '--members <file.csv>',
    'run with this membership table instead of the shipped one (see `institutions`)',
  )
  .option('--opinion <mode>', 'aggregate (equations) or agents (citizens on a social network)', 'aggregate')
  .option('--agents-per-country <k>', 'citizens per state with --opinion agents (default 1000)')
  .option('--stances <file.csv>', 'replace base-year government stances: columns iso3, stance')
  .addHelpText(
    'after',
    '\nExamples:\n  worldorder run baseline\n  worldorder run my-scenario.yaml --out out/mine --set climate.ecs=3.5\n' +
      '  worldorder run us-withdrawals --out out/us\n  worldorder run baseline --members my_members.csv\n' +
      '  worldorder run baseline --opinion agents --agents-per-country 5000\n' +
      '  worldorder run baseline --stances stances.csv   # rows like: USA,internationalist\n' +
      '\nStances: internationalist, mixed, nationalist-populist.',
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
  .command('trade')
  .description('a tariff counterfactual on the base year: one-sector Armington general equilibrium')
  .requiredOption('-t, --tariffs <file.csv>', 'rows importer,exporter,tariff_pct (ISO3 or *; % or inf)')
  .option('-e, --elasticity <eps>', 'trade elasticity (default: the registry default of trade.elasticity)')
  .option(
    '--balanced',
    'purge base-year trade imbalances first (Dekle, Eaton and Kortum) and report against that',
  )
  .option('-o, --out <file.csv>', 'output file (default: standard output)')
  .addHelpText(
    'after',
    '\nA later row overrides an earlier one; * means every partner; inf is a prohibitive tariff. Tariffs are\n' +
      'applied levels (base-year tariffs are zero), ad valorem on the pre-tariff value; revenue goes to the\n' +
      'importer; deficits are held fixed as a share of world income (the numeraire).\n' +
      'Output: one row per country and a world row (WLD): iso3, real_income_change_pct, imports_change_pct,\n' +
      'exports_change_pct, tariff_revenue_billion_usd2015, domestic_share_before, domestic_share_after.\n\n' +
      'Examples:\n' +
      '  printf "importer,exporter,tariff_pct\\nUSA,CHN,25\\nCHN,USA,25\\n" > war.csv\n' +
      '  worldorder trade --tariffs war.csv\n' +
      '  printf "importer,exporter,tariff_pct\\nUSA,*,inf\\n*,USA,inf\\n" > autarky.csv\n' +
      '  worldorder trade --tariffs autarky.csv --balanced --elasticity 4 --out autarky-out.csv',
  )
  .action(async (opts) => (await import('./commands/trade.js')).trade(opts));

program
  .command('institutions')
  .description('the base-year institutions, their members and funding shares with sources')
  .option('--id <ID>', "one institution's members, e.g. WHO")
  .option('-c, --country <iso3>', "one state's memberships")
  .option(
    '--members <file.csv>',
    'check and use an edited membership table (columns of data/raw/institution_members.csv)',
  )
  .option('--csv', 'print CSV')
  .option('-o, --out <file.csv>', 'write CSV to a file instead of printing')
  .addHelpText(
    'after',
    '\nColumns: id, members, other_status (observers, candidates, signatories, suspended), gdp_share_pct (members\n' +
      'share of world GDP, %), scope, decision_rule, leavable, funding_rule, legitimacy_index and effectiveness_index\n' +
      '(0..1, base year), name; with --id or --country: institution, iso3, status, funding_share_pct (% of the\n' +
      "institution's assessed funding), funding_source, source, note.\n\nExamples:\n  worldorder institutions\n" +
      '  worldorder institutions --id WHO\n  worldorder institutions --country USA\n' +
      '  worldorder institutions --members my_members.csv --out summary.csv',
  )
  .action(async (opts) => (await import('./commands/institutions.js')).institutions(opts));

program
  .command('club')
  .description('stable climate clubs (Nordhaus 2015) over target carbon prices and penalty tariffs')
  .option('--prices <list>', 'target carbon prices, USD/t CO2, comma-separated', '12.5,25,50,100')
  .option(
    '--tariffs <list>',
    'penalty tariffs on non-members, %, comma-separated',
    '0,1,2,3,4,5,7.5,10,15,20',
  )
  .option('--target <pct>', "share of the states' emissions a club must hold to count as large, %", '90')
  .option(
    '--set <id=value>',
    'override a parameter (e.g. cooperation.tariff_incidence=0.25); repeatable',
    collect,
    [],
  )
  .option('--csv', 'print CSV')
  .addHelpText(
    'after',
    '\nColumns: price_usd_per_tco2, tariff_pct, members_from_all and emissions_share_from_all_pct (the stable club\n' +
      'reached from the grand coalition), members_from_none and emissions_share_from_none_pct (from an empty club).\n\n' +
      'Examples:\n  worldorder club\n  worldorder club --prices 50 --tariffs 0,2,5 --set cooperation.scc_usd_per_tco2=190',
  )
  .action(async (opts) => (await import('./commands/club.js')).club(opts));

program
  .command('data')
  .description('describe the base-year dataset: coverage, sources, and every imputed value')
  .option('-c, --country <iso3>', 'every base-year value of one country with its source and year')
  .option('--json', 'print the per-country sources as JSON')
  .option(
    '--export-trade <file.csv>',
    'write the base-year trade matrix: exporter, importer, value_billion_usd2015',
  )
  .option(
    '--trade-flows',
    'print every flow of the trade matrix with its status (scaled, observed, imputed, domestic)',
  )
  .addHelpText(
    'after',
    '\nExamples:\n  worldorder data\n  worldorder data --country USA\n  worldorder data --export-trade trade-2024.csv',
  )
  .action(async (opts) => (await import('./commands/data.js')).data(opts));

program
  .command('explore')
  .description('serve the web explorer: levers, charts, a map and the causal system, in your browser')
  .option('-p, --port <n>', 'port to listen on', '8080')
  .option('--host <address>', 'address to listen on (0.0.0.0 to reach it from other devices)', '127.0.0.1')
  .option('--rebuild', 'rebuild the explorer (web/ -> dist/web/) even when it looks current')
  .addHelpText(
    'after',
    '\nBuilds the explorer first when it is missing or older than its sources; the model then runs in the\n' +
      'browser, offline after the first visit.\n\nExamples:\n  worldorder explore\n  worldorder explore --port 9000\n  npm start -- --port 9000',
  )
  .action(async (opts) => (await import('./commands/explore.js')).explore(opts));

const fit = program
  .command('fit')
  .description('estimate a model from data (see `worldorder fit conflict --help`)');
fit
  .command('conflict')
  .description('fit a logit model of dispute onset to any dyad-year table (CSV, or CSV.gz)')
  .requiredOption(
    '-d, --data <file.csv>',
    'the dyad-year table: a header row, one row per dyad and year (gzip is detected)',
  )
  .requiredOption('--outcome <col>', 'the 0/1 outcome column (1 = a dispute began that year)')
  .requiredOption('--covariates <a,b,c>', 'comma-separated numeric covariate columns')
  .option(
    '--peace-years',
    "add years since the dyad's last event, squared and cubed (Carter and Signorino 2010)",
  )
  .option('--dyad <cols>', 'comma-separated columns that identify a dyad (with --peace-years)')
  .option('--year <col>', 'the year column (for --peace-years and --train-to)')
  .option(
    '--train-to <year>',
    'fit on rows up to this year; report AUC, Brier score and log loss on the later rows',
  )
  .option('--min-events <n>', 'fewest events (and non-events) needed in the fitted rows', '10')
  .option(
    '-o, --out <file.json>',
    'write the JSON here and print a coefficient table (default: JSON to standard output)',
  )
  .addHelpText(
    'after',
    `
Output JSON: n, events, loglik (natural log), coefficients and std_errors (by covariate name, plus
intercept; peace-year terms are peace_years, peace_years_sq, peace_years_cube), converged, iterations,
holdout {n, events, auc, brier, log_loss} with --train-to, dropped_missing and warnings.

Rows with a missing covariate or outcome (empty, NA, NaN, N/A, null) are dropped and counted. Peace-years
count from each dyad's first row (0 there), restart at 0 the year after an event, and are computed on all
rows, in year order, whatever the file order. Standard errors are from the inverse observed information.
Constant or collinear covariates and (quasi-)separated outcomes are refused with an explanation.

Examples:
  worldorder fit conflict --data data/raw/dyad_year.csv.gz --outcome mid_onset \\
    --covariates conttype,atop_defense,joint_igos --peace-years --dyad cow_code1,cow_code2 --year year
  worldorder fit conflict --data dyads.csv --outcome war --covariates dem_low,ln_dist \\
    --year year --train-to 2000 --out fit.json`,
  )
  .action(async (opts) => (await import('./commands/fit.js')).fitConflictCommand(opts));

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
