/**
 * The levers: the essay's drivers, the four reforms, the labor levers and the most influential parameters,
 * each a registry parameter with its range, units and description. A move recomputes the whole run.
 */
import { useState } from 'react';
import type { Lever, LeverGroup } from '../../../src/essay/levers.js';
import { fmtIn } from '../lib/format.js';
import { type RunState, valueIn } from '../lib/run-state.js';

interface Props {
  readonly groups: readonly { group: LeverGroup; levers: Lever[] }[];
  readonly pending: readonly LeverGroup[];
  readonly run: RunState;
  readonly onMove: (id: string, value: number | undefined) => void;
  readonly onSeed: (seed: number | undefined) => void;
}

/** A step of about 1/100 of the range, rounded to a power of ten so the values read cleanly. */
function stepOf(lever: Lever): number {
  const span = lever.def.max - lever.def.min;
  return 10 ** Math.floor(Math.log10(span / 100));
}

const clean = (v: number) => Number(v.toPrecision(10));

/** On a phone the groups start closed, so that the charts are not a long scroll away. */
const NARROW = typeof matchMedia === 'function' && matchMedia('(max-width: 820px)').matches;

export function Levers({ groups, pending, run, onMove, onSeed }: Props) {
  return (
    <section className="levers" aria-label="Levers">
      <h2>Levers</h2>
      <p className="hint">
        Every move recomputes the whole run, 2024-2100; the grey dashed lines are the baseline.
      </p>
      {groups.map(({ group, levers }) => (
        <details key={group.id} open={!NARROW} className="lever-group" data-group={group.id}>
          <summary>
            <h3>{group.title}</h3>
          </summary>
          <p className="about">{group.about}</p>
          {levers.map((lever) => (
            <LeverControl key={lever.id} lever={lever} run={run} onMove={onMove} />
          ))}
        </details>
      ))}
      {pending.length > 0 && (
        <p className="hint pending">
          Still to come, with their modules: {pending.map((g) => g.title.toLowerCase()).join('; ')}.
        </p>
      )}
      <SeedControl run={run} onSeed={onSeed} />
    </section>
  );
}

function LeverControl({ lever, run, onMove }: { lever: Lever; run: RunState; onMove: Props['onMove'] }) {
  const { def } = lever;
  const scenarioValue = run.scenario.parameters[def.id] ?? def.default;
  const value = valueIn(run, def.id, def.default);
  const moved = run.overrides[def.id] !== undefined;
  const inputId = `lever-${def.id}`;
  const set = (v: number) => onMove(def.id, clean(v) === scenarioValue ? undefined : clean(v));
  return (
    <div className={`lever${moved ? ' moved' : ''}`} data-lever={def.id}>
      <label htmlFor={inputId}>
        {lever.label}{' '}
        <output htmlFor={inputId} data-testid={`value-${def.id}`}>
          {fmtIn(value, def.units)} {def.units}
        </output>
      </label>
      <div className="lever-row">
        <input
          id={inputId}
          type="range"
          min={def.min}
          max={def.max}
          step={stepOf(lever)}
          value={value}
          aria-describedby={`${inputId}-about`}
          aria-valuetext={`${fmtIn(value, def.units)} ${def.units}`}
          onChange={(e) => set(Number(e.currentTarget.value))}
        />
        <NumberBox lever={lever} value={value} onSet={set} />
        <button
          type="button"
          className="reset"
          disabled={!moved}
          onClick={() => onMove(def.id, undefined)}
          aria-label={`Reset ${lever.label} to the scenario's value`}
          title="Back to the scenario's value"
        >
          ↺
        </button>
      </div>
      <p id={`${inputId}-about`} className="about">
        {def.description}{' '}
        <span className="range">
          Range {fmtIn(def.min, def.units)} to {fmtIn(def.max, def.units)} {def.units}; scenario value{' '}
          {fmtIn(scenarioValue, def.units)}.
        </span>{' '}
        <code>{def.id}</code>
      </p>
    </div>
  );
}

/** A typed value, applied on Enter or when leaving the box; a bad value says why and is not applied. */
function NumberBox({ lever, value, onSet }: { lever: Lever; value: number; onSet: (v: number) => void }) {
  const [text, setText] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { def } = lever;
  const commit = () => {
    if (text === null) return;
    const v = Number(text);
    if (text.trim() === '' || !Number.isFinite(v)) setProblem(`${lever.label}: '${text}' is not a number`);
    else if (v < def.min || v > def.max)
      setProblem(`${lever.label}: ${v} is outside ${def.min} to ${def.max} ${def.units}`);
    else {
      setProblem(null);
      onSet(v);
    }
    setText(null);
  };
  return (
    <>
      <input
        className="number"
        type="text"
        inputMode="decimal"
        aria-label={`${lever.label}, exact value in ${def.units}`}
        value={text ?? String(clean(value))}
        onChange={(e) => setText(e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      {problem && (
        <span role="alert" className="field-error">
          {problem}
        </span>
      )}
    </>
  );
}

function SeedControl({ run, onSeed }: { run: RunState; onSeed: Props['onSeed'] }) {
  const [text, setText] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const seed = run.seed ?? run.scenario.seed;
  const commit = () => {
    if (text === null) return;
    const v = Number(text);
    if (!Number.isInteger(v) || v < 0 || v > 2 ** 31 - 1)
      setProblem(`the seed must be a whole number from 0 to ${2 ** 31 - 1}`);
    else {
      setProblem(null);
      onSeed(v === run.scenario.seed ? undefined : v);
    }
    setText(null);
  };
  return (
    <div className="seed">
      <label htmlFor="seed">Random seed</label>{' '}
      <input
        id="seed"
        type="text"
        inputMode="numeric"
        value={text ?? String(seed)}
        onChange={(e) => setText(e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      {problem && (
        <span role="alert" className="field-error">
          {problem}
        </span>
      )}
      <p className="about">The same seed gives the same numbers here and in `worldorder run`.</p>
    </div>
  );
}
