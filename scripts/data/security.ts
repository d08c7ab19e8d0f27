/**
 * Builds WorldData.security: the estimated conflict model (data/conflict_model.json, written by
 * scripts/estimate-conflict.ts), each state's democracy, capability and military spending in the base year,
 * and, for every pair of states, the latest observations of the dyad-year table (contiguity, distance,
 * alliance, joint IGOs, trade, last dispute), brought forward with hand-made tables of later disputes and
 * alliances (a source per row). Rules for missing values:
 *   democracy           missing in the base year -> the latest V-Dem value; never coded (micro-states) -> the
 *                       UN subregion's median (the region's if no state of the subregion is coded).
 *   military spending   missing -> the latest value since base year - 9; else the subregion's (or region's)
 *                       median.
 *   capability          the latest COW NMC CINC (2022 for every state).
 *   trade               a pair's last year without both directions -> its latest observed dependence (trade
 *                       over the larger nominal GDP) times the larger nominal GDP of the data's last year;
 *                       never observed -> 0.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SecurityData } from '../../src/model/security/data.js';
import { CONTIGUOUS } from '../../src/model/security/neighbours.js';
import { pairCount, pairIndex } from '../../src/model/security/pairs.js';
import type { ValueSource } from '../../src/model/world-data.js';
import { nominalGdp, readDyadYears, readRaw } from './conflict-covariates.js';

const MODEL = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'conflict_model.json');
/** What this section is built from, relative to data/raw, for the dataset's version hash. */
export const SECURITY_FILES = [
  'dyad_year.csv.gz',
  'conflict_events_2015_2024.csv',
  'alliances_2015_2024.csv',
  'hotspots.csv',
  'populist_episodes.csv',
  '../conflict_model.json',
  '../../scripts/data/security.ts',
  '../../scripts/data/conflict-covariates.ts',
];

type Row = Record<string, string>;
const VDEM = 'V-Dem v2x_polyarchy (via isard)';
const SIPRI = 'SIPRI military expenditure, % of GDP (via World Bank / Gapminder)';
const RECENT_YEARS = 20;
const MEAN_YEARS = 10;
const MILITARY_LOOKBACK = 9;

const round = (x: number, digits = 6) => Number(x.toPrecision(digits));
const logit = (d: number) => Math.log(d / (1 - d));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : 0.5 * (s[m - 1] + s[m]);
}

interface ModelFile {
  train_years: [number, number];
  peace_years_max: number;
  models: Record<
    string,
    {
      coefficients: Record<string, number>;
      std_errors: Record<string, number>;
      holdout: { auc: number; brier: number; log_loss: number };
    }
  >;
  base_rates: Record<string, Record<string, number>>;
}

/** Polyarchy's logit, kept off 0 and 1 (V-Dem's range is 0.008 to 0.922). */
const logitPolyarchy = (v: number) => logit(Math.min(Math.max(v, 0.005), 0.995));

