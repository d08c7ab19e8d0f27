/** The streaming CSV reader and the peace-years counter. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { peaceYears } from '../src/conflict/peace-years.js';
import { CsvParser, readCsv, readCsvSync } from '../src/tables/read-csv.js';
import { tempDir } from './helpers.js';

const TEXT = [
  '\uFEFFid,"name, full",value,flag',
  'a,"Alpha, the ""first""",1.5,TRUE',
  '',
  'b,"two\nlines",-2e-3,0',
  'c,plain,NA,1\r',
  'a,x,,false',
].join('\n');

function parseInChunks(text: string, size: number) {
  const bytes = Buffer.from(text);
  const parser = new CsvParser('t.csv', { numeric: ['value', 'flag'], text: ['id', 'name, full'] });
  for (let at = 0; at < bytes.length; at += size) parser.push(bytes.subarray(at, at + size));
  return parser.end();
}

describe('the CSV reader', () => {
  it('reads quotes, doubled quotes, quoted newlines, CRLF, a BOM, blank lines and missing values', () => {
    const t = parseInChunks(TEXT, 1 << 20);
    expect(t.n).toBe(4);
    expect(t.header).toEqual(['id', 'name, full', 'value', 'flag']);
    expect(Array.from(t.numeric.get('value')!)).toEqual([1.5, -0.002, Number.NaN, Number.NaN]);
    expect(Array.from(t.numeric.get('flag')!)).toEqual([1, 0, 1, 0]);
    const name = t.text.get('name, full')!;
    expect(Array.from(name.ids, (id) => name.values[id])).toEqual([
      'Alpha, the "first"',
      'two\nlines',
      'plain',
      'x',
    ]);
    const id = t.text.get('id')!;
    expect(id.ids[0]).toBe(id.ids[3]);
    expect(Array.from(t.line)).toEqual([2, 4, 6, 7]);
  });

  it('gives the same table whatever the chunk boundaries', () => {
    const whole = parseInChunks(TEXT, 1 << 20);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), (size) => {
        const t = parseInChunks(TEXT, size);
        expect(Array.from(t.numeric.get('value')!)).toEqual(Array.from(whole.numeric.get('value')!));
        expect(t.text.get('name, full')!.values).toEqual(whole.text.get('name, full')!.values);
        expect(Array.from(t.line)).toEqual(Array.from(whole.line));
      }),
    );
  });

  it('parses numbers exactly as Number() does', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        for (const text of [String(x), x.toExponential(), x.toPrecision(7)]) {
          const t = parseInChunks(
            `id,name, full,value,flag\na,b,${text},1\n`.replace('name, full', '"name, full"'),
            64,
          );
          expect(Object.is(t.numeric.get('value')![0], Number(text))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads gzip files, streaming or at once', async () => {
    const dir = tempDir();
    const file = join(dir, 't.csv.gz');
    writeFileSync(file, gzipSync(TEXT));
    for (const t of [
      await readCsv(file, { numeric: ['value'] }),
      readCsvSync(file, { numeric: ['value'] }),
    ]) {
      expect(t.n).toBe(4);
      expect(t.numeric.get('value')![0]).toBe(1.5);
    }
  });

  it.each([
    [
      'a missing column',
      'id,value\n1,2\n',
      { numeric: ['valeu'] },
      /t\.csv:1: missing column 'valeu'; did you mean 'value'/,
    ],
    [
      'a non-numeric cell',
      'id,value\n1,2\n2,abc\n',
      { numeric: ['value'] },
      /t\.csv:3: column 'value': 'abc' is not a number/,
    ],
    [
      'a short row',
      'id,value\n1,2\n3\n',
      { numeric: ['value'] },
      /t\.csv:3: expected 2 fields as in the header, found 1/,
    ],
    [
      'an unclosed quote',
      'id,value\n1,"2\n',
      { numeric: ['value'] },
      /t\.csv:2: a quoted field is never closed/,
    ],
    ['an empty file', '', { numeric: ['value'] }, /t\.csv: the file is empty/],
  ])('refuses %s, naming the line', (_what, text, request, pattern) => {
    const parser = new CsvParser('t.csv', request);
    expect(() => {
      parser.push(Buffer.from(text));
      parser.end();
    }).toThrow(pattern);
  });
});

describe('peace-years', () => {
  const where = (row: number) => `row ${row}`;

  it('count from the dyad’s first year, restart the year after an event, in year order', () => {
    // One dyad, rows out of order, a gap in 2004, events in 2002 and 2005.
    const year = Float64Array.from([2003, 2000, 2001, 2002, 2005, 2006, 2007]);
    const event = [0, 0, 0, 1, 1, 0, 0];
    const py = peaceYears(new Int32Array(7), year, event, where, 'year');
    expect(Array.from(py)).toEqual([0, 0, 1, 2, 2, 0, 1]);
  });

  it('agree with a direct count for random tables', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            dyad: fc.integer({ min: 0, max: 4 }),
            year: fc.integer({ min: 1950, max: 1970 }),
            event: fc.boolean(),
          }),
          {
            maxLength: 80,
          },
        ),
        (rows) => {
          const seen = new Set<string>();
          const unique = rows.filter(
            (r) => !seen.has(`${r.dyad}:${r.year}`) && seen.add(`${r.dyad}:${r.year}`),
          );
          const py = peaceYears(
            Int32Array.from(unique, (r) => r.dyad),
            Float64Array.from(unique, (r) => r.year),
            unique.map((r) => (r.event ? 1 : 0)),
            where,
            'year',
          );
          unique.forEach((r, i) => {
            const mine = unique.filter((o) => o.dyad === r.dyad);
            const first = Math.min(...mine.map((o) => o.year));
            const before = mine.filter((o) => o.event && o.year < r.year).map((o) => o.year);
            const last = before.length ? Math.max(...before) : first - 1;
            expect(py[i]).toBe(r.year - 1 - last);
          });
        },
      ),
    );
  });

  it('refuse a dyad that appears twice in a year, and a missing year', () => {
    expect(() =>
      peaceYears(Int32Array.from([0, 0]), Float64Array.from([2000, 2000]), [0, 0], where, 'year'),
    ).toThrow(/row 1: the same dyad appears twice in year 2000 \(also row 0\)/);
    expect(() => peaceYears(Int32Array.from([0]), Float64Array.from([Number.NaN]), [0], where, 'yr')).toThrow(
      /row 0: column 'yr' is missing/,
    );
  });
});
