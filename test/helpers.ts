/** Shared test fixtures: the shipped data, default parameters, and running the built CLI. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadWorldData } from '../src/data/load.js';
import { type RunResult, registry, simulate } from '../src/model/engine.js';
import { MODULES } from '../src/model/modules/index.js';

export const data = loadWorldData();

export function runBaseline(overrides: Record<string, number> = {}, lastYear = 2100): RunResult {
  return simulate(data, { params: registry.resolve(overrides), seed: 1, firstYear: data.baseYear, lastYear });
}

/** Every module but the named ones: tests of one mechanism leave out those that would make two runs drift apart. */
export function modulesWithout(...names: string[]) {
  return MODULES.filter((m) => !names.includes(m.name));
}

const BIN = fileURLToPath(new URL('../bin/worldorder.js', import.meta.url));

export function cli(args: string[], cwd?: string): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'worldorder-test-'));
}

/** A cheap deterministic stream of uniforms on [0, 1) for tests (xorshift32; seed 0 is taken as 1). */
export function xorshift(seed: number): () => number {
  let state = seed || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}
