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
  .option('--opinion <mode>', 'aggregate (equations) or agents (citizens on a social network)', 'aggregate')
  .option('--agents-per-country <k>', 'citizens per state with --opinion agents (default 1000)')
  .option('--stances <file.csv>', 'replace base-year government stances: columns iso3, stance')
  .addHelpText(
    'after',
    '\nExamples:\n  worldorder run baseline\n  worldorder run my-scenario.yaml --out out/mine --set climate.ecs=3.5\n' +
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

try {
  await program.parseAsync();
} catch (err) {
  if (err instanceof UserError) {
    process.stderr.write(`worldorder: ${err.message}\n`);
    process.exit(1);
  }
  throw err;
}
