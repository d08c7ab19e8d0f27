/**
 * The shipped conflict model (data/conflict_model.json) is what scripts/estimate-conflict.ts estimates from
 * data/raw, and it does what the README says: the Kantian variables improve the holdout AUC over both
 * baselines. Slow (the full 800,000-row estimation): one test.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimate, MODEL_PATH } from '../scripts/estimate-conflict.js';

/** Numbers equal to 1e-9 relative, everything else exactly. */
function expectSame(got: unknown, want: unknown, path = ''): void {
  if (typeof want === 'number' && typeof got === 'number') {
    expect(Math.abs(got - want), path).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
  } else if (want && typeof want === 'object') {
    expect(Object.keys(got as object), path).toEqual(Object.keys(want));
    for (const key of Object.keys(want)) {
      expectSame(
        (got as Record<string, unknown>)[key],
        (want as Record<string, unknown>)[key],
        `${path}.${key}`,
      );
    }
  } else {
    expect(got, path).toEqual(want);
  }
}

describe('the shipped conflict model', () => {
  it('is re-estimated exactly from data/raw, and beats both baselines out of sample', () => {
    const shipped = JSON.parse(readFileSync(MODEL_PATH, 'utf8'));
    const fresh = JSON.parse(JSON.stringify(estimate()));
    expectSame(fresh, shipped);
    const auc = (name: string) => shipped.models[name].holdout.auc;
    expect(auc('mid_onset')).toBeGreaterThan(auc('baseline_no_kantian'));
    expect(auc('mid_onset')).toBeGreaterThan(auc('baseline_geography'));
    expect(shipped.models.mid_onset.converged).toBe(true);
    expect(shipped.models.mid_onset.coefficients.democracy_low).toBeLessThan(0);
    expect(shipped.models.mid_onset.coefficients.dependence_low).toBeLessThan(0);
  }, 180_000);
});
