/**
 * PNG charts of a run: world population, GDP, CO2 emissions, CO2 concentration, warming and the
 * largest emitters. Charts are drawn with Observable Plot on a server-side DOM (linkedom), wrapped in
 * an SVG with a title and subtitle, and rendered to PNG with resvg using the bundled DejaVu Sans font
 * only (no system fonts), so the same result gives byte-identical PNGs on every machine.
 * This module carries the heavy imports; the CLI loads it lazily.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as Plot from '@observablehq/plot';
import { Resvg } from '@resvg/resvg-js';
import * as d3 from 'd3';
import { parseHTML } from 'linkedom';
import type { RunResult } from '../model/engine.js';

/** Output size in pixels. */
export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 450;

const SVG_NS = 'http://www.w3.org/2000/svg';
const FONT_FAMILY = 'DejaVu Sans';
const FONT_DIR = join(
  dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
  'ttf',
);
const FONT_FILES = [join(FONT_DIR, 'DejaVuSans.ttf'), join(FONT_DIR, 'DejaVuSans-Bold.ttf')];

/** Height of the title block above the plot. */
const HEADER_HEIGHT = 62;
const MARGIN = { top: 28, bottom: 42, left: 64, right: 32 } as const;
/** Left edge of the title, subtitle and y-axis label. */
const TEXT_LEFT = 16;
const TICK_FONT_SIZE = 13;
const Y_TICKS = 6;
/** Rough width of a bold end-label character, as a fraction of the font size (DejaVu Sans Bold). */
const BOLD_CHAR_WIDTH = 0.72;
/** Minimum vertical gap between end labels, px. */
const LABEL_GAP = 15;
const TEXT_COLOR = '#222222';
const SUBTLE_COLOR = '#555555';

/**
 * Okabe-Ito colour-blind-safe palette (Okabe & Ito 2008), without the yellow, which is illegible on
 * white, and with the grey from R's palette.colors("Okabe-Ito") to make eight.
 */
export const PALETTE = [
  '#0072B2', // blue
  '#D55E00', // vermillion
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#E69F00', // orange
  '#56B4E9', // sky blue
  '#000000', // black
  '#999999', // grey
] as const;

export interface Series {
  /** Shown at the line end when a chart has more than one series. */
  readonly label: string;
  readonly values: ArrayLike<number>;
}

export interface ReferenceLine {
  readonly value: number;
  readonly label: string;
}

export interface LineChartSpec {
  readonly title: string;
  readonly subtitle: string;
  readonly yLabel: string;
  readonly years: readonly number[];
  readonly series: readonly Series[];
  /** Horizontal reference lines, labelled at the left end. */
  readonly rules?: readonly ReferenceLine[];
  /** Start the y axis at zero (default true). */
  readonly zero?: boolean;
}

interface Point {
  readonly year: number;
  readonly value: number;
  readonly series: string;
}

/** The few DOM members used here (the project compiles without the DOM lib; linkedom provides them). */
interface SvgElement {
  setAttribute(name: string, value: string): void;
  appendChild(child: SvgElement): unknown;
  textContent: string | null;
  readonly outerHTML: string;
}
interface SvgDocument {
  createElementNS(namespace: string, name: string): SvgElement;
}

/** A fresh server-side document. Every user-visible string goes through it, so the serialiser escapes it. */
function newDocument(): SvgDocument {
  return parseHTML('<!DOCTYPE html><html><body></body></html>').document as SvgDocument;
}

/** Serialise an SVG element as a standalone SVG document. */
export function serializeSvg(svg: SvgElement): string {
  svg.setAttribute('xmlns', SVG_NS);
  return svg.outerHTML;
}

/** Render SVG text to PNG with the bundled fonts only, on a white background. */
export function renderPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'original' },
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
  });
  return resvg.render().asPng();
}

/**
 * Place end labels so that none are closer than `gap` (data units) while staying as near their lines
 * as possible and within [lo, hi]: labels that would collide are merged into a block centred on the
 * mean of their lines' positions, bottom to top, until no blocks overlap. Returns label positions in the
 * input order.
 */
