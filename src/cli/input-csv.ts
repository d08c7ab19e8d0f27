/** A CSV file given to a command: its header and rows with their line numbers; errors name the file and line. */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { UserError } from '../errors.js';

export interface InputCsv {
  /** Column names of the first line, trimmed (also when there are no rows). */
  readonly header: readonly string[];
  /** Rows by column name, with the file line each ends on. */
  readonly records: readonly {
    readonly record: Record<string, string>;
    readonly info: { readonly lines: number };
  }[];
}

/** Reads `file`; `what` names it in errors ("the tariff file"). */
export function readInputCsv(file: string, what: string): InputCsv {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UserError(`cannot read ${what}`, file);
  }
  let records: InputCsv['records'];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, trim: true, info: true, bom: true });
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw new UserError(`malformed CSV: ${(err as Error).message}`, line ? `${file}:${line}` : file);
  }
  const header = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/, 1)[0]
    .split(',')
    .map((c) => c.trim());
  return { header, records };
}
