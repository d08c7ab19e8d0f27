/**
 * The yearly dispute hazard of every pair of states, from the estimated logit (scripts/estimate-conflict.ts):
 *
 *   logit P(MID onset_ij,t) = b0 + b_lo min(D_i, D_j) + b_hi max(D_i, D_j) + b_dep dep_ij + b_igo IGO_ij
 *       + b_ally ALLY_ij + b_cont CONT_ij + b_dist ln DIST_ij + b_cap |ln C_i - ln C_j| + b_maj MAJOR_ij
 *       + g(min(peace-years_ij, T)) + b_nat min(dN_i, dN_j)
 *
 * with g the Carter-Signorino cubic held at its value at T, the largest peace-years in the training data
 * (the cubic is not extrapolated); dN the rise in a public's nationalist support since the base year (the
 * joint-nationalism assumption: only a rise shared by both publics counts); and the lower trade dependence
 *
 *   dep_ij = T_ij / max(Y_i, Y_j),  T_ij(t) = T_ij(0) a_i a_j k_ij,  a_i = g_i o_i / sqrt(g_W),  Y_i = Y_i(0) g_i,
 *
 * where g is real GDP relative to the base year (g_W for the world), so bilateral trade follows the gravity
 * equation with unit income elasticities (Anderson and van Wincoop 2003); o_i is the change in the country's
 * trade openness (1 without a trade module) and k_ij the share of the pair's trade left by war.
 *
 * IGO and ALLY are dyad variables of the state (joint_igo_memberships, defence_pact) that scenario events or
 * other modules may change, so they are read every year.
 *
 * Speed (about 19,000 pairs a year): the terms fixed over a run are summed once per pair, and the
 * peace-years term is folded in and updated only for pairs whose peace-years are below T; min and max of
 * two numbers are written as (a + b -+ |a - b|) / 2 so that the country parts are computed once per state:
 *   b_lo min + b_hi max = (b_lo + b_hi)/2 (D_i + D_j) + (b_hi - b_lo)/2 |D_i - D_j|,
 *   b_nat min(dN_i, dN_j) = b_nat/2 (dN_i + dN_j) - b_nat/2 |dN_i - dN_j|.
 *
 * Onsets are drawn in the same pass, each pair independently with its own hazard but with one uniform draw
 * per onset rather than one per pair (sequential search): the first onset at or after pair s is the first
 * m with prod_{s..m} (1 - p_k) < U, U uniform on [0, 1), since P(no onset in s..m) = prod_{s..m} (1 - p_k)
 * = P(U <= that product); after an onset the search restarts at the next pair with a fresh U. The draws are
 * independent, so the onsets have exactly the distribution of independent Bernoulli trials.
 */

import * as Portable from '../portable.js';
import type { Rng } from '../rng.js';
import { pairCount } from './pairs.js';

/** The coefficients of the terms that change over a run, resolved from the parameter registry. */
export interface HazardModel {
  readonly democracyLow: number;
  readonly democracyHigh: number;
  readonly dependenceLow: number;
  readonly jointIgos: number;
  readonly alliance: number;
  readonly logCapabilityRatio: number;
  readonly jointNationalism: number;
}

/** Per country, this year. */
export interface CountryTerms {
  readonly democracy: Float64Array;
  /** ln C_i: log capability. */
  readonly logCapability: Float64Array;
  /** a_i: the country's factor in its bilateral trade. */
  readonly tradeScale: Float64Array;
  /** 1 / Y_i: inverse nominal GDP, in the units of the pairs' trade. */
  readonly inverseGdp: Float64Array;
  /** dN_i: rise in nationalist support since the base year. */
  readonly nationalismRise: Float64Array;
}

export class DyadHazards {
  /** This year's hazard per pair (packed, see ./pairs.ts). */
  readonly hazard: Float64Array;
  /** The pairs drawn to begin a dispute this year, in pair order: the first `onsetCount` entries. */
  readonly onsets: Int32Array;
  onsetCount = 0;
  /** Year of each pair's latest dispute onset. */
  readonly lastDispute: Int16Array;
  /** Fixed terms plus this year's peace-years term. */
  private readonly eta0: Float64Array;
  /** Trade both ways now, before the gravity scaling: base-year trade times the share left by war. */
  private readonly trade: Float64Array;
  /** Pairs whose peace-years are below the cap, whose term still changes. */
  private young: Int32Array;
  private youngCount = 0;
  private readonly isYoung: Uint8Array;
  /** Per country: the additive part of the democracy and nationalism terms, and b_dep a_i. */
  private readonly half: Float64Array;
  private readonly scale: Float64Array;