export function spreadLabels(
  positions: readonly number[],
  gap: number,
  lo = -Infinity,
  hi = Infinity,
): number[] {
  const order = d3.range(positions.length).sort((a, b) => positions[a] - positions[b] || a - b);
  interface Block {
    first: number;
    count: number;
    sum: number;
    centre: number;
  }
  const place = (b: Block) => {
    const halfSpan = ((b.count - 1) / 2) * gap;
    b.centre = Math.min(Math.max(b.sum / b.count, lo + halfSpan), hi - halfSpan);
  };
  const blocks: Block[] = [];
  order.forEach((i, k) => {
    const block: Block = { first: k, count: 1, sum: positions[i], centre: 0 };
    place(block);
    for (let prev = blocks.at(-1); prev; prev = blocks.at(-1)) {
      const prevTop = prev.centre + ((prev.count - 1) / 2) * gap;
      const bottom = block.centre - ((block.count - 1) / 2) * gap;
      if (bottom - prevTop >= gap) break;
      blocks.pop();
      block.first = prev.first;
      block.count += prev.count;
      block.sum += prev.sum;
      place(block);
    }
    blocks.push(block);
  });
  const out = new Array<number>(positions.length);
  for (const b of blocks) {
    for (let j = 0; j < b.count; j++) out[order[b.first + j]] = b.centre + (j - (b.count - 1) / 2) * gap;
  }
  return out;
}

/** A new SVG element with the given attributes. */
function svgElement(doc: SvgDocument, name: string, attrs: Record<string, string | number>): SvgElement {
  const element = doc.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, String(value));
  return element;
}

/** The chart: a white background, the title and subtitle, and the plot below them. */
function withHeader(doc: SvgDocument, plot: SvgElement, title: string, subtitle: string): SvgElement {
  const svg = svgElement(doc, 'svg', {
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    viewBox: `0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`,
    'font-family': FONT_FAMILY,
  });
  svg.appendChild(svgElement(doc, 'rect', { width: CHART_WIDTH, height: CHART_HEIGHT, fill: 'white' }));
  const heading = [
    { text: title, y: 28, 'font-size': 20, 'font-weight': 'bold', fill: TEXT_COLOR },
    { text: subtitle, y: 50, 'font-size': 14, 'font-weight': 'normal', fill: SUBTLE_COLOR },
  ];
  for (const { text, ...attrs } of heading) {
    const t = svgElement(doc, 'text', { x: TEXT_LEFT, ...attrs });
    t.textContent = text;
    svg.appendChild(t);
  }
  plot.setAttribute('y', String(HEADER_HEIGHT));
  svg.appendChild(plot);
  return svg;
}

const PLOT_STYLE = {
  fontFamily: FONT_FAMILY,
  fontSize: `${TICK_FONT_SIZE}px`,
  color: TEXT_COLOR,
  background: 'white',
} as const;
const YEAR_AXIS = {
  label: 'Year',
  labelAnchor: 'center',
  labelArrow: 'none',
  tickFormat: 'd',
  ticks: 8,
} as const;

/** A rounded value axis over the finite values (and zero, when asked), never empty. */
function niceDomain(values: readonly number[], zero: boolean): [number, number] {
  const extent = d3.extent([...values.filter(Number.isFinite), ...(zero ? [0] : [])]);
  const lo = extent[0] ?? 0;
  const hi = extent[1] ?? 1;
  const [a, b] = d3
    .scaleLinear()
    .domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi])
    .nice(Y_TICKS)
    .domain();
  return [a, b];
}

/**
 * A line chart of one or more yearly series: one line per series, labelled at its end when there are
 * several, optional labelled horizontal reference lines. Returns standalone SVG text.
 */
/** The frame every chart over the years shares: size, margins, style, the year axis and a gridded y axis. */
function yearFrame(
  doc: SvgDocument,
  height: number,
  marginRight: number,
  yLabel: string,
  yDomain: [number, number],
) {
  return {
    document: doc,
    width: CHART_WIDTH,
    height,
    marginTop: MARGIN.top,
    marginBottom: MARGIN.bottom,
    marginLeft: MARGIN.left,
    marginRight,
    style: PLOT_STYLE,
    x: YEAR_AXIS,
    y: { label: yLabel, labelOffset: MARGIN.left - TEXT_LEFT, domain: yDomain, grid: true, ticks: Y_TICKS },
  };
}

/** A line at zero, unless the chart says its values are far from it (`zero: false`). */
function zeroMark(zero: boolean | undefined) {
  return zero === false ? [] : [Plot.ruleY([0], { stroke: '#888888' })];
}

