/**
 * The model in a Web Worker: the same core as the CLI (src/model) and the same shipped data, so the page
 * stays responsive while it runs and the numbers are the CLI's. Requests: a run, or the attribution of an
 * indicator's change from the baseline to the current run.
 */
import worldData from '../../data/world.json';
import { availableLevers, LEVER_GROUPS } from '../../src/essay/levers.js';
import { registry, simulate } from '../../src/model/engine.js';
import type { WorldData } from '../../src/model/world-data.js';
import { runOptions } from '../../src/scenario/run-options.js';
import { partsBetween, shapley } from './lib/contributions.js';
import { checkFinite } from './lib/finite.js';
import type { WorkerRequest, WorkerResponse } from './lib/protocol.js';

const data = worldData as unknown as WorldData;
const levers = availableLevers(registry).flatMap((g) => g.levers);
const groupTitles = Object.fromEntries(LEVER_GROUPS.map((g) => [g.id, g.title]));

function handle(req: WorkerRequest): WorkerResponse {
  if (req.type === 'run') {
    const t0 = performance.now();
    const result = simulate(data, runOptions(req.run));
    checkFinite(result);
    return { id: req.id, type: 'run', result, ms: performance.now() - t0 };
  }
  const current = runOptions(req.run);
  const base = { ...runOptions(req.baseline), firstYear: current.firstYear, lastYear: current.lastYear };
  const parts = partsBetween(base, current, registry, levers, groupTitles);
  const k = req.year - current.firstYear;
  const metric = (r: ReturnType<typeof simulate>) => r.global[req.variable][k];
  const run = (o: typeof base) => simulate(data, o);
  const values = shapley(parts, base, current, run, metric);
  return {
    id: req.id,
    type: 'attribution',
    attribution: {
      variable: req.variable,
      year: req.year,
      baseline: metric(run(base)),
      current: metric(run(current)),
      parts: parts.map((p, i) => ({ label: p.label, value: values[i] })),
    },
  };
}

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  let res: WorkerResponse;
  try {
    res = handle(e.data);
  } catch (err) {
    res = { id: e.data.id, type: 'error', message: err instanceof Error ? err.message : String(err) };
  }
  const transfer =
    res.type === 'run'
      ? [...Object.values(res.result.global), ...Object.values(res.result.country)].map((a) => a.buffer)
      : [];
  (self as unknown as Worker).postMessage(res, transfer);
};
