/**
 * The essay's vicious circle, closed: withdrawals lower the effectiveness of the institutions, crises then cost
 * more, perceived institutional failure rises, support for nationalism rises, and more withdrawals follow; and
 * each of the four reforms, switched on alone, weakens that loop at the links it acts on. The experiment
 * (test/support/loop.ts) runs the world with and without the United States leaving the WHO and the Paris Agreement
 * in 2026, over eight seeds with common random numbers, with the real politics module when it is in the run and
 * otherwise a documented stand-in (test/support/politics-stand-in.ts). Only directions are asserted, and a
 * reform's effect only where it exceeds twice its Monte Carlo standard error over the seeds (paired): smaller
 * differences change sign with the random streams (adding the trade module, which forks the generator first,
 * flipped one). The sizes are printed and documented in docs/model/institutions.md. No coefficient here is tuned
 * to make a test pass.
 */
import { describe, expect, it } from 'vitest';
import { registry } from '../src/model/engine.js';
import { institutionConstants, perceivedFailure } from '../src/model/institutions/equations.js';
import {
  type LoopMeasures,
  loopResponses,
  meanResponse,
  pairedEffect,
  runLoop,
  SHOCK_YEAR,
  WITH_REAL_POLITICS,
} from './support/loop.js';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
/**
 * The links of the loop each reform weakens by mechanism (docs/model/institutions.md): withdrawal pressure for
 * all; perceived failure and support where the reform acts on effectiveness or on perceived failure itself.
 * Rebalancing acts on the economic institutions' legitimacy and on funding; the shock hits the WHO and Paris, whose
 * absolute loss the earmark does not shrink, so its effect on perceived failure is nil within noise (t about 0 over
 * 48 seeds). Civic education acts on support, and on perceived failure only through later withdrawals.
 */
const LINKS = {
  rebalancing: ['withdrawalPressure'],
  local_voices: ['failure', 'support', 'withdrawalPressure'],
  civic_education: ['support', 'withdrawalPressure'],
  multilateralism: ['failure', 'support', 'withdrawalPressure'],
} as const satisfies Record<string, readonly (keyof LoopMeasures)[]>;
const REFORMS = Object.keys(LINKS) as (keyof typeof LINKS)[];

function row(name: string, m: LoopMeasures, base?: LoopMeasures): string {
  const ratio = (key: keyof LoopMeasures) => (base ? ` (${((100 * m[key]) / base[key]).toFixed(0)} %)` : '');
  return `${name.padEnd(16)} WHO eff ${m.healthEffectiveness.toFixed(3)}  exp. losses ${m.expectedCrisisLosses.toFixed(3)} pp${ratio('expectedCrisisLosses')}  failure ${m.failure.toFixed(4)}${ratio('failure')}  support ${m.support.toFixed(4)}${ratio('support')}  withdrawals ${m.withdrawals.toFixed(1)}${ratio('withdrawals')}  pressure ${m.withdrawalPressure.toFixed(1)}${ratio('withdrawalPressure')}`;
}

describe(`the vicious circle (${WITH_REAL_POLITICS ? 'politics module' : 'politics stand-in'})`, () => {
  const noneBySeed = loopResponses(SEEDS);
  const none = meanResponse(noneBySeed);
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
    it(`${reform}, alone, weakens the loop at ${LINKS[reform].join(', ')}`, () => {
      const bySeed = loopResponses(SEEDS, { [`reforms.${reform}`]: 1 });
      const r = meanResponse(bySeed);
      lines.push(row(reform, r, none));
      // The same shock still hurts (the reform does not reverse the loop) but less at the links it acts on.
      expect(r.failure).toBeGreaterThan(0);
      expect(r.withdrawalPressure).toBeGreaterThan(0);
      for (const key of LINKS[reform]) {
        const { mean, se } = pairedEffect(bySeed, noneBySeed, key);
        expect(mean + 2 * se, `${key}: ${mean} +- ${se}`).toBeLessThan(0);
      }
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
