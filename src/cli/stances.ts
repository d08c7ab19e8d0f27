/** `--stances FILE`: base-year government stances replaced from a table (src/data/stances.ts checks it). */
import { readFileSync } from 'node:fs';
import { parseStanceTable } from '../data/stances.js';
import { UserError } from '../errors.js';
import type { WorldData } from '../model/world-data.js';

/** The dataset with the base-year stances of the states in a stance table replaced. */
export function withStances(
  data: WorldData,
  file: string,
): { data: WorldData; stances: Record<string, string> } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UserError('cannot read the stance table', file);
  }
  const rows = parseStanceTable(text, file, data.countries.iso3);
  const stance = [...data.politics.stance];
  const stances: Record<string, string> = {};
  for (const r of rows) {
    stance[data.countries.iso3.indexOf(r.iso3)] = r.stance;
    stances[r.iso3] = r.fields.stance;
  }
  return { data: { ...data, politics: { ...data.politics, stance } }, stances };
}
