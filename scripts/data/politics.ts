/**
 * Base-year politics for data/world.json, from the hand-made table data/raw/politics_2024.csv (one row per
 * state, a source per row) and the V-Dem series in data/raw/country_year.csv.
 *
 * Rules (each imputed value is flagged with its rule in `sources`):
 *   stance        the government in office on 31 Dec of the base year, classified in the table (see
 *                 data/README.md for the classification rule and its sources).
 *   polyarchy     V-Dem v2x_polyarchy; where V-Dem has no value (micro-states) the linear fit of polyarchy on
 *                 the extended UDS score (euds, which covers every state) over the states that have both.
 *   cycle         the executive's term and next election from the table; missing -> the modal term of the
 *                 UN region (REGION_TERM) with the next election one term after the base year.
 *   support       the vote share of nationalist-populist parties or candidates in the latest national
 *                 parliamentary or presidential (first-round) election held by the end of the base year;
 *                 missing -> the median observed share among states with the same base-year stance.
 *   media literacy the product of an income score (log GDP per person between INCOME_LOW and INCOME_HIGH)
 *                 and V-Dem polyarchy: the two pillars (education, free media) of the Open Society Institute
 *                 Sofia's Media Literacy Index, which covers only Europe; a product because a literate public
 *                 needs both. In Europe it runs from 0.17 (Serbia) to 0.92 (Denmark); as in the index, the
 *                 Nordic countries lead and the Western Balkans, Georgia and Turkey trail.
 *   immigration   yearly immigrant inflow, % of population: IMMIGRATION_PCT by World Bank income group.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseStanceTable, stanceCode } from '../../src/data/stances.js';
import type { PoliticsData, ValueSource } from '../../src/model/world-data.js';

export const POLITICS_FILE = 'politics_2024.csv';
/** This file's path, so the dataset version changes when the rules do. */
export const POLITICS_SCRIPT = fileURLToPath(import.meta.url);

/**
 * Modal length of the executive's term by UN region, for states whose cycle the table does not give
 * (assumption: parliamentary four-year terms dominate in Europe, the Americas and Oceania; five-year terms in
 * Africa and Asia).
 */
const REGION_TERM: Readonly<Record<string, number>> = {
  Europe: 4,
  Americas: 4,
  Oceania: 4,
  Africa: 5,
  Asia: 5,
};
/** GDP per person (2015 USD) at which the income score of media literacy is 0 and 1. */
const INCOME_LOW = 1000;
const INCOME_HIGH = 60000;
/**
 * Yearly immigrant inflow, % of population. High income: OECD International Migration Outlook 2023, about
 * 6.1 million permanent-type immigrants to OECD countries in 2022, 0.45 % of their population. Others: an
 * assumption (UN DESA International Migrant Stock 2020: migrants are about 2 % of the population of low- and
 * middle-income countries, mostly long settled).
 */
const IMMIGRATION_PCT: Readonly<Record<string, number>> = { high_income: 0.5 };
const IMMIGRATION_PCT_OTHER = 0.1;
/** Vote shares are floored here so that every logit is finite. */
const SUPPORT_FLOOR = 0.01;

type Row = Record<string, string>;

export interface PoliticsInputs {
  readonly raw: string;
  readonly baseYear: number;
  /** The states, in dataset order. */
  readonly countries: readonly Row[];
  readonly value: (c: Row, year: number, col: string) => number | undefined;
  readonly gdpBillion: readonly number[];
  readonly populationMillion: readonly number[];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : 0.5 * (s[m - 1] + s[m]);
}

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(x, hi));

/** GDP per person (2015 USD) on a log scale from INCOME_LOW (0) to INCOME_HIGH (1). */
function incomeScore(perCapita: number): number {
  return clamp(Math.log(perCapita / INCOME_LOW) / Math.log(INCOME_HIGH / INCOME_LOW), 0, 1);
}

/** The media-literacy proxy: income score x polyarchy (also used by the hindcast for earlier years). */
export function mediaLiteracyProxy(perCapita: number, polyarchy: number): number {
  return incomeScore(perCapita) * polyarchy;
}

