/**
 * The covariates of the shipped conflict model, derived from the dyad-year table (data/raw/dyad_year.csv.gz)
 * and the state-year panel (data/raw/country_year.csv). Shared by the estimation (scripts/estimate-conflict.ts)
 * and the base-year build (scripts/data/security.ts), so that the model is simulated on exactly the variables
 * it was estimated on.
 *
 *   democracy_low, democracy_high   the lower and higher V-Dem polyarchy of the pair (0..1)
 *   dependence_low                  the lower of the two trade dependences, trade with the partner (imports
 *                                   plus exports, COW) over own nominal GDP: (M_ij + M_ji) / max(Y_i, Y_j)
 *   joint_igos                      IGOs in which both are full members (COW IGO v3)
 *   alliance                        a defence pact in force (ATOP v5.1)
 *   contiguity                      land border or at most 150 miles of water (COW direct contiguity types 1-4),
 *                                   as in Oneal and Russett (1999)
 *   log_distance                    log of the great-circle distance between capitals (km)
 *   log_capability_ratio            |ln CINC_i - ln CINC_j|, log of stronger over weaker (COW NMC)
 *   major_power                     either side a COW major power
 *
 * Nominal GDP (current USD, to match COW trade, which is in current USD): the World Bank series where it exists
 * (1960 on); otherwise Fariss et al. (2022) PPP GDP times a price ratio, the world's nominal/PPP ratio of that
 * year times the country's own average ratio relative to the world (1 if never observed). Before 1960 the
 * world ratio is extrapolated back at its 1960-1970 growth rate.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { CONTIGUOUS } from '../../src/model/security/neighbours.js';
import { readCsvSync, type Table } from '../../src/tables/read-csv.js';

export const RAW = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'raw');
export const DYAD_FILE = join(RAW, 'dyad_year.csv.gz');

/** The derived covariates, in the order of the shipped model. */
export const KANTIAN = ['democracy_low', 'democracy_high', 'dependence_low', 'joint_igos'] as const;
export const REALIST = [
  'alliance',
  'contiguity',
  'log_distance',
  'log_capability_ratio',
  'major_power',
] as const;
export const COVARIATES = [...KANTIAN, ...REALIST] as const;
export type Covariate = (typeof COVARIATES)[number];

const RAW_COLUMNS = [
  'year',
  'mid_onset',
  'mid_onset_orig',
  'fatal_mid_onset',
  'mid_hostlev_max',
  'mid_ongoing',
  'conttype',
  'capdist_km',
  'atop_defense',
  'joint_igos',
  'imports_1_from_2',
  'imports_2_from_1',
  'v2x_polyarchy_1',
  'v2x_polyarchy_2',
  'cinc_1',
  'cinc_2',
  'major_power_1',
  'major_power_2',
];

/** The dyad-year table with the columns the model needs; dyads are (cow_code1, cow_code2). */
export function readDyadYears(): Table {
  return readCsvSync(DYAD_FILE, { numeric: RAW_COLUMNS, text: ['cow_code1', 'cow_code2'] });
}

type Row = Record<string, string>;
export const readRaw = (file: string): Row[] =>
  parse(readFileSync(join(RAW, file)), { columns: true, skip_empty_lines: true });

/** Nominal GDP in current million USD by COW code and year (see the header for the rule). */
export function nominalGdp(panel: readonly Row[]): (cow: number, year: number) => number {
  const num = (s: string) => (s === '' ? Number.NaN : Number(s));
  const world = new Map<number, { nominal: number; ppp: number }>();
  for (const r of panel) {
    const g = num(r.gdp_current_usd) / 1e6;
    const f = num(r.gdp_ppp2017_musd_fariss);
    if (!(g > 0 && f > 0)) continue;
    const w = world.get(Number(r.year)) ?? { nominal: 0, ppp: 0 };
    w.nominal += g;
    w.ppp += f;
    world.set(Number(r.year), w);
  }
  const years = [...world.keys()].sort((a, b) => a - b);
  const first = years[0];
  const ratioAt = (y: number) => world.get(y)!.nominal / world.get(y)!.ppp;
  const earlyGrowth = Math.log(ratioAt(first + 10) / ratioAt(first)) / 10;
  const worldRatio = (y: number) =>
    world.has(y)
      ? ratioAt(y)
      : y < first
        ? ratioAt(first) * Math.exp(earlyGrowth * (y - first))
        : ratioAt(years.at(-1)!);
  const relative = new Map<number, number[]>();
  for (const r of panel) {
    const g = num(r.gdp_current_usd) / 1e6;
    const f = num(r.gdp_ppp2017_musd_fariss);
    if (!(g > 0 && f > 0)) continue;
    const cow = Number(r.cow_code);
    relative.set(cow, [...(relative.get(cow) ?? []), g / f / worldRatio(Number(r.year))]);
  }
  const own = new Map([...relative].map(([cow, xs]) => [cow, xs.reduce((a, b) => a + b, 0) / xs.length]));
  const value = new Map<number, number>();
  for (const r of panel) {
    const cow = Number(r.cow_code);
    const year = Number(r.year);
    const g = num(r.gdp_current_usd) / 1e6;
    const f = num(r.gdp_ppp2017_musd_fariss);
    const v = g > 0 ? g : f * worldRatio(year) * (own.get(cow) ?? 1);
    if (v > 0) value.set(cow * 10000 + year, v);
  }
  return (cow, year) => value.get(cow * 10000 + year) ?? Number.NaN;
}

/** The derived covariates for every row of the dyad table (NaN where an input is missing). */
export function deriveCovariates(
  t: Table,
  gdp: (cow: number, year: number) => number,
): Record<Covariate, Float64Array> {
  const col = (name: string) => t.numeric.get(name)!;
  const code1 = t.text.get('cow_code1')!;
  const code2 = t.text.get('cow_code2')!;
  const cow1 = code1.values.map(Number);
  const cow2 = code2.values.map(Number);
  const year = col('year');
  const [d1, d2] = [col('v2x_polyarchy_1'), col('v2x_polyarchy_2')];
  const [m12, m21] = [col('imports_1_from_2'), col('imports_2_from_1')];
  const [c1, c2] = [col('cinc_1'), col('cinc_2')];
  const [mp1, mp2] = [col('major_power_1'), col('major_power_2')];
  const conttype = col('conttype');
  const capdist = col('capdist_km');
  const igos = col('joint_igos');
  const pact = col('atop_defense');
  const out = Object.fromEntries(COVARIATES.map((c) => [c, new Float64Array(t.n)])) as Record<
    Covariate,
    Float64Array
  >;
  for (let i = 0; i < t.n; i++) {
    out.democracy_low[i] = Math.min(d1[i], d2[i]);
    out.democracy_high[i] = Math.max(d1[i], d2[i]);
    const y1 = gdp(cow1[code1.ids[i]], year[i]);
    const y2 = gdp(cow2[code2.ids[i]], year[i]);
    out.dependence_low[i] = (m12[i] + m21[i]) / Math.max(y1, y2);
    out.joint_igos[i] = igos[i];
    out.alliance[i] = pact[i];
    out.contiguity[i] = CONTIGUOUS.includes(conttype[i]) ? 1 : Number.isNaN(conttype[i]) ? Number.NaN : 0;
    out.log_distance[i] = Math.log(capdist[i]);
    out.log_capability_ratio[i] = Math.abs(Math.log(c1[i]) - Math.log(c2[i]));
    out.major_power[i] = Math.max(mp1[i], mp2[i]);
  }
  // Math.min/max propagate NaN, so a missing side leaves the pair missing.
  return out;
}
