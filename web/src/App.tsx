/**
 * The explorer: levers on one side; charts, map, a country, the event log, a comparison, the causal
 * system and the model's documentation on the other. Every change to the run goes to the model worker
 * (the CLI's core); the URL always holds every change from the baseline, so a link reopens the same run.
 */
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { UserError } from '../../src/errors.js';
import { availableLevers, LEVER_GROUPS } from '../../src/essay/levers.js';
import { COUNTRY_OUTPUTS, EVENT_LOG, type RunResult, registry } from '../../src/model/engine.js';
import { toCsv } from '../../src/output/csv.js';
import { countriesCsv, globalCsv } from '../../src/output/run-files.js';
import { ChartsTab } from './components/ChartsTab.js';
import { CompareTab, CURRENT } from './components/CompareTab.js';
import { CountryTab } from './components/CountryTab.js';
import { EventsTab } from './components/EventsTab.js';
import { Levers } from './components/Levers.js';
import { WhyTab } from './components/WhyTab.js';
import { downloadText } from './lib/download.js';
import { modelClient } from './lib/model-client.js';
import type { RunState } from './lib/run-state.js';
import { scenarioYaml } from './lib/scenario-yaml.js';
import { DOC_PAGES, data, SHIPPED } from './lib/shipped.js';
import { BASELINE, decodeState, encodeState, fileRun, shippedRun, type ViewState } from './lib/url.js';

// The map (its atlas) and the docs (their Markdown) load when first opened, to keep the first load light.
const MapTab = lazy(() => import('./components/MapTab.js').then((m) => ({ default: m.MapTab })));
const DocsTab = lazy(() => import('./components/DocsTab.js').then((m) => ({ default: m.DocsTab })));

const TABS = [
  ['charts', 'Charts'],
  ['map', 'Map'],
  ['country', 'Country'],
  ['events', 'Event log'],
  ['compare', 'Compare'],
  ['why', 'Why'],
  ['docs', 'Model'],
] as const;

const LEVERS = availableLevers(registry);
const PENDING = LEVER_GROUPS.filter((g) => !LEVERS.some((a) => a.group.id === g.id));
const BASELINE_RUN = shippedRun(BASELINE, SHIPPED);
const INITIAL = decodeState(location.hash, SHIPPED, 'charts');
// Start the first runs now, not after the first render: the worker computes while React draws the page.
// (The page asks again when it mounts and gets these same answers; failures are reported then.)
for (const r of [INITIAL.run, BASELINE_RUN]) modelClient.run(r).catch(() => undefined);

