/**
 * The essay's system as a causal diagram (src/essay/system.ts): reforms, drivers, the backlash, and its
 * consequences, each node showing its measure in this run against the baseline. Nodes are buttons: a
 * click or Enter opens the node's mechanism, equations, parameters and sources.
 */

import {
  measureOf,
  type NodeKind,
  SYSTEM_EDGES,
  SYSTEM_NODES,
  type SystemNode,
} from '../../../src/essay/system.js';
import { GLOBAL_OUTPUTS, type RunResult } from '../../../src/model/engine.js';
import { MODULES } from '../../../src/model/modules/index.js';
import { fmt, fmtSigned } from '../lib/format.js';
import { sameYears } from './ChartsTab.js';

const COLUMNS: Record<NodeKind, number> = { reform: 0, driver: 1, backlash: 2, consequence: 3, index: 3 };
const COLUMN_TITLES = ['Reforms', 'Drivers', 'Backlash', 'Consequences'];
/** Okabe-Ito colours by kind. */
export const KIND_COLORS: Record<NodeKind, string> = {
  reform: '#CC79A7',
  driver: '#E69F00',
  backlash: '#D55E00',
  consequence: '#0072B2',
  index: '#009E73',
};
const W = 236;
const H = 50;
const GAP_X = 268;
const GAP_Y = 62;
const TOP = 40;

export function layout() {
  const rows = [0, 0, 0, 0];
  const pos = new Map<string, { x: number; y: number }>();
  for (const n of SYSTEM_NODES) {
    const c = COLUMNS[n.kind];
    pos.set(n.id, { x: 10 + c * GAP_X, y: TOP + rows[c]++ * GAP_Y });
  }
  return { pos, height: TOP + Math.max(...rows) * GAP_Y };
}

const LAYOUT = layout();
const present = new Set(MODULES.map((m) => m.name));

/** Whether the node's main module is in the model. */
export const hasMechanism = (n: SystemNode) => present.has(n.modules[0]);

interface Props {
  readonly result: RunResult;
  readonly baseline: RunResult | null;
  readonly year: number;
  readonly selected?: string;
  readonly onSelect: (id: string) => void;
}

export function SystemDiagram({ result, baseline, year, selected, onSelect }: Props) {
  const { pos, height } = LAYOUT;
  const k = year - result.years[0];
  const ref = baseline && sameYears(result, baseline) ? baseline : null;
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a <fieldset>; the group role names the diagram
    <svg
      className="system"
      viewBox={`0 0 ${10 + 3 * GAP_X + W + 10} ${height}`}
      role="group"
      aria-label="The essay's system: reforms, drivers, backlash and consequences"
    >
      <defs>
        <marker
          id="arrow"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" fill="#555" />
        </marker>
      </defs>
      {COLUMN_TITLES.map((t, c) => (
        <text key={t} x={10 + c * GAP_X + W / 2} y={20} textAnchor="middle" className="column-title">
          {t}
        </text>
      ))}
      {SYSTEM_EDGES.map((e) => {
        const a = pos.get(e.from)!;
        const b = pos.get(e.to)!;
        const forward = b.x > a.x;
        const x1 = forward ? a.x + W : a.x;
        const x2 = forward ? b.x : b.x + W;
        const y1 = a.y + H / 2;
        const y2 = b.y + H / 2;
        const bend = forward ? 40 : -60;
        const d =
          b.x === a.x
            ? `M${a.x + W},${y1} C${a.x + W + 30},${y1} ${b.x + W + 30},${y2} ${b.x + W},${y2}`
            : `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`;
        return (
          <path
            key={`${e.from}-${e.to}`}
            d={d}
            className={`edge${e.sign < 0 ? ' negative' : ''}${forward ? '' : ' feedback'}`}
            markerEnd="url(#arrow)"
          >
            <title>{`${e.from} ${e.sign > 0 ? 'raises' : 'lowers'} ${e.to}`}</title>
          </path>
        );
      })}
      {SYSTEM_NODES.map((n) => {
        const p = pos.get(n.id)!;
        const name = measureOf(n, GLOBAL_OUTPUTS);
        const v = name ? result.global[name][k] : undefined;
        const dv = name && ref ? (v as number) - ref.global[name][k] : undefined;
        const on = hasMechanism(n);
        // Short units in the box (no parenthesis); the full ones are in the charts and tables.
        const units = (GLOBAL_OUTPUTS.find((o) => o.name === name)?.units ?? '').replace(/\s*\(.*\)/, '');
        const detail = name
          ? `${fmt(v)} ${units} (${fmtSigned(dv)})`
          : on
            ? 'mechanism in the model'
            : `coming: ${n.modules[0]} module`;
        return (
          // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>; it behaves as one
          <g
            key={n.id}
            transform={`translate(${p.x},${p.y})`}
            role="button"
            tabIndex={0}
            aria-pressed={selected === n.id}
            aria-label={`${n.label}: ${detail}`}
            className={`node ${n.kind}${on ? '' : ' absent'}${selected === n.id ? ' selected' : ''}`}
            data-node={n.id}
            onClick={() => onSelect(n.id)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onSelect(n.id);
              }
            }}
          >
            <rect width={W} height={H} rx={8} stroke={KIND_COLORS[n.kind]} />
            <text x={10} y={20} className="node-label">
              {n.label}
            </text>
            <text x={10} y={38} className="node-detail">
              {detail}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