  constructor(
    readonly n: number,
    /** b0 + b_cont CONT + b_dist ln DIST + b_maj MAJOR, per pair. */
    private readonly fixedEta: Float64Array,
    /** Trade both ways in the trade data's year, per pair. */
    private readonly trade0: Float64Array,
    lastDispute: ArrayLike<number>,
    /** g(t) for t = 0..T. */
    private readonly peaceYearsEffect: Float64Array,
  ) {
    const P = pairCount(n);
    this.hazard = new Float64Array(P);
    this.onsets = new Int32Array(P);
    this.lastDispute = Int16Array.from(lastDispute);
    this.eta0 = new Float64Array(P);
    this.trade = Float64Array.from(trade0);
    this.isYoung = new Uint8Array(P);
    this.young = new Int32Array(P);
    const cap = peaceYearsEffect.length - 1;
    for (let k = 0; k < P; k++) {
      this.eta0[k] = fixedEta[k] + peaceYearsEffect[cap];
      this.markYoung(k);
    }
    this.half = new Float64Array(n);
    this.scale = new Float64Array(n);
  }

  /** Records a dispute onset: the pair's peace-years start again. */
  dispute(k: number, year: number): void {
    this.lastDispute[k] = year;
    this.markYoung(k);
  }

  /** Sets the share of the pair's trade left by war (1: none lost). */
  setTradeKept(k: number, kept: number): void {
    this.trade[k] = this.trade0[k] * kept;
  }

  private markYoung(k: number): void {
    if (this.isYoung[k]) return;
    this.isYoung[k] = 1;
    this.young[this.youngCount++] = k;
  }

  /** Updates the peace-years term of the young pairs for `year`, retiring those that reach the cap. */
  private agePeaceYears(year: number): void {
    const g = this.peaceYearsEffect;
    const cap = g.length - 1;
    for (let r = 0; r < this.youngCount; ) {
      const k = this.young[r];
      const t = year - 1 - this.lastDispute[k];
      if (t >= cap) {
        this.eta0[k] = this.fixedEta[k] + g[cap];
        this.isYoung[k] = 0;
        this.young[r] = this.young[--this.youngCount];
        continue;
      }
      this.eta0[k] = this.fixedEta[k] + g[Math.max(t, 0)];
      r++;
    }
  }

  /**
   * Fills `hazard` for `year` and returns the expected number of onsets (the sum). With a generator, also
   * draws which pairs begin a dispute (`onsets`, `onsetCount`). `igo` and `pact` are the N x N joint-IGO
   * and defence-pact matrices (row-major, read above the diagonal).
   */
  compute(
    m: HazardModel,
    c: CountryTerms,
    igo: Float64Array,
    pact: Float64Array,
    year: number,
    rng?: Rng,
  ): number {
    this.agePeaceYears(year);
    const n = this.n;
    const { half, scale, eta0, trade, hazard, onsets } = this;
    const meanDemocracy = 0.5 * (m.democracyLow + m.democracyHigh);
    const spreadDemocracy = 0.5 * (m.democracyHigh - m.democracyLow);
    const meanNationalism = 0.5 * m.jointNationalism;
    for (let i = 0; i < n; i++) {
      half[i] = meanDemocracy * c.democracy[i] + meanNationalism * c.nationalismRise[i];
      scale[i] = c.tradeScale[i] * m.dependenceLow;
    }
    const { democracy, nationalismRise, logCapability, tradeScale, inverseGdp } = c;
    const bCap = m.logCapabilityRatio;
    const bIgo = m.jointIgos;
    const bAlly = m.alliance;
    let expected = 0;
    let count = 0;
    let survival = 1;
    let u = rng ? rng.uniform() : -1;
    let k = 0;
    for (let i = 0; i < n; i++) {
      const hi = half[i];
      const di = democracy[i];
      const ni = nationalismRise[i];
      const ci = logCapability[i];
      const ai = scale[i];
      const yi = inverseGdp[i];
      const row = i * n;
      for (let j = i + 1; j < n; j++, k++) {
        const yj = inverseGdp[j];
        const eta =
          eta0[k] +
          hi +
          half[j] +
          spreadDemocracy * Math.abs(di - democracy[j]) -
          meanNationalism * Math.abs(ni - nationalismRise[j]) +
          bCap * Math.abs(ci - logCapability[j]) +
          ai * tradeScale[j] * trade[k] * Math.min(yi, yj) +
          bIgo * igo[row + j] +
          bAlly * pact[row + j];
        const e = Portable.exp(eta);
        const q = 1 / (1 + e);
        const p = e * q;
        hazard[k] = p;
        expected += p;
        survival *= q;
        if (survival < u) {
          onsets[count++] = k;
          survival = 1;
          u = rng!.uniform();
        }
      }
    }
    this.onsetCount = count;
    return expected;
  }
}
