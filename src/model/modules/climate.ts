/**
 * Climate: emissions from the economy, FaIR v1.6 for concentration and warming, and DICE damages back to GDP.
 *
 * Fossil CO2 of country i: E_i(t) = GDP_i(t) x I_i(t0) x (1 - r)^(t - t0), with I_i(t0) the observed
 * base-year carbon intensity (kg CO2 per 2015 USD) and r the baseline decline of intensity (Kaya identity).
 * International bunkers and territories that are not states (the gap between the Global Carbon Project's
 * world total and the states' sum in the base year) move with world GDP and the same intensity decline.
 * Land-use CO2 and non-CO2 forcing are exogenous: land use (the GCB 2024 bookkeeping path, scaled to close
 * FaIR's carbon budget) falls linearly from its base-year value to zero
 * in a chosen year; non-CO2 forcing follows an SSP2-4.5-like path (data/raw/nonco2_forcing.csv).
 * The carbon cycle and temperature are FaIR v1.6 (./climate/fair.ts), spun up from 1750 with historical
 * emissions so that the base year starts where the real world is.
 * Damages are DICE-2023's: a fraction psi2 T^2 of output (Barrage and Nordhaus 2024, PNAS 121(13)),
 * with T the warming over 1850-1900; they reach GDP through the economy's loss channel the next year.
 */

import { type FairParams, type FairState, fairInit, fairStep } from '../climate/fair.js';
import { interpolate, sum } from '../math.js';
import type { Module } from '../module.js';
import * as Portable from '../portable.js';
import { ParamError, type Params } from '../registry.js';
import type { WorldState } from '../state.js';
import { ANOMALY_REFERENCE_YEARS, C_PER_CO2, GTC_PER_PPM } from '../units.js';
import type { WorldData } from '../world-data.js';

const FAIR_SOURCE = 'FaIR v1.6 default (Smith et al. 2018, GMD 11; Millar et al. 2017, ACP 17)';

function fixed(id: string, value: number, units: string, description: string) {
  return {
    id,
    default: value,
    min: value,
    max: value,
    distribution: 'fixed',
    units,
    source: FAIR_SOURCE,
    description,
  } as const;
}

/** The FaIR parameters for a resolved parameter set. */
export function fairParams(p: Params): FairParams {
  if (!(p['climate.tcr'] < p['climate.ecs'])) {
    throw new ParamError(
      `climate.tcr (${p['climate.tcr']} K) must be below climate.ecs (${p['climate.ecs']} K): the deep ocean still warms after CO2 doubles`,
    );
  }
  return {
    a: [p['climate.a1'], p['climate.a2'], p['climate.a3'], p['climate.a4']],
    tau: [p['climate.tau1'], p['climate.tau2'], p['climate.tau3'], p['climate.tau4']],
    r0: p['climate.r0'],
    rc: p['climate.rc'],
    rt: p['climate.rt'],
    iirfMax: p['climate.iirf_max'],
    iirfHorizon: p['climate.iirf_horizon'],
    d: [p['climate.d1'], p['climate.d2']],
    tcr: p['climate.tcr'],
    ecs: p['climate.ecs'],
    f2x: p['climate.f2x'],
    cPi: p['climate.c_pi'],
    ppmGtc: GTC_PER_PPM,
    tcrDoublingYears: p['climate.tcr_doubling_time'],
  };
}

interface ClimateInternal {
  fair: FairParams;
  fs: FairState;
  /** Mean warming over 1850-1900 in the spin-up: the zero of the reported anomaly. */
  referenceTemp: number;
  intensity0: Float64Array;
  worldGdp0: number;
  landuse0Gtco2: number;
  nonco2Base: number;
  damage0: number;
}

/** FaIR from 1750 to the base year with historical emissions and forcing; returns the base-year state. */
export function spinUp(
  fair: FairParams,
  data: WorldData,
  landuseScale: number,
): { fs: FairState; referenceTemp: number } {
  const h = data.climateHistory;
  const years = h.fossil_co2_gtc.length;
  const emissions = (t: number) => h.fossil_co2_gtc[t] + landuseScale * h.landuse_co2_gtc[t];
  const fs = fairInit(fair, emissions(0), h.nonco2_forcing_wm2[0]);
  let refSum = 0;
  let refCount = 0;
  for (let t = 0; t < years; t++) {
    if (t > 0) fairStep(fair, fs, emissions(t), h.nonco2_forcing_wm2[t]);
    const year = h.firstYear + t;
    if (year >= ANOMALY_REFERENCE_YEARS[0] && year <= ANOMALY_REFERENCE_YEARS[1]) {
      refSum += fs.temp;
      refCount++;
    }
  }
  return { fs, referenceTemp: refSum / refCount };
}

