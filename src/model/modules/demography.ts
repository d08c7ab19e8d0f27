/**
 * Demography: population paths per country.
 *
 * Each country's growth rate starts at its observed mean over the five years to the base year and relaxes
 * exponentially toward a common long-run rate:
 *   g_i(t) = g_LR + (g_i0 - g_LR) exp(-(t - t0) / tau),   P_i(t) = P_i(t-1) (1 + g_i(t)).
 * The two defaults are fitted so that world population follows the UN World Population Prospects 2024
 * medium variant (a peak of 10.3 billion in 2084, 10.2 billion in 2100) within 0.6 % at 2030-2100:
 * growth that fades with a time constant of decades is how fertility transitions look in WPP's projections.
 * Refugees from wars move population between states with a one-year lag: last year's arrivals and returns
 * minus departures (the security module's refugee_net_migration_thousand, when present).
 * Other migration arrives with the politics module.
 */

import { sum } from '../math.js';
import type { Module } from '../module.js';
import * as Portable from '../portable.js';

export const demography: Module = {
  name: 'demography',
  summary: 'Population per country: recent growth converging to a long-run rate (UN WPP 2024 calibration).',
  params: [
    {
      id: 'demography.longrun_growth',
      default: -0.006,
      min: -0.012,
      max: 0.002,
      distribution: 'triangular',
      units: '1/yr',
      source:
        'UN World Population Prospects 2024, medium variant: world growth turns negative after the mid-2080s; the range spans its low and high variants',
      description: 'Population growth rate every country converges to in the long run.',
    },
    {
      id: 'demography.convergence_time',
      default: 50,
      min: 30,
      max: 70,
      distribution: 'triangular',
      units: 'yr',
      source:
        'Calibrated with demography.longrun_growth to the UN WPP 2024 medium variant world path (8.55, 9.66, 10.29 and 10.18 billion in 2030, 2050, 2084 and 2100): within 0.6 % each',
      description: 'E-folding time over which recent population growth gives way to the long-run rate.',
    },
  ],
  countryVars: [
    { name: 'population_million', units: 'million people', description: 'Population', output: true },
  ],
  globalVars: [
    { name: 'population_million', units: 'million people', description: 'World population', output: true },
  ],

  init(state, { data }) {
    state.country.population_million.set(data.base.population_million);
    state.global.population_million = sum(state.country.population_million);
  },

  step(state, year, { data, params }) {
    const gLongRun = params['demography.longrun_growth'];
    const fade = Portable.exp(-(year - data.baseYear) / params['demography.convergence_time']);
    const pop = state.country.population_million;
    const g0 = data.base.population_growth_recent;
    for (let i = 0; i < state.n; i++) pop[i] *= 1 + gLongRun + (g0[i] - gLongRun) * fade;
    const refugees = state.country.refugee_net_migration_thousand;
    if (refugees) for (let i = 0; i < state.n; i++) pop[i] += refugees[i] / 1000;
    state.global.population_million = sum(pop);
  },
};
