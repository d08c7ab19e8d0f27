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
    'Simulate the international system country by country, 2024-2100: population, economy, climate,\n' +
      'institutions, crises, climate cooperation and the four reforms; and (as modules land) trade, politics,\n' +
      'conflict and shared values.',
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
  .addHelpText(
    'after',
    '\nExamples:\n  worldorder run baseline\n  worldorder run my-scenario.yaml --out out/mine --set climate.ecs=3.5\n' +
      '  worldorder run us-withdrawals --out out/us\n  worldorder run baseline --members my_members.csv',
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
  .action(async (opts) => (await import('./commands/data.js')).data(opts));

try {
  await program.parseAsync();
} catch (err) {
  if (err instanceof UserError) {
    process.stderr.write(`worldorder: ${err.message}\n`);
    process.exit(1);
  }
  throw err;
}
