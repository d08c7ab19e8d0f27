/**
 * Hindcast of the politics mechanism, 2008-2024, for the twenty largest economies of 2008: does it get the
 * direction of the 2010s rise in nationalist-populist government right? Run with
 * `npx tsx scripts/politics/hindcast.ts [--seeds N]`.
 *
 * The engine's base year is fixed at 2024, so this script runs the politics mechanism itself
 * (src/model/politics/: the support target and adjustment, the stance rule, the registry defaults) on
 * historical inputs from data/raw:
 *   - starting stances and nationalist vote shares in 2008, the years elected executives took office, and
 *     the stances observed every year to 2024: data/raw/politics_hindcast_2008.csv (hand-made, a source
 *     per row, classified by the same rule as the 2024 table);
 *   - inequality (Gapminder Gini), import penetration (imports, % of GDP), GDP per person (crises: a fall
 *     of politics.crisis_gdp_drop or more) and V-Dem polyarchy (competitive or not): country_year.csv;
 *   - disinformation intensity relative to 2024: world mobile-broadband subscriptions per person (ITU),
 *     data/raw/mobile_broadband_world.csv, the diffusion Guriev, Melnikov and Zhuravskaya (2021) study;
 *   - media literacy: the same proxy as the base year, from 2008 GDP per person and polyarchy.
 * Not available for the hindcast, so held at zero change: displaced workers, immigration, perceived failure
 * of institutions, war. Leadership changes between elections (May 2016, Johnson 2019, Monti 2011, Temer
 * 2016) cannot happen in the model. Elections are stochastic; the results are means over seeds.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { stanceCode } from '../../src/data/stances.js';
import { registry } from '../../src/model/engine.js';
import { effectsOf, stanceRuleOf } from '../../src/model/modules/politics.js';
import { drawsFrom, SLOT } from '../../src/model/politics/draws.js';
import {
  electedStance,
  propensityFor,
  STANCES,
  type StanceRule,
  standardNormal,
} from '../../src/model/politics/elections.js';
import {
  adjust,
  type Drivers,
  type Effects,
  logit,
  NO_DRIVERS,
  sigmoid,
  targetLogit,
} from '../../src/model/politics/support.js';
import { createRng } from '../../src/model/rng.js';
import { mediaLiteracyProxy } from '../data/politics.js';

const RAW = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'raw');
export const FIRST = 2008;
export const LAST = 2024;

type Row = Record<string, string>;
const read = (file: string): Row[] =>
  parse(readFileSync(join(RAW, file)), { columns: true, skip_empty_lines: true });
const num = (s: string | undefined) => (s === undefined || s === '' ? undefined : Number(s));

interface Country {
  readonly iso3: string;
  readonly stance0: number;
  readonly support0: number;
  /** Observed nationalist support around 2019 (latest election 2016-2019), when comparable. */
  readonly support2019?: number;
  readonly elections: ReadonlySet<number>;
  /** Observed stance by year, FIRST..LAST. */
  readonly observed: readonly number[];
  readonly gdp: readonly number[];
  readonly gini: readonly number[];
  readonly imports: readonly number[];
  readonly gdppc: readonly number[];
  readonly polyarchy: readonly number[];
  readonly literacy: number;
}

const years = Array.from({ length: LAST - FIRST + 1 }, (_, k) => FIRST + k);

/** A series with gaps filled by the last observed value (the first observed one before it). */
function filled(values: (number | undefined)[]): number[] {
  const first = values.find((v) => v !== undefined) ?? 0;
  let last = first;
  return values.map((v) => (last = v ?? last));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : 0.5 * (s[m - 1] + s[m]);
}

export function loadCountries(): Country[] {
  const table = read('politics_hindcast_2008.csv');
  const panel = new Map<string, Row>();
  for (const r of read('country_year.csv')) panel.set(`${r.iso3}:${r.year}`, r);
  const series = (iso3: string, col: string) => years.map((y) => num(panel.get(`${iso3}:${y}`)?.[col]));
  const observedSupport = table.filter((r) => r.nationalist_vote_pct !== '');
  return table.map((r) => {
    const stance0 = stanceCode(r.stance_2008, 'data/raw/politics_hindcast_2008.csv');
    const support0 =
      r.nationalist_vote_pct !== ''
        ? Number(r.nationalist_vote_pct) / 100
        : // The base year's imputation rule: the median over states with the same stance.
          median(
            observedSupport
              .filter((o) => o.stance_2008 === r.stance_2008)
              .map((o) => Number(o.nationalist_vote_pct) / 100),
          );
    const observed: number[] = [];
    for (const spell of r.observed.split(' ')) {
      const [span, stance] = spell.split(':');
      const [a, b = a] = span.split('-').map(Number);
      for (let y = a; y <= Number(b); y++) observed.push(stanceCode(stance, r.iso3));
    }
    const gdp = filled(series(r.iso3, 'gdp_const2015_usd'));
    const population = filled(series(r.iso3, 'population'));
    const gdppc = gdp.map((g, k) => g / population[k]);
    const polyarchy = filled(series(r.iso3, 'v2x_polyarchy'));
    return {
      iso3: r.iso3,
      stance0,
      support0,
      support2019: r.nationalist_vote_pct_2019 === '' ? undefined : Number(r.nationalist_vote_pct_2019) / 100,
      elections: new Set(r.executive_elections.split(' ').filter(Boolean).map(Number)),
      observed,
      gdp,
      gini: filled(series(r.iso3, 'gini_gapminder')),
      imports: filled(series(r.iso3, 'imports_pct_gdp')),
      gdppc,
      polyarchy,
      literacy: mediaLiteracyProxy(gdppc[0], polyarchy[0]),
    };
  });
}

