/**
 * Estimates the shipped conflict model from the dyad-year data and writes data/conflict_model.json, which
 * `npm run build:data` copies into the shipped dataset. Run with `npm run estimate:conflict`.
 *
 * The model: a logit of MID onset (Correlates of War MID 5.0, every undirected dyad-year 1946-2014) on the
 * Kantian variables (democracy of the pair, trade dependence, joint IGO memberships) and the usual controls
 * (alliance, contiguity, distance, capability ratio, major power) with peace-years and their square and cube
 * (Carter and Signorino 2010), as in Oneal and Russett (1999) and Russett and Oneal (2001). Fitted on
 * 1946-2000 and scored on 2001-2014 against two baselines fitted on the same rows: contiguity and distance
 * alone, and the same model without the Kantian variables. A fatal-MID variant is fitted the same way.
 *
 * It also measures the base rates the simulation uses: how often a dispute escalates to war, how often a war
 * goes on into a second year, how often a defence ally of a belligerent joins.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ConflictFit, fitConflict } from '../src/conflict/fit.js';
import type { Table } from '../src/tables/read-csv.js';
import {
  COVARIATES,
  type Covariate,
  deriveCovariates,
  KANTIAN,
  nominalGdp,
  REALIST,
  readDyadYears,
  readRaw,
} from './data/conflict-covariates.js';

export const MODEL_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'conflict_model.json');

export const TRAIN_TO = 2000;
const MIN_EVENTS = 10;
/** MID hostility level 5: interstate war (1,000 battle deaths, COW). */
const WAR = 5;

interface Models {
  readonly table: Table;
  readonly complete: Uint8Array;
}

/** The dyad table with the derived covariates added, and the rows where all of them are known. */
export function prepare(): Models {
  const raw = readDyadYears();
  const derived = deriveCovariates(raw, nominalGdp(readRaw('country_year.csv')));
  const numeric = new Map(raw.numeric);
  for (const c of COVARIATES) numeric.set(c, derived[c]);
  const table: Table = { ...raw, numeric };
  const complete = new Uint8Array(raw.n);
  for (let i = 0; i < raw.n; i++) complete[i] = COVARIATES.every((c) => !Number.isNaN(derived[c][i])) ? 1 : 0;
  return { table, complete };
}

/** Fits one model on the shared complete rows. */
export function fitModel(
  m: Models,
  outcome: string,
  covariates: readonly Covariate[],
  withPeaceYears: boolean,
): ConflictFit {
  return fitConflict(m.table, {
    outcome,
    covariates,
    peaceYears: withPeaceYears ? { dyad: ['cow_code1', 'cow_code2'] } : undefined,
    year: 'year',
    trainTo: TRAIN_TO,
    minEvents: MIN_EVENTS,
    rows: m.complete,
  });
}

/** Escalation, war continuation and ally joining, counted in the whole table (1946-2014). */
function baseRates(t: Table) {
  const col = (c: string) => t.numeric.get(c)!;
  const [year, onset, orig, host, ongoing, pact] = [
    'year',
    'mid_onset',
    'mid_onset_orig',
    'mid_hostlev_max',
    'mid_ongoing',
    'atop_defense',
  ].map(col);
  const c1 = t.text.get('cow_code1')!;
  const c2 = t.text.get('cow_code2')!;
  const cow = (c: typeof c1, i: number) => Number(c.values[c.ids[i]]);
  const key = (a: number, b: number, y: number) => (Math.min(a, b) * 1000 + Math.max(a, b)) * 10000 + y;
  const row = new Map<number, number>();
  const states = new Map<number, Set<number>>();
  for (let i = 0; i < t.n; i++) {
    const [a, b] = [cow(c1, i), cow(c2, i)];
    row.set(key(a, b, year[i]), i);
    if (!states.has(year[i])) states.set(year[i], new Set());
    states.get(year[i])!.add(a).add(b);
  }
  const at = (a: number, b: number, y: number) => row.get(key(a, b, y));
  let onsets = 0;
  let wars = 0;
  let continuing = 0;
  let observedNext = 0;
  let eligible = 0;
  let joined = 0;
  for (let i = 0; i < t.n; i++) {
    if (onset[i] === 1) onsets++;
    if (!(orig[i] === 1 && host[i] === WAR)) continue;
    wars++;
    const [a, b, y] = [cow(c1, i), cow(c2, i), year[i]];
    const next = at(a, b, y + 1);
    if (next !== undefined) {
      observedNext++;
      if (ongoing[next] === 1) continuing++;
    }
    for (const [side, enemy] of [
      [a, b],
      [b, a],
    ]) {
      for (const k of states.get(y)!) {
        if (k === a || k === b) continue;
        const withSide = at(k, side, y);
        const withEnemy = at(k, enemy, y);
        if (withSide === undefined || pact[withSide] !== 1) continue;
        if (withEnemy !== undefined && pact[withEnemy] === 1) continue;
        eligible++;
        const fought = [y, y + 1].some((yy) => {
          const r = at(k, enemy, yy);
          return r !== undefined && onset[r] === 1 && host[r] === WAR;
        });
        if (fought) joined++;
      }
    }
  }
  return {
    escalation: {
      value: wars / onsets,
      wars,
      onsets,
      rule: 'MID onsets between originators that reached hostility level 5 (war), over all dyadic MID onsets, 1946-2014',
    },
    war_continuation: {
      value: continuing / observedNext,
      continuing,
      wars: observedNext,
      rule: 'of those wars, the share whose dispute was still ongoing the next year',
    },
    ally_joining: {
      value: joined / eligible,
      joined,
      allies: eligible,
      rule: "defence allies of one side (not allied to the other) that began a war with the other side in the war's first or second year, over all such allies",
    },
  };
}

