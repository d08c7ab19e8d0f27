/** `worldorder climate`: FaIR v1.6 (CO2-only) alone on an emission path read from CSV. */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { UserError } from '../../errors.js';
import { FairRangeError, type FairRun, runFair } from '../../model/climate/fair.js';
import { registry } from '../../model/engine.js';
import { fairParams } from '../../model/modules/climate.js';
import { writeFileAtomically } from '../../output/atomic.js';
import { parseSets } from '../overrides.js';

const REQUIRED = ['year', 'co2_emissions_gtc'] as const;
const OPTIONAL = ['other_forcing_wm2'] as const;

interface ClimateOptions {
  emissions: string;
  out?: string;
  set: string[];
}

export interface EmissionPath {
  /** The file it was read from, for messages. */
  readonly file: string;
  readonly year: number[];
  readonly emissionsGtc: number[];
  readonly otherForcing?: number[];
}

/** Reads and checks an emissions CSV; every problem names the file and line. */
export function readEmissions(file: string): EmissionPath {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UserError('cannot read the emissions file', file);
  }
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, trim: true, info: true, bom: true });
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw new UserError(`malformed CSV: ${(err as Error).message}`, line ? `${file}:${line}` : file);
  }
  const header = Object.keys(records[0]?.record ?? {});
  if (records.length === 0)
    throw new UserError('no data rows (expected a header and one row per year)', file);
  for (const col of REQUIRED) {
    if (!header.includes(col)) {
      throw new UserError(
        `missing column '${col}' (required: ${REQUIRED.join(', ')}; optional: ${OPTIONAL.join(', ')})`,
        `${file}:1`,
      );
    }
  }
  const unknown = header.find(
    (c) => !(REQUIRED as readonly string[]).includes(c) && !(OPTIONAL as readonly string[]).includes(c),
  );
  if (unknown !== undefined) {
    throw new UserError(
      `unknown column '${unknown}' (allowed: ${[...REQUIRED, ...OPTIONAL].join(', ')})`,
      `${file}:1`,
    );
  }
  const hasForcing = header.includes('other_forcing_wm2');
  const path = {
    file,
    year: [] as number[],
    emissionsGtc: [] as number[],
    otherForcing: hasForcing ? ([] as number[]) : undefined,
  };
  for (const { record, info } of records) {
    const where = `${file}:${info.lines}`;
    const cell = (col: string) => {
      const v = record[col];
      const x = v === '' ? Number.NaN : Number(v);
      if (!Number.isFinite(x)) throw new UserError(`${col} must be a number, got '${v}'`, where);
      return x;
    };
    const year = cell('year');
    if (!Number.isInteger(year))
      throw new UserError(`year must be a whole number, got '${record.year}'`, where);
    const previous = path.year[path.year.length - 1];
    if (previous !== undefined && year !== previous + 1) {
      throw new UserError(`years must be consecutive: ${year} follows ${previous}`, where);
    }
    path.year.push(year);
    path.emissionsGtc.push(cell('co2_emissions_gtc'));
    path.otherForcing?.push(cell('other_forcing_wm2'));
  }
  return path;
}

export function climateCsv(path: EmissionPath, overrides: Readonly<Record<string, number>> = {}): string {
  let run: FairRun;
  try {
    run = runFair(fairParams(registry.resolve(overrides)), path.emissionsGtc, path.otherForcing);
  } catch (err) {
    if (!(err instanceof FairRangeError)) throw err;
    throw new UserError(
      `in ${path.year[err.step]} the path leaves what FaIR can represent: ${err.message}`,
      path.file,
    );
  }
  // Shortest round-trip representation: full precision, and the same bytes everywhere.
  const lines = ['year,co2_concentration_ppm,forcing_wm2,temperature_k'];
  for (let t = 0; t < path.year.length; t++) {
    lines.push(`${path.year[t]},${run.concentration[t]},${run.forcing[t]},${run.temperature[t]}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function climate(opts: ClimateOptions): Promise<void> {
  const overrides = parseSets(opts.set, registry);
  const notClimate = Object.keys(overrides).find((id) => !id.startsWith('climate.'));
  if (notClimate) throw new UserError(`only climate.* parameters apply here, not '${notClimate}'`, '--set');
  const csv = climateCsv(readEmissions(opts.emissions), overrides);
  if (opts.out) writeFileAtomically(opts.out, csv);
  else process.stdout.write(csv);
}