/** The yearly convergence of logit democracy to the contiguous neighbours' mean, by least squares. */
function convergence(
  panel: readonly Row[],
  t: ReturnType<typeof readDyadYears>,
  conttype: Float64Array,
  cow1: number[],
  cow2: number[],
): { rate: number; stdError: number; n: number } {
  const democracy = new Map<number, number>();
  for (const r of panel) {
    if (r.v2x_polyarchy !== '')
      democracy.set(Number(r.cow_code) * 10000 + Number(r.year), logitPolyarchy(Number(r.v2x_polyarchy)));
  }
  const year = t.numeric.get('year')!;
  const c1 = t.text.get('cow_code1')!;
  const c2 = t.text.get('cow_code2')!;
  const neighbours = new Map<number, number[]>();
  let last = Number.NEGATIVE_INFINITY;
  for (let r = 0; r < t.n; r++) {
    last = Math.max(last, year[r]);
    if (!CONTIGUOUS.includes(conttype[r])) continue;
    const [a, b] = [cow1[c1.ids[r]], cow2[c2.ids[r]]];
    for (const [x, y] of [
      [a, b],
      [b, a],
    ]) {
      const key = x * 10000 + year[r];
      neighbours.set(key, [...(neighbours.get(key) ?? []), y]);
    }
  }
  const gaps: number[] = [];
  const changes: number[] = [];
  for (const [key, list] of neighbours) {
    const y = key % 10000;
    const own = democracy.get(key);
    const next = democracy.get(key + 1);
    if (own === undefined || next === undefined || y + 1 > last) continue;
    const around = list.map((b) => democracy.get(b * 10000 + y)).filter((v) => v !== undefined) as number[];
    if (around.length === 0) continue;
    gaps.push(around.reduce((s, v) => s + v, 0) / around.length - own);
    changes.push(next - own);
  }
  const n = gaps.length;
  const mx = gaps.reduce((s, v) => s + v, 0) / n;
  const my = changes.reduce((s, v) => s + v, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let k = 0; k < n; k++) {
    sxx += (gaps[k] - mx) ** 2;
    sxy += (gaps[k] - mx) * (changes[k] - my);
  }
  const rate = sxy / sxx;
  let rss = 0;
  for (let k = 0; k < n; k++) rss += (changes[k] - my - rate * (gaps[k] - mx)) ** 2;
  return { rate: round(rate, 4), stdError: round(Math.sqrt(rss / (n - 2) / sxx), 3), n };
}

