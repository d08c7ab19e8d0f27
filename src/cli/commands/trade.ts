/** `worldorder trade`: a stand-alone tariff counterfactual on the base year (one-sector Armington GE). */

import { loadWorldData } from '../../data/load.js';
import { UserError } from '../../errors.js';
import { registry } from '../../model/engine.js';
import { COUNTERFACTUAL_COLUMNS, counterfactual } from '../../model/trade/counterfactual.js';
import { TradeSolveError } from '../../model/trade/solver.js';
import type { WorldData } from '../../model/world-data.js';
import { writeFileAtomically } from '../../output/atomic.js';
import { nearest } from '../../suggest.js';
import { readInputCsv } from '../input-csv.js';

const COLUMNS = ['importer', 'exporter', 'tariff_pct'] as const;
const ELASTICITY = 'trade.elasticity';

interface TradeOptions {
  tariffs: string;
  elasticity?: string;
  balanced?: boolean;
  out?: string;
}

/** Reads a tariff file into an n x n matrix of tariffs in percent ([importer * n + exporter]). */
export function readTariffs(file: string, data: WorldData): Float64Array {
  const { header, records } = readInputCsv(file, 'the tariff file');
  for (const col of COLUMNS) {
    if (!header.includes(col)) {
      throw new UserError(`missing column '${col}' (required: ${COLUMNS.join(', ')})`, `${file}:1`);
    }
  }
  const unknown = header.find((c) => !(COLUMNS as readonly string[]).includes(c));
  if (unknown !== undefined) {
    throw new UserError(`unknown column '${unknown}' (allowed: ${COLUMNS.join(', ')})`, `${file}:1`);
  }
  const codes = data.countries.iso3;
  const n = codes.length;
  const index = new Map(codes.map((c, i) => [c, i]));
  const tariffs = new Float64Array(n * n);
  for (const { record, info } of records) {
    const where = `${file}:${info.lines}`;
    const side = (col: 'importer' | 'exporter'): number[] => {
      const v = record[col].toUpperCase();
      if (v === '*') return codes.map((_, i) => i);
      const i = index.get(v);
      if (i === undefined) {
        throw new UserError(
          `unknown ${col} '${record[col]}'; did you mean ${nearest(v, codes).join(', ')}? (ISO3 codes, or * for every partner)`,
          where,
        );
      }
      return [i];
    };
    const importers = side('importer');
    const exporters = side('exporter');
    const raw = record.tariff_pct;
    const value = /^(inf|infinity)$/i.test(raw)
      ? Number.POSITIVE_INFINITY
      : raw === ''
        ? Number.NaN
        : Number(raw);
    if (Number.isNaN(value)) {
      throw new UserError(`tariff_pct must be a number (percent) or inf, got '${raw}'`, where);
    }
    if (value < 0) throw new UserError(`tariff_pct must not be negative, got ${raw}`, where);
    if (importers.length === 1 && exporters.length === 1 && importers[0] === exporters[0]) {
      throw new UserError(`a country does not put a tariff on itself (${record.importer})`, where);
    }
    for (const i of importers) for (const j of exporters) if (i !== j) tariffs[i * n + j] = value;
  }
  return tariffs;
}

function parseElasticity(text: string | undefined): number {
  const def = registry.get(ELASTICITY)!;
  if (text === undefined) return def.default;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < def.min || value > def.max) {
    throw new UserError(
      `the trade elasticity must be a number from ${def.min} to ${def.max} (${def.units}), got '${text}'`,
      '--elasticity',
    );
  }
  return value;
}

export function tradeCsv(
  data: WorldData,
  tariffs: Float64Array,
  elasticity: number,
  balanced: boolean,
): string {
  let result: ReturnType<typeof counterfactual>;
  try {
    result = counterfactual(data, tariffs, elasticity, balanced);
  } catch (err) {
    if (err instanceof TradeSolveError) {
      throw new UserError(
        `${err.message}; with the base-year trade imbalances held fixed, tariffs this high leave surplus countries unable to earn their surpluses: try --balanced`,
        '--tariffs',
      );
    }
    throw err;
  }
  const lines = [COUNTERFACTUAL_COLUMNS.join(',')];
  for (const row of result.rows) lines.push(COUNTERFACTUAL_COLUMNS.map((c) => String(row[c])).join(','));
  return `${lines.join('\n')}\n`;
}

export async function trade(opts: TradeOptions): Promise<void> {
  const elasticity = parseElasticity(opts.elasticity);
  const data = loadWorldData();
  const csv = tradeCsv(data, readTariffs(opts.tariffs, data), elasticity, opts.balanced ?? false);
  if (opts.out) writeFileAtomically(opts.out, csv);
  else process.stdout.write(csv);
}
