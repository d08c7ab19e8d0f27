/**
 * Two scenarios side by side: this run or any scenario of the library against another, the headline
 * indicators as two lines on one chart, and every world indicator at a few years with the difference.
 */
import { useEffect, useState } from 'react';
import { HEADLINES, measureOf } from '../../../src/essay/system.js';
import { GLOBAL_OUTPUTS, type RunResult } from '../../../src/model/engine.js';
import { exact, fmt, fmtSigned } from '../lib/format.js';
import type { ModelClient } from '../lib/model-client.js';
import type { RunState } from '../lib/run-state.js';
import { type Shipped, shippedRun } from '../lib/url.js';
import { Chart } from './Chart.js';
import { sameYears, tableYears, varDef } from './ChartsTab.js';

/** The current run, in the pickers and the URL (an underscore: no scenario name has one). */
export const CURRENT = '_run';
const labelOf = (choice: string) => (choice === CURRENT ? 'this run' : choice);

interface Props {
  readonly client: ModelClient;
  readonly shipped: Shipped;
  readonly run: RunState;
  readonly result: RunResult;
  readonly a: string;
  readonly b: string;
  readonly onChange: (v: { a?: string; b?: string }) => void;
}

function useRunOf(choice: string, p: Props): { result: RunResult | null; error?: string } {
  const [state, setState] = useState<{ key: string; result: RunResult | null; error?: string }>({
    key: '',
    result: null,
  });
  useEffect(() => {
    if (choice === CURRENT) return;
    let live = true;
    p.client
      .run(shippedRun(choice, p.shipped))
      .then((result) => live && setState({ key: choice, result }))
      .catch((err: Error) => live && setState({ key: choice, result: null, error: err.message }));
    return () => {
      live = false;
    };
  }, [choice, p.client, p.shipped]);
  if (choice === CURRENT) return { result: p.result };
  return state.key === choice ? state : { result: null };
}

export function CompareTab(p: Props) {
  const A = useRunOf(p.a, p);
  const B = useRunOf(p.b, p);
  const names = [CURRENT, ...Object.keys(p.shipped.scenarios)];
  const picker = (which: 'a' | 'b', value: string, label: string) => (
    <label>
      {label}{' '}
      <select
        value={value}
        onChange={(e) => p.onChange({ [which]: e.currentTarget.value })}
        data-testid={`compare-${which}`}
      >
        {names.map((n) => (
          <option key={n} value={n}>
            {n === CURRENT
              ? `this run (${p.run.source.name}${Object.keys(p.run.overrides).length ? ', levers moved' : ''})`
              : n}
          </option>
        ))}
      </select>
    </label>
  );
  const error = A.error ?? B.error;
  const ready = A.result && B.result && sameYears(A.result, B.result);
  return (
    <>
      <h2>Compare two scenarios</h2>
      <div className="controls">
        {picker('a', p.a, 'First (orange)')}
        {picker('b', p.b, 'Second (blue)')}
      </div>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      {A.result && B.result && !sameYears(A.result, B.result) && (
        <p className="muted">These two scenarios cover different years; pick two with the same years.</p>
      )}
      {ready && A.result && B.result && (
        <Comparison a={A.result} b={B.result} labelA={labelOf(p.a)} labelB={labelOf(p.b)} />
      )}
    </>
  );
}

function Comparison({
  a,
  b,
  labelA,
  labelB,
}: {
  a: RunResult;
  b: RunResult;
  labelA: string;
  labelB: string;
}) {
  const years = tableYears(a.years);
  return (
    <>
      <div className="grid">
        {HEADLINES.flatMap((node) => {
          const name = measureOf(node, GLOBAL_OUTPUTS);
          const def = name ? varDef(name) : undefined;
          if (!name || !def) return [];
          return [
            <Chart
              key={node.id}
              id={`compare-${node.id}`}
              title={`${node.label}: ${def.description}`}
              units={def.units}
              years={a.years}
              lines={[
                { label: labelA, values: a.global[name], style: 'second' },
                { label: labelB, values: b.global[name], style: 'main' },
              ]}
            />,
          ];
        })}
      </div>
      <div className="table-wrap">
        <table className="numbers" data-testid="compare-table">
          <caption>
            Every world indicator: {labelA}, {labelB}, and the second minus the first
          </caption>
          <thead>
            <tr>
              <th scope="col">Indicator (units)</th>
              {years.map((y) => (
                <th key={y} scope="col" colSpan={3}>
                  {y}
                </th>
              ))}
            </tr>
            <tr>
              <th scope="col" />
              {years.flatMap((y) => [
                <th key={`${y}a`} scope="col">
                  first
                </th>,
                <th key={`${y}b`} scope="col">
                  second
                </th>,
                <th key={`${y}d`} scope="col">
                  difference
                </th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {GLOBAL_OUTPUTS.map((def) => (
              <tr key={def.name} data-var={def.name}>
                <th scope="row">
                  {def.description} ({def.units})
                </th>
                {years.flatMap((y) => {
                  const k = y - a.years[0];
                  const va = a.global[def.name][k];
                  const vb = b.global[def.name][k];
                  return [
                    <td key={`${y}a`} data-value={exact(va)}>
                      {fmt(va, 4)}
                    </td>,
                    <td key={`${y}b`} data-value={exact(vb)}>
                      {fmt(vb, 4)}
                    </td>,
                    <td key={`${y}d`} data-value={exact(vb - va)}>
                      {fmtSigned(vb - va, 3)}
                    </td>,
                  ];
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
