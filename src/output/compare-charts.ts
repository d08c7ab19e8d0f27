/** Charts of a comparison: one PNG per headline indicator, a line per scenario. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunResult } from '../model/engine.js';
import { lineChartSvg, renderPng } from './charts.js';
import type { HeadlineIndicator } from './consequences.js';

export async function writeCompareCharts(
  runs: readonly { readonly name: string; readonly result: RunResult }[],
  indicators: readonly HeadlineIndicator[],
  dir: string,
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const years = [...new Set(runs.flatMap((r) => r.result.years))].sort((a, b) => a - b);
  const written: string[] = [];
  for (const h of indicators) {
    const svg = lineChartSvg({
      title: h.label,
      subtitle: `Scenarios: ${runs.map((r) => r.name).join(', ')}`,
      yLabel: h.label,
      years,
      // NaN outside a scenario's years, so its line stops there.
      series: runs.map((r) => ({
        label: r.name,
        values: years.map((y) => r.result.global[h.name][y - r.result.years[0]] ?? Number.NaN),
      })),
      rules: h.rules,
      zero: h.zero,
    });
    const file = `${h.name}.png`;
    await writeFile(join(dir, file), renderPng(svg));
    written.push(file);
  }
  return written;
}
