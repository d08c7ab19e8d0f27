/** Loads the shipped base-year dataset (data/world.json, built by scripts/build-data.ts). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WorldData } from '../model/world-data.js';

/** The package's own dataset; resolved from this file so it works from src/ (tsx) and dist/ alike. */
export const DATA_PATH = fileURLToPath(new URL('../../data/world.json', import.meta.url));

let cached: WorldData | undefined;

export function loadWorldData(): WorldData {
  cached ??= JSON.parse(readFileSync(DATA_PATH, 'utf8')) as WorldData;
  return cached;
}
