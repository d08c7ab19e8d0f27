/**
 * The trade-and-labor section of the base-year dataset (WorldData.tradeLabor).
 *
 * Trade matrix, billion USD (2015 prices), [importer * n + exporter]:
 *   1. Targets. Each state's base-year exports and imports of goods and services are its trade shares of
 *      GDP (World Bank via Gapminder) times its base-year GDP. Where the base year is missing: the latest
 *      share observed since 2014, carried forward; else its 2014 COW trade total over its 2014 GDP in
 *      current USD (states without that GDP: the base-year GDP deflated by the world's ratio of 2014
 *      current-USD to base-year GDP); else the median share of its UN subregion. World exports and
 *      imports are then set to their mean (the shares do not add up across 195 states), keeping each
 *      state's imbalance as a share of its trade.
 *   2. Seed. The 2014 COW dyadic flows (current USD). A flow missing from COW, and every flow of a state
 *      COW does not cover, is predicted by a gravity equation estimated by Poisson pseudo-maximum
 *      likelihood on the observed 2014 flows (Santos Silva and Tenreyro 2006, REStat 88(4)):
 *      X_ij = exp(b0 + b1 ln GDP_i + b2 ln GDP_j + b3 ln dist_ij), with capital-to-capital distance.
 *   3. Biproportional (RAS) scaling of the seed to the targets: rows to imports, columns to exports
 *      (Stone 1961; Bacharach 1970). Zero flows stay zero.
 *   4. Diagonal: domestic sales = GDP - exports, floored at DOMESTIC_FLOOR x GDP for the few entrepot
 *      economies whose gross exports exceed GDP (their income in the model is then above GDP).
 * Labor: employment shares of agriculture and industry (ILO modelled estimates via Gapminder, latest
 * year; missing states get the median of their World Bank income group), the Gini index, income groups.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { TradeLaborData } from '../../src/model/trade/data.js';
import type { ValueSource } from '../../src/model/world-data.js';

type Row = Record<string, string>;

/** The first year of shares carried forward to the base year when the base year is missing. */
const CARRY_FROM = 2014;
/** The year of the COW bilateral matrix. */
const SEED_YEAR = 2014;
/** Lowest domestic sales as a share of GDP (an assumption for the entrepots: Singapore, Luxembourg, ...). */
const DOMESTIC_FLOOR = 0.2;
/** A 2014 COW trade/GDP ratio outside this range is not credible (flags of convenience, re-exports). */
const COW_RATIO_RANGE = [0.01, 1.5] as const;
const RAS_TOLERANCE = 1e-12;
const SIGNIFICANT_DIGITS = 9;
const EARTH_RADIUS_KM = 6371;

const SOURCES = {
  share: 'World Bank exports/imports of goods and services, % of GDP (via Gapminder)',
  cow: 'COW dyadic trade 4.0, 2014 totals over 2014 GDP (World Bank, current USD; deflated base-year GDP where missing)',
  subregion: 'UN subregion median share of GDP',
  ilo: 'ILO modelled estimates, employment by sector (via Gapminder systema_globalis)',
  incomeGroup: 'median of the World Bank income group (ILO modelled estimates)',
  gini: 'Gapminder Gini (gap-filled), country_year.csv gini_gapminder',
};

const readCsv = (raw: string, file: string): Row[] =>
  parse(readFileSync(join(raw, file)), { columns: true, skip_empty_lines: true });
const num = (s: string | undefined) => (s === undefined || s === '' ? undefined : Number(s));
const round = (x: number) => Number(x.toPrecision(SIGNIFICANT_DIGITS));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : 0.5 * (s[m - 1] + s[m]);
}

function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * r) / 2) ** 2 +
    Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
}

