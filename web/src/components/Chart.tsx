/**
 * A line chart of one indicator over time (Observable Plot): the run in a strong colour, the baseline as a
 * grey dashed ghost, each line labelled at its end, units on the axis; buttons save it as PNG or SVG.
 */
import * as Plot from '@observablehq/plot';
import { memo, useEffect, useRef } from 'react';
import { downloadBlob, downloadText, standaloneSvg, svgToPng } from '../lib/download.js';

export interface Line {
  readonly label: string;
  readonly values: ArrayLike<number>;
  /** `ghost`: the baseline, drawn grey and dashed. */
  readonly style: 'main' | 'ghost' | 'second';
}

interface Props {
  readonly id: string;
  readonly title: string;
  readonly units: string;
  readonly years: readonly number[];
  readonly lines: readonly Line[];
  readonly height?: number;
  readonly width?: number;
}

/** Okabe and Ito (2008): colours that stay distinct under the common colour-vision deficiencies. */
export const COLORS = { main: '#0072B2', second: '#D55E00', ghost: '#8c8c8c' } as const;

function ChartView({ id, title, units, years, lines, height = 220, width = 440 }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const rows = lines.flatMap((line) =>
      Array.from(years, (year, k) => ({ year, value: line.values[k], line: line.label, style: line.style })),
    );
    // End labels, pushed apart vertically when the lines end close together (the higher one goes up).
    const last = years.length - 1;
    const ends = lines.map((line) => {
      const value = line.values[last];
      const others = lines.filter((o) => o !== line).map((o) => o.values[last]);
      const above = others.every((o) => value > o || (value === o && line.style !== 'ghost'));
      return {
        year: years[last],
        value,
        line: line.label,
        style: line.style,
        dy: others.length ? (above ? -7 : 7) : 0,
      };
    });
    const stroke = (d: { style: Line['style'] }) => COLORS[d.style];
    const svg = Plot.plot({
      width,
      height,
      marginRight: 70,
      marginLeft: 56,
      style: { fontSize: '12px', overflow: 'visible' },
      x: { label: 'Year', tickFormat: 'd', ticks: 5 },
      y: { label: units, grid: true, nice: true },
      marks: [
        Plot.lineY(
          rows.filter((d) => d.style === 'ghost'),
          { x: 'year', y: 'value', z: 'line', stroke, strokeWidth: 1.5, strokeDasharray: '5,4' },
        ),
        Plot.lineY(
          rows.filter((d) => d.style !== 'ghost'),
          { x: 'year', y: 'value', z: 'line', stroke, strokeWidth: 2.5 },
        ),
        ...ends.map((e) =>
          Plot.text([e], {
            x: 'year',
            y: 'value',
            text: 'line',
            fill: stroke,
            dx: 6,
            dy: e.dy,
            textAnchor: 'start',
          }),
        ),
        Plot.tip(
          rows,
          Plot.pointerX({
            x: 'year',
            y: 'value',
            title: (d) => `${d.line}, ${d.year}: ${d.value.toPrecision(4)} ${units}`,
          }),
        ),
      ],
    }) as SVGSVGElement;
    svg.setAttribute('role', 'img');
    svg.setAttribute(
      'aria-label',
      `${title}, ${units}, ${years[0]}-${years[years.length - 1]}: ${lines.map((l) => l.label).join(' and ')}`,
    );
    el.replaceChildren(svg);
  }, [title, units, years, lines, height, width]);

  const svgText = () => {
    const svg = box.current?.querySelector('svg');
    return svg ? standaloneSvg(svg, `${title} (${units})`) : '';
  };
  return (
    <figure className="chart" data-chart={id}>
      <figcaption>
        <span className="chart-title">{title}</span>
        <span className="chart-tools">
          <button
            type="button"
            onClick={() => downloadText(`${id}.svg`, svgText(), 'image/svg+xml')}
            aria-label={`Save the chart ${title} as SVG`}
          >
            SVG
          </button>
          <button
            type="button"
            onClick={async () => downloadBlob(`${id}.png`, await svgToPng(svgText()))}
            aria-label={`Save the chart ${title} as PNG`}
          >
            PNG
          </button>
        </span>
      </figcaption>
      <div ref={box} className="chart-body" />
    </figure>
  );
}

/** Same lines (the same arrays of values) draw the same chart: a re-render of the page does not redraw it. */
function sameChart(a: Props, b: Props): boolean {
  return (
    a.id === b.id &&
    a.title === b.title &&
    a.units === b.units &&
    a.years === b.years &&
    a.height === b.height &&
    a.width === b.width &&
    a.lines.length === b.lines.length &&
    a.lines.every(
      (l, k) =>
        l.label === b.lines[k].label && l.style === b.lines[k].style && l.values === b.lines[k].values,
    )
  );
}

export const Chart = memo(ChartView, sameChart);
