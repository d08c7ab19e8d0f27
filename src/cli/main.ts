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
    'Simulate the international system country by country, 2024-2100: population, economy and climate ' +
      '(trade, politics, institutions, conflict and shared values come as their modules land).',
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
  .addOption(new Option('--json', 'print JSON: [{id, default, min, max, units, source, description}]'))
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

try {
  await program.parseAsync();
} catch (err) {
  if (err instanceof UserError) {
    process.stderr.write(`worldorder: ${err.message}\n`);
    process.exit(1);
  }
  throw err;
}
