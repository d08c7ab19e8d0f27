/**
 * The headline view: the essay's five consequences and the internationalism index as charts over time
 * (each measured by the first of its variables the model has; the others say which module brings them),
 * a table of every global indicator at a few years, and a chart for every other global output.
 */
import { memo, useState } from 'react';
import { HEADLINES, measureOf } from '../../../src/essay/system.js';
import { GLOBAL_OUTPUTS, type RunResult } from '../../../src/model/engine.js';
import type { VarDef } from '../../../src/model/state.js';
import { exact, fmt, fmtSigned } from '../lib/format.js';
import { Chart, type Line } from './Chart.js';

interface Props {
  readonly result: RunResult;
  readonly baseline: RunResult | null;
}

export function linesFor(name: string, result: RunResult, baseline: RunResult | null): Line[] {
  const lines: Line[] = [];
  if (baseline?.global[name] && sameYears(result, baseline)) {
    lines.push({ label: 'baseline', values: baseline.global[name], style: 'ghost' });
  }
  lines.push({ label: 'this run', values: result.global[name], style: 'main' });
  return lines;
}

export const sameYears = (a: RunResult, b: RunResult) =>
  a.years.length === b.years.length && a.years[0] === b.years[0];

export const varDef = (name: string): VarDef | undefined => GLOBAL_OUTPUTS.find((v) => v.name === name);

/** The years a table shows: the first, 2030, 2050 and the last, as far as the run reaches. */
export function tableYears(years: readonly number[]): number[] {
  const first = years[0];
  const last = years[years.length - 1];
  return [...new Set([first, ...[2030, 2050].filter((y) => y > first && y < last), last])];
}

export function ChartsTab({ result, baseline }: Props) {
  const headline = HEADLINES.map((node) => ({ node, name: measureOf(node, GLOBAL_OUTPUTS) }));
  const shown = new Set(headline.map((h) => h.name));
  const others = GLOBAL_OUTPUTS.filter((v) => !shown.has(v.name));
  // Drawn only when opened, so that a lever move redraws only what is on screen.
  const [moreOpen, setMoreOpen] = useState(false);
  return (
    <>
      <h2>The five consequences and the internationalism index</h2>
      <div className="grid">
        {headline.map(({ node, name }) => {
          const def = name ? varDef(name) : undefined;
          if (!name || !def) {
            return (
              <div key={node.id} className="chart pending-card" data-chart={node.id}>
                <p className="chart-title">{node.label}</p>
                <p>
                  {node.essay} Measured by <code>{node.variables[0]}</code>, which arrives with the{' '}
                  <strong>{node.modules[0]}</strong> module.
                </p>
              </div>
            );
          }
          return (
            <Chart
              key={node.id}
              id={node.id}
              title={`${node.label}: ${def.description}`}
              units={def.units}
              years={result.years}
              lines={linesFor(name, result, baseline)}
            />
          );
        })}
      </div>
      <NumbersTable result={result} baseline={baseline} />
      <details className="more" onToggle={(e) => setMoreOpen(e.currentTarget.open)}>
        <summary>
          <h2>Every other world indicator ({others.length})</h2>
        </summary>
        {moreOpen && <MoreCharts result={result} baseline={baseline} defs={others} />}
      </details>
    </>
  );
}

function MoreCharts({ result, baseline, defs }: Props & { defs: readonly VarDef[] }) {
  return (
    <div className="grid">
      {defs.map((def) => (
        <Chart
          key={def.name}
          id={def.name}
          title={def.description}
          units={def.units}
          years={result.years}
          lines={linesFor(def.name, result, baseline)}
        />
      ))}
    </div>
  );
}

/** Every global output at a few years: this run, and its difference from the baseline. */
const NumbersTable = memo(function NumbersTable({ result, baseline }: Props) {
  const years = tableYears(result.years);
  const compare = baseline && sameYears(result, baseline) ? baseline : null;
  return (
    <div className="table-wrap">
      <table className="numbers" data-testid="numbers">
        <caption>
          World indicators in this run{compare ? ' (in brackets: the change from the baseline)' : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Indicator</th>
            <th scope="col">Units</th>
            {years.map((y) => (
              <th key={y} scope="col">
                {y}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {GLOBAL_OUTPUTS.map((def) => (
            <tr key={def.name} data-var={def.name}>
              <th scope="row">
                {def.description} <code>{def.name}</code>
              </th>
              <td>{def.units}</td>
              {years.map((y) => {
                const k = y - result.years[0];
                const v = result.global[def.name][k];
                return (
                  <td key={y} data-year={y} data-value={exact(v)}>
                    {fmt(v, 4)}
                    {compare && (
                      <span className="delta"> ({fmtSigned(v - compare.global[def.name][k], 3)})</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