/** Dashed reference lines (a budget, a threshold), each labelled at the left end of the x axis. */
function ruleMarks(rules: readonly ReferenceLine[] | undefined, firstYear: number) {
  return (rules ?? []).flatMap((r) => [
    Plot.ruleY([r.value], { stroke: '#777777', strokeDasharray: '5,4' }),
    Plot.text([r], {
      x: firstYear,
      y: 'value',
      text: 'label',
      textAnchor: 'start',
      dx: 4,
      dy: -8,
      fill: SUBTLE_COLOR,
    }),
  ]);
}

export function lineChartSvg(spec: LineChartSpec): string {
  const { years, series } = spec;
  const labelled = series.length > 1;
  const height = CHART_HEIGHT - HEADER_HEIGHT;
  const longestLabel = d3.max(series, (s) => s.label.length) ?? 0;
  const marginRight = labelled
    ? Math.ceil(6 + longestLabel * BOLD_CHAR_WIDTH * TICK_FONT_SIZE + 8)
    : MARGIN.right;

  // Non-finite values stay in, so that Plot breaks the line there; extents and labels skip them.
  const points: Point[] = series.flatMap((s) =>
    years.map((year, k) => ({ year, value: s.values[k], series: s.label })),
  );
  const finite = points.filter((p) => Number.isFinite(p.value));
  const yDomain = niceDomain(
    [...finite.map((p) => p.value), ...(spec.rules ?? []).map((r) => r.value)],
    spec.zero !== false,
  );
  const innerHeight = height - MARGIN.top - MARGIN.bottom;
  const unitsPerPixel = (yDomain[1] - yDomain[0]) / innerHeight;

  const colorDomain = series.map((s) => s.label);
  // Label each line at its last finite point (a series may stop early, e.g. a country that ceased to exist).
  const ends = d3.sort(
    d3
      .rollups(
        finite,
        (ps) => d3.greatest(ps, (p) => p.year)!,
        (p) => p.series,
      )
      .map(([, p]) => p),
    (p) => colorDomain.indexOf(p.series),
  );
  // Keep labels inside the y range, the lowest one clear of the x axis.
  const gap = LABEL_GAP * unitsPerPixel;
  const labelY = spreadLabels(
    ends.map((p) => p.value),
    gap,
    yDomain[0] + gap / 2,
    yDomain[1],
  );
  const endLabels = ends.map((p, i) => ({ ...p, value: labelY[i] }));

  const doc = newDocument();
  const plot = Plot.plot({
    ...yearFrame(doc, height, marginRight, spec.yLabel, yDomain),
    color: { domain: colorDomain, range: PALETTE.slice(0, Math.max(1, colorDomain.length)) },
    marks: [
      ...zeroMark(spec.zero),
      ...ruleMarks(spec.rules, years[0]),
      Plot.line(points, { x: 'year', y: 'value', stroke: 'series', strokeWidth: 2.5 }),
      ...(labelled
        ? [
            Plot.text(endLabels, {
              x: 'year',
              y: 'value',
              text: 'series',
              fill: 'series',
              textAnchor: 'start',
              dx: 6,
              fontWeight: 'bold',
            }),
          ]
        : []),
    ],
  }) as unknown as SvgElement;
  return serializeSvg(withHeader(doc, plot, spec.title, spec.subtitle));
}

/** Indices of the `k` countries with the largest values of a country series in the first recorded year. */
export function topCountries(result: RunResult, name: string, k: number): number[] {
  const values = result.country[name];
  const n = result.iso3.length;
  return d3
    .range(n)
    .filter((i) => Number.isFinite(values[i]))
    .sort((a, b) => values[b] - values[a] || a - b)
    .slice(0, k);
}

/** One country's values of a year-major country series. */
export function countrySeries(result: RunResult, name: string, i: number): Float64Array {
  const values = result.country[name];
  const n = result.iso3.length;
  return Float64Array.from(result.years, (_, k) => values[k * n + i]);
}

function scaled(values: ArrayLike<number>, factor: number): Float64Array {
  return Float64Array.from(values as ArrayLike<number>, (v) => v * factor);
}

interface ChartDef {
  readonly file: string;
  /** Series the chart needs; it is skipped when any is missing from the result. */
  readonly needs: { readonly global?: readonly string[]; readonly country?: readonly string[] };
  readonly spec: (result: RunResult, subtitle: string) => LineChartSpec;
}

