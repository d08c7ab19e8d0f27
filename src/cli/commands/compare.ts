/** `worldorder compare`: several scenarios side by side on the headline indicators. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadWorldData } from '../../data/load.js';
import { UserError } from '../../errors.js';
import { type RunResult, registry, simulate } from '../../model/engine.js';
import { writeDirectoryAtomically } from '../../output/atomic.js';
import { headlineIndicators, headlineYears } from '../../output/consequences.js';
import { toCsv } from '../../output/csv.js';
import { loadScenario } from '../../scenario/load.js';
import { parseSeed } from '../overrides.js';

interface CompareOptions {
  out?: string;
  seed?: string;
}

interface Compared {
  readonly name: string;
  readonly result: RunResult;
}

/** A run's value of a global output in a year, or NaN outside its years. */
function valueAt(r: RunResult, name: string, year: number): number {
  const k = year - r.years[0];
  return k >= 0 && k < r.years.length ? r.global[name][k] : Number.NaN;
}

const signed = (x: number, digits: number) => {
  const text = x.toFixed(digits);
  // -0.00 and 0.00 read the same: no change at this precision.
  return Number(text) === 0 ? text.replace('-', '') : x > 0 ? `+${text}` : text;
};

/** The side-by-side table: a block per consequence, a row per indicator and year. */
export function compareTable(runs: readonly Compared[]): string {
  const first = runs[0];
  const years = headlineYears(first.result.years);
  const headline = headlineIndicators();
  const labelWidth = Math.max(...headline.map((h) => h.label.length + 4));
  const columns = [
    ...runs.map((r) => ({
      title: r.name,
      value: (h: string, y: number) => valueAt(r.result, h, y),
      diff: false,
    })),
    ...runs.slice(1).map((r) => ({
      title: `${r.name}-${first.name}`,
      value: (h: string, y: number) => valueAt(r.result, h, y) - valueAt(first.result, h, y),
      diff: true,
    })),
  ].map((c) => ({ ...c, width: Math.max(10, c.title.length + 2) }));
  const lines = [
    `worldorder compare: ${runs.map((r) => r.name).join(', ')} (differences against ${first.name})`,
    '',
    ['indicator'.padEnd(labelWidth), 'year', ...columns.map((c) => c.title.padStart(c.width))].join(''),
  ];
  let consequence = '';
  for (const h of headline) {
    if (h.consequence !== consequence) {
      consequence = h.consequence;
      lines.push(consequence);
    }
    years.forEach((year, y) => {
      const cells = columns.map((c) => {
        const v = c.value(h.name, year);
        const text = Number.isNaN(v) ? '-' : c.diff ? signed(v, h.digits) : v.toFixed(h.digits);
        return text.padStart(c.width);
      });
      lines.push([(y === 0 ? `  ${h.label}` : '').padEnd(labelWidth), String(year), ...cells].join(''));
    });
  }
  return `${lines.join('\n')}\n`;
}

export async function compare(scenarioArgs: string[], opts: CompareOptions): Promise<void> {
  if (scenarioArgs.length < 2) throw new UserError('give at least two scenarios to compare');
  const data = loadWorldData();
  const seed = opts.seed === undefined ? undefined : parseSeed(opts.seed);
  const loaded = scenarioArgs.map((arg) => loadScenario(arg, data).scenario);
  const seen = new Set<string>();
  for (const s of loaded) {
    if (seen.has(s.name)) throw new UserError(`scenario '${s.name}' is given twice`);
    seen.add(s.name);
  }
  const runs: Compared[] = loaded.map((s) => ({
    name: s.name,
    result: simulate(data, {
      params: registry.resolve(s.parameters),
      seed: seed ?? s.seed,
      firstYear: s.first_year,
      lastYear: s.last_year,
      events: s.events,
    }),
  }));
  const table = compareTable(runs);
  if (opts.out !== undefined) {
    const out = opts.out;
    const headline = headlineIndicators();
    const first = runs[0];
    await writeDirectoryAtomically(out, async (tmp) => {
      const allYears = [...new Set(runs.flatMap((r) => r.result.years))].sort((a, b) => a - b);
      const rows = headline.flatMap((h) =>
        allYears.flatMap((year) =>
          runs.flatMap((r) => {
            const v = valueAt(r.result, h.name, year);
            const d = v - valueAt(first.result, h.name, year);
            return Number.isNaN(v) ? [] : [[h.name, year, r.name, v, Number.isNaN(d) ? '' : d]];
          }),
        ),
      );
      writeFileSync(
        join(tmp, 'compare.csv'),
        toCsv(['indicator', 'year', 'scenario', 'value', `difference_from_${first.name}`], rows),
      );
      const { writeCompareCharts } = await import('../../output/compare-charts.js');
      await writeCompareCharts(runs, headline, join(tmp, 'charts'));
    });
    process.stdout.write(`${table}\nwrote ${out}/: compare.csv, charts/\n`);
  } else {
    process.stdout.write(table);
  }
}
