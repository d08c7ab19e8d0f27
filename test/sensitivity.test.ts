/**
 * The sensitivity estimators on test functions whose answers are known analytically:
 *   Ishigami and Homma (1990): f = sin x1 + a sin^2 x2 + b x3^4 sin x1, x_i uniform on [-pi, pi], a = 7,
 *     b = 0.1; first-order and total Sobol' indices in closed form (Saltelli et al. 2008, Global
 *     Sensitivity Analysis: The Primer, section 4.9; Sobol' and Levitan 1999).
 *   Sobol's G function (Saltelli and Sobol' 1995): g = prod (|4 x_i - 2| + a_i) / (1 + a_i), x_i uniform on
 *     [0, 1]; the smaller a_i, the more important x_i, with closed-form indices. Campolongo et al. (2007)
 *     test Morris's mu* on it.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../src/model/rng.js';
import { morrisDesign, morrisMeasures } from '../src/sensitivity/morris.js';
import { saltelliDesign, sobolIndices } from '../src/sensitivity/sobol.js';

const A = 7;
const B = 0.1;
const PI = Math.PI;

function ishigami(u: ArrayLike<number>, at: number): number {
  const [x1, x2, x3] = [0, 1, 2].map((i) => -PI + 2 * PI * u[at + i]);
  return Math.sin(x1) + A * Math.sin(x2) ** 2 + B * x3 ** 4 * Math.sin(x1);
}

/** Closed-form Ishigami indices. */
const V = (A * A) / 8 + (B * PI ** 4) / 5 + (B * B * PI ** 8) / 18 + 0.5;
const V1 = 0.5 * (1 + (B * PI ** 4) / 5) ** 2;
const V2 = (A * A) / 8;
const V13 = B * B * PI ** 8 * (1 / 18 - 1 / 50);
const FIRST = [V1 / V, V2 / V, 0];
const TOTAL = [(V1 + V13) / V, V2 / V, V13 / V];

function ishigamiIndices(n: number, seed: number, resamples: number, level = 0.95) {
  const rng = createRng(seed);
  const design = saltelliDesign(n, 3, rng);
  const y = Float64Array.from({ length: n * 5 }, (_, j) => ishigami(design.points, j * 3));
  return sobolIndices(design, y, rng, resamples, level);
}

