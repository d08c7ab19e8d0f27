/**
 * Economy: GDP per capita by conditional convergence, GDP, and the hook through which damages act.
 *
 * Potential GDP per capita y_i grows at the frontier rate plus a catch-up term proportional to the log
 * gap to the country's own steady state y*_i, which itself grows at the frontier rate
 * (Barro and Sala-i-Martin 1992, J. Political Economy 100(2); Barro 2015, Economic Journal 125(585)):
 *   ln y_i(t) = ln y_i(t-1) + g_f + lambda G_i(t-1),   G_i(t) = ln y*_i(t) - ln y_i(t) = (1 - lambda) G_i(t-1).
 * The steady-state gap is conditional: it is backed out of each country's growth over the ten years to the
 * base year, G_i(t0) = (g_i,recent - g_f) / lambda, bounded so that a decade of war or boom is not
 * extrapolated without limit. A country therefore starts on its recent trend and converges to frontier
 * growth with half-life ln 2 / lambda (about 35 years at the default).
 *
 * Damage hook: actual GDP is potential GDP times the product of (1 - loss) over every loss channel: a
 * country variable flagged `lossChannel` by the module that owns it (a fraction of GDP relative to
 * base-year conditions; negative for a gain). A channel written by a module later in the order acts the
 * next year. Climate damages are the first; trade, war, crisis and populism effects join as modules land.
 */

import { clamp, sum } from '../math.js';
import type { Module } from '../module.js';
import * as Portable from '../portable.js';

export const economy: Module = {
  name: 'economy',
  summary: 'GDP per capita by conditional convergence to a growing frontier, net of damages.',
  params: [
    {
      id: 'economy.frontier_growth',
      default: 0.015,
      min: 0.005,
      max: 0.025,
      distribution: 'triangular',
      units: '1/yr',
      source:
        'Jones (2016), The Facts of Economic Growth, Handbook of Macroeconomics 2: US GDP per person grew about 2 %/yr for 150 years, slower since 2000; 1.5 % is the DESIGN default',
      description: 'Growth rate of GDP per capita at the technology frontier (log points per year).',
    },
    {
      id: 'economy.convergence_speed',
      default: 0.02,
      min: 0.01,
      max: 0.035,
      distribution: 'triangular',
      units: '1/yr',
      source:
        'Barro and Sala-i-Martin (1992), J. Political Economy 100(2): the "iron law" of 2 %/yr convergence',
      description: 'Share of the log gap to the steady state closed each year (lambda).',
    },
    {
      id: 'economy.max_gap',
      default: 2.5,
      min: 1,
      max: 4,
      distribution: 'uniform',
      units: 'log points',
      source:
        'Assumption: bounds how far above its current level a fast-growing country is assumed to converge',
      description: 'Largest log gap between a country and its steady state that recent growth may imply.',
    },
    {
      id: 'economy.min_gap',
      default: -0.5,
      min: -1.5,
      max: 0,
      distribution: 'uniform',
      units: 'log points',
      source:
        'Assumption: at the defaults no country starts below 0.5 %/yr growth per person, so a decade of stagnation or decline (war, sanctions, collapse) is not extrapolated into a collapse',
      description: 'Most negative log gap to the steady state that recent decline may imply.',
    },
  ],
  countryVars: [
    {
      name: 'gdp_billion_usd2015',
      units: 'billion USD (2015 prices)',
      description: 'Real GDP',
      output: true,
    },
    {
      name: 'gdp_per_capita_usd2015',
      units: 'USD (2015 prices) per person',
      description: 'Real GDP per person',
      output: true,
    },
    {
      name: 'gdp_per_capita_potential_usd2015',
      units: 'USD (2015 prices) per person',
      description: 'GDP per person before losses (damages, wars, crises)',
    },
    { name: 'convergence_gap_log', units: 'log points', description: 'Log gap to the steady state, G_i' },
  ],
  globalVars: [
    {
      name: 'gdp_trillion_usd2015',
      units: 'trillion USD (2015 prices)',
      description: 'World real GDP',
      output: true,
    },
  ],

  init(state, { data, params }) {
    const c = state.country;
    const gf = params['economy.frontier_growth'];
    const lambda = params['economy.convergence_speed'];
    for (let i = 0; i < state.n; i++) {
      c.gdp_billion_usd2015[i] = data.base.gdp_billion_usd2015[i];
      c.gdp_per_capita_usd2015[i] = (1000 * c.gdp_billion_usd2015[i]) / c.population_million[i];
      c.gdp_per_capita_potential_usd2015[i] = c.gdp_per_capita_usd2015[i];
      const implied = (data.base.gdppc_growth_recent[i] - gf) / lambda;
      c.convergence_gap_log[i] = clamp(implied, params['economy.min_gap'], params['economy.max_gap']);
    }
    state.global.gdp_trillion_usd2015 = sum(c.gdp_billion_usd2015) / 1000;
  },

  step(state, _year, { params }) {
    const c = state.country;
    const gf = params['economy.frontier_growth'];
    const lambda = params['economy.convergence_speed'];
    const channels = state.lossChannels.map((name) => c[name]);
    for (let i = 0; i < state.n; i++) {
      const gap = c.convergence_gap_log[i];
      c.gdp_per_capita_potential_usd2015[i] *= Portable.exp(gf + lambda * gap);
      c.convergence_gap_log[i] = (1 - lambda) * gap;
      let kept = 1;
      for (const loss of channels) kept *= 1 - loss[i];
      c.gdp_per_capita_usd2015[i] = c.gdp_per_capita_potential_usd2015[i] * kept;
      c.gdp_billion_usd2015[i] = (c.gdp_per_capita_usd2015[i] * c.population_million[i]) / 1000;
    }
    state.global.gdp_trillion_usd2015 = sum(c.gdp_billion_usd2015) / 1000;
  },
};