export function buildSecurity(countries: readonly Row[], baseYear: number): SecurityData {
  const n = countries.length;
  const index = new Map(countries.map((c, i) => [Number(c.cow_code), i]));
  const byIso = new Map(countries.map((c, i) => [c.iso3, i]));
  const panel = readRaw('country_year.csv');
  const cell = new Map<string, Row>();
  for (const r of panel) cell.set(`${r.cow_code}:${r.year}`, r);
  const value = (c: Row, year: number, col: string) => {
    const v = cell.get(`${c.cow_code}:${year}`)?.[col];
    return v === undefined || v === '' ? undefined : Number(v);
  };
  const latest = (c: Row, col: string, from: number): [number, number] | undefined => {
    for (let y = baseYear; y >= from; y--) {
      const v = value(c, y, col);
      if (v !== undefined) return [y, v];
    }
    return undefined;
  };
  const iso = (code: string, where: string) => {
    const i = byIso.get(code);
    if (i === undefined) throw new Error(`${where}: unknown ISO3 code ${code}`);
    return i;
  };

  // Countries: democracy, military spending, capability, major power.
  const sources: Record<'democracy' | 'military_spending_pct_gdp', ValueSource[]> = {
    democracy: [],
    military_spending_pct_gdp: [],
  };
  const imputeBySubregion = (
    col: string,
    from: number,
    source: string,
    key: 'democracy' | 'military_spending_pct_gdp',
  ) => {
    const observed = countries.map((c) => latest(c, col, from));
    const medians = new Map<string, number[]>();
    countries.forEach((c, i) => {
      const o = observed[i];
      if (!o) return;
      for (const group of [c.subregion, c.region]) medians.set(group, [...(medians.get(group) ?? []), o[1]]);
    });
    return countries.map((c, i) => {
      const o = observed[i];
      if (o) {
        sources[key].push({
          source,
          year: o[0],
          ...(o[0] !== baseYear && { imputed: `no value for ${baseYear}: the latest (${o[0]})` }),
        });
        return o[1];
      }
      const group = medians.has(c.subregion) ? c.subregion : c.region;
      sources[key].push({ source, year: baseYear, imputed: `never observed: the ${group} median` });
      return median(medians.get(group)!);
    });
  };
  const democracy = imputeBySubregion('v2x_polyarchy', 1946, VDEM, 'democracy');
  const military = imputeBySubregion(
    'milex_pct_gdp',
    baseYear - MILITARY_LOOKBACK,
    SIPRI,
    'military_spending_pct_gdp',
  );
  const capabilityAt = countries.map((c) => latest(c, 'cinc', 1946)!);
  const capabilityYear = Math.max(...capabilityAt.map(([y]) => y));
  const majorPower = countries.map((c) => value(c, baseYear, 'major_power') ?? 0);
  let dMin = 1;
  let dMax = 0;
  for (const r of panel) {
    if (r.v2x_polyarchy === '') continue;
    dMin = Math.min(dMin, Number(r.v2x_polyarchy));
    dMax = Math.max(dMax, Number(r.v2x_polyarchy));
  }

  // Pairs: the latest observations of the dyad-year table.
  const t = readDyadYears();
  const col = (name: string) => t.numeric.get(name)!;
  const [year, onset, conttype, capdist, pact, igos, m12, m21] = [
    'year',
    'mid_onset',
    'conttype',
    'capdist_km',
    'atop_defense',
    'joint_igos',
    'imports_1_from_2',
    'imports_2_from_1',
  ].map(col);
  const c1 = t.text.get('cow_code1')!;
  const c2 = t.text.get('cow_code2')!;
  const cow1 = c1.values.map(Number);
  const cow2 = c2.values.map(Number);
  const gdp = nominalGdp(panel);
  const dataYear = year.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);
  const pairs = pairCount(n);
  const lastRow = new Int32Array(pairs).fill(-1);
  const firstYear = new Float64Array(pairs).fill(Number.POSITIVE_INFINITY);
  const lastDispute = new Float64Array(pairs).fill(Number.NEGATIVE_INFINITY);
  const tradeRow = new Int32Array(pairs).fill(-1);
  const onsetsByYear = new Map<number, number>();
  const pairOf = new Int32Array(t.n).fill(-1);
  for (let r = 0; r < t.n; r++) {
    if (onset[r] === 1) onsetsByYear.set(year[r], (onsetsByYear.get(year[r]) ?? 0) + 1);
    const i = index.get(cow1[c1.ids[r]]);
    const j = index.get(cow2[c2.ids[r]]);
    if (i === undefined || j === undefined) continue;
    const k = pairIndex(n, i, j);
    pairOf[r] = k;
    firstYear[k] = Math.min(firstYear[k], year[r]);
    if (lastRow[k] < 0 || year[r] > year[lastRow[k]]) lastRow[k] = r;
    if (onset[r] === 1) lastDispute[k] = Math.max(lastDispute[k], year[r]);
    if (!Number.isNaN(m12[r] + m21[r]) && (tradeRow[k] < 0 || year[r] > year[tradeRow[k]])) tradeRow[k] = r;
  }
  const nominal = countries.map((c) => gdp(Number(c.cow_code), dataYear));
  const contiguity: number[] = [];
  const logDistance: number[] = [];
  const alliance: number[] = [];
  const jointIgos: number[] = [];
  const tradeMusd: number[] = [];
  const lastDisputeYear: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const k = pairIndex(n, i, j);
      const r = lastRow[k];
      if (r < 0 || year[r] !== dataYear) {
        throw new Error(`dyad_year.csv.gz: no ${dataYear} row for ${countries[i].iso3}-${countries[j].iso3}`);
      }
      contiguity.push(conttype[r]);
      logDistance.push(round(Math.log(capdist[r])));
      alliance.push(pact[r]);
      jointIgos.push(igos[r]);
      const tr = tradeRow[k];
      let trade = 0;
      if (tr === r) trade = m12[r] + m21[r];
      else if (tr >= 0) {
        const then = Math.max(gdp(cow1[c1.ids[tr]], year[tr]), gdp(cow2[c2.ids[tr]], year[tr]));
        trade = ((m12[tr] + m21[tr]) / then) * Math.max(nominal[i], nominal[j]);
      }
      tradeMusd.push(round(trade));
      lastDisputeYear.push(Number.isFinite(lastDispute[k]) ? lastDispute[k] : firstYear[k] - 1);
    }
  }

  // Later disputes and wars (MID data end in dataYear), and alliance changes.
  const ongoingWars: { a: string; b: string; since: number }[] = [];
  for (const e of readRaw('conflict_events_2015_2024.csv')) {
    const k = pairIndex(n, iso(e.iso3_a, 'conflict_events'), iso(e.iso3_b, 'conflict_events'));
    lastDisputeYear[k] = Math.max(lastDisputeYear[k], Number(e.year));
    if (e.kind === 'war' && e.ongoing_2024 === '1')
      ongoingWars.push({ a: e.iso3_a, b: e.iso3_b, since: Number(e.year) });
  }
  const members = new Map<string, number[]>();
  for (const a of readRaw('alliances_2015_2024.csv')) {
    if (Number(a.joined) > baseYear) continue;
    members.set(a.alliance, [...(members.get(a.alliance) ?? []), iso(a.iso3, 'alliances')]);
  }
  for (const list of members.values()) {
    for (const i of list) for (const j of list) if (i < j) alliance[pairIndex(n, i, j)] = 1;
  }

  // Hotspots, with the disputes among their members in the last RECENT_YEARS years of data.
  const hotspots = readRaw('hotspots.csv').map((h) => {
    const list = h.members.split(/\s+/).map((code) => iso(code, `hotspots ${h.region}`));
    const inside = new Set<number>();
    for (const i of list) for (const j of list) if (i < j) inside.add(pairIndex(n, i, j));
    let recentOnsets = 0;
    for (let r = 0; r < t.n; r++) {
      if (onset[r] === 1 && year[r] > dataYear - RECENT_YEARS && inside.has(pairOf[r])) recentOnsets++;
    }
    return { region: h.region, members: list.map((i) => countries[i].iso3), why: h.why, recentOnsets };
  });
  let recent = 0;
  for (let y = dataYear - MEAN_YEARS + 1; y <= dataYear; y++) recent += onsetsByYear.get(y) ?? 0;

  const neighbourConvergence = convergence(panel, t, conttype, cow1, cow2);

  const populistEpisodes = readRaw('populist_episodes.csv').map((e) => {
    const c = countries[iso(e.iso3, 'populist_episodes')];
    const [first, last] = [Number(e.first_year), Number(e.last_year)];
    const before = value(c, first - 1, 'v2x_polyarchy')!;
    const after = value(c, last, 'v2x_polyarchy')!;
    return {
      iso3: e.iso3,
      leader: e.leader,
      firstYear: first,
      lastYear: last,
      logitChangePerYear: round((logit(after) - logit(before)) / (last - first + 1), 4),
    };
  });

  const fit = JSON.parse(readFileSync(MODEL, 'utf8')) as ModelFile;
  const main = fit.models.mid_onset;
  const rate = (r: Record<string, number>, of: string, count: string) => ({
    value: r.value,
    of: r[of],
    count: r[count],
  });
  return {
    model: {
      outcome: 'mid_onset',
      trainYears: fit.train_years,
      coefficients: main.coefficients,
      stdErrors: main.std_errors,
      peaceYearsMax: fit.peace_years_max,
      baseRates: {
        escalation: rate(fit.base_rates.escalation, 'onsets', 'wars'),
        warContinuation: rate(fit.base_rates.war_continuation, 'wars', 'continuing'),
        allyJoining: rate(fit.base_rates.ally_joining, 'allies', 'joined'),
      },
      holdout: Object.fromEntries(
        Object.entries(fit.models).map(([name, m]) => [
          name,
          { auc: m.holdout.auc, brier: m.holdout.brier, log_loss: m.holdout.log_loss },
        ]),
      ),
    },
    countries: {
      democracy,
      capability: capabilityAt.map(([, v]) => v),
      capabilityYear,
      military_spending_pct_gdp: military.map((v) => round(v)),
      majorPower,
      nominalGdpMusd: nominal.map((v) => round(v)),
    },
    sources,
    pairs: { dataYear, contiguity, logDistance, alliance, jointIgos, tradeMusd, lastDisputeYear },
    ongoingWars,
    hotspots,
    observedOnsetsPerYear: recent / MEAN_YEARS,
    democracyRange: [dMin, dMax],
    neighbourConvergence,
    populistEpisodes,
  };
}
