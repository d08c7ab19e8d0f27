/**
 * Elementary functions that give the same bits in every JavaScript engine, for the model core.
 *
 * Math.exp, log, expm1, asin, sin, cos and pow are not specified to the bit, and V8 versions differ: against
 * Node 20, Debian's Chromium returned other last bits for 2-10 % of 20,000 random arguments of each. A run in
 * the browser must give the CLI's numbers ("same seed, same bytes"), and the model amplifies an ulp now and
 * then (one crisis-loss cell moved in its tenth digit), so the core uses these instead: only additions,
 * multiplications, divisions and square roots, which IEEE 754 fixes exactly. Accuracy: a few ulps.
 * Constants that are not exact in binary are written out (correctly rounded), never computed at load time.
 */

/** ln 2 split so that k * LN2_HI is exact for |k| < 2^20 (fdlibm's ln2_hi, ln2_lo). */
const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;
const STEPS = 32;
/** The reduction's constants: 32/ln 2, and ln2/32 in the two parts (exact divisions by a power of two). */
const INV_STEP = STEPS / Math.LN2;
const STEP_HI = LN2_HI / STEPS;
const STEP_LO = LN2_LO / STEPS;
/** 2^(j/32), j = 0..31, correctly rounded. */
const FRACTIONS = Float64Array.of(
  1.0,
  1.0218971486541166,
  1.0442737824274138,
  1.0671404006768237,
  1.0905077326652577,
  1.1143867425958924,
  1.1387886347566916,
  1.1637248587775775,
  1.189207115002721,
  1.215247359980469,
  1.241857812073484,
  1.2690509571917332,
  1.2968395546510096,
  1.3252366431597413,
  1.3542555469368927,
  1.383909881963832,
  Math.SQRT2,
  1.4451808069770467,
  1.4768261459394993,
  1.5091644275934228,
  1.5422108254079407,
  1.5759808451078865,
  1.6104903319492543,
  1.645755478153965,
  1.681792830507429,
  1.718619298122478,
  1.7562521603732995,
  1.7947090750031072,
  1.8340080864093424,
  1.8741676341103,
  1.9152065613971474,
  1.9571441241754002,
);
const HALF_PI = 1.5707963267948966;
/** Adding and subtracting 1.5 * 2^52 rounds a double to the nearest integer. */
const ROUNDER = 6755399441055744;

/** 2^m for m = -1075..1023 at [m + 1075], built by exact doublings and halvings. */
const POWERS = new Float64Array(2099);
POWERS[1075] = 1;
for (let m = 1; m <= 1023; m++) POWERS[1075 + m] = POWERS[1074 + m] * 2;
for (let m = 1; m <= 1075; m++) POWERS[1075 - m] = POWERS[1076 - m] / 2;

/** e^x (Tang 1989, ACM TOMS 15(2)): x = (32 m + j) ln2/32 + r, |r| <= ln2/64, e^r by its Taylor series. */
export function exp(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x > 709.782712893384) return Number.POSITIVE_INFINITY;
  if (x < -745.1332191019412) return 0;
  const kf = x * INV_STEP + ROUNDER - ROUNDER;
  const r = x - kf * STEP_HI - kf * STEP_LO;
  const k = kf | 0;
  const p =
    1 + r * (1 + r * (1 / 2 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120 + r * (1 / 720 + r * (1 / 5040)))))));
  return POWERS[(k >> 5) + 1075] * (FRACTIONS[k & 31] * p);
}

/** A double's bits: the high word holds the sign, the exponent and the top of the mantissa. */
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const HIGH = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1 ? 1 : 0;
/** ln(1 + j/64), j = 0..63, correctly rounded. */
const LN_F = Float64Array.of(
  0.0,
  0.015504186535965254,
  0.030771658666753687,
  0.0458095360312942,
  0.06062462181643484,
  0.07522342123758753,
  0.08961215868968714,
  0.10379679368164356,
  0.11778303565638346,
  0.13157635778871926,
  0.1451820098444979,
  0.15860503017663857,
  0.17185025692665923,
  0.184922338494012,
  0.19782574332991987,
  0.21056476910734964,
  0.22314355131420976,
  0.2355660713127669,
  0.24783616390458127,
  0.25995752443692605,
  0.27193371548364176,
  0.2837681731306446,
  0.2954642128938359,
  0.3070250352949119,
  0.3184537311185346,
  0.329753286372468,
  0.3409265869705932,
  0.3519764231571782,
  0.3629054936893685,
  0.37371640979358406,
  0.38441169891033206,
  0.394993808240869,
  0.4054651081081644,
  0.415827895143711,
  0.4260843953109001,
  0.43623676677491807,
  0.44628710262841953,
  0.4562374334815876,
  0.46608972992459924,
  0.4758459048699639,
  0.4855078157817008,
  0.4950772667978515,
  0.5045560107523953,
  0.5139457511022343,
  0.5232481437645479,
  0.5324647988694718,
  0.5415972824327444,
  0.5506471179526623,
  0.5596157879354227,
  0.5685047353526688,
  0.5773153650348236,
  0.5860490450035782,
  0.5947071077466928,
  0.6032908514380843,
  0.6118015411059929,
  0.6202404097518576,
  0.6286086594223741,
  0.6369074622370692,
  0.6451379613735847,
  0.6533012720127457,
  0.661398482245365,
  0.6694306539426292,
  0.6773988235918061,
  0.6853040030989194,
);

/**
 * ln x: x = 2^e m with m in [1, 2), m = F + f with F = 1 + j/64 the nearest knot below, and
 * ln m = ln F + 2 atanh(s), s = f/(2F + f), |s| < 1/128, by four terms of its series (truncation below 1e-19).
 */
