/**
 * The essay's four reforms ("Reimagining Internationalism") as levers, each a mechanism with a cost. A lever is a
 * parameter from 0 (off, the default) to 1 (in full); a reform starts in `reforms.start_year` and phases in
 * linearly over `reforms.ramp_years`. This module publishes each reform's intensity this year (institutions,
 * politics and labor read them) and charges their costs to GDP through a loss channel:
 *   rebalancing globalization  fairer trade rules, a global minimum tax (its revenue is reported; part is
 *                              earmarked for the world institutions), labor rights: raises the legitimacy and
 *                              funding of the economic institutions and lowers inequality (labor's Gini);
 *                              costs a little efficiency;
 *   empowering local voices    representation reform: raises every institution's legitimacy and blunts the
 *                              "unaccountable elites" reading of failures (perceived failure rises less); costs
 *                              some decision speed;
 *   civic education            the politics module's civic-education curriculum: schools teach at least this
 *                              intensity, and media literacy rises as taught cohorts come of age, which damps
 *                              the pull of disinformation; costs teaching;
 *   resilient multilateralism  coalitions of the willing that act at a lower participation threshold and
 *                              faster; costs standing crisis facilities and some legitimacy.
 */

import { REFORM_VARS } from '../institutions/reforms.js';
import type { Module } from '../module.js';
import { paramOf } from '../registry.js';

const LEVERS = [
  ['rebalancing', 'rebalancing globalization (fair trade, a global minimum tax, labor rights)'],
  ['local_voices', 'empowering local voices (representation reform)'],
  ['civic_education', 'strengthening civic education (media and global literacy)'],
  ['multilateralism', 'resilient multilateralism (coalitions of the willing)'],
] as const;

const lever = (id: string, what: string) => ({
  id: `reforms.${id}`,
  default: 0,
  min: 0,
  max: 1,
  distribution: 'triangular' as const,
  units: 'intensity 0..1',
  source: 'Lever (the essay\'s "Reimagining Internationalism"); 0 is current policy',
  description: `Intensity of ${what}.`,
  lever: 'reform' as const,
});

/** A reform's cost (or revenue), a fraction of GDP. */
const cost = (id: string, def: number, min: number, max: number, source: string, description: string) =>
  paramOf('reforms')(id, def, min, max, 'fraction of GDP', source, description);

/** The global variable each lever publishes, in the order of LEVERS. */
const LEVER_VARS = LEVERS.map(([id]) => `reform_${id}`);

interface ReformConstants {
  /** Lever values and costs in full, in the order of LEVERS. */
  readonly lever: readonly number[];
  readonly cost: readonly number[];
  readonly start: number;
  readonly ramp: number;
  readonly revenue: number;
  /** This year's intensities (scratch). */
  readonly now: Float64Array;
}

/** Intensity of a lever in a given year: off before the start, then a linear ramp to its full value. */
export function phaseIn(value: number, year: number, start: number, ramp: number): number {
  return value * Math.min(1, Math.max(0, (year - start + 1) / ramp));
}

export const reforms: Module = {
  name: 'reforms',
  summary:
    'The four reforms as levers with costs: rebalancing globalization, local voices, civic education, resilient multilateralism.',
  params: [
    ...LEVERS.map(([id, what]) => lever(id, what)),
    {
      id: 'reforms.start_year',
      default: 2026,
      min: 2025,
      max: 2100,
      distribution: 'uniform',
      units: 'year',
      source: 'Lever: the first year a reform acts',
      description: 'Year the reforms begin.',
      lever: 'policy',
    },
    {
      id: 'reforms.ramp_years',
      default: 5,
      min: 1,
      max: 20,
      distribution: 'triangular',
      units: 'yr',
      source: 'Assumption: about one legislative term to put a reform in place',
      description: 'Years over which a reform phases in linearly to its full intensity.',
    },
    cost(
      'rebalancing_cost',
      0.0005,
      0,
      0.002,
      'OECD (2020), Tax Challenges Arising from Digitalisation: Economic Impact Assessment, less than 0.1 % of global GDP in the long run for Pillars One and Two; plus labor-standard enforcement (assumption)',
      'GDP cost of rebalancing globalization in full.',
    ),
    cost(
      'min_tax_revenue_share',
      0.0016,
      0.0012,
      0.002,
      'OECD (2024) update of the Pillar Two revenue estimate: 155-192 billion USD a year, 6.5-8.1 % of global corporate income tax revenue, about 0.14-0.17 % of world GDP',
      'Revenue of the global minimum tax in full, as a share of GDP (reported; not a GDP change).',
    ),
    cost(
      'local_voices_cost',
      0.00002,
      0,
      0.0001,
      'Assumption: consultation and representation bodies cost little money; their main cost is slower decisions (institutions.voice_speed_cost)',
      'GDP cost of empowering local voices in full.',
    ),
    cost(
      'civic_education_cost',
      0.0002,
      0.00005,
      0.001,
      'Assumption: curricula and teacher training in media and civic literacy, a small fraction of education spending (about 4-5 % of GDP, UNESCO)',
      'GDP cost of civic education in full.',
    ),
    cost(
      'multilateralism_cost',
      0.00015,
      0.00005,
      0.0005,
      'G20 High Level Independent Panel (2021), A Global Deal for Our Pandemic Age: 15 billion USD a year of international financing for pandemic preparedness, about 0.015 % of world GDP; doubled for other standing crisis facilities',
      'GDP cost of resilient multilateralism in full (standing crisis facilities).',
    ),
  ],
  countryVars: [
    {
      name: 'reform_cost_fraction',
      units: 'fraction of GDP',
      description: 'GDP cost of the reforms in effect',
      lossChannel: true,
    },
  ],
  globalVars: [
    ...LEVERS.map(([id, what]) => ({
      name: `reform_${id}`,
      units: 'intensity 0..1',
      description: `Intensity this year of ${what}`,
      output: true,
    })),
    {
      name: 'min_tax_revenue_billion_usd2015',
      units: 'billion USD (2015 prices)/yr',
      description: 'Revenue of the global minimum tax (rebalancing globalization)',
      output: true,
    },
  ],

  init(state, { params }) {
    for (const name of Object.values(REFORM_VARS)) state.global[name] = 0;
    state.global.min_tax_revenue_billion_usd2015 = 0;
    // Read once: parameter lookups by id are slow.
    const constants: ReformConstants = {
      lever: LEVERS.map(([id]) => params[`reforms.${id}`]),
      cost: LEVERS.map(([id]) => params[`reforms.${id}_cost`]),
      start: params['reforms.start_year'],
      ramp: params['reforms.ramp_years'],
      revenue: params['reforms.min_tax_revenue_share'],
      now: new Float64Array(LEVERS.length),
    };
    state.internal.reforms = constants;
  },

  step(state, year) {
    const k = state.internal.reforms as ReformConstants;
    let costFraction = 0;
    const { now } = k;
    for (let q = 0; q < LEVERS.length; q++) {
      now[q] = phaseIn(k.lever[q], year, k.start, k.ramp);
      state.global[LEVER_VARS[q]] = now[q];
      costFraction += now[q] * k.cost[q];
    }
    state.country.reform_cost_fraction.fill(costFraction);
    const rebalancing = now[0];
    state.global.min_tax_revenue_billion_usd2015 =
      1000 * state.global.gdp_trillion_usd2015 * rebalancing * k.revenue;
  },
};
