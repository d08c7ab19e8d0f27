/** One country: its own series against the baseline, its base-year sources, and the events that concern it. */
import { useMemo } from 'react';
import { COUNTRY_OUTPUTS, type RunResult } from '../../../src/model/engine.js';
import type { WorldData } from '../../../src/model/world-data.js';
import { Chart, type Line } from './Chart.js';
import { sameYears } from './ChartsTab.js';
import { EventTable } from './EventsTab.js';

interface Props {
  readonly data: WorldData;
  readonly result: RunResult;
  readonly baseline: RunResult | null;
  readonly country: string;
  readonly onCountry: (iso3: string) => void;
}

function countrySeries(r: RunResult, name: string, i: number): Float64Array {
  const n = r.iso3.length;
  return Float64Array.from(r.years, (_, k) => r.country[name][k * n + i]);
}

export function CountrySelect({ data, country, onCountry }: Pick<Props, 'data' | 'country' | 'onCountry'>) {
  const order = Array.from(data.countries.iso3.keys()).sort((a, b) =>
    data.countries.name[a].localeCompare(data.countries.name[b]),
  );
  return (
    <label>
      Country{' '}
      <select value={country} onChange={(e) => onCountry(e.currentTarget.value)}>
        {order.map((i) => (
          <option key={i} value={data.countries.iso3[i]}>
            {data.countries.name[i]} ({data.countries.iso3[i]})
          </option>
        ))}
      </select>
    </label>
  );
}

export function CountryTab({ data, result, baseline, country, onCountry }: Props) {
  const i = data.countries.iso3.indexOf(country);
  const ref = baseline && sameYears(result, baseline) ? baseline : null;
  const series = useMemo(() => {
    const out: Record<string, Line[]> = {};
    for (const def of COUNTRY_OUTPUTS) {
      out[def.name] = [
        ...(ref
          ? [{ label: 'baseline', values: countrySeries(ref, def.name, i), style: 'ghost' as const }]
          : []),
        { label: 'this run', values: countrySeries(result, def.name, i), style: 'main' },
      ];
    }
    return out;
  }, [result, ref, i]);
  const rows = (result.tables.events?.rows ?? []).filter((r) => r[1] === country || r[1] === '*');
  const sources = Object.entries(data.sources).map(([name, s]) => [name, s[i]] as const);
  return (
    <>
      <div className="controls">
        <CountrySelect data={data} country={country} onCountry={onCountry} />
      </div>
      <h2>
        {data.countries.name[i]} <span className="muted">{data.countries.subregion[i]}</span>
      </h2>
      <div className="grid">
        {COUNTRY_OUTPUTS.map((def) => {
          const lines = series[def.name];
          return (
            <Chart
              key={def.name}
              id={`${country}-${def.name}`}
              title={`${data.countries.name[i]}: ${def.description}`}
              units={def.units}
              years={result.years}
              lines={lines}
            />
          );
        })}
      </div>
      <h3>What happened to {data.countries.name[i]}</h3>
      <EventTable
        rows={rows}
        data={data}
        empty={`No event in this run concerns ${data.countries.name[i]}.`}
      />
      <details>
        <summary>Where its base-year values come from</summary>
        <ul>
          {sources.map(([name, s]) => (
            <li key={name}>
              <code>{name}</code>: {s?.source}, {s?.year}
              {s?.imputed ? ` (imputed: ${s.imputed})` : ''}
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}
