/** The run's event log (every action a module took, to whom, and why), and the modules' other tables. */
import { useState } from 'react';
import type { RunResult } from '../../../src/model/engine.js';
import { EVENT_LOG, TABLES } from '../../../src/model/engine.js';
import type { WorldData } from '../../../src/model/world-data.js';
import { toCsv } from '../../../src/output/csv.js';
import { downloadText } from '../lib/download.js';

const LIMIT = 500;

export function EventTable({
  rows,
  data,
  empty,
}: {
  rows: readonly (string | number)[][];
  data: WorldData;
  empty: string;
}) {
  if (rows.length === 0) return <p className="muted">{empty}</p>;
  const name = (iso3: string | number) => {
    const i = data.countries.iso3.indexOf(String(iso3));
    return i >= 0 ? data.countries.name[i] : String(iso3);
  };
  return (
    <div className="table-wrap">
      <table className="events">
        <thead>
          <tr>
            {EVENT_LOG.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, LIMIT).map((r, k) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their position
            <tr key={k}>
              <td>{r[0]}</td>
              <td title={name(r[1])}>{r[1]}</td>
              <td>{r[2]}</td>
              <td>{r[3]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > LIMIT && (
        <p className="muted">
          Showing the first {LIMIT} of {rows.length}; download the CSV for all.
        </p>
      )}
    </div>
  );
}

export function EventsTab({ result, data }: { result: RunResult; data: WorldData }) {
  const [filter, setFilter] = useState('');
  const all = result.tables[EVENT_LOG.name]?.rows ?? [];
  const f = filter.trim().toLowerCase();
  const rows = f ? all.filter((r) => r.some((c) => String(c).toLowerCase().includes(f))) : all;
  const others = TABLES.filter((t) => t.name !== EVENT_LOG.name);
  return (
    <>
      <h2>Event log</h2>
      <p className="muted">
        {EVENT_LOG.description}: {all.length} entries in this run.
      </p>
      <label>
        Filter{' '}
        <input
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          placeholder="a country code, an action, a word"
        />
      </label>
      <EventTable
        rows={rows}
        data={data}
        empty={
          all.length === 0
            ? 'No module has acted in this run: the log fills as the politics, trade and institutions modules act.'
            : 'No entry matches the filter.'
        }
      />
      {others.length > 0 && <h2>Other tables</h2>}
      {others.map((t) => {
        const table = result.tables[t.name];
        return (
          <p key={t.name}>
            <strong>{t.name}.csv</strong>: {t.description}, {table.rows.length} rows.{' '}
            <button
              type="button"
              onClick={() => downloadText(`${t.name}.csv`, toCsv(table.columns, table.rows))}
            >
              Download {t.name}.csv
            </button>
          </p>
        );
      })}
    </>
  );
}
