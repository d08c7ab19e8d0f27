/** The fan chart of an ensemble and the ranked bars of a sensitivity analysis (src/output/charts.ts). */
import { describe, expect, it } from 'vitest';
import { CHART_HEIGHT, CHART_WIDTH, fanChartSvg, rankChartSvg, renderPng } from '../src/output/charts.js';

const years = [2024, 2025, 2026, 2027];
const fan = {
  title: 'Warming',
  subtitle: 'test',
  yLabel: 'K',
  years,
  quantiles: [
    [1, 1.1, 1.2, 1.3],
    [1.1, 1.2, 1.35, 1.5],
    [1.2, 1.3, 1.5, 1.7],
    [1.3, 1.4, 1.65, 1.9],
    [1.4, 1.5, 1.8, 2.1],
  ],
  rules: [{ value: 1.5, label: '1.5 K' }],
} as const;

describe('fanChartSvg', () => {
  it('draws two bands and the median line, with the title and reference line', () => {
    const svg = fanChartSvg(fan);
    expect(svg).toContain('>Warming<');
    expect(svg).toContain('>1.5 K<');
    expect(svg.match(/fill-opacity="0.18"/g)).toHaveLength(1);
    expect(svg.match(/fill-opacity="0.35"/g)).toHaveLength(1);
    const png = renderPng(svg);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
    expect(renderPng(fanChartSvg(fan)).equals(png)).toBe(true);
  });
});

describe('rankChartSvg', () => {
  it('lists the labels top to bottom in the given order, one bar per label and measure', () => {
    const labels = ['climate.tcr', 'climate.intensity_decline', 'economy.frontier_growth'];
    const svg = rankChartSvg({
      title: 'What drives warming',
      subtitle: 'test',
      xLabel: 'Share of the variance',
      labels,
      measures: [
        { name: 'total', values: [0.5, 0.3, 0.1], lo: [0.4, 0.2, 0.05], hi: [0.6, 0.4, 0.15] },
        { name: 'first-order', values: [0.4, 0.25, 0.05] },
      ],
    });
    const at = labels.map((l) => svg.indexOf(`>${l}<`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const bars = svg.slice(svg.indexOf('aria-label="bar"'), svg.indexOf('aria-label="rule"'));
    expect(bars.match(/<rect /g)).toHaveLength(labels.length * 2);
    // One interval, for each label's first measure.
    const rules = svg.slice(svg.indexOf('aria-label="rule"'));
    expect(rules.match(/<line /g)!.length).toBeGreaterThanOrEqual(labels.length);
    expect(renderPng(svg).subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});
