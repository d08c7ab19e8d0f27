/**
 * Builds the shipped base-year dataset, data/world.json, from the raw tables in data/raw.
 * Run with `npm run build:data`. Deterministic: the same raw files give the same bytes.
 *
 * Imputation rules (each applied value is listed per country by `worldorder data`):
 *   population  missing  -> the latest Correlates of War NMC total population (tpop), held constant.
 *   GDP         missing  -> the latest observed real GDP (2015 USD) grown at its UN subregion's aggregate
 *                           real growth since then; never observed -> the Fariss et al. (2022) PPP GDP of
 *                           2019 times the subregion's ratio of 2015-USD GDP to PPP GDP in 2019, grown the
 *                           same way from 2019.
 *   CO2         missing  -> GDP times the median carbon intensity (CO2 per GDP) of the UN subregion.
 *   growth rates missing -> the median over the UN subregion.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { UserError } from '../src/errors.js';
import { interpolate } from '../src/model/math.js';
import type { ValueSource, WorldData } from '../src/model/world-data.js';
import { buildInstitutions, INSTITUTION_CODE, INSTITUTION_FILES } from './data/institutions.js';
import { mapCodes } from './data/map.js';
import { buildPolitics, POLITICS_FILE, POLITICS_SCRIPT } from './data/politics.js';
import { buildSecurity, SECURITY_FILES } from './data/security.js';
import { buildTradeLabor, TRADE_LABOR_RAW } from './data/trade-labor.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const RAW = join(ROOT, 'data', 'raw');
const OUT = join(ROOT, 'data', 'world.json');

/** The latest year with population, GDP and CO2 for nearly every state (194, 180 and 192 of 195). */
const BASE_YEAR = 2024;
const POP_GROWTH_YEARS = 5;
const GDPPC_GROWTH_YEARS = 10;
/** The window of the observed warming trend the base year is checked against. */
const TREND_YEARS = 30;
const SPINUP_FIRST_YEAR = 1750;

type Row = Record<string, string>;
const readCsv = (file: string): Row[] =>
  parse(readFileSync(join(RAW, file)), { columns: true, skip_empty_lines: true });
const num = (s: string | undefined): number | undefined =>
  s === undefined || s === '' ? undefined : Number(s);

const SOURCE_NAMES: Record<string, string> = {
  wb: 'World Bank WDI SP.POP.TOTL (datasets/population)',
  gapminder: 'Gapminder total population (UN WPP based)',
  nmc: 'Correlates of War National Material Capabilities 7.0, tpop',
  gdp: 'World Bank WDI GDP, constant 2015 USD (via Gapminder systema_globalis)',
  fariss: 'Fariss et al. (2022) latent GDP, PPP 2017 international $ (via isard)',
  co2: 'Global Carbon Budget 2025, fossil and industry CO2 (via Our World in Data)',
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : 0.5 * (s[m - 1] + s[m]);
}

function knots(file: string, column: string): { x: number[]; y: number[] } {
  const rows = readCsv(file);
  return { x: rows.map((r) => Number(r.year)), y: rows.map((r) => Number(r[column])) };
}

