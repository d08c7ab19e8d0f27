/**
 * `worldorder institutions`: the base-year institutions, their members and funding, with sources; or a check of
 * an edited membership table (`--members`), which stops at its first bad row with file:line.
 */
import { readFileSync } from 'node:fs';
import { withMembership } from '../../data/institutions.js';
import { loadWorldData } from '../../data/load.js';
import { UserError } from '../../errors.js';
import { registry, simulate } from '../../model/engine.js';
import type { WorldData } from '../../model/world-data.js';
import { writeFileAtomically } from '../../output/atomic.js';
import { toCsv } from '../../output/csv.js';
import { nearest } from '../../suggest.js';

interface InstitutionsOptions {
  members?: string;
  id?: string;
  country?: string;
  csv?: boolean;
  out?: string;
}

interface Table {
  readonly header: readonly string[];
  readonly rows: (string | number)[][];
}

/** The dataset, with the membership table replaced when `--members` is given. */
export function dataWithMembers(file: string | undefined): WorldData {
  const data = loadWorldData();
  if (!file) return data;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UserError('cannot read the membership table', file);
  }
  return withMembership(data, text, file);
}

function overview(data: WorldData): Table {
  const I = data.institutions;
  const base = simulate(data, {
    params: registry.resolve(),
    seed: 0,
    firstYear: data.baseYear,
    lastYear: data.baseYear,
  }).tables.institutions.rows;
  const rows = I.list.map((d, k) => {
    const [, , members, gdpShare, , legitimacy, effectiveness] = base[k];
    const others = I.members.status.filter((s, r) => I.members.institution[r] === k && s !== 'member').length;
    return [
      d.id,
      members,
      others,
      Number((100 * (gdpShare as number)).toFixed(1)),
      d.scope,
      d.decisionRule,
      d.leavable ? 'yes' : 'no',
      d.fundingRule,
      Number((legitimacy as number).toFixed(3)),
      Number((effectiveness as number).toFixed(3)),
      d.name,
    ];
  });
  return {
    header: [
      'id',
      'members',
      'other_status',
      'gdp_share_pct',
      'scope',
      'decision_rule',
      'leavable',
      'funding_rule',
      'legitimacy_index',
      'effectiveness_index',
      'name',
    ],
    rows,
  };
}

function memberRows(data: WorldData, keep: (k: number, i: number) => boolean): Table {
  const I = data.institutions;
  const m = I.members;
  const rows: (string | number)[][] = [];
  for (let r = 0; r < m.institution.length; r++) {
    if (!keep(m.institution[r], m.country[r])) continue;
    rows.push([
      I.list[m.institution[r]].id,
      data.countries.iso3[m.country[r]],
      m.status[r],
      m.status[r] === 'member' ? Number((100 * m.fundingShare[r]).toPrecision(4)) : '',
      m.fundingSource[r] >= 0 ? I.sources[m.fundingSource[r]] : '',
      I.sources[m.source[r]],
      m.note[r],
    ]);
  }
  return {
    header: ['institution', 'iso3', 'status', 'funding_share_pct', 'funding_source', 'source', 'note'],
    rows,
  };
}

function text(t: Table): string {
  const cells = [t.header, ...t.rows].map((row) => row.map(String));
  // The last column (a name or a note) is left unpadded.
  const widths = t.header.map((_, c) => Math.max(...cells.map((row) => row[c].length)));
  return `${cells.map((row) => row.map((v, c) => (c < row.length - 1 ? v.padEnd(widths[c]) : v)).join('  ')).join('\n')}\n`;
}

function csv(t: Table): string {
  const quote = (v: string | number) =>
    typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
  return toCsv(
    t.header,
    t.rows.map((row) => row.map(quote)),
  );
}

export async function institutions(opts: InstitutionsOptions): Promise<void> {
  const data = dataWithMembers(opts.members);
  const ids = data.institutions.list.map((d) => d.id);
  let table: Table;
  if (opts.id !== undefined) {
    const k = ids.indexOf(opts.id.toUpperCase());
    if (k < 0) {
      throw new UserError(
        `unknown institution '${opts.id}'; did you mean ${nearest(opts.id.toUpperCase(), ids).join(', ')}?`,
        '--id',
      );
    }
    table = memberRows(data, (kk) => kk === k);
  } else if (opts.country !== undefined) {
    const i = data.countries.iso3.indexOf(opts.country.toUpperCase());
    if (i < 0) {
      throw new UserError(
        `unknown country '${opts.country}'; nearest ISO3 codes: ${nearest(opts.country.toUpperCase(), data.countries.iso3).join(', ')}`,
        '--country',
      );
    }
    table = memberRows(data, (_, ii) => ii === i);
  } else {
    table = overview(data);
  }
  const out = opts.csv || opts.out ? csv(table) : text(table);
  if (opts.out) {
    writeFileAtomically(opts.out, out);
    process.stdout.write(`wrote ${opts.out}: ${table.rows.length} rows\n`);
  } else {
    process.stdout.write(out);
  }
}
