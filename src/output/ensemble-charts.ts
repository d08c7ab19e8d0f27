/** Fan charts of an ensemble: one PNG per headline indicator, named after it. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EnsembleSeries } from '../ensemble/series.js';
import { quantilesByYear } from '../ensemble/series.js';
import { fanChartSvg, renderPng } from './charts.js';
import type { HeadlineIndicator } from './consequences.js';

export async function writeFanCharts(
  series: EnsembleSeries,
  indicators: readonly HeadlineIndicator[],
  dir: string,
  scenarioName: string,
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const h of indicators) {
    const q = quantilesByYear(series, h.name);
    const column = (c: number) => q.map((row) => row[c]);
    const svg = fanChartSvg({
      title: h.label,
      subtitle: `Scenario: ${scenarioName} · ${series.runs} runs · median, 25–75 % and 5–95 % of runs`,
      yLabel: h.label,
      years: series.years,
      quantiles: [column(1), column(2), column(3), column(4), column(5)],
      rules: h.rules,
      zero: h.zero,
    });
    const file = `${h.name}.png`;
    await writeFile(join(dir, file), renderPng(svg));
    written.push(file);
  }
  return written;
}