const TOP_EMITTERS = 8;

const CHARTS: readonly ChartDef[] = [
  {
    file: 'population.png',
    needs: { global: ['population_million'] },
    spec: (r, subtitle) => ({
      title: 'World population',
      subtitle,
      yLabel: 'Population (billion people)',
      years: r.years,
      series: [{ label: 'World', values: scaled(r.global.population_million, 1e-3) }],
    }),
  },
  {
    file: 'gdp.png',
    needs: { global: ['gdp_trillion_usd2015'] },
    spec: (r, subtitle) => ({
      title: 'World GDP',
      subtitle,
      yLabel: 'GDP (trillion 2015 USD)',
      years: r.years,
      series: [{ label: 'World', values: r.global.gdp_trillion_usd2015 }],
    }),
  },
  {
    file: 'emissions.png',
    needs: { global: ['co2_fossil_gtco2', 'co2_landuse_gtco2'] },
    spec: (r, subtitle) => ({
      title: 'Global CO₂ emissions',
      subtitle,
      yLabel: 'CO₂ emissions (Gt CO₂/yr)',
      years: r.years,
      series: [
        { label: 'Fossil', values: r.global.co2_fossil_gtco2 },
        { label: 'Land use', values: r.global.co2_landuse_gtco2 },
      ],
    }),
  },
  {
    file: 'concentration.png',
    needs: { global: ['co2_concentration_ppm'] },
    spec: (r, subtitle) => ({
      title: 'Atmospheric CO₂ concentration',
      subtitle,
      yLabel: 'CO₂ concentration (ppm)',
      years: r.years,
      series: [{ label: 'CO₂', values: r.global.co2_concentration_ppm }],
      zero: false,
    }),
  },
  {
    file: 'temperature.png',
    needs: { global: ['temperature_anomaly_k'] },
    spec: (r, subtitle) => ({
      title: 'Global warming',
      subtitle,
      yLabel: 'Warming over 1850–1900 (K)',
      years: r.years,
      series: [{ label: 'Warming', values: r.global.temperature_anomaly_k }],
      rules: [
        { value: 1.5, label: '1.5 K' },
        { value: 2, label: '2 K' },
      ],
    }),
  },
  {
    file: 'top-emitters.png',
    needs: { country: ['co2_fossil_mtco2'] },
    spec: (r, subtitle) => ({
      title: `Fossil CO₂ emissions of the ${TOP_EMITTERS} largest emitters in ${r.years[0]}`,
      subtitle,
      yLabel: 'Fossil CO₂ emissions (Mt CO₂/yr)',
      years: r.years,
      series: topCountries(r, 'co2_fossil_mtco2', TOP_EMITTERS).map((i) => ({
        label: r.iso3[i],
        values: countrySeries(r, 'co2_fossil_mtco2', i),
      })),
    }),
  },
];

function hasSeries(result: RunResult, needs: ChartDef['needs']): boolean {
  return (
    (needs.global ?? []).every((name) => name in result.global) &&
    (needs.country ?? []).every((name) => name in result.country)
  );
}

/**
 * Write the run's charts as PNGs into `dir` (created if needed). Charts whose series are missing from
 * the result are skipped. Returns the file names written, in a fixed order.
 */
export async function writeCharts(result: RunResult, dir: string, scenarioName: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const first = result.years[0];
  const last = result.years[result.years.length - 1];
  const subtitle = `Scenario: ${scenarioName} · ${first}–${last}`;
  const written: string[] = [];
  for (const chart of CHARTS) {
    if (!hasSeries(result, chart.needs)) continue;
    await writeFile(join(dir, chart.file), renderPng(lineChartSvg(chart.spec(result, subtitle))));
    written.push(chart.file);
  }
  return written;
}

export interface FanChartSpec {
  readonly title: string;
  readonly subtitle: string;
  readonly yLabel: string;
  readonly years: readonly number[];
  /** The 5, 25, 50, 75 and 95 % quantiles of the runs, one value a year each. */
  readonly quantiles: readonly [
    ArrayLike<number>,
    ArrayLike<number>,
    ArrayLike<number>,
    ArrayLike<number>,
    ArrayLike<number>,
  ];
  readonly rules?: readonly ReferenceLine[];
  /** Start the y axis at zero (default true). */
  readonly zero?: boolean;
}

