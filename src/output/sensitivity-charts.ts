/** Charts of a sensitivity analysis: per headline indicator, the top parameters with their measures. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Method, Ranked } from '../sensitivity/analysis.js';
import { type RankMeasure, rankChartSvg, renderPng } from './charts.js';
import type { HeadlineIndicator } from './consequences.js';

/** Parameters per chart. */
const TOP = 12;

function measures(method: Method, rows: readonly Ranked[]): RankMeasure[] {
  const col = (c: string) => rows.map((r) => r.measures[c]);
  return method === 'morris'
    ? [
        { name: 'mu*', values: col('mu_star'), lo: col('mu_star_lo'), hi: col('mu_star_hi') },
        { name: 'sigma', values: col('sigma') },
      ]
    : [
        { name: 'total', values: col('total'), lo: col('total_lo'), hi: col('total_hi') },
        {
          name: 'first-order',
          values: col('first_order'),
          lo: col('first_order_lo'),
          hi: col('first_order_hi'),
        },
      ];
}

export async function writeSensitivityCharts(
  method: Method,
  results: readonly { readonly h: HeadlineIndicator; readonly ranked: readonly Ranked[] }[],
  dir: string,
  subtitle: string,
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const { h, ranked } of results) {
    const rows = ranked.slice(0, TOP);
    const svg = rankChartSvg({
      title: `What drives: ${h.label}`,
      subtitle:
        method === 'morris'
          ? `${subtitle} · blue: mu* with 95 % CI, orange: sigma`
          : `${subtitle} · blue: total index, orange: first-order, with 95 % CIs`,
      xLabel:
        method === 'morris' ? `Change in ${h.label} across a parameter's range` : 'Share of the variance',
      labels: rows.map((r) => r.parameter),
      measures: measures(method, rows),
    });
    const file = `${h.name}.png`;
    await writeFile(join(dir, file), renderPng(svg));
    written.push(file);
  }
  return written;
}