export function build(): WorldData {
  const countries = readCsv('countries.csv').sort((a, b) => (a.iso3 < b.iso3 ? -1 : 1));
  const panel = new Map<string, Row>();
  for (const r of readCsv('country_year.csv')) panel.set(`${r.cow_code}:${r.year}`, r);
  const at = (c: Row, year: number) => panel.get(`${c.cow_code}:${year}`);
  const value = (c: Row, year: number, col: string) => num(at(c, year)?.[col]);
  const lastObserved = (c: Row, col: string, upTo: number): [number, number] | undefined => {
    for (let y = upTo; y >= 1946; y--) {
      const v = value(c, y, col);
      if (v !== undefined) return [y, v];
    }
    return undefined;
  };
  const bySubregion = (pick: (c: Row) => number | undefined) => {
    const groups = new Map<string, number[]>();
    for (const c of countries) {
      const v = pick(c);
      if (v === undefined || !Number.isFinite(v)) continue;
      groups.set(c.subregion, [...(groups.get(c.subregion) ?? []), v]);
    }
    return groups;
  };
  /** Aggregate real GDP growth factor of a subregion from `from` to BASE_YEAR (states observed both years). */
  const subregionGrowth = (subregion: string, from: number) => {
    let a = 0;
    let b = 0;
    for (const c of countries) {
      if (c.subregion !== subregion) continue;
      const g0 = value(c, from, 'gdp_const2015_usd');
      const g1 = value(c, BASE_YEAR, 'gdp_const2015_usd');
      if (g0 !== undefined && g1 !== undefined) {
        a += g0;
        b += g1;
      }
    }
    return b / a;
  };

  const sources: Record<string, ValueSource[]> = {
    population_million: [],
    gdp_billion_usd2015: [],
    co2_fossil_mtco2: [],
    population_growth_recent: [],
    gdppc_growth_recent: [],
  };

  // Population.
  const population = countries.map((c) => {
    const v = value(c, BASE_YEAR, 'population');
    if (v !== undefined) {
      sources.population_million.push({
        source: SOURCE_NAMES[at(c, BASE_YEAR)!.population_src],
        year: BASE_YEAR,
      });
      return v / 1e6;
    }
    const [y, tpop] = lastObserved(c, 'tpop', BASE_YEAR)!;
    sources.population_million.push({
      source: SOURCE_NAMES.nmc,
      year: y,
      imputed: `no population for ${BASE_YEAR}: the latest NMC total population (${y}) held constant`,
    });
    return tpop / 1000;
  });

  // GDP, constant 2015 USD.
  const ppp2019 = bySubregion((c) => {
    const g = value(c, 2019, 'gdp_const2015_usd');
    const f = value(c, 2019, 'gdp_ppp2017_musd_fariss');
    return g !== undefined && f !== undefined ? g / (f * 1e6) : undefined;
  });
  const gdp = countries.map((c) => {
    const v = value(c, BASE_YEAR, 'gdp_const2015_usd');
    if (v !== undefined) {
      sources.gdp_billion_usd2015.push({ source: SOURCE_NAMES.gdp, year: BASE_YEAR });
      return v / 1e9;
    }
    const last = lastObserved(c, 'gdp_const2015_usd', BASE_YEAR);
    if (last) {
      const [y, g] = last;
      const growth = subregionGrowth(c.subregion, y);
      sources.gdp_billion_usd2015.push({
        source: SOURCE_NAMES.gdp,
        year: y,
        imputed: `latest GDP (${y}) grown at the ${c.subregion} aggregate real growth to ${BASE_YEAR} (x${growth.toFixed(3)})`,
      });
      return (g * growth) / 1e9;
    }
    const f = value(c, 2019, 'gdp_ppp2017_musd_fariss')!;
    const ratio = median(ppp2019.get(c.subregion)!);
    const growth = subregionGrowth(c.subregion, 2019);
    sources.gdp_billion_usd2015.push({
      source: SOURCE_NAMES.fariss,
      year: 2019,
      imputed: `no World Bank GDP: 2019 PPP GDP x ${c.subregion} median 2015-USD/PPP ratio (${ratio.toFixed(3)}), grown at the subregion's real growth to ${BASE_YEAR} (x${growth.toFixed(3)})`,
    });
    return (f * 1e6 * ratio * growth) / 1e9;
  });

  // Fossil CO2.
  const intensity = bySubregion((c) => {
    const co2 = value(c, BASE_YEAR, 'co2_mt');
    const g = value(c, BASE_YEAR, 'gdp_const2015_usd');
    return co2 !== undefined && g !== undefined ? co2 / (g / 1e9) : undefined;
  });
  const co2 = countries.map((c, i) => {
    const v = value(c, BASE_YEAR, 'co2_mt');
    if (v !== undefined) {
      sources.co2_fossil_mtco2.push({ source: SOURCE_NAMES.co2, year: BASE_YEAR });
      return v;
    }
    const k = median(intensity.get(c.subregion)!);
    sources.co2_fossil_mtco2.push({
      source: SOURCE_NAMES.co2,
      year: BASE_YEAR,
      imputed: `no CO2 data: GDP x the ${c.subregion} median carbon intensity (${k.toFixed(3)} kg CO2 per USD)`,
    });
    return gdp[i] * k;
  });

  // Recent growth rates.
  const popGrowth = (c: Row) => {
    for (const col of ['population', 'tpop']) {
      const last = lastObserved(c, col, BASE_YEAR);
      // The main series must reach the base year; NMC's ends earlier and is the documented fallback.
      if (!last || (col === 'population' && last[0] !== BASE_YEAR)) continue;
      const first = value(c, last[0] - POP_GROWTH_YEARS, col);
      if (first) return { rate: (last[1] / first) ** (1 / POP_GROWTH_YEARS) - 1, col, year: last[0] };
    }
    return undefined;
  };
  const popGrowthMedian = bySubregion((c) => popGrowth(c)?.rate);
  const populationGrowth = countries.map((c) => {
    const g = popGrowth(c);
    if (g) {
      sources.population_growth_recent.push({
        source: g.col === 'tpop' ? SOURCE_NAMES.nmc : SOURCE_NAMES.wb,
        year: g.year,
        ...(g.col === 'tpop' && {
          imputed: `no population series to ${BASE_YEAR}: NMC growth ${g.year - POP_GROWTH_YEARS}-${g.year}`,
        }),
      });
      return g.rate;
    }
    sources.population_growth_recent.push({
      source: 'subregion median',
      year: BASE_YEAR,
      imputed: `no population series: the ${c.subregion} median`,
    });
    return median(popGrowthMedian.get(c.subregion)!);
  });

  const gdppcGrowth = (c: Row) => {
    const from = BASE_YEAR - GDPPC_GROWTH_YEARS;
    const g0 = value(c, from, 'gdp_const2015_usd');
    const g1 = value(c, BASE_YEAR, 'gdp_const2015_usd');
    const p0 = value(c, from, 'population');
    const p1 = value(c, BASE_YEAR, 'population');
    if ([g0, g1, p0, p1].some((v) => v === undefined)) return undefined;
    return Math.log(g1! / p1! / (g0! / p0!)) / GDPPC_GROWTH_YEARS;
  };
  const gdppcGrowthMedian = bySubregion(gdppcGrowth);
  const gdppcGrowthRecent = countries.map((c) => {
    const g = gdppcGrowth(c);
    if (g !== undefined) {
      sources.gdppc_growth_recent.push({ source: SOURCE_NAMES.gdp, year: BASE_YEAR });
      return g;
    }
    sources.gdppc_growth_recent.push({
      source: 'subregion median',
      year: BASE_YEAR,
      imputed: `no GDP per capita for ${BASE_YEAR - GDPPC_GROWTH_YEARS} and ${BASE_YEAR}: the ${c.subregion} median growth`,
    });
    return median(gdppcGrowthMedian.get(c.subregion)!);
  });

  // Global climate history and observations.
  const climate = new Map(readCsv('climate_history.csv').map((r) => [Number(r.year), r]));
  const landuse = knots('landuse_co2_history.csv', 'landuse_co2_gtc');
  const nonco2 = knots('nonco2_forcing.csv', 'nonco2_forcing_wm2');
  const historyYears = Array.from(
    { length: BASE_YEAR - SPINUP_FIRST_YEAR + 1 },
    (_, k) => SPINUP_FIRST_YEAR + k,
  );
  const fossilGtc = historyYears.map((y) => num(climate.get(y)?.fossil_co2_mtc)! / 1000);
  if (fossilGtc.some((v) => !Number.isFinite(v)))
    throw new Error('climate_history.csv: a gap in fossil_co2_mtc');
  const worldFossil = num(climate.get(BASE_YEAR)!.fossil_co2_mtco2)!;
  const statesFossil = co2.reduce((s, v) => s + v, 0);

  const hadcrut = (y: number) => num(climate.get(y)!.temp_anom_hadcrut_c)!;
  let preindustrial = 0;
  for (let y = 1850; y <= 1900; y++) preindustrial += hadcrut(y) / 51;
  const trendYears = historyYears.slice(-TREND_YEARS);
  const mx = trendYears.reduce((s, y) => s + y, 0) / TREND_YEARS;
  const my = trendYears.reduce((s, y) => s + hadcrut(y) - preindustrial, 0) / TREND_YEARS;
  let sxy = 0;
  let sxx = 0;
  for (const y of trendYears) {
    sxy += (y - mx) * (hadcrut(y) - preindustrial - my);
    sxx += (y - mx) ** 2;
  }
  const trendAtBase = my + (sxy / sxx) * (BASE_YEAR - mx);

  const futureKnots = nonco2.x.map((x, k) => [x, nonco2.y[k]] as const).filter(([x]) => x >= BASE_YEAR);

  const hash = createHash('sha256');
  for (const f of [
    'countries.csv',
    'country_year.csv',
    'climate_history.csv',
    'landuse_co2_history.csv',
    'nonco2_forcing.csv',
    ...TRADE_LABOR_RAW,
    ...INSTITUTION_FILES,
    POLITICS_FILE,
    ...SECURITY_FILES,
  ]) {
    hash.update(readFileSync(join(RAW, f)));
  }
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  hash.update(readFileSync(fileURLToPath(new URL('./data/trade-labor.ts', import.meta.url))));
  for (const f of INSTITUTION_CODE) hash.update(readFileSync(f));
  hash.update(readFileSync(POLITICS_SCRIPT));

  return {
    version: hash.digest('hex').slice(0, 12),
    baseYear: BASE_YEAR,
    countries: {
      iso3: countries.map((c) => c.iso3),
      name: countries.map((c) => c.name_short || c.name),
      region: countries.map((c) => c.region),
      subregion: countries.map((c) => c.subregion),
      capitalLat: countries.map((c) => Number(c.capital_lat)),
      capitalLon: countries.map((c) => Number(c.capital_lon)),
    },
    base: {
      population_million: population,
      gdp_billion_usd2015: gdp,
      co2_fossil_mtco2: co2,
      population_growth_recent: populationGrowth,
      gdppc_growth_recent: gdppcGrowthRecent,
    },
    sources,
    world: {
      co2_fossil_mtco2: worldFossil,
      co2_fossil_unallocated_mtco2: worldFossil - statesFossil,
    },
    climateHistory: {
      firstYear: SPINUP_FIRST_YEAR,
      fossil_co2_gtc: fossilGtc,
      landuse_co2_gtc: historyYears.map((y) => interpolate(landuse.x, landuse.y, y)),
      nonco2_forcing_wm2: historyYears.map((y) => interpolate(nonco2.x, nonco2.y, y)),
    },
    nonco2Future: { year: futureKnots.map(([x]) => x), forcing_wm2: futureKnots.map(([, y]) => y) },
    security: buildSecurity(countries, BASE_YEAR),
    observed: {
      co2_ppm: num(climate.get(BASE_YEAR)!.co2_ppm_global)!,
      warming_trend_k: trendAtBase,
    },
    tradeLabor: buildTradeLabor(RAW, countries, gdp, BASE_YEAR),
    map: mapCodes(countries),
    institutions: buildInstitutions({
      rawDir: RAW,
      baseYear: BASE_YEAR,
      iso3: countries.map((c) => c.iso3),
      subregion: countries.map((c) => c.subregion),
      gdp,
      exportsPctGdp: countries.map((c) => value(c, BASE_YEAR, 'exports_pct_gdp')),
      importsPctGdp: countries.map((c) => value(c, BASE_YEAR, 'imports_pct_gdp')),
    }),
    politics: buildPolitics({
      raw: RAW,
      baseYear: BASE_YEAR,
      countries,
      value,
      gdpBillion: gdp,
      populationMillion: population,
    }),
  };
}

/** The exact bytes of data/world.json. */
export function serialize(data: WorldData): string {
  return `${JSON.stringify(data)}\n`;
}

export const OUTPUT_PATH = OUT;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let data: WorldData;
  try {
    data = build();
  } catch (err) {
    // A bad raw or hand-made table: one line naming the file and row, a non-zero exit, and world.json left as it was.
    if (!(err instanceof UserError)) throw err;
    console.error(`build-data: ${err.message}`);
    process.exit(1);
  }
  writeFileSync(OUT, serialize(data));
  console.log(
    `wrote ${OUT}: ${data.countries.iso3.length} states, base year ${data.baseYear}, version ${data.version}`,
  );
}
