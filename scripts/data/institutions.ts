/**
 * The institutions section of data/world.json: data/raw/institutions.csv (one row per institution) and
 * data/raw/institution_members.csv (one row per institution and state, a source per row), checked and with
 * funding shares resolved by src/data/institutions.ts; plus each state's exports and imports shares of GDP for the climate
 * club's trade penalty and the WTO's trade-based funding rule (World Bank via Gapminder; where the base year
 * is missing, the UN subregion median).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseInstitutionList, parseMembership } from '../../src/data/institutions.js';
import type { InstitutionsData, ValueSource } from '../../src/model/world-data.js';

export const INSTITUTION_FILES = ['institutions.csv', 'institution_members.csv'] as const;
/** The code that turns them into data, hashed into the data version with the tables. */
export const INSTITUTION_CODE = [
  fileURLToPath(import.meta.url),
  fileURLToPath(new URL('../../src/data/institutions.ts', import.meta.url)),
];

const TRADE_SOURCE = 'World Bank WDI trade in goods and services, % of GDP (via Gapminder systema_globalis)';

export interface InstitutionInputs {
  readonly rawDir: string;
  readonly baseYear: number;
  readonly iso3: readonly string[];
  readonly subregion: readonly string[];
  readonly gdp: readonly number[];
  /** Observed exports and imports of goods and services, % of GDP, in the base year (undefined where missing). */
  readonly exportsPctGdp: readonly (number | undefined)[];
  readonly importsPctGdp: readonly (number | undefined)[];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : 0.5 * (s[m - 1] + s[m]);
}

/** A base-year series with gaps filled by the UN subregion median, and where each value comes from. */
function fillBySubregion(
  values: readonly (number | undefined)[],
  inp: InstitutionInputs,
  what: string,
): { values: number[]; sources: ValueSource[] } {
  const bySubregion = new Map<string, number[]>();
  values.forEach((v, i) => {
    if (v !== undefined) bySubregion.set(inp.subregion[i], [...(bySubregion.get(inp.subregion[i]) ?? []), v]);
  });
  const sources: ValueSource[] = [];
  const filled = values.map((v, i) => {
    if (v !== undefined) {
      sources.push({ source: `${TRADE_SOURCE}, ${what}`, year: inp.baseYear });
      return v;
    }
    const m = median(bySubregion.get(inp.subregion[i])!);
    sources.push({
      source: `${TRADE_SOURCE}, ${what}`,
      year: inp.baseYear,
      imputed: `no ${what} for ${inp.baseYear}: the ${inp.subregion[i]} median (${m.toFixed(1)} % of GDP)`,
    });
    return m;
  });
  return { values: filled, sources };
}

export function buildInstitutions(inp: InstitutionInputs): InstitutionsData {
  const exports = fillBySubregion(inp.exportsPctGdp, inp, 'exports');
  const imports = fillBySubregion(inp.importsPctGdp, inp, 'imports');
  const [listFile, membersFile] = INSTITUTION_FILES;
  const read = (f: string) => readFileSync(join(inp.rawDir, f), 'utf8');
  const list = parseInstitutionList(read(listFile), `data/raw/${listFile}`);
  const membership = parseMembership(read(membersFile), `data/raw/${membersFile}`, list, {
    iso3: inp.iso3,
    gdp: inp.gdp,
    tradePctGdp: exports.values.map((x, i) => x + imports.values[i]),
  });
  return {
    list,
    ...membership,
    exportsPctGdp: exports.values,
    importsPctGdp: imports.values,
    tradeSources: exports.sources.map((s, i) => (s.imputed ? s : imports.sources[i])),
  };
}
