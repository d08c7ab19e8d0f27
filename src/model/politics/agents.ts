/**
 * The agent-based opinion mode: each country a population of K citizens on a homophilous social network,
 * opinions (0 internationalist .. 1 nationalist) updated by bounded confidence (Deffuant, Neau, Amblard and
 * Weisbuch 2000, Advances in Complex Systems 3: two citizens whose opinions differ by less than the
 * confidence bound move toward each other by a share mu of the gap), with
 *   - a prior per citizen (a stubborn anchor, as in Friedkin and Johnsen 1990): sigmoid(level_c + z_r) for the
 *     citizen of rank r, where z_r = logit((r + 1/2) / K) are the quantiles of the standard logistic
 *     distribution, so that with no social influence the share of citizens whose prior is nationalist is
 *     exactly sigmoid(level_c); economic grievance shifts level_c, and so every prior in the country. With
 *     q = (r + 1/2) / K and E = exp(level_c) the prior is q E / (1 - q + q E): no exponential per citizen;
 *   - disinformation sources sitting at the nationalist extreme (opinion 1), reaching each citizen
 *     lambda = rate x intensity x (1 - media literacy) times a year (the expected number of encounters); each
 *     encounter pulls a citizen within the confidence bound eps0 of the source by mu times the gap
 *     (Deffuant's rule) and one further away by mu eps0^2 / gap, less the further it is (a soft bound: a
 *     distant message persuades a little);
 *   - media literacy widening the confidence bound (citizens listen further across the divide).
 * Nationalist support is the share of citizens with opinion above 1/2; polarization is four times the
 * variance of opinion, as in the aggregate mode.
 *
 * Built for speed: struct-of-arrays typed arrays, the network in compressed sparse row form, no per-agent
 * objects, one xorshift32 stream per country, and citizens indexed by the rank of their prior, so that the
 * prior needs no storage and homophilous links are short in memory.
 */
import * as Portable from '../portable.js';
import type { Rng } from '../rng.js';
import { logit } from './support.js';

export interface AgentParams {
  /** Links per citizen. */
  readonly degree: number;
  /** Share of links to citizens of similar prior (the rest go to random citizens of the same country). */
  readonly homophily: number;
  /** Share of the gap to the prior a citizen closes each year. */
  readonly anchoring: number;
  /** Share of the gap two interacting citizens close (Deffuant's mu). */
  readonly convergence: number;
  /** Confidence bound at zero media literacy. */
  readonly confidence: number;
  /** How much full media literacy widens the bound. */
  readonly confidenceLiteracy: number;
  /** Yearly chance of meeting a disinformation source at intensity 1 and zero media literacy. */
  readonly disinformationRate: number;
}

export interface Agents {
  readonly countries: number;
  readonly perCountry: number;
  /** Opinion of each citizen, 0..1; citizens of country c are [c K, (c + 1) K), in the rank order of their priors. */
  readonly opinion: Float32Array;
  /** CSR row starts: the links of citizen g are neighbour[start[g] .. start[g + 1]). */
  readonly start: Int32Array;
  /** CSR column indices: global citizen ids. */
  readonly neighbour: Int32Array;
  /** One xorshift32 state per country. */
  readonly rngState: Uint32Array;
  /** Prior level of each country, logit. */
  readonly level: Float64Array;
}

/** Bytes of typed-array memory per citizen. */
export function bytesPerAgent(degree: number): number {
  return Float32Array.BYTES_PER_ELEMENT + Int32Array.BYTES_PER_ELEMENT * (1 + degree);
}

/** Memory the agent arrays of a whole run need, in bytes. */
export function agentMemoryBytes(countries: number, perCountry: number, degree: number): number {
  return countries * perCountry * bytesPerAgent(degree);
}

/** The largest array JavaScript engines allocate reliably (2^31 - 1 elements). */
const MAX_ELEMENTS = 2147483647;

/** xorshift32 (Marsaglia 2003): one step of the state. */
function xorshift(x: number): number {
  x ^= x << 13;
  x ^= x >>> 17;
  x ^= x << 5;
  return x >>> 0;
}

export function createAgents(countries: number, perCountry: number, p: AgentParams, rng: Rng): Agents {
  const k = perCountry;
  const degree = Math.round(p.degree);
  const total = countries * k;
  if (!Number.isInteger(k) || k < 1)
    throw new RangeError(`agents per country must be a positive integer, got ${k}`);
  if (total * degree > MAX_ELEMENTS)
    throw new RangeError(`${total} agents with ${degree} links each is too many`);
  const opinion = new Float32Array(total);
  const start = new Int32Array(total + 1);
  const neighbour = new Int32Array(total * degree);
  const rngState = new Uint32Array(countries);
  const level = new Float64Array(countries);
  // Homophilous links go to ranks within this window on either side.
  const window = Math.max(1, degree);
  for (let c = 0; c < countries; c++) {
    let s = (Math.floor(rng.uniform() * 4294967296) | 1) >>> 0;
    const base = c * k;
    for (let r = 0; r < k; r++) {
      const g = base + r;
      start[g] = g * degree;
      for (let e = 0; e < degree; e++) {
        s = xorshift(s);
        const near = (s >>> 8) / 16777216 < p.homophily;
        s = xorshift(s);
        let j: number;
        if (near && k > 1) {
          const step = 1 + (s % window);
          j = r + ((s >>> 16) & 1 ? step : -step);
          if (j < 0 || j >= k) j = r - (j - r); // reflect at the ends of the rank order
          j = Math.max(0, Math.min(k - 1, j));
        } else {
          j = s % k;
        }
        neighbour[g * degree + e] = base + j;
      }
    }
    rngState[c] = s;
  }
  start[total] = total * degree;
  return { countries, perCountry: k, opinion, start, neighbour, rngState, level };
}

