/**
 * A minimal stand-in for the politics module, for tests that need the loop between perceived institutional
 * failure and government stance before the real politics module is in the run. It is not a model of politics:
 *   support_i = s0 + beta (1 - literacy_i) / (1 - literacy_0) (PIF - PIF_0)
 * (nationalist support rises with perceived institutional failure above its base-year level, less so where media
 * literacy is higher), and every `election_interval` years (staggered by country) the government is
 * nationalist-populist with probability support_i, otherwise internationalist or mixed with equal chances.
 * Its coefficients are documented assumptions, not tuned to any test.
 */
import { clamp } from '../../src/model/math.js';
import type { Module } from '../../src/model/module.js';
import type { Rng } from '../../src/model/rng.js';

const param = (id: string, value: number, min: number, max: number, units: string, description: string) => ({
  id: `politics_stand_in.${id}`,
  default: value,
  min,
  max,
  distribution: 'fixed' as const,
  units,
  source: 'Test stand-in (test/support/politics-stand-in.ts)',
  description,
});

export const politicsStandIn: Module = {
  name: 'politics-stand-in',
  summary: 'Test stand-in for politics: nationalist support follows perceived institutional failure.',
  params: [
    param(
      'support_base',
      0.25,
      0,
      1,
      'fraction',
      'Base-year nationalist support (about the vote share of populist parties in Europe, Timbro Authoritarian Populism Index 2019).',
    ),
    param(
      'failure_response',
      0.5,
      0,
      2,
      'support per unit PIF',
      'Rise of support per unit rise of perceived failure.',
    ),
    param('election_interval', 4, 1, 10, 'yr', 'Years between elections.'),
    param('literacy_base', 0.5, 0, 0.99, 'index 0..1', 'Base-year media literacy.'),
  ],
  countryVars: [
    {
      name: 'nationalist_support',
      units: 'fraction',
      description: 'Support for nationalist-populists',
      output: true,
    },
    { name: 'government_stance', units: '0/1/2', description: 'Government stance', output: true },
    { name: 'media_literacy', units: 'index 0..1', description: 'Media literacy' },
  ],

  init(state, { params, rng }) {
    const r = rng.fork();
    state.internal.politicsStandIn = r;
    const c = state.country;
    c.nationalist_support.fill(params['politics_stand_in.support_base']);
    c.media_literacy.fill(params['politics_stand_in.literacy_base']);
    for (let i = 0; i < state.n; i++) c.government_stance[i] = elect(r.uniform(), c.nationalist_support[i]);
  },

  step(state, year, { params }) {
    const r = state.internal.politicsStandIn as Rng;
    const c = state.country;
    const failure0 = 1 - params['institutions.legitimacy_base'];
    const failure = state.global.perceived_institutional_failure;
    const l0 = params['politics_stand_in.literacy_base'];
    const interval = params['politics_stand_in.election_interval'];
    for (let i = 0; i < state.n; i++) {
      const damp = (1 - c.media_literacy[i]) / (1 - l0);
      c.nationalist_support[i] = clamp(
        params['politics_stand_in.support_base'] +
          params['politics_stand_in.failure_response'] * damp * (failure - failure0),
        0,
        1,
      );
      const u = r.uniform();
      if ((year + i) % interval === 0) c.government_stance[i] = elect(u, c.nationalist_support[i]);
    }
  },
};

function elect(u: number, support: number): number {
  if (u < support) return 2;
  return u < support + (1 - support) / 2 ? 1 : 0;
}
