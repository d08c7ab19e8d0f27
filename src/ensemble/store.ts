/**
 * An ensemble's results as Parquet, written and queried with DuckDB:
 *   runs.parquet    one row a run: run, seed, and a column per sampled parameter (named by registry id)
 *   series.parquet  one row a run and year: run, year, and every global output (named as in global.csv)
 * Rows are in run (then year) order and DuckDB writes on one thread, so the same ensemble gives the same
 * files however it was computed.
 */
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { ParamDef } from '../model/registry.js';
import type { EnsembleSeries } from './series.js';
import type { RunSpec } from './shard.js';

export const RUNS_FILE = 'runs.parquet';
export const SERIES_FILE = 'series.parquet';

/** A quoted SQL identifier (parameter ids contain dots). */
export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
/** A quoted SQL string literal. */
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

async function withConnection<T>(fn: (con: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const con = await instance.connect();
  try {
    return await fn(con);
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

export async function writeParquet(
  dir: string,
  runs: readonly RunSpec[],
  sampled: readonly ParamDef[],
  series: EnsembleSeries,
): Promise<void> {
  await withConnection(async (con) => {
    const params = sampled.map((d) => `${ident(d.id)} DOUBLE`);
    await con.run(`CREATE TABLE runs (run INTEGER, seed INTEGER${params.map((p) => `, ${p}`).join('')})`);
    const runAppender = await con.createAppender('runs');
    for (const r of runs) {
      runAppender.appendInteger(r.run);
      runAppender.appendInteger(r.seed);
      for (const d of sampled) runAppender.appendDouble(r.set[d.id]);
      runAppender.endRow();
    }
    runAppender.closeSync();

    const outputs = series.outputs.map((name) => `${ident(name)} DOUBLE`);
    await con.run(`CREATE TABLE series (run INTEGER, year INTEGER, ${outputs.join(', ')})`);
    const seriesAppender = await con.createAppender('series');
    const nO = series.outputs.length;
    const nY = series.years.length;
    for (let r = 0; r < series.runs; r++) {
      for (let k = 0; k < nY; k++) {
        seriesAppender.appendInteger(runs[r].run);
        seriesAppender.appendInteger(series.years[k]);
        for (let o = 0; o < nO; o++) seriesAppender.appendDouble(series.values[(r * nO + o) * nY + k]);
        seriesAppender.endRow();
      }
    }
    seriesAppender.closeSync();
    await con.run(
      `COPY (SELECT * FROM runs ORDER BY run) TO ${literal(join(dir, RUNS_FILE))} (FORMAT parquet)`,
    );
    await con.run(
      `COPY (SELECT * FROM series ORDER BY run, year) TO ${literal(join(dir, SERIES_FILE))} (FORMAT parquet)`,
    );
  });
}

export interface QueryResult {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly unknown[])[];
}

/** Runs SQL over an ensemble directory's files, as the views `runs` and `series`. */
export async function queryParquet(dir: string, sql: string): Promise<QueryResult> {
  return withConnection(async (con) => {
    for (const [view, file] of [
      ['runs', RUNS_FILE],
      ['series', SERIES_FILE],
    ]) {
      await con.run(`CREATE VIEW ${view} AS SELECT * FROM read_parquet(${literal(join(dir, file))})`);
    }
    const reader = await con.runAndReadAll(sql);
    return { columns: reader.columnNames(), rows: reader.getRowsJson() };
  });
}