/** Disinformation intensity relative to 2024 by year: mobile broadband per person, linear between knots. */
export function disinformationPath(): number[] {
  const knots = read('mobile_broadband_world.csv').map((r) => [
    Number(r.year),
    Number(r.subscriptions_per_100),
  ]);
  const at = (y: number) => {
    for (let k = 1; k < knots.length; k++) {
      const [x0, v0] = knots[k - 1];
      const [x1, v1] = knots[k];
      if (y <= x1) return v0 + ((Math.max(y, x0) - x0) / (x1 - x0)) * (v1 - v0);
    }
    return knots[knots.length - 1][1];
  };
  return years.map((y) => at(y) / at(LAST));
}

export interface HindcastResult {
  /** Share of elections (competitive years on each list) after which the stance differs from the year before. */
  readonly observedChanges: number;
  readonly simulatedChanges: number;
  /** Share of the group's GDP under nationalist-populist governments, by year. */
  readonly observed: number[];
  readonly simulated: number[];
  /** The same with every driver held at its 2008 value (support constant). */
  readonly noDrivers: number[];
  readonly countries: {
    readonly iso3: string;
    readonly support2008: number;
    /** Simulated (mean over seeds) and observed nationalist support around 2019. */
    readonly support2019: number;
    readonly observed2019?: number;
    /** Years with a nationalist-populist government, 2015-2024: observed and simulated (mean over seeds). */
    readonly observedYears: number;
    readonly simulatedYears: number;
    readonly noDriverYears: number;
  }[];
}

function simulateCountry(
  c: Country,
  index: number,
  seed: number,
  withDrivers: boolean,
  effects: Effects,
  rule: StanceRule,
  p: Record<string, number>,
  disinformation: number[],
): { stance: number[]; support: number[] } {
  const draws = drawsFrom(createRng(seed));
  const u = propensityFor(logit(c.support0), c.stance0, rule);
  let x = logit(c.support0);
  let crisis = 0;
  let stance = c.stance0;
  const stances = [stance];
  const support = [c.support0];
  const decay = 0.5 ** (1 / p['politics.crisis_half_life']);
  for (let k = 1; k < years.length; k++) {
    const year = years[k];
    const fell = c.gdppc[k] <= c.gdppc[k - 1] * (1 - p['politics.crisis_gdp_drop']);
    crisis = Math.max(crisis * decay, fell ? 1 : 0);
    const d: Drivers = withDrivers
      ? {
          ...NO_DRIVERS,
          gini: c.gini[k] - c.gini[0],
          importShare: c.imports[k] - c.imports[0],
          disinformation: (disinformation[k] - disinformation[0]) * (1 - c.literacy),
          crisis,
        }
      : NO_DRIVERS;
    x = adjust(x, targetLogit(c.support0, d, effects), p['politics.adjustment_rate']);
    const competitive = c.polyarchy[k] > p['politics.competitive_threshold'];
    const draw = (slot: number) => draws.uniform(year, index, slot);
    if (competitive ? c.elections.has(year) : draw(SLOT.hazard) < p['politics.autocracy_hazard']) {
      stance = electedStance(x, u, standardNormal(draw(SLOT.swing1), draw(SLOT.swing2)), rule);
    }
    stances.push(stance);
    support.push(sigmoid(x));
  }
  return { stance: stances, support };
}

/** Share of a country's elections (in competitive years) after which the stance changed. */
function changes(c: Country, stance: readonly number[], p: Record<string, number>): [number, number] {
  let changed = 0;
  let held = 0;
  years.forEach((y, k) => {
    if (k === 0 || !c.elections.has(y) || c.polyarchy[k] <= p['politics.competitive_threshold']) return;
    held++;
    if (stance[k] !== stance[k - 1]) changed++;
  });
  return [changed, held];
}