/** Solves the k x k system A x = b in place (Gaussian elimination with partial pivoting). */
function solveSmall(a: number[][], b: number[]): number[] {
  const k = b.length;
  for (let c = 0; c < k; c++) {
    let p = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    [a[c], a[p]] = [a[p], a[c]];
    [b[c], b[p]] = [b[p], b[c]];
    for (let r = c + 1; r < k; r++) {
      const f = a[r][c] / a[c][c];
      for (let q = c; q < k; q++) a[r][q] -= f * a[c][q];
      b[r] -= f * b[c];
    }
  }
  const x = new Array<number>(k).fill(0);
  for (let r = k - 1; r >= 0; r--) {
    let s = b[r];
    for (let q = r + 1; q < k; q++) s -= a[r][q] * x[q];
    x[r] = s / a[r][r];
  }
  return x;
}

/** Poisson pseudo-maximum likelihood by Newton's method (the Poisson log-likelihood is concave). */
function ppml(xs: number[][], ys: number[]): number[] {
  const k = xs[0].length;
  const mean = ys.reduce((s, y) => s + y, 0) / ys.length;
  let beta = new Array<number>(k).fill(0);
  beta[0] = Math.log(mean);
  for (let iter = 0; iter < 100; iter++) {
    const h = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    const g = new Array<number>(k).fill(0);
    for (let o = 0; o < ys.length; o++) {
      const x = xs[o];
      let eta = 0;
      for (let q = 0; q < k; q++) eta += beta[q] * x[q];
      const mu = Math.exp(eta);
      for (let q = 0; q < k; q++) {
        g[q] += (ys[o] - mu) * x[q];
        for (let r = 0; r < k; r++) h[q][r] += mu * x[q] * x[r];
      }
    }
    const step = solveSmall(h, g);
    beta = beta.map((b, q) => b + step[q]);
    if (Math.max(...step.map(Math.abs)) < 1e-12) break;
  }
  return beta;
}