export function buildPolitics(inp: PoliticsInputs): PoliticsData {
  const { baseYear, countries } = inp;
  const file = join(inp.raw, POLITICS_FILE);
  const codes = countries.map((c) => c.iso3);
  const rows = parseStanceTable(
    readFileSync(file, 'utf8'),
    `data/raw/${POLITICS_FILE}`,
    codes,
    'stance_2024',
    true,
  );
  const byIso = new Map(rows.map((r) => [r.iso3, r]));
  const table = countries.map((c) => byIso.get(c.iso3)!);
  const src = `data/raw/${POLITICS_FILE}`;
  const sources: Record<string, ValueSource[]> = {
    stance: [],
    polyarchy: [],
    cycle: [],
    support: [],
    media_literacy: [],
    immigration: [],
  };

  const stance = table.map((r) => {
    sources.stance.push({ source: r.fields.stance_source, year: baseYear });
    return r.stance;
  });
  const stanceNext = table.map((r) =>
    r.fields.stance_2025 ? stanceCode(r.fields.stance_2025, `${src}:${r.line}`) : -1,
  );

  // Polyarchy, with the euds fit for states V-Dem does not cover.
  const vdem = countries.map((c) => inp.value(c, baseYear, 'v2x_polyarchy'));
  const euds = countries.map((c) => inp.value(c, baseYear, 'euds')!);
  const pairs = vdem.flatMap((p, i) => (p === undefined ? [] : [[euds[i], p] as const]));
  const mx = pairs.reduce((s, [x]) => s + x, 0) / pairs.length;
  const my = pairs.reduce((s, [, y]) => s + y, 0) / pairs.length;
  const slope =
    pairs.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / pairs.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const polyarchy = vdem.map((p, i) => {
    if (p !== undefined) {
      sources.polyarchy.push({ source: 'V-Dem v16 v2x_polyarchy (via isard)', year: baseYear });
      return p;
    }
    const fit = clamp(my + slope * (euds[i] - mx), 0.01, 0.99);
    sources.polyarchy.push({
      source: 'extended Unified Democracy Scores (euds)',
      year: baseYear,
      imputed: `no V-Dem value: ${my.toFixed(3)} + ${slope.toFixed(3)} x (euds ${euds[i].toFixed(3)} - ${mx.toFixed(3)}), the fit over ${pairs.length} states`,
    });
    return fit;
  });

  // Election cycle.
  const termYears: number[] = [];
  const nextElection: number[] = [];
  table.forEach((r, i) => {
    const term = Number(r.fields.executive_term_years);
    const next = Number(r.fields.next_executive_election);
    if (r.fields.executive_term_years !== '' && r.fields.next_executive_election !== '') {
      if (!(term >= 1 && term <= 10 && next > baseYear && next <= baseYear + term + 1)) {
        throw new Error(`${src}:${r.line}: implausible election cycle (term ${term}, next ${next})`);
      }
      termYears.push(term);
      nextElection.push(next);
      sources.cycle.push({
        source: r.fields.cycle_note ? `${src} (${r.fields.cycle_note})` : src,
        year: baseYear,
      });
      return;
    }
    const region = countries[i].region;
    const t = REGION_TERM[region];
    termYears.push(t);
    nextElection.push(baseYear + t);
    sources.cycle.push({
      source: src,
      year: baseYear,
      imputed: `${r.fields.cycle_note || 'no cycle in the table'}: default ${t}-year term for ${region}, next election ${baseYear + t}`,
    });
  });

  // Nationalist support: observed vote shares, else the median for the same stance.
  const observed = table.map((r) =>
    r.fields.nationalist_vote_pct === '' ? undefined : Number(r.fields.nationalist_vote_pct) / 100,
  );
  const byStance = [0, 1, 2].map((s) =>
    median(observed.flatMap((v, i) => (v !== undefined && stance[i] === s ? [v] : []))),
  );
  const support = table.map((r, i) => {
    const v = observed[i];
    if (v !== undefined) {
      sources.support.push({ source: r.fields.vote_source, year: Number(r.fields.vote_year) });
      return Math.max(v, SUPPORT_FLOOR);
    }
    const m = byStance[stance[i]];
    sources.support.push({
      source: src,
      year: baseYear,
      imputed: `no vote share: the median over states whose ${baseYear} stance is also ${r.fields.stance_2024} (${(100 * m).toFixed(1)} %)`,
    });
    return m;
  });

  const mediaLiteracy = countries.map((_, i) => {
    const perCapita = (1000 * inp.gdpBillion[i]) / inp.populationMillion[i];
    const income = incomeScore(perCapita);
    sources.media_literacy.push({
      source: 'proxy: income score x V-Dem polyarchy',
      year: baseYear,
      imputed: `income score ${income.toFixed(2)} (GDP per person ${perCapita.toFixed(0)} USD on a log scale from ${INCOME_LOW} to ${INCOME_HIGH}), polyarchy ${polyarchy[i].toFixed(2)}`,
    });
    return mediaLiteracyProxy(perCapita, polyarchy[i]);
  });

  const immigrationPct = countries.map((c) => {
    const v = IMMIGRATION_PCT[c.wb_income_group] ?? IMMIGRATION_PCT_OTHER;
    sources.immigration.push({
      source:
        c.wb_income_group === 'high_income' ? 'OECD International Migration Outlook 2023' : 'assumption',
      year: 2022,
      imputed: `default for income group '${c.wb_income_group || 'none'}': ${v} % of the population a year`,
    });
    return v;
  });

  return {
    stance,
    government: table.map((r) => r.fields.government_2024),
    stanceNext,
    polyarchy,
    termYears,
    nextElection,
    support,
    mediaLiteracy,
    immigrationPct,
    sources,
  };
}
