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