/** The prior of the citizen of rank r among k, at prior level E = exp(level): sigmoid(level + logit(q)). */
function prior(r: number, k: number, e: number): number {
  const q = (r + 0.5) / k;
  return (q * e) / (1 - q + q * e);
}

/** Every citizen's opinion set to its prior (at the current levels). */
export function resetOpinions(a: Agents): void {
  const k = a.perCountry;
  for (let c = 0; c < a.countries; c++) {
    const e = Portable.exp(a.level[c]);
    for (let r = 0; r < k; r++) a.opinion[c * k + r] = prior(r, k, e);
  }
}

/**
 * One yearly update of one country: every citizen moves toward its prior, takes the pull of `exposure`
 * encounters with disinformation, and meets one random neighbour, who moves it (and is moved) only within the
 * confidence bound `bound`. Citizens are visited in rank order from a random starting point, upward or
 * downward at random each year: sequential access runs about twice as fast as a scrambled order, and the
 * random start and direction keep the order from favouring one end of opinion.
 */
export function sweepCountry(a: Agents, c: number, exposure: number, bound: number, p: AgentParams): void {
  const k = a.perCountry;
  const base = c * k;
  const { opinion, start, neighbour } = a;
  const e = Portable.exp(a.level[c]);
  const invK = 1 / k;
  const alpha = p.anchoring;
  const mu = p.convergence;
  // Literacy widens the bound toward fellow citizens; against disinformation it acts by lowering exposure.
  const reach = p.confidence * p.confidence;
  const pull = p.convergence * exposure;
  let s = xorshift(a.rngState[c]);
  let pos = s % k;
  const step = s >>> 31 ? 1 : k - 1;
  for (let t = 0; t < k; t++) {
    const g = base + pos;
    pos += step;
    if (pos >= k) pos -= k;
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    const q = (g - base + 0.5) * invK;
    let o = opinion[g];
    o += alpha * ((q * e) / (1 - q + q * e) - o);
    // Disinformation from the extreme pulls the citizen toward it (a soft confidence bound).
    const gap = 1 - o;
    o += Math.min(gap, pull * (gap < p.confidence ? gap : reach / gap));
    const first = start[g];
    const j = neighbour[first + (((s & 0xffff) * (start[g + 1] - first)) >>> 16)];
    const oj = opinion[j];
    const d = oj - o;
    if (d < bound && d > -bound) {
      o += mu * d;
      opinion[j] = oj - mu * d;
    }
    opinion[g] = o;
  }
  a.rngState[c] = s;
}

/** One yearly update of every country. */
export function sweep(a: Agents, exposure: Float64Array, bound: Float64Array, p: AgentParams): void {
  for (let c = 0; c < a.countries; c++) sweepCountry(a, c, exposure[c], bound[c], p);
}

/** Nationalist support (share of opinions above 1/2) and polarization (4 x variance) of one country. */
export function measure(a: Agents, c: number): { support: number; polarization: number } {
  const k = a.perCountry;
  let above = 0;
  let sum = 0;
  let sumSq = 0;
  for (let g = c * k; g < (c + 1) * k; g++) {
    const o = a.opinion[g];
    if (o > 0.5) above++;
    sum += o;
    sumSq += o * o;
  }
  const mean = sum / k;
  // Half a citizen either way keeps support inside (0, 1) for any K.
  const support = Math.min(Math.max(above, 0.5), k - 0.5) / k;
  return { support, polarization: Math.max(0, 4 * (sumSq / k - mean * mean)) };
}

/** Rounds of calibration at the start of a run, and sweeps in each (numerical settings, not coefficients). */
const CALIBRATION_ROUNDS = 5;
const CALIBRATION_SWEEPS = 8;

/**
 * Sets each country's prior level so that, with the base-year information environment, the agents'
 * support settles at the observed base-year support: a few rounds of sweeps, each followed by a correction
 * of the level by the logit gap between observed and simulated support. Returns the calibrated levels.
 */
export function calibrate(
  a: Agents,
  support: ArrayLike<number>,
  exposure: Float64Array,
  bound: Float64Array,
  p: AgentParams,
): Float64Array {
  for (let c = 0; c < a.countries; c++) a.level[c] = logit(support[c]);
  resetOpinions(a);
  for (let round = 0; round < CALIBRATION_ROUNDS; round++) {
    for (let k = 0; k < CALIBRATION_SWEEPS; k++) sweep(a, exposure, bound, p);
    for (let c = 0; c < a.countries; c++) {
      a.level[c] += logit(support[c]) - logit(measure(a, c).support);
    }
  }
  return Float64Array.from(a.level);
}
