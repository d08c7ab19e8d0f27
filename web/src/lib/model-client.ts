/** The page's side of the model worker: requests as promises. */
import type { RunResult } from '../../../src/model/engine.js';
import type { RunRequest } from '../../../src/scenario/run-options.js';
import { EARLY_WORKER } from '../../early-worker-plugin.js';
import type { Attribution } from './contributions.js';
import type { WorkerRequest, WorkerResponse } from './protocol.js';

type Pending = { resolve: (r: WorkerResponse) => void };

const RECENT = 8;

/** Strips what a worker cannot receive (the source text is not needed to run). */
const plain = (r: RunRequest): RunRequest => ({ scenario: r.scenario, overrides: r.overrides, seed: r.seed });

export class ModelClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  /** Recent runs by request: the same request (the baseline at start, a scenario compared) is not run twice. */
  private readonly recent = new Map<string, Promise<RunResult>>();
  private next = 1;

  constructor() {
    // The built page starts the worker before this bundle loads (web/early-worker-plugin.ts).
    const early = (globalThis as Record<string, unknown>)[EARLY_WORKER] as Worker | undefined;
    this.worker = early ?? new Worker(new URL('../worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<WorkerResponse>) => {
      this.pending.get(e.data.id)?.resolve(e.data);
      this.pending.delete(e.data.id);
    };
  }

  private request(body: DistributiveOmit<WorkerRequest, 'id'>): Promise<WorkerResponse> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve });
      this.worker.postMessage({ ...body, id });
    });
  }

  run(run: RunRequest): Promise<RunResult> {
    const key = JSON.stringify(plain(run));
    const hit = this.recent.get(key);
    if (hit) return hit;
    const result = this.request({ type: 'run', run: plain(run) }).then((res) => {
      if (res.type === 'error') throw new Error(res.message);
      if (res.type !== 'run') throw new Error('unexpected answer from the model worker');
      return res.result;
    });
    this.recent.set(key, result);
    result.catch(() => this.recent.delete(key));
    if (this.recent.size > RECENT) this.recent.delete(this.recent.keys().next().value as string);
    return result;
  }

  async attribution(
    run: RunRequest,
    baseline: RunRequest,
    variable: string,
    year: number,
  ): Promise<Attribution> {
    const res = await this.request({
      type: 'attribution',
      run: plain(run),
      baseline: plain(baseline),
      variable,
      year,
    });
    if (res.type === 'error') throw new Error(res.message);
    if (res.type !== 'attribution') throw new Error('unexpected answer from the model worker');
    return res.attribution;
  }
}

/** One worker for the page, started as soon as the code loads so that it warms up while the page mounts. */
export const modelClient = new ModelClient();

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
