/** Messages between the page and the model worker (web/src/worker.ts). */
import type { RunResult } from '../../../src/model/engine.js';
import type { RunRequest } from '../../../src/scenario/run-options.js';
import type { Attribution } from './contributions.js';

export type WorkerRequest =
  | { readonly id: number; readonly type: 'run'; readonly run: RunRequest }
  | {
      readonly id: number;
      readonly type: 'attribution';
      readonly run: RunRequest;
      readonly baseline: RunRequest;
      readonly variable: string;
      readonly year: number;
    };

export type WorkerResponse =
  | { readonly id: number; readonly type: 'run'; readonly result: RunResult; readonly ms: number }
  | { readonly id: number; readonly type: 'attribution'; readonly attribution: Attribution }
  | { readonly id: number; readonly type: 'error'; readonly message: string };