export function estimate(): Record<string, unknown> {
  const m = prepare();
  const t = m.table;
  const year = t.numeric.get('year')!;
  const onset = t.numeric.get('mid_onset')!;
  const perYear = new Map<number, number>();
  for (let i = 0; i < t.n; i++) perYear.set(year[i], (perYear.get(year[i]) ?? 0) + onset[i]);
  let completeRows = 0;
  for (const c of m.complete) completeRows += c;
  const main = fitModel(m, 'mid_onset', COVARIATES, true);
  return {
    description:
      'Logit models of militarized interstate dispute (MID) onset in undirected dyad-years, fitted on 1946-2000 and scored on 2001-2014; written by scripts/estimate-conflict.ts',
    data: 'data/raw/dyad_year.csv.gz (COW MID 5.0, ATOP 5.1, COW IGO 3, COW trade 4.0, V-Dem, NMC 7.0), data/raw/country_year.csv (nominal GDP)',
    train_years: [Math.min(...perYear.keys()), TRAIN_TO],
    test_years: [TRAIN_TO + 1, Math.max(...perYear.keys())],
    rows: { total: t.n, complete: completeRows },
    peace_years_max: main.peaceYearsMax,
    models: {
      mid_onset: main.json,
      fatal_mid_onset: fitModel(m, 'fatal_mid_onset', COVARIATES, true).json,
      baseline_geography: fitModel(m, 'mid_onset', ['contiguity', 'log_distance'], false).json,
      baseline_no_kantian: fitModel(m, 'mid_onset', REALIST, true).json,
    },
    kantian: KANTIAN,
    onsets_per_year: Object.fromEntries([...perYear].sort((a, b) => a[0] - b[0])),
    base_rates: baseRates(t),
  };
}

/** The coefficient parameters for src/model/modules/security.ts: estimate and +-2 standard errors. */
function registryBlock(model: Record<string, unknown>): string {
  const main = (model.models as Record<string, Record<string, Record<string, number>>>).mid_onset;
  const r = (x: number) => Number(x.toPrecision(4));
  return Object.entries(main.coefficients)
    .map(([name, b]) => {
      const se = main.std_errors[name];
      return `  ${name}: ${r(b)} (range ${r(b - 2 * se)} to ${r(b + 2 * se)})`;
    })
    .join('\n');
}

function table(model: Record<string, unknown>): string {
  const models = model.models as Record<
    string,
    { holdout: { auc: number; brier: number; log_loss: number } }
  >;
  const label: Record<string, string> = {
    mid_onset: 'shipped model (Kantian variables, controls, peace-years)',
    baseline_no_kantian: 'baseline: the same without the Kantian variables',
    baseline_geography: 'baseline: contiguity and distance only',
    fatal_mid_onset: 'fatal-MID variant (outcome: MID with fatalities)',
  };
  const lines = ['| model | holdout AUC | Brier | log loss |', '|---|---|---|---|'];
  for (const name of ['mid_onset', 'baseline_no_kantian', 'baseline_geography', 'fatal_mid_onset']) {
    const h = models[name].holdout;
    lines.push(
      `| ${label[name]} | ${h.auc.toFixed(4)} | ${h.brier.toPrecision(4)} | ${h.log_loss.toFixed(5)} |`,
    );
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const t0 = performance.now();
  const model = estimate();
  writeFileSync(MODEL_PATH, `${JSON.stringify(model, null, 2)}\n`);
  console.log(table(model));
  console.log(
    `\nsecurity.coef_* defaults and ranges for src/model/modules/security.ts:\n${registryBlock(model)}`,
  );
  console.log(`wrote ${MODEL_PATH} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
