/**
 * `worldorder club`: the stable climate clubs of the model's base-year world over a grid of target carbon
 * prices and penalty tariffs (Nordhaus 2015), from the grand coalition and from an empty club, and the lowest
 * tariff at which each price holds a club with at least `--target` % of the states' emissions.
 */
import { loadWorldData } from '../../data/load.js';
import { UserError } from '../../errors.js';
import { clubOutcomes } from '../../model/cooperation/club.js';
import { registry } from '../../model/engine.js';
import { toCsv } from '../../output/csv.js';
import { parseSets } from '../overrides.js';

interface ClubOptions {
  prices: string;
  tariffs: string;
  target: string;
  set: string[];
  csv?: boolean;
}

function numbers(text: string, flag: string, min: number, max: number): number[] {
  const xs = text.split(',').map((s) => Number(s.trim()));
  if (xs.length === 0 || xs.some((x) => !Number.isFinite(x) || x < min || x > max) || text.trim() === '') {
    throw new UserError(`expected comma-separated numbers from ${min} to ${max}, got '${text}'`, flag);
  }
  return xs;
}

export async function club(opts: ClubOptions): Promise<void> {
  const prices = numbers(opts.prices, '--prices', 0.01, 1000);
  const tariffs = numbers(opts.tariffs, '--tariffs', 0, 100).sort((a, b) => a - b);
  const [target] = numbers(opts.target, '--target', 1, 100);
  const p = registry.resolve(parseSets(opts.set, registry));
  const data = loadWorldData();
  const economy = {
    gdp: data.base.gdp_billion_usd2015,
    emissions: data.base.co2_fossil_mtco2,
    exportsShare: data.institutions.exportsPctGdp.map((x) => x / 100),
  };
  const outcomes = clubOutcomes(
    economy,
    {
      scc: p['cooperation.scc_usd_per_tco2'],
      backstop: p['cooperation.backstop_usd_per_tco2'],
      exponent: p['cooperation.cost_exponent'],
      incidence: p['cooperation.tariff_incidence'],
    },
    prices,
    tariffs.map((t) => t / 100),
  );
  const header = [
    'price_usd_per_tco2',
    'tariff_pct',
    'members_from_all',
    'emissions_share_from_all_pct',
    'members_from_none',
    'emissions_share_from_none_pct',
  ];
  const rows = outcomes.map((o) => [
    o.price,
    Number((100 * o.tariff).toFixed(4)),
    o.fromAll.members,
    Number((100 * o.fromAll.emissionsShare).toFixed(1)),
    o.fromNone.members,
    Number((100 * o.fromNone.emissionsShare).toFixed(1)),
  ]);
  if (opts.csv) {
    process.stdout.write(toCsv(header, rows));
    return;
  }
  const widths = header.map((h) => h.length);
  const lines = [
    header.join('  '),
    ...rows.map((r) => r.map((v, c) => String(v).padStart(widths[c])).join('  ')),
  ];
  lines.push(
    '',
    `Lowest tariff in the grid at which a club founded by every state holds ${target} % or more of the states' emissions`,
    `(SCC ${p['cooperation.scc_usd_per_tco2']} USD/t split by GDP share, backstop ${p['cooperation.backstop_usd_per_tco2']} USD/t, exporter incidence ${p['cooperation.tariff_incidence']}):`,
  );
  for (const price of prices) {
    const hit = outcomes.find((o) => o.price === price && 100 * o.fromAll.emissionsShare >= target);
    lines.push(
      `  ${String(price).padStart(6)} USD/t: ${hit ? `${Number((100 * hit.tariff).toFixed(4))} %` : `none up to ${tariffs.at(-1)} %`}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
