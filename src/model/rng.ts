/**
 * The seeded random generator every stochastic mechanism draws from.
 * The core never uses an unseeded source of randomness: a generator is made from the scenario's seed and passed in,
 * so the same seed gives the same bytes in Node and in the browser.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export interface Rng {
  /** A uniform draw in [0, 1). */
  uniform(): number;
  /** An independent stream, for a sub-task that must not disturb this one (a worker, a module). */
  fork(): Rng;
}

export function createRng(seed: number): Rng {
  const gen = xoroshiro128plus(seed | 0);
  return {
    uniform: () => uniformFloat64(gen),
    fork: () => createRng(gen.next()),
  };
}

/**
 * The stream of one module in a run: seeded from the run's seed and the module's name (FNV-1a), so that
 * adding, removing or reordering modules never changes the draws of another module.
 */
export function moduleRng(seed: number, module: string): Rng {
  let h = 0x811c9dc5;
  for (let i = 0; i < module.length; i++) h = Math.imul(h ^ module.charCodeAt(i), 0x01000193);
  return createRng(Math.imul(seed | 0, 0x9e3779b1) ^ h);
}