export const climate: Module = {
  name: 'climate',
  summary: 'CO2 from GDP and carbon intensity, FaIR v1.6 carbon cycle and temperature, DICE-2023 damages.',
  params: [
    {
      id: 'climate.intensity_decline',
      default: 0.0187,
      min: 0.005,
      max: 0.04,
      distribution: 'triangular',
      units: '1/yr',
      source:
        "This project's data: world fossil CO2 per 2015 USD of GDP fell 1.87 %/yr from 2014 to 2024 (GCP via OWID; World Bank GDP)",
      description: 'Yearly fall in the carbon intensity of GDP under current policies.',
    },
    {
      id: 'climate.landuse_history_scale',
      default: 0.72,
      min: 0.5,
      max: 1,
      distribution: 'triangular',
      units: 'ratio',
      source:
        'Calibrated: with FaIR v1.6 defaults, 0.72 x the Global Carbon Budget 2024 bookkeeping land-use CO2 puts the 2024 concentration at the NOAA global mean (422.8 ppm); GCB land-use CO2 is uncertain by about +-30 % and GCB reports a budget imbalance',
      description: 'Scales historical (and base-year) land-use CO2 from the GCB bookkeeping mean.',
    },
    {
      id: 'climate.landuse_zero_year',
      default: 2080,
      min: 2050,
      max: 2150,
      distribution: 'uniform',
      units: 'year',
      source:
        'SSP2-4.5 land-use CO2 reaches about zero in the 2070s-2080s (Riahi et al. 2017, Global Environ. Change 42)',
      description:
        'Year in which net land-use CO2 emissions, falling linearly from the base year, reach zero.',
    },
    {
      id: 'climate.nonco2_forcing_scale',
      default: 1,
      min: 0.5,
      max: 1.5,
      distribution: 'triangular',
      units: 'ratio',
      source: 'IPCC AR6 WG1 ch. 7: non-CO2 forcing is uncertain by roughly +-50 %, mostly through aerosols',
      description: 'Scales the change of non-CO2 forcing after the base year along its SSP2-4.5-like path.',
    },
    {
      id: 'climate.damage_quadratic',
      default: 0.003467,
      min: 0.001,
      max: 0.01,
      distribution: 'triangular',
      units: '1/K^2',
      source:
        'DICE-2023 (Barrage and Nordhaus 2024, PNAS 121(13)): psi2 = 0.003467; Howard and Sterner (2017) put it near 0.01',
      description: 'Share of GDP lost per squared kelvin of warming over 1850-1900.',
    },
    {
      id: 'climate.tcr',
      default: 1.6,
      min: 1.2,
      max: 2.4,
      distribution: 'triangular',
      units: 'K',
      source: 'FaIR v1.6 default; IPCC AR6 very likely range 1.2-2.4 K',
      description: 'Transient climate response: warming when CO2 doubles at 1 %/yr.',
    },
    {
      id: 'climate.ecs',
      default: 2.75,
      min: 2,
      max: 5,
      distribution: 'triangular',
      units: 'K',
      source: 'FaIR v1.6 default; IPCC AR6 very likely range 2-5 K',
      description: 'Equilibrium climate sensitivity: eventual warming from doubled CO2.',
    },
    {
      id: 'climate.f2x',
      default: 3.71,
      min: 3.3,
      max: 4.4,
      distribution: 'triangular',
      units: 'W/m2',
      source: 'FaIR v1.6 default (Myhre et al. 1998); IPCC AR6: 3.93 +- 0.47 W/m2',
      description: 'Effective radiative forcing from doubled CO2.',
    },
    {
      id: 'climate.r0',
      default: 35,
      min: 28,
      max: 42,
      distribution: 'triangular',
      units: 'yr',
      source: FAIR_SOURCE,
      description: 'Pre-industrial 100-year integrated impulse response of CO2.',
    },
    {
      id: 'climate.rc',
      default: 0.019,
      min: 0.01,
      max: 0.03,
      distribution: 'triangular',
      units: 'yr/GtC',
      source: FAIR_SOURCE,
      description: 'Rise of the integrated impulse response per GtC taken up by the sinks.',
    },
    {
      id: 'climate.rt',
      default: 4.165,
      min: 2,
      max: 6.5,
      distribution: 'triangular',
      units: 'yr/K',
      source: FAIR_SOURCE,
      description: 'Rise of the integrated impulse response per kelvin of warming.',
    },
    fixed('climate.iirf_max', 97, 'yr', 'Ceiling on the 100-year integrated impulse response.'),
    fixed('climate.iirf_horizon', 100, 'yr', 'Horizon of the integrated impulse response.'),
    fixed('climate.c_pi', 278, 'ppm', 'Pre-industrial CO2 concentration.'),
    fixed('climate.a1', 0.2173, 'fraction', 'Share of emitted CO2 entering the permanent box.'),
    fixed('climate.a2', 0.224, 'fraction', 'Share of emitted CO2 entering the slow box.'),
    fixed('climate.a3', 0.2824, 'fraction', 'Share of emitted CO2 entering the medium box.'),
    fixed('climate.a4', 0.2763, 'fraction', 'Share of emitted CO2 entering the fast box.'),
    fixed('climate.tau1', 1e6, 'yr', 'Decay time of the permanent carbon box.'),
    fixed('climate.tau2', 394.4, 'yr', 'Decay time of the slow carbon box.'),
    fixed('climate.tau3', 36.54, 'yr', 'Decay time of the medium carbon box.'),
    fixed('climate.tau4', 4.304, 'yr', 'Decay time of the fast carbon box.'),
    fixed('climate.d1', 239, 'yr', 'Response time of the deep-ocean thermal box.'),
    fixed('climate.d2', 4.1, 'yr', 'Response time of the fast thermal box.'),
    fixed('climate.tcr_doubling_time', 69.661, 'yr', 'Years for CO2 to double at 1 %/yr, which defines TCR.'),
  ],
  countryVars: [
    {
      name: 'co2_fossil_mtco2',
      units: 'Mt CO2/yr',
      description: 'Fossil and industry CO2 emissions',
      output: true,
    },
    {
      name: 'climate_damage_fraction',
      units: 'fraction of GDP',
      description: 'Climate damages relative to those of the base year',
      lossChannel: true,
    },
  ],
  globalVars: [
    {
      name: 'co2_fossil_gtco2',
      units: 'Gt CO2/yr',
      description: 'Fossil and industry CO2 (incl. bunkers)',
      output: true,
    },
    { name: 'co2_landuse_gtco2', units: 'Gt CO2/yr', description: 'Net land-use change CO2', output: true },
    {
      name: 'co2_concentration_ppm',
      units: 'ppm',
      description: 'Atmospheric CO2 concentration',
      output: true,
    },
    {
      name: 'forcing_wm2',
      units: 'W/m2',
      description: 'Effective radiative forcing, CO2 and non-CO2',
      output: true,
    },
    {
      name: 'temperature_anomaly_k',
      units: 'K',
      description: 'Global surface warming over the 1850-1900 mean',
      output: true,
    },
    {
      name: 'climate_damage_pct_gdp',
      units: '% of GDP',
      description: 'DICE-2023 damages at this warming',
      output: true,
    },
  ],

  init(state, { data, params }) {
    const fair = fairParams(params);
    const landuseScale = params['climate.landuse_history_scale'];
    const { fs, referenceTemp } = spinUp(fair, data, landuseScale);
    const c = state.country;
    const intensity0 = new Float64Array(state.n);
    for (let i = 0; i < state.n; i++) {
      c.co2_fossil_mtco2[i] = data.base.co2_fossil_mtco2[i];
      intensity0[i] = c.co2_fossil_mtco2[i] / c.gdp_billion_usd2015[i];
    }
    const h = data.climateHistory;
    const last = h.fossil_co2_gtc.length - 1;
    const internal: ClimateInternal = {
      fair,
      fs,
      referenceTemp,
      intensity0,
      worldGdp0: state.global.gdp_trillion_usd2015,
      landuse0Gtco2: (landuseScale * h.landuse_co2_gtc[last]) / C_PER_CO2,
      nonco2Base: h.nonco2_forcing_wm2[last],
      damage0: 0,
    };
    state.internal.climate = internal;
    state.global.co2_fossil_gtco2 = h.fossil_co2_gtc[last] / C_PER_CO2;
    state.global.co2_landuse_gtco2 = internal.landuse0Gtco2;
    internal.damage0 = recordClimate(state, internal, params);
  },

  step(state, year, { data, params }) {
    const s = state.internal.climate as ClimateInternal;
    const elapsed = year - data.baseYear;
    const decline = Portable.pow(1 - params['climate.intensity_decline'], elapsed);
    const c = state.country;
    for (let i = 0; i < state.n; i++)
      c.co2_fossil_mtco2[i] = c.gdp_billion_usd2015[i] * s.intensity0[i] * decline;
    const unallocated =
      data.world.co2_fossil_unallocated_mtco2 * (state.global.gdp_trillion_usd2015 / s.worldGdp0) * decline;
    const fossil = (sum(c.co2_fossil_mtco2) + unallocated) / 1000;
    const landuse =
      s.landuse0Gtco2 * Math.max(0, 1 - elapsed / (params['climate.landuse_zero_year'] - data.baseYear));
    const nonco2 =
      s.nonco2Base +
      params['climate.nonco2_forcing_scale'] *
        (interpolate(data.nonco2Future.year, data.nonco2Future.forcing_wm2, year) - s.nonco2Base);
    fairStep(s.fair, s.fs, (fossil + landuse) * C_PER_CO2, nonco2);
    state.global.co2_fossil_gtco2 = fossil;
    state.global.co2_landuse_gtco2 = landuse;
    const damage = recordClimate(state, s, params);
    c.climate_damage_fraction.fill(1 - (1 - damage) / (1 - s.damage0));
  },
};

/** Copies FaIR's state to the outputs and returns the DICE damage fraction at this warming. */
function recordClimate(state: WorldState, s: ClimateInternal, params: Params): number {
  const anomaly = s.fs.temp - s.referenceTemp;
  const damage = params['climate.damage_quadratic'] * anomaly * anomaly;
  state.global.co2_concentration_ppm = s.fs.conc;
  state.global.forcing_wm2 = s.fs.forcing;
  state.global.temperature_anomaly_k = anomaly;
  state.global.climate_damage_pct_gdp = 100 * damage;
  return damage;
}
