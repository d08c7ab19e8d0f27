/**
 * The map view: any country variable in any year of the run, or its change from the baseline, with a
 * time slider, a legend with units, and the states ranked in a table (the keyboard path to a country).
 */
import { COUNTRY_OUTPUTS, type RunResult } from '../../../src/model/engine.js';
import type { WorldData } from '../../../src/model/world-data.js';
import { fmt, fmtSigned } from '../lib/format.js';
import { sameYears } from './ChartsTab.js';
import { WorldMap } from './WorldMap.js';

interface Props {
  readonly data: WorldData;
  readonly result: RunResult;
  readonly baseline: RunResult | null;
  readonly variable: string;
  readonly mode: 'level' | 'change';
  readonly year: number;
  readonly country?: string;
  readonly onChange: (v: { variable?: string; mode?: 'level' | 'change'; year?: number }) => void;
  readonly onCountry: (iso3: string) => void;
}

/** Values for one year, and the colour domain over every year of the run. */
export function mapValues(
  result: RunResult,
  baseline: RunResult | null,
  variable: string,
  mode: Props['mode'],
  year: number,
): { values: Float64Array; domain: [number, number] } {
  const n = result.iso3.length;
  const series = result.country[variable];
  const ref = baseline && sameYears(result, baseline) ? baseline.country[variable] : undefined;
  const at = (k: number) => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = series[k * n + i];
      out[i] = mode === 'change' && ref ? (ref[k * n + i] === 0 ? 0 : 100 * (v / ref[k * n + i] - 1)) : v;
    }
    return out;
  };
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < result.years.length; k++) {
    for (const v of at(k)) {
      if (Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
  }
  return { values: at(year - result.years[0]), domain: [lo, hi] };
}

export function MapTab(p: Props) {
  const def = COUNTRY_OUTPUTS.find((v) => v.name === p.variable) ?? COUNTRY_OUTPUTS[0];
  const { values, domain } = mapValues(p.result, p.baseline, def.name, p.mode, p.year);
  const label =
    p.mode === 'change'
      ? `${def.description}: change from the baseline (%)`
      : `${def.description} (${def.units})`;
  const order = Array.from(values.keys()).sort((a, b) => values[b] - values[a]);
  return (
    <>
      <div className="controls">
        <label>
          Variable{' '}
          <select value={def.name} onChange={(e) => p.onChange({ variable: e.currentTarget.value })}>
            {COUNTRY_OUTPUTS.map((v) => (
              <option key={v.name} value={v.name}>
                {v.description} ({v.units})
              </option>
            ))}
          </select>
        </label>
        <label>
          Show{' '}
          <select
            value={p.mode}
            onChange={(e) => p.onChange({ mode: e.currentTarget.value as Props['mode'] })}
          >
            <option value="level">the value</option>
            <option value="change">the change from the baseline (%)</option>
          </select>
        </label>
        <label className="year">
          Year <strong>{p.year}</strong>{' '}
          <input
            type="range"
            min={p.result.years[0]}
            max={p.result.years[p.result.years.length - 1]}
            step={1}
            value={p.year}
            aria-label="Year shown on the map"
            onChange={(e) => p.onChange({ year: Number(e.currentTarget.value) })}
          />
        </label>
      </div>
      <WorldMap
        data={p.data}
        values={values}
        domain={domain}
        mode={p.mode}
        label={label}
        selected={p.country}
        onSelect={p.onCountry}
      />
      <details className="ranking">
        <summary>
          All {values.length} states, ranked ({label}, {p.year})
        </summary>
        <ol>
          {order.map((i) => (
            <li key={i}>
              <button type="button" className="link" onClick={() => p.onCountry(p.data.countries.iso3[i])}>
                {p.data.countries.name[i]}
              </button>{' '}
              {p.mode === 'change' ? `${fmtSigned(values[i])} %` : `${fmt(values[i])} ${def.units}`}
            </li>
          ))}
        </ol>
      </details>
    </>
  );
}
