/** The files a run writes: global.csv, countries.csv and run.json. */
import { COUNTRY_OUTPUTS, GLOBAL_OUTPUTS, type RunResult } from '../model/engine.js';
import type { OpinionMode } from '../model/module.js';
import type { Params } from '../model/registry.js';
import type { WorldData } from '../model/world-data.js';
import type { CheckedScenario } from '../scenario/load.js';
import { toCsv } from './csv.js';

export function globalCsv(r: RunResult): string {
  const names = GLOBAL_OUTPUTS.map((v) => v.name);
  return toCsv(
    ['year', ...names],
    r.years.map((year, k) => [year, ...names.map((name) => r.global[name][k])]),
  );
}

export function countriesCsv(r: RunResult): string {
  const names = COUNTRY_OUTPUTS.map((v) => v.name);
  const n = r.iso3.length;
  function* rows() {
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < r.years.length; k++) {
        yield [r.iso3[i], r.years[k], ...names.map((name) => r.country[name][k * n + i])];
      }
    }
  }
  return toCsv(['iso3', 'year', ...names], rows());
}

export interface RunRecord {
  readonly scenario: CheckedScenario;
  readonly scenarioFile: string;
  readonly seed: number;
  readonly params: Params;
  /** Parameters that differ from the registry defaults (scenario and --set). */
  readonly overrides: Readonly<Record<string, number>>;
  readonly data: WorldData;
  readonly codeVersion: string;
  /** How opinion was modelled (`--opinion`); aggregate when absent. */
  readonly opinion?: OpinionMode;
  /** Base-year stances replaced from a table (`--stances FILE`). */
  readonly stances?: { readonly file: string; readonly stances: Readonly<Record<string, string>> };
}

/** Everything needed to reproduce the run. No timestamps, so the same run gives the same bytes. */
export function runJson(rec: RunRecord): string {
  return `${JSON.stringify(
    {
      model: 'worldorder',
      code_version: rec.codeVersion,
      data_version: rec.data.version,
      base_year: rec.data.baseYear,
      scenario: {
        name: rec.scenario.name,
        description: rec.scenario.description,
        file: rec.scenarioFile,
      },
      seed: rec.seed,
      first_year: rec.scenario.first_year,
      last_year: rec.scenario.last_year,
      overrides: rec.overrides,
      events: rec.scenario.events,
      opinion: rec.opinion ?? { mode: 'aggregate' },
      ...(rec.stances && { base_year_stances: rec.stances }),
      parameters: rec.params,
      columns: {
        global: Object.fromEntries(GLOBAL_OUTPUTS.map((v) => [v.name, `${v.description} (${v.units})`])),
        countries: Object.fromEntries(COUNTRY_OUTPUTS.map((v) => [v.name, `${v.description} (${v.units})`])),
      },
    },
    null,
    2,
  )}\n`;
}
