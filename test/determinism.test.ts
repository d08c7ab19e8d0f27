/**
 * Determinism. "Same seed, same bytes in Node and in the browser": the model core computes exp, log, expm1, powers, sin, cos
 * and asin with src/model/portable.ts, never with ** or Math's versions, whose last bits differ between V8
 * versions (Node 20 and Debian's Chromium did, for 2-10 % of random arguments). And each module draws from
 * its own stream, so that adding a module does not change the others' draws.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asin, cos, exp, expm1, log, log1p, pow, sin } from '../src/model/portable.js';
import { moduleRng } from '../src/model/rng.js';

const MODEL = fileURLToPath(new URL('../src/model', import.meta.url));

/** Source without comments, so that an equation quoted in a comment does not count. */
const code = (path: string) =>
  readFileSync(path, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');

describe('portable powers and trigonometry', () => {
  it('sin and cos agree with Math.sin and Math.cos to an ulp or two on [-pi, pi], and refuse beyond', () => {
    fc.assert(
      fc.property(fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }), (x) => {
        expect(Math.abs(sin(x) - Math.sin(x))).toBeLessThanOrEqual(4 * Number.EPSILON);
        expect(Math.abs(cos(x) - Math.cos(x))).toBeLessThanOrEqual(4 * Number.EPSILON);
      }),
    );
    expect(sin(Math.PI / 6)).toBeCloseTo(0.5, 15);
    expect(cos(Math.PI)).toBe(-1);
    expect(() => sin(4)).toThrow(RangeError);
  });

  it('no ** and no Math function that is not exact by IEEE 754 in the model core', () => {
    const offenders = (readdirSync(MODEL, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts'))
      .filter((f) =>
        /\*\*|Math\.(pow|exp|expm1|log|log1p|log2|log10|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|cbrt|hypot)\b/.test(
          code(join(MODEL, f)),
        ),
      );
    expect(offenders).toEqual([]);
  });

  it('exp, log, log1p, expm1 and asin agree with Math to a few ulps; exp(0) = 1, log(1) = 0 exactly', () => {
    const ulps = (a: number, b: number) => Math.abs(a - b) / (Number.EPSILON * Math.max(Math.abs(b), 1e-300));
    fc.assert(
      fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (x) => {
        expect(ulps(exp(x), Math.exp(x))).toBeLessThanOrEqual(4);
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), (x) => {
        expect(Math.abs(log(x) - Math.log(x))).toBeLessThanOrEqual(
          4 * Number.EPSILON * Math.max(1, Math.abs(Math.log(x))),
        );
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x) => {
        expect(ulps(expm1(x), Math.expm1(x))).toBeLessThanOrEqual(8);
      }),
    );
    // log1p keeps its relative accuracy where 1 + x rounds away most of x.
    fc.assert(
      fc.property(fc.double({ min: -0.999, max: 1e6, noNaN: true }), (x) => {
        expect(ulps(log1p(x), Math.log1p(x))).toBeLessThanOrEqual(8);
      }),
    );
    expect(log1p(1e-20)).toBe(1e-20);
    fc.assert(
      fc.property(fc.double({ min: -1, max: 1, noNaN: true }), (y) => {
        expect(Math.abs(asin(y) - Math.asin(y))).toBeLessThanOrEqual(4 * Number.EPSILON);
      }),
    );
    // Relative accuracy also just below 1, where ln x is small.
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 2, noNaN: true }), (x) => {
        expect(ulps(log(x), Math.log(x))).toBeLessThanOrEqual(8);
      }),
    );
    expect(exp(0)).toBe(1);
    expect(log(1)).toBe(0);
    expect(log(5e-324)).toBeCloseTo(Math.log(5e-324), 12);
    expect(exp(-800)).toBe(0);
    expect(exp(800)).toBe(Number.POSITIVE_INFINITY);
    expect(log(-1)).toBeNaN();
  });

  it('integer powers are exact products; others agree with Math.pow to a few ulps', () => {
    expect(pow(3, 4)).toBe(81);
    expect(pow(2, -3)).toBe(0.125);
    expect(pow(0.5, 0)).toBe(1);
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.double({ min: -8, max: 8, noNaN: true }),
        (x, y) => {
          const want = x ** y;
          expect(Math.abs(pow(x, y) - want)).toBeLessThanOrEqual(64 * Number.EPSILON * want);
        },
      ),
    );
  });
});

describe('module streams', () => {
  it('are the same for the same seed and module, and differ between modules and between seeds', () => {
    const draws = (seed: number, name: string) => {
      const r = moduleRng(seed, name);
      return [r.uniform(), r.uniform(), r.uniform()];
    };
    expect(draws(7, 'trade')).toEqual(draws(7, 'trade'));
    expect(draws(7, 'trade')).not.toEqual(draws(7, 'labor'));
    expect(draws(7, 'trade')).not.toEqual(draws(8, 'trade'));
  });
});
