/** `worldorder run`: one scenario, written all-or-nothing to an output directory. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { registry, simulate } from '../../model/engine.js';
import { writeDirectoryAtomically } from '../../output/atomic.js';
import { toCsv } from '../../output/csv.js';
import { headline } from '../../output/headline.js';
import { countriesCsv, globalCsv, runJson } from '../../output/run-files.js';
import { loadScenario } from '../../scenario/load.js';
import { overridesOf, runOptions } from '../../scenario/run-options.js';
import { CODE_VERSION } from '../../version.js';
import { parseOpinion } from '../opinion.js';
import { parseSeed, parseSets } from '../overrides.js';
import { withStances } from '../stances.js';
import { dataWithMembers } from './institutions.js';

interface RunOptions {
  out: string;
  seed?: string;
  set: string[];
  charts: boolean;
  members?: string;
  opinion: string;
  agentsPerCountry?: string;
  stances?: string;
}

export async function run(scenarioArg: string, opts: RunOptions): Promise<void> {
  const shipped = dataWithMembers(opts.members);
  const { scenario, file } = loadScenario(scenarioArg, shipped);
  const request = {
    scenario,
    overrides: parseSets(opts.set, registry),
    seed: opts.seed === undefined ? undefined : parseSeed(opts.seed),
  };
  const options = runOptions(request);
  const { params, seed } = options;
  const overrides = overridesOf(request);
  const opinion = parseOpinion(opts.opinion, opts.agentsPerCountry, shipped.countries.iso3.length, params);
  const { data, stances } = opts.stances
    ? withStances(shipped, opts.stances)
    : { data: shipped, stances: {} };
  const result = simulate(data, { ...options, opinion });
  const out = opts.out === 'output/<scenario name>' ? join('output', scenario.name) : opts.out;

  await writeDirectoryAtomically(out, async (tmp) => {
    writeFileSync(join(tmp, 'global.csv'), globalCsv(result));
    writeFileSync(join(tmp, 'countries.csv'), countriesCsv(result));
    for (const [name, table] of Object.entries(result.tables)) {
      writeFileSync(join(tmp, `${name}.csv`), toCsv(table.columns, table.rows));
    }
    writeFileSync(
      join(tmp, 'run.json'),
      runJson({
        scenario,
        scenarioFile: file,
        seed,
        params,
        overrides,
        data,
        codeVersion: CODE_VERSION,
        opinion,
        stances: opts.stances ? { file: opts.stances, stances } : undefined,
      }),
    );
    if (opts.charts) {
      const { writeCharts } = await import('../../output/charts.js');
      await writeCharts(result, join(tmp, 'charts'), scenario.name);
    }
  });
  process.stdout.write(headline(result, data, scenario.name));
  const files = [
    'global.csv',
    'countries.csv',
    ...Object.keys(result.tables).map((t) => `${t}.csv`),
    'run.json',
  ];
  process.stdout.write(`\nwrote ${out}/: ${files.join(', ')}${opts.charts ? ', charts/' : ''}\n`);
}
