/** `worldorder query`: SQL over an ensemble's Parquet files, answered as CSV. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { queryParquet, RUNS_FILE, SERIES_FILE } from '../../ensemble/store.js';
import { UserError } from '../../errors.js';

/** One CSV cell (RFC 4180): NULL is empty; text with a comma, quote or line break is quoted. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export async function query(dir: string, sql: string): Promise<void> {
  for (const file of [RUNS_FILE, SERIES_FILE]) {
    if (!existsSync(join(dir, file))) {
      throw new UserError(
        `not an ensemble directory: no ${file} (write one with \`worldorder ensemble\`)`,
        dir,
      );
    }
  }
  if (sql.trim() === '') throw new UserError('the query is empty', 'SQL');
  let result: Awaited<ReturnType<typeof queryParquet>>;
  try {
    result = await queryParquet(dir, sql);
  } catch (err) {
    // DuckDB's messages run over several lines (the statement, a caret): the first says what is wrong.
    throw new UserError((err as Error).message.split('\n')[0], 'SQL');
  }
  const lines = [
    result.columns.map(csvCell).join(','),
    ...result.rows.map((row) => row.map(csvCell).join(',')),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
