/** The trade module's scenario events: `tariff` (applied tariffs from a year on) and `decoupling`. */
import { z } from 'zod';
import type { EventSpec } from '../module.js';

/** A tariff level: a number of percent >= 0, or `inf` (YAML `.inf` too) for a prohibitive tariff. */
const tariffLevel = z.preprocess(
  (v) => (v === Number.POSITIVE_INFINITY ? 'inf' : v),
  z
    .union([z.number().min(0), z.literal('inf')], {
      error: 'expected a tariff in percent (a number >= 0) or inf',
    })
    .describe('Applied tariff, % ad valorem; inf for a prohibitive tariff'),
);

export function tariffValue(v: number | string): number {
  return v === 'inf' ? Number.POSITIVE_INFINITY : (v as number);
}

export const tariffEvent: EventSpec = {
  type: 'tariff',
  description:
    'Sets the applied tariff of `importer` on `exporter` (ISO3, or * for every partner) to `tariff_pct` (% ad valorem, or inf) from this year; partners may retaliate',
  fields: (v) => ({ importer: v.countryOrAll, exporter: v.countryOrAll, tariff_pct: tariffLevel }),
};

export const decouplingEvent: EventSpec = {
  type: 'decoupling',
  description:
    'Sets the extra iceberg trade cost between the rival blocs (data/raw/trade_blocs.csv) to `cost_pct` (% of value) from this year',
  fields: () => ({
    cost_pct: z.number().min(0).max(1000).describe('Extra trade cost between the blocs, % of value'),
  }),
};
