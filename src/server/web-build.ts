/**
 * The explorer's production build (dist/web), made from web/ by Vite when it is missing or older than any
 * of its inputs: the web sources, the model core and everything else it bundles (src/), the shipped data,
 * scenarios and model docs, and package.json.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WEB_DIST = join(ROOT, 'dist', 'web');
const INPUTS = ['web', 'src', 'data/world.json', 'scenarios', 'docs/model', 'package.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Whether dist/web is missing or older than its inputs. */
export function webBuildIsStale(): boolean {
  const index = join(WEB_DIST, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return INPUTS.some((p) => newestMtime(join(ROOT, p)) > built);
}

/** Builds dist/web with Vite (a development dependency: `npm install` brings it). */
export async function buildWeb(): Promise<void> {
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    throw new UserError(
      'the explorer is not built and Vite is not installed: run `npm install` (with development dependencies) first',
    );
  }
  // A production build whatever the caller's NODE_ENV (vitest sets 'test', which would make Vite build React
  // in development mode and leave out the service worker).
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await vite.build({
      configFile: join(ROOT, 'web', 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
    });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}
