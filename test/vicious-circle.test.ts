/**
 * The essay's vicious circle, closed: withdrawals lower the effectiveness of the institutions, crises then cost
 * more, perceived institutional failure rises, support for nationalism rises, and more withdrawals follow; and
 * each of the four reforms, switched on alone, weakens that loop. The experiment (test/support/loop.ts) runs
 * the world with and without the United States leaving the WHO and the Paris Agreement in 2026, over eight seeds
 * with common random numbers, with the real politics module when it is in the run and otherwise a documented
 * stand-in (test/support/politics-stand-in.ts). Only directions are asserted; the sizes are printed and
 * documented in docs/model/institutions.md. No coefficient here is tuned to make a test pass.
 */
import { describe, expect, it } from 'vitest';
import { registry } from '../src/model/engine.js';
import { institutionConstants, perceivedFailure } from '../src/model/institutions/equations.js';
import { type LoopMeasures, loopResponse, runLoop, SHOCK_YEAR, WITH_REAL_POLITICS } from './support/loop.js';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const REFORMS = ['rebalancing', 'local_voices', 'civic_education', 'multilateralism'] as const;

function row(name: string, m: LoopMeasures, base?: LoopMeasures): string {
  const ratio = (key: keyof LoopMeasures) => (base ? ` (${((100 * m[key]) / base[key]).toFixed(0)} %)` : '');
  return `${name.padEnd(16)} WHO eff ${m.healthEffectiveness.toFixed(3)}  exp. losses ${m.expectedCrisisLosses.toFixed(3)} pp${ratio('expectedCrisisLosses')}  failure ${m.failure.toFixed(4)}${ratio('failure')}  support ${m.support.toFixed(4)}${ratio('support')}  withdrawals ${m.withdrawals.toFixed(1)}${ratio('withdrawals')}  pressure ${m.withdrawalPressure.toFixed(1)}${ratio('withdrawalPressure')}`;
}

describe(`the vicious circle (${WITH_REAL_POLITICS ? 'politics module' : 'politics stand-in'})`, () => {
  const none = loopResponse(SEEDS);
  const lines = [
    `response to the shock, ${SHOCK_YEAR}-2060 means (withdrawals: totals), shock minus no shock:`,
  ];
  lines.push(row('no reform', none));

  it("the shock itself lowers the WHO's effectiveness the next year, in every seed", () => {
    for (const seed of SEEDS) {
      const k = SHOCK_YEAR + 1 - 2024;
      const shocked = runLoop(seed, true).global.health_regime_effectiveness[k];
      const calm = runLoop(seed, false).global.health_regime_effectiveness[k];
      expect(shocked, `seed ${seed}`).toBeLessThan(calm);
    }
  });

  it('closes: lower effectiveness, costlier crises, more perceived failure, more nationalism, more withdrawals', () => {
    expect(none.healthEffectiveness).toBeLessThan(0);
    expect(none.climateEffectiveness).toBeLessThan(0);
    expect(none.expectedCrisisLosses).toBeGreaterThan(0);
    expect(none.crisisLosses).toBeGreaterThan(0);
    expect(none.failure).toBeGreaterThan(0);
    expect(none.support).toBeGreaterThan(0);
    expect(none.withdrawals).toBeGreaterThan(0);
    expect(none.withdrawalPressure).toBeGreaterThan(0);
  });

  for (const reform of REFORMS) {
    it(`${reform}, alone, weakens the loop`, () => {
      const r = loopResponse(SEEDS, { [`reforms.${reform}`]: 1 });
      lines.push(row(reform, r, none));
      // The same shock still hurts (the reform does not reverse the loop) but less at its end links.
      expect(r.failure).toBeGreaterThan(0);
      expect(r.failure).toBeLessThan(none.failure);
      expect(r.support).toBeLessThan(none.support);
      expect(r.withdrawalPressure).toBeLessThan(none.withdrawalPressure);
    });
  }

  it('prints the documented amounts', () => {
    process.stdout.write(`${lines.join('\n')}\n`);
    expect(lines).toHaveLength(2 + REFORMS.length);
  });
});

describe('perceived institutional failure', () => {
  const params = registry.resolve();
  const p = institutionConstants(params);
  it('is its base level 1 - legitimacy_base when nothing has changed', () => {
    expect(
      perceivedFailure(0, 0, p, { rebalancing: 0, localVoices: 0, civicEducation: 0, multilateralism: 0 }),
    ).toBe(1 - p.legitimacyBase);
  });
  it('rises (1 - voice_blunting x intensity) times as much with the local-voices reform', () => {
    const base = 1 - p.legitimacyBase;
    const off = perceivedFailure(0.05, 1, p, {
      rebalancing: 0,
      localVoices: 0,
      civicEducation: 0,
      multilateralism: 0,
    });
    for (const r of [0.25, 0.5, 1]) {
      const on = perceivedFailure(0.05, 1, p, {
        rebalancing: 0,
        localVoices: r,
        civicEducation: 0,
        multilateralism: 0,
      });
      expect((on - base) / (off - base)).toBeCloseTo(1 - r * p.voiceBlunting, 12);
    }
  });
});
