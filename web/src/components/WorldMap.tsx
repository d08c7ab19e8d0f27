/**
 * The world map: each state coloured by a country variable in a chosen year, or by its change from the
 * baseline in percent; states too small for the 1:110m atlas (and Kosovo) are dots at their capitals.
 * Colours: viridis for levels, purple-orange for changes, both readable with colour-vision deficiencies;
 * every state also carries its value as text (a tooltip, and the table under the map).
 */
import * as Plot from '@observablehq/plot';
import {
  type GeoSphere,
  geoEqualEarth,
  geoPath,
  interpolatePuOr,
  interpolateViridis,
  scaleDiverging,
  scaleSequential,
  scaleSequentialLog,
} from 'd3';
import { type MouseEvent, useEffect, useMemo, useRef } from 'react';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import atlas from 'world-atlas/countries-110m.json';
import type { WorldData } from '../../../src/model/world-data.js';
import { fmt, fmtSigned } from '../lib/format.js';

const SPHERE: GeoSphere = { type: 'Sphere' };
const WIDTH = 960;
const HEIGHT = 470;

interface Shape {
  readonly index: number;
  d: string;
}

interface Props {
  readonly data: WorldData;
  /** One value per country, aligned with data.countries. */
  readonly values: ArrayLike<number>;
  /** The colour domain: fixed over the years of the run so that moving in time shows change. */
  readonly domain: readonly [number, number];
  readonly mode: 'level' | 'change';
  readonly label: string;
  readonly selected?: string;
  readonly onSelect: (iso3: string) => void;
}

/** Paths and dots, computed once: only the colours change when the run does. */
function useShapes(data: WorldData) {
  return useMemo(() => {
    const topo = atlas as unknown as Topology;
    const collection = feature(topo, topo.objects.countries) as unknown as GeoJSON.FeatureCollection;
    const projection = geoEqualEarth().fitExtent(
      [
        [4, 4],
        [WIDTH - 4, HEIGHT - 4],
      ],
      SPHERE,
    );
    const path = geoPath(projection);
    const byCode = new Map(data.map.m49.map((code, i) => [code, i]));
    const shapes: Shape[] = [];
    const drawn = new Set<number>();
    for (const f of collection.features) {
      const i = byCode.get(String(f.id));
      if (i === undefined || !data.map.m49[i]) continue;
      const d = path(f);
      if (!d) continue;
      const same = shapes.find((x) => x.index === i);
      if (same) same.d += d;
      else shapes.push({ index: i, d });
      drawn.add(i);
    }
    const dots = data.countries.iso3.flatMap((_, i) => {
      if (drawn.has(i)) return [];
      const p = projection([data.countries.capitalLon[i], data.countries.capitalLat[i]]);
      return p ? [{ index: i, x: p[0], y: p[1] }] : [];
    });
    return { shapes, dots, sphere: path(SPHERE) ?? '' };
  }, [data]);
}

export function colorScale(mode: Props['mode'], domain: readonly [number, number]) {
  if (mode === 'change') {
    const m = Math.max(Math.abs(domain[0]), Math.abs(domain[1]), 1e-9);
    return {
      scale: scaleDiverging(interpolatePuOr).domain([-m, 0, m]),
      legend: { type: 'diverging' as const, domain: [-m, m], scheme: 'PuOr' as const },
    };
  }
  const [lo, hi] = domain;
  if (lo > 0 && hi / lo > 100) {
    return {
      scale: scaleSequentialLog(interpolateViridis).domain([lo, hi]),
      legend: { type: 'log' as const, domain: [lo, hi], scheme: 'viridis' as const },
    };
  }
  return {
    scale: scaleSequential(interpolateViridis).domain([lo, hi === lo ? lo + 1 : hi]),
    legend: { type: 'linear' as const, domain: [lo, hi === lo ? lo + 1 : hi], scheme: 'viridis' as const },
  };
}

export function WorldMap({ data, values, domain, mode, label, selected, onSelect }: Props) {
  const { shapes, dots, sphere } = useShapes(data);
  const { scale, legend } = colorScale(mode, domain);
  const legendBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    legendBox.current?.replaceChildren(
      Plot.legend({
        color: { ...legend, label },
        width: 380,
        tickFormat: mode === 'change' ? (v: number) => `${fmtSigned(v, 2)} %` : (v: number) => fmt(v, 2),
      }) as Node,
    );
  }, [legend, label, mode]);
  const fill = (i: number) => (Number.isFinite(values[i]) ? scale(values[i]) : '#ddd');
  const title = (i: number) =>
    `${data.countries.name[i]}: ${mode === 'change' ? `${fmtSigned(values[i])} %` : fmt(values[i])}`;
  const click = (e: MouseEvent) => {
    const iso3 = (e.target as Element).getAttribute('data-iso3');
    if (iso3) onSelect(iso3);
  };
  return (
    <div className="map">
      {/* A click on a state opens its page; the ranked list under the map is the keyboard path. */}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: the ranked list of states is the keyboard path */}
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`World map: ${label}`} onClick={click}>
        <path d={sphere} className="sphere" />
        {shapes.map((s) => (
          <path
            key={s.index}
            d={s.d}
            fill={fill(s.index)}
            data-iso3={data.countries.iso3[s.index]}
            data-value={values[s.index]}
            className={data.countries.iso3[s.index] === selected ? 'selected' : undefined}
          >
            <title>{title(s.index)}</title>
          </path>
        ))}
        {dots.map((p) => (
          <circle
            key={p.index}
            cx={p.x}
            cy={p.y}
            r={3.2}
            fill={fill(p.index)}
            data-iso3={data.countries.iso3[p.index]}
            data-value={values[p.index]}
            className={data.countries.iso3[p.index] === selected ? 'dot selected' : 'dot'}
          >
            <title>{title(p.index)}</title>
          </circle>
        ))}
      </svg>
      <div ref={legendBox} className="legend" />
    </div>
  );
}
