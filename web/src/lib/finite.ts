/** A run whose outputs are not all finite is refused with a message, so the page never shows NaN. */

import { UserError } from '../../../src/errors.js';
import type { RunResult } from '../../../src/model/engine.js';

export function checkFinite(r: RunResult): void {
  for (const [group, series] of [
    ['world', r.global],
    ['country', r.country],
  ] as const) {
    for (const [name, values] of Object.entries(series)) {
      const k = values.findIndex((v) => !Number.isFinite(v));
      if (k >= 0) {
        const n = group === 'world' ? 1 : r.iso3.length;
        const year = r.years[Math.floor(k / n)];
        const who = group === 'world' ? '' : ` for ${r.iso3[k % n]}`;
        throw new UserError(`the model gave a non-finite ${name}${who} in ${year} with these settings`);
      }
    }
  }
}
