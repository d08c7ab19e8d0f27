/**
 * Fitting a dispute model to any dyad-year table: the outcome and covariates from named columns, optional
 * peace-years with their square and cube (Carter and Signorino 2010), an optional split into a training
 * period and later years held out for scoring. Used by `worldorder fit conflict` and by the script that
 * estimates the shipped model (scripts/estimate-conflict.ts).
 */
import { UserError } from '../errors.js';
import { type Scores, scores } from '../stats/classification.js';
import { EstimationError, fitLogit, type LogitFit } from '../stats/logit.js';
import type { Table } from '../tables/read-csv.js';
import { peaceYears } from './peace-years.js';

/** Names of the peace-years terms in the output. */
export const PEACE_YEAR_TERMS = ['peace_years', 'peace_years_sq', 'peace_years_cube'] as const;

export interface ConflictFitOptions {
  readonly outcome: string;
  readonly covariates: readonly string[];
  /** Add peace-years and their square and cube, counted within each dyad. */
  readonly peaceYears?: { readonly dyad: readonly string[] };
  /** The year column: needed for peace-years and for a holdout split. */
  readonly year?: string;
  /** Fit on rows up to and including this year; score the later rows. */
  readonly trainTo?: number;
  /** Fewest events (and non-events) in the training rows. */
  readonly minEvents: number;
  /** Keep only these rows (a filter the caller computed), before anything else; all rows if absent. */
  readonly rows?: Uint8Array;
}

/** The columns a fit needs from the table. */
export function columnsFor(o: ConflictFitOptions): { numeric: string[]; text: string[] } {
  const numeric = [o.outcome, ...o.covariates];
  if (o.year) numeric.push(o.year);
  return { numeric: [...new Set(numeric)], text: [...(o.peaceYears?.dyad ?? [])] };
}

export interface ConflictFit {
  readonly fit: LogitFit;
  readonly holdout?: Scores;
  /** Rows of the training period left out for a missing outcome or covariate. */
  readonly droppedMissing: number;
  readonly droppedByColumn: Readonly<Record<string, number>>;
  readonly warnings: readonly string[];
  /** The largest peace-years among the fitted rows (with peace-years). */
  readonly peaceYearsMax?: number;
  /** The output of `worldorder fit conflict`. */
  readonly json: Record<string, unknown>;
}

const where = (t: Table) => (row: number) => `${t.file}:${t.line[row]}`;

/** One integer id per distinct combination of the dyad columns. */
function dyadIds(t: Table, columns: readonly string[]): Int32Array {
  const ids = Int32Array.from(t.text.get(columns[0])!.ids);
  for (const c of columns.slice(1)) {
    const col = t.text.get(c)!;
    const seen = new Map<number, number>();
    const width = col.values.length;
    for (let i = 0; i < t.n; i++) {
      const key = ids[i] * width + col.ids[i];
      let id = seen.get(key);
      if (id === undefined) {
        id = seen.size;
        seen.set(key, id);
      }
      ids[i] = id;
    }
  }
  return ids;
}

function check(o: ConflictFitOptions): void {
  const all = [o.outcome, ...o.covariates];
  const reserved = new Set<string>(['intercept', ...(o.peaceYears ? PEACE_YEAR_TERMS : [])]);
  for (const c of o.covariates) {
    if (reserved.has(c)) throw new UserError(`'${c}' is a reserved name; rename the column`, '--covariates');
  }
  const twice = all.find((c, k) => all.indexOf(c) !== k);
  if (twice !== undefined) {
    throw new UserError(
      `'${twice}' is listed twice (as the outcome or a covariate)`,
      twice === o.outcome ? '--outcome' : '--covariates',
    );
  }
  if (o.peaceYears && !o.year) throw new UserError('peace-years need --year (and --dyad)', '--peace-years');
  if (o.trainTo !== undefined && !o.year) {
    throw new UserError('a holdout split needs --year to tell the later rows', '--train-to');
  }
  if (o.peaceYears && o.peaceYears.dyad.length === 0) {
    throw new UserError('peace-years need --dyad (and --year)', '--peace-years');
  }
}

