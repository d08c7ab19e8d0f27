/**
 * Why: the essay's system as a causal diagram whose nodes open their mechanism (module page, equations,
 * parameters, sources), and, for a chosen indicator and year, how much each change from the baseline
 * (each lever moved, the scenario's events) contributes to the indicator's change (Shapley values).
 */
import { useEffect, useState } from 'react';
import { measureOf, SYSTEM_NODES } from '../../../src/essay/system.js';
import { GLOBAL_OUTPUTS, type RunResult, registry } from '../../../src/model/engine.js';
import { MODULES } from '../../../src/model/modules/index.js';
import type { Attribution } from '../lib/contributions.js';
import { fmt, fmtIn, fmtSigned } from '../lib/format.js';
import type { ModelClient } from '../lib/model-client.js';
import { type RunState, valueIn } from '../lib/run-state.js';
import { hasMechanism, SystemDiagram } from './SystemDiagram.js';

interface Props {
  readonly client: ModelClient;
  readonly run: RunState;
  readonly baselineRun: RunState;
  readonly result: RunResult;
  readonly baseline: RunResult | null;
  readonly year: number;
  /** The model documentation pages there are. */
  readonly docs: readonly string[];
  readonly onYear: (year: number) => void;
  readonly onDocs: (page: string) => void;
}

export function WhyTab(p: Props) {
  const [selected, setSelected] = useState('climate');
  const node = SYSTEM_NODES.find((n) => n.id === selected)!;
  const first = p.result.years[0];
  const last = p.result.years[p.result.years.length - 1];
  return (
    <>
      <h2>Why: the essay's system</h2>
      <p className="muted">
        Each box is a concept of the essay with its measure in {p.year} (and the change from the baseline).
        Dashed boxes wait for their module. Arrows: what raises (solid) or lowers (dashed) what. Select a box
        to see its mechanism.
      </p>
      <label className="year">
        Year <strong>{p.year}</strong>{' '}
        <input
          type="range"
          min={first}
          max={last}
          step={1}
          value={p.year}
          aria-label="Year shown in the diagram"
          onChange={(e) => p.onYear(Number(e.currentTarget.value))}
        />
      </label>
      <div className="system-wrap">
        <SystemDiagram
          result={p.result}
          baseline={p.baseline}
          year={p.year}
          selected={selected}
          onSelect={setSelected}
        />
      </div>
      <NodePanel node={node} run={p.run} docs={p.docs} onDocs={p.onDocs} />
      <AttributionPanel {...p} />
    </>
  );
}

function NodePanel({
  node,
  run,
  docs,
  onDocs,
}: {
  node: (typeof SYSTEM_NODES)[number];
  run: RunState;
  docs: Props['docs'];
  onDocs: Props['onDocs'];
}) {
  const modules = node.modules.filter((m) => MODULES.some((x) => x.name === m));
  const missing = node.modules.filter((m) => !modules.includes(m));
  const params = registry.defs.filter(
    (d) => modules.some((m) => d.id.startsWith(`${m}.`)) && d.distribution !== 'fixed',
  );
  const measure = measureOf(node, GLOBAL_OUTPUTS);
  return (
    <section className="node-panel" aria-live="polite" data-testid="node-panel">
      <h3>{node.label}</h3>
      <p>
        <em>The essay:</em> {node.essay}
      </p>
      {hasMechanism(node) ? (
        <>
          <p>
            Mechanism:{' '}
            {modules.map((m) => (
              <span key={m}>
                <button type="button" className="link" onClick={() => onDocs(m)} disabled={!docs.includes(m)}>
                  the {m} module, its equations and sources
                </button>{' '}
                ({MODULES.find((x) => x.name === m)?.summary}){' '}
              </span>
            ))}
          </p>
          <p>Measured by {measure ? <code>{measure}</code> : 'no world indicator yet'}.</p>
          <table className="params">
            <caption>Its parameters (uncertain ones; the full list is in the module page)</caption>
            <thead>
              <tr>
                <th scope="col">id</th>
                <th scope="col">in this run</th>
                <th scope="col">range</th>
                <th scope="col">units</th>
                <th scope="col">source</th>
              </tr>
            </thead>
            <tbody>
              {params.map((d) => (
                <tr key={d.id}>
                  <td>
                    <code>{d.id}</code>
                  </td>
                  <td>{fmtIn(valueIn(run, d.id, d.default), d.units)}</td>
                  <td>
                    {fmtIn(d.min, d.units)} to {fmtIn(d.max, d.units)}
                  </td>
                  <td>{d.units}</td>
                  <td>{d.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p>
          Its mechanism arrives with the <strong>{missing.join(' and ')}</strong> module
          {missing.length > 1 ? 's' : ''}
          {node.variables.length > 0 && (
            <>
              ; it will be measured by <code>{node.variables[0]}</code>
            </>
          )}
          .
        </p>
      )}
    </section>
  );
}

function AttributionPanel(p: Props) {
  const [variable, setVariable] = useState(
    measureOf(SYSTEM_NODES.find((n) => n.id === 'climate')!, GLOBAL_OUTPUTS) ?? GLOBAL_OUTPUTS[0].name,
  );
  const [state, setState] = useState<{ a?: Attribution; error?: string }>({});
  useEffect(() => {
    let live = true;
    // Up to 64 runs: asked for only once a lever has stopped moving, so slider drags do not queue them up.
    const timer = setTimeout(() => {
      p.client
        .attribution(p.run, p.baselineRun, variable, p.year)
        .then((a) => live && setState({ a }))
        .catch((err: Error) => live && setState({ error: err.message }));
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [p.client, p.run, p.baselineRun, variable, p.year]);
  const def = GLOBAL_OUTPUTS.find((v) => v.name === variable)!;
  const a = state.a;
  const total = a ? a.current - a.baseline : 0;
  const scale = a ? Math.max(1e-300, ...a.parts.map((x) => Math.abs(x.value))) : 1;
  return (
    <section className="attribution" data-testid="attribution">
      <h3>What changed {def.description.toLowerCase()}, and by how much</h3>
      <label>
        Indicator{' '}
        <select value={variable} onChange={(e) => setVariable(e.currentTarget.value)}>
          {GLOBAL_OUTPUTS.map((v) => (
            <option key={v.name} value={v.name}>
              {v.description} ({v.units})
            </option>
          ))}
        </select>
      </label>
      {state.error && (
        <p role="alert" className="field-error">
          {state.error}
        </p>
      )}
      {a && a.parts.length === 0 && (
        <p className="muted">
          This run is the baseline: move a lever or pick a scenario to see what each change does.
        </p>
      )}
      {a && a.parts.length > 0 && (
        <>
          <p>
            In {a.year}: {fmt(a.baseline, 4)} in the baseline, {fmt(a.current, 4)} in this run, a change of{' '}
            <strong>
              {fmtSigned(total, 3)} {def.units}
            </strong>
            , shared among the changes (Shapley values: each change's effect averaged over every order of
            making them; they add up to the total).
          </p>
          <table className="bars">
            <tbody>
              {a.parts.map((x) => (
                <tr key={x.label}>
                  <th scope="row">{x.label}</th>
                  <td className="bar-cell">
                    <span
                      className={`bar ${x.value < 0 ? 'neg' : 'pos'}`}
                      style={{
                        width: `${(50 * Math.abs(x.value)) / scale}%`,
                        marginLeft: x.value < 0 ? `${50 - (50 * Math.abs(x.value)) / scale}%` : '50%',
                      }}
                    />
                  </td>
                  <td className="num">
                    {fmtSigned(x.value, 3)} {def.units}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
