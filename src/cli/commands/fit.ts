/** `worldorder fit conflict`: a logit dispute model fitted to any dyad-year table. */
import { columnsFor, fitConflict } from '../../conflict/fit.js';
import { UserError } from '../../errors.js';
import { writeFileAtomically } from '../../output/atomic.js';
import { readCsv } from '../../tables/read-csv.js';

interface FitConflictOptions {
  data: string;
  outcome: string;
  covariates: string;
  peaceYears?: boolean;
  dyad?: string;
  year?: string;
  trainTo?: string;
  minEvents: string;
  out?: string;
}

function list(text: string, flag: string): string[] {
  const names = text.split(',').map((s) => s.trim());
  if (names.some((s) => s === ''))
    throw new UserError(`expected comma-separated column names, got '${text}'`, flag);
  return names;
}

function wholeNumber(text: string, flag: string, min: number): number {
  const v = Number(text);
  if (!Number.isInteger(v) || v < min)
    throw new UserError(`expected a whole number >= ${min}, got '${text}'`, flag);
  return v;
}

/** The coefficient table printed when the JSON goes to a file. */
function summary(json: Record<string, unknown>): string {
  const coef = json.coefficients as Record<string, number>;
  const se = json.std_errors as Record<string, number>;
  const w = Math.max(...Object.keys(coef).map((k) => k.length), 'term'.length);
  const num = (x: number) => x.toPrecision(6).padStart(13);
  const lines = [
    `${'term'.padEnd(w)}   coefficient     std_error       z`,
    ...Object.keys(coef).map(
      (k) => `${k.padEnd(w)} ${num(coef[k])} ${num(se[k])} ${(coef[k] / se[k]).toFixed(2).padStart(7)}`,
    ),
    '',
    `n ${json.n}, events ${json.events}, log-likelihood ${(json.loglik as number).toFixed(4)}, ${json.iterations} iterations`,
  ];
  const h = json.holdout as { n: number; events: number; auc: number | null; brier: number } | undefined;
  if (h) {
    lines.push(
      `holdout after ${json.train_to}: n ${h.n}, events ${h.events}, AUC ${h.auc === null ? 'undefined' : h.auc.toFixed(4)}, Brier ${h.brier.toPrecision(4)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export async function fitConflictCommand(opts: FitConflictOptions): Promise<void> {
  const covariates = list(opts.covariates, '--covariates');
  const dyad = opts.dyad === undefined ? undefined : list(opts.dyad, '--dyad');
  if (dyad && !opts.peaceYears) throw new UserError('only used with --peace-years', '--dyad');
  if (opts.peaceYears && (!dyad || !opts.year)) {
    throw new UserError(
      'needs --dyad DYAD_COLS and --year YEAR_COL to count years within each dyad',
      '--peace-years',
    );
  }
  const trainTo = opts.trainTo === undefined ? undefined : wholeNumber(opts.trainTo, '--train-to', -1e6);
  const options = {
    outcome: opts.outcome,
    covariates,
    peaceYears: opts.peaceYears ? { dyad: dyad! } : undefined,
    year: opts.year,
    trainTo,
    minEvents: wholeNumber(opts.minEvents, '--min-events', 1),
  };
  const table = await readCsv(opts.data, columnsFor(options));
  const result = fitConflict(table, options);
  for (const w of result.warnings) process.stderr.write(`worldorder: warning: ${w}\n`);
  const text = `${JSON.stringify(result.json, null, 2)}\n`;
  if (opts.out) {
    writeFileAtomically(opts.out, text);
    process.stdout.write(summary(result.json));
    process.stdout.write(`wrote ${opts.out}\n`);
  } else {
    process.stdout.write(text);
  }
}
