/**
 * Government stance tables: CSV with an `iso3` column and a stance column whose values are
 * `internationalist`, `mixed` or `nationalist-populist`. The shipped base-year table
 * (data/raw/politics_2024.csv, read by scripts/data/politics.ts) and a user's `worldorder run --stances FILE`
 * are both read here, so both are checked the same way; a problem is a UserError naming the file and line.
 */
import { parse } from 'csv-parse/sync';
import { UserError } from '../errors.js';
import { STANCES } from '../model/politics/elections.js';
import { nearest } from '../suggest.js';

type StanceName = (typeof STANCES)[number];

export interface StanceRow {
  readonly iso3: string;
  /** 0, 1 or 2. */
  readonly stance: number;
  /** 1-based line in the file. */
  readonly line: number;
  /** Every column of the row, as text. */
  readonly fields: Readonly<Record<string, string>>;
}

/** The stance code of a name, or a UserError at `where`. */
export function stanceCode(name: string, where: string): number {
  const code = STANCES.indexOf(name.trim().toLowerCase() as StanceName);
  if (code < 0) {
    throw new UserError(`unknown stance '${name}'; stances: ${STANCES.join(', ')}`, where);
  }
  return code;
}

/**
 * Parses a stance table. `codes` are the known ISO3 codes; `column` names the stance column. Each code may
 * appear once; `requireAll` demands a row for every known code (the shipped base-year table).
 */
export function parseStanceTable(
  text: string,
  file: string,
  codes: readonly string[],
  column = 'stance',
  requireAll = false,
): StanceRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as typeof records;
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    const what = (err as Error).message.replace(/ on line \d+$/, '');
    throw new UserError(`malformed CSV: ${what}`, line ? `${file}:${line}` : file);
  }
  if (records.length === 0) throw new UserError(`empty file: expected a header \`iso3,${column}\``, file);
  const header = records[0].record;
  for (const required of ['iso3', column]) {
    if (!header.includes(required)) {
      throw new UserError(`missing column '${required}'; the header is: ${header.join(',')}`, `${file}:1`);
    }
  }
  const known = new Set(codes);
  const seen = new Map<string, number>();
  const rows: StanceRow[] = [];
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    const where = `${file}:${line}`;
    const fields = Object.fromEntries(header.map((h, c) => [h, record[c] ?? '']));
    const iso3 = fields.iso3;
    if (!known.has(iso3)) {
      throw new UserError(
        `unknown country code '${iso3}'; did you mean ${nearest(iso3.toUpperCase(), codes).join(', ')}?`,
        where,
      );
    }
    const previous = seen.get(iso3);
    if (previous !== undefined)
      throw new UserError(`${iso3} appears twice (also on line ${previous})`, where);
    seen.set(iso3, line);
    rows.push({ iso3, stance: stanceCode(fields[column], where), line, fields });
  }
  if (requireAll) {
    const missing = codes.filter((c) => !seen.has(c));
    if (missing.length > 0) throw new UserError(`no row for ${missing.join(', ')}`, file);
  }
  return rows;
}