export function fitConflict(t: Table, o: ConflictFitOptions): ConflictFit {
  check(o);
  const n = t.n;
  const y = t.numeric.get(o.outcome)!;
  const keep = o.rows ?? new Uint8Array(n).fill(1);
  for (let i = 0; i < n; i++) {
    if (keep[i] && !Number.isNaN(y[i]) && y[i] !== 0 && y[i] !== 1) {
      throw new UserError(`outcome '${o.outcome}' must be 0 or 1, got ${y[i]}`, where(t)(i));
    }
  }
  const year = o.year ? t.numeric.get(o.year)! : undefined;
  if (year) {
    for (let i = 0; i < n; i++) {
      if (keep[i] && Number.isNaN(year[i])) {
        throw new UserError(`column '${o.year}' is missing: every row needs its year`, where(t)(i));
      }
    }
  }
  const names = [...o.covariates];
  const columns = o.covariates.map((c) => t.numeric.get(c)!);
  if (o.peaceYears) {
    const py = peaceYears(dyadIds(t, o.peaceYears.dyad), year!, y, where(t), o.year!);
    names.push(...PEACE_YEAR_TERMS);
    columns.push(
      py,
      py.map((v) => v * v),
      py.map((v) => v * v * v),
    );
  }
  const inTraining = (i: number) => o.trainTo === undefined || year![i] <= o.trainTo;

  const droppedByColumn: Record<string, number> = {};
  for (const c of [o.outcome, ...o.covariates]) droppedByColumn[c] = 0;
  const complete = new Uint8Array(n);
  let training = 0;
  let droppedMissing = 0;
  for (let i = 0; i < n; i++) {
    if (!keep[i]) continue;
    let ok = !Number.isNaN(y[i]);
    if (!ok && inTraining(i)) droppedByColumn[o.outcome]++;
    for (let j = 0; j < o.covariates.length; j++) {
      if (Number.isNaN(columns[j][i])) {
        if (inTraining(i)) droppedByColumn[o.covariates[j]]++;
        ok = false;
      }
    }
    complete[i] = ok ? 1 : 0;
    if (inTraining(i)) {
      training++;
      if (!ok) droppedMissing++;
    }
  }
  if (training === 0) {
    throw new UserError(
      o.trainTo === undefined ? 'no data rows' : `no rows in or before ${o.trainTo} to fit on`,
      o.trainTo === undefined ? t.file : '--train-to',
    );
  }
  const rowsWhere = (inFit: boolean) => {
    let count = 0;
    for (let i = 0; i < n; i++) if (complete[i] && inTraining(i) === inFit) count++;
    const rows = new Int32Array(count);
    for (let i = 0, k = 0; i < n; i++) if (complete[i] && inTraining(i) === inFit) rows[k++] = i;
    return rows;
  };
  const fitRows = rowsWhere(true);
  const holdRows = rowsWhere(false);
  const pick = (col: Float64Array, rows: Int32Array) => {
    const out = new Float64Array(rows.length);
    for (let r = 0; r < rows.length; r++) out[r] = col[rows[r]];
    return out;
  };
  if (fitRows.length === 0) {
    const worst = Object.entries(droppedByColumn).sort((a, b) => b[1] - a[1])[0];
    throw new UserError(
      `no complete rows to fit: each of the ${training} rows lacks the outcome or a covariate ('${worst[0]}' is missing in ${worst[1]})`,
      '--covariates',
    );
  }
  const yFit = pick(y, fitRows);
  let events = 0;
  for (const v of yFit) events += v;
  const p = names.length + 1;
  const needed = Math.max(o.minEvents, p + 1);
  const fewer = Math.min(events, fitRows.length - events);
  if (fewer < needed) {
    const kind = events <= fitRows.length - events ? 'events' : 'non-events';
    const value = kind === 'events' ? 1 : 0;
    throw new UserError(
      `too few ${kind}: ${fewer} rows with '${o.outcome}' = ${value} among the ${fitRows.length} complete rows fitted; at least ${needed} are needed for ${p} coefficients (see --min-events)`,
      '--outcome',
    );
  }

  let fit: LogitFit;
  try {
    fit = fitLogit({ names, columns: columns.map((c) => pick(c, fitRows)), y: yFit }, `'${o.outcome}'`);
  } catch (err) {
    if (err instanceof EstimationError) throw new UserError(err.what, '--covariates');
    throw err;
  }

  let peaceYearsMax: number | undefined;
  if (o.peaceYears) {
    const py = columns[o.covariates.length];
    peaceYearsMax = 0;
    for (const i of fitRows) peaceYearsMax = Math.max(peaceYearsMax, py[i]);
  }
  let holdout: Scores | undefined;
  const warnings = [...fit.warnings];
  if (droppedMissing > 0) {
    const by = Object.entries(droppedByColumn)
      .filter(([, k]) => k > 0)
      .map(([c, k]) => `${c} ${k}`)
      .join(', ');
    warnings.unshift(`dropped ${droppedMissing} of ${training} rows with a missing value (${by})`);
  }
  if (o.trainTo !== undefined) {
    if (holdRows.length === 0)
      throw new UserError(`no complete rows after ${o.trainTo} to score`, '--train-to');
    const eta = new Float64Array(holdRows.length);
    holdRows.forEach((i, r) => {
      let s = fit.coefficients[0];
      for (let j = 0; j < names.length; j++) s += fit.coefficients[j + 1] * columns[j][i];
      eta[r] = s;
    });
    holdout = scores(eta, pick(y, holdRows));
    if (holdout.auc === null) warnings.push(`no events after ${o.trainTo}: the holdout AUC is undefined`);
  }

  const byName = (values: Float64Array) => Object.fromEntries(fit.names.map((name, j) => [name, values[j]]));
  const json: Record<string, unknown> = {
    n: fit.n,
    events: fit.events,
    loglik: fit.loglik,
    coefficients: byName(fit.coefficients),
    std_errors: byName(fit.stdErrors),
    converged: fit.converged,
    iterations: fit.iterations,
    ...(holdout && { holdout }),
    outcome: o.outcome,
    covariates: names,
    dropped_missing: droppedMissing,
    ...(o.peaceYears && { peace_years: { dyad: o.peaceYears.dyad, year: o.year } }),
    ...(o.trainTo !== undefined && { train_to: o.trainTo }),
    warnings,
  };
  return { fit, holdout, droppedMissing, droppedByColumn, warnings, peaceYearsMax, json };
}