export function App() {
  const initial = INITIAL;
  const [run, setRun] = useState<RunState>(initial.run);
  const [view, setView] = useState<ViewState>(initial.view);
  const [message, setMessage] = useState<string | undefined>(initial.error);
  const [result, setResult] = useState<RunResult | null>(null);
  const [baseline, setBaseline] = useState<RunResult | null>(null);
  const lastGood = useRef<RunState>(BASELINE_RUN);
  const ticket = useRef(0);
  const rendered = useRef(0);

  useEffect(() => {
    modelClient
      .run(BASELINE_RUN)
      .then(setBaseline, (err: Error) => setMessage(`The baseline could not run: ${err.message}`));
  }, []);

  // Every change of the run: ask the worker; only the latest answer is shown. A run that fails (parameters
  // that cannot go together) says why and goes back to the last run that worked.
  useEffect(() => {
    const mine = ++ticket.current;
    modelClient.run(run).then(
      (r) => {
        if (mine !== ticket.current) return;
        lastGood.current = run;
        setResult(r);
      },
      (err: Error) => {
        if (mine !== ticket.current) return;
        const back = lastGood.current === run ? BASELINE_RUN : lastGood.current;
        setMessage(
          `${err.message}. ${back === BASELINE_RUN ? 'Showing the baseline instead.' : 'The last change was undone.'}`,
        );
        setRun(back);
      },
    );
  }, [run]);

  // After the page has drawn a new result (children's effects have run): a marker for tests and benchmarks.
  useEffect(() => {
    if (!result) return;
    rendered.current++;
    document.body.dataset.rendered = String(rendered.current);
    performance.mark(`rendered-${rendered.current}`);
  }, [result]);

  useEffect(() => {
    history.replaceState(null, '', encodeState(run, view));
  }, [run, view]);

  // A link pasted into the same tab changes only the fragment: read it like a fresh load.
  useEffect(() => {
    const onHash = () => {
      if (location.hash === encodeState(run, view)) return;
      const d = decodeState(location.hash, SHIPPED, 'charts');
      setRun(d.run);
      setView(d.view);
      setMessage(d.error);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [run, view]);

  const current = useRef(run);
  current.current = run;
  const onMove = useCallback((id: string, value: number | undefined) => {
    const overrides = { ...current.current.overrides };
    if (value === undefined) delete overrides[id];
    else overrides[id] = value;
    const next = { ...current.current, overrides };
    // Ask the worker now, before React redraws the levers; the effect above gets this same answer.
    modelClient.run(next).catch(() => undefined);
    current.current = next;
    setRun(next);
  }, []);

  const patchView = (v: Partial<ViewState>) => setView((old) => ({ ...old, ...v }));
  const pickScenario = (name: string) => {
    setMessage(undefined);
    setRun(shippedRun(name, SHIPPED));
  };
  const loadFile = async (file: File) => {
    const text = await file.text();
    try {
      setRun(fileRun(file.name, text, SHIPPED));
      setMessage(undefined);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      setMessage(`This scenario file could not be loaded: ${err.message}. Showing the baseline instead.`);
      setRun(BASELINE_RUN);
    }
  };

  const years = result?.years ?? [];
  const last = years[years.length - 1] ?? 2100;
  const year = view.year !== undefined && years.includes(view.year) ? view.year : last;
  const country = view.country ?? 'USA';
  const scenarios = Object.keys(SHIPPED.scenarios);
  const tab = TABS.some(([id]) => id === view.tab) ? view.tab : 'charts';

  return (
    <div className="app">
      <header>
        <h1>
          worldorder <span className="muted">explorer</span>
        </h1>
        <div className="scenario-bar">
          <label>
            Scenario{' '}
            <select
              value={run.source.text === undefined ? run.source.name : '__file'}
              onChange={(e) => pickScenario(e.currentTarget.value)}
              data-testid="scenario"
            >
              {scenarios.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
              {run.source.text !== undefined && <option value="__file">{run.source.name} (loaded)</option>}
            </select>
          </label>
          <label className="file-button">
            Load a scenario file
            <input
              type="file"
              accept=".yaml,.yml,text/yaml"
              data-testid="load-yaml"
              onChange={(e) => {
                const f = e.currentTarget.files?.[0];
                if (f) void loadFile(f);
                e.currentTarget.value = '';
              }}
            />
          </label>
          <CopyLink />
        </div>
        <p className="scenario-description">{run.scenario.description}</p>
      </header>
      {message && (
        <div role="alert" className="message" data-testid="message">
          <span>{message}</span>
          <button type="button" onClick={() => setMessage(undefined)} aria-label="Dismiss the message">
            ×
          </button>
        </div>
      )}
      <div className="layout">
        <aside>
          <Levers
            groups={LEVERS}
            pending={PENDING}
            run={run}
            onMove={onMove}
            onSeed={(seed) => setRun((r) => ({ ...r, seed }))}
          />
          {result && <Downloads run={run} result={result} />}
        </aside>
        <main>
          <div role="tablist" aria-label="Views" className="tabs">
            {TABS.map(([id, label]) => (
              <button
                key={id}
                type="button"
                role="tab"
                id={`tab-${id}`}
                aria-selected={tab === id}
                aria-controls="panel"
                onClick={() => patchView({ tab: id })}
              >
                {label}
              </button>
            ))}
          </div>
          <div role="tabpanel" id="panel" aria-labelledby={`tab-${tab}`} className="panel">
            <Suspense fallback={<p aria-busy="true">Loading…</p>}>
              {!result ? (
                <p aria-busy="true">Running the model…</p>
              ) : tab === 'charts' ? (
                <ChartsTab result={result} baseline={baseline} />
              ) : tab === 'map' ? (
                <MapTab
                  data={data}
                  result={result}
                  baseline={baseline}
                  variable={view.mapVar ?? COUNTRY_OUTPUTS[0].name}
                  mode={view.mapMode ?? 'level'}
                  year={year}
                  country={country}
                  onChange={(v) =>
                    patchView({
                      mapVar: v.variable ?? view.mapVar,
                      mapMode: v.mode ?? view.mapMode,
                      year: v.year ?? view.year,
                    })
                  }
                  onCountry={(c) => patchView({ country: c, tab: 'country' })}
                />
              ) : tab === 'country' ? (
                <CountryTab
                  data={data}
                  result={result}
                  baseline={baseline}
                  country={country}
                  onCountry={(c) => patchView({ country: c })}
                />
              ) : tab === 'events' ? (
                <EventsTab result={result} data={data} />
              ) : tab === 'compare' ? (
                <CompareTab
                  client={modelClient}
                  shipped={SHIPPED}
                  run={run}
                  result={result}
                  a={view.compareFirst ?? CURRENT}
                  b={view.compare ?? BASELINE}
                  onChange={(v) =>
                    patchView({ compareFirst: v.a ?? view.compareFirst, compare: v.b ?? view.compare })
                  }
                />
              ) : tab === 'why' ? (
                <WhyTab
                  client={modelClient}
                  run={run}
                  baselineRun={BASELINE_RUN}
                  result={result}
                  baseline={baseline}
                  year={year}
                  docs={DOC_PAGES}
                  onYear={(y) => patchView({ year: y })}
                  onDocs={(page) => patchView({ tab: 'docs', page })}
                />
              ) : (
                <DocsTab
                  page={view.page ?? 'README'}
                  pageHref={(page) => encodeState(run, { ...view, tab: 'docs', page })}
                />
              )}
            </Suspense>
          </div>
        </main>
      </div>
      <footer>
        worldorder {__CODE_VERSION__} · data {data.version} · base year {data.baseYear} · the model runs in
        your browser and keeps working offline after the first visit · same scenario and seed, same numbers as{' '}
        <code>worldorder run</code>
      </footer>
    </div>
  );
}

/** Copies the page's link (which holds the whole run); where the clipboard is not allowed, shows it to copy. */
function CopyLink() {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      window.prompt('Copy this link: it reopens this run', location.href);
    }
  };
  return (
    <button type="button" onClick={copy} title="Copy a link that reopens this run">
      {copied ? 'Link copied' : 'Copy link'}
      <span className="visually-hidden" aria-live="polite">
        {copied ? ' to the clipboard' : ''}
      </span>
    </button>
  );
}

function Downloads({ run, result }: { run: RunState; result: RunResult }) {
  const events = result.tables[EVENT_LOG.name];
  return (
    <section className="downloads" aria-label="Downloads">
      <h2>Download this run</h2>
      <p className="hint">
        The same files, byte for byte, as <code>worldorder run</code> writes for the scenario file.
      </p>
      <button type="button" onClick={() => downloadText('global.csv', globalCsv(result))}>
        global.csv
      </button>
      <button type="button" onClick={() => downloadText('countries.csv', countriesCsv(result))}>
        countries.csv
      </button>
      <button type="button" onClick={() => downloadText('events.csv', toCsv(events.columns, events.rows))}>
        events.csv
      </button>
      <button
        type="button"
        onClick={() => downloadText(`${run.scenario.name}.yaml`, scenarioYaml(run), 'text/yaml')}
      >
        scenario file (.yaml)
      </button>
    </section>
  );
}