/** An ensemble's spread over time: 5-95 % and 25-75 % bands and the median line. */
export function fanChartSvg(spec: FanChartSpec): string {
  const { years } = spec;
  const [p5, p25, p50, p75, p95] = spec.quantiles;
  const rows = years.map((year, k) => ({
    year,
    p5: p5[k],
    p25: p25[k],
    p50: p50[k],
    p75: p75[k],
    p95: p95[k],
  }));
  const height = CHART_HEIGHT - HEADER_HEIGHT;
  const yDomain = niceDomain(
    [...rows.flatMap((r) => [r.p5, r.p95]), ...(spec.rules ?? []).map((r) => r.value)],
    spec.zero !== false,
  );
  const colour = PALETTE[0];
  const doc = newDocument();
  const plot = Plot.plot({
    ...yearFrame(doc, height, MARGIN.right, spec.yLabel, yDomain),
    marks: [
      ...zeroMark(spec.zero),
      Plot.areaY(rows, { x: 'year', y1: 'p5', y2: 'p95', fill: colour, fillOpacity: 0.18 }),
      Plot.areaY(rows, { x: 'year', y1: 'p25', y2: 'p75', fill: colour, fillOpacity: 0.35 }),
      Plot.line(rows, { x: 'year', y: 'p50', stroke: colour, strokeWidth: 2.5 }),
      ...ruleMarks(spec.rules, years[0]),
    ],
  }) as unknown as SvgElement;
  return serializeSvg(withHeader(doc, plot, spec.title, spec.subtitle));
}

export interface RankMeasure {
  readonly name: string;
  /** One value per label, in the labels' order. */
  readonly values: ArrayLike<number>;
  /** A confidence interval per label, drawn as a line across the bar's end. */
  readonly lo?: ArrayLike<number>;
  readonly hi?: ArrayLike<number>;
}

export interface RankChartSpec {
  readonly title: string;
  readonly subtitle: string;
  readonly xLabel: string;
  /** Top first. */
  readonly labels: readonly string[];
  /** One bar each per label, in palette order. */
  readonly measures: readonly RankMeasure[];
}

/** Rough width of a regular tick-label character, as a fraction of the font size (DejaVu Sans). */
const CHAR_WIDTH = 0.62;

/** Horizontal bars, one group per label (ranked top to bottom), with confidence intervals. */
export function rankChartSvg(spec: RankChartSpec): string {
  const rows = spec.measures.flatMap((m) =>
    spec.labels.map((label, i) => ({
      label,
      measure: m.name,
      value: m.values[i],
      lo: m.lo?.[i] ?? Number.NaN,
      hi: m.hi?.[i] ?? Number.NaN,
    })),
  );
  const height = CHART_HEIGHT - HEADER_HEIGHT;
  const longest = d3.max(spec.labels, (l) => l.length) ?? 0;
  const marginLeft = Math.ceil(TEXT_LEFT + longest * CHAR_WIDTH * TICK_FONT_SIZE + 8);
  const domain = niceDomain(
    rows.flatMap((r) => [r.value, r.lo, r.hi]),
    true,
  );
  const names = spec.measures.map((m) => m.name);
  const doc = newDocument();
  const plot = Plot.plot({
    document: doc,
    width: CHART_WIDTH,
    height,
    marginTop: MARGIN.top,
    marginBottom: MARGIN.bottom,
    marginLeft,
    marginRight: MARGIN.right,
    style: PLOT_STYLE,
    x: { label: spec.xLabel, labelAnchor: 'center', labelArrow: 'none', domain, grid: true },
    y: { axis: null, domain: names },
    fy: { label: null, domain: spec.labels, padding: 0.25 },
    color: { domain: names, range: PALETTE.slice(0, Math.max(1, names.length)) },
    marks: [
      Plot.barX(rows, { x: 'value', y: 'measure', fy: 'label', fill: 'measure' }),
      Plot.ruleY(
        rows.filter((r) => Number.isFinite(r.lo) && Number.isFinite(r.hi)),
        { x1: 'lo', x2: 'hi', y: 'measure', fy: 'label', stroke: TEXT_COLOR, strokeWidth: 1.5 },
      ),
      Plot.ruleX([0], { stroke: '#888888' }),
    ],
  }) as unknown as SvgElement;
  return serializeSvg(withHeader(doc, plot, spec.title, spec.subtitle));
}