export function hindcast(seeds = 200, overrides: Record<string, number> = {}): HindcastResult {
  const countries = loadCountries();
  const p = registry.resolve(overrides);
  const effects = effectsOf(p);
  const rule = stanceRuleOf(p);
  const disinformation = disinformationPath();
  const total = years.map((_, k) => countries.reduce((s, c) => s + c.gdp[k], 0));
  const share = (stanceOf: (c: Country, i: number) => readonly number[]) =>
    years.map(
      (_, k) => countries.reduce((s, c, i) => s + (stanceOf(c, i)[k] === 2 ? c.gdp[k] : 0), 0) / total[k],
    );
  const simulated = years.map(() => 0);
  const noDrivers = years.map(() => 0);
  const late = (s: readonly number[]) => s.slice(2015 - FIRST).filter((v) => v === 2).length;
  const perCountry = countries.map(() => ({ years: 0, noDriverYears: 0, support2019: 0 }));
  const count = (stanceOf: (c: Country, i: number) => readonly number[]) => {
    const totals = countries.map((c, i) => changes(c, stanceOf(c, i), p));
    return totals.reduce((s, [a]) => s + a, 0) / totals.reduce((s, [, b]) => s + b, 0);
  };
  let simulatedChanges = 0;
  for (let seed = 1; seed <= seeds; seed++) {
    for (const [withDrivers, target] of [
      [true, simulated],
      [false, noDrivers],
    ] as const) {
      const runs = countries.map((c, i) =>
        simulateCountry(c, i, seed, withDrivers, effects, rule, p, disinformation),
      );
      share((_, i) => runs[i].stance).forEach((v, k) => {
        target[k] += v / seeds;
      });
      if (withDrivers) simulatedChanges += count((_, i) => runs[i].stance) / seeds;
      runs.forEach((r, i) => {
        if (withDrivers) {
          perCountry[i].years += late(r.stance) / seeds;
          perCountry[i].support2019 += r.support[2019 - FIRST] / seeds;
        } else perCountry[i].noDriverYears += late(r.stance) / seeds;
      });
    }
  }
  return {
    observedChanges: count((c) => c.observed),
    simulatedChanges,
    observed: share((c) => c.observed),
    simulated,
    noDrivers,
    countries: countries.map((c, i) => ({
      iso3: c.iso3,
      support2008: c.support0,
      support2019: perCountry[i].support2019,
      observed2019: c.support2019,
      observedYears: late(c.observed),
      simulatedYears: perCountry[i].years,
      noDriverYears: perCountry[i].noDriverYears,
    })),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--seeds');
  const seeds = at > 0 ? Number(process.argv[at + 1]) : 200;
  const r = hindcast(seeds);
  // Sensitivity: nearly all of the stance rule's spread as election-day luck, almost no persistence.
  const p = registry.resolve();
  const sigma = Math.hypot(p['politics.propensity_sd'], p['politics.election_swing']);
  const noisy = hindcast(seeds, {
    'politics.propensity_sd': 0.2,
    'politics.election_swing': Math.sqrt(sigma ** 2 - 0.04),
  });
  const pct = (v: number) => `${(100 * v).toFixed(0).padStart(4)} %`;
  const compared = r.countries.filter((c) => c.observed2019 !== undefined);
  const sameSign = compared.filter(
    (c) => Math.sign(c.support2019 - c.support2008) === Math.sign(c.observed2019! - c.support2008),
  ).length;
  const mean = (f: (c: (typeof compared)[number]) => number) =>
    compared.reduce((s, c) => s + f(c), 0) / compared.length;
  const lines = [
    `Share of the GDP of the 20 largest economies of ${FIRST} under nationalist-populist governments (${seeds} seeds)`,
    'year   observed  simulated  drivers off  little persistence',
    ...years.map(
      (y, k) =>
        `${y}    ${pct(r.observed[k])}    ${pct(r.simulated[k])}     ${pct(r.noDrivers[k])}       ${pct(noisy.simulated[k])}`,
    ),
    '',
    `Stance changes at ${(100 * r.simulatedChanges).toFixed(0)} % of elections in competitive years (observed ${(100 * r.observedChanges).toFixed(0)} %; ` +
      `${(100 * noisy.simulatedChanges).toFixed(0)} % with little persistence).`,
    '',
    `Nationalist support, 2008 -> about 2019: simulated (mean over seeds) and observed (latest election 2016-2019);`,
    `years with a nationalist-populist government 2015-${LAST} (of ${LAST - 2015 + 1}): observed, simulated, drivers off`,
    'iso3   2008   2019 sim  2019 obs    years: obs   sim  off',
    ...r.countries.map(
      (c) =>
        `${c.iso3}  ${pct(c.support2008)}  ${pct(c.support2019)}   ${c.observed2019 === undefined ? '     -' : pct(c.observed2019)}       ${String(c.observedYears).padStart(5)} ${c.simulatedYears.toFixed(1).padStart(5)} ${c.noDriverYears.toFixed(1).padStart(4)}`,
    ),
    '',
    `Support moved in the observed direction in ${sameSign} of ${compared.length} countries; mean change ` +
      `${(100 * mean((c) => c.support2019 - c.support2008)).toFixed(1)} points simulated, ` +
      `${(100 * mean((c) => c.observed2019! - c.support2008)).toFixed(1)} observed.`,
    `Stances: ${STANCES.join(', ')}.`,
  ];
  console.log(lines.join('\n'));
}
