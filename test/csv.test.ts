import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../src/output/csv.js';

describe('CSV output', () => {
  it('round-trips any text and finite number through a standard CSV parser', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true })), {
          maxLength: 20,
        }),
        (rows) => {
          const text = toCsv(['detail', 'value_pct'], rows);
          const back: string[][] = parse(text, { relax_column_count: false });
          expect(back[0]).toEqual(['detail', 'value_pct']);
          expect(back.slice(1).map((r) => r[0])).toEqual(rows.map(([s]) => s));
          for (const [k, [, x]] of rows.entries()) {
            expect(Number(back[k + 1][1])).toBe(Number(x.toPrecision(10)));
          }
        },
      ),
    );
  });

  it('refuses a non-finite number, naming the column', () => {
    expect(() => toCsv(['year', 'gdp'], [[2030, Number.NaN]])).toThrow(/column gdp/);
  });
});