export function log(x: number): number {
  if (!(x > 0)) return x === 0 ? Number.NEGATIVE_INFINITY : Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return x;
  let e = 0;
  F64[0] = x;
  if (x < 2.2250738585072014e-308) {
    F64[0] = x * 18014398509481984; // 2^54: subnormals to normal
    e = -54;
  }
  const hi = U32[HIGH];
  e += ((hi >>> 20) & 0x7ff) - 1023;
  U32[HIGH] = (hi & 0x000fffff) | 0x3ff00000; // the same mantissa with exponent 0: m in [1, 2)
  const m = F64[0];
  if (e === -1 && m > Math.SQRT2) return nearOneBelow(m / 2);
  const j = (hi >>> 14) & 63; // the mantissa's top six bits
  const F = 1 + j / 64;
  const f = m - F;
  const s = f / (2 * F + f);
  const s2 = s * s;
  const atanh = s + s * s2 * (1 / 3 + s2 * (1 / 5 + s2 * (1 / 7)));
  return e * LN2_HI + (LN_F[j] + (e * LN2_LO + 2 * atanh));
}

/** 1/(2k + 3), k = 0..11, for the series of atanh. */
const ODD = Float64Array.from({ length: 12 }, (_, k) => 1 / (2 * k + 3));

/**
 * ln y for y in (sqrt(1/2), 1) directly, without the cancellation of -ln 2 + ln 2y: 2 atanh(s),
 * s = (y - 1)/(y + 1), |s| < 0.172, by twelve terms of its series (truncation below 1e-19).
 */
function nearOneBelow(y: number): number {
  const s = (y - 1) / (y + 1);
  const s2 = s * s;
  let series = ODD[11];
  for (let k = 10; k >= 0; k--) series = ODD[k] + s2 * series;
  return 2 * (s + s * s2 * series);
}

/** 1/k!, k = 0..16, for Taylor series. */
const INVERSE_FACTORIAL = new Float64Array(17);
INVERSE_FACTORIAL[0] = 1;
for (let k = 1; k < 17; k++) INVERSE_FACTORIAL[k] = INVERSE_FACTORIAL[k - 1] / k;

/**
 * e^x - 1 without cancellation for small x: its Taylor series (to x^16, truncation below 1e-19 relative) for
 * |x| <= 0.35, e^x - 1 beyond (where the subtraction loses at most two bits).
 */
export function expm1(x: number): number {
  if (!(Math.abs(x) <= 0.35)) return exp(x) - 1;
  let sum = INVERSE_FACTORIAL[16];
  for (let k = 15; k >= 1; k--) sum = INVERSE_FACTORIAL[k] + x * sum;
  return x * sum;
}

/**
 * ln(1 + x) without losing small x: with u = 1 + x rounded, ln(u) x / (u - 1) cancels the rounding error of u
 * (Goldberg 1991, ACM Computing Surveys 23(1), Theorem 4).
 */
export function log1p(x: number): number {
  const u = 1 + x;
  return u === 1 ? x : (log(u) * x) / (u - 1);
}

/** x^y: integer powers by repeated squaring (an exact sequence of products), others as e^(y ln x). */
export function pow(x: number, y: number): number {
  if (Number.isInteger(y) && Math.abs(y) <= 64) {
    let n = Math.abs(y);
    let base = x;
    let result = 1;
    while (n > 0) {
      if (n & 1) result *= base;
      base *= base;
      n >>= 1;
    }
    return y < 0 ? 1 / result : result;
  }
  return exp(y * log(x));
}

/** sin x for |x| <= pi: folded into [-pi/2, pi/2], then its Taylor series (truncation below 1e-17). */
export function sin(x: number): number {
  if (!(Math.abs(x) <= Math.PI)) throw new RangeError(`sin: ${x} is outside [-pi, pi]`);
  const y = x > HALF_PI ? Math.PI - x : x < -HALF_PI ? -Math.PI - x : x;
  const y2 = y * y;
  let term = y;
  let s = y;
  for (let k = 1; k <= 10; k++) {
    term *= -y2 / (2 * k * (2 * k + 1));
    s += term;
  }
  return s;
}

/** cos x for |x| <= pi. */
export function cos(x: number): number {
  if (!(Math.abs(x) <= Math.PI)) throw new RangeError(`cos: ${x} is outside [-pi, pi]`);
  const folded = Math.abs(x) > HALF_PI;
  const y = folded ? Math.PI - Math.abs(x) : x;
  const y2 = y * y;
  let term = 1;
  let c = 1;
  for (let k = 1; k <= 11; k++) {
    term *= -y2 / ((2 * k - 1) * (2 * k));
    c += term;
  }
  return folded ? -c : c;
}

/** asin y for |y| <= 1: its series on [0, 1/2], and asin y = pi/2 - 2 asin(sqrt((1 - y)/2)) above. */
export function asin(y: number): number {
  if (!(Math.abs(y) <= 1)) return Number.NaN;
  const a = Math.abs(y);
  const result = a <= 0.5 ? asinSeries(a) : HALF_PI - 2 * asinSeries(Math.sqrt((1 - a) / 2));
  return y < 0 ? -result : result;
}

function asinSeries(z: number): number {
  const z2 = z * z;
  let coefficient = 1; // (2k)! / (4^k (k!)^2)
  let power = z;
  let sum = z;
  for (let k = 1; k <= 30; k++) {
    coefficient *= (2 * k - 1) / (2 * k);
    power *= z2;
    sum += (coefficient * power) / (2 * k + 1);
  }
  return sum;
}
