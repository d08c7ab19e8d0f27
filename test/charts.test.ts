import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorldData } from '../src/data/load.js';
import { registry, simulate } from '../src/model/engine.js';
import { CHART_HEIGHT, CHART_WIDTH, spreadLabels, writeCharts } from '../src/output/charts.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const EXPECTED = [
  'population.png',
  'gdp.png',
  'emissions.png',
  'concentration.png',
  'temperature.png',
  'top-emitters.png',
];

/** Width and height from the IHDR chunk, which must come first. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('writeCharts', () => {
  let root: string;
  let first: string[];
  const dirs = { a: '', b: '' };

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'worldorder-charts-'));
    dirs.a = join(root, 'a');
    dirs.b = join(root, 'b', 'nested');
    const result = simulate(loadWorldData(), {
      params: registry.resolve(),
      seed: 1,
      firstYear: 2024,
      lastYear: 2100,
    });
    first = await writeCharts(result, dirs.a, 'baseline');
    await writeCharts(result, dirs.b, 'baseline');
  }, 20_000);

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('writes every chart and returns its file names', () => {
    expect(first).toEqual(EXPECTED);
  });

  it('writes PNGs of the expected size', async () => {
    for (const file of EXPECTED) {
      const png = await readFile(join(dirs.a, file));
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE), file).toBe(true);
      expect(pngSize(png), file).toEqual({ width: CHART_WIDTH, height: CHART_HEIGHT });
    }
  });

  it('is deterministic: two renders are byte-identical', async () => {
    for (const file of EXPECTED) {
      const [a, b] = await Promise.all([readFile(join(dirs.a, file)), readFile(join(dirs.b, file))]);
      expect(a.equals(b), file).toBe(true);
    }
  });
});

describe('spreadLabels', () => {
  it('leaves labels that are far apart where they are', () => {
    expect(spreadLabels([0, 10, 5], 1)).toEqual([0, 10, 5]);
  });

  it('spreads colliding labels around their mean, keeping order and the minimum gap', () => {
    const out = spreadLabels([5, 5.2, 4.9, 20], 1);
    expect(out[3]).toBe(20);
    const sorted = [out[2], out[0], out[1]];
    expect(sorted[1] - sorted[0]).toBeCloseTo(1);
    expect(sorted[2] - sorted[1]).toBeCloseTo(1);
    expect((sorted[0] + sorted[1] + sorted[2]) / 3).toBeCloseTo((5 + 5.2 + 4.9) / 3);
  });

  it('keeps labels within bounds', () => {
    const out = spreadLabels([0, 0, 0], 1, 0, 10);
    expect(Math.min(...out)).toBeCloseTo(0);
    expect(Math.max(...out)).toBeCloseTo(2);
  });
});
