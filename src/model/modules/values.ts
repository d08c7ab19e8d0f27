/**
 * Values: the essay's "loss of shared values". Each state's electoral democracy (V-Dem polyarchy, 0..1)
 * moves on the logit scale, where the same push moves a middling democracy more than a near-perfect one or
 * a closed autocracy (as V-Dem's autocratisation episodes do):
 *
 *   L_i = logit(D_i),  L_i(t) = L_i(t-1) - e [stance_i = nationalist-populist]
 *       + b_g (ln y_i(t) - ln y_i(t-1))                         growth of GDP per person
 *       + k (mean of L over contiguous neighbours - L_i)         diffusion
 *       + a (1 - F) max(0, L_i(base) - L_i)                      anchoring institutions
 *
 * with F the perceived failure of global institutions (institutions module; 0 without it, so anchors hold)
 * and stance the government's (politics module; without it no government counts as nationalist-populist).
 * D is kept within the range V-Dem has recorded since 1946. Population-weighted democracy is the essay's
 * shared-values indicator; democracy feeds the security module's hazard the next year.
 */
import { clamp } from '../math.js';
import type { Module } from '../module.js';
import * as Portable from '../portable.js';
import { staticTables } from '../security/tables.js';
import type { WorldState } from '../state.js';

/** `government_stance` of a nationalist-populist government (politics module). */
const NATIONALIST_POPULIST = 2;

interface Internal {
  readonly neighbours: readonly Int32Array[];
  readonly logitBase: Float64Array;
  readonly logit: Float64Array;
  readonly change: Float64Array;
  readonly lastIncome: Float64Array;
  readonly range: readonly [number, number];
}

const logit = (d: number) => Portable.log(d / (1 - d));

function worldDemocracy(state: WorldState): void {
  const pop = state.country.population_million;
  const d = state.country.democracy;
  let weighted = 0;
  let total = 0;
  for (let i = 0; i < state.n; i++) {
    weighted += pop[i] * d[i];
    total += pop[i];
  }
  state.global.population_weighted_democracy = weighted / total;
}

export const values: Module = {
  name: 'values',
  summary:
    'Electoral democracy (V-Dem polyarchy) per state: eroded under nationalist-populist governments, raised by growth, democratic neighbours and anchoring institutions.',
  params: [
    {
      id: 'values.populist_erosion',
      default: 0.1,
      min: 0.06,
      max: 0.18,
      distribution: 'triangular',
      units: 'logit points/yr',
      source:
        'V-Dem polyarchy under eight nationalist-populist governments of Funke, Schularick and Trebesch (2023, AER 113(12)) in this project’s data (data/raw/populist_episodes.csv): Hungary, Poland, India, Turkey, USA, Brazil, the Philippines, Venezuela fell 0.06 to 0.18 logit points a year, median 0.10',
      description: 'Yearly fall in logit democracy while a nationalist-populist government rules.',
    },
    {
      id: 'values.growth_effect',
      default: 0.25,
      min: 0,
      max: 1,
      distribution: 'triangular',
      units: 'logit points per log point of income',
      source:
        'Assumption: modernisation theory (Lipset 1959; Boix 2011, APSR 105(4)) finds income raises democracy; Acemoglu, Johnson, Robinson and Yared (2008, AER 98(3)) find no effect within countries, hence a range down to 0',
      description: 'Rise in logit democracy per unit growth of log GDP per person.',
    },
    {
      id: 'values.neighbour_diffusion',
      default: 0.022,
      min: 0,
      max: 0.05,
      distribution: 'triangular',
      units: '1/yr',
      source:
        'This project’s data (V-Dem polyarchy and COW contiguity, 1946-2014): the yearly change of logit polyarchy rises by 0.0217 (s.e. 0.0023, n = 8,899 state-years) per logit point of gap to the neighbours’ mean, a description of diffusion (Gleditsch and Ward 2006, IO 60(4)) rather than a causal estimate; at 0.022 a gap halves in about 31 years',
      description: 'Share of the logit gap to the neighbours’ mean closed each year.',
    },
    {
      id: 'values.institutional_anchor',
      default: 0.05,
      min: 0,
      max: 0.15,
      distribution: 'triangular',
      units: '1/yr',
      source:
        'Pevehouse (2005), Democracy from Above: regional organisations lock in democracy; the size is an assumption (at 0.05 a backslide halves in about 14 years when institutions work)',
      description:
        'Share of a fall below the base-year level recovered each year, scaled down by perceived institutional failure.',
    },
  ],
  countryVars: [
    {
      name: 'democracy',
      units: 'V-Dem polyarchy, 0..1',
      description: 'Electoral democracy',
      output: true,
    },
  ],
  globalVars: [
    {
      name: 'population_weighted_democracy',
      units: 'V-Dem polyarchy, 0..1',
      description: 'Democracy of the average person: states weighted by population',
      output: true,
    },
  ],

  init(state, { data }) {
    const sd = data.security;
    const d = state.country.democracy;
    d.set(sd.countries.democracy);
    const logitBase = Float64Array.from(d, logit);
    const s: Internal = {
      neighbours: staticTables(data).nearNeighbours,
      logitBase,
      logit: Float64Array.from(logitBase),
      change: new Float64Array(state.n),
      lastIncome: Float64Array.from(state.country.gdp_per_capita_usd2015),
      range: sd.democracyRange as [number, number],
    };
    state.internal.values = s;
    worldDemocracy(state);
  },

  step(state, _year, { params }) {
    const s = state.internal.values as Internal;
    const c = state.country;
    const stance = c.government_stance;
    const failure = state.global.perceived_institutional_failure ?? 0;
    const erosion = params['values.populist_erosion'];
    const growth = params['values.growth_effect'];
    const diffusion = params['values.neighbour_diffusion'];
    const anchor = params['values.institutional_anchor'] * (1 - failure);
    const L = s.logit;
    for (let i = 0; i < state.n; i++) {
      const income = c.gdp_per_capita_usd2015[i];
      let dl = growth * Portable.log(income / s.lastIncome[i]);
      s.lastIncome[i] = income;
      if (stance && stance[i] === NATIONALIST_POPULIST) dl -= erosion;
      const nb = s.neighbours[i];
      if (nb.length > 0) {
        let mean = 0;
        for (let k = 0; k < nb.length; k++) mean += L[nb[k]];
        dl += diffusion * (mean / nb.length - L[i]);
      }
      dl += anchor * Math.max(0, s.logitBase[i] - L[i]);
      s.change[i] = dl;
    }
    const [lo, hi] = s.range;
    for (let i = 0; i < state.n; i++) {
      const d = clamp(1 / (1 + Portable.exp(-(L[i] + s.change[i]))), lo, hi);
      c.democracy[i] = d;
      L[i] = logit(d);
    }
    worldDemocracy(state);
  },
};