export function buildTradeLabor(
  raw: string,
  countries: readonly Row[],
  gdp: readonly number[],
  baseYear: number,
): TradeLaborData {
  const n = countries.length;
  const iso3 = countries.map((c) => c.iso3);
  const index = new Map(iso3.map((c, i) => [c, i]));
  const panel = new Map<string, Row>();
  for (const r of readCsv(raw, 'country_year.csv')) if (r.iso3) panel.set(`${r.iso3}:${r.year}`, r);
  const value = (c: string, year: number, col: string) => num(panel.get(`${c}:${year}`)?.[col]);

  // 2014 flows, billion current USD; NaN where COW has no value.
  const seed = new Float64Array(n * n).fill(Number.NaN);
  for (const r of readCsv(raw, 'bilateral_trade_latest.csv')) {
    const i = index.get(r.importer_iso3);
    const j = index.get(r.exporter_iso3);
    const v = num(r.value_musd);
    if (i !== undefined && j !== undefined && i !== j && v !== undefined) seed[i * n + j] = v / 1000;
  }

  // GDP in 2014, current USD (billion); states without it are deflated from the base year.
  const gdpSeedObserved = iso3.map((c) => value(c, SEED_YEAR, 'gdp_current_usd'));
  let a = 0;
  let b = 0;
  gdpSeedObserved.forEach((g, i) => {
    if (g !== undefined) {
      a += g / 1e9;
      b += gdp[i];
    }
  });
  const deflator = a / b;
  const gdpSeed = gdpSeedObserved.map((g, i) => (g !== undefined ? g / 1e9 : gdp[i] * deflator));

  // Gravity (PPML) on the observed 2014 flows between states with an observed 2014 GDP.
  const lat = countries.map((c) => Number(c.capital_lat));
  const lon = countries.map((c) => Number(c.capital_lon));
  const regressors = (i: number, j: number) => [
    1,
    Math.log(gdpSeed[i]),
    Math.log(gdpSeed[j]),
    Math.log(Math.max(distanceKm(lat[i], lon[i], lat[j], lon[j]), 1)),
  ];
  const xs: number[][] = [];
  const ys: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = seed[i * n + j];
      if (i === j || Number.isNaN(v) || gdpSeedObserved[i] === undefined || gdpSeedObserved[j] === undefined)
        continue;
      xs.push(regressors(i, j));
      ys.push(v);
    }
  }
  const beta = ppml(xs, ys);
  const status = new Array<string>(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const k = i * n + j;
      if (i === j) {
        status[k] = 'd';
        seed[k] = 0;
      } else if (Number.isNaN(seed[k])) {
        status[k] = 'i';
        seed[k] = Math.exp(regressors(i, j).reduce((s, x, q) => s + beta[q] * x, 0));
      } else status[k] = seed[k] > 0 ? 's' : 'o';
    }
  }

  // Targets: shares of GDP.
  const cowExports = new Float64Array(n);
  const cowImports = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (status[i * n + j] === 's' || status[i * n + j] === 'o') {
        cowImports[i] += seed[i * n + j];
        cowExports[j] += seed[i * n + j];
      }
    }
  }
  const shareOf = (col: string, cow: Float64Array) => {
    const sources: ValueSource[] = [];
    const shares = iso3.map((c, i): number | undefined => {
      for (let y = baseYear; y >= CARRY_FROM; y--) {
        const v = value(c, y, col);
        if (v === undefined) continue;
        sources.push({
          source: SOURCES.share,
          year: y,
          ...(y !== baseYear && { imputed: `no ${baseYear} value: the ${y} share of GDP carried forward` }),
        });
        return v / 100;
      }
      const ratio = cow[i] / gdpSeed[i];
      if (ratio >= COW_RATIO_RANGE[0] && ratio <= COW_RATIO_RANGE[1]) {
        sources.push({
          source: SOURCES.cow,
          year: SEED_YEAR,
          imputed: `no share of GDP since ${CARRY_FROM}: COW ${SEED_YEAR} trade over ${SEED_YEAR} GDP`,
        });
        return ratio;
      }
      sources.push({ source: SOURCES.subregion, year: baseYear });
      return undefined;
    });
    const bySubregion = new Map<string, number[]>();
    shares.forEach((s, i) => {
      if (s !== undefined && sources[i].imputed === undefined) {
        const r = countries[i].subregion;
        bySubregion.set(r, [...(bySubregion.get(r) ?? []), s]);
      }
    });
    const filled = shares.map((s, i) => {
      if (s !== undefined) return s;
      const m = median(bySubregion.get(countries[i].subregion)!);
      sources[i] = {
        source: SOURCES.subregion,
        year: baseYear,
        imputed: `no trade data: the ${countries[i].subregion} median share of GDP (${(100 * m).toFixed(1)} %)`,
      };
      return m;
    });
    return { shares: filled, sources };
  };
  const ex = shareOf('exports_pct_gdp', cowExports);
  const im = shareOf('imports_pct_gdp', cowImports);
  let exports = ex.shares.map((s, i) => s * gdp[i]);
  let imports = im.shares.map((s, i) => s * gdp[i]);
  const worldExports = exports.reduce((s, v) => s + v, 0);
  const worldImports = imports.reduce((s, v) => s + v, 0);
  const world = 0.5 * (worldExports + worldImports);
  exports = exports.map((v) => (v * world) / worldExports);
  imports = imports.map((v) => (v * world) / worldImports);

  // RAS.
  const m = Float64Array.from(seed);
  let iterations = 0;
  let maxErr = Number.POSITIVE_INFINITY;
  const colSum = new Float64Array(n);
  while (maxErr > RAS_TOLERANCE) {
    if (++iterations > 100000) throw new Error(`RAS did not converge (max relative error ${maxErr})`);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += m[i * n + j];
      const f = imports[i] / s;
      for (let j = 0; j < n; j++) m[i * n + j] *= f;
    }
    colSum.fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) colSum[j] += m[i * n + j];
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m[i * n + j] *= exports[j] / colSum[j];
    maxErr = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += m[i * n + j];
      maxErr = Math.max(maxErr, Math.abs(s / imports[i] - 1));
    }
  }

  // Domestic sales.
  const floored: string[] = [];
  for (let i = 0; i < n; i++) {
    const domestic = gdp[i] - exports[i];
    if (domestic < DOMESTIC_FLOOR * gdp[i]) floored.push(iso3[i]);
    m[i * n + i] = Math.max(domestic, DOMESTIC_FLOOR * gdp[i]);
  }

  // Labor.
  const employment = new Map(readCsv(raw, 'employment_sectors.csv').map((r) => [r.iso3, r]));
  const incomeGroup = countries.map((c) => c.wb_income_group);
  const groupMedian = (col: string, c: Row) => {
    const peers = countries.filter(
      (p) =>
        employment.has(p.iso3) &&
        (c.wb_income_group ? p.wb_income_group === c.wb_income_group : p.subregion === c.subregion),
    );
    return median(peers.map((p) => Number(employment.get(p.iso3)![col]))) / 100;
  };
  const employmentSources: ValueSource[] = [];
  const agriculture: number[] = [];
  const industry: number[] = [];
  for (const c of countries) {
    const e = employment.get(c.iso3);
    if (e) {
      employmentSources.push({ source: SOURCES.ilo, year: Number(e.year) });
      agriculture.push(Number(e.agriculture_pct_employment) / 100);
      industry.push(Number(e.industry_pct_employment) / 100);
    } else {
      const group = c.wb_income_group
        ? `${c.wb_income_group.replaceAll('_', ' ')} group`
        : `${c.subregion} subregion`;
      employmentSources.push({
        source: SOURCES.ilo,
        year: baseYear,
        imputed: `no ILO estimate: the ${group} median (${SOURCES.incomeGroup})`,
      });
      agriculture.push(groupMedian('agriculture_pct_employment', c));
      industry.push(groupMedian('industry_pct_employment', c));
    }
  }
  const giniSources: ValueSource[] = [];
  const giniObserved = iso3.map((c) => {
    for (let y = baseYear; y >= CARRY_FROM; y--) {
      const v = value(c, y, 'gini_gapminder');
      if (v !== undefined) return { v, y };
    }
    return undefined;
  });
  const gini = giniObserved.map((g, i) => {
    if (g) {
      giniSources.push({
        source: SOURCES.gini,
        year: g.y,
        ...(g.y !== baseYear && { imputed: `the ${g.y} value carried forward` }),
      });
      return g.v;
    }
    const peers = giniObserved.filter((p, q) => p && countries[q].subregion === countries[i].subregion);
    const v = median(peers.map((p) => p!.v));
    giniSources.push({
      source: SOURCES.gini,
      year: baseYear,
      imputed: `no Gini: the ${countries[i].subregion} median`,
    });
    return v;
  });
  const blocs = new Map(readCsv(raw, 'trade_blocs.csv').map((r) => [r.iso3, r.bloc]));
  for (const c of blocs.keys()) if (!index.has(c)) throw new Error(`trade_blocs.csv: unknown state ${c}`);

  return {
    flows_billion_usd2015: Array.from(m, round),
    flowStatus: status.join(''),
    exports_billion_usd2015: exports.map(round),
    imports_billion_usd2015: imports.map(round),
    exportSources: ex.sources,
    importSources: im.sources,
    domesticFloor: { share: DOMESTIC_FLOOR, iso3: floored },
    gravity: {
      coefficients: beta.map(round),
      names: ['constant', 'ln GDP importer', 'ln GDP exporter', 'ln distance'],
      observations: ys.length,
    },
    ras: { iterations, maxRelativeError: maxErr },
    incomeGroup,
    bloc: iso3.map((c) => blocs.get(c) ?? ''),
    employmentAgriculture: agriculture.map(round),
    employmentIndustry: industry.map(round),
    employmentSources,
    gini: gini.map(round),
    giniSources,
  };
}

/** The raw tables this section reads (for the dataset's version hash). */
export const TRADE_LABOR_RAW = [
  'bilateral_trade_latest.csv',
  'employment_sectors.csv',
  'trade_blocs.csv',
] as const;
