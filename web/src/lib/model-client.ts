/** The page's side of the model worker: requests as promises. */
import type { RunResult } from '../../../src/model/engine.js';
import type { RunRequest } from '../../../src/scenario/run-options.js';
import type { Attribution } from './contributions.js';
import type { WorkerRequest, WorkerResponse } from './protocol.js';

type Pending = { resolve: (r: WorkerResponse) => void };

/** Strips what a worker cannot receive (the source text is not needed to run). */
const plain = (r: RunRequest): RunRequest => ({ scenario: r.scenario, overrides: r.overrides, seed: r.seed });

export class ModelClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private next = 1;

  constructor() {
    this.worker = new Worker(new URL('../worker.ts', import.meta.url), { type: 'module' });
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

  async run(run: RunRequest): Promise<RunResult> {
    const res = await this.request({ type: 'run', run: plain(run) });
    if (res.type === 'error') throw new Error(res.message);
    if (res.type !== 'run') throw new Error('unexpected answer from the model worker');
    return res.result;
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

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
