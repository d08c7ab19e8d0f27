/** `worldorder params`: the parameter registry as a table, Markdown or JSON. */
import { registry } from '../../model/engine.js';
import type { ParamDef } from '../../model/registry.js';

interface ParamsOptions {
  search?: string;
  markdown?: boolean;
  json?: boolean;
}

export function paramsMarkdown(defs: readonly ParamDef[]): string {
  const esc = (s: string) => s.replaceAll('|', '\\|');
  const lines = [
    '| id | default | range | distribution | units | description | source |',
    '|---|---|---|---|---|---|---|',
    ...defs.map(
      (d) =>
        `| \`${d.id}\` | ${d.default} | ${d.min === d.max ? 'fixed' : `${d.min} to ${d.max}`} | ${d.distribution} | ${esc(d.units)} | ${esc(d.description)} | ${esc(d.source)} |`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

export async function params(opts: ParamsOptions): Promise<void> {
  const needle = opts.search?.toLowerCase();
  const defs = registry.defs.filter(
    (d) => !needle || [d.id, d.description, d.source].some((s) => s.toLowerCase().includes(needle)),
  );
  if (opts.json) {
    const rows = defs.map(({ id, default: def, min, max, units, source, description, lever }) => ({
      id,
      default: def,
      min,
      max,
      units,
      source,
      description,
      ...(lever ? { lever } : {}),
    }));
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  } else if (opts.markdown) {
    process.stdout.write(paramsMarkdown(defs));
  } else {
    const idWidth = Math.max(2, ...defs.map((d) => d.id.length));
    const out = defs.map(
      (d) =>
        `${d.id.padEnd(idWidth)}  ${String(d.default).padStart(9)}  ${(d.min === d.max ? 'fixed' : `[${d.min}, ${d.max}]`).padEnd(16)} ${d.units.padEnd(12)} ${d.description}`,
    );
    process.stdout.write(`${out.join('\n')}\n${defs.length} of ${registry.defs.length} parameters\n`);
  }
}