describe('Sobol indices (Saltelli 2010 first-order, Jansen 1999 total) on the Ishigami function', () => {
  it('the closed forms are the published values', () => {
    expect(FIRST[0]).toBeCloseTo(0.3139, 4);
    expect(FIRST[1]).toBeCloseTo(0.4424, 4);
    expect(TOTAL[0]).toBeCloseTo(0.5576, 4);
    expect(TOTAL[2]).toBeCloseTo(0.2437, 4);
  });

  it('all six estimates fall within their confidence intervals of the truth, and the intervals are narrow', () => {
    // A 95 % interval misses one time in twenty by design, so six together use Bonferroni's level,
    // 1 - 0.05 / 6, to hold jointly at 95 %; the next test checks the 95 % level itself over many seeds.
    const s = ishigamiIndices(4096, 2024, 2000, 1 - 0.05 / 6);
    for (let i = 0; i < 3; i++) {
      expect(s.firstLo[i], `S${i + 1}`).toBeLessThanOrEqual(FIRST[i]);
      expect(s.firstHi[i], `S${i + 1}`).toBeGreaterThanOrEqual(FIRST[i]);
      expect(s.totalLo[i], `ST${i + 1}`).toBeLessThanOrEqual(TOTAL[i]);
      expect(s.totalHi[i], `ST${i + 1}`).toBeGreaterThanOrEqual(TOTAL[i]);
      // Intervals wide enough to cover anything would pass the lines above: these are narrow.
      expect(s.firstHi[i] - s.firstLo[i]).toBeLessThan(0.15);
      expect(s.totalHi[i] - s.totalLo[i]).toBeLessThan(0.15);
    }
    expect(s.variance).toBeCloseTo(V, 0);
  });

  it('the intervals cover the truth about as often as they claim, over many seeds', () => {
    let covered = 0;
    let count = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const s = ishigamiIndices(400, seed, 300);
      for (let i = 0; i < 3; i++) {
        covered += Number(s.firstLo[i] <= FIRST[i] && FIRST[i] <= s.firstHi[i]);
        covered += Number(s.totalLo[i] <= TOTAL[i] && TOTAL[i] <= s.totalHi[i]);
        count += 2;
      }
    }
    // Nominal 95 %; the percentile bootstrap runs a little under it at small N.
    expect(covered / count).toBeGreaterThan(0.85);
    expect(covered / count).toBeLessThanOrEqual(1);
  });

  it('gives indices of 0, finite intervals included, for an output that never or rarely varies', () => {
    const rng = createRng(5);
    const design = saltelliDesign(16, 3, rng);
    const constant = new Float64Array(16 * 5).fill(2);
    // A count that is 1 in a single run: most bootstrap resamples have no variance at all.
    const rare = Float64Array.from(constant, (_, j) => (j === 3 ? 1 : 0));
    for (const y of [constant, rare]) {
      const s = sobolIndices(design, y, rng, 200);
      for (const xs of [s.first, s.total, s.firstLo, s.firstHi, s.totalLo, s.totalHi])
        for (const x of xs) expect(Number.isFinite(x)).toBe(true);
    }
    const s = sobolIndices(design, constant, rng, 200);
    expect([...s.first, ...s.total]).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('the estimates converge as N grows', () => {
    const err = (n: number) => {
      const s = ishigamiIndices(n, 99, 10);
      return Math.max(
        ...[0, 1, 2].flatMap((i) => [Math.abs(s.first[i] - FIRST[i]), Math.abs(s.total[i] - TOTAL[i])]),
      );
    };
    expect(err(16384)).toBeLessThan(0.03);
    expect(err(16384)).toBeLessThan(err(256));
  });
});

describe('Morris elementary effects (Morris 1991; mu*, Campolongo et al. 2007)', () => {
  const G_A = [0, 1, 4.5, 9, 99, 99, 99, 99];
  const g = (u: ArrayLike<number>, at: number) =>
    G_A.reduce((p, a, i) => (p * (Math.abs(4 * u[at + i] - 2) + a)) / (1 + a), 1);

  it('ranks the inputs of the G function in their true order of importance', () => {
    // Analytic total indices fall with a_i: x1 > x2 > x3 > x4 > x5 = ... = x8.
    const vi = G_A.map((a) => 1 / (3 * (1 + a) ** 2));
    const prod = vi.reduce((p, v) => p * (1 + v), 1);
    const total = vi.map((v) => (v * prod) / (1 + v) / (prod - 1));
    for (let i = 1; i < 4; i++) expect(total[i]).toBeLessThan(total[i - 1]);

    const rng = createRng(7);
    const design = morrisDesign(40, 8, rng);
    const y = Float64Array.from({ length: 40 * 9 }, (_, j) => g(design.points, j * 8));
    const m = morrisMeasures(design, y, rng, 500);
    for (let i = 1; i < 4; i++) expect(m.muStar[i]).toBeLessThan(m.muStar[i - 1]);
    // The unimportant four sit well below x4, and their intervals do not reach it.
    for (let i = 4; i < 8; i++) {
      expect(m.muStarHi[i]).toBeLessThan(m.muStarLo[3]);
      expect(m.muStar[i]).toBeLessThan(m.muStar[3] / 5);
    }
  });

  it('recovers the coefficients of a linear function exactly, with no spread', () => {
    const c = [3, -2, 0.5, 0];
    const rng = createRng(3);
    const design = morrisDesign(10, 4, rng);
    const y = Float64Array.from({ length: 10 * 5 }, (_, j) =>
      c.reduce((s, ci, i) => s + ci * design.points[j * 4 + i], 0),
    );
    const m = morrisMeasures(design, y, rng, 100);
    c.forEach((ci, i) => {
      expect(m.mu[i]).toBeCloseTo(ci, 10);
      expect(m.muStar[i]).toBeCloseTo(Math.abs(ci), 10);
      expect(m.sigma[i]).toBeCloseTo(0, 10);
    });
  });

  it('on Ishigami: every input matters, x3 least and only through its interaction with x1', () => {
    const rng = createRng(11);
    const design = morrisDesign(60, 3, rng);
    const y = Float64Array.from({ length: 60 * 4 }, (_, j) => ishigami(design.points, j * 3));
    const m = morrisMeasures(design, y, rng, 500);
    for (let i = 0; i < 3; i++) expect(m.muStarLo[i]).toBeGreaterThan(1);
    expect(m.muStar[2]).toBeLessThan(Math.min(m.muStar[0], m.muStar[1]));
    // x2 enters additively and symmetrically: on the 4-level grid every one of its effects is +-7.875.
    expect(m.muStar[1]).toBeCloseTo(7.875, 9);
    // x3's effect changes sign with sin x1 and vanishes where sin x1 = 0: a large spread.
    expect(m.sigma[2]).toBeGreaterThan(m.muStar[2]);
  });

  it('builds trajectories on the 4-level grid that move each input once by Delta = 2/3', () => {
    const rng = createRng(5);
    const k = 6;
    const design = morrisDesign(25, k, rng);
    expect(design.delta).toBeCloseTo(2 / 3, 12);
    for (let t = 0; t < 25; t++) {
      const moved = new Set<number>();
      for (let m = 0; m <= k; m++) {
        for (let i = 0; i < k; i++) {
          const x = design.points[(t * (k + 1) + m) * k + i];
          expect([0, 1 / 3, 2 / 3, 1].some((level) => Math.abs(x - level) < 1e-12)).toBe(true);
        }
        if (m === 0) continue;
        const diff = [...Array(k).keys()].filter(
          (i) => design.points[(t * (k + 1) + m) * k + i] !== design.points[(t * (k + 1) + m - 1) * k + i],
        );
        expect(diff).toHaveLength(1);
        moved.add(diff[0]);
      }
      expect(moved.size).toBe(k);
    }
  });
});
