/** `worldorder scenarios`: the shipped scenario library. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadWorldData } from '../../data/load.js';
import { parseScenario, SCENARIO_DIR, shippedScenarios } from '../../scenario/load.js';

export async function scenarios(): Promise<void> {
  const data = loadWorldData();
  for (const name of shippedScenarios()) {
    const file = join(SCENARIO_DIR, `${name}.yaml`);
    const s = parseScenario(readFileSync(file, 'utf8'), file, data);
    const changed = Object.keys(s.parameters).length;
    process.stdout.write(
      `${name}  (${s.first_year}-${s.last_year}, seed ${s.seed}, ${changed} parameter${changed === 1 ? '' : 's'} changed)\n  ${s.description}\n`,
    );
  }
}
